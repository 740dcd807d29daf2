"""Ingest: turn command-line inputs into :class:`Document` objects, or :class:`Failure` s.

Inputs are files, directories, http(s) URLs or ``-`` (standard input).  What a file is
(text dump, HTML page, WARC, JSONL, RSS/Atom feed, URL list) is told by its content,
not its name; see :mod:`.registry`.  Ingest never raises for a bad input: each input,
or record inside a container, that cannot be read becomes one Failure with a one-line
reason.  ``raw_text`` is the decoded input with newlines normalised to ``\\n``; all
later offsets point into that normalised text.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from ..model import Document, Failure
from ..options import Options
from . import readers  # noqa: F401  (registers the readers)
from .fetch import Fetcher
from .inputs import Context, Input, guarded
from .registry import READERS, read_input
from .sources import count_files, iter_sources

__all__ = ["count_files", "iter_inputs", "list_readers"]


def iter_inputs(inputs: list[str], options: Options, stdin: BinaryIO | None = None) -> Iterator[Document | Failure]:
    """Documents and Failures for ``inputs``, in order: one per article, one per unreadable input or record."""
    with Fetcher(options) as fetcher:
        context = Context(options, fetcher)
        for argument in inputs:
            for item in guarded(argument, iter_sources(argument, context, stdin)):
                if isinstance(item, Input):
                    yield from guarded(item.source, read_input(item, context))
                else:
                    yield item


def list_readers() -> list[tuple[str, str]]:
    """(name, one-line description) of every input reader, for ``newsprism stages``."""
    return [(r.name, r.description) for r in READERS.values()]
