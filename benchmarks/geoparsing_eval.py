"""Toponym resolution on LGL and TR-News: the places resolver given the gold toponyms.

Data: ``shared/data/geoparsing/lgl.xml`` (Lieberman et al. 2010, local US news) and
``TR-News.xml`` (Kamalloo & Rafiei 2018, international news), each article with its gold
toponyms (character spans, GeoNames id, lat/lon).  The resolver sees every gold span of an
article at once, with the article text as context, as the ``places`` stage sees the location
entities of a document: this measures resolution, not recognition.  Toponyms without gold
coordinates are left out.

Metrics (as in Gritta et al. 2018, "What's missing in geographical parsing?"): accuracy within
161 km (100 miles), mean and median error in km, and AUC of the log error curve (0 is perfect, 1
is everything at the antipode); an unresolved toponym counts as an error of 20,039 km (half the
Earth's circumference) in all of these; the mean over resolved toponyms only is given beside.

Split: an article is ``dev`` when sha1("<dataset>:<docid>") starts with 0-7, else ``test``.  The
resolver's weights and the gazetteer supplement were developed looking at dev only.

    .venv/bin/python benchmarks/geoparsing_eval.py             # dev, test, all -> results/geoparsing.json
    .venv/bin/python benchmarks/geoparsing_eval.py --dev --errors 40   # development: dev only, top misses
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter

from evaldata import RESULTS, ROOT, split_of

from newsprism.places.gazetteer import gazetteer, haversine
from newsprism.places.resolve import resolve_spans

DATA = ROOT.parent / "shared" / "data" / "geoparsing"
DATASETS = {"lgl": "lgl.xml", "trnews": "TR-News.xml"}
MAX_ERROR_KM = 20_039.0
ACCURACY_KM = 161.0


def articles(path) -> list[dict]:
    """Articles with their text and gold toponyms (start, end, phrase, lat, lon, fcode)."""
    items = []
    for article in ET.parse(path).getroot().iter("article"):
        text = article.findtext("text") or ""
        gold = []
        for toponym in article.iter("toponym"):
            tag = toponym.find("gaztag")
            if tag is None or tag.findtext("lat") is None:
                continue
            start, end = int(toponym.findtext("start")), int(toponym.findtext("end"))
            phrase = toponym.findtext("phrase") or ""
            if text[start:end] != phrase:  # a few spans are off by some characters: find the phrase nearby
                found = text.find(phrase, max(0, start - 20))
                if found < 0 or abs(found - start) > 40:
                    continue
                start, end = found, found + len(phrase)
            gold.append({"start": start, "end": end, "phrase": phrase, "lat": float(tag.findtext("lat")),
                         "lon": float(tag.findtext("lon")), "fcode": tag.findtext("fcode") or ""})
        items.append({"id": article.get("docid"), "text": text, "gold": gold})
    return items


def scores(errors: list[float]) -> dict:
    if not errors:
        return {}
    logs = sorted(math.log(1 + e) for e in errors)
    resolved = [e for e in errors if e < MAX_ERROR_KM]
    auc = sum((a + b) / 2 for a, b in zip(logs, logs[1:])) / (math.log(MAX_ERROR_KM) * max(1, len(logs) - 1))
    return {
        "toponyms": len(errors),
        "accuracy_161km": round(sum(e <= ACCURACY_KM for e in errors) / len(errors), 4),
        "mean_error_km": round(statistics.fmean(errors), 1),
        "median_error_km": round(statistics.median(errors), 1),
        "mean_error_resolved_km": round(statistics.fmean(resolved), 1) if resolved else None,
        "auc": round(auc, 4),
    }


def evaluate(name: str, items: list[dict], splits: tuple[str, ...]) -> tuple[dict, list]:
    errors = {"dev": [], "test": []}
    unresolved = Counter()
    worst = []
    for item in items:
        split = split_of(f"{name}:{item['id']}")
        if split not in splits:
            continue
        places = resolve_spans(item["text"], [(g["start"], g["end"]) for g in item["gold"]])
        for gold, place in zip(item["gold"], places):
            if place.resolved:
                error = haversine(gold["lat"], gold["lon"], place.lat, place.lon)
            else:
                error = MAX_ERROR_KM
                unresolved[split] += 1
            errors[split].append(error)
            if split == "dev" and error > ACCURACY_KM:
                worst.append((error, gold["phrase"], gold["fcode"], place.name, place.country, place.reason, item["id"]))
    result = {split: {**scores(errors[split]), "unresolved": unresolved[split]} for split in splits}
    if len(splits) > 1:
        result["all"] = {**scores(errors["dev"] + errors["test"]), "unresolved": sum(unresolved.values())}
    return result, sorted(worst, reverse=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=int, default=0, help="print the N most frequent dev misses per dataset")
    parser.add_argument("--dev", action="store_true", help="dev split only (for development; writes no results)")
    args = parser.parse_args()
    splits = ("dev",) if args.dev else ("dev", "test")
    started = time.perf_counter()
    gaz = gazetteer()
    results = {"index": gaz.meta, "load_seconds": round(time.perf_counter() - started, 3)}
    for name, file in DATASETS.items():
        items = articles(DATA / file)
        started = time.perf_counter()
        result, worst = evaluate(name, items, splits)
        result["seconds"] = round(time.perf_counter() - started, 2)
        results[name] = result
        for split in (*splits, "all") if len(splits) > 1 else splits:
            r = result[split]
            print(f"{name:7} {split:5} toponyms={r['toponyms']:5} acc@161km={r['accuracy_161km']:.3f} "
                  f"mean={r['mean_error_km']:7.1f} km (resolved only {r['mean_error_resolved_km']:6.1f}) "
                  f"median={r['median_error_km']:5.1f} km AUC={r['auc']:.3f} "
                  f"unresolved={r['unresolved']}")
        if args.errors:
            misses = Counter((w[1], w[3], w[4]) for w in worst)
            for (phrase, chosen, country), count in misses.most_common(args.errors):
                example = next(w for w in worst if (w[1], w[3], w[4]) == (phrase, chosen, country))
                print(f"   {count:3}x {phrase!r} [{example[2]}] -> {chosen} ({country}) "
                      f"{example[0]:.0f} km; {example[5]}")
    if args.dev:
        return 0
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "geoparsing.json").write_text(json.dumps(results, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
