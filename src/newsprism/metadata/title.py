"""The headline: the text dump's TITLE segment, else the container's or page's title.

Only text labelled TITLE (or a title the container gave) can become the title: a body
sentence is never promoted, so an article that shows no headline gets ``None``.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from ..model import Document, Label
from .text import clean, normalise, squash

# Below this similarity two titles are different headlines, not spelling or punctuation variants.
SAME_TITLE_RATIO = 0.8


def _dump_title(document: Document) -> str | None:
    for segment in document.segments:
        if segment.label is Label.TITLE:
            # A headline wrapped over several lines is one title; a repeated headline is shown once.
            title = clean(document.raw_text[segment.start : segment.end])
            if title:
                return title
    return None


def _substantially_different(a: str, b: str) -> bool:
    a, b = normalise(a), normalise(b)
    if a in b or b in a:  # "Headline" vs "Headline | Outlet"
        return False
    return SequenceMatcher(None, a, b, autojunk=False).ratio() < SAME_TITLE_RATIO


def decide_title(document: Document) -> str | None:
    title = _dump_title(document)
    hint = squash(document.hints.title) or None
    if title and hint and _substantially_different(title, hint):
        document.warn(f"title given by the container differs from the article's: {hint!r}")
    return title or hint
