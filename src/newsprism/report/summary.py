"""The summary table printed at the end of a run."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .output import RunTally

_MAX_FAILURES_LISTED = 20


def _top(counter, limit: int = 8) -> str:
    items = counter.most_common()
    shown = ", ".join(f"{name} {count}" for name, count in items[:limit])
    return shown + (f", … ({len(items) - limit} more)" if len(items) > limit else "")


def print_summary(console: Console, tally: RunTally) -> None:
    table = Table(title="newsprism run", show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column()
    table.add_row("inputs", str(tally.inputs))
    table.add_row("articles", str(tally.articles))
    table.add_row("languages", escape(_top(tally.languages)) or "—")
    table.add_row("outlets", escape(_top(tally.outlets)) or "—")
    table.add_row("comments", str(tally.comments))
    if tally.entity_mentions or tally.quotes:
        coverage = f" ({tally.reduced_coverage} with reduced coverage: no NER model)" if tally.reduced_coverage else ""
        table.add_row("entities", f"{tally.entity_mentions} mentions{coverage}")
        table.add_row("top actors", escape(_top(tally.actors)) or "—")
        table.add_row("top places", escape(_top(tally.places)) or "—")
        table.add_row("quotes", f"{tally.quotes}" + (f" — most quoted: {escape(_top(tally.speakers, 5))}" if tally.speakers else ""))
        table.add_row("event dates", str(tally.dates))
    failure_style = "red" if tally.failures else "green"
    table.add_row("failures", f"[{failure_style}]{len(tally.failures)}[/]")
    console.print(table)
    for failure in tally.failures[:_MAX_FAILURES_LISTED]:
        console.print(f"[red]failed[/] {escape(failure.source)}: {escape(failure.reason)}", highlight=False, soft_wrap=True)
    if len(tally.failures) > _MAX_FAILURES_LISTED:
        console.print(f"… and {len(tally.failures) - _MAX_FAILURES_LISTED} more in failures.jsonl")
