"""The PTC span model (shipped weights) and the SemEval-2020 Task 11 span-identification scorer."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsprism.nlp.offsets import merge_ranges
from newsprism.techniques.data import TECHNIQUES, load_ptc_articles, split_of
from newsprism.techniques.spans import (
    MODEL_VERSION, SpanModel, line_sentences, si_score, split_sentences, technique_span_score,
)

DATA = Path(os.environ.get("NEWSPRISM_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))

PROPAGANDA = (
    "The so-called experts and their mainstream media cheerleaders want you to believe this disgraceful lie. "
    "These traitors are destroying our great nation, and only a fool would trust their pathetic excuses!"
)
WIRE = (
    "The ministry said on Tuesday that 14 people had been injured in the collision near the station. "
    "The company will publish its quarterly results on 3 March, a spokeswoman said."
)


@pytest.fixture(scope="module")
def model() -> SpanModel:
    return SpanModel.load()


def test_shipped_model_loads_once_with_known_techniques(model):
    assert SpanModel.load() is model
    assert model.version == MODEL_VERSION
    assert set(model.technique_model.classes) <= set(TECHNIQUES)
    assert model.meta["trained_on"]["split"].startswith("dev")


def test_spans_stay_inside_their_ranges_with_valid_fields(model):
    text = "Headline\n\n" + PROPAGANDA + "\n\n" + WIRE
    start = text.index("The so-called")
    ranges = [(start, start + len(PROPAGANDA))]
    spans = model.predict(text, ranges)
    assert spans, "no span found in an openly propagandistic paragraph"
    for span in spans:
        assert ranges[0][0] <= span.start < span.end <= ranges[0][1]
        assert span.technique in TECHNIQUES
        assert 0.0 <= span.confidence <= 1.0
        assert text[span.start:span.end].strip() == text[span.start:span.end]


def test_loaded_words_are_found_and_wire_text_is_not_confident(model):
    loaded = model.predict(PROPAGANDA, [(0, len(PROPAGANDA))])
    covered = {PROPAGANDA[s.start:s.end] for s in loaded}
    assert any("traitors" in c or "disgraceful" in c or "pathetic" in c for c in covered), covered
    wire = model.predict(WIRE, [(0, len(WIRE))])
    assert max((s.confidence for s in wire), default=0.0) < max(s.confidence for s in loaded)
    assert all(s.confidence < 0.3 for s in wire), [(WIRE[s.start:s.end], s.confidence) for s in wire]


def test_empty_and_degenerate_ranges(model):
    assert model.predict("", [(0, 0)]) == []
    assert model.predict("abc", [(5, 9), (2, 1)]) == []
    assert model.predict("!!! ??? ...", [(0, 11)]) is not None
    long_list = " ".join(["item"] * 2000)  # one 2,000-token "sentence" is tagged in pieces
    assert all(0 <= s.start < s.end <= len(long_list) for s in model.predict(long_list, [(0, len(long_list))]))


def test_sentence_splitter_keeps_abbreviations_together():
    first = "Gen. Smith met Mr. Jones in the U.S. capital."
    text = first + " Then they left! Why? " + "They talked about the weather for a long while. " * 8
    sentences = [text[s:e] for s, e in split_sentences(text, 0, len(text))]
    assert sentences[:3] == [first, "Then they left!", "Why?"]
    # a short range is taken as one sentence (callers pass the parser's sentences)
    assert split_sentences(text, 0, len(first) + 16) == [(0, len(first) + 16)]


# -- the scorer -----------------------------------------------------------------------------

def test_si_score_partial_overlap_by_hand():
    gold = {"a": [(0, 10)]}
    assert si_score({"a": [(0, 10)]}, gold)["f1"] == pytest.approx(1.0)
    half = si_score({"a": [(0, 5)]}, gold)  # P = 5/5, R = 5/10
    assert (half["precision"], half["recall"]) == pytest.approx((1.0, 0.5))
    wide = si_score({"a": [(0, 20)]}, gold)  # P = 10/20, R = 10/10
    assert (wide["precision"], wide["recall"]) == pytest.approx((0.5, 1.0))
    assert si_score({"a": [(20, 30)]}, gold)["f1"] == 0.0
    assert si_score({}, gold)["f1"] == 0.0


def test_technique_aware_score_needs_the_same_technique():
    gold = {"a": [(0, 10, "Doubt")]}
    assert technique_span_score({"a": [(0, 10, "Doubt")]}, gold)["f1"] == pytest.approx(1.0)
    assert technique_span_score({"a": [(0, 10, "Loaded_Language")]}, gold)["f1"] == 0.0


spans_strategy = st.lists(st.tuples(st.integers(0, 200), st.integers(1, 60)).map(lambda t: (t[0], t[0] + t[1])),
                          max_size=12)


@given(spans_strategy)
def test_merge_ranges_is_a_disjoint_cover(spans):
    merged = merge_ranges(spans)
    assert all(a[1] <= b[0] for a, b in zip(merged, merged[1:]))
    covered = {i for s, e in spans for i in range(s, e)}
    assert covered == {i for s, e in merged for i in range(s, e)}


@given(spans_strategy, spans_strategy)
def test_si_score_is_bounded_and_perfect_on_itself(pred, gold):
    score = si_score({"a": pred}, {"a": gold})
    assert 0.0 <= score["precision"] <= 1.0 + 1e-9 and 0.0 <= score["recall"] <= 1.0 + 1e-9
    if gold:
        assert si_score({"a": gold}, {"a": gold})["f1"] == pytest.approx(1.0)


# -- a few held-out PTC articles (the benchmark runs all of them) -----------------------------

@pytest.mark.skipif(not (DATA / "ptc").exists(), reason="shared/data/ptc not beside the repository")
def test_held_out_ptc_articles_score_well_above_chance(model):
    articles = sorted((a for a in load_ptc_articles(DATA) if split_of(a.id) == "test"), key=lambda a: a.id)[:8]
    assert articles
    predicted = {a.id: [(s.start, s.end) for s in model.predict(a.text, line_sentences(a.text))] for a in articles}
    gold = {a.id: [(s, e) for s, e, _ in a.spans] for a in articles}
    score = si_score(predicted, gold)
    # Whole-article spans would score P ~ gold share of text; the benchmark measures 0.411 on all 69.
    assert score["f1"] > 0.25, score
    everything = si_score({a.id: [(0, len(a.text))] for a in articles}, gold)
    assert score["f1"] > everything["f1"], (score, everything)


def test_a_given_parse_gives_the_same_spans_as_parsing_here(model):
    from newsprism.techniques.spans import TokenAnnotations, english_pipeline

    text = "Headline\n\n" + PROPAGANDA + "\n\n" + WIRE
    ranges = [(text.index("The so-called"), text.index("The so-called") + len(PROPAGANDA)),
              (text.index(WIRE), len(text))]
    own = model.predict(text, ranges)
    nlp = english_pipeline()
    # the stage passes (offset, Doc) pairs of its paragraph chunks, some without a parse
    pieces = [(start, nlp(text[start:end])) for start, end in ranges] + [(0, None)]
    assert model.predict(text, ranges, parsed=pieces) == own
    assert model.predict(text, ranges, parsed=nlp(text)) is not None
    # a partial parse: the uncovered sentence is parsed by the model
    assert model.predict(text, ranges, parsed=pieces[:1]) == own
    annotations = TokenAnnotations.of(pieces)
    so = text.index("so-called")
    assert annotations.at(so) is not None and annotations.at(so - 1) is None  # a space has no token
