"""Decoding articles in whatever encoding they come in."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ingest_fixtures import run

from newsprism.ingest.encoding import decode, normalise_newlines

FRENCH = "Le président a déclaré à la presse que l'économie française était forte. Où est la vérité ? Ça dépend."
RUSSIAN = "Президент России заявил, что переговоры продолжатся на следующей неделе."


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Plain ASCII.".encode(), "Plain ASCII."),
        ("Grüße – “UTF-8”".encode(), "Grüße – “UTF-8”"),
        ("\ufeffWith BOM é".encode("utf-8"), "With BOM é"),
        ("UTF-16 LE é".encode("utf-16-le").join([b"\xff\xfe", b""]), "UTF-16 LE é"),
        (b"\xfe\xff" + "UTF-16 BE é".encode("utf-16-be"), "UTF-16 BE é"),
        ("UTF-32 ∑".encode("utf-32"), "UTF-32 ∑"),
        ("No BOM UTF-16 text, mostly ASCII.".encode("utf-16-le"), "No BOM UTF-16 text, mostly ASCII."),
        ("No BOM UTF-16 big-endian text.".encode("utf-16-be"), "No BOM UTF-16 big-endian text."),
    ],
)
def test_unicode_encodings(data: bytes, expected: str) -> None:
    assert decode(data).text == expected


def test_cp1252_smart_quotes() -> None:
    data = b"He said \x93no\x94 and left \x97 it\x92s over."
    assert decode(data).text == "He said “no” and left — it’s over."


def test_latin1_french() -> None:
    assert decode(FRENCH.encode("latin-1")).text == FRENCH


def test_polish_cp1250_is_not_forced_into_cp1252() -> None:
    polish = "Prezydent powiedział, że rząd będzie współpracował z opozycją. Zażółć gęślą jaźń."
    assert decode(polish.encode("cp1250")).text == polish


def test_html_declaring_windows_1251() -> None:
    page = f'<html><head><meta charset="windows-1251"></head><body><p>{RUSSIAN}</p></body></html>'
    assert RUSSIAN in decode(page.encode("cp1251")).text
    http_equiv = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
                  f"</head><body>{RUSSIAN}</body></html>")
    assert RUSSIAN in decode(http_equiv.encode("cp1251")).text


def test_xml_declaration_and_http_header_charsets() -> None:
    xml = f'<?xml version="1.0" encoding="koi8-r"?><rss><title>{RUSSIAN}</title></rss>'
    assert RUSSIAN in decode(xml.encode("koi8_r")).text
    assert decode(RUSSIAN.encode("cp1251"), declared="windows-1251").text == RUSSIAN


def test_wrong_declared_charset_is_overruled() -> None:
    # declares windows-1251 but is UTF-8: valid multi-byte UTF-8 wins
    page = f'<html><head><meta charset="windows-1251"></head><body>{RUSSIAN}</body></html>'
    assert RUSSIAN in decode(page.encode("utf-8")).text
    # declares UTF-8 but is windows-1252: the declaration fails strictly, the guess takes over
    wrong = '<html><head><meta charset="utf-8"></head><body>Caf\xe9 \x93cr\xe8me\x94 for everybody</body></html>'
    assert "Café “crème” for everybody" in decode(wrong.encode("latin-1")).text
    # declares latin-1: browsers (WHATWG) read that label as windows-1252
    latin = '<meta charset="iso-8859-1"><p>\x93quoted\x94</p>'
    assert "“quoted”" in decode(latin.encode("latin-1")).text


def test_encoded_files_end_to_end(tmp_path: Path) -> None:
    (tmp_path / "1.txt").write_bytes(FRENCH.encode("latin-1"))
    (tmp_path / "2.txt").write_bytes(FRENCH.encode("utf-16"))
    (tmp_path / "3.html").write_bytes(
        f'<html><head><meta charset="windows-1251"><title>t</title></head><body><p>{RUSSIAN}</p></body></html>'
        .encode("cp1251"))
    one, two, three = run([str(tmp_path)])
    assert one.raw_text == two.raw_text == FRENCH
    assert RUSSIAN in three.raw_text


printable = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff")
                    | st.sampled_from("\n\r\t"))


@given(printable)
def test_utf8_round_trip(text: str) -> None:
    assert decode(text.encode("utf-8")).text == normalise_newlines(text)


@given(printable, st.sampled_from(["utf-16", "utf-8-sig", "utf-32"]))
def test_bom_round_trip(text: str, codec: str) -> None:
    assert decode(text.encode(codec)).text == normalise_newlines(text)


@given(st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), min_size=8), st.sampled_from(["utf-16-le",
                                                                                                  "utf-16-be"]))
def test_bomless_utf16_ascii_round_trip(text: str, codec: str) -> None:
    assert decode(text.encode(codec)).text == text
