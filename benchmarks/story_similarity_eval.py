"""Cross-lingual same-story similarity on SemEval-2022 Task 8 pairs (issue 6; BENCHMARKS.md §13).

The fixed split (sha1(pair_id) starting c-f = test), the caches and the features are those of
``newsprism train similarity`` (:mod:`newsprism.corpus.similarity_train`), so the benchmark scores
exactly what ships.  Steps:

- ``dev``: figures on the dev part only (cosine baseline, and the shipped meta's dev CV), for tuning;
- ``eval``: the test part, scored once with the shipped model (``src/newsprism/data/similarity``):
  Pearson of the same-story score with gold Overall (sign flipped: Overall 1 = same story), the
  cosine baseline beside it, per language pair, and pair-level F1 of the same-story threshold.

Usage: ``python benchmarks/story_similarity_eval.py [dev|eval]``; caches in
``benchmarks/results/cache`` (``--cache-dir`` of the train command, filled on first use).
"""

from __future__ import annotations

import json
import os
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

from newsprism.corpus.similarity import load_model
from newsprism.corpus.similarity_train import (SAME_STORY_OVERALL, analyse_texts, embed_texts, load_pairs,
                                               pair_matrix, pearson, story_views, unique_texts, usable)

ROOT = Path(__file__).resolve().parent
DATA = Path(os.environ.get("NEWSPRISM_SHARED_DATA", ROOT.parent.parent / "shared" / "data"))
CACHE = ROOT / "results" / "cache"
RESULT = ROOT / "results" / "story_similarity.json"


def evaluate(with_test: bool) -> dict:
    rows = load_pairs(DATA)
    texts = unique_texts(rows)
    views = story_views(texts, embed_texts(texts, CACHE), analyse_texts(texts, CACHE))
    model = load_model()
    result = {"model": {k: model.meta[k] for k in ("dev_cv_pearson", "dev_cosine_pearson", "same_story_threshold")}}
    parts = {"dev": [r for r in usable(rows, views) if not r["test"]]}
    if with_test:
        parts["test"] = [r for r in usable(rows, views) if r["test"]]
    for name, part in parts.items():
        x = pair_matrix(part, views)
        overall = np.array([r["Overall"] for r in part])
        figures = {"pairs": len(part), "cosine_pearson": round(pearson(x[:, 0], overall), 4)}
        if name == "test":
            scores = np.clip(model.trees.predict(x), 0, 1)
            same, predicted = overall <= SAME_STORY_OVERALL, scores >= model.threshold
            tp = float((same & predicted).sum())
            by_pair = defaultdict(list)
            for r, s in zip(part, scores):
                by_pair[f"{r['lang1']}-{r['lang2']}"].append((s, r["Overall"]))
            figures.update({
                "model_pearson": round(pearson(scores, overall), 4),
                "same_story_precision": round(tp / max(1, predicted.sum()), 4),
                "same_story_recall": round(tp / max(1, same.sum()), 4),
                "by_language_pair": {k: {"pairs": len(v), "pearson": round(pearson(*zip(*v)), 4)}
                                     for k, v in sorted(by_pair.items()) if len(v) >= 10},
            })
        result[name] = figures
    return result


def main(argv: list[str]) -> None:
    step = argv[0] if argv else "eval"
    result = evaluate(with_test=step == "eval")
    if step == "eval":
        RESULT.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main(sys.argv[1:])
