"""Dates stage: date expressions in the body, per language, resolved against the publication date."""

from __future__ import annotations

import re
import time
from importlib.resources import files
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsprism.ingest import iter_inputs
from newsprism.model import Document, ParagraphLanguage
from newsprism.options import Options
from newsprism.pipeline import run_batch
from newsprism.timeline import MAX_MENTIONS, extract_dates, find_dates

PUBLISHED = "2016-12-10"  # a Saturday
SAMPLES = str(Path(str(files("newsprism") / "data" / "samples")))
ISO_VALUE = re.compile(
    r"(?:\d{4}(?:-\d{2}(?:-\d{2})?)?|\.\.)(?:/(?:\d{4}(?:-\d{2}(?:-\d{2})?)?|\.\.))?"
)


def document(body: str, language: str | None = "en", published: str | None = PUBLISHED, **fields) -> Document:
    return Document(id="x", source="test", body=body, language=language, published=published, **fields)


def mentions(body: str, language: str | None = "en", published: str | None = PUBLISHED) -> dict[str, str | None]:
    return {m.text: m.value for m in find_dates(document(body, language, published))}


POSITIVES = {
    "en": [
        ("On December 9, 2016, the minister spoke.", "December 9, 2016", "2016-12-09"),
        ("On December 9 the minister spoke.", "December 9", "2016-12-09"),
        ("He arrived on 9 December.", "9 December", "2016-12-09"),
        ("France joined on September 19, 2014.", "September 19, 2014", "2014-09-19"),
        ("He made the remark in a press conference on Thursday.", "Thursday", "2016-12-08"),
        ("al-Akhbar reported Thursday.", "Thursday", "2016-12-08"),
        ("He will travel next Thursday.", "next Thursday", "2016-12-15"),
        ("It happened last Saturday.", "last Saturday", "2016-12-03"),
        ("Airstrikes began in August 2014.", "August 2014", "2014-08"),
        ("Strikes have continued since September 2014 without a mandate.", "since September 2014", "2014-09/.."),
        ("The caliphate would fall late autumn.", "late autumn", "2016-11-01/2016-11-30"),
        ("Victory was declared in late December.", "late December", "2016-12-21/2016-12-31"),
        ("Jets were deployed in Jordan in 2014.", "2014", "2014"),
        ("Prices rose in late 2015.", "late 2015", "2015-09-01/2015-12-31"),
        ("A deployment is planned in early 2016.", "early 2016", "2016-01-01/2016-04-30"),
        ("By mid-March the town fell.", "mid-March", "2016-03-11/2016-03-20"),
        ("Yesterday the army moved.", "Yesterday", "2016-12-09"),
        ("They met last week.", "last week", "2016-11-28/2016-12-04"),
        ("During the past 3 days fighting raged.", "the past 3 days", "2016-12-07/2016-12-10"),
        ("Rebels attacked earlier this month.", "earlier this month", "2016-12-01/2016-12-10"),
        ("Growth slowed last year.", "last year", "2015"),
        ("He was governor from 2014 to 2016.", "from 2014 to 2016", "2014/2016"),
        ("Fighting raged between March and May.", "between March and May", "2016-03/2016-05"),
        ("From December to March 2016 it snowed.", "From December to March 2016", "2015-12/2016-03"),
        ("The report of 14/11/2015 said so.", "14/11/2015", "2015-11-14"),
        ("The file is dated 2015-11-14.", "2015-11-14", "2015-11-14"),
        ("Three soldiers died two weeks ago.", "two weeks ago", "2016-11-21/2016-11-27"),
        ("The 1990s were calmer.", "1990s", "1990/1999"),
        ("They held talks in May and June.", "June", "2016-06"),
        ("Before the end of this year, it will fall.", "the end of this year", "2016-09-01/2016-12-31"),
        ("Polls were taken Jan. 27-Feb. 1.", "Jan. 27-Feb. 1", "2016-01-27/2016-02-01"),
    ],
    "fr": [
        ("L'armée a samedi 10 décembre évacué des véhicules.", "samedi 10 décembre", "2016-12-10"),
        ("Les attentats du 13 novembre 2015.", "13 novembre 2015", "2015-11-13"),
        ("Un entretien du 12 novembre, prétendant que.", "12 novembre", "2016-11-12"),
        ("Le ministre l'a dit jeudi.", "jeudi", "2016-12-08"),
        ("Le ministre l'a dit jeudi dernier.", "jeudi dernier", "2016-12-08"),
        ("Il reviendra jeudi prochain.", "jeudi prochain", "2016-12-15"),
        ("Il a prétendu le contraire il y a deux jours.", "il y a deux jours", "2016-12-08"),
        ("Pour la deuxième fois au cours des deux derniers jours.", "au cours des deux derniers jours",
         "2016-12-08/2016-12-10"),
        ("Cette semaine, les USA ont perdu 12 militaires.", "Cette semaine", "2016-12-05/2016-12-11"),
        ("D'ailleurs, début octobre quand les émissaires.", "début octobre", "2016-10-01/2016-10-10"),
        ("Les frappes ont commencé en août 2014.", "août 2014", "2014-08"),
        ("La guerre dure depuis 2011.", "depuis 2011", "2011/.."),
        ("L'offensive aura lieu à la fin de l'automne.", "à la fin de l'automne", "2016-11-01/2016-11-30"),
        ("Il est venu l'été dernier.", "l'été dernier", "2016-06-01/2016-08-31"),
        ("Hier, le président a parlé.", "Hier", "2016-12-09"),
        ("Il a gouverné entre 2014 et 2016.", "entre 2014 et 2016", "2014/2016"),
        ("Le sommet se tiendra du 12 au 14 novembre.", "du 12 au 14 novembre", "2016-11-12/2016-11-14"),
        ("Il l'a dit le 27 avril dernier.", "27 avril dernier", "2016-04-27"),
        ("Dans les années 1990, la ville a grandi.", "années 1990", "1990/1999"),
        ("La guerre qu'Al Qaïda a amenée sur nos côtes en 2001.", "2001", "2001"),
        ("Le rapport du 14.11.2015 le confirme.", "14.11.2015", "2015-11-14"),
    ],
    "es": [
        ("El 3 de marzo de 2015, el ejército avanzó.", "3 de marzo de 2015", "2015-03-03"),
        ("El 3 de marzo el ejército avanzó.", "3 de marzo", "2016-03-03"),
        ("El ministro habló el jueves.", "jueves", "2016-12-08"),
        ("El ministro habló el pasado jueves.", "pasado jueves", "2016-12-08"),
        ("Ayer, el presidente viajó.", "Ayer", "2016-12-09"),
        ("Hace tres días cayó la ciudad.", "Hace tres días", "2016-12-07"),
        ("La semana pasada hubo combates.", "La semana pasada", "2016-11-28/2016-12-04"),
        ("Los bombardeos siguen desde septiembre de 2015.", "desde septiembre de 2015", "2015-09/.."),
        ("La ofensiva empezó a finales de octubre.", "finales de octubre", "2016-10-21/2016-10-31"),
        ("Gobernó desde 2014 hasta 2016.", "desde 2014 hasta 2016", "2014/2016"),
        ("En los últimos tres días murieron diez personas.", "En los últimos tres días", "2016-12-07/2016-12-10"),
        ("Llegó en el verano de 2015.", "verano de 2015", "2015-06-01/2015-08-31"),
    ],
    "ru": [
        ("14 ноября 2015 года в Париже произошли теракты.", "14 ноября 2015 года", "2015-11-14"),
        ("В четверг министр заявил об этом.", "четверг", "2016-12-08"),
        ("Вчера президент выступил.", "Вчера", "2016-12-09"),
        ("На прошлой неделе начались бои.", "прошлой неделе", "2016-11-28/2016-12-04"),
        ("Это случилось в ноябре прошлого года.", "ноябре прошлого года", "2015-11"),
        ("Наступление началось в начале ноября.", "начале ноября", "2016-11-01/2016-11-10"),
        ("Удары наносятся с сентября 2015 года.", "с сентября 2015 года", "2015-09/.."),
        ("Он служил с 2014 по 2016 год.", "с 2014 по 2016 год", "2014/2016"),
        ("Три дня назад город пал.", "Три дня назад", "2016-12-07"),
        ("Операция завершится поздней осенью.", "поздней осенью", "2016-11-01/2016-11-30"),
        ("За последние три дня погибли десять человек.", "За последние три дня", "2016-12-07/2016-12-10"),
    ],
    "de": [
        ("Am 14. November 2015 griffen Terroristen an.", "14. November 2015", "2015-11-14"),
        ("Am Donnerstag sagte der Minister.", "Donnerstag", "2016-12-08"),
        ("Letzte Woche begannen die Kämpfe.", "Letzte Woche", "2016-11-28/2016-12-04"),
        ("Die Angriffe dauern seit September 2015 an.", "seit September 2015", "2015-09/.."),
        ("Anfang März fiel die Stadt.", "Anfang März", "2016-03-01/2016-03-10"),
        ("Die Offensive endet im Spätherbst.", "Spätherbst", "2016-11-01/2016-11-30"),
        ("Vor drei Tagen fiel die Stadt.", "Vor drei Tagen", "2016-12-07"),
        ("Er regierte von 2014 bis 2016.", "von 2014 bis 2016", "2014/2016"),
        ("Gestern sprach der Präsident.", "Gestern", "2016-12-09"),
        ("Das geschah Ende letzten Jahres.", "Ende letzten Jahres", "2015-09-01/2015-12-31"),
    ],
    "it": [
        ("Il 3 marzo 2015 l'esercito avanzò.", "3 marzo 2015", "2015-03-03"),
        ("Ieri il presidente ha parlato.", "Ieri", "2016-12-09"),
        ("Lo ha detto giovedì scorso.", "giovedì scorso", "2016-12-08"),
        ("Tre giorni fa la città è caduta.", "Tre giorni fa", "2016-12-07"),
    ],
    "pt": [
        ("Em 3 de março de 2015 o exército avançou.", "3 de março de 2015", "2015-03-03"),
        ("Ontem o presidente falou.", "Ontem", "2016-12-09"),
        ("Há três dias a cidade caiu.", "Há três dias", "2016-12-07"),
        ("O ministro falou na quinta-feira.", "quinta-feira", "2016-12-08"),
    ],
    "pl": [  # no hand-written lexicon: month names from dateparser, explicit dates only
        ("Okładka z 22 lutego 2022 r. zamieściła tytuł.", "22 lutego 2022", "2022-02-22"),
    ],
}

NEGATIVES = {
    "en": [
        "They may attack the town if they may.",
        "May God help us, Theresa May said in a speech by May's office.",
        "The deal covers 1,000 troops under Resolution 2254.",
        "UPDATE 0830 GMT: the shelling stopped at 1900 GMT.",
        "Help is available 24/7 on 555-12-2015.",
        "He waited for three years and a few months.",
        "The Sunday Times reported the march on Bloody Sunday.",
        "The Arab Spring began in the fall of Aleppo.",
        "Between 2000 and 3000 troops arrived.",
        "Troops will march on the capital, a March of the Living.",
        "In the last week of the campaign, polls tightened.",
        "Speaking to CBS This Morning, he said so.",
    ],
    "fr": [
        "Il a été tué par les soldats.",
        "La planète Mars est rouge.",
        "Le Printemps arabe a commencé en Tunisie.",
        "Le contingent compte 1 000 soldats selon la résolution 2254.",
        "Les derniers jours de la guerre furent durs.",
        "Une guerre de dix ans, 48 heures après l'annonce.",
    ],
    "es": [
        "Hoy en día la gente lee menos.",
        "Por la mañana llovió mucho.",
        "Plácido Domingo cantó en el teatro.",
        "La Primavera Árabe empezó en Túnez.",
        "Los últimos días del régimen fueron duros.",
    ],
    "ru": [
        "Защита окружающей среды важна.",
        "Команда заняла 80-е место.",
        "В операции участвовали 1000 военных по резолюции 2254.",
        "Он жил там три года.",
    ],
    "de": [
        "Am Morgen regnete es.",
        "In der Juni-Ausgabe stand es.",
        "Um 8.30 Uhr begann es.",
        "Der Sommer war heiß.",
    ],
}


@pytest.mark.parametrize(
    "language,sentence,text,value",
    [(language, *case) for language, cases in POSITIVES.items() for case in cases],
)
def test_date_expressions_are_found_and_normalised(language, sentence, text, value):
    found = mentions(sentence, language)
    assert found.get(text, "missing") == value, found


@pytest.mark.parametrize(
    "language,sentence", [(language, sentence) for language, cases in NEGATIVES.items() for sentence in cases]
)
def test_numbers_names_and_durations_are_not_dates(language, sentence):
    assert mentions(sentence, language) == {}


@pytest.mark.parametrize(
    "published,text,expected",
    [
        ("2016-12-08", "He spoke on Thursday.", "2016-12-08"),  # publication day itself
        ("2016-12-08", "He spoke last Thursday.", "2016-12-01"),
        ("2016-12-08", "He will speak next Thursday.", "2016-12-15"),
        ("2017-01-05", "On December 9 he spoke.", "2016-12-09"),  # read in January: last year's
        ("2016-10-20", "Talks on December 9 are planned.", "2016-12-09"),  # within two months ahead
        ("2016-06-01", "He won in November.", "2015-11"),
        ("2016-12-10T08:30:00+01:00", "Yesterday he spoke.", "2016-12-09"),
        ("2016-12-10", "Losses were heavy 48 hours ago.", "2016-12-08"),
        ("2016-12-10", "He left a few months ago.", "2016-07/2016-10"),
        ("2016-12-10", "Over the past few days it rained.", "2016-12-05/2016-12-10"),
        ("2016-12-10", "Prices rise later this year.", "2016-12-10/2016-12-31"),
        ("2015-11-16", "L'armée a samedi 14 novembre évacué.", "2015-11-14"),
        ("2016-12-10", "L'armée a samedi 14 novembre évacué.", "2015-11-14"),  # the year where it is a Saturday
    ],
)
def test_relative_dates_resolve_against_publication(published, text, expected):
    language = "fr" if "armée" in text else "en"
    found = find_dates(document(text, language, published))
    assert [m.value for m in found] == [expected]
    assert all(m.relative for m in found)


def test_without_publication_date_relative_dates_keep_a_reason():
    doc = document("On Thursday, after December 9 and before September 19, 2014, it rained.", published=None)
    found = {m.text: m for m in find_dates(doc)}
    assert found["Thursday"].value is None and found["Thursday"].reason == "relative date without a publication date"
    assert found["December 9"].value is None and "no publication date" in found["December 9"].reason
    assert found["September 19, 2014"].value == "2014-09-19" and not found["September 19, 2014"].relative
    assert any("no publication date" in warning for warning in doc.warnings)


def test_unreadable_publication_date_is_a_warning_not_a_crash():
    doc = document("He spoke yesterday.", published="last Tuesday")
    assert [m.value for m in find_dates(doc)] == [None]
    assert any("not ISO 8601" in warning for warning in doc.warnings)


def test_ambiguous_numeric_dates_are_kept_without_a_value_in_english():
    found = {m.text: m for m in find_dates(document("Signed 03/04/2015, amended 13/04/2015."))}
    assert found["03/04/2015"].value is None and "ambiguous" in found["03/04/2015"].reason
    assert found["13/04/2015"].value == "2015-04-13"
    assert mentions("Signé le 03/04/2015.", "fr") == {"03/04/2015": "2015-04-03"}


def test_each_paragraph_is_read_in_its_own_language():
    body = "The army attacked on Thursday.\n\nLe ministre a parlé jeudi et hier.\n\n2015年11月14日"
    paragraphs = [(0, 30, "en"), (32, 66, "fr"), (68, len(body), "zh")]
    doc = document(body, published="2015-11-16", paragraph_languages=[
        ParagraphLanguage(start=s, end=e, language=lang, confidence=1.0) for s, e, lang in paragraphs])
    found = [(m.text, m.value) for m in find_dates(doc)]
    assert found == [("Thursday", "2015-11-12"), ("jeudi", "2015-11-12"), ("hier", "2015-11-15"),
                     ("2015年11月14日", "2015-11-14")]
    assert any("'zh'" in warning for warning in doc.warnings)  # no date words: numeric dates only


def test_unsupported_language_reads_numeric_dates_and_warns():
    doc = document("xyz 2015-11-14 abc 14.11.2015 on Thursday", language=None)
    assert [m.value for m in find_dates(doc)] == ["2015-11-14", "2015-11-14"]


HOSTILE = {
    "no punctuation": " ".join(["the army said on Thursday in May since 2015 late autumn December 9 yesterday"] * 2700),
    "digits everywhere": " ".join(str(n * 7919 % 3001) for n in range(40_000)),
    "digit soup": ("12/11/2015-0830 24/7 1,000.2254/" * 7000),
    "one long word": "a" * 200_000,
    "date words repeated": "December 9, " * 17_000,
    "spaces": " " * 200_000,
    "unbalanced": "«“ since (from 2014 to" * 9000,
}


@pytest.mark.parametrize("name", HOSTILE)
@pytest.mark.parametrize("language", ["en", "ru"])
def test_hostile_bodies_finish_fast(name, language):
    body = HOSTILE[name][:200_000]
    doc = document(body, language)
    started = time.perf_counter()
    found = find_dates(doc)
    assert time.perf_counter() - started < 2.0
    assert len(found) <= MAX_MENTIONS
    assert all(body[m.start:m.end] == m.text for m in found)


def test_too_many_dates_are_capped_with_a_warning():
    doc = document("He spoke on Thursday. " * 5000)
    assert len(find_dates(doc)) == MAX_MENTIONS
    assert any("only the first" in warning for warning in doc.warnings)


DATE_WORDS = ["December", "9", "2016", ",", "on", "Thursday", "since", "late", "autumn", "May", "may", "in",
              "from", "to", "between", "and", "14/11/2015", "last", "week", "the", "past", "3", "days", "ago",
              "jeudi", "dernier", "novembre", "hier", "el", "de", "marzo", "года", "ноября", "в", "четверг",
              "-", "–", "mid", "early", "1,000", "24/7", "0830", "GMT", "\n\n", "“", "'s", "of"]


@given(st.lists(st.sampled_from(DATE_WORDS), max_size=40), st.sampled_from(["en", "fr", "es", "ru", "de", None]),
       st.sampled_from([PUBLISHED, None, "2000-02-29", "0001-01-01", "9999-12-31"]))
def test_offsets_index_the_body(words, language, published):
    body = " ".join(words)
    found = find_dates(document(body, language, published))
    previous_end = 0
    for mention in found:
        assert body[mention.start:mention.end] == mention.text and mention.start < mention.end
        assert mention.start >= previous_end  # in order, not overlapping
        previous_end = mention.end
        assert mention.value is None and mention.reason or ISO_VALUE.fullmatch(mention.value)


@given(st.text(max_size=300), st.sampled_from(["en", "fr", "ru"]))
def test_any_text_gives_valid_mentions(body, language):
    for mention in find_dates(document(body, language)):
        assert body[mention.start:mention.end] == mention.text


@pytest.fixture(scope="module")
def samples() -> dict[str, Document]:
    options = Options(stages=("extract", "language", "metadata", "dates"))
    return {Path(doc.source).name[:3]: doc for doc in run_batch(iter_inputs([SAMPLES], options), options)}


def test_samples(samples):
    def dated(key, published=None):
        doc = samples[key].model_copy(update={"published": published})
        return {m.text: m.value for m in extract_dates(doc, Options()).dates}

    assert "dates" in samples["001"].stages
    assert {"Thursday", "late autumn", "late December", "August 2014", "since September 2014"} <= dated("001").keys()
    assert dated("001", "2018-09-07")["late autumn"] == "2018-11-01/2018-11-30"
    assert dated("003") == {"December 9": None, "September 19, 2014": "2014-09-19", "2014": "2014",
                            "September 30, 2015": "2015-09-30"}
    french = dated("004", "2020-11-16")
    assert french["samedi 14 novembre"] == "2020-11-14"
    assert french["12 novembre"] == "2020-11-12"
    assert french["début octobre"] == "2020-10-01/2020-10-10"
    assert french["il y a deux jours"] == "2020-11-14"
    assert "48 heures" not in " ".join(french)
