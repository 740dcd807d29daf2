"""Split a text dump into blocks (paragraph-ish units) with offsets into the raw text.

A blank line (only whitespace, NBSPs included) always separates blocks.  Lines are
otherwise separate blocks too: dumps put one paragraph per line (sample 001 has no
blank lines at all), list items and comment lines each sit on their own line, and a
caption line followed by another caption is two units.  The one exception is hard-wrapped
text (every line of a paragraph cut near the same width): there consecutive lines of a
paragraph are joined back into one block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .markup import clean_markup, link_text_length

# A list marker: bullet or "1." / "1)" followed by a space.
_MARKER = re.compile(r"(?:[*•◦▪‣·+\-–]|\d{1,3}[.)])[ \t\xa0]+(?=\S)")
_HEADING = re.compile(r"#{1,6}[ \t]")
_INDENT_WIDTH = {" ": 1, "\xa0": 1, "\t": 4, "\u2002": 1, "\u2003": 2, "\u3000": 2}


@dataclass
class Block:
    start: int  # offset of the first non-whitespace character in raw_text
    end: int  # offset after the last non-whitespace character
    raw: str  # raw_text[start:end]
    indent: int  # columns before the first character of the first line
    marker: str | None  # list marker of the first line ("•", "1.", …), if any
    heading: int  # markdown heading level, 0 when not a heading
    blank_before: bool  # a blank line (or the start of the text) precedes the block
    clean: str = ""
    words: int = 0
    link_density: float = 0.0
    features: dict = field(default_factory=dict)

    @property
    def content_indent(self) -> int:
        """Column where the text after the list marker starts (the comment text column)."""
        if self.marker is None:
            return self.indent
        return self.indent + len(self.marker) + 1


def _indent(line: str) -> int:
    width = 0
    for char in line:
        step = _INDENT_WIDTH.get(char)
        if step is None:
            break
        width += step
    return width


def _hard_wrap_width(lines: list[str]) -> int | None:
    """The wrap width when the dump is hard-wrapped (most long lines end near one width), else None."""
    lengths = sorted(len(line.rstrip()) for line in lines if len(line.strip()) >= 30)
    if len(lengths) < 8:
        return None
    width = lengths[int(len(lengths) * 0.9)]
    if width > 100:
        return None
    near = sum(1 for length in lengths if width - 12 <= length <= width)
    return width if near >= 0.6 * len(lengths) else None


def split_blocks(text: str) -> list[Block]:
    """The blocks of ``text`` in order; every non-whitespace character is in exactly one block."""
    lines: list[tuple[int, str]] = []  # (offset, line) for every line, blank ones included
    offset = 0
    for line in text.split("\n"):
        lines.append((offset, line))
        offset += len(line) + 1
    wrap = _hard_wrap_width([line for _, line in lines])
    blocks: list[Block] = []
    previous_blank = True
    previous_wrapped = False
    for line_offset, line in lines:
        stripped = line.strip()
        if not stripped:
            previous_blank = True
            previous_wrapped = False
            continue
        lead = len(line) - len(line.lstrip())
        start = line_offset + lead
        end = line_offset + len(line.rstrip())
        body = line[lead:]
        marker_match = _MARKER.match(body)
        marker = marker_match.group(0).strip() if marker_match else None
        if previous_wrapped and marker is None and blocks and _indent(line) == blocks[-1].indent:
            blocks[-1].end = end
            blocks[-1].raw = text[blocks[-1].start:end]
        else:
            blocks.append(
                Block(
                    start=start,
                    end=end,
                    raw=text[start:end],
                    indent=_indent(line),
                    marker=marker,
                    heading=(len(body) - len(body.lstrip("#"))) if _HEADING.match(body) else 0,
                    blank_before=previous_blank,
                )
            )
        previous_blank = False
        previous_wrapped = wrap is not None and len(line.rstrip()) >= wrap - 12
    for block in blocks:
        block.clean = clean_markup(block.raw)
        block.words = len(block.clean.split())
        visible = len(block.clean) or 1
        block.link_density = min(1.0, link_text_length(block.raw) / visible)
    return blocks
