"""Check-worthy claims and cross-article claim linking, on our hand-labelled sets (test split).

Data (all in ``benchmarks/data/claims/``, described in its README):

* ``sentences.jsonl``: 638 sentences of 66 articles (PolNeAR, PTC, SemEval-2023 Task 3 fr/de/ru/en,
  SemEval-2022 Task 8 es/fr/de/ru texts) by reference into ``shared/data``, graded 0-3 by the claims
  helper; check-worthy = grade >= 2.  Split by article: sha1("<dataset>:<unit>") 0-b dev, c-f test.
* ``pairs.jsonl``: 574 claim pairs written for newsprism (paraphrases, translations en/fr/es/ru/de,
  hard negatives, same-story different claims), split by group: sha1("claim-pairs:<group>").
* ``pairs-mined.jsonl``: 154 sentence pairs from same-story article pairs of SemEval-2022 Task 8
  (mostly two languages), by reference, labelled same claim or not; split by row:
  sha1("story-pairs:<row>").

The shipped model (``src/newsprism/data/claims/claims-model.json``) was fitted on dev only
(``newsprism.claims.train.train``); this script scores the test split with it:

* check-worthiness: the articles run through the entities, places, dates and quotes stages, every
  labelled sentence scored by the claims model (sentences the stage never makes claims of —
  questions, fragments, datelines, list rows — score 0).  Average precision and ROC-AUC of the score
  against the binary label, precision at 10 and 20 of the pooled ranking, NDCG@10 on the grades,
  mean per-article precision@3, P/R/F1 at the shipped claim threshold, per language; beside a
  language-neutral rule (count of: a quantity, an actor, a place, a date) and the base rate.
* linking: P/R/F1 of ``link_claims``' decision (calibrated probability >= threshold and no guard
  veto) on the test pairs, per source and per pair kind, and without the guards.
* speed: CPU time of the claims stage (after the earlier stages, whose parse it reuses) per
  800-word English article, and of embedding a claim for linking.

    .venv/bin/python benchmarks/claims_eval.py

No published anchor exists for these sets.  The field's reference task is the CLEF CheckThat! lab's
check-worthiness estimation (2018-2024: tweets and political debates/speeches, en/ar/es/nl; best
systems around MAP 0.2-0.4 on debates, F1 0.6-0.8 on tweets): the figures here are not comparable
(different texts, labels and label definitions).
"""

from __future__ import annotations

import argparse
import datetime
import json
import math
import os
import platform
import sys
import time
from pathlib import Path

import numpy as np

from evaldata import RESULTS, ROOT

from newsprism.claims.data import load_units
from newsprism.claims.features import INDEX, DocumentIndex, sentence_info
from newsprism.claims.link import probability
from newsprism.claims.scorer import find_claims, load_model, probabilities
from newsprism.claims.train import analyse_unit, load_mined_pairs, load_pairs, pair_table
from newsprism.nlp.parse import parse

DATA = Path(os.environ.get("NEWSPRISM_SHARED_DATA", ROOT.parent / "shared" / "data"))
OUT = RESULTS / "claims.json"


def average_precision(labels: np.ndarray, scores: np.ndarray) -> float:
    order = np.argsort(-scores, kind="stable")
    hits, total = 0, 0.0
    for rank, index in enumerate(order, 1):
        if labels[index]:
            hits += 1
            total += hits / rank
    return total / max(1, int(labels.sum()))


def roc_auc(labels: np.ndarray, scores: np.ndarray) -> float:
    positives, negatives = scores[labels == 1], scores[labels == 0]
    if not len(positives) or not len(negatives):
        return float("nan")
    wins = (positives[:, None] > negatives[None, :]).sum() + 0.5 * (positives[:, None] == negatives[None, :]).sum()
    return float(wins / (len(positives) * len(negatives)))


def precision_at(labels: np.ndarray, scores: np.ndarray, k: int) -> float:
    order = np.argsort(-scores, kind="stable")[:k]
    return float(labels[order].mean()) if len(order) else float("nan")


def ndcg_at(grades: np.ndarray, scores: np.ndarray, k: int) -> float:
    def dcg(values):
        return sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(values[:k]))

    ideal = dcg(sorted(grades, reverse=True))
    return dcg(grades[np.argsort(-scores, kind="stable")]) / ideal if ideal else float("nan")


def prf(predicted: np.ndarray, labels: np.ndarray) -> dict:
    tp = int((predicted & (labels == 1)).sum())
    fp = int((predicted & (labels == 0)).sum())
    fn = int((~predicted & (labels == 1)).sum())
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "tp": tp, "fp": fp, "fn": fn}


def ranking_figures(labels, grades, scores, groups, threshold=None) -> dict:
    figures = {
        "sentences": int(len(labels)), "checkworthy": int(labels.sum()),
        "average_precision": round(average_precision(labels, scores), 4),
        "roc_auc": round(roc_auc(labels, scores), 4),
        "precision_at_10": round(precision_at(labels, scores, 10), 4),
        "precision_at_20": round(precision_at(labels, scores, 20), 4),
        "ndcg_at_10_grades": round(ndcg_at(grades, scores, 10), 4),
    }
    per_article = [precision_at(labels[groups == g], scores[groups == g], 3) for g in sorted(set(groups))]
    figures["mean_article_precision_at_3"] = round(float(np.mean(per_article)), 4)
    if threshold is not None:
        figures["at_threshold"] = prf(scores >= threshold, labels)
    return figures


def checkworthiness(say) -> dict:
    model = load_model()["checkworthiness"]
    units = [unit for unit in load_units(DATA) if unit.split == "test"]
    say(f"check-worthiness: {len(units)} test articles, {sum(len(u.sentences) for u in units)} sentences")
    labels, grades, scores, rule, groups, languages = [], [], [], [], [], []
    for unit in units:
        document = analyse_unit(unit)
        index = DocumentIndex(document, parse(document))
        for sentence in unit.sentences:
            info = sentence_info(index, sentence.start, sentence.end)
            score = 0.0 if info.excluded else float(probabilities(info.vector[None, :], model)[0])
            v = info.vector
            labels.append(int(sentence.checkworthy))
            grades.append(sentence.grade)
            scores.append(score)
            rule.append(sum(float(v[INDEX[name]] > 0) for name in ("has_number", "actors", "places", "dates")))
            groups.append(unit.key)
            languages.append(unit.language)
    labels, grades, scores = np.array(labels), np.array(grades), np.array(scores)
    rule, groups, languages = np.array(rule), np.array(groups), np.array(languages)
    result = {
        "model": ranking_figures(labels, grades, scores, groups, model["threshold"]),
        "rule_quantity_actor_place_date": ranking_figures(labels, grades, rule, groups),
        "base_rate": round(float(labels.mean()), 4),
        "per_language": {},
        "dev_out_of_fold": model.get("dev_out_of_fold"),
        "threshold": model["threshold"],
    }
    for language in sorted(set(languages)):
        rows = languages == language
        result["per_language"][language] = {
            "sentences": int(rows.sum()), "checkworthy": int(labels[rows].sum()),
            "articles": len(set(groups[rows])),
            "average_precision": round(average_precision(labels[rows], scores[rows]), 4),
            "roc_auc": round(roc_auc(labels[rows], scores[rows]), 4),
        }
    return result


def linking(say) -> dict:
    model = load_model()["link"]
    pairs = [p for p in load_pairs() + load_mined_pairs(DATA) if p["split"] == "test"]
    say(f"linking: {len(pairs)} test pairs (embedding)")
    X, y, reasons, cosines = pair_table(pairs)
    p = np.array([probability(row, model) for row in X])
    allowed = np.array([reason is None for reason in reasons])
    decided = (p >= model["threshold"]) & allowed
    sources = np.array(["mined" if pair["kind"].startswith("story") else "written" for pair in pairs])
    kinds = np.array([pair["kind"] for pair in pairs])
    result = {
        "threshold": model["threshold"],
        "all": {"pairs": int(len(y)), "positives": int(y.sum()), **prf(decided, y)},
        "without_guards": prf(p >= model["threshold"], y),
        "per_source": {},
        "per_kind": {},
        "guard_vetoes": {"positives": int(((~allowed) & (y == 1)).sum()),
                         "negatives": int(((~allowed) & (y == 0)).sum())},
        "dev": model.get("dev"),
    }
    for source in ("written", "mined"):
        rows = sources == source
        result["per_source"][source] = {"pairs": int(rows.sum()), "positives": int(y[rows].sum()),
                                        **prf(decided[rows], y[rows])}
    for kind in sorted(set(kinds)):
        rows = kinds == kind
        linked = int(decided[rows].sum())
        result["per_kind"][kind] = {"pairs": int(rows.sum()), "same_claim": int(y[rows].sum()), "linked": linked,
                                    "mean_cosine": round(float(cosines[rows].mean()), 3)}
    return result


def speed(say) -> dict:
    """CPU time of the claims stage on English PolNeAR articles, scaled to 800 words; and of embedding claims."""
    from newsprism.claims.data import Unit, _lines
    from newsprism.nlp.embed import passages

    folder = DATA / "quotes-polnear" / "train" / "text"
    texts = []
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        if 500 <= len(text.split()) <= 1200:
            texts.append((path.stem, text))
        if len(texts) >= 30:
            break
    words = cpu = 0.0
    claim_texts = []
    for stem, text in texts:
        document = analyse_unit(Unit(f"speed:{stem}", "polnear", "en", text, _lines(text)))
        started = time.process_time()
        claims = find_claims(document)
        cpu += time.process_time() - started
        words += len(text.split())
        claim_texts.extend(claim.text for claim in claims[:8])
    passages(["warm-up"])
    sample = claim_texts[:40]
    started = time.process_time()
    passages(sample)
    embed_cpu = time.process_time() - started
    result = {
        "articles": len(texts), "mean_words": round(words / len(texts)),
        "claims_stage_cpu_ms_per_800_words": round(1000 * cpu / words * 800, 2),
        "embedding_cpu_ms_per_claim": round(1000 * embed_cpu / len(sample), 1),
        "link_embedding_cpu_ms_per_article_8_claims": round(8 * 1000 * embed_cpu / len(sample), 1),
        "note": "process CPU time (the machine was shared); the stage reuses the parse of the earlier stages",
    }
    say(f"speed: {result}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--skip-speed", action="store_true")
    args = parser.parse_args()
    if not DATA.is_dir():
        sys.exit(f"no data at {DATA} (set NEWSPRISM_SHARED_DATA)")
    started = time.perf_counter()
    say = lambda message: print(f"[{time.perf_counter() - started:5.0f} s] {message}", file=sys.stderr)  # noqa: E731
    result = {
        "benchmark": "claims_eval (check-worthy claims, cross-article claim linking)",
        "date": datetime.date.today().isoformat(),
        "machine": {"platform": platform.platform(), "python": platform.python_version(), "cpus": os.cpu_count()},
        "model": load_model()["version"],
        "split": "test: articles with sha1('<dataset>:<unit>') c-f; pairs with sha1('claim-pairs:<group>') "
                 "or sha1('story-pairs:<row>') c-f; never tuned on",
        "anchor": "none for these sets; field reference: CLEF CheckThat! check-worthiness (not comparable)",
        "checkworthiness": checkworthiness(say),
        "linking": linking(say),
    }
    if not args.skip_speed:
        result["speed"] = speed(say)
    cw, ln = result["checkworthiness"], result["linking"]
    print(f"check-worthiness (test, {cw['model']['sentences']} sentences, base rate {cw['base_rate']}): "
          f"AP {cw['model']['average_precision']}, ROC-AUC {cw['model']['roc_auc']}, "
          f"P@10 {cw['model']['precision_at_10']}, P@20 {cw['model']['precision_at_20']}; "
          f"rule AP {cw['rule_quantity_actor_place_date']['average_precision']}, "
          f"ROC-AUC {cw['rule_quantity_actor_place_date']['roc_auc']}")
    print(f"linking (test, {ln['all']['pairs']} pairs): P {ln['all']['precision']} R {ln['all']['recall']} "
          f"F1 {ln['all']['f1']}; without guards F1 {ln['without_guards']['f1']}")
    result["seconds"] = round(time.perf_counter() - started, 1)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
