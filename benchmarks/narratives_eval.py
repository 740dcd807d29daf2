"""Narrative matching: accuracy on held-out EUvsDisinfo case titles and the stage's cost per document.

    .venv/bin/python benchmarks/narratives_eval.py [--data ../shared/data] [--cache-dir benchmarks/results/cache]

1. Held-out part of the labelled set of :func:`newsprism.narratives.train.labelled_set` (sha1 of
   the case URL or news text starting with c-f; never used for fitting or the threshold):
   top-1 / top-3 narrative accuracy of case titles (the shortlisted narrative with the highest
   calibrated score is the title's own narrative, whose centroid is recomputed without it),
   precision / recall / F1 of (title, narrative) decisions at the shipped threshold, and the share
   of unrelated news texts (SemEval-2022 Task 8, 10 languages) with any match; calibration
   (mean score vs observed rate, by score decile) and the Brier score.
2. The five samples: seconds per document of the ``narratives`` stage alone (earlier stages run
   first and excluded), cold (the first document of a process also embeds the example titles of
   the narratives it meets) and warm, next to the seconds of all earlier stages; and what it found.

Prints JSON and writes ``benchmarks/results/narratives.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from importlib.resources import files
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent
RESULT = ROOT / "results" / "narratives.json"
DATA = Path(os.environ.get("NEWSPRISM_SHARED_DATA", ROOT.parent.parent / "shared" / "data"))


def held_out_figures(data_root: Path, cache_dir: Path | None) -> dict:
    from newsprism.narratives.match import Calibration
    from newsprism.narratives.train import decisions, labelled_set

    calibration = Calibration.load()
    data = labelled_set(data_root, cache_dir, progress=lambda message: None)
    probability = calibration.probability(data.features)
    test = data.test
    ranks = []
    for group in sorted({data.group[i] for i in np.flatnonzero(test & ~data.news)}):
        rows = [i for i in np.flatnonzero(test & ~data.news) if data.group[i] == group and data.shortlisted[i]]
        order = sorted(rows, key=lambda i: -probability[i])
        ranks.append(next((r for r, i in enumerate(order) if data.labels[i] == 1), None))
    found = [r for r in ranks if r is not None]
    scored = test & data.shortlisted
    deciles = []
    edges = np.quantile(probability[scored], np.linspace(0, 1, 11))
    for low, high in zip(edges[:-1], edges[1:]):
        part = scored & (probability >= low) & (probability <= high)
        if part.any():
            deciles.append({"mean_score": round(float(probability[part].mean()), 3),
                            "observed": round(float(data.labels[part].mean()), 3), "pairs": int(part.sum())})
    return {
        "held_out_case_titles": len(ranks),
        "top1_accuracy": round(sum(r == 0 for r in found) / len(ranks), 4),
        "top3_accuracy": round(sum(r < 3 for r in found) / len(ranks), 4),
        "own_narrative_shortlisted": round(len(found) / len(ranks), 4),
        "at_shipped_threshold": decisions(data, probability, calibration.threshold, test),
        "brier": round(float(np.mean((probability[scored] - data.labels[scored]) ** 2)), 4),
        "calibration_by_decile": deciles,
        "labelled_set": data.figures,
    }


def sample_figures() -> dict:
    from newsprism.ingest import iter_inputs
    from newsprism.narratives import match_document
    from newsprism.options import Options
    from newsprism.pipeline import resolve_stages

    samples = Path(str(files("newsprism") / "data" / "samples"))
    options = Options(stages=("narratives",))
    stages = [s for s in resolve_stages(options.stages) if s.name != "narratives"]
    rows = []
    for document in iter_inputs([str(samples)], options):
        started = time.perf_counter()
        for current in stages:  # as process_document, but keeping the cache (the parse) for the stage
            document = current.func(document, options)
        before = time.perf_counter() - started
        started = time.perf_counter()
        document.narratives, document.narrative_mentions = match_document(document)
        cold = time.perf_counter() - started
        document.cache.pop("embeddings", None)
        started = time.perf_counter()
        match_document(document)
        warm = time.perf_counter() - started
        rows.append({
            "sample": Path(document.source).name,
            "words": len(document.body.split()),
            "earlier_stages_s": round(before, 3),
            "narratives_cold_s": round(cold, 3),
            "narratives_warm_s": round(warm, 3),
            "advances": [(m.narrative, m.score, m.statement) for m in document.narratives],
            "mentions": [(m.narrative, m.stance, m.score, m.statement) for m in document.narrative_mentions],
        })
    warm = [row["narratives_warm_s"] for row in rows]
    return {
        "documents": rows,
        "mean_warm_s_per_document": round(float(np.mean(warm)), 3),
        "mean_earlier_stages_s_per_document": round(float(np.mean([r["earlier_stages_s"] for r in rows])), 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--cache-dir", type=Path, default=ROOT / "results" / "cache")
    args = parser.parse_args()
    from newsprism.narratives.match import Calibration

    result = {
        "matcher": Calibration.load().version,
        "held_out": held_out_figures(args.data, args.cache_dir),
        "samples": sample_figures(),
        "note": "one process, 2-core machine shared with other work: timings are indicative",
    }
    RESULT.parent.mkdir(parents=True, exist_ok=True)
    RESULT.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
