"""``analyze``: ingest → registered stages → output directory, the job behind the CLI's main command."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

from .ingest import iter_inputs
from .model import Document, Failure
from .options import Options
from .pipeline import resolve_stages, run_batch
from .report.html import write_report
from .report.output import REPORT_FILE, OutputWriter, RunTally, read_documents


def analyze(
    inputs: Iterable[str],
    out_dir: Path,
    options: Options,
    *,
    stdin: BinaryIO | None = None,
    report: bool = True,
    on_item: Callable[[Document | Failure], None] | None = None,
) -> RunTally:
    """Process every input and write ``out_dir``; returns the run's tally (failures included)."""
    resolve_stages(options.stages)  # unknown stage names fail before any work is done
    with OutputWriter(out_dir) as writer:
        for item in run_batch(iter_inputs(list(inputs), options, stdin=stdin), options):
            writer.write(item)
            if on_item is not None:
                on_item(item)
    if any(s.name == "claims" for s in resolve_stages(options.stages)):
        # A batch step: the same claim across articles (the writer has streamed them out already).
        from .claims import link_claims_in_file

        if link_claims_in_file(writer.documents_path, options):
            documents = read_documents(writer.documents_path)
            writer.tally.persuasion.linked_claims = sum(
                bool(claim.get("links")) for d in documents for claim in d.get("claims") or [])
    if report:
        write_report(out_dir / REPORT_FILE, read_documents(writer.documents_path), writer.tally)
    return writer.tally
