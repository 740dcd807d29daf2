"""Text-dump extractor: label every block of a plain-text / markdown dump, then clean.

``extract_text`` fills ``segments`` (every non-whitespace character of ``raw_text`` in
exactly one labelled segment), ``body`` (the body blocks cleaned of markdown residue,
one paragraph per block, joined by a blank line), ``paragraphs`` (traceable:
``body[p.start:p.end] == clean_markup(raw_text[p.source_start:p.source_end])``),
``boilerplate`` and ``comments``.
"""

from __future__ import annotations

from ...model import Boilerplate, BoilerplateKind, Document, Label, Paragraph, Segment
from ...options import Options
from .blocks import split_blocks
from .classifier import refine, shipped
from .comments import thread_comments
from .features import matchers
from .markup import clean_markup
from .segmenter import Decision, segment

__all__ = ["clean_markup", "extract_text"]

# Boilerplate blocks listed in ``document.boilerplate``: a dump of thousands of short lines (a list,
# a table, a menu export) would otherwise carry them all twice; segments still cover every block.
MAX_BOILERPLATE_ITEMS = 1000


def extract_text(document: Document, options: Options) -> Document:
    """Segment ``document.raw_text`` and fill body, paragraphs, boilerplate, comments, segments."""
    m = matchers()
    blocks = split_blocks(document.raw_text)
    layout = segment(blocks, m)
    decisions, zone = refine(blocks, layout, m, shipped()), layout.zone
    comments = []
    if zone is not None:
        comments, zone_labels = thread_comments(blocks, zone, m)
        for index, kind in zone_labels.items():
            decisions[index] = Decision(Label.COMMENT) if kind is None else Decision(Label.BOILERPLATE, kind)

    body_parts: list[str] = []
    paragraphs: list[Paragraph] = []
    boilerplate: list[Boilerplate] = []
    segments: list[Segment] = []
    offset = 0
    unlisted = 0
    for block, decision in zip(blocks, decisions):
        if decision.label is Label.BODY and not block.clean:
            decision = Decision(Label.BOILERPLATE, BoilerplateKind.OTHER.value)  # e.g. an image-only line
        previous = segments[-1] if segments else None
        if (
            previous is not None
            and decision.label is Label.BOILERPLATE
            and previous.label is Label.BOILERPLATE
            and previous.kind == decision.kind
        ):
            previous.end = block.end  # a run of one kind of boilerplate is one segment
        else:
            segments.append(Segment(start=block.start, end=block.end, label=decision.label, kind=decision.kind))
        if decision.label is Label.BODY:
            if body_parts:
                offset += 2
            paragraphs.append(
                Paragraph(start=offset, end=offset + len(block.clean), source_start=block.start, source_end=block.end)
            )
            body_parts.append(block.clean)
            offset += len(block.clean)
        elif decision.label is Label.BOILERPLATE and block.clean:
            if len(boilerplate) < MAX_BOILERPLATE_ITEMS:
                boilerplate.append(Boilerplate(kind=BoilerplateKind(decision.kind), text=block.clean))
            else:
                unlisted += 1

    document.segments = segments
    document.body = "\n\n".join(body_parts)
    document.paragraphs = paragraphs
    document.boilerplate = boilerplate
    document.comments = comments
    if unlisted:
        document.warn(f"{unlisted} more boilerplate blocks not listed (their segments are kept)")
    if not body_parts:
        document.warn("text dump: no body text found")
    return document
