"""Extract stage: separate the article body from boilerplate and reader comments.

HTML goes through trafilatura (:mod:`.html`); text dumps through our own
segmenter (:mod:`.textdump`), which labels every block of the input.
"""

from __future__ import annotations

from ..model import Document, InputFormat
from ..options import Options
from ..pipeline import stage


@stage("extract", description="Body, boilerplate and reader comments from HTML (trafilatura) or text dumps (segmenter)")
def extract(document: Document, options: Options) -> Document:
    if document.format is InputFormat.HTML:
        from .html import extract_html

        return extract_html(document, options)
    from .textdump import extract_text

    return extract_text(document, options)
