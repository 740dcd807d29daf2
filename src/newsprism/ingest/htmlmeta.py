"""The page's own URL claim (``<link rel=canonical>``, ``og:url``) for ``Hints.url``.

Only the URL is read here: titles, dates and authors are the extract and metadata
stages' job (trafilatura), so ingest does not parse them twice.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

_HEAD_CHARS = 1 << 20  # canonical links live in <head>; never parse a whole huge page for them
# Only <link>, <meta> and <body> tags matter here: the parser is fed just those (a head's inline
# scripts and styles, often most of it, would cost more to tokenise than everything else).
_RELEVANT_TAG = re.compile(r"<(?:link|meta|body)\b[^>]*>", re.I)


class _Stop(Exception):
    pass


class _HeadParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.canonical: str | None = None
        self.og_url: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name.lower(): (value or "").strip() for name, value in attrs}
        if tag == "link" and "canonical" in values.get("rel", "").lower().split():
            self.canonical = self.canonical or values.get("href") or None
        elif tag == "meta" and (values.get("property") or values.get("name", "")).lower() == "og:url":
            self.og_url = self.og_url or values.get("content") or None
        elif tag == "body":
            raise _Stop


def canonical_url(html: str, base: str | None = None) -> str | None:
    """Absolute http(s) URL the page declares for itself, resolved against ``base``; else None."""
    parser = _HeadParser()
    try:
        for tag in _RELEVANT_TAG.finditer(html, 0, _HEAD_CHARS):
            parser.feed(tag.group(0))
        parser.close()
    except _Stop:
        pass
    for candidate in (parser.canonical, parser.og_url):
        if candidate:
            url = urljoin(base, candidate) if base else candidate
            parts = urlsplit(url)
            if parts.scheme in ("http", "https") and parts.netloc:
                return url
    return None
