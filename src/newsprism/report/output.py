"""Writes a run's results as they arrive: ``documents.jsonl``, ``failures.jsonl`` and the run's tallies.

Documents are streamed to disk one line at a time so a large batch never has to
fit in memory; the HTML report is rendered afterwards from the JSONL file.
"""

from __future__ import annotations

import collections
import json
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from ..model import Document, Failure
from .persuasion import OutletAggregate, PersuasionAggregate
from .schema import write_schema

DOCUMENTS_FILE = "documents.jsonl"
FAILURES_FILE = "failures.jsonl"
SCHEMA_FILE = "documents.schema.json"
REPORT_FILE = "report.html"
# What the persuasion aggregates read of a document (see ``persuasion.PersuasionAggregate.add``).
_PERSUASION_FIELDS = {"outlet", "body", "stages", "entities", "places", "techniques", "paragraph_techniques",
                      "technique_density", "technique_counts", "own_voice_density", "claims", "tone",
                      "analysis_confidence"}


@dataclass
class RunTally:
    """What the summary table shows at the end of a run."""

    articles: int = 0
    comments: int = 0
    languages: collections.Counter = field(default_factory=collections.Counter)
    outlets: collections.Counter = field(default_factory=collections.Counter)
    failures: list[Failure] = field(default_factory=list)
    duplicates: int = 0
    # identities by the number of articles that name them; speakers by the number of quotes
    actors: collections.Counter = field(default_factory=collections.Counter)
    speakers: collections.Counter = field(default_factory=collections.Counter)
    places: collections.Counter = field(default_factory=collections.Counter)
    entity_mentions: int = 0
    quotes: int = 0
    dates: int = 0
    reduced_coverage: int = 0
    # Techniques, claims and tone over the whole run and per outlet (running totals, not documents).
    persuasion: PersuasionAggregate = field(default_factory=PersuasionAggregate)
    outlet_persuasion: OutletAggregate = field(default_factory=OutletAggregate)

    def add_document(self, document: Document) -> None:
        self.articles += 1
        self.comments += len(document.comments)
        self.languages[document.language or "unknown"] += 1
        self.outlets[document.outlet.name if document.outlet else "unknown"] += 1
        self.entity_mentions += len(document.entities)
        self.actors.update({e.name for e in document.entities if e.name and e.type.value != "location"})
        self.places.update({p.name for p in document.places if p.resolved and p.name})
        self.speakers.update(q.speaker_name for q in document.quotes if q.speaker_name)
        self.quotes += len(document.quotes)
        self.dates += len(document.dates)
        self.reduced_coverage += document.entity_coverage == "reduced"
        digest = document.model_dump(mode="json", include=_PERSUASION_FIELDS)
        self.persuasion.add(digest)
        self.outlet_persuasion.add(digest)

    def persuasion_summary(self, limit: int | None = None) -> dict:
        """Techniques, claims and tone over the run (the same figures as ``persuasion.corpus_summary``)."""
        return self.persuasion.summary(limit)

    def outlet_summaries(self, limit: int | None = None) -> list[dict]:
        """Per-outlet figures (the same as ``persuasion.outlet_summaries`` over the run's documents)."""
        return self.outlet_persuasion.summaries(limit)

    @property
    def inputs(self) -> int:
        return self.articles + len(self.failures)


class OutputWriter:
    """Context manager writing one run's output directory."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.tally = RunTally()
        self._seen_ids: dict[str, str] = {}

    def __enter__(self) -> OutputWriter:
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self._documents = (self.out_dir / DOCUMENTS_FILE).open("w", encoding="utf-8")
        self._failures = (self.out_dir / FAILURES_FILE).open("w", encoding="utf-8")
        write_schema(self.out_dir / SCHEMA_FILE)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._documents.close()
        self._failures.close()

    def write(self, item: Document | Failure) -> None:
        if isinstance(item, Document):
            original = self._seen_ids.get(item.id)
            if original is not None:
                # Same content twice in one batch: listed, not written twice under one id.
                self.tally.duplicates += 1
                item = Failure(source=item.source, stage="output", reason=f"duplicate of {original} (same content)")
            else:
                self._seen_ids[item.id] = item.source
                self._documents.write(json.dumps(item.to_json_dict(), ensure_ascii=False) + "\n")
                self.tally.add_document(item)
                return
        self.tally.failures.append(item)
        self._failures.write(item.model_dump_json() + "\n")

    @property
    def documents_path(self) -> Path:
        return self.out_dir / DOCUMENTS_FILE


def read_documents(path: Path) -> list[dict]:
    """Documents of a finished run, as plain dicts (what the report renders)."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]
