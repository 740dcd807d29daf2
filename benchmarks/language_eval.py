"""Language identification accuracy of the language stage, on whole texts and on short cuts of them.

Data: ``shared/data/story-similarity/training_set.csv`` (SemEval-2022 Task 8 pairs; each text is a
news article cut to ~1,000 characters, with its language code).  Every text whose language is in
the default language set is identified three times: whole, cut to its first 100 characters, and
to its first 40 (a headline-sized text, where lingua's full models matter).

    .venv/bin/python benchmarks/language_eval.py
"""

from __future__ import annotations

import collections
import csv
import json
import sys
import time

from evaldata import RESULTS, ROOT

from newsprism.language import identify_language
from newsprism.model import Document
from newsprism.options import Options

DATA = ROOT.parent / "shared" / "data" / "story-similarity" / "training_set.csv"
CUTS = (None, 100, 40)


def texts() -> list[tuple[str, str]]:
    """(language code, text) for every distinct text of the pairs file."""
    csv.field_size_limit(sys.maxsize)
    seen: dict[str, str] = {}
    with DATA.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            for language, text in ((row["lang1"], row["text1"]), (row["lang2"], row["text2"])):
                if text.strip():
                    seen.setdefault(text, language)
    return [(language, text) for text, language in seen.items()]


def main() -> int:
    options = Options()
    items = [(language, text) for language, text in texts() if language in options.languages]
    results = {}
    for cut in CUTS:
        correct, confusions, started = 0, collections.Counter(), time.perf_counter()
        for language, text in items:
            document = identify_language(Document(id="bench", source="bench", body=text[:cut]), options)
            correct += document.language == language
            if document.language != language:
                confusions[f"{language}->{document.language}"] += 1
        name = "whole" if cut is None else f"first {cut} chars"
        results[name] = {
            "texts": len(items),
            "accuracy": round(correct / len(items), 4),
            "ms_per_text": round((time.perf_counter() - started) / len(items) * 1000, 2),
            "top_confusions": dict(confusions.most_common(5)),
        }
        print(f"{name:16} texts={len(items)} accuracy={results[name]['accuracy']:.4f} "
              f"{results[name]['ms_per_text']} ms/text  confusions: {dict(confusions.most_common(5))}")
    languages = collections.Counter(language for language, _ in items)
    print("languages:", dict(languages.most_common()))
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "language_eval.json").write_text(json.dumps({"languages": languages, **results}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
