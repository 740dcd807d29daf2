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
    return env


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
