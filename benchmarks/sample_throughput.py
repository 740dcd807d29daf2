"""Documents per second and peak memory of the whole pipeline on news text dumps.

The five bundled samples (four English, one French; 400–1,100 words) are copied to 500 files
in a temporary directory, each copy made distinct by a trailing line so nothing is skipped as a
duplicate, and ``newsprism analyze DIR --jobs N --no-report`` runs on them in a fresh process
(start-up and model loading counted).  Repeated and interleaved, medians reported: these machines
are noisy.  Target (issue 4): at least 5 documents per second per core.

    .venv/bin/python benchmarks/sample_throughput.py [--copies 100] [--repeats 2] [--jobs 1 2]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from importlib.resources import files
from pathlib import Path

from evaldata import RESULTS
from throughput import count_lines, measure, newsprism_command


def write_corpus(directory: Path, copies: int) -> int:
    samples = sorted(Path(str(files("newsprism") / "data" / "samples")).glob("*.txt"))
    for copy in range(copies):
        for sample in samples:
            text = sample.read_text(encoding="utf-8")
            (directory / f"{copy:04d}-{sample.name}").write_text(f"{text}\n\n(copy {copy})\n", encoding="utf-8")
    return copies * len(samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=100)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    runs: dict[int, list[dict]] = {jobs: [] for jobs in args.jobs}
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus"
        corpus.mkdir()
        total = write_corpus(corpus, args.copies)
        for _ in range(args.repeats):
            for jobs in args.jobs:
                out = Path(folder) / f"out-{jobs}"
                result = measure(newsprism_command(corpus, out, jobs, in_process=False))
                result["documents"] = count_lines(out / "documents.jsonl")
                result["docs_per_second"] = round(result["documents"] / result["seconds"], 2)
                runs[jobs].append(result)
                print(f"jobs {jobs}: {result}", file=sys.stderr)
    summary = {
        "command": "benchmarks/sample_throughput.py " + " ".join(sys.argv[1:]),
        "date": time.strftime("%Y-%m-%d"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "inputs": total,
        "by_jobs": {
            str(jobs): {
                "docs_per_second": statistics.median(r["docs_per_second"] for r in results),
                "docs_per_second_per_core": round(statistics.median(r["docs_per_second"] for r in results) / jobs, 2),
                "peak_rss_mb": max(r["peak_rss_mb"] for r in results),
                "documents": results[0]["documents"],
                "runs": results,
            }
            for jobs, results in runs.items()
        },
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "sample_throughput.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    print(json.dumps({j: {k: v for k, v in s.items() if k != "runs"} for j, s in summary["by_jobs"].items()}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
