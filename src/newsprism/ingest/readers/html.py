"""Saved or fetched web pages; hints.url from the page's canonical link or og:url."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Document, InputFormat
from ..documents import document_from_bytes
from ..inputs import Context, Input
from ..registry import reader


@reader("html", "HTML pages (files or fetched URLs); canonical link / og:url as the URL hint")
def read_html(item: Input, context: Context) -> Iterator[Document]:
    data = item.read_all(context.options)
    yield document_from_bytes(item.source, data, InputFormat.HTML, charset=item.charset, url=item.url)
