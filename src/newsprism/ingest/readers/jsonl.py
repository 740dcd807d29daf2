"""JSON Lines: one article per line, ``text`` or ``html`` plus optional metadata fields.

Read line by line (a dataset may be far larger than one article's size limit); each line
is bounded by ``max_input_bytes`` and a broken line fails alone.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any

from ...errors import InputError
from ...model import Document, Failure, Hints, InputFormat
from ..encoding import decode, detect_bom, normalise_newlines, utf16_without_bom
from ..documents import make_document
from ..inputs import Context, Input, failure
from ..limits import too_large
from ..registry import reader
from ..sniff import is_jsonl

_HINT_FIELDS = ("title", "published", "outlet", "sitename", "description")
_SKIP_CHUNK = 1 << 16


@reader("jsonl", "JSON Lines datasets: one article per line with text or html, url, title, published, "
        "outlet, authors", sniff=is_jsonl)
def read_jsonl(item: Input, context: Context) -> Iterator[Document | Failure]:
    limit = context.options.max_input_bytes
    codec = detect_bom(item.head.data) or utf16_without_bom(item.head.data) or "utf-8"
    # surrogateescape keeps undecodable bytes so that one line in a legacy encoding can be re-decoded alone
    lines = io.TextIOWrapper(item.stream, encoding=codec, errors="surrogateescape", newline="\n")
    records = 0
    number = 0
    while line := lines.readline(limit + 1):
        number += 1
        source = f"{item.source}#L{number}"
        if len(line) > limit and not line.endswith("\n"):
            while (rest := lines.readline(_SKIP_CHUNK)) and not rest.endswith("\n"):
                pass
            yield failure(source, too_large(None, limit))
            continue
        if not line.strip():
            continue
        if records >= context.options.max_records_per_input:
            yield failure(item.source, f"stopped after {records} records (max_records_per_input)")
            return
        records += 1
        try:
            yield _document(source, _decode_line(line))
        except InputError as error:
            yield failure(source, str(error))


def _decode_line(line: str) -> str:
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:  # escaped undecodable bytes: not UTF-8, guess this line's encoding
        return decode(line.encode("utf-8", "surrogateescape")).text
    return line


def _document(source: str, line: str) -> Document:
    try:
        record = json.loads(line)
    except ValueError as error:
        raise InputError(f"invalid JSON: {error}") from error
    if not isinstance(record, dict):
        raise InputError(f"not a JSON object but {type(record).__name__}")
    warnings: list[str] = []
    html, text = record.get("html"), record.get("text")
    # The page's HTML is preferred when both are given: it keeps structure and metadata that
    # a dataset's pre-extracted text has lost.
    if isinstance(html, str) and html.strip():
        content, fmt = html, InputFormat.HTML
    elif isinstance(text, str) and text.strip():
        content, fmt = text, InputFormat.TEXT
    elif html is None and text is None:
        raise InputError('no "text" or "html" field')
    else:
        raise InputError('empty input ("text"/"html" field empty or not a string)')
    url = _string(record, "url", warnings)
    hints = Hints(url=url, authors=_authors(record, warnings))
    for field in _HINT_FIELDS:
        setattr(hints, field, _string(record, field, warnings))
    return make_document(source, normalise_newlines(content), fmt, url=url, hints=hints, warnings=warnings)


def _string(record: dict[str, Any], field: str, warnings: list[str]) -> str | None:
    value = record.get(field)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        return value.strip()
    if field == "outlet" and isinstance(value, dict) and isinstance(value.get("name"), str):
        return value["name"].strip()
    warnings.append(f'ignored JSONL field "{field}": not a string')
    return None


def _authors(record: dict[str, Any], warnings: list[str]) -> list[str]:
    value = record.get("authors", record.get("author"))
    values = value if isinstance(value, list) else [value]
    authors = []
    for entry in values:
        if isinstance(entry, dict):
            entry = entry.get("name")
        if isinstance(entry, str) and entry.strip():
            authors.append(entry.strip())
        elif entry is not None:
            warnings.append("ignored a JSONL author: not a string")
    return authors
