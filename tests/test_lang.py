"""Language data in ``lang/<code>/cues.py``: only known names, well-formed words, regexes built from them."""

from __future__ import annotations

import re
from importlib.resources import files

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsprism.lang import LANGUAGES, NAMES, MetadataWords, load, metadata_words
from newsprism.metadata.text import alternation, normalise

WORD_LISTS = sorted(name.upper() for name in MetadataWords.__dataclass_fields__)


def test_every_language_folder_is_registered_and_every_registered_language_has_a_folder():
    folders = {entry.name for entry in files("newsprism.lang").iterdir() if entry.joinpath("cues.py").is_file()}
    assert folders == set(LANGUAGES)


@pytest.mark.parametrize("code", LANGUAGES)
def test_cue_modules_define_only_known_names(code):
    defined = {name for name in vars(load(code)) if not name.startswith("_")}
    assert defined <= NAMES, f"lang/{code}/cues.py: unknown names {sorted(defined - NAMES)}"


@pytest.mark.parametrize("code", LANGUAGES)
def test_metadata_word_lists_are_lists_of_clean_lower_case_words(code):
    module = load(code)
    for name in WORD_LISTS:
        words = getattr(module, name, [])
        assert isinstance(words, list), f"{code}.{name} must be a list (a bare string would be read letter by letter)"
        for word in words:
            assert isinstance(word, str) and word, f"{code}.{name}: {word!r}"
            # Matching is case-insensitive, or lower-case only for the *_LOWER lists and NAME_JOINERS.
            assert word == word.lower() == " ".join(word.split()), f"{code}.{name}: {word!r} (lower case, single spaces)"
        assert len(words) == len(set(words)), f"{code}.{name} lists a word twice"


def test_union_of_every_metadata_word_list_is_non_empty():
    words = metadata_words()
    for field in MetadataWords.__dataclass_fields__:
        assert getattr(words, field), f"no language defines {field.upper()}"


def test_leading_articles_are_in_the_form_outlet_names_are_compared_in():
    for article in metadata_words().leading_articles:
        assert normalise(article) == article


def test_union_keeps_each_word_once_and_follows_the_requested_languages():
    assert metadata_words(("en",)).byline_leads[0] == "by"
    assert "par" not in metadata_words(("en",)).byline_leads
    assert metadata_words(("en", "fr")).source_leads.count("source") == 1


@given(st.lists(st.text(alphabet="ab :.-'’(|)*\\", min_size=1, max_size=8).map(lambda w: " ".join(w.split())).filter(bool), max_size=6), st.randoms())
def test_alternation_matches_every_word_whatever_the_order(words, random):
    pattern = alternation(words)
    for word in words:
        assert re.fullmatch(f"(?:{pattern})", word)
    shuffled = list(words)
    random.shuffle(shuffled)
    assert alternation(shuffled) == pattern


def test_alternation_of_no_words_never_matches():
    assert re.search(alternation([]), "anything") is None
    assert re.search(alternation([]), "") is None


def test_alternation_spacing_and_colons():
    pattern = re.compile(f"^(?:{alternation(['source originale:', 'de la', 'de'])})$")
    assert pattern.match("source originale :") and pattern.match("source  originale:")
    assert pattern.match("de  la") and not pattern.match("dela")
    # Longest first: "de la" wins over "de" when both fit.
    assert re.match(alternation(["de", "de la"]), "de la X").group(0) == "de la"
