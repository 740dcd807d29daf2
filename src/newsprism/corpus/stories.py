"""Stories and copies in the corpus store: which articles report the same event, which are copies.

Two links are made when a document is stored, inside the same transaction as the document:

* **Copies** (syndication, republication, near-duplicates).  A MinHash signature of the body's
  word 5-grams (datasketch) is banded into :data:`BANDS` buckets kept in ``minhash_bands``; documents
  sharing a bucket are candidates, and one whose estimated Jaccard similarity reaches
  :data:`DUPLICATE_JACCARD` is a copy.  The original is the earlier publication; without dates, the
  one the other names in ``republished_from``; else the one stored first.  A copy points at its
  original (``documents.duplicate_of``), joins its story, and is not counted again in story sizes.

* **Stories** (incremental clustering).  Candidates are the stored documents whose embedding cosine
  reaches :data:`COSINE_FLOOR` (the 2nd percentile of same-story pairs in the SemEval dev part), the
  :data:`CANDIDATES` closest.  The same-story model (:mod:`.similarity`) scores each; a story's
  score is the mean of its :data:`LINKAGE` best member scores (more than single linkage, so one
  near member cannot chain two events together).  The document joins the best story whose score
  reaches the threshold, else starts a new story.  The threshold is the same-story model's (best
  pair-level F1 on SemEval-2022 Task 8 dev pairs); B-cubed figures for it and others are in
  BENCHMARKS.md §14, and a store can use another (``newsprism stories --recluster --threshold``).

Vectors of all stored documents are held in memory (:class:`VectorIndex`, ~1.5 KB per document)
so a new document is compared with 100,000 others by one matrix product.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Mapping

import numpy as np

from .similarity import SimilarityModel, StoryView, day_number, load_model

NUM_PERM = 64
BANDS = 16  # 16 bands of 4 rows: a pair at Jaccard 0.7 becomes a candidate with probability 0.98
ROWS_PER_BAND = NUM_PERM // BANDS
SHINGLE = 5
MIN_SHINGLES = 20  # shorter bodies (a headline, a caption) are too short to call copies
DUPLICATE_JACCARD = 0.7
MAX_COPY_CANDIDATES = 200  # a corpus of thousands of copies of one text must not make each add quadratic
COSINE_FLOOR = 0.80
CANDIDATES = 50
LINKAGE = 3
STORY_THRESHOLD_KEY = "story_threshold"


def shingles(body: str) -> set[str]:
    words = re.findall(r"\w+", unicodedata.normalize("NFKC", body).casefold())
    return {" ".join(words[i:i + SHINGLE]) for i in range(max(0, len(words) - SHINGLE + 1))}


def signature(body: str) -> np.ndarray | None:
    """MinHash values (uint64) of the body's word 5-grams, or None for a body too short to compare."""
    from datasketch import MinHash

    grams = shingles(body)
    if len(grams) < MIN_SHINGLES:
        return None
    minhash = MinHash(num_perm=NUM_PERM, seed=1)
    minhash.update_batch([g.encode("utf-8") for g in grams])
    return minhash.hashvalues.astype(np.uint64)


def buckets(values: np.ndarray) -> list[int]:
    """One bucket key per band: a 31-bit hash of its rows (fits a 4-byte INTEGER everywhere)."""
    keys = []
    for band in range(BANDS):
        rows = values[band * ROWS_PER_BAND:(band + 1) * ROWS_PER_BAND]
        keys.append(int.from_bytes(np.bitwise_xor.reduce(rows * np.uint64(0x9E3779B97F4A7C15)).tobytes()[:4], "little")
                    & 0x7FFFFFFF)
    return keys


def estimated_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.mean(a == b))


def compact_features(document: Mapping[str, Any]) -> dict:
    """What :class:`StoryView` needs, small enough to keep per document (no body, no vector)."""
    view = StoryView.from_document(document)
    return {"language": view.language, "entities": view.entities,
            "places": [{k: p.get(k) for k in ("id", "lat", "lon", "country")} for p in view.places],
            "dates": sorted(view.dates), "published": view.published,
            "numbers": sorted(view.numbers), "names": sorted(view.names)}


def view_from_compact(features: Mapping[str, Any], vector: np.ndarray | None) -> StoryView:
    return StoryView(vector=vector, language=features.get("language"), entities=dict(features.get("entities") or {}),
                     places=list(features.get("places") or []), dates=set(features.get("dates") or []),
                     published=features.get("published"), numbers=set(features.get("numbers") or []),
                     names=set(features.get("names") or []))


class VectorIndex:
    """Document vectors of a store in memory, with each document's story (originals only).

    Rows live in an array that doubles when full, so adding is amortised O(1), not a copy of the
    whole matrix per document."""

    def __init__(self, dimension: int = 384):
        self.ids: list[str] = []
        self.stories: list[str] = []
        self._rows = np.zeros((1024, dimension), dtype=np.float32)

    @property
    def matrix(self) -> np.ndarray:
        return self._rows[:len(self.ids)]

    def add(self, doc_id: str, story: str, vector: np.ndarray) -> None:
        if len(self.ids) == len(self._rows):
            self._rows = np.vstack([self._rows, np.zeros_like(self._rows)])
        self._rows[len(self.ids)] = vector
        self.ids.append(doc_id)
        self.stories.append(story)

    def nearest(self, vector: np.ndarray, exclude: str) -> list[tuple[str, str, float]]:
        """(document, story, cosine) of the closest stored documents above :data:`COSINE_FLOOR`."""
        if not self.ids:
            return []
        cosines = self.matrix @ vector
        count = min(CANDIDATES + 1, len(cosines))
        order = np.argpartition(-cosines, count - 1)[:count]
        order = order[np.argsort(-cosines[order])]
        return [(self.ids[i], self.stories[i], float(cosines[i])) for i in order
                if cosines[i] >= COSINE_FLOOR and self.ids[i] != exclude][:CANDIDATES]

    def remove(self, doc_id: str) -> None:
        if doc_id in self.ids:
            keep = [i for i, d in enumerate(self.ids) if d != doc_id]
            rows = self._rows[keep]
            self.ids = [self.ids[i] for i in keep]
            self.stories = [self.stories[i] for i in keep]
            self._rows = np.vstack([rows, np.zeros((max(1024, len(rows)), rows.shape[1]), dtype=np.float32)])


def vector_bytes(vector: np.ndarray | None) -> bytes | None:
    return None if vector is None else np.asarray(vector, dtype=np.float32).tobytes()


def vector_from(blob) -> np.ndarray | None:
    return None if blob is None else np.frombuffer(bytes(blob), dtype=np.float32)


@dataclass
class Linked:
    """What linking decided for one document."""

    story: str
    duplicate_of: str | None = None
    duplicate_similarity: float | None = None
    story_score: float | None = None


class StoryLinker:
    """Links documents to copies and stories through a store's backend (inside its transactions)."""

    def __init__(self, backend, threshold: float | None = None, model: SimilarityModel | None = None):
        self.backend = backend
        self.model = model or load_model()
        self.threshold = threshold if threshold is not None else self.model.meta["story_threshold"]
        self._index: VectorIndex | None = None

    @property
    def index(self) -> VectorIndex:
        if self._index is None:
            index = VectorIndex()
            rows = self.backend.execute(
                "SELECT d.id, d.story_id, f.vector FROM documents d JOIN story_features f ON f.document_id = d.id"
                " WHERE d.duplicate_of IS NULL AND d.story_id IS NOT NULL AND f.vector IS NOT NULL"
                " ORDER BY d.stored_at, d.id").fetchall()
            for doc_id, story, blob in rows:
                index.add(doc_id, story, vector_from(blob))
            self._index = index
        return self._index

    def link(self, document: Mapping[str, Any]) -> Linked:
        """Store the document's linking features and decide its copy and story links (no commit)."""
        doc_id = str(document["id"])
        vector = np.asarray(document["embedding"], dtype=np.float32) if document.get("embedding") else None
        values = signature(document.get("body") or "")
        features = compact_features(document)
        self.backend.execute("INSERT INTO story_features VALUES (?, ?, ?, ?)",
                             (doc_id, vector_bytes(vector), None if values is None else values.tobytes(),
                              json.dumps(features, ensure_ascii=False)))
        if values is not None:
            self.backend.executemany("INSERT INTO minhash_bands VALUES (?, ?, ?)",
                                     [(doc_id, band, key) for band, key in enumerate(buckets(values))])
        linked = self._copy(document, doc_id, values) if values is not None else None
        if linked is None:
            linked = self._story(doc_id, vector, features)
        self.backend.execute("UPDATE documents SET story_id = ?, duplicate_of = ?, duplicate_similarity = ? WHERE id = ?",
                             (linked.story, linked.duplicate_of, linked.duplicate_similarity, doc_id))
        return linked

    def committed(self, document: Mapping[str, Any], linked: Linked) -> None:
        """After the transaction commits: the in-memory index learns the document."""
        if self._index is None:
            return
        if linked.duplicate_of is None and document.get("embedding"):
            self._index.add(str(document["id"]), linked.story, np.asarray(document["embedding"], dtype=np.float32))

    def drop(self, doc_id: str) -> None:
        """A stored document is being replaced (re-analysis): take it out of the in-memory index."""
        if self._index is not None:
            self._index.remove(doc_id)

    def forget(self) -> None:
        """Drop the in-memory index (after a rollback or a re-clustering); it reloads on next use."""
        self._index = None

    def recluster(self) -> int:
        """Group every stored original into stories again, in stored order, with the current threshold
        (copies follow their original).  Runs inside the caller's transaction; returns the story count."""
        self.backend.execute("UPDATE documents SET story_id = NULL")
        self._index = VectorIndex()
        rows = self.backend.execute(
            "SELECT d.id, f.features, f.vector FROM documents d JOIN story_features f ON f.document_id = d.id"
            " WHERE d.duplicate_of IS NULL ORDER BY d.stored_at, d.id").fetchall()
        stories = set()
        for doc_id, features, blob in rows:
            vector = vector_from(blob)
            linked = self._story(doc_id, vector, json.loads(features))
            self.backend.execute("UPDATE documents SET story_id = ? WHERE id = ?", (linked.story, doc_id))
            if vector is not None:
                self._index.add(doc_id, linked.story, vector)
            stories.add(linked.story)
        self.backend.execute("UPDATE documents SET story_id = (SELECT o.story_id FROM documents o WHERE "
                             "o.id = documents.duplicate_of) WHERE duplicate_of IS NOT NULL")
        return len(stories)

    # -- copies -----------------------------------------------------------------------------------
    def _copy(self, document: Mapping[str, Any], doc_id: str, values: np.ndarray) -> Linked | None:
        keys = buckets(values)
        clause = " OR ".join("(band = ? AND bucket = ?)" for _ in keys)
        parameters = tuple(x for band, key in enumerate(keys) for x in (band, key))
        candidates = [row[0] for row in self.backend.execute(
            f"SELECT DISTINCT document_id FROM minhash_bands WHERE ({clause}) AND document_id <> ? LIMIT ?",  # noqa: S608
            (*parameters, doc_id, MAX_COPY_CANDIDATES)).fetchall()]
        best: tuple[float, str] | None = None
        for chunk in _chunks(candidates, 500):
            marks = ", ".join("?" for _ in chunk)
            for other, blob in self.backend.execute(
                    f"SELECT document_id, minhash FROM story_features WHERE document_id IN ({marks})", tuple(chunk)):  # noqa: S608
                similarity = estimated_jaccard(values, np.frombuffer(bytes(blob), dtype=np.uint64))
                if similarity >= DUPLICATE_JACCARD and (best is None or (similarity, other) > best):
                    best = (similarity, other)
        if best is None:
            return None
        similarity, other = best
        row = self.backend.execute("SELECT duplicate_of, story_id, published, outlet, outlet_domain, republished_from "
                                   "FROM documents WHERE id = ?", (other,)).fetchone()
        original = row[0] or other  # the match may itself be a copy: link to its original
        orig = self.backend.execute("SELECT story_id, published, outlet, outlet_domain, republished_from "
                                    "FROM documents WHERE id = ?", (original,)).fetchone()
        story = orig[0]
        if _is_original(document, orig[1:]):
            # The new document is the original: the stored one and its copies now point at it.
            self.backend.execute("UPDATE documents SET duplicate_of = ? WHERE id = ? OR duplicate_of = ?",
                                 (doc_id, original, original))
            self.backend.execute("UPDATE documents SET duplicate_similarity = ? WHERE id = ?", (round(similarity, 4), original))
            if self._index is not None:
                self._index.remove(original)  # committed() adds the new original
            return Linked(story=story)
        return Linked(story=story, duplicate_of=original, duplicate_similarity=round(similarity, 4))

    # -- stories ----------------------------------------------------------------------------------
    def _story(self, doc_id: str, vector: np.ndarray | None, features: Mapping[str, Any]) -> Linked:
        new_story = f"story-{doc_id[:12]}"
        if vector is None:
            return Linked(story=new_story)
        near = self.index.nearest(vector, exclude=doc_id)
        if not near:
            return Linked(story=new_story)
        marks = ", ".join("?" for _ in near)
        stored = {row[0]: (row[1], row[2]) for row in self.backend.execute(
            f"SELECT document_id, features, vector FROM story_features WHERE document_id IN ({marks})",  # noqa: S608
            tuple(d for d, _, _ in near))}
        view = view_from_compact(features, vector)
        pairs, stories = [], []
        for other, story, _ in near:
            if other in stored:
                pairs.append((view, view_from_compact(json.loads(stored[other][0]), vector_from(stored[other][1]))))
                stories.append(story)
        scores = self.model.scores(pairs)
        by_story: dict[str, list[float]] = defaultdict(list)
        for story, score in zip(stories, scores):
            by_story[story].append(float(score))
        best_story, best_score = max(((s, float(np.mean(sorted(v, reverse=True)[:LINKAGE]))) for s, v in by_story.items()),
                                     key=lambda item: item[1])
        if best_score >= self.threshold:
            return Linked(story=best_story, story_score=round(best_score, 4))
        return Linked(story=new_story, story_score=round(best_score, 4))


def _is_original(document: Mapping[str, Any], stored: tuple) -> bool:
    """Whether the new document, rather than the stored match, is the original publication."""
    published, outlet, domain, republished_from = stored
    mine, theirs = day_number(document.get("published")), day_number(published)
    if mine is not None and theirs is not None and mine != theirs:
        return mine < theirs
    names = {(n or "").casefold() for n in ((document.get("outlet") or {}).get("name"),
                                            (document.get("outlet") or {}).get("domain")) if n}
    if republished_from and republished_from.casefold() in names:
        return True
    # The stored one says it is a republication and the new one does not: the new one is the original.
    return bool(republished_from) and not document.get("republished_from")


def _chunks(items: list, size: int):
    for i in range(0, len(items), size):
        yield items[i:i + size]
