"""The summary table printed at the end of a run."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .output import RunTally
from .persuasion import tone_extremes

_MAX_FAILURES_LISTED = 20
_MAX_OUTLETS_LISTED = 12


def _articles(n: int) -> str:
    return f"{n} art."


def _techniques(items: list[dict], limit: int) -> str:
    shown = ", ".join(f"{t['technique']} {t['spans']} ({_articles(t['articles'])})" for t in items[:limit])
    return shown + (f", … ({len(items) - limit} more)" if len(items) > limit else "")


def _actors(items: list[dict]) -> str:
    return ", ".join(f"{a['name']} {a['mean_score']:+.2f} ({_articles(a['articles'])})" for a in items)


def _persuasion_rows(table: Table, tally: RunTally) -> None:
    """Techniques, claims and tone; nothing when no document was analysed for them (older pipelines)."""
    run = tally.persuasion_summary()
    if not (run["analysed_articles"] or run["claims"] or run["tone_articles"]):
        return
    if run["analysed_articles"]:
        density = (f" · {run['mean_technique_density']:.1f} per 1,000 words "
                   f"(mean of {_articles(run['density_articles'])})" if run["mean_technique_density"] is not None else "")
        if run["mean_own_voice_density"] is not None:
            density += (f" · {run['mean_own_voice_density']:.1f} in the outlets' own voice, outside quotes "
                        f"(mean of {_articles(run['own_voice_articles'])})")
        table.add_row("techniques", f"{run['technique_spans']} spans in {_articles(run['analysed_articles'])}{density}")
        table.add_row("top techniques", escape(_techniques(run["techniques"], 5)) or "—")
    if run["claims"]:
        linked = f" · {run['linked_claims']} linked to other articles" if run["linked_claims"] else ""
        table.add_row("claims", f"{run['claims']} check-worthy in {_articles(run['claim_articles'])}{linked}")
    if run["tone_articles"]:
        hostile, favourable = tone_extremes(run["tone"], 3)
        table.add_row("most hostile to", escape(_actors(hostile)) or "—")
        table.add_row("most favourable to", escape(_actors(favourable)) or "—")
    if run["low_confidence_articles"]:
        table.add_row("low confidence",
                      f"[yellow]{_articles(run['low_confidence_articles'])}[/] (untrained language or atypical text)")


def _outlet_table(tally: RunTally) -> Table | None:
    outlets = tally.outlet_summaries()
    if len(outlets) < 2 or not any(o["analysed_articles"] or o["tone_articles"] for o in outlets):
        return None
    table = Table(title="by outlet (art. = articles behind the figure)", title_justify="left")
    for column in ("outlet", "articles", "per 1k words", "own voice", "top techniques", "most hostile to"):
        table.add_column(column, overflow="fold")
    for outlet in outlets[:_MAX_OUTLETS_LISTED]:
        density, own_voice = outlet["mean_technique_density"], outlet["mean_own_voice_density"]
        hostile, _ = tone_extremes(outlet["tone"], 2)
        table.add_row(
            escape(outlet["outlet"]),
            str(outlet["articles"]),
            f"{density:.1f} ({_articles(outlet['density_articles'])})" if density is not None else "—",
            f"{own_voice:.1f} ({_articles(outlet['own_voice_articles'])})" if own_voice is not None else "—",
            escape(_techniques(outlet["techniques"], 2)) or "—",
            escape(_actors(hostile)) or "—",
        )
    if len(outlets) > _MAX_OUTLETS_LISTED:
        table.caption = f"… {len(outlets) - _MAX_OUTLETS_LISTED} more outlets in report.html"
    return table


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
    _persuasion_rows(table, tally)
    failure_style = "red" if tally.failures else "green"
    table.add_row("failures", f"[{failure_style}]{len(tally.failures)}[/]")
    console.print(table)
    outlets = _outlet_table(tally)
    if outlets is not None:
        console.print(outlets)
    for failure in tally.failures[:_MAX_FAILURES_LISTED]:
        console.print(f"[red]failed[/] {escape(failure.source)}: {escape(failure.reason)}", highlight=False, soft_wrap=True)
    if len(tally.failures) > _MAX_FAILURES_LISTED:
        console.print(f"… and {len(tally.failures) - _MAX_FAILURES_LISTED} more in failures.jsonl")
