"""Plain-text and markdown dumps: anything readable that is no other kind of input."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Document, InputFormat
from ..documents import document_from_bytes
from ..inputs import Context, Input
from ..registry import reader


@reader("text", "Plain-text / markdown article dumps (.txt, .md, or any other text)")
def read_text(item: Input, context: Context) -> Iterator[Document]:
    data = item.read_all(context.options)
    yield document_from_bytes(item.source, data, InputFormat.TEXT, charset=item.charset, url=item.url)
