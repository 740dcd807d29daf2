"""One input as the readers see it: its name, its first bytes and a stream of all of it."""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO, TypeVar

from ..errors import NewsprismError
from ..model import Failure
from ..options import Options
from .fetch import Fetched, Fetcher
from .limits import read_bounded
from .sniff import HEAD_BYTES, Head

MAX_REASON_CHARS = 500
T = TypeVar("T")


@dataclass
class Context:
    """What readers share during one run."""

    options: Options
    fetcher: Fetcher


@dataclass
class Input:
    source: str  # path or URL as reported in documents and failures
    head: Head
    stream: BinaryIO  # the whole input from its first byte (``head`` included)
    size: int | None = None  # known for files, so that a huge one is refused without reading it
    url: str | None = None  # where the bytes were fetched from
    media_type: str | None = None  # HTTP Content-Type, without parameters
    charset: str | None = None  # HTTP Content-Type charset
    nested: bool = False  # fetched from inside a container: read as an article, never as a container

    def read_all(self, options: Options) -> bytes:
        return read_bounded(self.stream, options.max_input_bytes, self.size)

    @classmethod
    def from_bytes(cls, source: str, data: bytes, **fields: object) -> Input:
        return cls(source, Head(data[:HEAD_BYTES], complete=len(data) <= HEAD_BYTES), io.BytesIO(data), len(data),
                   **fields)  # type: ignore[arg-type]

    @classmethod
    def from_fetched(cls, source: str, fetched: Fetched, *, nested: bool) -> Input:
        return cls.from_bytes(source, fetched.content, url=fetched.url, media_type=fetched.media_type,
                              charset=fetched.charset, nested=nested)

    @classmethod
    def from_stream(cls, source: str, stream: BinaryIO, size: int | None = None) -> Input:
        """``stream`` need not be seekable (standard input): the head is read and put back in front."""
        head = stream.read(HEAD_BYTES)
        if isinstance(head, str):  # a text-mode stream handed in by mistake
            head = head.encode("utf-8")
            stream = io.BytesIO(head + stream.read().encode("utf-8"))
        elif stream.seekable():
            stream.seek(0)
        else:
            stream = io.BufferedReader(_Prefixed(head, stream))
        return cls(source, Head(head, complete=len(head) < HEAD_BYTES), stream, size)


class _Prefixed(io.RawIOBase):
    """``prefix`` followed by the rest of ``rest``: puts back the head read from a pipe."""

    def __init__(self, prefix: bytes, rest: BinaryIO):
        self._prefix = prefix
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        if self._prefix:
            count = min(len(buffer), len(self._prefix))
            buffer[:count] = self._prefix[:count]
            self._prefix = self._prefix[count:]
            return count
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def failure(source: str, reason: str) -> Failure:
    """An ingest Failure with a one-line, bounded reason (reasons may quote hostile input)."""
    line = " ".join(reason.split())
    if len(line) > MAX_REASON_CHARS:
        line = line[: MAX_REASON_CHARS - 1] + "…"
    return Failure(source=source, stage="ingest", reason=line or "unreadable input")


def guarded(source: str, items: Iterable[T]) -> Iterator[T | Failure]:
    """``items``, then a Failure for ``source`` if producing them raised: bad input never crashes a run."""
    try:
        yield from items
    except NewsprismError as error:
        yield failure(source, str(error))
    except Exception as error:  # a parser choking on hostile bytes must not take down the batch
        yield failure(source, f"{type(error).__name__}: {error}")
