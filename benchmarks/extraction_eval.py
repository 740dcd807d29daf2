"""Main-text extraction benchmark: newsprism's extract stage against plain trafilatura.

Data: /work/shared/data/extraction/ (300 pages of trafilatura's own benchmark).  Scoring
follows trafilatura's tests/comparison.py: per page, each ``with`` snippet found in the
output is a true positive (else a false negative), each ``without`` snippet found is a
false positive (else a true negative); counts are summed over pages.  We add the
comment leak: the share of the ``comments`` snippets (reader comments) found in the body.

    .venv/bin/python benchmarks/extraction_eval.py            # dev, test and all
    .venv/bin/python benchmarks/extraction_eval.py --tune     # compare trafilatura settings on dev
    .venv/bin/python benchmarks/extraction_eval.py --check    # fail if below benchmarks/gate.json
    .venv/bin/python benchmarks/extraction_eval.py --write-gate [--allow-regression]

Splits: a page is ``dev`` when sha1(its URL key) starts with 0-7, else ``test`` (the rule the
text-dump benchmark uses).  Settings are tuned on dev only.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import trafilatura
from trafilatura.utils import decode_file

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsprism.extract import html as html_extract  # noqa: E402
from newsprism.model import Document, InputFormat, content_id  # noqa: E402
from newsprism.options import Options  # noqa: E402

DATA = Path("/work/shared/data/extraction")
EVALDATA = DATA / "evaldata-dev.json"
RESULTS = ROOT / "benchmarks" / "results"
GATE = ROOT / "benchmarks" / "gate.json"
GATE_MARGIN = 0.01  # floors sit this far below the measured figure (the run is deterministic)
SPLITS = ("dev", "test", "all")
SYSTEMS = ("trafilatura", "newsprism")

# Settings compared by --tune (newsprism's extract stage with each trafilatura setting).
VARIANTS = {
    "defaults": {},
    "favor_precision": {"favor_precision": True},
    "favor_recall": {"favor_recall": True},
    "no_tables": {"include_tables": False},
}


def split_of(key: str) -> str:
    return "dev" if hashlib.sha1(key.encode("utf-8")).hexdigest()[0] in "01234567" else "test"


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def page_file(item: dict) -> Path:
    """The gzip file of a page: its ``file`` name plus ``.gz`` (true for all 300 pages)."""
    return DATA / "html" / f"{item['file']}.gz"


def load_page(path: Path) -> str:
    """Decoded page, as trafilatura's own evaluation reads it (charset detection on bytes)."""
    return decode_file(gzip.decompress(path.read_bytes()))


# --- scoring ------------------------------------------------------------------------------


def newsprism_extract(page: str, settings: dict | None = None) -> tuple[str, list[str]]:
    document = Document(id=content_id(page), source="bench", format=InputFormat.HTML, raw_text=page)
    document = html_extract.extract_html(document, Options(), settings=settings)
    return document.body, [c.text for c in document.comments]


def _score_page(job: tuple[str, dict, Path, dict | None]) -> dict:
    key, item, path, settings = job
    page = load_page(path)
    outputs: dict[str, tuple[str, list[str]]] = {}
    if settings is None:
        outputs["trafilatura"] = (trafilatura.extract(page) or "", [])
        outputs["newsprism"] = newsprism_extract(page)
    else:
        outputs["newsprism"] = newsprism_extract(page, settings)
    scores = {}
    for system, (body, comments) in outputs.items():
        comment_text = "\n".join(comments)
        scores[system] = {
            "tp": sum(s in body for s in item["with"]),
            "fn": sum(s not in body for s in item["with"]),
            "fp": sum(s in body for s in item["without"]),
            "tn": sum(s not in body for s in item["without"]),
            "comments": len(item.get("comments", [])),
            "comment_leak": sum(s in body for s in item.get("comments", [])),
            "comment_found": sum(s in comment_text for s in item.get("comments", [])),
        }
    # plain trafilatura appends comments to its text output: it has no separate comment list
    scores.get("trafilatura", {}).pop("comment_found", None)
    return {"key": key, "split": split_of(key), "scores": scores}


def figures(counts: dict) -> dict:
    tp, fn, fp, tn = counts["tp"], counts["fn"], counts["fp"], counts["tn"]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {
        "pages": counts["pages"],
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
        "accuracy": round((tp + tn) / (tp + fn + fp + tn), 4),
        "comment_leak": round(counts["comment_leak"] / counts["comments"], 4) if counts["comments"] else 0.0,
        "comment_recall": (
            round(counts["comment_found"] / counts["comments"], 4)
            if counts["comments"] and "comment_found" in counts
            else None
        ),
    }


def evaluate(evaldata: dict, keys: list[str], settings: dict | None, jobs: int) -> dict:
    """{system: {split: figures}} over ``keys``."""
    work = [(key, evaldata[key], page_file(evaldata[key]), settings) for key in keys]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pages = list(pool.map(_score_page, work, chunksize=4))
    systems = pages[0]["scores"].keys()
    result: dict[str, dict] = {}
    for system in systems:
        result[system] = {}
        for split in SPLITS:
            chosen = [p["scores"][system] for p in pages if split in ("all", p["split"])]
            if not chosen:
                continue
            totals = {k: sum(c[k] for c in chosen) for k in chosen[0]}
            totals["pages"] = len(chosen)
            result[system][split] = figures(totals)
    return result


# --- gate -----------------------------------------------------------------------------------


def gate_figures(result: dict) -> dict[str, float]:
    """Figures the gate watches: newsprism's F1 per split (floors) and comment leak (ceilings)."""
    watched = {}
    for split in SPLITS:
        watched[f"newsprism.{split}.f1"] = result["newsprism"][split]["f1"]
        watched[f"newsprism.{split}.comment_leak"] = result["newsprism"][split]["comment_leak"]
    return watched


def check_gate(result: dict, digest: str) -> list[str]:
    gate = json.loads(GATE.read_text())
    problems = []
    if gate["evaldata_sha256"] != digest:
        problems.append("evaldata-dev.json changed (sha256 differs from benchmarks/gate.json)")
    measured = gate_figures(result)
    for name, floor in gate.get("floors", {}).items():
        if measured[name] < floor:
            problems.append(f"{name} = {measured[name]} below its floor {floor}")
    for name, ceiling in gate.get("ceilings", {}).items():
        if measured[name] > ceiling:
            problems.append(f"{name} = {measured[name]} above its ceiling {ceiling}")
    return problems


def write_gate(result: dict, digest: str, allow_regression: bool) -> None:
    measured = gate_figures(result)
    floors = {k: round(max(v - GATE_MARGIN, 0.0), 3) for k, v in measured.items() if k.endswith(".f1")}
    ceilings = {k: round(min(v + GATE_MARGIN, 1.0), 3) for k, v in measured.items() if k.endswith("comment_leak")}
    if GATE.exists() and not allow_regression:
        old = json.loads(GATE.read_text())
        looser = [k for k, v in floors.items() if v < old.get("floors", {}).get(k, 0.0)]
        looser += [k for k, v in ceilings.items() if v > old.get("ceilings", {}).get(k, 1.0)]
        if looser:
            raise SystemExit(f"refusing to loosen {', '.join(looser)}: pass --allow-regression")
    GATE.write_text(json.dumps({"evaldata_sha256": digest, "floors": floors, "ceilings": ceilings}, indent=2) + "\n")
    print(f"wrote {GATE.relative_to(ROOT)}")


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
    parser.add_argument("--check", action="store_true", help="exit 1 when a figure passes its gate")
    parser.add_argument("--write-gate", action="store_true", help="pin floors/ceilings from this run")
    parser.add_argument("--allow-regression", action="store_true", help="let --write-gate loosen the gate")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()

    evaldata = json.loads(EVALDATA.read_text())
    digest = sha256_file(EVALDATA)
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
    if args.write_gate:
        write_gate(result, digest, args.allow_regression)
    if args.check:
        problems = check_gate(result, digest)
        for problem in problems:
            print(f"GATE: {problem}", file=sys.stderr)
        if problems:
            return 1
        print("gate: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
