"""Reading labelled segments, normalising names for comparison, and building word regexes."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

from ..extract.textdump.markup import clean_markup
from ..model import Document, Label

# Matching segments read at each end of a document by segment_lines().
EDGE_SEGMENTS = 150
_SPACES = re.compile(r"\s+")
_NON_WORD = re.compile(r"[\W_]+")
# Persian and Arabic spell the same letters with different code points (ی/ي, ک/ك): one form for matching.
_ARABIC_VARIANTS = str.maketrans({"ی": "ي", "ى": "ي", "ک": "ك", "ة": "ه", "أ": "ا", "إ": "ا", "آ": "ا"})


def clean(text: str) -> str:
    """One line of a text dump without markdown residue, whitespace collapsed (the segmenter's
    cleaner, shared so both stages read a line the same way)."""
    return clean_markup(text)


def squash(text: str | None) -> str:
    """Whitespace collapsed and trimmed (for hints, which carry no markdown)."""
    return _SPACES.sub(" ", text or "").strip()


def normalise(text: str) -> str:
    """Key for case-, diacritics- and punctuation-insensitive comparison of names."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_ARABIC_VARIANTS))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", stripped).strip()


def segment_lines(
    document: Document, labels: Iterable[Label], kinds: Iterable[str] | None = None
) -> Iterator[tuple[str | None, str]]:
    """``(kind, cleaned line)`` for every non-empty line of the matching segments, in input order.

    Lines are cleaned one by one: a segment may hold several metadata lines
    ("The original source…" followed by "Copyright ©…") that must not run together.
    Only the first and last :data:`EDGE_SEGMENTS` matching segments are read: a page's own
    metadata sits at its head and tail, and a dump of thousands of short lines (a list, a table)
    must not make every metadata rule read all of them.
    """
    labels = set(labels)
    kinds = set(kinds) if kinds is not None else None
    matching = []
    for segment in document.segments:
        if segment.label not in labels:
            continue
        kind = segment_kind(segment.kind)
        if kinds is None or kind in kinds:
            matching.append((kind, segment))
    if len(matching) > 2 * EDGE_SEGMENTS:
        matching = matching[:EDGE_SEGMENTS] + matching[-EDGE_SEGMENTS:]
    for kind, segment in matching:
        for raw in document.raw_text[segment.start : segment.end].splitlines():
            line = clean(raw)
            if line:
                yield kind, line


def alternation(words: Iterable[str]) -> str:
    """A regex alternative matching any of ``words`` (from ``lang/<code>/cues.py``).

    Longest first, so the result does not depend on the order of languages or words ("del"
    must win over "de" when a name follows).  A space matches any whitespace run and a final
    colon may follow spaces ("Source originale :").  No words gives a pattern that never matches.
    """
    ordered = sorted(set(words), key=lambda word: (-len(word), word))
    escaped = (re.escape(word).replace(r"\ ", r"\s+") for word in ordered)
    return "|".join(word[:-1] + r"\s*:" if word.endswith(":") else word for word in escaped) or "(?!)"


def segment_kind(kind: object) -> str | None:
    """A segment's kind as its plain string value, whether it was set from the enum or a string."""
    return None if kind is None else str(getattr(kind, "value", kind))
