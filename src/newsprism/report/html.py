"""The self-contained HTML report: one file, no server, no script, all article content escaped."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, select_autoescape

from .. import __version__
from .output import RunTally


def _is_safe_url(value: object) -> bool:
    """Only plain web links become clickable; ``javascript:`` and friends stay text."""
    return isinstance(value, str) and urlsplit(value).scheme in ("http", "https")


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("newsprism.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.tests["safe_url"] = _is_safe_url
    env.globals.update(annotated_paragraphs=annotated_paragraphs, actor_rows=actor_rows)
    return env


# Highest first: the class of the innermost kind wins where marks nest (an entity inside a quote).
_MARK_KINDS = ("quote", "date", "place", "entity")


def _marks(doc: dict) -> list[tuple[int, int, str, str]]:
    """(start, end, css class, hover text) for everything the analysis found in the body."""
    marks = []
    for quote in doc.get("quotes", []):
        who = quote.get("speaker_name") or quote.get("speaker") or "unknown speaker"
        marks.append((quote["start"], quote["end"], f"quote q-{quote['kind']}", f"{quote['kind']} quote · {who}"))
    for date in doc.get("dates", []):
        marks.append((date["start"], date["end"], "date", f"date · {date.get('value') or date.get('reason') or '?'}"))
    for entity in doc.get("entities", []):
        kind = entity["type"]
        label = entity.get("name") or entity["text"]
        marks.append((entity["start"], entity["end"], f"ent t-{kind}", f"{kind} · {label} · {entity.get('id') or 'no id'}"))
    return marks


def annotated_paragraphs(doc: dict) -> list[list[tuple[str, str, str]]]:
    """Body paragraphs as runs of (text, css classes, hover text); the template escapes all three."""
    body = doc.get("body", "")
    spans = [(p["start"], p["end"]) for p in doc.get("paragraphs", [])] or _blank_line_paragraphs(body)
    marks = _marks(doc)
    paragraphs = []
    for start, end in spans:
        inside = [m for m in marks if m[0] < end and start < m[1]]
        cuts = sorted({start, end, *(max(start, m[0]) for m in inside), *(min(end, m[1]) for m in inside)})
        runs = []
        for left, right in zip(cuts, cuts[1:]):
            covering = [m for m in inside if m[0] <= left and right <= m[1]]
            classes = " ".join(dict.fromkeys(m[2] for m in covering))
            hover = " | ".join(dict.fromkeys(m[3] for m in covering))
            runs.append((body[left:right], classes, hover))
        if body[start:end].strip():
            paragraphs.append(runs)
    return paragraphs


def _blank_line_paragraphs(body: str) -> list[tuple[int, int]]:
    spans, position = [], 0
    for part in body.split("\n\n"):
        spans.append((position, position + len(part)))
        position += len(part) + 2
    return spans


def actor_rows(doc: dict) -> list[dict]:
    """One row per identity: preferred name, type, id, mention count and the forms the article used."""
    rows: dict[str, dict] = {}
    for entity in doc.get("entities", []):
        key = entity.get("id") or f"text:{entity['text']}"
        row = rows.setdefault(key, {"id": entity.get("id"), "name": entity.get("name") or entity["text"],
                                    "type": entity["type"], "count": 0, "forms": [], "quoted": 0})
        row["count"] += 1
        if entity["text"] not in row["forms"]:
            row["forms"].append(entity["text"])
    for quote in doc.get("quotes", []):
        if quote.get("speaker_id") in rows:
            rows[quote["speaker_id"]]["quoted"] += 1
    return sorted(rows.values(), key=lambda r: (-r["quoted"], -r["count"], r["name"]))


def render_report(documents: list[dict], tally: RunTally) -> str:
    authors_by_id = {
        doc["id"]: {c["id"]: c.get("author") or "(anonymous)" for c in doc.get("comments", [])}
        for doc in documents
    }
    return _environment().get_template("report.html.j2").render(
        documents=documents,
        failures=tally.failures,
        tally=tally,
        authors_by_id=authors_by_id,
        version=__version__,
        generated=dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    )


def write_report(path: Path, documents: list[dict], tally: RunTally) -> None:
    path.write_text(render_report(documents, tally), encoding="utf-8")
