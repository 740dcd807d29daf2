"""A trained block classifier that extends the rule-based body into its gaps and past its edges.

The rules find the body as the best-scoring run of blocks; they lose subheads, lead
lines, list items and short closing lines next to it (short lines cost the run more
than they bring).  A logistic regression over per-block features (length, stopword and
link density, punctuation, capitals, cue-word hits, list/heading markup, the rules'
class and decision, distance to the body) and the same features of the two blocks on
either side gives each block a probability of being body; the body takes in the
confident blocks in its gaps and grows from its edges while the blocks there are
confident (see :func:`refine`).

The weights ship as JSON (``newsprism/data/segmenter-model.json``, built by
``benchmarks/train_segmenter.py``, trained and cross-validated on the dev split of the
extraction benchmark) and are scored here in plain Python, so the runtime needs neither
numpy nor scikit-learn: one dot product per block.
"""

from __future__ import annotations

import json
import math
import operator
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

from ...model import BoilerplateKind, Label
from .blocks import Block
from .features import (
    Matchers,
    ends_sentence,
    ends_terminal,
    is_author_bio,
    stopword_density,
    title_like,
    weight,
)
from .segmenter import Decision, Layout

FORMAT = "newsprism-block-classifier/1"
CLASSES = ("good", "near", "short", "heading", "low", "bad", "empty", "meta")
# Kinds of the headers that end an article (see segmenter._SECTION_KINDS).
_SECTION = (BoilerplateKind.RELATED.value, BoilerplateKind.SUBSCRIPTION.value, BoilerplateKind.AUTHOR_BIO.value)
CONTEXT = (-2, -1, 1, 2)
# Cue-word hits ("Advertisement", "Related posts"), link lines and metadata lines never join the body,
# nor do blocks the rules gave a cue-based kind (an author bio, a donation appeal): only those
# they left out for want of prose (short lines, headline-like lines) are reconsidered.
_NEVER = ("bad", "meta", "empty")
_OPEN = (BoilerplateKind.OTHER.value, BoilerplateKind.NAVIGATION.value)
_PUNCTUATION = re.compile(r"[^\w\s]")
_DIGIT = re.compile(r"\d")
_BASE = (
    "log_length", "log_words", "stopwords", "link_density", "ends_sentence", "ends_terminal", "title_like",
    "heading", "list_item", "indented", "punctuation", "digits", "capitalised",
    *(f"class_{name}" for name in CLASSES),
    "cue_section", "cue_other", "metadata", "author_bio",
)
_NEIGHBOUR = ("log_length", "stopwords", "link_density", "prose", "short", "bad", "missing", "rule_body")
_OWN = (
    "rule_body", "rule_title", "rule_metadata", "in_gap", "in_body_range", "in_region",
    "before_body", "after_body", "position",
)
FEATURES = (
    *_BASE,
    *_OWN,
    *(f"ctx{offset:+d}_{name}" for offset in CONTEXT for name in _NEIGHBOUR),
)


def _base(block: Block, classified: tuple[str, str | None], m: Matchers) -> list[float]:
    text = block.clean
    cls, kind = classified
    length = max(len(text), 1)
    tokens = text.split()
    return [
        math.log1p(weight(text)) / 8,
        math.log1p(len(tokens)) / 6,
        stopword_density(text, m),
        block.link_density,
        float(ends_sentence(text)),
        float(ends_terminal(text)),
        float(title_like(text)),
        float(block.heading > 0),
        float(block.marker is not None),
        float(block.indent > 0),
        len(_PUNCTUATION.findall(text)) / length,
        len(_DIGIT.findall(text)) / length,
        sum(1 for token in tokens if token[:1].isupper()) / max(len(tokens), 1),
        *(float(cls == name) for name in CLASSES),
        float(cls == "bad" and kind in _SECTION),
        float(cls == "bad" and kind not in _SECTION),
        float(cls == "meta"),
        float(is_author_bio(text, m)),
    ]


def block_features(blocks: list[Block], layout: Layout, m: Matchers, indices) -> list[list[float]]:
    """The feature vector (in :data:`FEATURES` order) of each block in ``indices``."""
    cache: dict[int, list[float]] = {}

    def base(index: int) -> list[float]:
        if index not in cache:
            cache[index] = _base(blocks[index], layout.classes[index], m)
        return cache[index]

    start, end = layout.body
    region = layout.region or (start, start)
    count = len(blocks)
    rows = []
    for index in indices:
        label = layout.decisions[index].label
        row = base(index) + [
            float(label is Label.BODY),
            float(label is Label.TITLE),
            float(label is Label.METADATA),
            float(index in layout.gaps),
            float(start <= index < end),
            float(region[0] <= index < region[1]),
            math.log1p(max(start - index, 0)) / 4,
            math.log1p(max(index - end + 1, 0)) / 4,
            index / max(count - 1, 1),
        ]
        for offset in CONTEXT:
            j = index + offset
            if not 0 <= j < count:
                row += [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0]
                continue
            other = base(j)
            cls = layout.classes[j][0]
            row += [
                other[0],
                other[2],
                other[3],
                float(cls in ("good", "near")),
                float(cls in ("short", "heading")),
                float(cls in ("bad", "meta")),
                0.0,
                float(layout.decisions[j].label is Label.BODY),
            ]
        rows.append(row)
    return rows


@dataclass(frozen=True)
class BlockClassifier:
    """Standardised logistic regression plus the rules for applying it (see :func:`refine`)."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    reach: int  # rejected blocks the body may jump over when it grows past its rule edges
    add: float  # probability above which a block outside the body joins it

    @classmethod
    def from_json(cls, data: dict) -> BlockClassifier:
        if data.get("format") != FORMAT or tuple(data.get("features", ())) != FEATURES:
            raise ValueError("segmenter model does not match this version's features: retrain it")
        return cls(
            mean=tuple(data["mean"]),
            scale=tuple(data["scale"]),
            coef=tuple(data["coef"]),
            intercept=float(data["intercept"]),
            reach=int(data["reach"]),
            add=float(data["add"]),
        )

    def probability(self, row: list[float]) -> float:
        """P(body) of one feature row (in :data:`FEATURES` order)."""
        weights, bias = self._folded
        z = bias + sum(map(operator.mul, weights, row))
        return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))

    @cached_property
    def _folded(self) -> tuple[tuple[float, ...], float]:
        """Weights and bias with the standardisation folded in: one dot product per block."""
        weights = tuple(c / s for c, s in zip(self.coef, self.scale))
        return weights, self.intercept - sum(w * mu for w, mu in zip(weights, self.mean))


@lru_cache(maxsize=1)
def shipped() -> BlockClassifier:
    """The classifier trained on the benchmark's dev pages (``data/segmenter-model.json``)."""
    text = resources.files("newsprism").joinpath("data/segmenter-model.json").read_text(encoding="utf-8")
    return BlockClassifier.from_json(json.loads(text))


def refine(blocks: list[Block], layout: Layout, m: Matchers, model: BlockClassifier) -> list[Decision]:
    """The layout's decisions with blocks the classifier is confident about added to the body.

    Inside the rule body, skipped blocks (the gaps) may rejoin it.  Outside it the body
    grows from its edges, a block at a time, jumping over at most ``model.reach``
    rejected blocks: a confident block far from the article (a "Forgot your password?"
    line, a widget label) stays out.  Titles and metadata lines keep their rule label
    (the metadata stage reads them) and stop the growth, and so does the comment section
    (comments are prose and would read as body).  Cue-word, link and metadata lines,
    and author bios, never join.  Nothing leaves the body: in cross-validation, letting the classifier
    drop rule-body blocks only removed subheads and changed no score.
    """
    decisions = list(layout.decisions)
    start, end = layout.body
    if end <= start:
        return decisions
    indices = [
        i
        for i in range(layout.limit)
        if decisions[i].label is Label.BOILERPLATE
        and decisions[i].kind in _OPEN
        and layout.classes[i][0] not in _NEVER
    ]
    probability = dict(zip(indices, map(model.probability, block_features(blocks, layout, m, indices))))

    def joins(index: int) -> bool:
        return probability.get(index, 0.0) > model.add

    for index in range(start, end):
        if joins(index):
            decisions[index] = Decision(Label.BODY)
    for outward in (range(start - 1, -1, -1), range(end, layout.limit)):
        misses = 0
        for index in outward:
            if decisions[index].label in (Label.TITLE, Label.METADATA):
                break
            if layout.classes[index][0] == "empty":
                continue
            if joins(index):
                decisions[index], misses = Decision(Label.BODY), 0
            else:
                misses += 1
                if misses > model.reach:
                    break
    return decisions
