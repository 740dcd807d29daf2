"""Measure the text-dump segmenter on trafilatura's extraction benchmark.

Each HTML page of ``/work/shared/data/extraction`` is rendered to a markdown-ish text
dump with html2text (links kept as ``[text](url)``, nothing dropped), run through
:func:`newsprism.extract.textdump.extract_text`, and scored like trafilatura's own
evaluation: a ``with`` snippet found in the body is a true positive, a missing one a
false negative, a ``without`` snippet found in the body a false positive (summed over
pages).  Comment leak is the share of ``comments`` snippets that end up in the body.

The split is fixed by the URL: sha1(url) starting with 0-7 is ``dev`` (look only at
these while developing), 8-f is ``test``.

    .venv/bin/python benchmarks/textdump_eval.py --split dev [--show-errors]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import re
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import html2text

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from newsprism.extract.textdump import extract_text  # noqa: E402
from newsprism.model import Document  # noqa: E402
from newsprism.options import Options  # noqa: E402

DATA = Path(os.environ.get("NEWSPRISM_EXTRACTION_DATA", "/work/shared/data/extraction"))
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "newsprism" / "textdump-eval"
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def split_of(url: str) -> str:
    return "dev" if hashlib.sha1(url.encode("utf-8")).hexdigest()[0] in "01234567" else "test"


def render(path: Path) -> str:
    """The text dump of one page, as a researcher's html2text copy would look."""
    raw = gzip.decompress(path.read_bytes())
    html = raw.decode("utf-8", errors="replace")
    converter = html2text.HTML2Text()
    converter.body_width = 0  # one paragraph per line: no hard wrapping
    converter.ignore_links = False
    converter.ignore_images = True
    converter.unicode_snob = True
    return converter.handle(html).replace("\r\n", "\n").replace("\r", "\n")


def _render_cached(path: Path) -> tuple[str, str]:
    target = CACHE / (path.name.removesuffix(".html.gz") + ".txt")
    if not target.exists():
        target.write_text(render(path), encoding="utf-8")
    return path.name, target.read_text(encoding="utf-8")


def load_pages() -> list[tuple[str, dict, str]]:
    """(url, gold entry, text dump) for every page (``html/<file>.gz`` holds the page of ``file``)."""
    gold = json.loads((DATA / "evaldata-dev.json").read_text(encoding="utf-8"))
    CACHE.mkdir(parents=True, exist_ok=True)
    files = sorted((DATA / "html").glob("*.html.gz"))
    with ProcessPoolExecutor() as pool:
        texts = dict(pool.map(_render_cached, files, chunksize=8))
    return [(url, entry, texts[entry["file"] + ".gz"]) for url, entry in gold.items()]


def score_page(item: tuple[str, dict, str]) -> dict:
    url, entry, text = item
    document = Document(id="bench", source=url, raw_text=text)
    started = time.perf_counter()
    document = extract_text(document, Options())
    elapsed = time.perf_counter() - started
    body = normalise(document.body)
    result = {"url": url, "seconds": elapsed, "tp": 0, "fn": 0, "fp": 0, "tn": 0,
              "leak": 0, "comments": 0, "missed": [], "kept": [], "leaked": []}
    for snippet in entry.get("with", []):
        if normalise(snippet) in body:
            result["tp"] += 1
        else:
            result["fn"] += 1
            result["missed"].append(snippet)
    for snippet in entry.get("without", []):
        if normalise(snippet) in body:
            result["fp"] += 1
            result["kept"].append(snippet)
        else:
            result["tn"] += 1
    for snippet in entry.get("comments", []):
        result["comments"] += 1
        if normalise(snippet) in body:
            result["leak"] += 1
            result["leaked"].append(snippet)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    parser.add_argument("--show-errors", action="store_true", help="print missed / kept snippets per page")
    parser.add_argument("--url", help="only pages whose URL contains this")
    args = parser.parse_args()
    pages = [p for p in load_pages() if args.split == "all" or split_of(p[0]) == args.split]
    if args.url:
        pages = [p for p in pages if args.url in p[0]]
    results = [score_page(page) for page in pages]
    tp, fp, fn, tn = (sum(r[k] for r in results) for k in ("tp", "fp", "fn", "tn"))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = (tp + tn) / (tp + tn + fp + fn) if results else 0.0
    comments = sum(r["comments"] for r in results)
    leak = sum(r["leak"] for r in results)
    if args.show_errors:
        for r in results:
            if r["missed"] or r["kept"] or r["leaked"]:
                print(f"\n== {r['url']}")
                for s in r["missed"]:
                    print(f"   MISSED  {s[:110]!r}")
                for s in r["kept"]:
                    print(f"   KEPT    {s[:110]!r}")
                for s in r["leaked"]:
                    print(f"   LEAKED  {s[:110]!r}")
    print(f"split={args.split} pages={len(results)} snippets: tp={tp} fp={fp} fn={fn} tn={tn}")
    print(f"precision={precision:.3f} recall={recall:.3f} f1={f1:.3f} accuracy={accuracy:.3f}")
    print(f"comment leak={leak}/{comments} = {leak / comments if comments else 0.0:.3f}")
    slowest = max(results, key=lambda r: r["seconds"]) if results else None
    if slowest:
        print(f"time: total {sum(r['seconds'] for r in results):.2f}s, slowest {slowest['seconds']:.3f}s")


if __name__ == "__main__":
    main()
