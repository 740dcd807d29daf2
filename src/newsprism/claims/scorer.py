"""Check-worthiness scores and the article's ranked claims.

The score is a logistic model over :data:`features.FEATURES` (weights in ``claims-model.json``,
trained by :func:`newsprism.claims.train.train` on the dev part of our hand-labelled sentences), so
it is a probability-like number in [0, 1].  Sentences that can never be claims (questions,
fragments, list or table rows, all-capital lines) are dropped before scoring; the rest are claims
when they reach ``threshold`` (chosen on dev, stored with the weights), best first, at most
:data:`MAX_CLAIMS` per article.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..model import Claim, Document
from ..nlp.parse import parse
from .features import FEATURES, DocumentIndex, sentence_info

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "claims" / "claims-model.json"
MAX_CLAIMS = 20
# Bodies mostly in capitals defeat the NER models and the sentence splitter: scores are halved.
CAPS_BODY_SHARE = 0.6
SHORT_BODY_WORDS = 25


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_PATH) -> dict:
    model = json.loads(Path(path).read_text(encoding="utf-8"))
    scorer = model["checkworthiness"]
    if tuple(scorer["features"]) != FEATURES:
        raise ValueError(f"{path}: trained on other features; run `newsprism train claims`")
    scorer["_weights"] = np.asarray(scorer["weights"], dtype=np.float32)
    return model


def probabilities(vectors: np.ndarray, scorer: dict) -> np.ndarray:
    if len(vectors) == 0:
        return np.zeros(0, dtype=np.float32)
    logits = vectors @ scorer["_weights"] + scorer["intercept"]
    return 1.0 / (1.0 + np.exp(-logits))


def find_claims(document: Document) -> list[Claim]:
    """The body's check-worthy sentences, best first."""
    body = document.body
    if not body.strip():
        return []
    scorer = load_model()["checkworthiness"]
    parsed = parse(document)
    index = DocumentIndex(document, parsed)
    seen: set[str] = set()
    infos = []
    excluded: dict[str, int] = {}
    for start, end in parsed.sentences:
        text = body[start:end]
        if text in seen:  # a repeated line (poll widgets, "Read more") counts once
            continue
        seen.add(text)
        info = sentence_info(index, start, end)
        if info.excluded:
            excluded[info.excluded] = excluded.get(info.excluded, 0) + 1
        else:
            infos.append(info)
    caps = _caps_share(body) > CAPS_BODY_SHARE
    _warn_bad_input(document, len(parsed.sentences), excluded, caps)
    if not infos:
        return []
    scores = probabilities(np.stack([info.vector for info in infos]), scorer)
    if caps:
        scores = scores * 0.5
    ranked = sorted(zip(scores.tolist(), infos), key=lambda pair: (-pair[0], pair[1].start))
    claims = []
    for score, info in ranked:
        if score < scorer["threshold"] or len(claims) >= MAX_CLAIMS:
            break
        claims.append(Claim(
            text=body[info.start : info.end], start=info.start, end=info.end, score=round(float(score), 4),
            kinds=info.kinds, entities=info.actors, dates=info.dates, places=info.places,
        ))
    return claims


def _caps_share(text: str) -> float:
    letters = sum(map(str.isalpha, text))
    return sum(map(str.isupper, text)) / letters if letters else 0.0


def _warn_bad_input(document: Document, sentences: int, excluded: dict[str, int], caps: bool) -> None:
    words = len(document.body.split())
    if words < SHORT_BODY_WORDS:
        document.warn(f"claims: body of {words} words is too short for reliable claim detection")
    if caps:
        document.warn("claims: body is mostly in capital letters; check-worthiness scores halved")
    rows = excluded.get("list or table row", 0)
    if sentences and rows / sentences > 0.5:
        document.warn(f"claims: {rows} of {sentences} sentences look like list items or table rows and were skipped")
