"""WARC and WARC.gz archives built with warcio in the test."""

from __future__ import annotations

import gzip
import io
import time
from pathlib import Path

import pytest
from warcio.warcwriter import WARCWriter

from ingest_fixtures import ARTICLE_HTML, PNG, docs, failures, http_record, request_record, run

from newsprism.model import InputFormat


def build_warc(path: Path, gz: bool, records: list[tuple]) -> None:
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        for kind, *args in records:
            if kind == "request":
                writer.write_record(request_record(writer, *args))
            else:
                writer.write_record(http_record(writer, *args))


ARCHIVE = [
    ("request", "https://news.example/a"),
    ("response", "https://news.example/a", ARTICLE_HTML.encode()),
    ("response", "https://news.example/logo.png", PNG, "image/png"),
    ("response", "https://news.example/gone", b"missing", "text/html", "404 Not Found"),
    ("response", "https://news.example/b.txt", "Texte en fran\xe7ais.".encode("latin-1"),
     "text/plain; charset=iso-8859-1"),
]


@pytest.mark.parametrize("gz", [False, True])
def test_warc_response_records(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    build_warc(path, gz, ARCHIVE)
    items = run([str(path)])
    page, text = docs(items)
    assert page.source == f"{path}#https://news.example/a" and page.url == "https://news.example/a"
    assert page.format is InputFormat.HTML and "Geneva" in page.raw_text
    assert page.hints.url == "https://news.example/news/ceasefire"
    assert text.format is InputFormat.TEXT and text.raw_text == "Texte en français."
    reasons = {f.source: f.reason for f in failures(items)}
    assert reasons == {
        f"{path}#https://news.example/logo.png": "not an article: content-type image/png",
        f"{path}#https://news.example/gone": "not an article: HTTP 404 response",
    }
    assert [d.id for d in docs(run([str(path)]))] == [page.id, text.id]


def test_warc_sniffed_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "download"
    build_warc(path, True, ARCHIVE[:2])
    [doc] = run([str(path)])
    assert doc.url == "https://news.example/a"


def test_truncated_warc_gz_keeps_records_read_so_far(tmp_path: Path) -> None:
    whole = tmp_path / "whole.warc.gz"
    build_warc(whole, True, [("response", f"https://news.example/{n}", f"<p>article {n}</p>".encode() * 200)
                             for n in range(4)])
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: int(len(data) * 0.8)])
    items = run([str(cut)])
    assert [d.url for d in docs(items)] == [f"https://news.example/{n}" for n in range(3)]
    [failure] = failures(items)
    assert failure.source == str(cut) and failure.reason.startswith("corrupt or truncated WARC")


def test_garbage_after_warc_header(tmp_path: Path) -> None:
    path = tmp_path / "bad.warc"
    path.write_bytes(b"WARC/1.0\r\nthis is not a header\r\n\r\n" + b"junk" * 100)
    [failure] = run([str(path)])
    assert failure.reason.startswith("corrupt or truncated WARC")


def test_gzip_bomb_record_is_bounded(tmp_path: Path) -> None:
    path = tmp_path / "bomb.warc.gz"
    zeros = bytes(30 * 1024 * 1024)
    build_warc(path, True, [("response", "https://news.example/ok", ARTICLE_HTML.encode()),
                            ("response", "https://news.example/bomb", zeros, "text/html"),
                            ("response", "https://news.example/after", ARTICLE_HTML.encode())])
    assert path.stat().st_size < 200_000
    started = time.perf_counter()
    items = run([str(path)], max_input_bytes=1024 * 1024)
    assert time.perf_counter() - started < 10
    [ok] = docs(items)
    assert ok.url == "https://news.example/ok"
    [bomb] = failures(items)  # the record and the rest of the archive: nothing after a bomb is trusted
    assert bomb.source == f"{path}#https://news.example/bomb"
    assert "(gzip bomb?); rest of the archive not read" in bomb.reason


def test_big_record_within_ratio_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "big.warc"
    build_warc(path, False, [("response", "https://news.example/big", b"<p>word</p>" * 20_000, "text/html"),
                             ("response", "https://news.example/small", ARTICLE_HTML.encode())])
    items = run([str(path)], max_input_bytes=100_000)
    assert [d.url for d in docs(items)] == ["https://news.example/small"]
    [failure] = failures(items)
    assert failure.source.endswith("#https://news.example/big") and failure.reason.startswith("too large")


def test_gzip_that_is_not_warc_is_binary(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt.gz"
    path.write_bytes(gzip.compress(b"just some text"))
    [failure] = run([str(path)])
    assert failure.reason == "binary file (gzip archive)"


def test_warc_from_stdin(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    build_warc(path, True, ARCHIVE[:2])
    [doc] = run(["-"], stdin=io.BytesIO(path.read_bytes()))
    assert doc.source == "<stdin>#https://news.example/a"
