"""Metadata stage: title, authors, publication date and outlet.

For text dumps the evidence is the segmenter's labelled segments (TITLE, METADATA lines,
author bios, disclaimers); for HTML pages and containers it is ``document.hints``.  Each
field is filled only from evidence that can carry it: a body sentence never becomes the
title, a date in a caption never becomes the publication date.  Runs after ``language``
when both are selected, so dates are read in the article's language.
"""

from __future__ import annotations

from ..model import Document
from ..options import Options
from ..pipeline import stage
from .authors import decide_authors
from .dates import decide_published
from .outlet_table import load_table
from .outlets import decide_outlet
from .title import decide_title


@stage("metadata", requires=("extract",), description="Title, authors, publication date and outlet")
def extract_metadata(document: Document, options: Options) -> Document:
    table = load_table(tuple(options.outlet_tables))
    document.title = decide_title(document)
    document.authors = decide_authors(document)
    document.published = decide_published(document)
    document.outlet = decide_outlet(document, table)
    return document
