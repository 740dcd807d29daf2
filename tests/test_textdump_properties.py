"""Invariants of the text-dump extractor on generated dumps and on the real samples.

Text conservation: segments are sorted, non-overlapping, within bounds, never empty or
whitespace-only, and every non-whitespace character of ``raw_text`` lies in exactly one
segment.  Traceability: each body paragraph is the cleaned text of its source span,
``body[p.start:p.end] == clean_markup(raw_text[p.source_start:p.source_end])``, and the
paragraphs tile the body with one blank line between them.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsprism.extract.textdump import clean_markup, extract_text
from newsprism.extract.textdump.blocks import split_blocks
from newsprism.extract.textdump.classifier import FEATURES, refine, shipped
from newsprism.extract.textdump.features import PhraseSet, _phrases, matchers
from newsprism.extract.textdump.segmenter import segment
from newsprism.model import Document, Label
from newsprism.options import Options

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "newsprism" / "data" / "samples"

WORDS = ["the", "council", "said", "Paris", "über", "économie", "Москва", "war", "and", "in", "of", "Syria",
         "é", "日本", "mañana", "Straße", "🙂", "a", "is", "to", "Reply", "Comments", "Share", "PayPal", "©"]
SPACE = st.sampled_from([" ", "  ", "\xa0", "\t", "\u2003", " \xa0 "])


@st.composite
def sentence(draw) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=30))
    return " ".join(words).capitalize() + draw(st.sampled_from([".", "!", "?", ":", "", "…", "."]))


@st.composite
def line(draw) -> str:
    kind = draw(st.sampled_from(["title", "prose", "link", "bullet", "comment", "unicode", "markup", "blank", "junk"]))
    if kind == "title":
        return " ".join(w.title() for w in draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=10)))
    if kind == "prose":
        return " ".join(draw(st.lists(sentence(), min_size=1, max_size=6)))
    if kind == "link":
        return f"[{draw(sentence())}](http://example.org/{draw(st.integers(0, 99))})"
    if kind == "bullet":
        marker = draw(st.sampled_from(["*", "-", "•", "◦", "1.", "12)", "+"]))
        return draw(SPACE) * draw(st.integers(0, 3)) + marker + " " + draw(sentence())
    if kind == "comment":
        indent = " " * draw(st.integers(0, 12))
        return indent + "• " + draw(sentence()) + "\n\n" + indent + "  " + draw(sentence())
    if kind == "unicode":
        return draw(st.text(min_size=1, max_size=40).filter(lambda s: "\r" not in s))
    if kind == "markup":
        return draw(st.sampled_from(["**", "*", "__", "#", "> ", "![x](y)", "<http://a.b>", "\\*"])) + draw(sentence())
    if kind == "junk":
        return draw(st.sampled_from(["*", "* * *", "---", "0 $", "2,500 $", "|", "\xa0", "\u200b", "\x0c", "\x1c"]))
    return draw(SPACE) * draw(st.integers(0, 2))


@st.composite
def dump(draw) -> str:
    lines = draw(st.lists(line(), max_size=40))
    separators = draw(st.lists(st.sampled_from(["\n", "\n\n", "\n\n\n", "\n \n", "\n\xa0\n"]), min_size=len(lines),
                               max_size=len(lines)))
    return "".join(part + sep for part, sep in zip(lines, separators))


def check_invariants(document: Document) -> None:
    raw = document.raw_text
    covered = [0] * len(raw)
    previous_end = 0
    for segment in document.segments:
        assert 0 <= segment.start < segment.end <= len(raw)
        assert segment.start >= previous_end  # sorted and non-overlapping
        previous_end = segment.end
        piece = raw[segment.start:segment.end]
        assert piece.strip() and not piece[0].isspace() and not piece[-1].isspace()
        for offset in range(segment.start, segment.end):
            covered[offset] += 1
    for offset, char in enumerate(raw):
        if not char.isspace():
            assert covered[offset] == 1, (offset, char)
    # traceability of the body
    position = 0
    for index, paragraph in enumerate(document.paragraphs):
        if index:
            assert document.body[position:paragraph.start] == "\n\n"
        text = document.body[paragraph.start:paragraph.end]
        assert text and text == clean_markup(raw[paragraph.source_start:paragraph.source_end])
        assert any(s.label is Label.BODY and (s.start, s.end) == (paragraph.source_start, paragraph.source_end)
                   for s in document.segments)
        position = paragraph.end
    assert position == len(document.body)
    ids = [c.id for c in document.comments]
    assert ids == [f"c{i}" for i in range(1, len(ids) + 1)]
    for comment in document.comments:
        parent = next((c for c in document.comments if c.id == comment.parent), None)
        assert (comment.parent is None and comment.depth == 0) or (parent and parent.depth == comment.depth - 1)


def run(text: str) -> Document:
    return extract_text(Document(id="t", source="generated", raw_text=text), Options())


@given(dump())
def test_conservation_on_generated_dumps(text):
    check_invariants(run(text))


@given(st.text(max_size=300).filter(lambda s: "\r" not in s))
def test_conservation_on_arbitrary_text(text):
    check_invariants(run(text))


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.name[:3])
def test_conservation_on_samples(path):
    check_invariants(run(path.read_text(encoding="utf-8")))


@given(dump())
def test_the_classifier_only_adds_body_before_the_comments(text):
    """refine never drops a rule-body block, never relabels titles or metadata, never reaches the comments."""
    m = matchers()
    blocks = split_blocks(text)
    layout = segment(blocks, m)
    decisions = refine(blocks, layout, m, shipped())
    for index, (rule, new) in enumerate(zip(layout.decisions, decisions)):
        if new != rule:
            assert rule.label is Label.BOILERPLATE and new.label is Label.BODY
            assert index < layout.limit and layout.classes[index][0] not in ("bad", "meta", "empty")


@given(st.lists(st.floats(-5, 5), min_size=len(FEATURES), max_size=len(FEATURES)))
def test_folded_weights_score_like_the_standardised_regression(row):
    model = shipped()
    z = model.intercept + sum(c * (x - mu) / s for c, x, mu, s in zip(model.coef, row, model.mean, model.scale))
    assert model.probability(row) == pytest.approx(0.5 * (1 + math.tanh(z / 2)), abs=1e-9)  # the logistic function


PHRASE_WORDS = ["news", "letter", "s'abonner", "abonnement", "l", "e-mail", "sign", "up", "don't", "don", "über"]


@given(
    st.lists(st.lists(st.sampled_from(PHRASE_WORDS), min_size=1, max_size=3).map(" ".join), min_size=1, max_size=6),
    st.lists(st.sampled_from(PHRASE_WORDS + ["l'abonnement", "xnews", "news_", "-", " ", "'", ","]), max_size=12),
)
def test_phrase_set_finds_what_a_word_bounded_regex_finds(phrases, parts):
    """PhraseSet replaces a regex alternation with look-arounds for speed; it must agree with it."""
    text = " ".join(parts).lower()
    regex = re.compile(_phrases(tuple(phrases)))
    assert (PhraseSet({p: p for p in phrases}).find(text) is not None) == bool(regex.search(text))
