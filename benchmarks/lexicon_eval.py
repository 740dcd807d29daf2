"""How far the technique lexicons go on their own (issue 5, part 2), on data never used to build them.

Splits: the *test* side of ``newsprism.techniques.data.split_of`` (sha1 of the article id starting
with c-f).  Candidates were mined and weights set on the dev side only (0-b); this script is run
once for the report, not for tuning.

* **English, PTC test articles** (span level).  A "LL/NC match" is a lexicon match whose entry
  signals Loaded_Language or Name_Calling-Labeling.  Precision = share of LL/NC matches that
  overlap (any character) a gold Loaded_Language or Name_Calling,Labeling span; coverage = share
  of those gold spans overlapped by an LL/NC match.  The same for Doubt.
* **SemEval-2023 test paragraphs** (fr, ru, de, it, pl; en for comparison): for T in
  Loaded_Language, Name_Calling-Labeling, Doubt, precision and recall of "the paragraph has a
  match whose entry signals T" against the paragraph's label T, with the base rate of T.
* **Spanish** has no gold data: ``benchmarks/data/lexicons/es-check.jsonl`` holds 100 sentences
  written for this check by the lexicon's author (50 neutral wire-style, 50 loaded, with the
  techniques the author sees in them).  Self-made and small: an indication, not a benchmark.
* **Speed**: mean time of :func:`lexicon_matches` per 800 words (lexicon already compiled).

Every figure is given for all matches and for matches of weight >= 0.3 (``--min-weight`` adds
other thresholds).

    .venv/bin/python benchmarks/lexicon_eval.py [--json OUT.json] [--split dev]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsprism.techniques.data import load_ptc_articles, load_semeval_paragraphs, split_of  # noqa: E402
from newsprism.techniques.lexicon import load_lexicon, lexicon_matches  # noqa: E402

DATA = Path(os.environ.get("NEWSPRISM_SHARED_DATA", ROOT.parent / "shared" / "data"))
ES_CHECK = ROOT / "benchmarks" / "data" / "lexicons" / "es-check.jsonl"
TARGETS = ("Loaded_Language", "Name_Calling-Labeling", "Doubt")
LL_NC = {"Loaded_Language", "Name_Calling-Labeling"}
SEMEVAL = ("fr", "ru", "de", "it", "pl", "en")
SPLIT = "test"  # --split dev checks the script itself on the side the lexicons were built on


def ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def prf(tp: int, predicted: int, gold: int) -> dict:
    p, r = ratio(tp, predicted), ratio(tp, gold)
    f = round(2 * p * r / (p + r), 3) if p and r else 0.0
    return {"precision": p, "recall": r, "f1": f, "predicted": predicted, "gold": gold}


def ptc_spans(min_weight: float) -> dict:
    articles = [a for a in load_ptc_articles(DATA) if split_of(a.id) == SPLIT]
    out = {}
    for name, wanted, gold_names in (("LL+NC", LL_NC, {"Loaded_Language", "Name_Calling-Labeling"}),
                                     ("Doubt", {"Doubt"}, {"Doubt"})):
        matched = hits = gold_total = covered = 0
        for article in articles:
            gold = [(s, e) for s, e, t in article.spans if t in gold_names]
            found = [m for m in lexicon_matches(article.text, "en")
                     if m.weight >= min_weight and wanted & set(m.techniques)]
            matched += len(found)
            hits += sum(any(s < m.end and m.start < e for s, e in gold) for m in found)
            gold_total += len(gold)
            covered += sum(any(s < m.end and m.start < e for m in found) for s, e in gold)
        out[name] = {"match_precision": ratio(hits, matched), "matches": matched,
                     "gold_spans_covered": ratio(covered, gold_total), "gold_spans": gold_total}
    out["articles"] = len(articles)
    return out


def semeval_paragraphs(language: str, min_weight: float) -> dict:
    paragraphs = [p for p in load_semeval_paragraphs(DATA, language) if split_of(p.article_id) == SPLIT]
    signalled = []
    for paragraph in paragraphs:
        techniques: set[str] = set()
        for match in lexicon_matches(paragraph.text, language):
            if match.weight >= min_weight:
                techniques.update(match.techniques)
        signalled.append(techniques)
    out = {"paragraphs": len(paragraphs)}
    for technique in TARGETS:
        gold = [technique in p.labels for p in paragraphs]
        predicted = [technique in s for s in signalled]
        tp = sum(g and p for g, p in zip(gold, predicted))
        out[technique] = prf(tp, sum(predicted), sum(gold)) | {"base_rate": ratio(sum(gold), len(gold))}
    return out


def spanish_check(min_weight: float) -> dict:
    rows = [json.loads(line) for line in ES_CHECK.read_text(encoding="utf-8").splitlines() if line.strip()]
    found = [[m for m in lexicon_matches(r["text"], "es") if m.weight >= min_weight] for r in rows]
    loaded = [r["label"] == "loaded" for r in rows]
    flagged = [bool(f) for f in found]
    tp = sum(a and b for a, b in zip(loaded, flagged))
    out = {"sentences": len(rows), "loaded_vs_any_match": prf(tp, sum(flagged), sum(loaded)),
           "neutral_sentences_flagged": sum(f and not l for f, l in zip(flagged, loaded))}
    for technique in TARGETS:
        gold = [technique in r["techniques"] for r in rows]
        predicted = [any(technique in m.techniques for m in f) for f in found]
        tp = sum(g and p for g, p in zip(gold, predicted))
        out[technique] = prf(tp, sum(predicted), sum(gold))
    return out


def speed() -> dict:
    """Milliseconds per 800 words, on PTC test articles (en) and SemEval test paragraphs (others)."""
    out = {}
    texts = {"en": [a.text for a in load_ptc_articles(DATA) if split_of(a.id) == SPLIT]}
    for language in ("fr", "ru", "de", "it", "pl"):
        paragraphs = [p.text for p in load_semeval_paragraphs(DATA, language) if split_of(p.article_id) == SPLIT]
        texts[language] = ["\n\n".join(paragraphs[i:i + 20]) for i in range(0, len(paragraphs), 20)]
    rows = [json.loads(line) for line in ES_CHECK.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts["es"] = [" ".join(r["text"] for r in rows)]
    for language, docs in texts.items():
        load_lexicon(language)
        words = sum(len(d.split()) for d in docs)
        repeats = max(1, 20000 // max(words, 1))
        start = time.perf_counter()
        for _ in range(repeats):
            for doc in docs:
                lexicon_matches(doc, language)
        seconds = (time.perf_counter() - start) / repeats
        out[language] = round(1000 * seconds * 800 / words, 2)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--min-weight", type=float, action="append")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--split", choices=("dev", "test"), default="test")
    args = parser.parse_args()
    global SPLIT
    SPLIT = args.split
    if not DATA.is_dir():
        raise SystemExit(f"shared data not found at {DATA} (set NEWSPRISM_SHARED_DATA)")
    thresholds = sorted({0.0, 0.3, *(args.min_weight or [])})
    report: dict = {"split": f"{SPLIT} (sha1 of article id starts with {'c-f' if SPLIT == 'test' else '0-b'})",
                    "by_min_weight": {}}
    for threshold in thresholds:
        report["by_min_weight"][str(threshold)] = {
            "ptc_en_spans": ptc_spans(threshold),
            "semeval_paragraphs": {lang: semeval_paragraphs(lang, threshold) for lang in SEMEVAL},
            "es_check_self_made": spanish_check(threshold),
        }
    report["ms_per_800_words"] = speed()

    for threshold, block in report["by_min_weight"].items():
        print(f"\n=== matches with weight >= {threshold}")
        ptc = block["ptc_en_spans"]
        for name in ("LL+NC", "Doubt"):
            r = ptc[name]
            print(f"PTC en {SPLIT} ({ptc['articles']} articles) {name:6}: match precision {r['match_precision']} "
                  f"({r['matches']} matches), gold spans covered {r['gold_spans_covered']} of {r['gold_spans']}")
        print(f"SemEval {SPLIT} paragraphs: P / R / F1 (base rate)")
        for language, r in block["semeval_paragraphs"].items():
            cells = "  ".join(f"{t[:13]:13} {r[t]['precision']}/{r[t]['recall']}/{r[t]['f1']} ({r[t]['base_rate']})"
                              for t in TARGETS)
            print(f"  {language} ({r['paragraphs']:4} paragraphs): {cells}")
        es = block["es_check_self_made"]
        any_match = es["loaded_vs_any_match"]
        print(f"es-check (self-made, {es['sentences']} sentences): loaded vs any match P {any_match['precision']} "
              f"R {any_match['recall']}; neutral sentences flagged {es['neutral_sentences_flagged']}; "
              + "  ".join(f"{t[:13]} {es[t]['precision']}/{es[t]['recall']}" for t in TARGETS))
    print(f"\nms per 800 words: {report['ms_per_800_words']}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
