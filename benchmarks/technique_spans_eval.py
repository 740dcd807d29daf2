"""Persuasion-technique spans on PTC: SemEval-2020 Task 11 span identification (SI) F1 (issue 5).

Data: ``shared/data/ptc/`` (Propaganda Techniques Corpus v2, the SemEval-2020 Task 11 training
articles: 300 English news articles, 5,070 spans of 14 classes, mapped to the SemEval-2023 names
by ``newsprism.techniques.data.PTC_TO_SEMEVAL``).  Each article is its lines (title, then one
sentence per line); they are the ``ranges`` given to the model.

Split (by article, ``newsprism.techniques.data.split_of``): ``test`` = sha1(article id) starting
with c-f (69 articles, never tuned on), ``dev`` = the rest (231 articles).

* ``--split dev``: 4-fold cross-validation over dev articles (fold = sha1("fold:" + id), first hex
  digit mod 4).  Candidates are generated once with the peak and clause-detector thresholds at 0,
  so the table of (high, sentence_threshold) settings is exact; the shipped settings are reported,
  plus a cross-fitted check (settings chosen on folds 0-1 scored on 2-3 and vice versa) that
  shows how optimistic choosing on the same predictions is.  ``--set key=value`` overrides a
  setting of ``newsprism.techniques.spans.SETTINGS`` (e.g. ``--set label_mode=agnostic``).
* ``--split test``: the model in ``--model`` (default: the shipped weights, trained on dev by
  ``newsprism train techniques``) on the test articles, once; plus speed per 800 words and, for the
  shipped model, the whole techniques stage's output (what users see: after merging with the
  lexicons and the paragraph model and the 0.2 confidence floor).  Each
  article is parsed by the English spaCy pipeline first and the parse passed to the model, as the
  techniques stage passes the document's parse (the parse is not timed: the stage has it anyway);
  the time with the model parsing by itself is reported too.

Metric (``newsprism.techniques.spans.si_score``), as the official SI scorer computes it: per
article, overlapping gold spans are merged (as are predicted ones); precision = sum over
predicted spans s and gold spans t of |s∩t|/|s|, divided by the number of predicted spans;
recall = the same sum of |s∩t|/|t| over the number of gold spans; sums over all articles.  The
technique-aware variant counts overlap only between spans of the same technique (spans merged per
technique), as the SemEval-2019 NLP4IF fragment-level task did.

Anchors (SemEval-2020 Task 11 SI, official test set; large transformer ensembles): winner
(Hitachi) 0.51 F1, 8th-ranked team 0.44.  Target: >= 0.40 on test.

    .venv/bin/python benchmarks/technique_spans_eval.py [--split dev|test] [--model DIR] [--set k=v ...]
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsprism.techniques.data import load_ptc_articles, split_of  # noqa: E402
from newsprism.techniques.spans import (  # noqa: E402
    FOLDS, MODEL_VERSION, SETTINGS, SpanModel, cross_validate, english_pipeline, evaluate, fold_of, line_sentences,
)
from newsprism.nlp.offsets import merge_ranges  # noqa: E402

DATA = Path(os.environ.get("NEWSPRISM_SHARED_DATA", ROOT.parent / "shared" / "data"))
RESULTS = ROOT / "benchmarks" / "results"
ANCHOR = "SemEval-2020 Task 11 SI (official test): winner 0.51 F1, 8th-ranked team 0.44 (transformer ensembles)"
HIGHS = (0.05, 0.07, 0.1, 0.12, 0.15, 0.2, 0.3, 1.01)  # 1.01: no CRF spans
SENTENCE_THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 1.01)  # 1.01: no sentence spans


def _round(d: dict) -> dict:
    return {k: round(v, 4) if isinstance(v, float) else v for k, v in d.items()}


def _select(oof: dict, high: float, sentence_threshold: float) -> dict:
    return {aid: [c for c in spans if c[3] >= (high if c[4] == "crf" else sentence_threshold)]
            for aid, spans in oof.items()}


def _length_table(predicted: dict, articles: list) -> list[dict]:
    """Precision share of predicted spans by length (tokens ~ words)."""
    gold = {a.id: merge_ranges([(s, e) for s, e, _ in a.spans]) for a in articles}
    text = {a.id: a.text for a in articles}
    bins: dict[str, list[float]] = {}
    for aid, spans in predicted.items():
        for s, e, *_ in spans:
            words = len(text[aid][s:e].split())
            key = "1" if words <= 1 else "2-3" if words <= 3 else "4-9" if words <= 9 else "10+"
            bins.setdefault(key, []).append(sum(max(0, min(e, ge) - max(s, gs)) for gs, ge in gold[aid]) / (e - s))
    return [{"words": k, "spans": len(v), "mean_overlap_share": round(statistics.fmean(v), 3)}
            for k, v in sorted(bins.items(), key=lambda kv: ["1", "2-3", "4-9", "10+"].index(kv[0]))]


def _per_technique(predicted: dict, articles: list) -> dict:
    """Recall-style coverage per gold technique (share of each gold span covered by any prediction)."""
    out: dict[str, list[float]] = {}
    for a in articles:
        spans = predicted.get(a.id, [])
        for s, e, t in a.spans:
            covered = sum(max(0, min(e, pe) - max(s, ps)) for ps, pe in merge_ranges([(p[0], p[1]) for p in spans]))
            out.setdefault(t, []).append(covered / (e - s))
    return {t: {"gold": len(v), "coverage": round(statistics.fmean(v), 3)} for t, v in sorted(out.items(), key=lambda kv: -len(kv[1]))}


def run_dev(articles: list, overrides: dict, workers: int | None) -> dict:
    settings = {**SETTINGS, **overrides}
    sweep_settings = {**settings, "high": 0.0, "sentence_threshold": 0.0}
    started = time.time()
    with tempfile.TemporaryDirectory(prefix="spans-cv-") as tmp:
        raw = cross_validate(articles, Path(tmp), sweep_settings, workers)
    # (start, end, technique, score, source) for scoring; keep the group out of the technique slot
    oof = {aid: [(c[0], c[1], c[5], c[3], c[4]) for c in spans] for aid, spans in raw.items()}
    table = []
    for high in HIGHS:
        for ts in SENTENCE_THRESHOLDS:
            if high > 1 and ts > 1:
                continue
            scores = evaluate(_select(oof, high, ts), articles)
            table.append({"high": high, "sentence_threshold": ts, "si": _round(scores["si"]),
                          "technique_aware_f1": round(scores["technique_aware"]["f1"], 4)})
    shipped = _select(oof, settings["high"], settings["sentence_threshold"])
    scores = evaluate(shipped, articles)
    # Cross-fitted: choose (high, ts) on half the folds, score on the other half.
    halves = ({0, 1}, {2, 3})
    crossfit = []
    for choose, score in (halves, halves[::-1]):
        pick = [a for a in articles if fold_of(a.id) in choose]
        held = [a for a in articles if fold_of(a.id) in score]
        best = max(((h, t) for h in HIGHS for t in SENTENCE_THRESHOLDS if not (h > 1 and t > 1)),
                   key=lambda ht: evaluate(_select({a.id: oof[a.id] for a in pick}, *ht), pick)["si"]["f1"])
        crossfit.append({"chosen_on_folds": sorted(choose), "high": best[0], "sentence_threshold": best[1],
                         "si_f1_on_other_folds": round(evaluate(_select({a.id: oof[a.id] for a in held}, *best), held)["si"]["f1"], 4)})
    crf_only = evaluate(_select(oof, settings["high"], 1.01), articles)
    sentence_only = evaluate(_select(oof, 1.01, settings["sentence_threshold"]), articles)
    return {
        "settings": {k: settings[k] for k in SETTINGS},
        "shipped_settings": {"si": _round(scores["si"]), "technique_aware": _round(scores["technique_aware"])},
        "crf_spans_only": {"si": _round(crf_only["si"]), "technique_aware_f1": round(crf_only["technique_aware"]["f1"], 4)},
        "sentence_spans_only": {"si": _round(sentence_only["si"]), "technique_aware_f1": round(sentence_only["technique_aware"]["f1"], 4)},
        "cross_fitted": crossfit,
        "best_in_table": max(table, key=lambda r: r["si"]["f1"]),
        "table": table,
        "span_lengths": _length_table(shipped, articles),
        "per_technique_coverage": _per_technique(shipped, articles),
        "seconds": round(time.time() - started, 1),
    }


def run_test(articles: list, model_dir: Path | None) -> dict:
    model = SpanModel.load(model_dir)
    nlp = english_pipeline() if model.syntax else None
    predicted, times, words, self_parsed = {}, [], [], []
    for a in articles:
        ranges = line_sentences(a.text)
        parsed = nlp(a.text) if nlp is not None else None  # the stage passes its parse of the document
        model._counts_key = None  # time the document counts too
        started = time.perf_counter()
        spans = model.predict(a.text, ranges, parsed=parsed)
        times.append(time.perf_counter() - started)
        words.append(len(a.text.split()))
        predicted[a.id] = [(s.start, s.end, s.technique, s.confidence) for s in spans]
        if nlp is not None and len(self_parsed) < 20:  # without a parse: the model parses the sentences itself
            model._counts_key = None
            started = time.perf_counter()
            model.predict(a.text, ranges)
            self_parsed.append(1000 * (time.perf_counter() - started) / max(1, words[-1]) * 800)
    scores = evaluate(predicted, articles)
    by_confidence = []
    for floor in (0.0, 0.1, 0.2, 0.3, 0.5):
        kept = {k: [p for p in v if p[3] >= floor] for k, v in predicted.items()}
        r = evaluate(kept, articles)
        by_confidence.append({"min_confidence": floor, "si": _round(r["si"]),
                              "technique_aware_f1": round(r["technique_aware"]["f1"], 4)})
    per800 = [1000 * t / w * 800 for t, w in zip(times, words) if w]
    return {
        "model": str(model_dir or "shipped"),
        "model_version": model.version,
        "si": _round(scores["si"]),
        "technique_aware": _round(scores["technique_aware"]),
        "by_min_confidence": by_confidence,
        "span_lengths": _length_table(predicted, articles),
        "per_technique_coverage": _per_technique(predicted, articles),
        "ms_per_800_words": {"mean": round(statistics.fmean(per800), 1), "median": round(statistics.median(per800), 1),
                             "max": round(max(per800), 1)},
        "ms_per_800_words_parsing_itself": round(statistics.fmean(self_parsed), 1) if self_parsed else None,
        "words_per_article": round(statistics.fmean(words)),
    }


def run_stage(articles: list) -> dict:
    """What users see: the whole techniques stage (span model, lexicons, paragraph model, agreement,
    the 0.2 confidence floor) on each article, its lines as paragraphs, scored the same way."""
    from newsprism.model import Document, Paragraph
    from newsprism.options import Options
    from newsprism.techniques import techniques_stage

    predicted = {}
    for a in articles:
        document = Document(id=a.id, source=f"ptc/{a.id}", body=a.text, language="en",
                            paragraphs=[Paragraph(start=s, end=e) for s, e in line_sentences(a.text)])
        document = techniques_stage(document, Options())
        predicted[a.id] = [(t.start, t.end, t.technique) for t in document.techniques]
    scores = evaluate(predicted, articles)
    return {"si": _round(scores["si"]), "technique_aware": _round(scores["technique_aware"])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    parser.add_argument("--model", type=Path, default=None, help="folder with spans.crfsuite/.npz/.json (test)")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="override a setting (dev)")
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    if not (DATA / "ptc").is_dir():
        sys.exit(f"PTC data not found under {DATA}")
    overrides = {}
    for item in args.set:
        key, value = item.split("=", 1)
        if key not in SETTINGS:
            sys.exit(f"unknown setting {key}")
        overrides[key] = type(SETTINGS[key])(value)
    articles = [a for a in load_ptc_articles(DATA) if split_of(a.id) == args.split]
    result = {
        "benchmark": "technique_spans", "split": args.split, "articles": len(articles),
        "gold_spans": sum(len(a.spans) for a in articles),
        "gold_spans_merged": sum(len(merge_ranges([(s, e) for s, e, _ in a.spans])) for a in articles),
        "span_model": MODEL_VERSION, "anchor": ANCHOR, "target_si_f1": 0.40,
        "date": datetime.date.today().isoformat(), "python": platform.python_version(), "machine": platform.machine(),
    }
    if args.split == "dev":
        result["folds"] = FOLDS
        result["overrides"] = overrides
        result.update(run_dev(articles, overrides, args.workers))
        head = result["shipped_settings"]
    else:
        result.update(run_test(articles, args.model))
        if args.model is None:
            result["techniques_stage"] = run_stage(articles)
        head = result
    out = args.out or RESULTS / f"technique_spans_{args.split}{'_' + '_'.join(args.set).replace('=', '-') if args.set else ''}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    si, aware = head["si"], head["technique_aware"]
    print(f"{args.split}: {len(articles)} articles, SI P={si['precision']:.3f} R={si['recall']:.3f} F1={si['f1']:.3f} "
          f"({si['predicted']} predicted / {si['gold']} gold merged); technique-aware F1={aware['f1']:.3f}")
    if args.split == "dev":
        for key in ("crf_spans_only", "sentence_spans_only"):
            print(f"  {key}: SI F1={result[key]['si']['f1']:.3f}")
        print(f"  best in table: {result['best_in_table']}")
        print(f"  cross-fitted: {result['cross_fitted']}")
    else:
        if "techniques_stage" in result:
            stage = result["techniques_stage"]["si"]
            print(f"  techniques stage output: SI P={stage['precision']:.3f} R={stage['recall']:.3f} F1={stage['f1']:.3f}")
        print(f"  speed: {result['ms_per_800_words']} ms per 800 words (given the parse); "
              f"{result['ms_per_800_words_parsing_itself']} ms when the model parses by itself")
    print(f"  anchor: {ANCHOR}; written {out}")


if __name__ == "__main__":
    main()
