"""Throughput and peak memory of the full pipeline against plain trafilatura, same pages, same run.

The 300 pages of /work/shared/data/extraction are written as .html files to a temporary
directory; then, interleaved and repeated (these machines are noisy):

* ``trafilatura``: one process calling ``trafilatura.extract`` on every file;
* ``newsprism --jobs N``: ``newsprism analyze DIR --jobs N`` (all stages, no HTML report), or,
  with ``--in-process``, ``newsprism.ingest.iter_inputs`` + ``newsprism.pipeline.run_batch``
  in one Python process (for when the CLI is unavailable).

Every run is a fresh process, so start-up and model loading are counted for both sides.
Peak memory is the largest sum of RSS over the process tree, sampled every 20 ms.
The figure of merit is the speed ratio newsprism / trafilatura per repeat (target ≥ 0.5),
reported as the median over repeats.

    .venv/bin/python benchmarks/throughput.py [--repeats 3] [--jobs 1 2] [--in-process] [--stages A,B]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

from evaldata import RESULTS, ROOT, load_evaldata
from extraction_eval import load_page

SAMPLE_SECONDS = 0.02

TRAFILATURA_CODE = """
import sys
from pathlib import Path
import trafilatura
for path in sorted(Path(sys.argv[1]).glob("*.html")):
    trafilatura.extract(path.read_text(encoding="utf-8"))
"""

IN_PROCESS_CODE = """
import sys
from newsprism.ingest import iter_inputs
from newsprism.model import Failure
from newsprism.options import Options
from newsprism.pipeline import run_batch
options = Options(jobs=int(sys.argv[2]))
failed = sum(isinstance(item, Failure) for item in run_batch(iter_inputs([sys.argv[1]], options), options))
sys.exit(1 if failed else 0)
"""


def write_pages(directory: Path) -> int:
    evaldata = load_evaldata()
    for number, item in enumerate(evaldata.values()):
        (directory / f"{number:03d}.html").write_text(load_page(item), encoding="utf-8")
    return len(evaldata)


def measure(command: list[str]) -> dict:
    """Wall time and peak RSS of the process tree of ``command``."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    root = psutil.Process(process.pid)
    peak = 0
    while process.poll() is None:
        rss = 0
        try:
            for member in [root, *root.children(recursive=True)]:
                rss += member.memory_info().rss
        except psutil.Error:  # a worker exited between listing and reading
            pass
        peak = max(peak, rss)
        time.sleep(SAMPLE_SECONDS)
    seconds = time.perf_counter() - start
    stderr = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
    # exit code 1 = the run finished but some inputs failed: counted below, not fatal
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{stderr[-2000:]}")
    return {"seconds": round(seconds, 3), "peak_rss_mb": round(peak / 2**20, 1)}


def newsprism_command(pages: Path, out: Path, jobs: int, in_process: bool, stages: str | None = None) -> list[str]:
    if in_process:
        return [sys.executable, "-c", IN_PROCESS_CODE, str(pages), str(jobs)]
    return [
        sys.executable, "-m", "newsprism", "analyze", str(pages), "-o", str(out),
        "--jobs", str(jobs), "--no-report", "--quiet", *(["--stages", stages] if stages else []),
    ]


def count_lines(path: Path) -> int:
    return sum(1 for _ in path.open(encoding="utf-8")) if path.exists() else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--in-process", action="store_true", help="iter_inputs + run_batch instead of the CLI")
    parser.add_argument("--stages", default=None, help="run only these stages (e.g. extract,language,metadata)")
    args = parser.parse_args()

    runs: dict[str, list[dict]] = {"trafilatura": [], **{f"newsprism --jobs {j}": [] for j in args.jobs}}
    with tempfile.TemporaryDirectory(prefix="newsprism-bench-") as tmp:
        pages = Path(tmp) / "pages"
        pages.mkdir()
        count = write_pages(pages)
        for repeat in range(args.repeats):
            runs["trafilatura"].append(measure([sys.executable, "-c", TRAFILATURA_CODE, str(pages)]))
            for jobs in args.jobs:
                out = Path(tmp) / f"out-{repeat}-{jobs}"
                result = measure(newsprism_command(pages, out, jobs, args.in_process, args.stages))
                if not args.in_process:
                    result["documents"] = count_lines(out / "documents.jsonl")
                    result["failures"] = count_lines(out / "failures.jsonl")
                    if result["failures"]:
                        print(f"warning: {result['failures']} inputs failed (see failures.jsonl)", file=sys.stderr)
                runs[f"newsprism --jobs {jobs}"].append(result)
            print(f"repeat {repeat + 1}: " + ", ".join(f"{k} {v[-1]['seconds']} s" for k, v in runs.items()), flush=True)

    summary = {"pages": count, "repeats": args.repeats, "mode": "in-process" if args.in_process else "cli",
               "stages": args.stages or "all", "systems": {}}
    for name, measured in runs.items():
        seconds = statistics.median(r["seconds"] for r in measured)
        entry = {
            "median_seconds": seconds,
            "docs_per_second": round(count / seconds, 2),
            "peak_rss_mb": max(r["peak_rss_mb"] for r in measured),
            "runs": measured,
        }
        if name != "trafilatura":
            # speed ratio = trafilatura's time / ours, paired within each repeat
            ratios = [t["seconds"] / r["seconds"] for t, r in zip(runs["trafilatura"], measured)]
            entry["speed_ratio_median"] = round(statistics.median(ratios), 3)
        summary["systems"][name] = entry
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "throughput.json").write_text(json.dumps(summary, indent=1))

    print("| system | docs/s (median) | peak RSS (MB) | speed ratio vs trafilatura (median) |")
    print("|---|---:|---:|---:|")
    for name, entry in summary["systems"].items():
        ratio = entry.get("speed_ratio_median")
        print(f"| {name} | {entry['docs_per_second']} | {entry['peak_rss_mb']} | {'—' if ratio is None else ratio} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
