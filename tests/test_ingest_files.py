"""Ingest of local inputs: text, HTML, JSONL, directories, standard input, bad files."""

from __future__ import annotations

import io
import json
import os
import time
from pathlib import Path

from ingest_fixtures import ARTICLE_HTML, docs, failures, run

from newsprism.ingest import list_readers
from newsprism.model import Document, InputFormat, content_id

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "newsprism" / "data" / "samples"


def test_text_dump_becomes_one_text_document(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text("# Headline\r\n\r\nFirst paragraph.\rSecond line.\n", encoding="utf-8")
    [doc] = run([str(path)])
    assert isinstance(doc, Document)
    assert doc.format is InputFormat.TEXT
    assert doc.source == str(path)
    assert doc.raw_text == "# Headline\n\nFirst paragraph.\nSecond line.\n"  # newlines normalised
    assert doc.id == content_id(doc.raw_text) and doc.url is None


def test_samples_are_text_and_ids_are_stable() -> None:
    first, second = run([str(SAMPLES)]), run([str(SAMPLES)])
    assert len(first) == 5 and not failures(first)
    assert [d.format for d in docs(first)] == [InputFormat.TEXT] * 5
    assert [d.id for d in docs(first)] == [d.id for d in docs(second)]
    assert len({d.id for d in docs(first)}) == 5


def test_html_is_sniffed_by_content_not_extension(tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    path.write_text(ARTICLE_HTML, encoding="utf-8")
    [doc] = run([str(path)])
    assert doc.format is InputFormat.HTML
    assert doc.hints.url is None  # relative canonical and no base URL: no claim we can trust


def test_html_canonical_and_og_url_hints(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(
        '<html><head><link rel="canonical" href="https://news.example/a"></head><body><p>x</p></body></html>')
    (tmp_path / "b.html").write_text(
        '<html><head><meta property="og:url" content="https://news.example/b"></head><body>y</body></html>')
    (tmp_path / "c.html").write_text("<html><body><p>no canonical</p></body></html>")
    a, b, c = run([str(tmp_path)])
    assert (a.hints.url, b.hints.url, c.hints.url) == ("https://news.example/a", "https://news.example/b", None)


def test_text_with_a_few_tags_stays_text(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("An article that mentions the <p> tag and <div> once.\n\nNothing else.\n")
    [doc] = run([str(path)])
    assert doc.format is InputFormat.TEXT


def test_jsonl_broken_line_fails_alone(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": "First article body.", "url": "https://a.example/1", "title": "One",
                    "published": "2021-03-04", "outlet": "A News", "authors": ["Ann", "Bob"]}),
        "",
        '{"text": "broken',
        json.dumps({"html": "<p>Second article</p>", "author": "Cy", "title": 7}),
        json.dumps({"title": "no body"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"text": "   "}),
    ]
    path = tmp_path / "data.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = run([str(path)])
    first, second = docs(items)
    assert first.source == f"{path}#L1" and first.format is InputFormat.TEXT
    assert first.url == first.hints.url == "https://a.example/1"
    assert (first.hints.title, first.hints.published, first.hints.outlet) == ("One", "2021-03-04", "A News")
    assert first.hints.authors == ["Ann", "Bob"] and first.id == content_id("First article body.", first.url)
    assert second.source == f"{path}#L4" and second.format is InputFormat.HTML
    assert second.hints.authors == ["Cy"] and second.hints.title is None
    assert any('"title"' in warning for warning in second.warnings)
    reasons = {f.source: f.reason for f in failures(items)}
    assert set(reasons) == {f"{path}#L3", f"{path}#L5", f"{path}#L6", f"{path}#L7"}
    assert reasons[f"{path}#L3"].startswith("invalid JSON")
    assert "no \"text\" or \"html\"" in reasons[f"{path}#L5"]
    assert "empty input" in reasons[f"{path}#L7"]


def test_jsonl_line_over_the_limit_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"text": "z" * 5000}) + "\n" + json.dumps({"text": "small"}) + "\n")
    items = run([str(path)], max_input_bytes=1000)
    assert [d.raw_text for d in docs(items)] == ["small"]
    [failure] = failures(items)
    assert failure.source == f"{path}#L1" and failure.reason.startswith("too large")


def test_jsonl_legacy_encoded_line_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "legacy.jsonl"
    path.write_bytes(b'{"text": "Une d\xe9claration tr\xe8s attendue du pr\xe9sident."}\n')
    [doc] = run([str(path)])
    assert doc.raw_text == "Une déclaration très attendue du président."


def test_nested_directories_sorted_hidden_skipped(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "2.txt").write_text("two")
    (tmp_path / "a" / "deep" / "1.txt").write_text("one")
    (tmp_path / "a" / "0.txt").write_text("zero")
    (tmp_path / "c.txt").write_text("three")
    (tmp_path / ".hidden.txt").write_text("hidden")
    (tmp_path / ".git" / "x.txt").write_text("git")
    assert [d.raw_text for d in run([str(tmp_path)])] == ["zero", "one", "two", "three"]


def test_empty_directory_is_reported(tmp_path: Path) -> None:
    [failure] = run([str(tmp_path)])
    assert failure.reason == "no input files in directory"


def test_stdin_input() -> None:
    text = "Article from a pipe.\n" * 400  # longer than the sniffed head
    [doc] = run(["-"], stdin=io.BytesIO(text.encode()))
    assert doc.source == "<stdin>" and doc.raw_text == text


class _Pipe(io.RawIOBase):
    """An unseekable stream that returns short reads, like a pipe."""

    def __init__(self, data: bytes):
        self._data = data

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        count = min(len(buffer), 1000, len(self._data))
        buffer[:count] = self._data[:count]
        self._data = self._data[count:]
        return count


def test_stdin_pipe_jsonl() -> None:
    data = "".join(json.dumps({"text": f"record {n} " * 50}) + "\n" for n in range(30)).encode()
    items = run(["-"], stdin=io.BufferedReader(_Pipe(data)))
    assert len(docs(items)) == 30 and docs(items)[29].source == "<stdin>#L30"


def test_empty_and_whitespace_inputs_fail(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_text(" \n\t\r\n  ")
    (tmp_path / "c.txt").write_bytes(" \n".encode("utf-16"))
    assert [(f.reason) for f in run([str(tmp_path)])] == ["empty input"] * 3


def test_binary_files_fail_with_their_kind(tmp_path: Path) -> None:
    (tmp_path / "a.png").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(100))
    (tmp_path / "b.txt").write_bytes(b"%PDF-1.7\n" + os.urandom(100))
    (tmp_path / "c").write_bytes(b"\x7fELF\x02\x01\x01" + bytes(100))
    (tmp_path / "d.txt").write_bytes(b"abc\x00\x01\x02def" * 20)
    (tmp_path / "e.gz").write_bytes(b"\x1f\x8b\x08\x00" + os.urandom(50))
    reasons = [f.reason for f in run([str(tmp_path)])]
    assert reasons == ["binary file (PNG image)", "binary file (PDF document)", "binary file (ELF executable)",
                       "binary file (unknown binary format)", "binary file (gzip archive)"]


def test_huge_file_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: 104 MiB on paper, nothing on disk
        handle.write(b"The start of a very long text dump.\n" * 300)
        handle.truncate(104 * 1024 * 1024)
    started = time.perf_counter()
    [failure] = run([str(path)])
    assert time.perf_counter() - started < 2
    assert failure.reason == "too large: 104 MB > 20 MB limit (--max-input-size)"


def test_missing_and_unsupported_inputs(tmp_path: Path) -> None:
    items = run([str(tmp_path / "nope.txt"), "ftp://example.org/x", "file:///etc/passwd"])
    assert [f.reason for f in items] == [
        "no such file or directory",
        "unsupported URL scheme 'ftp' (only http and https)",
        "unsupported URL scheme 'file' (only http and https)",
    ]


def test_one_bad_input_does_not_stop_the_others(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("fine")
    items = run([str(tmp_path / "missing"), str(good)])
    assert [type(i).__name__ for i in items] == ["Failure", "Document"]
    assert all(i.stage == "ingest" for i in failures(items))


def test_list_readers_names_every_reader() -> None:
    names = [name for name, _ in list_readers()]
    assert set(names) == {"text", "html", "warc", "jsonl", "feed", "urllist"}
    assert all(description and "\n" not in description for _, description in list_readers())
