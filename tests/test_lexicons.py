"""Technique lexicons: shipped files validate, the matcher finds loaded vocabulary and leaves wire copy alone."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from newsprism.techniques.data import TECHNIQUES, load_semeval_paragraphs, split_of
from newsprism.techniques.lexicon import (
    LexiconError,
    expand_pattern,
    lexicon_languages,
    lexicon_matches,
    load_lexicon,
    normalise,
    parse_lexicon,
)

ROOT = Path(__file__).resolve().parent.parent
LEXICONS = ROOT / "src" / "newsprism" / "data" / "techniques" / "lexicons"
DATA = Path(os.environ.get("NEWSPRISM_SHARED_DATA", ROOT.parent / "shared" / "data"))


def found(text: str, language: str) -> dict[str, str]:
    """matched text -> entry term."""
    return {text[m.start:m.end]: m.term for m in lexicon_matches(text, language)}


def techniques_of(text: str, language: str) -> set[str]:
    return {t for m in lexicon_matches(text, language) for t in m.techniques}


# --- the shipped files ------------------------------------------------------------------------

def test_languages_cover_the_required_ones():
    assert {"en", "fr", "es", "ru"} <= lexicon_languages()
    assert {"de", "it", "pl"} <= lexicon_languages()
    assert lexicon_matches("the so-called regime", "xx") == []  # unsupported language: nothing


@pytest.mark.parametrize("path", sorted(LEXICONS.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_shipped_lexicon_validates(path):
    lexicon = load_lexicon(path.stem)
    assert lexicon.language == path.stem and lexicon.sources
    assert len(lexicon.entries) >= 40
    for entry in lexicon.entries:
        assert entry.techniques and set(entry.techniques) <= set(TECHNIQUES)
        assert entry.polarity in {"negative", "positive", "neutral"}
        assert 0 < entry.weight <= 1 and entry.source and entry.forms
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    # Every entry names its source; Spanish has no training data, so all of it is curated.
    sources = {e["source"].split(":")[0] for e in raw["entries"]}
    assert sources <= {"curated", "mined"}
    if path.stem == "es":
        assert sources == {"curated"}
    assert any(e.get("dehumanising") for e in raw["entries"])


def test_validation_rejects_bad_entries():
    good = {"language": "xx", "sources": "test", "entries": [
        {"term": "foo", "techniques": ["Loaded_Language"], "polarity": "negative", "weight": 0.5, "source": "curated"}]}
    parse_lexicon(good, "ok")
    for change, message in (({"techniques": ["Loaded Language"]}, "unknown technique"),
                            ({"weight": 1.5}, "weight"),
                            ({"polarity": "angry"}, "polarity"),
                            ({"source": ""}, "source"),
                            ({"pattern": "foo<nope>"}, "ending set"),
                            ({"colour": "red"}, "unknown keys")):
        bad = {**good, "entries": [{**good["entries"][0], **change}]}
        with pytest.raises(LexiconError, match=message):
            parse_lexicon(bad, "bad")
    with pytest.raises(LexiconError, match="sources"):
        parse_lexicon({**good, "sources": ""}, "bad")
    with pytest.raises(LexiconError, match="duplicate"):
        parse_lexicon({**good, "entries": good["entries"] * 2}, "bad")


def test_patterns_expand_alternatives_and_endings():
    assert sorted(expand_pattern("terror{ist,} group{,s}", {})) == [
        "terror group", "terror groups", "terrorist group", "terrorist groups"]
    assert expand_pattern("так называем<a>", {"a": ["ый", "ого"]}) == ["так называемый", "так называемого"]
    with pytest.raises(LexiconError):
        expand_pattern("a{b,{c}}", {})


# --- positives per language -------------------------------------------------------------------

@pytest.mark.parametrize("language, text, expected, technique", [
    ("en", "The Daesh Takfiri terrorist group was flushed out.", "Takfiri terrorist group", "Name_Calling-Labeling"),
    ("en", "Washington and its terror outfit allies", "terror outfit", "Name_Calling-Labeling"),
    ("en", "the so-called moderate rebels", "so-called", "Doubt"),
    ("en", "as reported by the mainstream media", "mainstream media", "Name_Calling-Labeling"),
    ("en", "a puppet regime installed by foreigners", "puppet regime", "Name_Calling-Labeling"),
    ("en", "they are vermin, nothing more", "vermin", "Loaded_Language"),
    ("fr", "les troupes d'occupation qui tuent, pillent et intimident", "troupes d'occupation", "Name_Calling-Labeling"),
    ("fr", "les troupes d’occupation américaines", "troupes d’occupation", "Name_Calling-Labeling"),
    ("fr", "comme le répètent les médias mainstream", "médias mainstream", "Name_Calling-Labeling"),
    ("fr", "qui pillent le pétrole syrien", "pillent", "Loaded_Language"),
    ("fr", "le soi-disant « expert »", "soi-disant", "Doubt"),
    ("fr", "la prétendue attaque chimique", "prétendue", "Doubt"),
    ("es", "el supuesto ataque químico", "supuesto", "Doubt"),
    ("es", "las tropas de ocupación saquean el país", "tropas de ocupación", "Name_Calling-Labeling"),
    ("es", "el régimen títere de Kiev", "régimen títere", "Name_Calling-Labeling"),
    ("es", "los medios hegemónicos callan", "medios hegemónicos", "Name_Calling-Labeling"),
    ("ru", "так называемые эксперты", "так называемые", "Doubt"),
    ("ru", "каратели обстреляли город", "каратели", "Name_Calling-Labeling"),
    ("ru", "это сделали нацисты", "нацисты", "Name_Calling-Labeling"),
    ("ru", "Запад якобы защищает демократию", "якобы", "Doubt"),
    ("de", "die sogenannten Experten", "sogenannten", "Doubt"),
    ("de", "die Lügenpresse schweigt", "Lügenpresse", "Name_Calling-Labeling"),
    ("it", "il cosiddetto governo", "cosiddetto", "Doubt"),
    ("it", "i media mainstream tacciono", "media mainstream", "Name_Calling-Labeling"),
    ("pl", "tzw. eksperci", "tzw", "Doubt"),
    ("pl", "rosyjscy okupanci", "okupanci", "Name_Calling-Labeling"),
])
def test_loaded_vocabulary_is_found(language, text, expected, technique):
    matches = {text[m.start:m.end]: m for m in lexicon_matches(text, language)}
    assert expected in matches, matches
    assert technique in matches[expected].techniques


@pytest.mark.parametrize("form", ["так называемый", "так называемая", "так называемого", "так называемому",
                                  "так называемым", "так называемых", "так называемыми", "так называемую",
                                  "так называемой", "так называемое"])
def test_russian_adjective_cases(form):
    assert found(f"Это {form} режим.", "ru").get(form) == "так называемый"


@pytest.mark.parametrize("form", ["каратели", "карателей", "карателям", "карателями", "карателях", "каратель",
                                  "карателя", "карателем"])
def test_russian_noun_cases(form):
    assert found(f"Там были {form}.", "ru").get(form) == "каратели"


def test_yo_and_e_are_one_letter():
    assert found("наёмники и наемники", "ru") == {"наёмники": "наёмник", "наемники": "наёмник"}


def test_dehumanising_flag():
    assert any(m.dehumanising for m in lexicon_matches("they are cockroaches", "en"))
    assert any(m.dehumanising for m in lexicon_matches("эти нелюди", "ru"))
    assert not any(m.dehumanising for m in lexicon_matches("the so-called experts", "en"))


# --- negatives: wire copy and guarded senses --------------------------------------------------

@pytest.mark.parametrize("language, text", [
    ("en", "The minister met his counterpart in Paris on Tuesday."),
    ("en", "The central bank kept interest rates unchanged on Thursday, citing slower growth."),
    ("en", "Parliament approved the new tax regime for small firms by 310 votes to 205."),
    ("en", "The sanctions regime was extended for another six months."),
    ("en", "The children watched a puppet show at the town library."),
    ("fr", "Le ministre a rencontré son homologue mardi."),
    ("fr", "Le gouvernement a présenté la réforme du régime de retraite des fonctionnaires."),
    ("fr", "Les deux occupants du véhicule ont été légèrement blessés."),
    ("es", "El ministro se reunió con su homólogo el martes en Madrid."),
    ("es", "Por supuesto, la delegación presentará su propuesta antes del viernes."),
    ("es", "El secretario general reiteró el llamado a la calma."),
    ("ru", "Министр встретился со своим коллегой во вторник."),
    ("ru", "Магазин работает в обычном режиме, режим работы не изменился."),
    ("de", "Der Minister traf am Dienstag seinen Amtskollegen in Berlin."),
    ("it", "Il ministro ha incontrato il suo omologo martedì a Roma."),
    ("it", "Il governo ha approvato il nuovo regime fiscale per le partite IVA."),
    ("pl", "Minister spotkał się we wtorek ze swoim odpowiednikiem w Warszawie."),
])
def test_neutral_wire_sentences_produce_no_match(language, text):
    assert lexicon_matches(text, language) == []


def test_names_are_not_loaded_words():
    # "Sham" in a group's name is a name, not the adjective; the adjective still matches.
    text = "Hayat Tahrir al-Sham said the vote was a sham."
    assert [text[m.start:m.end] for m in lexicon_matches(text, "en")] == ["sham"]


def test_no_match_inside_words_or_across_punctuation():
    assert lexicon_matches("Terroristically speaking, regimented shamans", "en") == []
    assert found("They called it so. Called again later.", "en") == {}
    # The window's edges are word boundaries only where the text has one.
    text = "the terrorists"
    assert lexicon_matches(text, "en", 0, 8) == []
    assert [(m.start, m.end) for m in lexicon_matches(text, "en", 4)] == [(4, 14)]


# --- case, overlap, windows -------------------------------------------------------------------

def test_all_caps_and_unaccented_caps_match():
    assert "TAKFIRI TERRORIST GROUP" in found("THE TAKFIRI TERRORIST GROUP ATTACKED", "en")
    assert found("LES MEDIAS MAINSTREAM MENTENT", "fr") == {"MEDIAS MAINSTREAM": "médias mainstream"}
    assert "ТАК НАЗЫВАЕМОГО" in found("ТАК НАЗЫВАЕМОГО ПРАВИТЕЛЬСТВА", "ru")


def test_longest_match_wins():
    text = "The Takfiri terrorists struck again."
    matches = lexicon_matches(text, "en")
    assert [(text[m.start:m.end], m.term) for m in matches] == [("Takfiri terrorists", "takfiri terrorists")]
    text = "a criminal regime"
    assert [text[m.start:m.end] for m in lexicon_matches(text, "en")] == ["criminal regime"]
    text = "régime fantoche"
    assert [m.term for m in lexicon_matches(text, "fr")] == ["régime criminel"]


def test_offsets_respect_the_window():
    text = "Neutral start. The so-called experts. The terror outfit."
    start = text.index("The so-called")
    end = text.index(" The terror")
    matches = lexicon_matches(text, "en", start, end)
    assert [text[m.start:m.end] for m in matches] == ["so-called"]


_WORDS = ["the", "minister", "said", "regime", "so-called", "Takfiri", "terrorist", "group", "mainstream",
          "media", "vermin", "régime", "fantoche", "troupes", "d'occupation", "так", "называемых", "каратели",
          "якобы", "tax", "ÉTÉ", "naïve", "ß", "İstanbul", "x"]


@given(st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(["lower", "upper", "title", "keep"]),
                          st.sampled_from([" ", "  ", ", ", ". ", "\n", "-", "’", " «"])), max_size=25),
       st.sampled_from(sorted({"en", "fr", "ru", "es", "de", "it", "pl"})),
       st.integers(min_value=0, max_value=40), st.integers(min_value=0, max_value=400))
def test_matches_are_in_bounds_and_spell_their_entry(pieces, language, start, length):
    text = "".join((getattr(w, case)() if case != "keep" else w) + sep for w, case, sep in pieces)
    start = min(start, len(text))
    end = min(len(text), start + length)
    lexicon = load_lexicon(language)
    forms = {entry.term: set(entry.forms) for entry in lexicon.entries}
    previous_end = start
    for match in lexicon_matches(text, language, start, end):
        assert start <= match.start < match.end <= end
        assert match.start >= previous_end  # sorted, non-overlapping
        previous_end = match.end
        # The matched text, case-folded and with accents dropped, is one of the entry's forms.
        assert normalise(text[match.start:match.end]) in forms[match.term]


# --- speed and data ---------------------------------------------------------------------------

def test_fast_enough_for_an_800_word_article():
    words = ("The minister said the so-called regime and its mainstream media allies were lying again "
             "about the occupation forces, while officials met in Paris on Tuesday to discuss trade. ").split()
    text = " ".join((words * 40)[:800])
    russian = " ".join(("Так называемые эксперты заявили, что каратели и наёмники якобы покинули город, "
                        "а министр встретился с коллегой во вторник. ").split() * 60)
    for language, sample in (("en", text), ("ru", russian)):
        lexicon_matches(sample, language)  # compile once
        started = time.perf_counter()
        for _ in range(20):
            lexicon_matches(sample, language)
        per_doc = (time.perf_counter() - started) / 20
        assert per_doc < 0.02, f"{language}: {per_doc * 1000:.1f} ms"  # budget is 5 ms; slack for CI noise


def test_some_dev_paragraphs_with_name_calling_are_matched():
    # Reads the shared data: it must be there (fail, not skip).
    assert DATA.is_dir(), f"shared data missing at {DATA}"
    paragraphs = [p for p in load_semeval_paragraphs(DATA, "ru") if split_of(p.article_id) == "dev"]
    labelled = [p for p in paragraphs if "Name_Calling-Labeling" in p.labels]
    hit = sum("Name_Calling-Labeling" in techniques_of(p.text, "ru") for p in labelled)
    assert hit / len(labelled) > 0.3
