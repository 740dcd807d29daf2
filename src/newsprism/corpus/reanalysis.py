"""One-command re-analysis of a corpus store after an upgrade (``newsprism reanalyze``).

A document is outdated when the pipeline version stored with it (newsprism version and stages)
differs from today's.  It is read again from its source when that file still exists (so a better
extractor gets the raw page, boilerplate and comments included); otherwise from the stored title
and body.  Each document is replaced in its own transaction, so a stopped run resumes by running
the command again.
"""

from __future__ import annotations

from pathlib import Path

from rich.progress import Progress

from ..model import Document, Failure
from ..options import Options
from ..pipeline import resolve_stages, run_batch
from .store import Store, StoreTally, pipeline_version


def _inputs(store: Store, outdated: list[tuple[str, str]], options: Options):
    from ..analyze import iter_inputs

    for doc_id, source in outdated:
        path = Path(source.split("#", 1)[0])
        if "#" not in source and path.is_file():
            found = [d for d in iter_inputs([str(path)], options) if isinstance(d, Document)]
            if len(found) == 1:
                yield found[0]
                continue
        stored = store.document(doc_id) or {}
        text = "\n\n".join(part for part in (stored.get("title"), stored.get("body")) if part)
        yield Document(id=doc_id, source=source, url=stored.get("url"), raw_text=text)


def reanalyze_store(store: Store, options: Options, *, progress: bool = True, console=None) -> StoreTally:
    version = pipeline_version(stage.name for stage in resolve_stages(options.stages))
    outdated = store.outdated(version)
    tally = StoreTally()
    with Progress(console=console, transient=True, disable=not progress) as bar:
        task = bar.add_task("re-analysing", total=len(outdated))
        for result in run_batch(_inputs(store, outdated, options), options):
            if isinstance(result, Failure):
                tally.failed.append((result.source, result.reason))
            else:
                step = store.add_many([result.model_dump(mode="json")])
                for name in ("added", "unchanged", "reanalysed"):
                    setattr(tally, name, getattr(tally, name) + getattr(step, name))
                tally.failed += step.failed
            bar.advance(task)
    return tally
