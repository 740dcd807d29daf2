"""Publication date: from the article's own dateline or byline, else the container's date.

Dates anywhere else (captions, body, comments) are events, not the publication date, so
they are never read.  A date must give day, month and year: "February 19" or "March 2019"
gives ``None`` rather than an invented day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import lru_cache

import dateparser
from dateparser.search import search_dates

from ..model import Document, Label, MetadataKind
from .text import segment_lines, squash

# Datelines are short; a long line is prose and dateparser's search time grows with length.
MAX_DATELINE_CHARS = 300

# No relative-time parser ("2 hours ago" would be dated from the moment we read it) and no
# timestamp parser (a bare number is not a date).  RETURN_AS_TIMEZONE_AWARE is left at
# dateparser's default, which returns an aware datetime only when the text gives a timezone.
_BASE_SETTINGS = {
    "PREFER_DATES_FROM": "past",
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PARSERS": ["custom-formats", "absolute-time"],
}
_TIME = re.compile(
    r"\d{1,2}\s*[:h]\s*\d{2}|\d{1,2}\s*(?:h|uhr|[ap]\.?\s?m\.?)(?![^\W\d_])|T\d{2}:\d{2}", re.I
)
_DOTTED = re.compile(r"\b\d{1,2}\.\d{1,2}\.\d{2,4}\b")
_SLASHED = re.compile(r"\b(\d{1,2})/(\d{1,2})/\d{2,4}\b")
_FIRST_DIGIT = re.compile(r"\d")
_DIGITS = re.compile(r"\d+")
_WORD = re.compile(r"[^\W\d_]{3,}")
# dateparser's search splits at the dot of "Feb. 19" and reads "3:45 p.m." as a.m.
_ABBREVIATION_DOT = re.compile(r"\b([^\W\d_]{3,5})\.(?=\s*\d)")
_MERIDIEM = re.compile(r"\b([ap])\.\s?m\.?", re.I)


@dataclass(frozen=True)
class FoundDate:
    iso: str
    text: str  # the words of the line that gave the date
    before: str  # what the line says before the date (an outlet's name, a "Published" label…)


def _prepare(line: str) -> str:
    return _MERIDIEM.sub(r"\1m", _ABBREVIATION_DOT.sub(r"\1", line))


def _has_day_month_year(text: str) -> bool:
    """Whether the words dateparser matched can hold a day, a month and a year.

    REQUIRE_PARTS is checked on dateparser's reading, which can take an hour for a day
    ("2020 à 10h" → 10 January 2020): outside the time of day, a date needs three numbers,
    or two and a month name.
    """
    numbers = len(_DIGITS.findall(_TIME.sub(" ", text)))
    return numbers >= 3 or (numbers == 2 and _WORD.search(_TIME.sub(" ", text)) is not None)


def dateparser_languages(language: str | None) -> list[str] | None:
    """Languages to read dates in: the article's, then English (common in datelines and meta tags)."""
    if not language:
        return None  # let dateparser detect it
    return [language] if language == "en" else [language, "en"]


def _settings(line: str, language: str | None) -> dict:
    # dateparser reads "12.03.2021" month-first under English rules; dotted dates are day-first
    # everywhere, and slashed ones are day-first outside English.
    order = "DMY" if _DOTTED.search(line) or language not in (None, "en") else "MDY"
    return {**_BASE_SETTINGS, "DATE_ORDER": order}


def _iso(value: datetime, text: str) -> str:
    return value.isoformat() if _TIME.search(text) else value.date().isoformat()


def _is_future(value: datetime) -> bool:
    now = datetime.now(timezone.utc) if value.tzinfo else datetime.now()
    return value > now + timedelta(days=1)


def _search(line: str, languages: list[str] | None, settings: dict) -> tuple[str, datetime] | None:
    try:
        found = search_dates(line, languages=languages, settings=settings)
    except ValueError:  # a language code dateparser does not know
        found = search_dates(line, settings=settings)
    return next(((text, value) for text, value in found or () if _has_day_month_year(text)), None)


@lru_cache(maxsize=4096)
def date_in_line(line: str, language: str | None) -> tuple[FoundDate | None, str | None]:
    """The first complete date in a dateline (or None), and why a date there was refused.

    Cached: the outlet recogniser reads the same datelines to find the name before the date.
    """
    if len(line) > MAX_DATELINE_CHARS or not _FIRST_DIGIT.search(line):
        return None, None  # a complete date has a year: without a digit, dateparser is not asked
    ambiguous = _SLASHED.search(line)
    if language in (None, "en") and ambiguous:
        day_or_month = {int(ambiguous.group(1)), int(ambiguous.group(2))}
        if len(day_or_month) == 2 and max(day_or_month) <= 12:
            return None, f"ambiguous numeric date ignored: {ambiguous.group(0)!r}"
    languages = dateparser_languages(language)
    settings = _settings(line, language)
    line = _prepare(line)
    found = _search(line, languages, settings)
    if found is None:
        # dateparser's search gives up on some lead-ins ("Mis à jour le 14 novembre 2020"):
        # retry from the word before the first number (a month name or an article), then from the number.
        digit = _FIRST_DIGIT.search(line)
        if digit and digit.start() > 0:
            at_number = line.rfind(" ", 0, digit.start()) + 1
            word_before = line.rfind(" ", 0, max(at_number - 1, 0)) + 1
            for start in dict.fromkeys((word_before, at_number)):
                found = _search(line[start:], languages, settings)
                if found is not None:
                    break
    if found is None:
        return None, None
    text, value = found
    if _is_future(value):
        return None, f"date in the future ignored: {text!r}"
    return FoundDate(_iso(value, text), text, line[: line.find(text)]), None


def _hint_date(document: Document) -> FoundDate | None:
    hint = squash(document.hints.published)
    if not hint:
        return None
    try:  # containers and trafilatura mostly give ISO 8601 already: no need for dateparser's search
        value = datetime.fromisoformat(hint)
    except ValueError:
        value = dateparser.parse(
            hint, languages=dateparser_languages(document.language), settings=_settings(hint, document.language)
        )
    if value is None or _is_future(value):
        return None
    return FoundDate(_iso(value, hint), hint, "")


def decide_published(document: Document) -> str | None:
    found: list[FoundDate] = []
    kinds = (MetadataKind.DATELINE.value, MetadataKind.BYLINE.value)
    for _, line in segment_lines(document, (Label.METADATA,), kinds):
        date, refused = date_in_line(line, document.language)
        if refused:
            document.warn(refused)
        if date is not None:
            found.append(date)
    hint = _hint_date(document)
    if not found:
        return hint.iso if hint else None
    first = found[0]
    for other in found[1:]:
        if other.iso[:10] != first.iso[:10]:
            document.warn(f"another dateline gives {other.iso} ({other.text!r}); kept the first, {first.iso}")
    if hint and hint.iso[:10] != first.iso[:10]:
        document.warn(f"container gives publication date {hint.iso}; the article's dateline says {first.iso}")
    return first.iso
