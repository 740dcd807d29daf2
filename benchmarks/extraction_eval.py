"""Main-text extraction benchmark: newsprism's extract stage against plain trafilatura.

Data, scoring, split and gate: see ``benchmarks/evaldata.py``.

    .venv/bin/python benchmarks/extraction_eval.py            # dev, test and all
    .venv/bin/python benchmarks/extraction_eval.py --tune     # compare trafilatura settings on dev
    .venv/bin/python benchmarks/extraction_eval.py --check    # fail if below benchmarks/gate.json
    .venv/bin/python benchmarks/extraction_eval.py --write-gate [--allow-regression]
"""

from __future__ import annotations

import argparse
import json
import sys
from concurrent.futures import ProcessPoolExecutor

import trafilatura
from evaldata import (
    RESULTS, add_gate_arguments, by_split, finish_gate, load_evaldata, page_bytes, score_snippets, split_of, watched,
)
from trafilatura.utils import decode_file

from newsprism.extract import html as html_extract
from newsprism.model import Document, InputFormat, content_id
from newsprism.options import Options

SYSTEMS = ("trafilatura", "newsprism")

# Settings compared by --tune (newsprism's extract stage with each trafilatura setting).
VARIANTS = {
    "defaults": {},
    "favor_precision": {"favor_precision": True},
    "favor_recall": {"favor_recall": True},
    "no_tables": {"include_tables": False},
}


def load_page(item: dict) -> str:
    """Decoded page, as trafilatura's own evaluation reads it (charset detection on bytes)."""
    return decode_file(page_bytes(item))


# --- scoring ------------------------------------------------------------------------------


def newsprism_extract(page: str, settings: dict | None = None) -> tuple[str, list[str]]:
    document = Document(id=content_id(page), source="bench", format=InputFormat.HTML, raw_text=page)
    document = html_extract.extract_html(document, Options(), settings=settings)
    return document.body, [c.text for c in document.comments]


def _score_page(job: tuple[str, dict, dict | None]) -> dict:
    key, item, settings = job
    page = load_page(item)
    scores = {}
    if settings is None:
        # plain trafilatura appends comments to its text output: it has no separate comment list
        scores["trafilatura"] = score_snippets(item, trafilatura.extract(page) or "")
    body, comments = newsprism_extract(page, settings)
    scores["newsprism"] = score_snippets(item, body, "\n".join(comments))
    return {"key": key, "scores": scores}


def evaluate(evaldata: dict, keys: list[str], settings: dict | None, jobs: int) -> dict:
    """{system: {split: figures}} over ``keys``."""
    work = [(key, evaldata[key], settings) for key in keys]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pages = list(pool.map(_score_page, work, chunksize=4))
    return {system: by_split([(p["key"], p["scores"][system]) for p in pages]) for system in pages[0]["scores"]}


# --- report ---------------------------------------------------------------------------------


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def table(result: dict) -> str:
    lines = [
        "| system | split | pages | precision | recall | F1 | accuracy | comment leak | comment recall |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for system, splits in result.items():
        for split, f in splits.items():
            lines.append(
                f"| {system} | {split} | {f['pages']} | {f['precision']:.3f} | {f['recall']:.3f} | {f['f1']:.3f} "
                f"| {f['accuracy']:.3f} | {f['comment_leak']:.3f} | {_fmt(f['comment_recall'])} |"
            )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tune", action="store_true", help="compare trafilatura settings on the dev split")
    parser.add_argument("--jobs", type=int, default=2)
    add_gate_arguments(parser)
    args = parser.parse_args()

    evaldata = load_evaldata()
    RESULTS.mkdir(parents=True, exist_ok=True)

    if args.tune:
        dev = [k for k in evaldata if split_of(k) == "dev"]
        tuned = {}
        for name, settings in VARIANTS.items():
            tuned[name] = evaluate(evaldata, dev, settings, args.jobs)["newsprism"]["dev"]
            print(f"{name}: {tuned[name]}", flush=True)
        (RESULTS / "extraction_tune.json").write_text(json.dumps(tuned, indent=1))
        return 0

    result = evaluate(evaldata, list(evaldata), None, args.jobs)
    (RESULTS / "extraction_eval.json").write_text(json.dumps(result, indent=1))
    print(table(result))
    return finish_gate(
        watched("newsprism", result["newsprism"]),
        check=args.check, write=args.write_gate, allow_regression=args.allow_regression,
    )


if __name__ == "__main__":
    sys.exit(main())
