"""Authors: from bylines, the container's author field, and author bios, deduplicated.

Byline grammar differs by language ("By", "Par", "Por", "Von", "От", "Autor:") and the
name list carries roles and dates ("Jane Doe, Staff Writer | 12 March 2021"): the names
are what is left once those are cut away.
"""

from __future__ import annotations

import re

from ..lang import LANGUAGES, cues_for
from ..model import BoilerplateKind, Document, Label
from .text import clean, normalise, segment_lines, squash

# Lead-ins that make a line a byline wherever it is labelled metadata.
_BYLINE = re.compile(
    r"^(?:articles?\s+by|written\s+by|posted\s+by|reporting\s+by|reported\s+by|story\s+by|words\s+by|"
    r"text\s+by|by|par|por|von|от|від|door|przez|(?-i:di)|"
    r"auteur|autor(?:in|a)?|author|autore|yazar|автор|texte|texto|text|بقلم|作者|记者)"
    r"\s*[:：]?\s+(?P<names>\S.*)$",
    re.I,
)
# Where the name list stops: a date, a time, a separator, a "published"/"updated" note.
_NAMES_END = re.compile(
    r"\s*(?:\d|\||•|·|\s[-–—]\s|\b(?-i:on|le|am|el|il)\b|\b(?:published|updated|posted|publié|mis à jour|"
    r"veröffentlicht|aktualisiert|publicado|actualizado|pubblicato|опубликовано|обновлено)\b)",
    re.I,
)
# Between names: commas, semicolons, ampersands, slashes and "and" in our languages (lower-case
# only, so an initial like "E." is never read as a conjunction).
_NAME_SEPARATOR = re.compile(r"\s*(?:[,;&/]|\s(?:and|und|et|y|e|i|и|і|ve|en|oraz|ou|o|or)\s)\s*")
_ROLE = re.compile(
    r"\b(?:staff|writer|correspondent|reporter|editor|editorial|contributor|journalist|columnist|"
    r"analyst|producer|special\s+to|courtesy|cortesía|courtoisie|news\s+desk|newsroom|correspondant|journaliste|envoyée?\s+spéciale?|"
    r"rédaction|rédacteur|redaktion|redakteur|korrespondent(?:in)?|corresponsal|redacción|periodista|"
    r"giornalista|corrispondente|redazione|muhabir|dziennikarz|redakcja|correspondente|jornalista|"
    r"redactie|verslaggever|корреспондент|журналист|редакция|кореспондент|журналіст|редакція)",
    re.I,
)
# Lower-case name particles ("Ursula von der Leyen", "Abu Bakr al-Baghdadi").
_PARTICLES = {
    "de", "da", "di", "du", "del", "della", "des", "dos", "das", "do", "van", "von", "der", "den",
    "ter", "la", "le", "al", "el", "bin", "ibn", "zu", "y",
}
# A bio starts with the person's name followed by a copula ("Scott Lucas is Professor of …").
_BIO = re.compile(
    r"^(?P<name>[^\W\d_][\w'’.\-]*(?:\s+[\w'’.\-]+){0,4}?)\s+"
    r"(?:is|was|has\s+been|est|était|a\s+été|es|era|ha\s+sido|ist|war|è|é|foi|jest|był|była|"
    r"является|был|была|є|був|була|is\s+een|was\s+een)\s",
    re.I,
)
_PRONOUNS = {
    "he", "she", "they", "we", "il", "elle", "ils", "er", "sie", "él", "ella", "lui", "lei", "egli",
    "ele", "ela", "он", "она", "вона", "він", "on", "ona", "hij", "zij", "o", "this", "the author",
}
_HONORIFICS = re.compile(r"^(?:dr|prof|professor|mr|mrs|ms|mme|m|herr|frau|sr|sra|dott)\.?\s+", re.I)
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
