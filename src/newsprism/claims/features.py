"""What the check-worthiness model reads in a sentence: a fixed vector of cheap, mostly language-neutral features.

The earlier stages do the heavy lifting: names and their ids (``entities``, ``places``), event dates
(``dates``), who said what (``quotes``) and the spaCy parse (``newsprism.nlp.parse``).  This module
adds quantities (``numbers``), the per-language cue lists (``lexicon``) and the shape of the
sentence (question, length, missing end punctuation, capitals).  Everything is counted with
bisection on the sorted mention lists and one regex per cue category, so a sentence costs tens of
microseconds.

Features are scaled into [0, 1] (counts are capped) so the linear model's weights stay readable.
Languages without cue lists get zeros for the cue features and ``cues_known = 0``; languages without
a spaCy parse get ``parsed = 0`` and zeros for the verb features.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

import numpy as np

from ..model import Document, EntityType
from .lexicon import CATEGORIES, cue_counts
from .numbers import number_spans

FEATURES = (
    "numbers", "has_number", "money_percent", "dates", "actors", "places",
    "attribution", "attribution_named", "direct_quote",
    *(f"cue_{name}" for name in CATEGORIES),
    "question", "exclamation", "length", "short", "long", "no_end", "caps", "list_like",
    "cues_known", "parsed", "past", "verb",
)
INDEX = {name: position for position, name in enumerate(FEATURES)}

# Cue counts are capped: two hedges are not twice as hedged as one.
_CUE_CAP = {"person": 3}
_MONEY_PERCENT = re.compile(
    r"[%$€£¥₽]|\b(?:percent|per cent|pour cent|por ciento|prozent|процент\w*|dollars?|euros?|pounds?|"
    r"rials?|roubles?|rubles?|рубл\w*|долл\w*|евро|dólares|libras|milliards?|billions?|millions?|"
    r"millones|millón|milliarden?|millionen?|миллион\w*|миллиард\w*)\b",
    re.IGNORECASE,
)
# A sentence ending in a colon introduces something (a quote, a list): it is not finished.
_END = re.compile(r"[.!?…;][\"'”’»)\]]*$|[\"”»]$")
# "LOUISVILLE, Ky. (AP) —", "МОСКВА, 21 июн — РИА Новости": a dateline standing as a sentence.
_DATELINE = re.compile(r"^\s*[A-ZÀ-ÞА-ЯЁ][A-ZÀ-ÞА-ЯЁ'’.\- ]{2,}(?:\([^)]*\))?\s*(?:,[^—–]{0,40})?[—–]")
_QUESTION = re.compile(r"\?[\"'”’»)\]]*\s*$|¿")
_LIST_START = re.compile(r"^\s*(?:[-–—•*·▪►]|\d{1,3}[.)]\s|\(?[a-z]\)\s)")
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_PAST_TAGS = frozenset({"VBD", "VBN"})
# Russian has no spaCy parse here: past-tense verbs end in -л/-ла/-ло/-ли (+ reflexive -ся/-сь).
_PAST_RU = re.compile(r"(?<!\w)\w{2,}(?:[аяиеыуё]л)(?:а|о|и)?(?:сь|ся)?(?!\w)", re.IGNORECASE)


@dataclass
class Mentions:
    """A document's mentions sorted by start, for bisection."""

    starts: list[int]
    items: list
    # Names of actors, ids of places, values of dates: what a Claim lists.
    labels: list[str | None] = field(default_factory=list)


@dataclass
class SentenceInfo:
    """The features of one sentence and the facts a Claim reports about it."""

    start: int
    end: int
    vector: np.ndarray
    actors: list[str]
    places: list[str]
    dates: list[str]
    kinds: list[str]
    excluded: str | None = None  # why the sentence can never be a claim (question, fragment, table row)


def _mentions(items, label) -> Mentions:
    ordered = sorted(items, key=lambda item: (item.start, item.end))
    return Mentions([item.start for item in ordered], ordered, [label(item) for item in ordered])


def _inside(mentions: Mentions, start: int, end: int) -> list[int]:
    """Indexes of the mentions lying within [start, end)."""
    low = bisect_left(mentions.starts, start)
    high = bisect_right(mentions.starts, end - 1)
    return [index for index in range(low, high) if mentions.items[index].end <= end]


def _unique(values) -> list[str]:
    return [value for value in dict.fromkeys(values) if value]


class DocumentIndex:
    """The document's mentions prepared once for all its sentences."""

    def __init__(self, document: Document, parsed) -> None:
        self.document = document
        self.parsed = parsed
        located = {(p.start, p.end) for p in document.places}
        actors = [
            e for e in document.entities
            if e.type != EntityType.LOCATION and (e.start, e.end) not in located
        ]
        # Locations the places stage did not take (it takes every location entity it is given,
        # so this only matters when the stage did not run) still count as places.
        loose = [e for e in document.entities if e.type == EntityType.LOCATION and (e.start, e.end) not in located]
        self.actors = _mentions(actors, lambda e: e.id or e.name or e.text)
        self.places = _mentions([*document.places, *loose], lambda p: p.id or p.name or p.text)
        self.dates = _mentions(document.dates, lambda d: d.value)
        self.quotes = sorted(document.quotes, key=lambda q: q.start)
        self.cues = sorted(
            ((q.cue_start, q.cue_end, q.speaker_id) for q in document.quotes if q.cue_start is not None),
            key=lambda cue: cue[0],
        )
        self.cue_starts = [cue[0] for cue in self.cues]
        self.chunk_starts = [chunk.start for chunk in parsed.chunks] if parsed is not None else []

    def language_at(self, offset: int) -> str | None:
        for entry in self.document.paragraph_languages:
            if entry.start <= offset < entry.end and entry.language:
                return entry.language
        return self.document.language

    def tokens(self, start: int, end: int):
        """spaCy tokens of [start, end), or None where the chunk has no spaCy parse."""
        if not self.chunk_starts:
            return None
        position = bisect_right(self.chunk_starts, start) - 1
        if position < 0:
            return None
        chunk = self.parsed.chunks[position]
        if chunk.doc is None or end > chunk.end:
            return None
        span = chunk.doc.char_span(start - chunk.start, end - chunk.start, alignment_mode="expand")
        return span


def sentence_info(index: DocumentIndex, start: int, end: int) -> SentenceInfo:
    """Features and claim facts of ``body[start:end]``."""
    body = index.document.body
    text = body[start:end]
    language = index.language_at(start)
    values = np.zeros(len(FEATURES), dtype=np.float32)

    def put(name: str, value: float) -> None:
        values[INDEX[name]] = value

    date_ids = _inside(index.dates, start, end)
    date_spans = [(index.dates.items[i].start - start, index.dates.items[i].end - start) for i in date_ids]
    quantities = [
        (s, e) for s, e, _ in number_spans(text, language)
        if not any(ds <= s and e <= de for ds, de in date_spans)
    ]
    actor_ids = _unique(index.actors.labels[i] for i in _inside(index.actors, start, end))
    place_ids = _unique(index.places.labels[i] for i in _inside(index.places, start, end))
    date_values = _unique(index.dates.labels[i] for i in date_ids)

    put("numbers", min(len(quantities), 3) / 3)
    put("has_number", 1.0 if quantities else 0.0)
    put("money_percent", 1.0 if _MONEY_PERCENT.search(text) else 0.0)
    put("dates", min(len(date_ids), 2) / 2)
    put("actors", min(len(actor_ids), 3) / 3)
    put("places", min(len(place_ids), 2) / 2)

    low, high = bisect_left(index.cue_starts, start), bisect_left(index.cue_starts, end)
    cues = index.cues[low:high]
    put("attribution", 1.0 if cues else 0.0)
    put("attribution_named", 1.0 if any(speaker for _, _, speaker in cues) else 0.0)
    covered = 0
    for quote in index.quotes:
        if quote.start >= end:
            break
        if quote.end > start and quote.kind.value == "direct":
            covered += min(end, quote.end) - max(start, quote.start)
    put("direct_quote", covered / max(1, end - start))

    hits = cue_counts(text, language) or {}
    for name, count in hits.items():
        cap = _CUE_CAP.get(name, 2 if name in ("report", "event", "opinion", "hedge") else 1)
        put(f"cue_{name}", min(count, cap) / cap)
    put("cues_known", 1.0 if hits else 0.0)

    words = _WORD.findall(text)
    letters = _LETTER.findall(text)
    stripped = text.strip()
    question = bool(_QUESTION.search(stripped))
    list_like = bool(_LIST_START.match(text)) or text.count("|") >= 2 or "\t" in text
    put("question", 1.0 if question else 0.0)
    put("exclamation", 1.0 if "!" in text else 0.0)
    put("length", min(math.log1p(len(words)) / math.log1p(60), 1.0))
    put("short", 1.0 if len(words) < 6 else 0.0)
    put("long", 1.0 if len(words) > 60 else 0.0)
    put("no_end", 0.0 if _END.search(stripped) else 1.0)
    upper = sum(map(str.isupper, letters))
    caps = len(letters) >= 8 and upper / len(letters) > 0.6
    put("caps", 1.0 if caps else 0.0)
    put("list_like", 1.0 if list_like else 0.0)

    span = index.tokens(start, end)
    verb = past = False
    if span is not None:
        put("parsed", 1.0)
        for token in span:
            if token.pos_ in ("VERB", "AUX"):
                verb = True
                if token.tag_ in _PAST_TAGS or "Past" in token.morph.get("Tense"):
                    past = True
        put("past", 1.0 if past else 0.0)
        put("verb", 1.0 if verb else 0.0)
    elif language == "ru" and _PAST_RU.search(text):
        past = True
        put("past", 1.0)

    kinds = []
    if quantities:
        kinds.append("number")
    if hits.get("event") or (past and (actor_ids or place_ids)):
        kinds.append("event")
    if cues or hits.get("report"):
        kinds.append("attribution")
    if hits.get("causal"):
        kinds.append("causal")
    if hits.get("compare"):
        kinds.append("comparison")

    excluded = None
    if question:
        excluded = "question"
    elif len(words) < 4 or len(letters) < 12:
        excluded = "fragment"
    elif len(words) < 12 and _DATELINE.match(text):
        excluded = "dateline"
    elif list_like or sum(map(str.isdigit, text)) > 0.35 * max(1, len(text) - text.count(" ")):
        excluded = "list or table row"
    elif caps:
        excluded = "all capitals"
    return SentenceInfo(start, end, values, actor_ids, place_ids, date_values, kinds, excluded)
