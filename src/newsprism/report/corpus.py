"""The corpus report: one self-contained HTML file about everything in a corpus store.

Stories (with their outlets, languages, dates, actors and copies), the side-by-side comparison of
each story told by several documents, blind spots (stories only one outlet group covered),
narratives over time per outlet and technique profiles per outlet.  Like the per-run report
(:mod:`.html`) it is one file with no script and no remote resource: the two charts are inline SVG
whose geometry is computed here, and every piece of text (all of it potentially hostile article
content) goes through jinja2's autoescape in ``templates/corpus.html.j2``, never through
hand-built markup.

Sizes are bounded so that a large corpus still gives a readable file: at most :data:`MAX_STORIES`
stories are shown in full (the rest are counted), tables, lists and chart rows are cut, long texts
truncated, and the report says how much was left out each time.

Claim linking (which claims of one outlet are paraphrased by another) embeds every claim with the
embedding model and compares them pairwise: about a second per story on two busy cores.  So
:func:`compare_story` is called with ``link_claims=True`` only for stories of at most
:data:`LINK_CLAIMS_MAX_DOCUMENTS` documents, largest first, until :data:`LINK_CLAIMS_BUDGET`
documents have been linked over the whole report (a small corpus is linked entirely); the other
stories use ``link_claims=False``, i.e. the links stored when their articles were analysed
together (``analyze`` links claims within a run).  If linking fails (no model installed) the
report falls back to the stored links and says so.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from jinja2 import Environment

from .. import __version__
from ..corpus.outlets import OutletProfiles, load_outlet_profiles
from ..corpus.store import Store
from ..corpus.views import (CITED, NOT_CITED, blind_spots, compare_story, list_stories, narratives_by_document,
                            outlets_in_store)
from . import persuasion
from .html import base_environment

log = logging.getLogger(__name__)

MAX_STORIES = 200  # stories rendered in full (the largest first)
MAX_COVERAGE_ROWS = 25  # documents per story comparison table
MAX_CLAIM_GROUPS = 12  # "claims made by some outlets and not others" per story
MAX_SPEAKERS = 10  # speakers quoted by several outlets, per story
MAX_SPEAKER_QUOTES = 6
MAX_LIST = 8  # quotes, claims, actors... in one table cell
MAX_BLIND_SPOTS = 200
MAX_CHART_OUTLETS = 40  # rows of each chart
MAX_PERIODS = 36  # columns of the narratives chart (months, or years for a long corpus)
MAX_NARRATIVE_ROWS = 300  # rows of the narrative statements table
MAX_OUTLET_ROWS = 200
TEXT_CHARS = 300  # quotes, claims, statements
TITLE_CHARS = 160
NAME_CHARS = 80
LINK_CLAIMS_MAX_DOCUMENTS = 30
LINK_CLAIMS_BUDGET = 60  # documents linked afresh over the whole report (~0.2-1 s each on a laptop)
UNDATED = "undated"
UNKNOWN_OUTLET = "(outlet not identified)"

_MONTH = re.compile(r"^(\d{4})-(\d{2})")
_DAY = re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])")


def clip(value: object, limit: int = TEXT_CHARS) -> str:
    """Text cut to ``limit`` characters (with an ellipsis); anything that is not text becomes ''."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _environment() -> Environment:
    env = base_environment()
    env.filters["clip"] = clip
    env.globals.update(family_of=persuasion.family_of, family_labels=persuasion.FAMILY_LABELS)
    return env


# -- figures ------------------------------------------------------------------------------------


def _figures(stories: list[dict]) -> dict[str, Any]:
    documents = [d for s in stories for d in s["documents"]]
    languages = Counter(d["language"] for d in documents if d["language"])
    outlets = Counter(d["outlet"] or d["outlet_domain"] for d in documents if d["outlet"] or d["outlet_domain"])
    copies = sum(1 for d in documents if d["duplicate_of"])
    dates = [d["published"][:10] for d in documents if isinstance(d["published"], str) and _DAY.match(d["published"])]
    return {
        "documents": len(documents), "originals": len(documents) - copies, "copies": copies,
        "stories": len(stories), "multi_document_stories": sum(1 for s in stories if len(s["documents"]) > 1),
        "languages": languages.most_common(), "outlets": len(outlets),
        "first": min(dates, default=None), "last": max(dates, default=None),
    }


# -- stories and comparisons --------------------------------------------------------------------


def _story_view(story: dict, anchor: str) -> dict[str, Any]:
    return {
        "anchor": anchor, "label": story["label"], "size": story["size"], "copies": story["copies"],
        "count": len(story["documents"]), "languages": story["languages"],
        "outlets": [clip(o, NAME_CHARS) for o in story["outlets"]],
        "republished_by": [clip(o, NAME_CHARS) for o in story["republished_by"]],
        "first": story["first"], "last": story["last"],
        "actors": [{"name": clip(a["name"], NAME_CHARS), "documents": a["documents"]} for a in story["actors"]],
        "single": None, "comparison": None,
    }


def _single_line(story: dict) -> dict[str, Any]:
    document = story["documents"][0]
    return {"title": clip(document["title"] or document["source"], TITLE_CHARS),
            "outlet": clip(document["outlet"] or document["outlet_domain"], NAME_CHARS),
            "language": document["language"], "published": document["published"]}


def _comparison(view: dict) -> dict[str, Any]:
    coverage = view["coverage"]
    rows = []
    for row in coverage[:MAX_COVERAGE_ROWS]:
        rows.append({
            "title": clip(row["title"] or row["source"], TITLE_CHARS),
            "outlet": clip(row["outlet"], NAME_CHARS), "language": row["language"], "published": row["published"],
            "is_copy": bool(row["duplicate_of"]),
            "actors": [{"name": clip(a["name"], NAME_CHARS), "mentions": a["mentions"]}
                       for a in row["actors"][:MAX_LIST]],
            "quotes": [{"speaker": clip(q["speaker"], NAME_CHARS), "text": clip(q["text"], 160)}
                       for q in row["quotes"][:5]],
            "more_quotes": max(0, len(row["quotes"]) - 5),
            "claims": [{"text": clip(c["text"], 200), "score": c["score"]} for c in row["claims"][:3]],
            "more_claims": max(0, len(row["claims"]) - 3),
            "techniques": [{"name": clip(t, NAME_CHARS), "count": n, "family": persuasion.family_of(t)}
                           for t, n in list(row["techniques"].items())[:MAX_LIST]],
            "more_techniques": max(0, len(row["techniques"]) - MAX_LIST),
            "technique_density": persuasion.number(row["technique_density"]),
            "own_voice_density": persuasion.number(row["own_voice_density"]),
            "tone": [{"name": clip(t["name"] or t["id"], NAME_CHARS), "label": _tone_label(t["label"]),
                      "score": persuasion.number(t["score"])} for t in row["tone"][:4]],
            "narratives": [{"statement": clip(n["statement"] or n["narrative"], 160),
                            "score": persuasion.number(n["score"])} for n in row["narratives"][:4]],
        })
    claims = [{"text": clip(c["text"]), "score": persuasion.number(c["score"]),
               "outlets": [clip(o, NAME_CHARS) for o in c["outlets"]],
               "missing_from": [clip(o, NAME_CHARS) for o in c["missing_from"]]}
              for c in view["claims"] if c["missing_from"]]
    shared = [{"name": clip(s["name"], NAME_CHARS),
               "outlets": sorted({clip(q["outlet"], NAME_CHARS) for q in s["quotes"]}),
               "quotes": [{"outlet": clip(q["outlet"], NAME_CHARS), "text": clip(q["text"], 200)}
                          for q in s["quotes"][:MAX_SPEAKER_QUOTES]],
               "more_quotes": max(0, len(s["quotes"]) - MAX_SPEAKER_QUOTES)}
              for s in view["shared_speakers"]]
    shared.sort(key=lambda s: -len(s["outlets"]))
    return {
        "rows": rows, "more_rows": max(0, len(coverage) - MAX_COVERAGE_ROWS),
        "claims": claims[:MAX_CLAIM_GROUPS], "more_claims": max(0, len(claims) - MAX_CLAIM_GROUPS),
        "shared_by_all": sum(1 for c in view["claims"] if not c["missing_from"]),
        "speakers": shared[:MAX_SPEAKERS], "more_speakers": max(0, len(shared) - MAX_SPEAKERS),
    }


def _tone_label(label: object) -> str:
    return label if label in persuasion.TONE_LABELS else "neutral"


def _stories_section(store: Store, stories: list[dict]) -> tuple[list[dict], dict[str, Any]]:
    shown = []
    budget = LINK_CLAIMS_BUDGET
    linking_failed = None
    linked_stories = 0
    for index, story in enumerate(stories[:MAX_STORIES]):
        view = _story_view(story, f"s{index}")
        if len(story["documents"]) < 2:
            view["single"] = _single_line(story)
        else:
            link = linking_failed is None and len(story["documents"]) <= LINK_CLAIMS_MAX_DOCUMENTS \
                and budget >= len(story["documents"]) and story["size"] > 1
            compared = None
            if link:
                try:
                    compared = compare_story(store, story["id"], link_claims=True, story=story)
                    budget -= len(story["documents"])
                    linked_stories += 1
                except Exception as error:  # noqa: BLE001 -- no model, a broken install: stored links still work
                    linking_failed = f"{type(error).__name__}: {clip(error, 200)}"
                    log.warning("claim linking failed, using the stored links: %s", linking_failed)
            if compared is None:
                compared = compare_story(store, story["id"], link_claims=False, story=story)
            view["comparison"] = _comparison(compared)
            view["comparison"]["claims_linked"] = link and linking_failed is None
        shown.append(view)
    notes = {"hidden": max(0, len(stories) - MAX_STORIES), "linked_stories": linked_stories,
             "linking_failed": linking_failed}
    return shown, notes


def _blind_spots(stories: list[dict], profiles: OutletProfiles, anchors: dict[str, str]) -> dict[str, Any]:
    spots = blind_spots(stories, profiles)
    # Stories several outlets covered, all of one group, tell more than one outlet's own story.
    spots.sort(key=lambda s: (-len(s["outlets"]), s["only_group"] != CITED))
    rows = [{"label": s["label"], "group": s["only_group"], "anchor": anchors.get(s["story"]),
             "outlets": [clip(o, NAME_CHARS) for o in s["outlets"][:MAX_LIST]],
             "more_outlets": max(0, len(s["outlets"]) - MAX_LIST)} for s in spots[:MAX_BLIND_SPOTS]]
    by_group = Counter(s["only_group"] for s in spots)
    return {"rows": rows, "total": len(spots), "hidden": max(0, len(spots) - MAX_BLIND_SPOTS),
            "several": sum(1 for s in spots if len(s["outlets"]) > 1),
            "by_group": [(g, by_group.get(g, 0)) for g in (CITED, NOT_CITED)],
            "without_outlet": sum(1 for s in stories if not any(d["outlet"] or d["outlet_domain"]
                                                                for d in s["documents"] if not d["duplicate_of"]))}


# -- narratives over time -----------------------------------------------------------------------


def period_of(published: object) -> str:
    """``YYYY-MM`` of an ISO date, else :data:`UNDATED`."""
    if isinstance(published, str):
        match = _MONTH.match(published.strip())
        if match and 1 <= int(match.group(2)) <= 12:
            return f"{match.group(1)}-{match.group(2)}"
    return UNDATED


def _narratives_section(store: Store) -> dict[str, Any]:
    entries = narratives_by_document(store)
    stage_ran = _narratives_stage_ran(store)
    timeline, by_year = _timeline({period_of(e["published"]) for e in entries} - {UNDATED})
    totals: dict[str, Counter] = defaultdict(Counter)
    advancing: dict[str, Counter] = defaultdict(Counter)
    statements: dict[tuple[str, str], dict] = {}
    for entry in entries:
        outlet = clip(entry["outlet"], NAME_CHARS) or UNKNOWN_OUTLET
        period = period_of(entry["published"])
        if by_year and period != UNDATED:
            period = period[:4]
        totals[outlet][period] += 1
        if entry["narratives"]:
            advancing[outlet][period] += 1
        for match, stance in [*((n, "advances") for n in entry["narratives"]),
                              *((n, n.get("stance") or "reports") for n in entry["narrative_mentions"])]:
            key = (outlet, str(match["narrative"]))
            row = statements.setdefault(key, {"outlet": outlet, "narrative": clip(match["narrative"], NAME_CHARS),
                                              "statement": clip(match.get("statement") or match["narrative"]),
                                              "advances": 0, "reports": 0, "debunks": 0, "periods": set()})
            stance = stance if stance in ("advances", "reports", "debunks") else "reports"
            row[stance] += 1
            if stance == "advances" and period != UNDATED:
                row["periods"].add(period)
    hidden_periods = max(0, len(timeline) - MAX_PERIODS)
    periods = timeline[-MAX_PERIODS:]  # the most recent
    shown = set(periods)
    hidden_documents = sum(n for counter in totals.values() for p, n in counter.items()
                           if p != UNDATED and p not in shown)
    columns = periods + ([UNDATED] if any(UNDATED in c for c in totals.values()) else [])
    outlets = sorted(totals, key=lambda o: (-sum(advancing[o].values()), -sum(totals[o].values()), o))
    chart = _narrative_chart(outlets[:MAX_CHART_OUTLETS], columns, totals, advancing)
    rank = {outlet: i for i, outlet in enumerate(outlets)}
    rows = sorted(statements.values(), key=lambda r: (rank[r["outlet"]], -r["advances"], -r["reports"] - r["debunks"],
                                                      r["statement"]))
    for row in rows:
        spread = sorted(row.pop("periods"))
        row["span"] = (spread[0], spread[-1]) if spread else None
    return {
        "chart": chart, "by_year": by_year, "hidden_periods": hidden_periods, "hidden_documents": hidden_documents,
        "hidden_outlets": max(0, len(outlets) - MAX_CHART_OUTLETS),
        "documents": len(entries), "advancing": sum(1 for e in entries if e["narratives"]),
        "mentioning": sum(1 for e in entries if e["narrative_mentions"] and not e["narratives"]),
        "stage_ran": stage_ran,
        "rows": rows[:MAX_NARRATIVE_ROWS], "hidden_rows": max(0, len(rows) - MAX_NARRATIVE_ROWS),
    }


def _timeline(months: set[str]) -> tuple[list[str], bool]:
    """Every month from the first to the last one given (gaps shown as empty columns), or every year
    when that would be more than :data:`MAX_PERIODS` columns; and whether it is years."""
    if not months:
        return [], False
    first, last = min(months), max(months)
    start, end = int(first[:4]) * 12 + int(first[5:7]) - 1, int(last[:4]) * 12 + int(last[5:7]) - 1
    if end - start + 1 <= MAX_PERIODS:
        return [f"{m // 12:04d}-{m % 12 + 1:02d}" for m in range(start, end + 1)], False
    return [f"{y:04d}" for y in range(int(first[:4]), int(last[:4]) + 1)], True


def _narratives_stage_ran(store: Store) -> int:
    """How many stored documents went through the narratives stage."""
    count = 0
    for (stages,) in store._backend.execute("SELECT stages FROM documents"):
        if "narratives" in (stages or ""):
            count += 1
    return count


def _narrative_chart(outlets: list[str], columns: list[str], totals: dict[str, Counter],
                     advancing: dict[str, Counter]) -> dict[str, Any]:
    """A dot matrix: one row per outlet, one column per period; the open circle is sized by the
    outlet's documents in that period, the filled one by those advancing a catalogued narrative
    (same scale: area proportional to the count)."""
    label_w, col_w, row_h, top, radius = 190, 54, 30, 62, 12.0
    peak = max((totals[o][c] for o in outlets for c in columns), default=0)
    width = label_w + col_w * max(1, len(columns)) + 20
    height = top + row_h * max(1, len(outlets)) + 10

    def r(count: int) -> float:
        return 0.0 if count <= 0 or peak <= 0 else max(2.5, radius * math.sqrt(count / peak))

    cols = [{"label": c, "x": label_w + col_w * i + col_w / 2, "undated": c == UNDATED} for i, c in enumerate(columns)]
    rows = []
    for j, outlet in enumerate(outlets):
        y = top + row_h * j + row_h / 2
        cells = []
        for i, column in enumerate(columns):
            total, adv = totals[outlet][column], advancing[outlet][column]
            if total:
                cells.append({"x": cols[i]["x"], "y": y, "r_total": round(r(total), 2), "r_adv": round(r(adv), 2),
                              "total": total, "advancing": adv, "period": column})
        rows.append({"outlet": outlet, "short": clip(outlet, 28), "y": y, "cells": cells,
                     "advancing": sum(advancing[outlet].values()), "total": sum(totals[outlet].values())})
    return {"width": width, "height": height, "label_w": label_w, "top": top, "row_h": row_h, "col_w": col_w,
            "columns": cols, "rows": rows, "peak": peak, "empty": not outlets}


# -- technique profiles -------------------------------------------------------------------------


def _profile_labels(profile: dict | None) -> list[dict[str, Any]]:
    if not profile:
        return []
    labels = []
    for label in profile.get("labels") or []:
        if label.get("kind") in ("factuality", "bias"):
            labels.append({"kind": label["kind"], "value": clip(label.get("value"), NAME_CHARS),
                           "source": label.get("source"), "date": label.get("date"), "scope": label.get("scope")})
        elif label.get("kind") == "euvsdisinfo_cases":
            labels.append({"kind": "EUvsDisinfo cases", "value": label.get("count"), "source": label.get("source"),
                           "date": label.get("date"), "scope": None})
    return labels


def _outlets_section(store: Store, profiles: OutletProfiles) -> dict[str, Any]:
    outlets = outlets_in_store(store, profiles)
    rows = []
    for entry in outlets:
        name = clip(entry["outlet"] or entry["domain"], NAME_CHARS) or UNKNOWN_OUTLET
        total = sum(entry["techniques"].values())
        rows.append({
            "name": name, "domain": clip(entry["domain"], NAME_CHARS), "documents": entry["documents"],
            "group": entry["group"], "labels": _profile_labels(entry["profile"]),
            "technique_density": persuasion.number(entry["technique_density"]),
            "own_voice_density": persuasion.number(entry["own_voice_density"]),
            "techniques": entry["techniques"], "spans": total,
        })
    charted = [r for r in rows if r["technique_density"] is not None][:MAX_CHART_OUTLETS]
    return {"rows": rows[:MAX_OUTLET_ROWS], "hidden_rows": max(0, len(rows) - MAX_OUTLET_ROWS),
            "chart": _technique_chart(charted),
            "not_analysed": sum(1 for r in rows if r["technique_density"] is None),
            "hidden_chart": max(0, sum(1 for r in rows if r["technique_density"] is not None) - MAX_CHART_OUTLETS),
            "families": [(k, v) for k, v in persuasion.FAMILY_LABELS.items()]}


def _technique_chart(rows: list[dict]) -> dict[str, Any]:
    """Horizontal stacked bars: bar length is the outlet's mean technique spans per 1,000 words;
    the bar is split among techniques in proportion to their spans (colour = family, shade = technique)."""
    label_w, bar_w, row_h, top = 190, 440, 26, 10
    peak = max((r["technique_density"] for r in rows), default=0.0) or 0.0
    width = label_w + bar_w + 190
    height = top + row_h * max(1, len(rows)) + 24
    order = {name: i for i, name in enumerate(n for names in persuasion.FAMILIES.values() for n in names)}
    bars = []
    for j, row in enumerate(rows):
        y = top + row_h * j
        length = 0.0 if peak <= 0 else bar_w * row["technique_density"] / peak
        segments, x = [], float(label_w)
        total = row["spans"]
        shade: Counter = Counter()
        for technique, count in sorted(row["techniques"].items(), key=lambda item: (order.get(item[0], 99), item[0])):
            if total <= 0:
                break
            w = length * count / total
            family = persuasion.family_of(technique)
            opacity = max(0.35, 1.0 - 0.18 * shade[family])
            shade[family] += 1
            segments.append({"x": round(x, 2), "w": round(w, 2), "family": family, "opacity": round(opacity, 2),
                             "technique": clip(technique, NAME_CHARS), "count": count,
                             "share": count / total})
            x += w
        bars.append({"name": row["name"], "short": clip(row["name"], 28), "y": y, "h": row_h - 8,
                     "length": round(length, 2), "segments": segments, "density": row["technique_density"],
                     "own": row["own_voice_density"], "documents": row["documents"], "group": row["group"],
                     "spans": total})
    ticks = []
    if peak > 0:
        step = _nice_step(peak)
        value = 0.0
        while value <= peak + 1e-9:
            ticks.append({"x": round(label_w + bar_w * value / peak, 2), "label": f"{value:g}"})
            value += step
    return {"width": width, "height": height, "label_w": label_w, "bar_w": bar_w, "bars": bars, "ticks": ticks,
            "axis_y": top + row_h * max(1, len(rows)), "empty": not rows}


def _nice_step(peak: float) -> float:
    raw = peak / 4
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


# -- the report ---------------------------------------------------------------------------------


def render_corpus_report(store: Store, profiles: OutletProfiles | None = None) -> str:
    """The corpus report as an HTML string."""
    profiles = profiles if profiles is not None else load_outlet_profiles()
    stories = list_stories(store)
    shown, story_notes = _stories_section(store, stories)
    anchors = {story["id"]: view["anchor"] for story, view in zip(stories, shown)}
    return _environment().get_template("corpus.html.j2").render(
        figures=_figures(stories),
        stories=shown,
        story_notes=story_notes,
        blind=_blind_spots(stories, profiles, anchors),
        narratives=_narratives_section(store),
        outlets=_outlets_section(store, profiles),
        limits={"stories": MAX_STORIES, "coverage_rows": MAX_COVERAGE_ROWS,
                "link_claims_max": LINK_CLAIMS_MAX_DOCUMENTS, "link_budget": LINK_CLAIMS_BUDGET},
        cited=CITED, not_cited=NOT_CITED, undated=UNDATED,
        version=__version__,
        generated=dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    )


def write_corpus_report(store: Store, out_path: Path, profiles: OutletProfiles | None = None) -> Path:
    """Write the corpus report of ``store`` to ``out_path`` (one self-contained HTML file); returns the path.

    ``profiles`` are the outlet profiles used for groups and labels (the shipped ones when None).
    """
    out_path = Path(out_path)
    html = render_corpus_report(store, profiles)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    partial = out_path.with_name(out_path.name + ".partial")
    partial.write_text(html, encoding="utf-8")
    partial.replace(out_path)
    return out_path
