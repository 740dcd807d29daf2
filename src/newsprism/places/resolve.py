"""Choosing the gazetteer entry each place mention refers to, with the article as context.

Mentions with the same name (and the same cue) are one group, resolved once ("one sense per
article").  Each candidate starts from a prior: the place's prominence (feature type and
population, see :func:`~newsprism.places.gazetteer.prior_weight`) and how the name matched it
(its name before an alternate name, an exact key before a transliteration key).  Context then
moves the choice, in two rounds over the groups:

* the countries and provinces of the article's other places (a same-country, same-province bonus),
* the distance to the article's other places,
* "X, Y" (Paris, Texas): X is looked for inside Y,
* words around the mention: "the city of X" prefers a city, "X province" / "province d'X" /
  "Донецкая область" a province, region or district.

A province matched only by its bare name ("Aleppo" for Aleppo Governorate, whose name is "Aleppo
Governorate") yields to its namesake capital unless the text says "province"; a province whose own
name is the mention ("Quebec", "Texas") competes on prominence as usual.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..kb.normalize import alias_key, loose_key
from ..model import Place
from .gazetteer import ALTERNATE, DEMONYM, PREFERRED, Candidate, Gazetteer, gazetteer, haversine, prior_weight

MAX_CANDIDATES = 40  # per name, by prior: bounds the work on names like "San Jose"
MAX_CONTEXT_GROUPS = 1_500  # names beyond these (by frequency) are resolved by prior alone
MAX_POINTS = 25  # other places used for distances
MAX_DISTANCE_CANDIDATES = 8  # candidates (by prior) whose distance to the other places is weighed
MAX_SPAN = 80  # longer "mentions" are not place names
CONTEXT_ROUNDS = 2

# Weights (log10 population units), set on the dev split of the geoparsing benchmark.
W_COUNTRY = 2.0
W_COUNTRY_MORE = 0.5  # when three or more other names agree on the country
W_ADMIN1 = 1.5
W_DISTANCE = 1.0  # for another place at 0 km, falling linearly to 0 at DISTANCE_KM
DISTANCE_KM = 200.0
W_CONTAINER = 3.0
W_CUE = 2.0
W_BARE_PROVINCE = 1.0
KIND_PENALTY = {PREFERRED: 0.0, ALTERNATE: 1.5, DEMONYM: 0.3}
LOOSE_PENALTY = 0.5
TIE = 0.05
WEAK = 4.0  # a GeoNames town below this prior (~10,000 people, or a place by an alternate name) needs local context
ACCURACY_KM = 161.0  # rivals closer than this are the same answer for our purposes

AREAL = {"continent", "country", "region", "sea", "river", "desert", "admin1"}
SETTLEMENT = {"city", "town", "village", "district"}
ADMIN = {"admin1", "admin2", "region", "district"}

# Generic words that make a name a province, region or district, or a city, in our languages.
_ADMIN_WORDS = (
    "province provinces governorate governorates gouvernorat gobernación provincia provincias oblast óblast "
    "region région región regione state état estado county comté condado district département departamento "
    "prefecture préfecture wilaya vilayet muhafazah muhafazat krai kray raion rayon canton parish "
    "провинция провинции мухафаза область области край района район регион"
).split()
_CITY_WORDS = "city ville ciudad città cidade town village municipality commune город города деревня".split()
_LINKS = r"(?:\s+(?:of|de|d'|d’|du|del|de la|di)\s*)?"
_ADMIN_RE = "|".join(map(re.escape, _ADMIN_WORDS))
_CITY_RE = "|".join(map(re.escape, _CITY_WORDS))
_BEFORE_ADMIN = re.compile(rf"(?:{_ADMIN_RE}){_LINKS}\s*(?:the\s+|la\s+|le\s+|l')?$", re.IGNORECASE)
_BEFORE_CITY = re.compile(rf"(?:{_CITY_RE}){_LINKS}\s*(?:the\s+|la\s+|le\s+|l')?$", re.IGNORECASE)
_AFTER_ADMIN = re.compile(rf"^[\s-]+(?:{_ADMIN_RE})\b", re.IGNORECASE)
_AFTER_CITY = re.compile(rf"^[\s-]+(?:{_CITY_RE})\b", re.IGNORECASE)
_INNER_ADMIN = re.compile(rf"^(?:(?:{_ADMIN_RE}){_LINKS}\s+(.+)|(.+?)\s+(?:{_ADMIN_RE}))$", re.IGNORECASE)
_INNER_CITY = re.compile(rf"^(?:(?:{_CITY_RE}){_LINKS}\s+(.+)|(.+?)\s+(?:{_CITY_RE}))$", re.IGNORECASE)
_DIRECTION = re.compile(
    r"^(?:north|south|east|west|northern|southern|eastern|western|central|north-?eastern|north-?western|"
    r"south-?eastern|south-?western|northeast|northwest|southeast|southwest|greater|upper|lower)\s+(.+)$",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"['’]s?$")
_COMMA = re.compile(r"^\s*,\s*$")


@dataclass
class _Group:
    key: str
    cue: str | None
    text: str
    mentions: list[int] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    priors: list[float] = field(default_factory=list)
    choice: int = -1
    containers: Counter = field(default_factory=Counter)
    shortened: bool = False  # candidates found for a shortened form ("Laurel" for "Laurel County")
    reason: str = ""
    unresolved: str = ""


def _cue(text: str, start: int, end: int) -> str | None:
    before, after = text[max(0, start - 30):start], text[end:end + 25]
    if _BEFORE_ADMIN.search(before) or _AFTER_ADMIN.search(after):
        return "admin"
    if _BEFORE_CITY.search(before) or _AFTER_CITY.search(after):
        return "city"
    return None


def _variants(mention: str) -> tuple[list[str], str | None]:
    """Forms of the mention to look up, most literal first, and the cue its own words give."""
    mention = _POSSESSIVE.sub("", mention.strip()).strip()
    forms, cue = [mention], None
    for pattern, kind in ((_INNER_ADMIN, "admin"), (_INNER_CITY, "city")):
        match = pattern.match(mention)
        if match:
            forms.append(match.group(1) or match.group(2))
            cue = kind
            break
    direction = _DIRECTION.match(forms[-1])
    if direction:
        forms.append(direction.group(1))
    return forms, cue


def candidates_for(gaz: Gazetteer, forms: Sequence[str]) -> tuple[list[Candidate], int]:
    """Candidates of the first form that has any (exact keys over all forms before loose keys),
    and the position of that form: the mention itself (0) or a shortened form of it."""
    for table, keyer in (("exact", alias_key), ("loose", loose_key)):
        for position, form in enumerate(forms):
            found = gaz.postings(table, keyer(form))
            if found:
                return [gaz.candidate(index, kind, table == "loose") for index, kind in found], position
    plural = forms[0].rstrip()
    if plural.endswith("s") and len(plural) > 4:  # "Russians", "Palestinians": demonyms only
        found = [(i, k) for i, k in gaz.postings("exact", alias_key(plural[:-1])) if k == DEMONYM]
        return [gaz.candidate(index, kind) for index, kind in found], 0
    return [], 0


def _prior(candidate: Candidate, cue: str | None) -> float:
    score = _prominence(candidate) - KIND_PENALTY[candidate.kind]
    if cue == "admin":
        score += W_CUE if candidate.feature in ADMIN else -W_CUE if candidate.feature in SETTLEMENT else 0.0
    elif cue == "city":
        score += W_CUE if candidate.feature in SETTLEMENT else -W_CUE if candidate.feature in AREAL else 0.0
    return score


def _prominence(candidate: Candidate) -> float:
    pop_log = round(8 * math.log2(1 + candidate.population)) if candidate.population else 0
    return prior_weight(candidate.feature, pop_log, candidate.capital) - (LOOSE_PENALTY if candidate.loose else 0.0)


def _bare_province_penalty(group: _Group) -> None:
    """A province matched by its bare name yields to a same-named city of that province."""
    if group.cue == "admin":
        return
    cities: dict[tuple[str | None, str | None], float] = {}
    for candidate, prior in zip(group.candidates, group.priors):
        if candidate.feature in SETTLEMENT and candidate.kind != DEMONYM:
            where = (candidate.country, candidate.admin1)
            cities[where] = max(prior, cities.get(where, prior))
    for i, candidate in enumerate(group.candidates):
        where = (candidate.country, candidate.admin1)
        if candidate.feature == "admin1" and candidate.kind != PREFERRED and where in cities:
            group.priors[i] = min(group.priors[i], cities[where] - W_BARE_PROVINCE)


def resolve_spans(
    text: str,
    spans: Iterable[tuple[int, int]],
    restrict: Sequence[frozenset[str] | None] | None = None,
    gaz: Gazetteer | None = None,
) -> list[Place]:
    """One :class:`Place` per ``(start, end)`` span of ``text``, resolved with the others as context.

    ``restrict`` (parallel to ``spans``) limits a span to places of the given features (facility
    names may only be sites, bases, airports …)."""
    gaz = gaz or gazetteer()
    spans = list(spans)
    groups: dict[tuple[str, str | None, frozenset[str] | None], _Group] = {}
    group_of: list[_Group | None] = []
    for number, (start, end) in enumerate(spans):
        mention = text[start:end]
        if not mention.strip() or end - start > MAX_SPAN or start < 0 or end > len(text):
            group_of.append(None)
            continue
        features = restrict[number] if restrict else None
        forms, inner_cue = _variants(mention)
        cue = inner_cue or _cue(text, start, end)
        key = alias_key(forms[0]) or mention
        group = groups.get((key, cue, features))
        if group is None:
            group = groups[(key, cue, features)] = _Group(key=key, cue=cue, text=mention)
            group.candidates, position = candidates_for(gaz, forms)
            if features is not None:
                group.candidates = [c for c in group.candidates if c.feature in features]
            if len(key.replace(" ", "")) <= 2:  # "US", "UK", "DC": codes of countries and provinces only
                group.candidates = [c for c in group.candidates if c.feature in ("country", "admin1")]
            group.shortened = position > 0
            group.priors = [_prior(c, cue) for c in group.candidates]
            if len(group.candidates) > MAX_CANDIDATES:
                keep = sorted(range(len(group.candidates)), key=lambda i: -group.priors[i])[:MAX_CANDIDATES]
                group.candidates = [group.candidates[i] for i in keep]
                group.priors = [group.priors[i] for i in keep]
            _bare_province_penalty(group)
        group.mentions.append(len(group_of))
        group_of.append(group)
    _link_containers(text, spans, group_of)

    ranked = sorted(groups.values(), key=lambda g: -len(g.mentions))
    context, rest = ranked[:MAX_CONTEXT_GROUPS], ranked[MAX_CONTEXT_GROUPS:]
    for group in ranked:
        if group.candidates:
            group.choice = max(range(len(group.candidates)), key=group.priors.__getitem__)
    for _ in range(CONTEXT_ROUNDS):
        _context_round([g for g in context if g.candidates])
    for group in rest:
        group.reason = "prior only (too many names for context)"
    for group in ranked:
        if group.candidates and not group.reason:
            group.reason = "; ".join([group.candidates[group.choice].match, group.candidates[group.choice].feature])
    return [_place(text, start, end, group) for (start, end), group in zip(spans, group_of)]


def _link_containers(text: str, spans: list[tuple[int, int]], group_of: list[_Group | None]) -> None:
    """ "X, Y": Y (the next mention, after a comma) contains X."""
    order = sorted(range(len(spans)), key=lambda i: spans[i])
    for a, b in zip(order, order[1:]):
        ga, gb = group_of[a], group_of[b]
        if ga and gb and ga is not gb and 0 < spans[b][0] - spans[a][1] <= 3 and _COMMA.match(text[spans[a][1]:spans[b][0]]):
            ga.containers[id(gb)] += 1


def _context_round(groups: list[_Group]) -> None:
    # Context is counted in distinct names: "Aleppo" and "Aleppo province" do not vouch for each other.
    chosen = {id(g): g.candidates[g.choice] for g in groups}
    countries: dict[str, set[str]] = {}
    admin1s: dict[tuple[str, str], set[str]] = {}
    for g in groups:
        c = chosen[id(g)]
        if c.country:
            countries.setdefault(c.country, set()).add(g.key)
        if c.country and c.admin1 and c.feature != "country":
            admin1s.setdefault((c.country, c.admin1), set()).add(g.key)
    points = [
        (g.key, chosen[id(g)]) for g in sorted(groups, key=lambda g: -len(g.mentions))
        if chosen[id(g)].feature not in AREAL
    ][:MAX_POINTS]
    by_id = {id(g): g for g in groups}
    for g in groups:
        scores, notes = [], []
        near = set(sorted(range(len(g.candidates)), key=lambda i: -g.priors[i])[:MAX_DISTANCE_CANDIDATES])
        for i, c in enumerate(g.candidates):
            score, note = g.priors[i], []
            support = len(countries.get(c.country, set()) - {g.key}) if c.country else 0
            if support > 0:
                score += W_COUNTRY + (W_COUNTRY_MORE if support >= 3 else 0.0)
                note.append(f"country {c.country} in context")
            if c.admin1 and c.feature != "country" and admin1s.get((c.country, c.admin1), set()) - {g.key}:
                score += W_ADMIN1
                note.append("province in context")
            if c.feature not in AREAL and len(g.candidates) > 1 and i in near:
                nearest = min((haversine(c.lat, c.lon, p.lat, p.lon) for key, p in points if key != g.key), default=None)
                if nearest is not None and nearest < DISTANCE_KM:
                    score += W_DISTANCE * (1 - nearest / DISTANCE_KM)
                    note.append(f"{nearest:.0f} km from another place")
            for container_id in g.containers:
                container = by_id.get(container_id)
                if container is not None and _inside(c, container.candidates[container.choice]):
                    score += W_CONTAINER
                    note.append(f"in {container.text}")
            scores.append(score)
            notes.append(note)
        best = max(range(len(scores)), key=scores.__getitem__)
        g.choice, choice, note = best, g.candidates[best], notes[best]
        rivals = [
            c for i, c in enumerate(g.candidates) if i != best and scores[best] - scores[i] < TIE
            and haversine(c.lat, c.lon, choice.lat, choice.lon) > ACCURACY_KM
        ]
        local = [n for n in note if not n.startswith("country")]
        if rivals and not note:
            names = ", ".join(f"{c.name} ({c.country or c.feature})" for c in [choice, *rivals][:4])
            g.unresolved = f"ambiguous: {names}"
        elif g.shortened and g.cue == "admin" and choice.feature in SETTLEMENT and not local:
            g.unresolved = f"not in gazetteer (no province or district named so; {choice.name}, {choice.country} is a town)"
        elif choice.feature == "city" and _prominence(choice) < WEAK and not local:
            g.unresolved = f"weak match: {choice.name} ({choice.country}), {choice.match} of a small place, no local context"
        else:
            g.unresolved = ""
        parts = [choice.match, choice.feature] + ([f"best of {len(g.candidates)}"] if len(g.candidates) > 1 else [])
        g.reason = "; ".join(parts + note)


def _inside(candidate: Candidate, container: Candidate) -> bool:
    if candidate.country != container.country or not container.country or container.feature not in AREAL:
        return False
    if container.feature == "country":
        return True
    if container.feature == "admin1":
        return candidate.admin1 == container.admin1 or haversine(candidate.lat, candidate.lon, container.lat, container.lon) < 300
    return haversine(candidate.lat, candidate.lon, container.lat, container.lon) < 300


def _place(text: str, start: int, end: int, group: _Group | None) -> Place:
    place = Place(text=text[start:end], start=start, end=end)
    if group is None:
        place.reason = "not a place name (empty or too long)"
        return place
    if not group.candidates:
        place.reason = "not in gazetteer"
        return place
    if group.unresolved:
        place.reason = group.unresolved
        return place
    c = group.candidates[group.choice]
    place.id, place.name, place.geonames_id = c.id, c.name, c.geonames_id
    place.lat, place.lon, place.country, place.feature = c.lat, c.lon, c.country, c.feature
    place.resolved, place.reason = True, group.reason
    return place
