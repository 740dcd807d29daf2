"""Language stage: document and paragraph languages with lingua, restricted to options.languages."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprism.language import detector_for
from newsprism.language import identify_language
from newsprism.model import Comment, Document, Paragraph, content_id
from newsprism.options import DEFAULT_LANGUAGES, Options

# One paragraph of news-like prose per default language (written for these tests).
PARAGRAPHS = {
    "en": "The defence ministry said on Tuesday that several convoys had crossed the border overnight, "
    "although officials declined to say how many soldiers were involved in the operation.",
    "fr": "Le ministère de la Défense a indiqué mardi que plusieurs convois avaient franchi la frontière "
    "pendant la nuit, sans préciser le nombre de soldats engagés dans l'opération.",
    "es": "El ministerio de Defensa afirmó el martes que varios convoyes habían cruzado la frontera durante "
    "la noche, aunque los funcionarios se negaron a precisar cuántos soldados participaron.",
    "pt": "O ministério da Defesa afirmou na terça-feira que vários comboios tinham atravessado a fronteira "
    "durante a noite, embora as autoridades não tenham dito quantos soldados estavam envolvidos.",
    "it": "Il ministero della Difesa ha dichiarato martedì che diversi convogli hanno attraversato il confine "
    "durante la notte, ma i funzionari non hanno voluto precisare quanti soldati fossero coinvolti.",
    "de": "Das Verteidigungsministerium teilte am Dienstag mit, dass in der Nacht mehrere Konvois die Grenze "
    "überquert hätten, wollte aber nicht sagen, wie viele Soldaten an dem Einsatz beteiligt waren.",
    "nl": "Het ministerie van Defensie zei dinsdag dat er 's nachts meerdere konvooien de grens waren "
    "overgestoken, maar wilde niet zeggen hoeveel soldaten bij de operatie betrokken waren.",
    "ru": "Министерство обороны сообщило во вторник, что ночью несколько колонн пересекли границу, однако "
    "официальные лица отказались уточнить, сколько военных участвовало в операции.",
    "uk": "Міністерство оборони повідомило у вівторок, що вночі кілька колон перетнули кордон, проте "
    "посадовці відмовилися уточнити, скільки військових брали участь в операції.",
    "pl": "Ministerstwo Obrony poinformowało we wtorek, że w nocy kilka konwojów przekroczyło granicę, "
    "jednak urzędnicy odmówili podania, ilu żołnierzy brało udział w operacji.",
    "tr": "Savunma Bakanlığı salı günü yaptığı açıklamada, gece boyunca birkaç konvoyun sınırı geçtiğini "
    "bildirdi ancak yetkililer operasyona kaç askerin katıldığını açıklamadı.",
    "ar": "قالت وزارة الدفاع يوم الثلاثاء إن عدة قوافل عبرت الحدود خلال الليل، لكن المسؤولين رفضوا "
    "الكشف عن عدد الجنود الذين شاركوا في العملية العسكرية.",
    "fa": "وزارت دفاع روز سه‌شنبه اعلام کرد که چند کاروان در طول شب از مرز عبور کرده‌اند، اما مقامات "
    "از گفتن اینکه چند سرباز در این عملیات شرکت داشتند خودداری کردند.",
    "zh": "国防部周二表示，夜间有数支车队越过边境，但官员拒绝透露有多少士兵参与了这次行动。"
    "分析人士认为，这一举动可能预示着该地区局势将进一步升级。",
}

SECOND_PARAGRAPHS = {
    "en": "Residents of the town described hearing explosions for several hours before the shelling stopped "
    "shortly after dawn, and local hospitals reported dozens of wounded civilians.",
    "fr": "Les habitants de la ville ont raconté avoir entendu des explosions pendant plusieurs heures avant "
    "que les bombardements ne cessent peu après l'aube, et les hôpitaux locaux ont signalé des dizaines de blessés.",
}


def _document(body: str, **fields) -> Document:
    return Document(id=content_id(body), source="test", body=body, **fields)


def _run(document: Document, languages: tuple[str, ...] = DEFAULT_LANGUAGES) -> Document:
    return identify_language(document, Options(languages=languages))


@pytest.mark.parametrize("code", sorted(PARAGRAPHS))
def test_each_default_language_is_recognised_on_one_paragraph(code):
    document = _run(_document(PARAGRAPHS[code]))
    assert document.language == code
    assert document.language_confidence is not None and 0.5 <= document.language_confidence <= 1.0
    assert [p.language for p in document.paragraph_languages] == [code]
    assert not any(w.startswith(("mixed languages", "low language confidence")) for w in document.warnings)


@pytest.mark.parametrize("first, second", [("uk", "ru"), ("fa", "ar"), ("es", "pt"), ("nl", "de"), ("it", "es")])
def test_close_languages_are_told_apart_paragraph_by_paragraph(first, second):
    body = PARAGRAPHS[first] + "\n\n" + PARAGRAPHS[second]
    document = _run(_document(body))
    assert [p.language for p in document.paragraph_languages] == [first, second]
    assert any(w.startswith("mixed languages: ") for w in document.warnings)


def test_mixed_english_french_document_gets_majority_language_and_per_paragraph_languages():
    paragraphs = [PARAGRAPHS["en"], PARAGRAPHS["fr"], SECOND_PARAGRAPHS["en"], SECOND_PARAGRAPHS["fr"], PARAGRAPHS["en"]]
    body = "\n\n".join(paragraphs)
    document = _run(_document(body))
    assert document.language == "en"
    assert [p.language for p in document.paragraph_languages] == ["en", "fr", "en", "fr", "en"]
    for span, text in zip(document.paragraph_languages, paragraphs, strict=True):
        assert body[span.start : span.end] == text
    mixed = [w for w in document.warnings if w.startswith("mixed languages: ")]
    assert len(mixed) == 1 and mixed[0].startswith("mixed languages: en ") and ", fr " in mixed[0]
    percentages = [int(part.split()[-1].rstrip("%")) for part in mixed[0].removeprefix("mixed languages: ").split(", ")]
    assert sum(percentages) == 100 and percentages[0] > percentages[1]


def test_a_short_quote_in_another_language_does_not_make_a_document_mixed():
    body = "\n\n".join([PARAGRAPHS["en"], SECOND_PARAGRAPHS["en"], PARAGRAPHS["en"], "« Nous restons ici. »"])
    document = _run(_document(body))
    assert document.language == "en"
    assert not any(w.startswith("mixed languages") for w in document.warnings)


def test_short_paragraphs_inherit_the_document_language_with_their_own_confidence():
    body = PARAGRAPHS["de"] + "\n\nFoto: dpa\n\n" + PARAGRAPHS["de"]
    document = _run(_document(body))
    short = document.paragraph_languages[1]
    assert body[short.start : short.end] == "Foto: dpa"
    assert short.language == "de"
    assert 0.0 <= short.confidence < document.paragraph_languages[0].confidence


def test_paragraph_offsets_come_from_the_extract_stage_when_it_gave_them():
    body = PARAGRAPHS["pl"] + "\n\n" + PARAGRAPHS["tr"]
    split = len(PARAGRAPHS["pl"])
    paragraphs = [Paragraph(start=0, end=split), Paragraph(start=split + 2, end=len(body))]
    document = _run(_document(body, paragraphs=paragraphs))
    assert [(p.start, p.end, p.language) for p in document.paragraph_languages] == [
        (0, split, "pl"),
        (split + 2, len(body), "tr"),
    ]


def test_empty_body_falls_back_to_title_and_comments_with_a_warning():
    document = _document(
        "",
        title="Россия и Турция договорились о новом перемирии в Идлибе",
        comments=[Comment(id="c1", text="Это очередная попытка выиграть время перед наступлением.")],
    )
    document = _run(document)
    assert document.language == "ru"
    assert any("body is empty" in w for w in document.warnings)
    assert document.paragraph_languages == []


def test_no_text_at_all_gives_no_language_and_a_warning():
    for document in (_document(""), _document("   \n\n  "), _document("2019 — 12:30 — 15/02")):
        document = _run(document)
        assert document.language is None
        assert document.language_confidence is None
        assert "no text to identify language" in document.warnings


def test_low_confidence_is_reported():
    document = _run(_document("Hotel Taxi Restaurant Pizza Radio Video Internet"))
    assert document.language_confidence is not None and document.language_confidence < 0.5
    assert any(w.startswith("low language confidence: ") for w in document.warnings)


def test_unknown_language_code_is_refused_listing_supported_codes():
    # Options validates the codes, so a bad code never reaches a worker process.
    with pytest.raises(ValueError, match=r"'xx'.*supported ISO 639-1 codes: .*\ben\b.*\buk\b"):
        Options(languages=("en", "xx"))
    with pytest.raises(ValueError, match="at least one language"):
        Options(languages=())


def test_a_single_language_set_answers_that_language():
    document = _run(_document(PARAGRAPHS["fr"]), languages=("en",))
    assert document.language == "en"


def test_restricted_language_set_only_answers_with_its_languages():
    document = _run(_document(PARAGRAPHS["fr"]), languages=("en", "de"))
    assert document.language in {"en", "de"}
    document = _run(_document(PARAGRAPHS["pt"]), languages=("es", "pt"))
    assert document.language == "pt"


def test_detector_is_built_once_per_language_set():
    assert detector_for(("en", "fr")) is detector_for(("en", "fr"))


def test_huge_body_is_judged_on_bounded_samples():
    paragraphs = [PARAGRAPHS["es"]] * 1500 + [PARAGRAPHS["en"]] * 10
    body = "\n\n".join(paragraphs)
    assert len(body) > 250_000
    _run(_document(PARAGRAPHS["es"]))  # models loaded before timing
    started = time.perf_counter()
    document = _run(_document(body))
    assert time.perf_counter() - started < 5
    assert document.language == "es"
    assert len(document.paragraph_languages) == len(paragraphs)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(sorted(PARAGRAPHS)), min_size=1, max_size=6), st.sampled_from(["\n\n", "\n \n", "\n\n\n"]))
def test_every_paragraph_gets_one_language_span_pointing_into_the_body(codes, separator):
    paragraphs = [PARAGRAPHS[code] for code in codes]
    body = separator.join(paragraphs)
    document = _run(_document(body))
    assert [body[p.start : p.end] for p in document.paragraph_languages] == paragraphs
    assert all(p.language in DEFAULT_LANGUAGES and 0.0 <= p.confidence <= 1.0 for p in document.paragraph_languages)
    assert document.language in codes
