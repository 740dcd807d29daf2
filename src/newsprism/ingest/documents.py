"""Building :class:`Document` objects from decoded article content."""

from __future__ import annotations

from collections.abc import Iterable

from ..errors import InputError
from ..model import Document, Hints, InputFormat, content_id
from .encoding import decode
from .htmlmeta import canonical_url
from .sniff import Head, binary_kind, is_html

HTML_TYPES = {"text/html", "application/xhtml+xml"}
TEXT_TYPES = {"text/plain", "text/markdown", "text/x-markdown"}
UNTYPED = {"application/octet-stream", "binary/octet-stream"}  # servers' "don't know": look at the bytes


def article_format(head: Head, media_type: str | None = None) -> InputFormat:
    """TEXT or HTML for article content; InputError if it is binary or not an article at all."""
    if media_type and media_type not in HTML_TYPES | TEXT_TYPES | UNTYPED:
        raise InputError(f"not an article: content-type {media_type}")
    kind = binary_kind(head)
    if kind:
        raise InputError(f"binary file ({kind})")
    if media_type in HTML_TYPES:
        return InputFormat.HTML
    if media_type in TEXT_TYPES:
        return InputFormat.TEXT
    return InputFormat.HTML if is_html(head) else InputFormat.TEXT


def make_document(
    source: str,
    text: str,
    fmt: InputFormat,
    *,
    url: str | None = None,
    hints: Hints | None = None,
    warnings: Iterable[str] = (),
) -> Document:
    if not text.strip():
        raise InputError("empty input")
    hints = hints.model_copy() if hints else Hints()
    if fmt is InputFormat.HTML and not hints.url:
        hints.url = canonical_url(text, url)
    document = Document(id=content_id(text, url), source=source, url=url, format=fmt, raw_text=text, hints=hints)
    for warning in warnings:
        document.warn(warning)
    return document


def document_from_bytes(
    source: str,
    data: bytes,
    fmt: InputFormat,
    *,
    charset: str | None = None,
    url: str | None = None,
    hints: Hints | None = None,
    warnings: Iterable[str] = (),
) -> Document:
    decoded = decode(data, charset)
    extra = [f"undecodable bytes replaced (decoded as {decoded.encoding})"] if decoded.lossy else []
    return make_document(source, decoded.text, fmt, url=url, hints=hints, warnings=[*warnings, *extra])
