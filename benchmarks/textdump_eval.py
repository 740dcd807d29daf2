"""Measure the text-dump segmenter on trafilatura's extraction benchmark.

Each HTML page of ``/work/shared/data/extraction`` is rendered to a markdown-ish text
dump with html2text (links kept as ``[text](url)``, nothing dropped), run through
:func:`newsprism.extract.textdump.extract_text`, and scored like trafilatura's own
evaluation: a ``with`` snippet found in the body is a true positive, a missing one a
false negative, a ``without`` snippet found in the body a false positive (summed over
pages, whitespace folded).  Comment leak is the share of ``comments`` snippets that end up
in the body.  Split and gate: see ``benchmarks/evaldata.py`` (look only at dev while developing).

    .venv/bin/python benchmarks/textdump_eval.py --split dev [--show-errors]
    .venv/bin/python benchmarks/textdump_eval.py --check        # every split, against benchmarks/gate.json
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import html2text
from evaldata import (
    DATA, RESULTS, add_gate_arguments, by_split, finish_gate, load_evaldata, score_snippets, split_of, squash, watched,
)

from newsprism.extract.textdump import extract_text
from newsprism.model import Document
from newsprism.options import Options

CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "newsprism" / "textdump-eval"


def render(path: Path) -> str:
    """The text dump of one page, as a researcher's html2text copy would look."""
    html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
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
    gold = load_evaldata()
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
    body = squash(document.body)
    return {
        "url": url,
        "seconds": elapsed,
        "counts": score_snippets(entry, document.body, squash_space=True),
        "missed": [s for s in entry.get("with", []) if squash(s) not in body],
        "kept": [s for s in entry.get("without", []) if squash(s) in body],
        "leaked": [s for s in entry.get("comments", []) if squash(s) in body],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test", "all"), default="dev",
                        help="pages to show errors for (figures are printed for every split)")
    parser.add_argument("--show-errors", action="store_true", help="print missed / kept snippets per page")
    parser.add_argument("--url", help="only pages whose URL contains this")
    add_gate_arguments(parser)
    args = parser.parse_args()
    pages = load_pages()
    if args.url:
        pages = [p for p in pages if args.url in p[0]]
    if args.check or args.write_gate:
        args.split = "all"  # the gate watches every split
    pages = [p for p in pages if args.split == "all" or split_of(p[0]) == args.split]
    results = [score_page(page) for page in pages]
    if args.show_errors:
        for r in results:
            if r["missed"] or r["kept"] or r["leaked"]:
                print(f"\n== {r['url']}")
                for label in ("missed", "kept", "leaked"):
                    for snippet in r[label]:
                        print(f"   {label.upper():7} {snippet[:110]!r}")
    result = {split: f for split, f in by_split([(r["url"], r["counts"]) for r in results]).items() if f["pages"]}
    for split, f in result.items():
        print(f"split={split} pages={f['pages']} precision={f['precision']:.3f} recall={f['recall']:.3f} "
              f"f1={f['f1']:.3f} accuracy={f['accuracy']:.3f} comment leak={f['comment_leak']:.3f}")
    if results:
        slowest = max(results, key=lambda r: r["seconds"])
        print(f"time: total {sum(r['seconds'] for r in results):.2f}s, slowest {slowest['seconds']:.3f}s")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"textdump_eval_{args.split}.json").write_text(json.dumps(result, indent=1))
    return finish_gate(
        watched("textdump", result), check=args.check, write=args.write_gate, allow_regression=args.allow_regression,
    )


if __name__ == "__main__":
    sys.exit(main())
