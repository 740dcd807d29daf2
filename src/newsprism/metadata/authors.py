"""Authors: from bylines, the container's author field, and author bios, deduplicated.

Byline grammar differs by language ("By", "Par", "Por", "Von", "От", "Autor:") and the
name list carries roles and dates ("Jane Doe, Staff Writer | 12 March 2021"): the names
are what is left once those are cut away.  The words come from every language's
``lang/<code>/cues.py`` (:func:`newsprism.lang.metadata_words`).
"""

from __future__ import annotations

import re

from ..lang import LANGUAGES, cues_for, metadata_words
from ..model import BoilerplateKind, Document, Label
from .text import alternation, clean, normalise, segment_lines, squash

_WORDS = metadata_words()
# Lead-ins that make a line a byline wherever it is labelled metadata.
_BYLINE = re.compile(
    rf"^(?:{alternation(_WORDS.byline_leads)}|(?-i:{alternation(_WORDS.byline_leads_lower)}))"
    r"\s*[:：]?\s+(?P<names>\S.*)$",
    re.I,
)
# Where the name list stops: a date, a time, a separator, a "published"/"updated" note.
_NAMES_END = re.compile(
    rf"\s*(?:\d|\||•|·|\s[-–—]\s|\b(?-i:{alternation(_WORDS.name_end_words_lower)})\b|"
    rf"\b(?:{alternation(_WORDS.name_end_words)})\b)",
    re.I,
)
# Between names: commas, semicolons, ampersands, slashes and the joiners (lower-case only).
_NAME_SEPARATOR = re.compile(rf"\s*(?:[,;&/]|\s(?:{alternation(_WORDS.name_joiners)})\s)\s*")
_ROLE = re.compile(rf"\b(?:{alternation(_WORDS.role_words)})", re.I)
_PARTICLES = frozenset(_WORDS.name_particles)
# A bio starts with the person's name followed by a copula ("Scott Lucas is Professor of …").
_BIO = re.compile(
    r"^(?P<name>[^\W\d_][\w'’.\-]*(?:\s+[\w'’.\-]+){0,4}?)\s+"
    rf"(?:{alternation(_WORDS.bio_copula)})\s",
    re.I,
)
_PRONOUNS = frozenset(map(normalise, _WORDS.pronouns))  # "él" and "Él" alike
_HONORIFICS = re.compile(rf"^(?:{alternation(_WORDS.honorifics)})\.?\s+", re.I)
MAX_NAME_WORDS = 5
_DATE_WORDS = frozenset(cues_for(LANGUAGES).months)


def _looks_like_name(candidate: str) -> bool:
    words = candidate.split()
    if not 1 <= len(words) <= MAX_NAME_WORDS or len(candidate) > 60:
        return False
    if any(ch.isdigit() for ch in candidate) or re.search(r"[@/\\:()\[\]<>]|https?|www\.", candidate):
        return False
    if normalise(candidate) in _PRONOUNS or _ROLE.search(candidate):
        return False
    if any(w[0].islower() and w.split("-")[0].lower().strip(".") not in _PARTICLES for w in words if w[0].isalpha()):
        return False
    if not any(w[0].isalpha() and not w[0].islower() for w in words):
        return False
    # Month and weekday names look like capitalised names ("February", "Lundi"); "Theresa May" is a name.
    return not all(w.lower().strip(".,") in _DATE_WORDS for w in words)


def split_names(text: str) -> list[str]:
    """The person or organisation names in a byline's name list, roles and dates removed."""
    end = _NAMES_END.search(text)
    if end is not None:
        text = text[: end.start()]
    names = []
    for part in _NAME_SEPARATOR.split(text):
        part = _HONORIFICS.sub("", part.strip(" .,:;*_\"'“”‘’«»-–—"))
        if part and _looks_like_name(part):
            names.append(part)
    return names


def _byline_names(document: Document) -> list[str]:
    names: list[str] = []
    for kind, line in segment_lines(document, (Label.METADATA,)):
        match = _BYLINE.match(line)
        if match:
            names += split_names(match.group("names"))
        elif kind == "byline":  # a line the segmenter calls a byline may be the bare name list
            names += split_names(line)
    return names


def _bio_names(document: Document) -> list[str]:
    names = []
    for segment in document.segments:
        if segment.label is not Label.BOILERPLATE or segment.kind != BoilerplateKind.AUTHOR_BIO.value:
            continue
        first_line = next((line for line in document.raw_text[segment.start : segment.end].splitlines() if line.strip()), "")
        match = _BIO.match(clean(first_line))
        if match:
            name = _HONORIFICS.sub("", match.group("name"))
            if _looks_like_name(name):
                names.append(name)
    return names


def decide_authors(document: Document) -> list[str]:
    candidates = _byline_names(document)
    for hint in document.hints.authors:
        hint = squash(hint)
        match = _BYLINE.match(hint)  # meta tags often keep the lead-in ("Autor: JD", "By Jane Doe")
        candidates += split_names(match.group("names") if match else hint)
    candidates += _bio_names(document)
    authors, seen = [], set()
    for name in candidates:
        key = normalise(name)
        if key and key not in seen:
            seen.add(key)
            authors.append(name)
    return authors
