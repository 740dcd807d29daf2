"""Whatever bytes a user hands over, the whole pipeline answers with documents or failures, never a crash."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.ingest import iter_inputs
from newsprism.model import Document, Failure
from newsprism.options import Options
from newsprism.pipeline import resolve_stages, run_batch

FRAGMENTS = [
    "<html>", "<body>", "<p>", "</p>", "<div class='comment'>", "</div>", "<script>alert(1)</script>",
    "<!DOCTYPE html>", "<meta charset='windows-1251'>", "WARC/1.0\r\n", '{"text": "', '"}\n', "<rss>", "<item>",
    "By John Smith", "Published: 12.03.2021", "© 2020 Example News", "SOURCE: PRESS TV", "[link](#)", "**bold**",
    "  • reply", "\n\n", "\n", "\t", "\u00a0", "Reply", "3 comments", "Le président a déclaré que la guerre",
    "The minister said on Tuesday that the talks would resume.", "Правительство заявило в понедельник",
    "\x00", "\ufeff", "\r\n", "https://example.org/a",
]

texts = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=40), max_size=40).map("".join)
encodings = st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1", "utf-8-sig"])


def _run(data: bytes, name: str) -> list[Document | Failure]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        options = Options()
        return list(run_batch(iter_inputs([str(path)], options), options))


def _check(results: list[Document | Failure]) -> None:
    assert results, "an input must come out as a document or a failure"
    for item in results:
        assert isinstance(item, (Document, Failure))
        if isinstance(item, Failure):
            assert item.reason and "\n" not in item.reason
            continue
        assert item.stages == [s.name for s in resolve_stages(None)], "every stage runs on any text"
        for span in [*item.entities, *item.places, *item.dates, *item.quotes]:
            assert item.body[span.start : span.end] == span.text
        paragraphs = item.body.split("\n\n") if item.body else []
        assert [item.body[p.start : p.end] for p in item.paragraphs] == paragraphs
        assert item.language is None or item.language in Options().languages


@settings(max_examples=40)
@given(text=texts, encoding=encodings, name=st.sampled_from(["a.txt", "a.html", "a.jsonl", "a.warc", "a", "a.xml"]))
def test_any_text_in_any_encoding_gives_documents_or_failures(text, encoding, name):
    _check(_run(text.encode(encoding, errors="replace"), name))


@settings(max_examples=25)
@given(data=st.binary(max_size=2000), name=st.sampled_from(["a.txt", "a.html", "a.warc.gz", "a.jsonl"]))
def test_any_bytes_give_documents_or_failures(data, name):
    _check(_run(data, name))
