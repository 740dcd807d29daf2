"""Bytes → text for articles whose encoding nobody guarantees.

Order of evidence (first that applies wins):

1. a byte-order mark (UTF-32, UTF-8, UTF-16);
2. UTF-16 without BOM, recognised by its NUL pattern on ASCII characters;
3. valid UTF-8 containing non-ASCII bytes — even against a declared charset, because
   legacy text is practically never valid multi-byte UTF-8 by accident while
   mislabelled UTF-8 pages (CMS migrations) are common;
4. the declared charset (HTTP ``Content-Type``, ``<meta charset>``, ``http-equiv``,
   XML declaration) when it decodes strictly;
5. plain UTF-8 (ASCII);
6. charset-normalizer's best guess, with windows-1252 preferred for Western text:
   it is what "latin-1" pages really are (WHATWG maps the latin-1 label to it), and
   its 0x93/0x94 are the curly quotes that latin-1 would turn into C1 controls.
   Central European cp1250 text whose bytes also read cleanly as cp1252 (Hungarian
   ő/ű) is ambiguous without a language model; cp1252 wins such ties.

Newlines are normalised to ``\\n`` (``\\r\\n`` and lone ``\\r``), so every character
offset a later stage records is an offset into the *normalised* text.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import charset_normalizer
from charset_normalizer.md import mess_ratio

BOMS = (  # UTF-32 first: its LE BOM starts with the UTF-16 LE BOM
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# WHATWG Encoding Standard: these labels are decoded as windows-1252 by every browser.
_WHATWG_ALIASES = {"latin_1": "cp1252", "ascii": "cp1252", "iso8859_1": "cp1252"}
_WESTERN_GUESSES = {"latin_1", "iso8859_15", "cp1250", "cp1257", "iso8859_10", "cp850", "cp437",
                    "mac_roman", "mac_iceland", "mac_turkish", "mac_latin2", "cp775", "cp852",
                    "cp857", "cp860", "cp863", "cp865", "iso8859_2", "iso8859_4", "iso8859_9"}

_PRESCAN_BYTES = 4096
_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.I)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:\-]+)["']""", re.I)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # Python codec name actually used
    lossy: bool = False  # undecodable bytes were replaced by U+FFFD


def detect_bom(data: bytes) -> str | None:
    for bom, codec in BOMS:
        if data.startswith(bom):
            return codec
    return None


def utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when ASCII characters show the UTF-16 NUL pattern, else None."""
    sample = data[:_PRESCAN_BYTES]
    half = len(sample) // 2
    if half < 2:
        return None
    even_nuls = sample[0::2].count(0) / half
    odd_nuls = sample[1::2].count(0) / half
    if odd_nuls > 0.3 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.3 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def codec_name(label: str | None) -> str | None:
    """Python codec for a charset label, or None if unknown."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name.replace("-", "_")
    except (LookupError, ValueError):
        return None
    return _WHATWG_ALIASES.get(name, name)


def declared_charset(data: bytes) -> str | None:
    """The charset declared inside an HTML/XML document's first bytes (meta tags, XML declaration)."""
    head = data[:_PRESCAN_BYTES]
    match = _XML_DECL.match(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii") if match else None


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def decode(data: bytes, declared: str | None = None) -> Decoded:
    """Decode ``data``; ``declared`` is an external charset label (e.g. from HTTP headers)."""
    decoded = _decode(data, declared)
    return Decoded(normalise_newlines(decoded.text), decoded.encoding, decoded.lossy)


def _decode(data: bytes, declared: str | None) -> Decoded:
    bom = detect_bom(data)
    if bom:
        text = _strict(data, bom)
        return Decoded(text, bom) if text is not None else Decoded(data.decode(bom, "replace"), bom, True)
    utf16 = utf16_without_bom(data)
    if utf16 and (text := _strict(data, utf16)) is not None:
        return Decoded(text, utf16)
    if not data.isascii() and (text := _strict(data, "utf-8")) is not None:
        return Decoded(text, "utf-8")
    for label in (declared, declared_charset(data)):
        codec = codec_name(label)
        # A UTF-16/32 label on bytes without BOM or NUL pattern is a lie (WHATWG: treat as UTF-8).
        if codec and not codec.startswith(("utf_16", "utf_32")) and (text := _strict(data, codec)) is not None:
            return Decoded(text, codec)
    if (text := _strict(data, "utf-8")) is not None:
        return Decoded(text, "utf-8")
    return _guess(data)


def _guess(data: bytes) -> Decoded:
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        return Decoded(data.decode("utf-8", "replace"), "utf-8", True)
    encoding = best.encoding
    if encoding in _WESTERN_GUESSES and (western := _strict(data, "cp1252")) is not None:
        if mess_ratio(western, 1.0) <= best.chaos + 0.01:
            return Decoded(western, "cp1252")
    return Decoded(str(best), encoding)
