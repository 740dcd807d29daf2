"""RSS and Atom feeds (feedparser): one document per entry.

An entry's full content is the document.  An entry with only a short summary and a link
is a teaser: the link is fetched (same rules as any URL); if that fails, the summary is
kept as the document with a warning rather than lost.
"""

from __future__ import annotations

import io
import re
import time
from collections.abc import Iterator
from typing import Any

import feedparser

from ...errors import NewsprismError
from ...model import Document, Failure, Hints, InputFormat
from ..documents import make_document
from ..encoding import normalise_newlines
from ..inputs import Context, Input, failure, guarded
from ..registry import fetch_article, reader
from ..sniff import is_feed

SHORT_SUMMARY_CHARS = 1000  # teaser summaries are a few sentences; full-text feeds carry far more
_TAGS = re.compile(r"<[^>]*>")


@reader("feed", "RSS / Atom feeds (feedparser): one document per entry; teaser entries fetch their link",
        sniff=is_feed)
def read_feed(item: Input, context: Context) -> Iterator[Document | Failure]:
    data = item.read_all(context.options)
    headers = {"content-location": item.url} if item.url else {}
    if item.charset:
        headers["content-type"] = f"application/xml; charset={item.charset}"
    # A stream, never bytes or str: feedparser would treat a string as a URL or file name to open.
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    if not parsed.entries:
        problem = f" (malformed feed: {parsed.get('bozo_exception')})" if parsed.get("bozo") else ""
        yield failure(item.source, f"feed has no entries{problem}")
        return
    sitename = parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, start=1):
        if number > context.options.max_records_per_input:
            yield failure(item.source, f"stopped after {number - 1} entries (max_records_per_input)")
            return
        link = entry.get("link") or None
        source = f"{item.source}#{link or f'entry-{number}'}"
        yield from guarded(source, _entry(entry, source, link, sitename, context))


def _entry(entry: Any, source: str, link: str | None, sitename: str | None,
           context: Context) -> Iterator[Document | Failure]:
    hints = Hints(url=link, title=entry.get("title") or None, authors=_authors(entry),
                  published=_published(entry), sitename=sitename)
    contents = [c for c in entry.get("content", []) if (c.get("value") or "").strip()]
    if contents:
        yield _document(source, contents[0], link, hints)
        return
    summary = entry.get("summary_detail") if (entry.get("summary") or "").strip() else None
    if link and (summary is None or len(_TAGS.sub("", summary["value"]).strip()) < SHORT_SUMMARY_CHARS):
        try:
            for fetched in fetch_article(link, context, source):
                if isinstance(fetched, Document):
                    _merge_hints(fetched, hints)
                yield fetched
            return
        except NewsprismError as error:
            if summary is None:
                raise
            warning = f"could not fetch the full article ({error}); the document is the feed summary"
            yield _document(source, summary, link, hints, warning)
            return
    if summary is None:
        yield failure(source, "feed entry has no content, summary or link")
        return
    yield _document(source, summary, link, hints)


def _document(source: str, detail: Any, link: str | None, hints: Hints, *warnings: str) -> Document:
    fmt = InputFormat.TEXT if detail.get("type") == "text/plain" else InputFormat.HTML
    return make_document(source, normalise_newlines(detail["value"]), fmt, url=link, hints=hints,
                         warnings=warnings)


def _merge_hints(document: Document, entry_hints: Hints) -> None:
    """The feed's claims about the entry win; the fetched page only fills in what the feed lacks."""
    page = document.hints
    merged = entry_hints.model_copy()
    for field in Hints.model_fields:
        if not getattr(merged, field) and getattr(page, field):
            setattr(merged, field, getattr(page, field))
    document.hints = merged


def _authors(entry: Any) -> list[str]:
    names = [a.get("name", "").strip() for a in entry.get("authors", []) if isinstance(a, dict)]
    names = [name for name in names if name]
    if not names and (entry.get("author") or "").strip():
        names = [entry["author"].strip()]
    return names


def _published(entry: Any) -> str | None:
    """ISO 8601 (UTC, as feedparser normalises it) when the date parsed, else the feed's own string."""
    if entry.get("published_parsed"):
        return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", entry["published_parsed"])
    return (entry.get("published") or "").strip() or None
