"""Recognise what an input is from its first bytes, whatever its name or extension says."""

from __future__ import annotations

import json
import re
import zlib
from dataclasses import dataclass
from functools import cached_property

from .encoding import detect_bom, utf16_without_bom

HEAD_BYTES = 4096

# (magic, description) of binary formats that are never articles.
MAGIC = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x7fELF", "ELF executable"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office document"),
)
GZIP_MAGIC = b"\x1f\x8b"
_CONTROL_OK = set(b"\t\n\r\x0c\x0b\x1b")
_HTML_TAGS = re.compile(
    r"<(?:p|div|span|a|br|hr|h[1-6]|meta|link|script|style|title|head|body|li|ul|ol|table|tr|td|img|"
    r"article|section|header|footer|nav|main|figure|blockquote|em|strong|b|i|form|input|iframe)\b",
    re.I,
)
_PROLOG = re.compile(r"\A(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*", re.S | re.I)
_URL_LINE = re.compile(r"^https?://[^\s/?#]+[^\s]*$", re.I)


@dataclass(frozen=True)
class Head:
    """The first bytes of an input, and what can be told from them."""

    data: bytes
    complete: bool  # the whole input fits in ``data``

    @cached_property
    def gzip_payload(self) -> bytes | None:
        """The first decompressed bytes if the input is gzip, else None."""
        if not self.data.startswith(GZIP_MAGIC):
            return None
        try:
            return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(self.data, 64)
        except zlib.error:
            return b""

    @cached_property
    def text(self) -> str:
        """Head decoded leniently, only for looking at markup and lines (never the document text)."""
        codec = detect_bom(self.data) or utf16_without_bom(self.data) or "utf-8"
        if codec == "utf-8-sig" or codec == "utf-8":
            return self.data.decode("utf-8-sig", "replace")
        # drop a possibly cut last code unit so the lenient decode does not end in garbage
        usable = self.data[: len(self.data) - len(self.data) % 4]
        return usable.decode(codec, "replace")

    @cached_property
    def lines(self) -> list[str]:
        """Complete lines of the head (a line cut at the head's end is left out)."""
        lines = self.text.splitlines()
        if not self.complete and lines and not self.text.endswith(("\n", "\r")):
            lines.pop()
        return lines

    @cached_property
    def root_element(self) -> str | None:
        """Lower-cased name of the first element after the XML/HTML prolog."""
        rest = self.text[_PROLOG.match(self.text).end():]
        match = re.match(r"<([A-Za-z][\w:.-]*)", rest)
        return match.group(1).lower() if match else None

    @cached_property
    def doctype_html(self) -> bool:
        return re.search(r"<!DOCTYPE\s+html", self.text[:1024], re.I) is not None


def binary_kind(head: Head) -> str | None:
    """A description like "PNG image" if the input is binary, else None."""
    data = head.data
    for magic, kind in MAGIC:
        if data.startswith(magic):
            return kind
    if re.match(rb"BZh[1-9]1AY&SY", data):
        return "bzip2 archive"
    if head.gzip_payload is not None:
        return None if head.gzip_payload.startswith(b"WARC/") else "gzip archive"
    if detect_bom(data) or utf16_without_bom(data):
        return None
    if b"\x00" in data:
        return "unknown binary format"
    if data:
        controls = sum(1 for byte in data if byte < 0x20 and byte not in _CONTROL_OK)
        if controls / len(data) > 0.05:
            return "unknown binary format"
    return None


def is_warc(head: Head) -> bool:
    return head.data.startswith(b"WARC/") or (head.gzip_payload or b"").startswith(b"WARC/")


def is_feed(head: Head) -> bool:
    return head.root_element in {"rss", "feed", "rdf:rdf"}


def is_html(head: Head) -> bool:
    if head.doctype_html or head.root_element in {"html", "head", "body"}:
        return True
    tags = len(_HTML_TAGS.findall(head.text))
    starts_with_tag = head.text.lstrip("\ufeff \t\r\n").startswith("<")
    # A fragment that opens with markup, or a head dense with tags, is a page, not a text dump.
    return (starts_with_tag and tags >= 3) or tags >= 15


def is_jsonl(head: Head) -> bool:
    first = next((line.strip() for line in head.text.splitlines() if line.strip()), "")
    if not first.startswith("{"):
        return False
    if first in head.lines:
        try:
            return isinstance(json.loads(first), dict)
        except ValueError:
            return False
    return first.startswith('{"')  # first record longer than the head


def is_url_list(head: Head) -> bool:
    entries = [line.strip() for line in head.lines if line.strip() and not line.lstrip().startswith("#")]
    return bool(entries) and all(_URL_LINE.match(entry) for entry in entries)


def is_url(line: str) -> bool:
    return _URL_LINE.match(line.strip()) is not None
