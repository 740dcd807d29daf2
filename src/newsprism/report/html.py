"""The self-contained HTML report: one file, no server, no script, all article content escaped."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from .. import __version__
from . import persuasion
from .output import RunTally


def _is_safe_url(value: object) -> bool:
    """Only plain web links become clickable; ``javascript:`` and friends stay text."""
    return isinstance(value, str) and urlsplit(value).scheme in ("http", "https")


def base_environment() -> Environment:
    """The templates of every newsprism page: autoescaped everywhere, only web links clickable."""
    env = Environment(
        loader=PackageLoader("newsprism.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.tests["safe_url"] = _is_safe_url
    return env


def _environment() -> Environment:
    env = base_environment()
    env.globals.update(
        annotated_paragraphs=annotated_paragraphs, paragraph_html=paragraph_html, actor_rows=actor_rows,
        technique_spans=technique_spans, technique_rows=persuasion.technique_rows,
        technique_density=persuasion.technique_density, technique_analysed=persuasion.technique_analysed,
        has_persuasion=persuasion.has_persuasion, claim_rows=persuasion.claim_rows, tone_rows=persuasion.tone_rows,
        family_of=persuasion.family_of, word_count=persuasion.word_count,
    )
    return env


# Highest first: the class of the innermost kind wins where marks nest (an entity inside a quote).
_MARK_KINDS = ("quote", "date", "place", "entity")
# Overlapping technique spans are drawn as stacked underlines; lanes beyond this share the last one.
_MAX_LANE = 3


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


def technique_spans(doc: dict) -> list[dict]:
    """Technique spans with usable offsets, keyed by their index in ``doc["techniques"]`` (the anchor)."""
    size = len(doc.get("body") or "")
    rows = []
    for index, span in enumerate(doc.get("techniques") or []):
        start, end = span.get("start"), span.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= size):
            continue
        technique = span.get("technique") if isinstance(span.get("technique"), str) else "?"
        confidence = persuasion.number(span.get("confidence"))
        low = persuasion.is_low_span(span)
        family = persuasion.family_of(technique)
        model = str(span.get("model") or "")
        quoted = span.get("quoted") is True
        speaker = span.get("speaker") if quoted and isinstance(span.get("speaker"), str) else None
        voice = f" · in a quote{' of ' + speaker if speaker else ''}" if quoted else ""
        hover = (f"{technique} ({persuasion.FAMILY_LABELS[family]}) · confidence "
                 f"{'?' if confidence is None else f'{confidence:.2f}'}{' · low confidence' if low else ''}{voice}"
                 f"{' · ' + model if model else ''}\n{persuasion.definition_of(technique)}")
        rows.append({"index": index, "start": start, "end": end, "technique": technique, "family": family,
                     "family_label": persuasion.FAMILY_LABELS[family], "confidence": confidence, "low": low,
                     "quoted": quoted, "speaker": speaker, "model": model, "text": span.get("text") or doc["body"][start:end],
                     "definition": persuasion.definition_of(technique), "hover": hover})
    return rows


def _lanes(spans: list[dict]) -> dict[int, int]:
    """Greedy interval colouring: each span keeps one underline lane along its whole length."""
    lane_ends: list[int] = []
    lanes = {}
    for span in sorted(spans, key=lambda s: (s["start"], -s["end"], s["index"])):
        lane = next((k for k, last in enumerate(lane_ends) if last <= span["start"]), len(lane_ends))
        if lane == len(lane_ends):
            lane_ends.append(span["end"])
        else:
            lane_ends[lane] = span["end"]
        lanes[span["index"]] = min(lane, _MAX_LANE)
    return lanes


def annotated_paragraphs(doc: dict, anchor: str = "d0") -> list[dict]:
    """Body paragraphs as runs of text that share the same marks, plus the paragraph's technique badges.

    Every boundary of every mark cuts the text, so each run is covered by a fixed set of marks and the
    HTML nests them inside the run only: overlapping marks can never produce crossing tags.  A run
    has ``classes``/``hover`` (entities, quotes, dates), ``techniques`` (technique marks, longest and
    outermost first, each ``{"index", "class"}``; the lane class, not the nesting, places the
    underline), ``link`` (the anchor of the innermost technique span, which a click jumps to) and
    ``anchors`` (ids of the spans starting here, so the spans list links back to the text).
    """
    body = doc.get("body", "")
    spans = [(p["start"], p["end"]) for p in doc.get("paragraphs", [])] or _blank_line_paragraphs(body)
    marks = _marks(doc)
    techniques = technique_spans(doc)
    legend = {row["technique"]: k for k, row in enumerate(persuasion.technique_rows(doc))}
    emitted: set[int] = set()
    paragraphs = []
    for start, end in spans:
        inside = [m for m in marks if m[0] < end and start < m[1]]
        tin = [t for t in techniques if t["start"] < end and start < t["end"]]
        lanes = _lanes(tin)
        cuts = sorted({start, end, *(max(start, m[0]) for m in inside), *(min(end, m[1]) for m in inside),
                       *(max(start, t["start"]) for t in tin), *(min(end, t["end"]) for t in tin)})
        runs = []
        for left, right in zip(cuts, cuts[1:]):
            covering = [m for m in inside if m[0] <= left and right <= m[1]]
            tcover = [t for t in tin if t["start"] <= left and right <= t["end"]]
            tcover.sort(key=lambda t: (t["start"] - t["end"], t["index"]))  # longest outermost
            starting = [t["index"] for t in tin if t["index"] not in emitted and left >= t["start"]]
            emitted.update(starting)
            innermost = min(tcover, key=lambda t: (t["end"] - t["start"], -(t["confidence"] or 0.0)), default=None)
            runs.append({
                "text": body[left:right],
                "classes": " ".join(dict.fromkeys(m[2] for m in covering)),
                "hover": "\n".join([*(t["hover"] for t in tcover),
                                    " | ".join(dict.fromkeys(m[3] for m in covering))]).strip(),
                "techniques": [{"index": t["index"],
                                "class": f"tq f-{t['family']} lane-{lanes[t['index']]}{' lowc' if t['low'] else ''}"}
                               for t in tcover],
                "link": f"{anchor}-sp{innermost['index']}" if innermost else None,
                "anchors": [f"{anchor}-tx{index}" for index in starting],
            })
        if body[start:end].strip():
            paragraphs.append({"start": start, "end": end, "runs": runs,
                               "badges": _badges(doc, start, end, legend, anchor)})
    return paragraphs


def _badges(doc: dict, start: int, end: int, legend: dict[str, int], anchor: str) -> list[dict]:
    """The techniques the paragraph classifier gave this paragraph (a span-free, whole-paragraph label)."""
    badges: dict[str, dict] = {}
    for entry in doc.get("paragraph_techniques") or []:
        if not (isinstance(entry.get("start"), int) and isinstance(entry.get("end"), int)):
            continue
        if not (entry["start"] < end and start < entry["end"]):
            continue
        scores = entry.get("scores") or {}
        for technique in entry.get("techniques") or []:
            if not isinstance(technique, str) or technique in badges:
                continue
            score = persuasion.number(scores.get(technique)) if isinstance(scores, dict) else None
            low = bool(entry.get("low_confidence")) or (score is not None and score < persuasion.LOW_CONFIDENCE_BELOW)
            family = persuasion.family_of(technique)
            badges[technique] = {
                "technique": technique,
                "label": technique.replace("_", " "),
                "class": f"pbadge f-{family}{' lowc' if low else ''}",
                "href": f"#{anchor}-lg{legend[technique]}" if technique in legend else None,
                "hover": f"{technique} (paragraph){'' if score is None else f' · probability {score:.2f}'}"
                         f"{' · low confidence' if low else ''}\n{persuasion.definition_of(technique)}",
            }
    return list(badges.values())


def paragraph_html(paragraph: dict) -> Markup:
    """One paragraph's runs as HTML; every piece of text and every attribute value is escaped here."""
    out = []
    for run in paragraph["runs"]:
        out.extend(f'<span id="{escape(a)}" class="tx-anchor"></span>' for a in run["anchors"])
        text = escape(run["text"])
        if not run["techniques"]:
            if run["classes"]:
                out.append(f'<span class="{escape(run["classes"])}" title="{escape(run["hover"])}">{text}</span>')
            else:
                out.append(str(text))
            continue
        inner = f'<span class="{escape(run["classes"])}">{text}</span>' if run["classes"] else str(text)
        opening = "".join(f'<mark class="{escape(t["class"])}" data-span="{int(t["index"])}">'
                          for t in run["techniques"])
        closing = "</mark>" * len(run["techniques"])
        out.append(f'<a class="tq-link" href="#{escape(run["link"])}" title="{escape(run["hover"])}">'
                   f"{opening}{inner}{closing}</a>")
    return Markup("".join(out))


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


_OUTLET_LIST_LIMIT = 5  # techniques, claimed actors, and hostile/favourable actors shown per outlet


def render_report(documents: list[dict], tally: RunTally) -> str:
    authors_by_id = {
        doc["id"]: {c["id"]: c.get("author") or "(anonymous)" for c in doc.get("comments", [])}
        for doc in documents
    }
    # Anchors are built from the position in the report, never from ids read from the input.
    anchors = {doc["id"]: f"d{index}" for index, doc in reversed(list(enumerate(documents)))}
    titles = {doc["id"]: doc.get("title") or doc.get("source") or doc["id"] for doc in documents}
    return _environment().get_template("report.html.j2").render(
        documents=documents,
        anchors=anchors,
        titles=titles,
        outlets=persuasion.outlet_summaries(documents, limit=_OUTLET_LIST_LIMIT),
        any_persuasion=any(persuasion.has_persuasion(doc) for doc in documents),
        failures=tally.failures,
        tally=tally,
        authors_by_id=authors_by_id,
        version=__version__,
        generated=dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    )


def write_report(path: Path, documents: list[dict], tally: RunTally) -> None:
    path.write_text(render_report(documents, tally), encoding="utf-8")
