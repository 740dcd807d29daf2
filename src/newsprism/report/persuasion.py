"""Summaries of the persuasion analysis (techniques, claims, tone) per article and per outlet.

Everything here reads documents as plain JSON dicts (what ``documents.jsonl`` holds), so the HTML
report, the run's tally and the CLI share one aggregation, and documents written before issue 5
(no ``techniques``/``claims``/``tone`` keys) simply count as not analysed.

Per-outlet figures always carry the number of articles behind them: an outlet whose "mean tone
toward X" rests on one article is not comparable with one resting on forty.
"""

from __future__ import annotations

import collections
import math
from collections.abc import Iterable, Mapping
from typing import Any

from ..techniques.data import DEFINITIONS

UNKNOWN_OUTLET = "unknown outlet"

# The six coarse categories of SemEval-2023 Task 3; one colour each in the report.
FAMILIES: dict[str, tuple[str, ...]] = {
    "attack": ("Name_Calling-Labeling", "Guilt_by_Association", "Doubt", "Appeal_to_Hypocrisy",
               "Questioning_the_Reputation"),
    "justification": ("Flag_Waving", "Appeal_to_Authority", "Appeal_to_Popularity", "Appeal_to_Values",
                      "Appeal_to_Fear-Prejudice"),
    "simplification": ("Causal_Oversimplification", "False_Dilemma-No_Choice", "Consequential_Oversimplification"),
    "distraction": ("Straw_Man", "Red_Herring", "Whataboutism"),
    "call": ("Slogans", "Conversation_Killer", "Appeal_to_Time"),
    "wording": ("Loaded_Language", "Obfuscation-Vagueness-Confusion", "Exaggeration-Minimisation", "Repetition"),
}
FAMILY_LABELS: dict[str, str] = {
    "attack": "attack on reputation",
    "justification": "justification",
    "simplification": "simplification",
    "distraction": "distraction",
    "call": "call to action / cliché",
    "wording": "manipulative wording",
    "other": "unknown technique",
}
_FAMILY_OF: dict[str, str] = {name: family for family, names in FAMILIES.items() for name in names}
TONE_LABELS = ("hostile", "neutral", "favourable")
# A calibrated probability below one half means the model thinks the span more likely wrong than right.
LOW_CONFIDENCE_BELOW = 0.5


def family_of(technique: object) -> str:
    """Family key of a technique; names outside the taxonomy (hostile or stale input) are 'other'."""
    return _FAMILY_OF.get(technique, "other") if isinstance(technique, str) else "other"


def definition_of(technique: object) -> str:
    if isinstance(technique, str) and technique in DEFINITIONS:
        return DEFINITIONS[technique]
    return "Not one of the 23 SemEval-2023 techniques known to this version of newsprism."


def number(value: object) -> float | None:
    """A finite float, or None: JSON from disk is not trusted to hold what the model promised."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def is_low_span(span: Mapping) -> bool:
    confidence = number(span.get("confidence"))
    return bool(span.get("low_confidence")) or confidence is None or confidence < LOW_CONFIDENCE_BELOW


def word_count(body: str) -> int:
    return len(body.split())


def technique_analysed(doc: Mapping) -> bool:
    """Whether the technique stage ran on this document (older JSON has none of these keys)."""
    return (doc.get("technique_density") is not None or bool(doc.get("techniques"))
            or bool(doc.get("paragraph_techniques")) or "techniques" in (doc.get("stages") or []))


def has_persuasion(doc: Mapping) -> bool:
    return technique_analysed(doc) or bool(doc.get("claims")) or bool(doc.get("tone"))


def technique_counts(doc: Mapping) -> dict[str, int]:
    """Spans per technique: the stage's own counts when present, else counted from the spans."""
    given = doc.get("technique_counts") or {}
    counts = {k: int(v) for k, v in given.items() if isinstance(k, str) and number(v) is not None and v > 0}
    if counts:
        return counts
    return dict(collections.Counter(s.get("technique") for s in doc.get("techniques") or []
                                    if isinstance(s.get("technique"), str)))


def technique_density(doc: Mapping) -> float | None:
    """Spans per 1,000 words: the stage's figure, else computed the same way from the spans."""
    given = number(doc.get("technique_density"))
    if given is not None:
        return given
    words = word_count(doc.get("body") or "")
    if doc.get("techniques") and words:
        return 1000.0 * len(doc["techniques"]) / words
    return None


def paragraph_technique_counts(doc: Mapping) -> collections.Counter:
    counter: collections.Counter = collections.Counter()
    for paragraph in doc.get("paragraph_techniques") or []:
        counter.update({t for t in paragraph.get("techniques") or [] if isinstance(t, str)})
    return counter


def technique_rows(doc: Mapping) -> list[dict]:
    """The article's legend: every technique present (as spans or paragraph labels), most used first."""
    spans = technique_counts(doc)
    paragraphs = paragraph_technique_counts(doc)
    low = collections.defaultdict(list)
    for span in doc.get("techniques") or []:
        if isinstance(span.get("technique"), str):
            low[span["technique"]].append(is_low_span(span))
    rows = []
    for name in set(spans) | set(paragraphs):
        rows.append({
            "technique": name,
            "family": family_of(name),
            "family_label": FAMILY_LABELS[family_of(name)],
            "spans": spans.get(name, 0),
            "paragraphs": paragraphs.get(name, 0),
            "definition": definition_of(name),
            "all_low": bool(low.get(name)) and all(low[name]),
        })
    rows.sort(key=lambda r: (-r["spans"], -r["paragraphs"], r["technique"]))
    return rows


def entity_names(doc: Mapping) -> dict[str, str]:
    """id (or surface text) -> preferred name, so claims and tone can show names for ids."""
    names: dict[str, str] = {}
    for entity in doc.get("entities") or []:
        name = entity.get("name") or entity.get("text")
        if isinstance(name, str):
            if isinstance(entity.get("id"), str):
                names.setdefault(entity["id"], name)
            if isinstance(entity.get("text"), str):
                names.setdefault(entity["text"], name)
    for place in doc.get("places") or []:
        if isinstance(place.get("id"), str) and isinstance(place.get("name"), str):
            names.setdefault(place["id"], place["name"])
    for tone in doc.get("tone") or []:
        if isinstance(tone.get("id"), str) and isinstance(tone.get("name"), str):
            names.setdefault(tone["id"], tone["name"])
    return names


def tone_label(value: object, score: float | None) -> str:
    """The stage's label when it is one of the three; otherwise read it off the score's sign."""
    if value in TONE_LABELS:
        return value
    if score is None:
        return "neutral"
    return "hostile" if score < 0 else "favourable" if score > 0 else "neutral"


def tone_bar(score: float | None) -> dict[str, float]:
    """Left offset and width (percent of the bar) of the filled part; the bar's centre is neutral."""
    if score is None:
        return {"left": 50.0, "width": 0.0}
    score = max(-1.0, min(1.0, score))
    width = abs(score) * 50.0
    return {"left": 50.0 - width if score < 0 else 50.0, "width": width}


def tone_rows(doc: Mapping) -> list[dict]:
    """Actors by tone, most hostile first, each with its evidence sentences."""
    rows = []
    for tone in doc.get("tone") or []:
        score = number(tone.get("score"))
        evidence = [{"text": e.get("text") or "", "score": number(e.get("score"))}
                    for e in tone.get("evidence") or [] if isinstance(e, Mapping)]
        rows.append({
            "id": tone.get("id"),
            "name": tone.get("name") or tone.get("id") or "?",
            "score": score,
            "label": tone_label(tone.get("label"), score),
            "bar": tone_bar(score),
            "mentions": number(tone.get("mentions")) or 0,
            "evidence": evidence,
            "low_confidence": bool(tone.get("low_confidence")),
        })
    rows.sort(key=lambda r: (r["score"] if r["score"] is not None else 0.0, str(r["name"])))
    return rows


def claim_rows(doc: Mapping, anchors: Mapping[str, str], titles: Mapping[str, str]) -> list[dict]:
    """Claims in the stage's order (best first) with names for ids and resolvable cross-article links.

    ``anchors`` maps the id of every document in the report to its anchor prefix; a link to an
    article outside the report stays text.
    """
    names = entity_names(doc)
    rows = []
    for index, claim in enumerate(doc.get("claims") or []):
        links = []
        for link in claim.get("links") or []:
            other, target = link.get("document"), link.get("claim")
            anchor = anchors.get(other) if isinstance(other, str) else None
            links.append({
                "document": other,
                "title": titles.get(other) if isinstance(other, str) else None,
                "claim": target if isinstance(target, int) else None,
                "href": f"#{anchor}-cl{target}" if anchor and isinstance(target, int) and target >= 0 else None,
                "similarity": number(link.get("similarity")),
            })
        rows.append({
            "index": index,
            "text": claim.get("text") or "",
            "score": number(claim.get("score")),
            "kinds": [k for k in claim.get("kinds") or [] if isinstance(k, str)],
            "entities": [names.get(e, e) for e in claim.get("entities") or [] if isinstance(e, str)],
            "dates": [d for d in claim.get("dates") or [] if isinstance(d, str)],
            "places": [names.get(p, p) for p in claim.get("places") or [] if isinstance(p, str)],
            "links": links,
        })
    return rows


def outlet_name(doc: Mapping) -> str:
    outlet = doc.get("outlet")
    name = outlet.get("name") if isinstance(outlet, Mapping) else None
    return name if isinstance(name, str) and name.strip() else UNKNOWN_OUTLET


class PersuasionAggregate:
    """Running totals over a set of articles (one outlet, or a whole run); memory grows with the
    number of distinct techniques and actors, not with the number of articles."""

    def __init__(self) -> None:
        self.articles = 0
        self.analysed = 0  # articles the technique stage ran on
        self.low_confidence = 0
        self.spans = 0
        self.density_sum = 0.0
        self.density_articles = 0
        self.own_voice_sum = 0.0
        self.own_voice_articles = 0
        self.technique_spans: collections.Counter = collections.Counter()
        self.technique_articles: collections.Counter = collections.Counter()
        self.technique_paragraphs: collections.Counter = collections.Counter()
        self.claims = 0
        self.claim_articles = 0
        self.linked_claims = 0
        self.actor_claims: collections.Counter = collections.Counter()
        self.actor_claim_articles: collections.Counter = collections.Counter()
        self.names: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
        self.tone_sum: collections.Counter = collections.Counter()
        self.tone_articles: collections.Counter = collections.Counter()
        self.tone_mentions: collections.Counter = collections.Counter()
        self.tone_labels: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
        self.tone_docs = 0  # articles with at least one actor scored

    def add(self, doc: Mapping) -> None:
        self.articles += 1
        self.low_confidence += doc.get("analysis_confidence") == "low"
        if technique_analysed(doc):
            self.analysed += 1
            counts = technique_counts(doc)
            self.spans += sum(counts.values())
            self.technique_spans.update(counts)
            paragraphs = paragraph_technique_counts(doc)
            self.technique_paragraphs.update(paragraphs)
            self.technique_articles.update(set(counts) | set(paragraphs))
            density = technique_density(doc)
            if density is not None:
                self.density_sum += density
                self.density_articles += 1
            own_voice = number(doc.get("own_voice_density"))
            if own_voice is not None:
                self.own_voice_sum += own_voice
                self.own_voice_articles += 1
        names = entity_names(doc)
        claims = doc.get("claims") or []
        if claims:
            self.claims += len(claims)
            self.claim_articles += 1
            self.linked_claims += sum(bool(c.get("links")) for c in claims)
            per_actor = collections.Counter(e for c in claims for e in dict.fromkeys(c.get("entities") or [])
                                            if isinstance(e, str))
            self.actor_claims.update(per_actor)
            self.actor_claim_articles.update(per_actor.keys())
            for key in per_actor:
                self.names[key][names.get(key, key)] += 1
        seen = set()
        for tone in doc.get("tone") or []:
            key, score = tone.get("id") or tone.get("name"), number(tone.get("score"))
            if not isinstance(key, str) or score is None or key in seen:
                continue  # one vote per article and actor
            seen.add(key)
            self.tone_sum[key] += max(-1.0, min(1.0, score))
            self.tone_articles[key] += 1
            self.tone_mentions[key] += int(number(tone.get("mentions")) or 0)
            self.tone_labels[key][tone_label(tone.get("label"), score)] += 1
            name = tone.get("name")
            self.names[key][name if isinstance(name, str) and name else names.get(key, key)] += 1
        self.tone_docs += bool(seen)

    def _name(self, key: str) -> str:
        counter = self.names.get(key)
        return counter.most_common(1)[0][0] if counter else key

    def summary(self, limit: int | None = None) -> dict[str, Any]:
        """JSON-ready figures; ``limit`` caps the technique and actor lists."""
        techniques = [
            {"technique": name, "spans": self.technique_spans[name], "articles": self.technique_articles[name],
             "paragraphs": self.technique_paragraphs[name]}
            for name in self.technique_articles
        ]
        techniques.sort(key=lambda t: (-t["spans"], -t["articles"], -t["paragraphs"], t["technique"]))
        claimed = [
            {"id": key, "name": self._name(key), "claims": n, "articles": self.actor_claim_articles[key]}
            for key, n in self.actor_claims.items()
        ]
        claimed.sort(key=lambda a: (-a["claims"], -a["articles"], a["name"]))
        tone = []
        for key, n in self.tone_articles.items():
            labels = self.tone_labels[key]
            top = labels.most_common()
            # Majority of the per-article labels; a tie reads as neutral rather than picking a side.
            label = top[0][0] if len(top) == 1 or top[0][1] > top[1][1] else "neutral"
            tone.append({"id": key, "name": self._name(key), "mean_score": round(self.tone_sum[key] / n, 4),
                         "label": label, "articles": n, "mentions": self.tone_mentions[key],
                         "labels": {name: labels.get(name, 0) for name in TONE_LABELS}})
        tone.sort(key=lambda a: (a["mean_score"], -a["articles"], a["name"]))
        return {
            "articles": self.articles,
            "analysed_articles": self.analysed,
            "low_confidence_articles": self.low_confidence,
            "technique_spans": self.spans,
            "mean_technique_density": (round(self.density_sum / self.density_articles, 3)
                                       if self.density_articles else None),
            "density_articles": self.density_articles,
            "mean_own_voice_density": (round(self.own_voice_sum / self.own_voice_articles, 3)
                                       if self.own_voice_articles else None),
            "own_voice_articles": self.own_voice_articles,
            "techniques": techniques[:limit],
            "claims": self.claims,
            "claim_articles": self.claim_articles,
            "linked_claims": self.linked_claims,
            "claimed_actors": claimed[:limit],
            "tone": tone if limit is None else _extremes(tone, limit),
            "tone_actors": len(tone),
            "tone_articles": self.tone_docs,
        }


def tone_extremes(tone: list[dict], limit: int) -> tuple[list[dict], list[dict]]:
    """The ``limit`` most hostile and the ``limit`` most favourable actors (by label), most extreme first."""
    hostile = [a for a in tone if a["label"] == "hostile"][:limit]
    favourable = [a for a in reversed(tone) if a["label"] == "favourable"][:limit]
    return hostile, favourable


def _extremes(tone: list[dict], limit: int) -> list[dict]:
    """Both ends of the tone list in score order (hostile first), the neutral middle left out."""
    hostile, favourable = tone_extremes(tone, limit)
    return hostile + favourable[::-1]


class OutletAggregate:
    """One :class:`PersuasionAggregate` per outlet name."""

    def __init__(self) -> None:
        self.outlets: dict[str, PersuasionAggregate] = collections.defaultdict(PersuasionAggregate)

    def add(self, doc: Mapping) -> None:
        self.outlets[outlet_name(doc)].add(doc)

    def summaries(self, limit: int | None = None) -> list[dict]:
        rows = [{"outlet": name, **aggregate.summary(limit)} for name, aggregate in self.outlets.items()]
        rows.sort(key=lambda r: (-r["articles"], r["outlet"] == UNKNOWN_OUTLET, r["outlet"]))
        return rows


def outlet_summaries(documents: Iterable[Mapping], limit: int | None = None) -> list[dict]:
    """Per-outlet figures over a corpus (``document.outlet.name`` or "unknown outlet"), largest first.

    Each figure carries the number of articles behind it: ``density_articles`` for the mean density,
    ``articles`` in each technique, claimed actor and tone entry.
    """
    aggregate = OutletAggregate()
    for doc in documents:
        aggregate.add(doc)
    return aggregate.summaries(limit)


def corpus_summary(documents: Iterable[Mapping], limit: int | None = None) -> dict[str, Any]:
    aggregate = PersuasionAggregate()
    for doc in documents:
        aggregate.add(doc)
    return aggregate.summary(limit)
