"""WARC / WARC.gz web archives (warcio): one document per HTML or text response record.

Request, metadata, warcinfo, revisit… records are not articles and are skipped.  A
response that is not a page (image, script, error status) becomes a Failure.  A record
decompressing beyond ``max_input_bytes`` fails alone; the whole archive stops when its
decompressed size outgrows ``MAX_COMPRESSION_RATIO`` times the compressed bytes read
(gzip bomb) — the bound is dynamic so that a multi-gigabyte crawl still reads.  When the
archive is corrupt or truncated, the records read so far stand and one Failure reports
the rest.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ...errors import InputError
from ...model import Document, Failure
from ..documents import article_format, document_from_bytes
from ..inputs import Context, Input, failure
from ..limits import human_size, too_large
from ..registry import reader
from ..sniff import HEAD_BYTES, Head, is_warc

MAX_COMPRESSION_RATIO = 100  # HTML gzips 5-10x; deflate tops out near 1000x, which only bombs reach
_CHUNK = 1 << 16


class _Bomb(Exception):
    pass


class _Corrupt(Exception):
    pass


class _Archive(ArchiveIterator):
    """warcio stops quietly at a gzip member cut short; remember it to report the truncation."""

    cut_short = False

    def close(self) -> None:
        decompressor = self.reader.decompressor if self.reader else None
        if decompressor is not None and not decompressor.eof:
            self.cut_short = True
        super().close()


class _Counting:
    """Counts the (compressed) bytes warcio reads from the file."""

    def __init__(self, stream: BinaryIO):
        self.stream = stream
        self.count = 0

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        self.count += len(data)
        return data


class _Budget:
    def __init__(self, limit: int, compressed: _Counting):
        self.limit = limit
        self.compressed = compressed
        self.used = 0

    def spend(self, size: int) -> None:
        self.used += size
        allowed = max(self.limit, MAX_COMPRESSION_RATIO * self.compressed.count)
        if self.used > allowed:
            raise _Bomb(f"decompresses to more than {human_size(allowed)} from "
                        f"{human_size(self.compressed.count)} of compressed data (gzip bomb?)")


class _Metered:
    """A record's stream whose every byte is charged to the archive's budget."""

    def __init__(self, stream: Any, budget: _Budget):
        self.stream = stream
        self.budget = budget

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        self.budget.spend(len(data))
        return data

    def readline(self, size: int = -1) -> bytes:
        data = self.stream.readline(size)
        self.budget.spend(len(data))
        return data

    def close(self) -> None:
        self.stream.close()


@reader("warc", "WARC / WARC.gz web archives (warcio): HTML and text response records", sniff=is_warc,
        binary=True)
def read_warc(item: Input, context: Context) -> Iterator[Document | Failure]:
    compressed = _Counting(item.stream)
    budget = _Budget(context.options.max_input_bytes, compressed)
    records = articles = 0
    source = item.source  # of the record being read, for a bomb found inside it
    archive = _Archive(compressed)
    try:
        for record in archive:
            records += 1
            source = f"{item.source}#record-{records}"
            if record.rec_type is None or record.length is None:
                raise _Corrupt(f"record {records} has no WARC-Type or Content-Length")
            record.raw_stream = _Metered(record.raw_stream, budget)
            if record.rec_type != "response":
                _drain(record, records)
                continue
            if articles >= context.options.max_records_per_input:
                yield failure(item.source, f"stopped after {articles} records (max_records_per_input)")
                return
            articles += 1
            target = record.rec_headers.get_header("WARC-Target-URI")
            source = f"{item.source}#{target or f'record-{records}'}"
            try:
                result: Document | Failure = _response(record, source, target, context)
            except InputError as error:
                result = failure(source, str(error))
            _drain(record, records)  # before yielding: a record cut short is no article
            yield result
        if archive.cut_short:
            raise _Corrupt("the last gzip member is cut short")
    except _Bomb as error:
        yield failure(source, f"{error}; rest of the archive not read")
    except (_Corrupt, ArchiveLoadFailed, zlib.error, EOFError, OSError, ValueError) as error:
        reason = next((line.strip() for line in str(error).splitlines() if line.strip()), type(error).__name__)
        yield failure(item.source, f"corrupt or truncated WARC (stopped at record {records}): {reason}")


def _response(record: Any, source: str, target: str | None, context: Context) -> Document:
    http = record.http_headers
    if http is not None:
        status = http.get_statuscode()
        if not str(status).startswith("2"):
            raise InputError(f"not an article: HTTP {status} response")
        content_type = http.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    media_type = content_type.split(";")[0].strip().lower() or None
    charset = None
    for parameter in content_type.split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip("\"'")
    limit = context.options.max_input_bytes
    try:
        payload = record.content_stream().read(limit + 1)  # also undoes chunked / gzip encodings
    except (zlib.error, ValueError, OSError) as error:
        raise InputError(f"undecodable HTTP payload: {error}") from error
    if len(payload) > limit:
        raise InputError(too_large(None, limit))
    fmt = article_format(Head(payload[:HEAD_BYTES], complete=len(payload) <= HEAD_BYTES), media_type)
    return document_from_bytes(source, payload, fmt, charset=charset, url=target)


def _drain(record: Any, number: int) -> None:
    """Read the rest of a record through the metered stream (warcio would skip it unmetered)."""
    while record.raw_stream.read(_CHUNK):
        pass
    if getattr(record.raw_stream.stream, "limit", 0) > 0:  # warcio's LimitReader: bytes still owed
        raise _Corrupt(f"record {number} ends before its Content-Length")
