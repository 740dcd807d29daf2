"""The ``quotes`` stage: who said what in the body, with the cue, the speaker and the speaker's role.

Fills ``document.quotes`` (offsets into ``body``; comments are not looked at).  See ``finder`` for
the method, ``spans`` for quote-mark pairing, ``attribute`` for verbs, speakers and roles and
``lexicon`` for the per-language word lists.
"""

from __future__ import annotations

from ..model import Document
from ..options import Options
from ..pipeline import stage
from .finder import find_quotes

__all__ = ["find_quotes", "quotes_stage"]


@stage("quotes", requires=("entities",), description="Who said what: direct and indirect quotes with speakers")
def quotes_stage(document: Document, options: Options) -> Document:
    document.quotes = find_quotes(document)
    return document
