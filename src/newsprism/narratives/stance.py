"""Whose voice carries a narrative: the outlet's ("advances"), a quoted one ("reports"), or a refutation ("debunks").

Why it matters: a fact-check or a wire story that writes "Russian state media claimed that the US
created ISIS, which is false" contains the narrative as plainly as the outlet that asserts it.
Counting both as carrying the narrative would make every debunking outlet look like a propagandist.

Rules, per evidence sentence (cue lists in ``data/narratives/stance-cues.yaml``):

* *debunks* when the sentence or one of its neighbours has a refutation cue ("false claim",
  "without evidence", "debunked", "conspiracy theory" ... in en, fr, es, de, ru);
* *reports* when the narrative was found in a quote inside the sentence ("Russian television
  claimed that [the US created ISIS]"), when most of the sentence lies inside a quote the quotes
  stage attributed to a speaker, or when the sentence has an attribution cue the quotes stage does
  not model ("allegedly", "the claim that", "has been accused of");
* otherwise *advances*: the outlet states it in its own voice.

A match advances the narrative when any of its sentences does; otherwise it debunks when one of its
sentences is debunked, else it reports.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from ..corpus.catalogue import DEFAULT_OUT_DIR
from ..model import Quote

CUES_FILE = DEFAULT_OUT_DIR / "stance-cues.yaml"
ADVANCES, REPORTS, DEBUNKS = "advances", "reports", "debunks"
NEIGHBOUR_CHARS = 2_000
"""Only the first characters of a neighbouring sentence are searched for cues (a run-on can be huge)."""
QUOTED_SHARE = 0.5
"""Share of a sentence's characters inside attributed quotes from which the sentence is reported speech."""


@lru_cache(maxsize=4)
def cue_patterns(path: Path = CUES_FILE) -> dict[str, re.Pattern]:
    """One compiled pattern per cue kind ('debunk', 'report'), all languages together.

    All languages at once because articles mix languages and a cue of another language almost never
    occurs by chance; cues are matched at word starts, so a stem covers its inflections.
    """
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    patterns = {}
    for kind in ("debunk", "report"):
        entries = [entry for language in sorted(data[kind]) for entry in data[kind][language]]
        patterns[kind] = re.compile(r"(?<!\w)(?:" + "|".join(f"(?:{e})" for e in entries) + ")", re.IGNORECASE)
    return patterns


def quoted_share(start: int, end: int, quotes: list[Quote]) -> float:
    """Share of ``[start, end)`` covered by attributed quotes (overlaps merged)."""
    spans = sorted((max(start, q.start), min(end, q.end)) for q in quotes if q.start < end and q.end > start)
    covered, reach = 0, start
    for left, right in spans:
        left = max(left, reach)
        if right > left:
            covered += right - left
            reach = right
    return covered / max(1, end - start)


def sentence_stance(
    body: str, sentence: tuple[int, int], neighbours: list[tuple[int, int]], quotes: list[Quote], quoted: bool = False
) -> str:
    """The stance of one evidence sentence (see the module docstring); ``quoted``: found in a quote inside it."""
    patterns = cue_patterns()
    start, end = sentence
    if any(patterns["debunk"].search(body, s, min(e, s + NEIGHBOUR_CHARS)) for s, e in [sentence, *neighbours]):
        return DEBUNKS
    attributed = [q for q in quotes if q.speaker or q.cue]
    if quoted or quoted_share(start, end, attributed) >= QUOTED_SHARE or patterns["report"].search(body, start, end):
        return REPORTS
    return ADVANCES


def match_stance(stances: list[str]) -> str:
    """The stance of a match from its sentences' stances: the outlet's own voice wins."""
    if ADVANCES in stances:
        return ADVANCES
    return DEBUNKS if DEBUNKS in stances else REPORTS
