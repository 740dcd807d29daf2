"""The quotes stage on real parses: direct, indirect and mixed quotes, speakers, cues and roles.

Entities are built by hand (the speaker's identity comes from ``document.entities``), so these
tests pin the quote stage's own behaviour; the sample articles are run through the entities stage
as well when it is installed.
"""

from __future__ import annotations

import re
import time

import pytest

from newsprism.model import Comment, Document, Entity, EntityType, Paragraph, QuoteKind
from newsprism.options import Options
from newsprism.quotes import find_quotes, quotes_stage
from newsprism.quotes.lexicon import lexicon
from newsprism.quotes.spans import find_marked_quotes, paragraph_spans


def make(text: str, language: str | None = "en", entities: list[tuple[str, str, str]] = ()) -> Document:
    """A document of ``text`` (paragraphs at blank lines) with entities given as (surface, type, id)."""
    paragraphs = [Paragraph(start=m.start(), end=m.end()) for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text)]
    document = Document(id="t", source="t", body=text, language=language, paragraphs=paragraphs)
    for surface, kind, identity in entities:
        for match in re.finditer(re.escape(surface), text):
            document.entities.append(
                Entity(text=surface, start=match.start(), end=match.end(), type=EntityType(kind), id=identity,
                       name=identity.split(":")[-1])
            )
    document.entities.sort(key=lambda e: e.start)
    return document


def run(document: Document) -> list:
    quotes = quotes_stage(document, Options()).quotes
    check_offsets(document, quotes)
    return quotes


def check_offsets(document: Document, quotes: list) -> None:
    body = document.body
    for quote in quotes:
        assert 0 <= quote.start < quote.end <= len(body)
        assert body[quote.start : quote.end] == quote.text
        if quote.cue is not None:
            assert body[quote.cue_start : quote.cue_end] == quote.cue
        if quote.speaker is not None:
            assert body[quote.speaker_start : quote.speaker_end] == quote.speaker


def only(quotes: list, fragment: str):
    found = [q for q in quotes if fragment in q.text]
    assert len(found) == 1, [q.text for q in quotes]
    return found[0]


PESKOV = ("Dmitry Peskov", "person", "np:person:dmitry-peskov")
LAVROV = ("Sergey Lavrov", "person", "Q80137")


# ------------------------------------------------------------------------------ quote marks

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("„Wir geben nicht auf“, sagte er.", ["Wir geben nicht auf"]),
        ("«Мы не отступим», — заявил он.", ["Мы не отступим"]),
        ("« Nous ne céderons pas », a-t-il dit.", ["Nous ne céderons pas"]),
        ("他说「我们不会让步」。", ["我们不会让步"]),
        ("Er sagte ‹nein› und ging.", ["nein"]),
        ('He said "we will win" and left.', ["we will win"]),
        ("''I loved it,'' she said.", ["I loved it"]),
        ("“He told me ‘we will win’ twice,” she said.", ["He told me ‘we will win’ twice"]),
        ("It will “not be left unanswered“.", ["not be left unanswered"]),
        ("L'armée n'a pas dit qu'elle partirait; don't ask the students' union.", []),
    ],
)
def test_quote_mark_styles(text, expected):
    warnings: list[str] = []
    quotes = find_marked_quotes(text, paragraph_spans(text), lexicon("en"), warnings)
    assert [text[q.start : q.end] for q in quotes] == expected
    assert warnings == []


def test_stage_is_registered_after_entities():
    from newsprism.pipeline import _REGISTRY

    assert _REGISTRY["quotes"].requires == ("entities",)


# --------------------------------------------------------------------------------------- English

def test_direct_quote_with_inverted_speaker_and_entity_id():
    document = make(
        "On December 9, Jean-Yves Le Drian told BFM TV that he was surprised.\n\n"
        "“I find it amazing that Russia sets victory over ISIS,” said Le Drian.",
        entities=[("Jean-Yves Le Drian", "person", "Q1"), ("Le Drian", "person", "Q1")],
    )
    quote = only(run(document), "I find it amazing")
    assert quote.kind == QuoteKind.DIRECT
    assert quote.text == "I find it amazing that Russia sets victory over ISIS"
    assert (quote.cue, quote.speaker, quote.speaker_id) == ("said", "Le Drian", "Q1")


def test_mixed_quote_and_title_before_the_name():
    document = make(
        "Kremlin spokesman Dmitry Peskov said that there is a need to make “steps aimed at clearing Idlib "
        "from terrorist groups”, but noted that this does not mean a military operation.",
        entities=[PESKOV],
    )
    quotes = run(document)
    mixed = only(quotes, "steps aimed")
    assert mixed.kind == QuoteKind.MIXED
    assert mixed.text.startswith("there is a need")
    assert (mixed.speaker, mixed.speaker_role) == ("Dmitry Peskov", "Kremlin spokesman")
    noted = only(quotes, "military operation")
    assert (noted.kind, noted.cue, noted.speaker_id) == (QuoteKind.INDIRECT, "noted", "np:person:dmitry-peskov")


def test_apposition_roles():
    document = make(
        "Dmitry Peskov, the Kremlin spokesman, told reporters on Thursday the talks would continue.\n\n"
        "France’s Chief of Defense Staff, General François Lecointre, said the coalition would stay in Syria.",
        entities=[PESKOV, ("François Lecointre", "person", "Q2")],
    )
    quotes = run(document)
    assert only(quotes, "talks would continue").speaker_role == "the Kremlin spokesman"
    lecointre = only(quotes, "coalition would stay")
    assert (lecointre.speaker_id, lecointre.speaker_role) == ("Q2", "France’s Chief of Defense Staff")


def test_according_to_and_parenthetical_said():
    document = make(
        "Egypt has sent a military air support unit to Syria, according to the Lebanese daily As-Safir.\n\n"
        "Many of the closures, he said, have involved public courses.",
        entities=[("As-Safir", "organisation", "np:organisation:as-safir")],
    )
    quotes = run(document)
    source = only(quotes, "Egypt has sent")
    assert (source.cue, source.speaker, source.speaker_role) == ("according to", "As-Safir", "Lebanese daily")
    assert source.text == "Egypt has sent a military air support unit to Syria"
    assert only(quotes, "closures").cue == "said"


def test_scare_quotes_and_titles_are_not_quotes():
    document = make(
        "The group lost its self-proclaimed “caliphate” last year. Fighters from the “moderate rebels” left.\n\n"
        "He wrote a book titled “The Coming War With Russia And Its Allies” in 2015.",
    )
    assert run(document) == []


def test_scare_quotes_in_an_accusation_are_part_of_it():
    quotes = run(make("France accused the regime of launching “total war” against the “moderate rebels”."))
    assert [(q.kind, q.cue, q.speaker) for q in quotes] == [(QuoteKind.MIXED, "accused", "France")]
    assert quotes[0].text == "the regime of launching “total war” against the “moderate rebels”"


def test_short_quote_set_off_by_a_verb_is_kept():
    quotes = run(make("“Never,” the minister said on Thursday."))
    assert [(q.text, q.cue, q.speaker) for q in quotes] == [("Never", "said", "the minister")]


def test_pronoun_takes_the_previous_speaker():
    document = make(
        "Foreign Minister Sergey Lavrov said the talks would resume in Geneva next week. "
        "He also said that Ankara and Moscow had reached an agreement.",
        entities=[LAVROV],
    )
    quotes = run(document)
    first = only(quotes, "talks would resume")
    assert (first.speaker_id, first.speaker_role) == ("Q80137", "Foreign Minister")
    second = only(quotes, "Ankara and Moscow")
    assert (second.speaker, second.speaker_id, second.speaker_name) == ("He", "Q80137", "Q80137")


def test_pronoun_stays_unresolved_when_two_people_were_named():
    document = make(
        "Sergey Lavrov met John Kerry in Geneva on Monday. He said that the talks had gone well.",
        entities=[LAVROV, ("John Kerry", "person", "Q22316")],
    )
    quote = only(run(document), "talks had gone well")
    assert (quote.speaker, quote.speaker_id) == ("He", None)


def test_continued_quote_and_quote_after_colon():
    document = make(
        "“We will not leave,” Lavrov said. “The talks will go on in Geneva next week.”\n\n"
        "Sergey Lavrov told reporters: “Nobody has invited them to Syria.”",
        entities=[("Lavrov", "person", "Q80137"), LAVROV],
    )
    quotes = run(document)
    assert {q.text: q.speaker_id for q in quotes} == {
        "We will not leave": "Q80137",
        "The talks will go on in Geneva next week.": "Q80137",
        "Nobody has invited them to Syria.": "Q80137",
    }


def test_block_quote_after_an_introduction_line():
    body = (
        "Ayrault added:\n\n"
        "It’s been proved that the regime has used chemical weapons, so we now need sanctions.\n\n"
        "We aren’t going to sit and do nothing.\n\n"
        "Since Russia renewed the siege of Aleppo this summer, France has led condemnation."
    )
    quotes = run(make(body, entities=[("Ayrault", "person", "Q3")]))
    assert len(quotes) == 1
    quote = quotes[0]
    assert quote.text.startswith("It’s been proved") and quote.text.endswith("do nothing.")
    assert (quote.kind, quote.cue, quote.speaker_id) == (QuoteKind.DIRECT, "added", "Q3")


def test_quote_running_across_paragraphs():
    body = (
        "“The first part of what the minister told us goes on here.\n\n"
        "“And the second part ends here,” said the minister.\n\n"
        "Nothing else was said."
    )
    quotes = run(make(body))
    assert len(quotes) == 1
    assert quotes[0].text.startswith("The first part") and quotes[0].text.endswith("ends here")
    assert quotes[0].speaker == "the minister"


def test_french_quote_continued_with_guillemets_de_suite():
    body = (
        "Le ministre a déclaré : « Nous resterons aux côtés de nos alliés dans la région.\n\n"
        "» Nous ne partirons pas avant la fin de la mission. »\n\n"
        "La réunion s'est terminée dans la soirée."
    )
    quotes = run(make(body, "fr"))
    assert len(quotes) == 1
    assert quotes[0].text.startswith("Nous resterons") and quotes[0].text.endswith("fin de la mission.")
    assert (quotes[0].cue, quotes[0].speaker) == ("a déclaré", "Le ministre")


def test_opening_mark_at_the_end_of_an_introduction():
    body = (
        "He said the army’s determination was unaffected by the regime bombing: “\n\n"
        "It is obvious that some are unhappy with our fight against Daesh. But we will retaliate.\n\n"
        "Ten Turkish troops were injured in the attack on Thursday."
    )
    quotes = run(make(body))
    block = only(quotes, "It is obvious")
    assert block.text.endswith("we will retaliate.") and "Ten Turkish" not in block.text
    assert block.speaker == "He"


def test_unbalanced_mark_is_cut_at_its_paragraph_with_a_warning():
    body = (
        "Peskov said: “This will never happen, and we will say so again and again\n\n"
        "The next paragraph is narrative about the weather in Moscow and the markets.\n\n"
        "“Another quote comes much later in the article,” said the spokesman."
    )
    document = make(body)
    quotes = run(document)
    first = only(quotes, "never happen")
    assert first.end <= body.index("\n\n")
    assert any("unbalanced quote mark" in w for w in document.warnings)
    assert only(quotes, "Another quote").speaker == "the spokesman"


def test_quotes_in_comments_are_not_looked_at():
    document = make("The town was quiet on Sunday, and the market reopened in the morning.")
    document.comments = [Comment(id="c1", text="“We will win this war,” said Putin on television.")]
    assert run(document) == []


def test_headline_name_and_colon():
    quotes = run(make("Lynch: No outside influence on FBI probe into Clinton emails",
                      entities=[("Lynch", "person", "Q4")]))
    assert [(q.text, q.cue, q.speaker_id) for q in quotes] == [
        ("No outside influence on FBI probe into Clinton emails", ":", "Q4")
    ]


# ------------------------------------------------------------------- beliefs, stances, speech acts

@pytest.mark.parametrize(
    ("sentence", "cue", "speaker", "content", "kind"),
    [
        ("Trump thinks that the election is rigged.", "thinks", "Trump", "the election is rigged", "indirect"),
        ("A new CNN/ORC poll shows Clinton leading Trump by five points.", "shows", "A new CNN/ORC poll",
         "Clinton leading Trump by five points", "indirect"),
        ('He called it a "disaster" and left the room.', "called", "He", 'it a "disaster"', "mixed"),
        ("Sanders accused Clinton of taking money from Wall Street.", "accused", "Sanders",
         "Clinton of taking money from Wall Street", "indirect"),
        ("Obama urged Congress to pass the bill before the recess.", "urged", "Obama",
         "Congress to pass the bill before the recess", "indirect"),
        ("Cruz promised to repeal the law on his first day.", "promised", "Cruz", "to repeal the law on his first day",
         "indirect"),
        ("The campaign denied the report.", "denied", "The campaign", "the report", "indirect"),
        ("A group of rabbis called for a boycott of his speech.", "called", "A group of rabbis",
         "for a boycott of his speech", "indirect"),
        ("Republicans are deeply skeptical of the deal.", "are deeply skeptical", "Republicans", "of the deal",
         "indirect"),
        ("Clinton went on to say that the economy was improving.", "to say", "Clinton", "the economy was improving",
         "indirect"),
        ("He made it clear that he would not run.", "made it clear", "He", "he would not run", "indirect"),
        ("Majorities in many countries see immigrants as an economic burden.", "see", "Majorities in many countries",
         "immigrants as an economic burden", "indirect"),
        ("In a new Quinnipiac poll, Clinton leads Trump by six points.", "In", "a new Quinnipiac poll",
         "Clinton leads Trump by six points", "indirect"),
        ("Poll: Trump ties Clinton in Ohio", ":", "Poll", "Trump ties Clinton in Ohio", "indirect"),
        # a document's words are its author's when somebody released it
        ("Trump released a marketing video that said the courses would change lives.", "said", "Trump",
         "the courses would change lives", "indirect"),
    ],
)
def test_beliefs_and_speech_acts(sentence, cue, speaker, content, kind):
    quotes = run(make(sentence))
    assert [(q.cue, q.speaker, q.text, q.kind.value) for q in quotes] == [(cue, speaker, content, kind)]


@pytest.mark.parametrize(
    "sentence",
    [
        "He saw a picture of his childhood hero in the paper.",  # perception, not a view
        "The senator showed up at the rally on Monday.",  # another verb ("show up")
        "Trump spoke at a rally in Ohio on Saturday.",  # no topic
        "Another supporter wrote on Reddit last night.",  # a place, not a content
        "It is clear that the economy is improving.",  # nobody holds it
        "A man called John Smith was arrested on Friday.",  # a name
        "Clinton is seeking the White House again.",  # an aim, not an attitude
        "Sanders is ahead in the polls in New Hampshire.",  # a poll as a place, not a source
    ],
)
def test_stance_verbs_without_a_stance(sentence):
    assert run(make(sentence)) == []


def test_document_author_only_when_released():
    """"released a video that accuses": the author; "watched a video that showed": the video itself."""
    quotes = run(make("Clinton watched a video that showed the attack in detail."))
    assert [(q.cue, q.speaker) for q in quotes] == [("showed", "a video")]
    quotes = run(make("L'ONG a publié un rapport qui accuse le gouvernement de mentir.", "fr"))
    quotes += run(make("La ONG publicó un informe que acusa al Gobierno de mentir.", "es"))
    assert [(q.cue, q.speaker) for q in quotes] == [("accuse", "L'ONG"), ("acusa", "ONG")]


def test_reporting_words_inside_quotes_and_contents_add_nothing():
    quotes = run(make("“I think we will win, and I believe the polls,” Trump said."))
    assert [(q.kind, q.speaker) for q in quotes] == [(QuoteKind.DIRECT, "Trump")]
    quotes = run(make("He said he believes the talks will fail."))
    assert [(q.cue, q.text) for q in quotes] == [("said", "he believes the talks will fail")]


def test_verb_after_a_quote_says_it():
    quotes = run(make("“People are afraid of wasting their votes,” he surmised on Tuesday."))
    assert [(q.cue, q.speaker) for q in quotes] == [("surmised", "he")]
    quotes = run(make("“Nobody can stop us now,” he insisted, before he walked off the stage."))
    assert [(q.cue, q.speaker) for q in quotes] == [("insisted", "he")]


# ---------------------------------------------------------------------------------------- French

def test_french_patterns():
    body = (
        "Le ministre des Affaires étrangères Jean-Marc Ayrault a déclaré jeudi que la France ne céderait pas.\n\n"
        "« Nous ne céderons pas aux pressions », a-t-il ajouté devant les journalistes.\n\n"
        "Selon l'agence Reuters, les frappes ont repris dans la nuit.\n\n"
        "Les « terroristes » ont quitté la ville, et les habitants sont rentrés chez eux."
    )
    quotes = run(make(body, "fr", [("Jean-Marc Ayrault", "person", "Q5"), ("Reuters", "organisation", "Q130879")]))
    declared = only(quotes, "France ne céderait")
    assert (declared.kind, declared.cue, declared.speaker_id) == (QuoteKind.INDIRECT, "a déclaré", "Q5")
    assert declared.speaker_role == "ministre des Affaires étrangères"
    added = only(quotes, "Nous ne céderons")
    assert (added.kind, added.speaker, added.speaker_id) == (QuoteKind.DIRECT, "il", "Q5")
    according = only(quotes, "frappes")
    assert (according.cue, according.speaker_id) == ("Selon", "Q130879")
    assert not [q for q in quotes if "terroristes" in q.text]


def test_french_beliefs_and_speech_acts():
    body = (
        "Le ministre a qualifié la décision de « scandaleuse » et a appelé les députés à voter contre.\n\n"
        "Elle a promis de réduire les impôts.\n\n"
        "Les sondages montrent que Macron est en tête.\n\n"
        "Le maire est convaincu que le projet aboutira.\n\n"
        "Il a parlé à la presse dans la soirée.\n\n"
        "Ils ont vu un film au cinéma."
    )
    quotes = run(make(body, "fr"))
    assert [(q.cue, q.speaker, q.text, q.kind.value) for q in quotes] == [
        ("a qualifié", "Le ministre", "la décision de « scandaleuse »", "mixed"),
        ("a appelé", "Le ministre", "les députés à voter contre", "indirect"),
        ("a promis", "Elle", "de réduire les impôts", "indirect"),
        ("montrent", "Les sondages", "Macron est en tête", "indirect"),
        ("est convaincu", "Le maire", "le projet aboutira", "indirect"),
    ]


def test_french_inverted_role_speaker():
    quotes = run(make("« La situation à Alep est catastrophique », a ajouté le ministre.", "fr"))
    assert [(q.text, q.cue, q.speaker, q.speaker_role) for q in quotes] == [
        ("La situation à Alep est catastrophique", "a ajouté", "le ministre", "ministre")
    ]


# --------------------------------------------------------------------------------------- Spanish

def test_spanish_patterns_and_dialogue_dash():
    body = (
        "El ministro de Exteriores, José Manuel Albares, dijo el jueves que España no cederá ante las presiones.\n\n"
        "Según el Ministerio de Defensa, las tropas se retiraron de la zona durante la noche.\n\n"
        "—No tenemos nada que ocultar —dijo el portavoz del Gobierno—. Seguiremos colaborando con la justicia."
    )
    quotes = run(make(body, "es", [("José Manuel Albares", "person", "Q6"),
                                   ("Ministerio de Defensa", "organisation", "Q7")]))
    said = only(quotes, "España no cederá")
    assert (said.cue, said.speaker_id, said.speaker_role) == ("dijo", "Q6", "ministro de Exteriores")
    assert only(quotes, "tropas se retiraron").speaker_id == "Q7"
    dialogue = [q for q in quotes if q.speaker == "el portavoz del Gobierno"]
    assert [q.text for q in dialogue] == ["No tenemos nada que ocultar", "Seguiremos colaborando con la justicia"]


def test_spanish_beliefs_and_speech_acts():
    body = (
        "El ministro criticó la política del Gobierno.\n\n"
        "Ella cree que España debe quedarse.\n\n"
        "El presidente volvió a decir que no habrá elecciones anticipadas.\n\n"
        "La alcaldesa dejó claro que el proyecto saldrá adelante.\n\n"
        "Los vecinos vieron el partido en el bar."
    )
    quotes = run(make(body, "es"))
    assert [(q.cue, q.speaker, q.text) for q in quotes] == [
        ("criticó", "El ministro", "la política del Gobierno"),
        ("cree", "Ella", "España debe quedarse"),
        ("decir", "El presidente", "no habrá elecciones anticipadas"),
        ("dejó claro", "La alcaldesa", "el proyecto saldrá adelante"),
    ]


# --------------------------------------------------------------------------------------- Russian

def test_russian_patterns():
    body = (
        "Пресс-секретарь президента России Дмитрий Песков заявил, что Москва не намерена менять позицию.\n\n"
        "«Мы не видим никаких оснований для пересмотра договорённостей», — сказал Песков журналистам.\n\n"
        "По словам министра иностранных дел Сергея Лаврова, переговоры продолжатся на следующей неделе.\n\n"
        "— Мы не отступим, — заявил Лавров. — Переговоры будут продолжены в Женеве."
    )
    entities = [("Дмитрий Песков", "person", "P"), ("Песков", "person", "P"),
                ("Сергея Лаврова", "person", "L"), ("Лавров", "person", "L")]
    quotes = run(make(body, "ru", entities))
    stated = only(quotes, "Москва не намерена")
    assert (stated.cue, stated.speaker_id, stated.speaker_role) == ("заявил", "P", "Пресс-секретарь президента России")
    assert only(quotes, "Мы не видим").speaker_id == "P"
    according = only(quotes, "переговоры продолжатся")
    assert (according.cue, according.speaker_id, according.speaker_role) == ("По словам", "L", "министра иностранных дел")
    assert [q.text for q in quotes if q.speaker == "Лавров"] == ["Мы не отступим", "Переговоры будут продолжены в Женеве"]


# ------------------------------------------------------------------------------------ bad input

def test_hostile_input_is_bounded():
    pieces = ["“", "”", '"', "«", "»", " said ", " the minister ", "\n\n", " words without end "]
    body = "".join(pieces[(i * 7) % len(pieces)] for i in range(40_000))[:200_000]
    for language in (None, "xx"):
        document = make(body, language)
        started = time.perf_counter()
        quotes = find_quotes(document)
        assert time.perf_counter() - started < 5
        check_offsets(document, quotes)
    flat = ("he said that the minister told reporters " * 5_000)[:200_000]
    started = time.perf_counter()
    assert isinstance(find_quotes(make(flat, None)), list)
    assert time.perf_counter() - started < 5


def test_hostile_english_input_is_bounded():
    body = ("Lavrov said: “" + "blah “ said he, " * 600 + "\n\n") * 3
    document = make(body)
    started = time.perf_counter()
    quotes = run(document)
    assert time.perf_counter() - started < 20  # the parse of ~30k characters included
    assert all(q.end - q.start <= 6_000 for q in quotes)


def test_russian_beliefs():
    body = "Министр считает, что переговоры продолжатся.\n\n«Мы победим», — уверен Лавров."
    quotes = run(make(body, "ru", [("Лавров", "person", "L")]))
    assert [(q.cue, q.speaker, q.text) for q in quotes] == [
        ("считает", "Министр", "переговоры продолжатся"), ("уверен", "Лавров", "Мы победим"),
    ]


@pytest.mark.parametrize("language", ["en", "fr", "ru", None])
def test_random_marks_and_words_never_break_offsets(language):
    import random

    atoms = ["“", "”", '"', "'", "‘", "’", "«", "»", "„", "「", "」", "—", ":", ",", ".", "\n", "\n\n", " ", "(",
             ")", "said", "he", "Lavrov", "a déclaré", "selon", "заявил", "что", "that", "according to", "il"]
    generator = random.Random(language or "none")
    for _ in range(15):
        body = " ".join(generator.choice(atoms) for _ in range(generator.randint(0, 120)))
        document = make(body, language, [("Lavrov", "person", "Q80137")])
        check_offsets(document, find_quotes(document))


def test_empty_body():
    assert run(make("")) == []


# --------------------------------------------------------------------------------------- samples

def _sample_documents():
    from importlib.resources import files
    from pathlib import Path

    from newsprism.ingest import iter_inputs
    from newsprism.pipeline import run_batch

    samples = str(Path(str(files("newsprism") / "data" / "samples")))
    options = Options(stages=("quotes",))  # with its prerequisites: extract, language, entities
    documents = list(run_batch(iter_inputs([samples], options), options))
    for document in documents:
        check_offsets(document, document.quotes)
    return documents


def test_samples_quotes_are_attributed():
    documents = _sample_documents()
    quotes = [q for d in documents for q in d.quotes]
    names = {q.speaker_name or q.speaker or "" for q in quotes if q.speaker_id}
    for surname in ("Lavrov", "Peskov", "Legrier", "Lecointre", "Le Drian", "Ayrault", "Steinmeier", "Miller"):
        assert any(surname in name for name in names), (surname, names)
    texts = [q.text for q in quotes]
    assert not any(t in ("caliphate", "total war", "Daesh", "surprise") for t in texts)
    steinmeier = [q for q in quotes if q.speaker_name and "Steinmeier" in q.speaker_name and q.kind == QuoteKind.DIRECT]
    assert steinmeier[0].speaker_role == "German Foreign Minister"
    assert steinmeier[0].text.startswith("Far too many people")
