"""Stage registry and batch runner."""

from __future__ import annotations

import os

import pytest

from newsprism import pipeline
from newsprism.errors import ConfigError
from newsprism.model import Document, Failure, content_id
from newsprism.options import Options
from newsprism.pipeline import process_document, resolve_stages, run_batch, stage


def _doc(text: str, source: str = "mem") -> Document:
    return Document(id=content_id(text), source=source, raw_text=text)


@pytest.fixture
def scratch_stages():
    """Stages registered by a test are removed afterwards so they do not leak into other tests."""
    pipeline.load_stages()
    before = set(pipeline._REGISTRY)
    yield
    for name in set(pipeline._REGISTRY) - before:
        del pipeline._REGISTRY[name]


def test_builtin_stages_are_registered_in_pipeline_order():
    names = list(pipeline.load_stages())
    assert names[:3] == ["extract", "language", "metadata"]
    assert all(pipeline.load_stages()[n].description for n in names)


def test_subset_adds_prerequisites_in_pipeline_order():
    assert [s.name for s in resolve_stages(["metadata"])] == ["extract", "metadata"]
    assert [s.name for s in resolve_stages(["language", "extract"])] == ["extract", "language"]
    assert [s.name for s in resolve_stages(None)][:3] == ["extract", "language", "metadata"]


def test_unknown_stage_is_a_config_error_naming_the_known_ones():
    with pytest.raises(ConfigError, match="unknown stage 'sentiment'.*extract"):
        resolve_stages(["sentiment"])


def test_user_stage_plugs_in_after_its_prerequisite(scratch_stages):
    @stage("shout", requires=("extract",), description="Upper-cases the body")
    def shout(document: Document, options: Options) -> Document:
        document.body = document.body.upper()
        return document

    chosen = resolve_stages(["shout"])
    assert [s.name for s in chosen] == ["extract", "shout"]
    result = process_document(_doc("A headline\n\nThe body of the article goes on for a while here."), chosen, Options())
    assert isinstance(result, Document)
    assert result.stages == ["extract", "shout"]
    assert result.body == result.body.upper() and "BODY OF THE ARTICLE" in result.body


def test_a_crashing_stage_becomes_a_failure_not_an_exception(scratch_stages):
    @stage("explode")
    def explode(document: Document, options: Options) -> Document:
        raise ValueError("boom on purpose")

    result = process_document(_doc("text"), resolve_stages(["explode"]), Options())
    assert isinstance(result, Failure)
    assert result.stage == "explode" and "boom on purpose" in result.reason and result.source == "mem"


@pytest.mark.parametrize("jobs", [1, 2])
def test_run_batch_keeps_input_order_and_passes_failures_through(jobs):
    texts = [f"Paragraph number {i} of a small test article about the weather in town." for i in range(7)]
    items: list[Document | Failure] = [_doc(t, source=f"doc{i}") for i, t in enumerate(texts)]
    items.insert(3, Failure(source="broken.jsonl#L2", stage="ingest", reason="invalid JSON"))
    results = list(run_batch(items, Options(jobs=jobs, stages=("extract",))))
    assert [r.source for r in results] == [i.source for i in items]
    assert isinstance(results[3], Failure)
    assert all(isinstance(r, Document) and r.stages == ["extract"] for k, r in enumerate(results) if k != 3)


def test_a_worker_that_dies_is_reported_per_input_not_as_a_crash(scratch_stages):
    """A process killed mid-batch (out of memory, a segfault in a library) breaks the pool:
    every input still comes out once, under its own source."""

    @stage("die")
    def die(document: Document, options: Options) -> Document:
        if "CRASH" in document.raw_text:
            os._exit(1)
        return document

    items = [_doc(f"harmless text number {i}", source=f"doc{i}") for i in range(3)]
    items.insert(1, _doc("CRASH here", source="killer"))
    results = list(run_batch(items, Options(jobs=2, stages=("die",))))
    assert [r.source for r in results] == [i.source for i in items]
    killed = results[1]
    assert isinstance(killed, Failure) and killed.stage == "worker" and killed.source == "killer"
