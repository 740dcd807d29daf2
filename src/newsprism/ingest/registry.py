"""The reader registry: each reader reads one kind of input; the kind is told by content.

Containers (WARC, feeds, JSONL, URL lists) are recognised by sniffing the input's first
bytes; anything else is an article, HTML or text (HTTP Content-Type first, then sniffing).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..errors import InputError
from ..model import Document, Failure, InputFormat
from .documents import article_format
from .inputs import Context, Input
from .sniff import Head, binary_kind

ReadFunc = Callable[[Input, Context], Iterator[Document | Failure]]


@dataclass(frozen=True)
class Reader:
    name: str
    description: str
    read: ReadFunc
    sniff: Callable[[Head], bool] | None = None  # containers only: does the input look like one?
    binary: bool = False  # the container may hold binary data (WARC payloads): sniff it even then


READERS: dict[str, Reader] = {}
ARTICLE_READERS = {InputFormat.HTML: "html", InputFormat.TEXT: "text"}


def reader(name: str, description: str, sniff: Callable[[Head], bool] | None = None, binary: bool = False):
    """Register a read function under ``name`` (decorator); containers give a ``sniff``."""

    def register(func: ReadFunc) -> ReadFunc:
        READERS[name] = Reader(name, description, func, sniff, binary)
        return func

    return register


def choose_reader(item: Input) -> Reader:
    """The reader for ``item``; InputError if it is empty, binary or not an article."""
    if item.head.complete and not item.head.data.strip():
        raise InputError("empty input")
    if not item.nested:
        kind = binary_kind(item.head)
        for candidate in READERS.values():
            if candidate.sniff and (kind is None or candidate.binary) and candidate.sniff(item.head):
                return candidate
        if kind:
            raise InputError(f"binary file ({kind})")
    return READERS[ARTICLE_READERS[article_format(item.head, item.media_type)]]


def read_input(item: Input, context: Context) -> Iterator[Document | Failure]:
    yield from choose_reader(item).read(item, context)


def fetch_article(url: str, context: Context, source: str | None = None) -> Iterator[Document | Failure]:
    """Fetch a URL listed inside a container and read it as an article (never as another container)."""
    fetched = context.fetcher.fetch(url)
    yield from read_input(Input.from_fetched(source or url, fetched, nested=True), context)
