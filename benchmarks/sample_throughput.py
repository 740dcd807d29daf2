"""Documents per second and peak memory of the whole pipeline on news text dumps.

The five bundled samples (four English, one French; 400–1,100 words) are copied to 500 files
in a temporary directory, each copy made distinct by a trailing line so nothing is skipped as a
duplicate, and ``newsprism analyze DIR --jobs N --no-report`` runs on them in a fresh process
(start-up and model loading counted).  Repeated and interleaved, medians reported: these machines
are noisy.  ``--languages en`` keeps the English samples only (the issue-5 target is for English
articles; other languages go through the slower multilingual embeddings).  ``--baseline-stages``
also runs the pipeline with only those stages in the same run, interleaved, and reports the full
pipeline's speed as a ratio to it (the ratio is what survives a noisy machine).
Targets: issue 4, >= 5 documents/s per core (stages up to quotes); issue 5, >= 3 documents/s per
core for ~800-word English articles with techniques, claims and tone.

    .venv/bin/python benchmarks/sample_throughput.py [--copies 100] [--repeats 2] [--jobs 1 2]
        [--languages en] [--baseline-stages extract,language,metadata,entities,places,dates,quotes]
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


def write_corpus(directory: Path, copies: int, languages: set[str] | None = None) -> int:
    samples = sorted(Path(str(files("newsprism") / "data" / "samples")).glob("*.txt"))
    if languages:
        from lingua import LanguageDetectorBuilder

        detector = LanguageDetectorBuilder.from_all_languages().build()
        samples = [s for s in samples
                   if detector.detect_language_of(s.read_text(encoding="utf-8")).iso_code_639_1.name.lower() in languages]
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
    parser.add_argument("--languages", default=None, help="comma-separated language codes of the samples to keep")
    parser.add_argument("--baseline-stages", default=None, help="comma-separated stages of a same-run baseline")
    args = parser.parse_args()
    languages = set(args.languages.split(",")) if args.languages else None
    runs: dict[int, list[dict]] = {jobs: [] for jobs in args.jobs}
    baseline: dict[int, list[dict]] = {jobs: [] for jobs in args.jobs}
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus"
        corpus.mkdir()
        total = write_corpus(corpus, args.copies, languages)
        for _ in range(args.repeats):
            for jobs in args.jobs:
                for stages, into in ((None, runs), (args.baseline_stages, baseline)):
                    if into is baseline and not stages:
                        continue
                    out = Path(folder) / f"out-{jobs}-{'base' if stages else 'full'}"
                    result = measure(newsprism_command(corpus, out, jobs, in_process=False, stages=stages))
                    result["documents"] = count_lines(out / "documents.jsonl")
                    result["docs_per_second"] = round(result["documents"] / result["seconds"], 2)
                    into[jobs].append(result)
                    print(f"jobs {jobs} {'baseline' if stages else 'full'}: {result}", file=sys.stderr)

    def median_rate(results: list[dict]) -> float:
        return statistics.median(r["docs_per_second"] for r in results)

    summary = {
        "command": "benchmarks/sample_throughput.py " + " ".join(sys.argv[1:]),
        "date": time.strftime("%Y-%m-%d"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "inputs": total,
        "languages": sorted(languages) if languages else "all",
        "baseline_stages": args.baseline_stages,
        "by_jobs": {
            str(jobs): {
                "docs_per_second": median_rate(results),
                "docs_per_second_per_core": round(median_rate(results) / jobs, 2),
                "peak_rss_mb": max(r["peak_rss_mb"] for r in results),
                "documents": results[0]["documents"],
                **({"baseline_docs_per_second": median_rate(baseline[jobs]),
                    "speed_ratio_to_baseline": round(median_rate(results) / median_rate(baseline[jobs]), 3),
                    "baseline_runs": baseline[jobs]} if baseline[jobs] else {}),
                "runs": results,
            }
            for jobs, results in runs.items()
        },
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "sample_throughput.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    print(json.dumps({j: {k: v for k, v in s.items() if not k.endswith("runs")} for j, s in summary["by_jobs"].items()}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
