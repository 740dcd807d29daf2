"""The ``newsprism`` command end to end, in a real subprocess: outputs, bad inputs, exit codes."""

from __future__ import annotations

import gzip
import os
import json
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE = (
    "Flooding closes the river road\n\n"
    "By Jane Doe\n\n"
    "Heavy rain overnight pushed the river over its banks, and the council closed the road on Tuesday.\n\n"
    "Residents were told to avoid the area until the water recedes, officials said in a statement.\n"
)


def newsprism(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "newsprism", *args],
        input=stdin, capture_output=True, timeout=300, cwd=cwd,
    )


def _no_traceback(result: subprocess.CompletedProcess) -> None:
    assert b"Traceback" not in result.stderr, result.stderr.decode()
    assert b"Traceback" not in result.stdout


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_help_teaches_with_examples_and_exit_codes():
    result = newsprism("--help")
    assert result.returncode == 0
    text = result.stdout.decode()
    for word in ("analyze", "demo", "stages", "Exit codes", "newsprism analyze articles/ -o out"):
        assert word in text
    analyze_help = newsprism("analyze", "--help").stdout.decode()
    for word in ("--jobs", "--stages", "--allow-private-urls", "--max-input-size", "Examples", "failures.jsonl"):
        assert word in analyze_help


def test_stages_lists_registered_stages_and_readers():
    result = newsprism("stages")
    assert result.returncode == 0
    text = result.stdout.decode()
    for name in ("extract", "language", "metadata", "warc", "jsonl"):
        assert name in text


def test_demo_writes_the_report_and_prints_its_path(tmp_path):
    result = newsprism("demo", "-o", str(tmp_path / "demo"))
    _no_traceback(result)
    assert result.returncode == 0, result.stderr.decode()
    report = tmp_path / "demo" / "report.html"
    assert str(report.resolve()) in result.stdout.decode()
    assert report.stat().st_size > 10_000
    docs = _lines(tmp_path / "demo" / "documents.jsonl")
    assert len(docs) == 5
    assert sorted(d["language"] for d in docs) == ["en", "en", "en", "en", "fr"]
    summary = result.stderr.decode()
    assert "articles" in summary and "comments" in summary and "failures" in summary


def _bad_batch(folder: Path) -> dict[str, str]:
    """A folder mixing good articles with every kind of bad input; returns name → expected reason word."""
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "good.html").write_text(
        "<html><head><title>Bridge reopens</title></head><body><article><h1>Bridge reopens</h1>"
        + "".join(f"<p>The old bridge reopened to traffic today after repairs, paragraph {i} of the story.</p>" for i in range(6))
        + "</article></body></html>", encoding="utf-8")
    (folder / "truncated.html").write_text(
        "<html><body><article><p>This page was cut off in the middle of a sentence about the election results and",
        encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (folder / "batch.jsonl").write_text(
        json.dumps({"text": ARTICLE.replace("river", "canal"), "url": "https://example.org/a"}) + "\n"
        + '{"text": "broken line\n'
        + json.dumps({"title": "no text at all"}) + "\n", encoding="utf-8")
    (folder / "corrupt.warc.gz").write_bytes(gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n")[:25])
    (folder / "huge.txt").write_text("All work and no play makes Jack a dull boy. " * 40_000, encoding="utf-8")
    return {"empty.txt": "empty", "image.png": "binary", "batch.jsonl#L2": "", "batch.jsonl#L3": "",
            "corrupt.warc.gz": "", "huge.txt": "too large"}


def test_bad_inputs_fail_one_by_one_and_the_rest_is_written(tmp_path):
    expected_failures = _bad_batch(tmp_path / "in")
    out = tmp_path / "out"
    result = newsprism("analyze", str(tmp_path / "in"), "-o", str(out), "--max-input-size", "1MB")
    _no_traceback(result)
    assert result.returncode == 1, result.stderr.decode()
    docs = _lines(out / "documents.jsonl")
    failures = _lines(out / "failures.jsonl")
    sources = [Path(d["source"]).name for d in docs]
    assert {"good.txt", "good.html", "truncated.html", "batch.jsonl#L1"} <= set(sources)
    failed = {Path(f["source"]).name: f["reason"] for f in failures}
    for name, word in expected_failures.items():
        assert name in failed, f"{name} neither written nor reported: {failed}"
        assert word in failed[name].lower()
        assert "\n" not in failed[name]
    stderr = result.stderr.decode()
    for name in expected_failures:
        assert name.split("#")[0] in stderr, f"no one-line message for {name}"
    good = next(d for d in docs if d["source"].endswith("good.txt"))
    assert good["title"] == "Flooding closes the river road" and good["authors"] == ["Jane Doe"]
    assert "Heavy rain overnight" in good["body"] and "By Jane Doe" not in good["body"]
    assert (out / "report.html").exists()


def test_exit_code_3_when_nothing_could_be_processed(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = newsprism("analyze", str(tmp_path / "empty.txt"), str(tmp_path / "missing.txt"), "-o", str(tmp_path / "out"))
    _no_traceback(result)
    assert result.returncode == 3
    assert len(_lines(tmp_path / "out" / "failures.jsonl")) == 2


@pytest.mark.parametrize("args, message", [
    (["--stages", "nonsense"], "unknown stage 'nonsense'"),
    (["--languages", "en,xx"], "xx"),
    (["--max-input-size", "lots"], "not a size"),
])
def test_bad_options_are_one_line_usage_errors(tmp_path, args, message):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = newsprism("analyze", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"), *args)
    _no_traceback(result)
    assert result.returncode == 2
    assert message in result.stderr.decode()


def test_stdin_and_stage_subset(tmp_path):
    result = newsprism("analyze", "-", "-o", str(tmp_path / "out"), "--stages", "extract", "-q",
                       stdin=ARTICLE.encode("utf-8"))
    _no_traceback(result)
    assert result.returncode == 0, result.stderr.decode()
    (doc,) = _lines(tmp_path / "out" / "documents.jsonl")
    assert doc["stages"] == ["extract"]
    assert doc["language"] is None and "Heavy rain overnight" in doc["body"]


def test_jobs_2_gives_the_same_documents_as_jobs_1(tmp_path):
    _bad_batch(tmp_path / "in")
    for jobs in ("1", "2"):
        newsprism("analyze", str(tmp_path / "in"), "-o", str(tmp_path / f"out{jobs}"), "--jobs", jobs, "-q", "--no-report")
    one = _lines(tmp_path / "out1" / "documents.jsonl")
    two = _lines(tmp_path / "out2" / "documents.jsonl")
    assert [d["id"] for d in one] == [d["id"] for d in two] and len(one) >= 4
    assert one == two
    assert not (tmp_path / "out1" / "report.html").exists()


def test_ids_are_stable_across_runs(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    ids = []
    for run in ("r1", "r2"):
        newsprism("analyze", str(tmp_path / "a.txt"), "-o", str(tmp_path / run), "-q", "--stages", "extract")
        ids.append(_lines(tmp_path / run / "documents.jsonl")[0]["id"])
    assert ids[0] == ids[1]


def test_a_plugin_package_adds_a_stage_through_its_entry_point(tmp_path):
    """An installed distribution declaring a `newsprism.stages` entry point extends the pipeline."""
    plugins = tmp_path / "site"
    plugins.mkdir()
    (plugins / "wordcount_stage.py").write_text(
        "from newsprism.pipeline import stage\n"
        "@stage('wordcount', requires=('extract',), description='Counts body words into a warning')\n"
        "def wordcount(document, options):\n"
        "    document.warn(f'words: {len(document.body.split())}')\n"
        "    return document\n",
        encoding="utf-8",
    )
    dist = plugins / "wordcount_stage-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: wordcount-stage\nVersion: 0.1\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text("[newsprism.stages]\nwordcount = wordcount_stage\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(plugins)}
    listed = subprocess.run([sys.executable, "-m", "newsprism", "stages"], capture_output=True, env=env, timeout=120)
    assert b"wordcount" in listed.stdout and b"Counts body words" in listed.stdout
    result = subprocess.run(
        [sys.executable, "-m", "newsprism", "analyze", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"),
         "--stages", "wordcount", "-q"], capture_output=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr.decode()
    (doc,) = _lines(tmp_path / "out" / "documents.jsonl")
    assert doc["stages"] == ["extract", "wordcount"]
    assert f"words: {len(doc['body'].split())}" in doc["warnings"] and "Heavy rain" in doc["body"]


def test_kb_lookup_shows_actors_and_places_and_says_when_nothing_matches():
    found = newsprism("kb", "lookup", "Daech", "Deir Ezzor", "--json")
    assert found.returncode == 0, found.stderr
    rows = json.loads(found.stdout)
    assert {"Q2429253", "geonames:170794"} <= {row["id"] for row in rows}
    missing = newsprism("kb", "lookup", "Qzxqzxq")
    assert missing.returncode == 1
    _no_traceback(missing)
