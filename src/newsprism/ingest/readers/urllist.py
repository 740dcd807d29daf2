"""Text files listing URLs, one per line (blank lines and # comments allowed); each is fetched."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Document, Failure
from ..encoding import decode
from ..inputs import Context, Input, failure, guarded
from ..registry import fetch_article, reader
from ..sniff import is_url, is_url_list


@reader("urllist", "Lists of http(s) URLs, one per line (# comments allowed); each URL is fetched",
        sniff=is_url_list)
def read_url_list(item: Input, context: Context) -> Iterator[Document | Failure]:
    text = decode(item.read_all(context.options)).text
    fetched = 0
    for number, line in enumerate(text.split("\n"), start=1):
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue
        if not is_url(entry):
            yield failure(f"{item.source}#L{number}", f"not a URL: {entry[:200]}")
            continue
        if fetched >= context.options.max_records_per_input:
            yield failure(item.source, f"stopped after {fetched} URLs (max_records_per_input)")
            return
        fetched += 1
        yield from guarded(entry, fetch_article(entry, context))
