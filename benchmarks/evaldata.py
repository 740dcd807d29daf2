"""What the extraction benchmarks share: the data, the fixed split, snippet scoring and the gate.

Data: ``shared/data/extraction/`` (300 pages of trafilatura's own benchmark; override the
folder with ``NEWSPRISM_EXTRACTION_DATA``).  Scoring follows trafilatura's
``tests/comparison.py``: per page, each ``with`` snippet found in the output is a true
positive (else a false negative), each ``without`` snippet found is a false positive (else a
true negative); counts are summed over pages.  We add the comment leak: the share of the
``comments`` snippets (reader comments) found in the body.

Split: a page is ``dev`` when sha1(its URL key) starts with 0-7, else ``test``.  Develop and
tune on dev only.

Gate (after trafilatura's ``tests/eval_gate.py``): ``gate.json`` pins floors for F1 and
ceilings for comment leak, beside the sha256 of the evaluation data.  Each benchmark owns the
keys with its prefix; raising a floor is ``--write-gate``, loosening one needs
``--allow-regression`` as well.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

DATA = Path(os.environ.get("NEWSPRISM_EXTRACTION_DATA", ROOT.parent / "shared" / "data" / "extraction"))
EVALDATA = DATA / "evaldata-dev.json"
RESULTS = ROOT / "benchmarks" / "results"
GATE = ROOT / "benchmarks" / "gate.json"
GATE_MARGIN = 0.01  # floors sit this far below the measured figure (the runs are deterministic)
SPLITS = ("dev", "test", "all")
_SPACE = re.compile(r"\s+")


def load_evaldata() -> dict[str, dict]:
    return json.loads(EVALDATA.read_text(encoding="utf-8"))


def split_of(key: str) -> str:
    return "dev" if hashlib.sha1(key.encode("utf-8")).hexdigest()[0] in "01234567" else "test"


def data_digest() -> str:
    return hashlib.sha256(EVALDATA.read_bytes()).hexdigest()


def page_bytes(item: dict) -> bytes:
    """The page of an entry: ``html/<file>.gz`` (true for all 300 pages)."""
    return gzip.decompress((DATA / "html" / f"{item['file']}.gz").read_bytes())


def squash(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def score_snippets(item: dict, body: str, comments: str | None = None, *, squash_space: bool = False) -> dict:
    """Snippet counts of one page; ``squash_space`` compares with whitespace folded (text dumps
    re-flow whitespace, so an exact match would measure the renderer, not the segmenter)."""
    fold = squash if squash_space else (lambda text: text)
    body = fold(body)
    counts = {
        "tp": sum(fold(s) in body for s in item["with"]),
        "fn": sum(fold(s) not in body for s in item["with"]),
        "fp": sum(fold(s) in body for s in item["without"]),
        "tn": sum(fold(s) not in body for s in item["without"]),
        "comments": len(item.get("comments", [])),
        "comment_leak": sum(fold(s) in body for s in item.get("comments", [])),
    }
    if comments is not None:
        comments = fold(comments)
        counts["comment_found"] = sum(fold(s) in comments for s in item.get("comments", []))
    return counts


def figures(pages: list[dict]) -> dict:
    """Precision, recall, F1, accuracy and comment figures from per-page counts."""
    totals = {key: sum(page.get(key, 0) for page in pages) for key in pages[0]} if pages else {}
    tp, fn, fp, tn = (totals.get(k, 0) for k in ("tp", "fn", "fp", "tn"))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    comments = totals.get("comments", 0)
    return {
        "pages": len(pages),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
        "accuracy": round((tp + tn) / (tp + fn + fp + tn), 4) if pages else 0.0,
        "comment_leak": round(totals.get("comment_leak", 0) / comments, 4) if comments else 0.0,
        "comment_recall": round(totals["comment_found"] / comments, 4) if comments and "comment_found" in totals else None,
    }


def by_split(pages: list[tuple[str, dict]]) -> dict[str, dict]:
    """{split: figures} from (url key, counts) pairs."""
    return {
        split: figures([counts for key, counts in pages if split in ("all", split_of(key))])
        for split in SPLITS
    }


def watched(prefix: str, result: dict[str, dict]) -> dict[str, float]:
    """The figures the gate watches for one benchmark: F1 (floors) and comment leak (ceilings)."""
    names = {}
    for split, values in result.items():
        names[f"{prefix}.{split}.f1"] = values["f1"]
        names[f"{prefix}.{split}.comment_leak"] = values["comment_leak"]
    return names


def check_gate(measured: dict[str, float]) -> list[str]:
    gate = json.loads(GATE.read_text())
    problems = []
    if gate["evaldata_sha256"] != data_digest():
        problems.append("evaldata-dev.json changed (sha256 differs from benchmarks/gate.json)")
    for name, value in measured.items():
        floor = gate["floors"].get(name)
        ceiling = gate["ceilings"].get(name)
        if floor is None and ceiling is None:
            problems.append(f"{name} has no floor or ceiling in benchmarks/gate.json (run --write-gate)")
        if floor is not None and value < floor:
            problems.append(f"{name} = {value} below its floor {floor}")
        if ceiling is not None and value > ceiling:
            problems.append(f"{name} = {value} above its ceiling {ceiling}")
    return problems


def write_gate(measured: dict[str, float], allow_regression: bool) -> None:
    """Pin this benchmark's figures, keeping the other benchmarks' entries as they are."""
    old = json.loads(GATE.read_text()) if GATE.exists() else {"floors": {}, "ceilings": {}}
    floors = {k: round(max(v - GATE_MARGIN, 0.0), 3) for k, v in measured.items() if k.endswith(".f1")}
    ceilings = {k: round(min(v + GATE_MARGIN, 1.0), 3) for k, v in measured.items() if k.endswith(".comment_leak")}
    if not allow_regression:
        looser = [k for k, v in floors.items() if v < old["floors"].get(k, 0.0)]
        looser += [k for k, v in ceilings.items() if v > old["ceilings"].get(k, 1.0)]
        if looser:
            raise SystemExit(f"refusing to loosen {', '.join(looser)}: pass --allow-regression")
    gate = {
        "evaldata_sha256": data_digest(),
        "floors": dict(sorted({**old["floors"], **floors}.items())),
        "ceilings": dict(sorted({**old["ceilings"], **ceilings}.items())),
    }
    GATE.write_text(json.dumps(gate, indent=2) + "\n")
    print(f"wrote {GATE.relative_to(ROOT)}")


def finish_gate(measured: dict[str, float], *, check: bool, write: bool, allow_regression: bool) -> int:
    """The ``--check`` / ``--write-gate`` tail shared by the benchmark commands; returns the exit code."""
    if write:
        write_gate(measured, allow_regression)
    if check:
        problems = check_gate(measured)
        for problem in problems:
            print(f"GATE: {problem}", file=sys.stderr)
        if problems:
            return 1
        print("gate: ok")
    return 0


def add_gate_arguments(parser) -> None:
    parser.add_argument("--check", action="store_true", help="exit 1 when a figure fails its gate in benchmarks/gate.json")
    parser.add_argument("--write-gate", action="store_true", help="pin floors/ceilings from this run")
    parser.add_argument("--allow-regression", action="store_true", help="let --write-gate loosen the gate")
