"""Finding date expressions in a body: atoms, the words around them, and ranges.

1. Every template of the paragraph's language finds *atoms*; each becomes a spec (:mod:`.resolve`).
2. The words just before and after an atom are read: a modifier ("last", "dernier") or a part
   ("late", "fin") changes the spec and joins the mention; a preposition ("in", "en", "в") only
   *licenses* atoms that are not dates by themselves (a month, a year, a season: "in May",
   not "they may"); "since" / "until" open a range.  Atoms that need a licence and get none are dropped.
3. Overlapping atoms: the longest wins.
4. "From X to Y", "between X and Y", "desde X hasta Y": X and Y become one range.  "From" and
   "between" license a bare year or month only when the other end is found ("between 2000 and
   3000 troops" is not a date).
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import re
from dataclasses import dataclass
from datetime import date

from .grammar import Grammar, key
from .resolve import VAGUE, Ago, Calendar, Part, Past, Range, Season, Shift, ToDate, Unknown, Weekday

# Template matches read per document: far more than any article holds (a long one has a few hundred);
# a body made of date-like words stops here instead of costing seconds.
MAX_MATCHES = 12_000
MAX_TEMPLATE_MATCHES = 4_000  # per template and region, so one repeated word does not starve the others
LEFT = 48  # characters read before an atom for its prefix words
RIGHT = 48
NEEDS_LICENCE = {"month", "year", "season", "current"}
MOD_KINDS = {"weekday", "month", "season", "season_alone", "dmy", "mdy"}
PART_KINDS = {"month", "my", "year", "season", "season_alone", "shift", "current"}
YEAR_REF_KINDS = {"month", "season", "dmy", "mdy"}
RELATIVE_WORDS = {"relday", "shift", "past", "ago"}
EXPLICIT = {"dmy", "mdy", "my", "numeric"}
_DASH = re.compile(r"\s*[-–—]\s*")
NOT_PARTNERS = {"past", "ago", "current", "year_range", "decade"}
_GENITIVE_AFTER = re.compile(r"\s+(?:of|de|d['’]|del|des|della|do|da|des|der)\b", re.IGNORECASE)
_SENTENCE_END = ".!?:;«»\"“”(\n"
_CAPITALISED_AFTER = re.compile(r"\s+[A-Z][a-z]")
_CAPITALISED_BEFORE = re.compile(r"(?<![^\W_])[A-Z][a-z]+\s+$")
# A month, year or season right after another one, joined by "and" / "or" (or a comma, between names):
# "in May and June", "in 2014 or 2015" share the first one's preposition.
_AND_BEFORE = re.compile(r"(?:\s+(?:and|or|et|ou|y|o|e|и|или|und|oder)|\s*,)\s+$", re.IGNORECASE)
COORDINATED = {"month", "my", "year", "season", "dmy", "mdy"}


@dataclass
class Atom:
    start: int
    end: int
    kind: str
    spec: object
    grammar: Grammar
    limit: int  # end of the atom's region (paragraphs of one language)
    licence: str = "self"  # self | needs | conditional (from / between without the other end yet)
    role: str | None = None  # since / until / from / between
    role_start: int = 0


def _year(text: str | None) -> int | None:
    return int(text) if text else None


def _valid_day(year: int | None, month: int, day: int) -> bool:
    try:
        date(year or 2000, month, day)  # 2000 is a leap year: 29 February without a year is kept
    except ValueError:
        return False
    return True


def _count(grammar: Grammar, text: str | None) -> int | None:
    """The number before a unit: digits, a word, or None for a vague one ("a few")."""
    if text is None:
        return 1
    return int(text) if text.isdigit() else grammar.lookup("number", text)


def _numeric(match: re.Match, language: str | None):
    group = match.groupdict()
    if group.get("iy"):
        year, month, day = int(group["iy"]), int(group["im"]), int(group["id"])
        return Calendar(year, month, day) if _valid_day(year, month, day) else None
    if group.get("cy"):
        year, month = int(group["cy"]), int(group["cm"])
        day = _year(group["cd"])
        return Calendar(year, month, day) if day is None or _valid_day(year, month, day) else None
    first, second, year_text, sep = int(group["na"]), int(group["nb"]), group["ny"], group["sep"]
    if len(year_text) == 2 and sep == "-":
        return None  # "12-11-15": a score or a code more often than a date
    year = int(year_text)
    if len(year_text) == 2:
        year += 2000 if year < 50 else 1900
    candidates = {(first, second), (second, first)}  # (day, month)
    valid = {(d, m) for d, m in candidates if 1 <= m <= 12 and _valid_day(year, m, d)}
    if not valid:
        return None
    if len(valid) == 2 and first != second:
        if sep == "." or language not in (None, "en"):
            return Calendar(year, second, first)  # dotted dates and non-English ones are day first
        return Unknown("ambiguous numeric date: day and month order unknown")
    day, month = (first, second) if (first, second) in valid else next(iter(valid))
    return Calendar(year, month, day)


def _explicit(match: re.Match, grammar: Grammar):
    group = match.groupdict().get
    month = grammar.lookup("month", group("month"))
    day = int(group("day"))
    year = _year(group("year"))
    weekday = grammar.lookup("weekday", group("wd")) if group("wd") else None
    if not _valid_day(year, month, day):
        return None
    first = Calendar(year, month, day, weekday=weekday)
    if not group("day2"):
        return first
    last_day = int(group("day2"))
    if last_day <= day or not _valid_day(year, month, last_day):
        return None
    return Range(dataclasses.replace(first, weekday=None), Calendar(year, month, last_day))


def _build(kind: str, match: re.Match, grammar: Grammar, body: str):
    """The spec of a template match and whether it needs a licence; None when it is not a date."""
    group = match.groupdict().get  # None for groups the template lacks
    if kind == "numeric":
        return _numeric(match, grammar.language), "self"
    if kind in ("dmy", "mdy"):
        return _explicit(match, grammar), "self"
    if kind == "my":
        return Calendar(int(group("year")), grammar.lookup("month", group("month"))), "self"
    if kind == "month":
        return Calendar(month=grammar.lookup("month", group("month"))), "needs"
    if kind == "year":
        return Calendar(int(group("year"))), "self" if group("ytail").strip() else "needs"
    if kind == "year_range":
        first, last = int(group("year")), group("year2")
        last = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
        return (Range(Calendar(first), Calendar(last)) if first < last <= first + 50 else None), "self"
    if kind == "weekday":
        return Weekday(grammar.lookup("weekday", group("wd"))), "self"
    if kind == "relday":
        return Shift("day", grammar.lookup("relday", group("rel"))), "self"
    if kind == "shift":
        if _GENITIVE_AFTER.match(body, match.end()):
            return None, "self"  # "last week of October"
        unit, value = grammar.lookup("shift", group("shift"))
        if value in ("to_date", "rest"):
            return ToDate(unit, later=value == "rest"), "self"
        return Shift(unit, value), "self"
    if kind in ("past", "ago"):
        return _span(kind, match, grammar, body), "self"
    if kind == "current":
        return Shift(grammar.lookup("current", group("current")), 0), "needs"
    if kind == "season":
        year = _year(group("year"))
        return Season(grammar.lookup("season", group("season")), year), "self" if year else "needs"
    if kind == "decade":
        decade = int(group("decade")) if group("decade") else 1900 + int(group("decade2"))
        return Range(Calendar(decade), Calendar(decade + 9)), "self"
    if kind == "season_alone":
        season, part = grammar.lookup("season_alone", group("season"))
        spec = Season(season, _year(group("year")))
        return (Part(spec, part) if part else spec), "self"
    raise AssertionError(kind)


def _span(kind: str, match: re.Match, grammar: Grammar, body: str):
    """ "The past three days", "two weeks ago"; None for "the last days of …" (not anchored at publication)."""
    unit, plural = grammar.lookup("unit", match.group("unit"))
    words = match.groupdict().get("n")
    count = _count(grammar, words)
    if kind == "past" and _GENITIVE_AFTER.match(body, match.end()):
        return None  # "the last week of the campaign", "les derniers jours de la guerre": not counted from publication
    if words is None and not plural and unit not in grammar.lexicon.bare_units:
        return None  # "the last day I took off": not the day before publication
    if words is None and plural:
        if kind == "ago":
            return None
        count = None  # "ces derniers jours", "recent weeks": a few
    if count == 0:
        return None
    if unit == "hour":
        if count is None:
            return None
        unit, count = "day", (math.ceil(count / 24) if kind == "past" else count // 24)
    if kind == "past":
        return Past(unit, VAGUE[1] if count is None else count)
    if count is None:
        return Range(Ago(unit, VAGUE[1]), Ago(unit, VAGUE[0]))
    return Ago(unit, count)


def _sentence_start(body: str, position: int) -> bool:
    before = body[max(0, position - 3):position].rstrip()
    return not before or before[-1] in _SENTENCE_END


def _dress(atom: Atom, body: str, lo: int) -> Atom | None:
    """Apply the words around ``atom``; None when it is not a date there."""
    grammar = atom.grammar
    lexicon = grammar.lexicon
    text = body[atom.start:atom.end]
    word = key(text)
    left_start = max(lo, atom.start - LEFT)
    left = body[left_start:atom.start]
    guard = grammar.tables["not_before"].get(word)
    if guard is not None and guard.search(left):
        return None
    guard = grammar.tables["not_after"].get(word)
    if guard is not None and guard.match(body, atom.end, atom.limit):
        return None
    if word in lexicon.lowercase_only and text != word:
        return None
    capital_rule = atom.kind == "season" and grammar.language != "de" or (
        atom.kind == "weekday" and lexicon.names_lowercase)
    capital_rule = capital_rule or lexicon.names_capitalised and atom.kind in RELATIVE_WORDS
    if capital_rule and text[:1].isupper() and not _sentence_start(body, atom.start):
        return None  # "Arab Spring", "Plácido Domingo", "CBS This Morning"
    spec, kind = atom.spec, atom.kind
    licensed = atom.licence == "self"

    suffix_match = grammar.suffix.match(body, atom.end, min(atom.limit, atom.end + RIGHT))
    suffix = suffix_match.groupdict()
    takes_mod = kind in MOD_KINDS and isinstance(spec, (Calendar, Season, Weekday))
    if suffix.get("pmod") and takes_mod:
        spec = dataclasses.replace(spec, mod=grammar.classify("mod", suffix.get("pmod")))
        atom.end = suffix_match.end("pmod")
        licensed = True
    if suffix.get("yref") and kind in YEAR_REF_KINDS and isinstance(spec, (Calendar, Season)) and spec.year is None:
        spec = dataclasses.replace(spec, year_shift=grammar.classify("yref", suffix.get("yref")), mod=None)
        atom.end = suffix_match.end("yref")
        licensed = True

    prefix_match = grammar.prefix.search(left)
    prefix = prefix_match.groupdict()
    if prefix.get("mod") and takes_mod and spec.mod is None:
        spec = dataclasses.replace(spec, mod=grammar.classify("mod", prefix.get("mod")))
        atom.start = left_start + prefix_match.start("mod")
        licensed = True
    part_applies = kind in PART_KINDS and not (kind == "shift" and getattr(spec, "unit", "") == "day")
    part_applies = part_applies and not isinstance(spec, (Range, Part))
    if prefix.get("part") and part_applies:
        spec = Part(spec, grammar.classify("part", prefix.get("part")))
        atom.start = left_start + prefix_match.start("part")
        licensed = True
    if kind == "current" and not isinstance(spec, Part):
        return None
    if prefix.get("ctx") and kind in NEEDS_LICENCE:
        licensed = licensed or bool(grammar.lookup("year_context" if kind == "year" else "context", prefix["ctx"]))
    if prefix.get("range"):
        role = grammar.classify("range", prefix.get("range"))
        if isinstance(spec, Range) and role in ("from", "between"):  # "from 12 to 14 November"
            atom.start = left_start + prefix_match.start("range")
        elif not isinstance(spec, Range):
            atom.role, atom.role_start = role, left_start + prefix_match.start("range")
            if role in ("since", "until"):
                licensed = True
            elif not licensed:
                atom.licence = "conditional"
    if kind == "weekday" and lexicon.names_capitalised and not (prefix.get("ctx") or prefix.get("mod")):
        # "The Sunday Times", "Bloody Sunday": a name, unless "on" or "last" makes it a day.
        if _CAPITALISED_AFTER.match(body, atom.end) or _CAPITALISED_BEFORE.search(left):
            return None
    atom.spec = spec
    if licensed:
        atom.licence = "self"
    return atom


def _atoms(body: str, lo: int, hi: int, grammar: Grammar, budget: int) -> tuple[list[Atom], int, bool]:
    """Atoms of one region, the number of template matches read, and whether a match limit was hit."""
    found = []
    used = 0
    truncated = False
    for template in grammar.templates:
        limit = min(budget - used, MAX_TEMPLATE_MATCHES)
        count = 0
        for match in itertools.islice(template.pattern.finditer(body, lo, hi), limit):
            count += 1
            spec, licence = _build(template.kind, match, grammar, body)
            if spec is None:
                continue
            atom = Atom(match.start(), match.end(), template.kind, spec, grammar, hi, licence)
            if grammar.lexicon is not None:
                atom = _dress(atom, body, lo)
            if atom is not None:
                found.append(atom)
        used += count
        truncated = truncated or count == limit
    licensed = {atom.end: atom for atom in found if atom.licence == "self" and atom.kind in COORDINATED}
    for atom in sorted((a for a in found if a.licence == "needs"), key=lambda a: a.start):
        joined = _AND_BEFORE.search(body, max(lo, atom.start - 8), atom.start)
        before = licensed.get(joined.start()) if joined else None
        if before is not None and (atom.kind != "year" or "," not in joined.group()):
            atom.licence = "self"
            licensed[atom.end] = atom
    return [atom for atom in found if atom.licence != "needs"], used, truncated


def _select(atoms: list[Atom], size: int) -> list[Atom]:
    """Non-overlapping atoms, longest first."""
    taken = bytearray(size)
    chosen = []
    for atom in sorted(atoms, key=lambda a: (a.start - a.end, a.start)):
        if taken.find(1, atom.start, atom.end) == -1:
            taken[atom.start:atom.end] = b"\x01" * (atom.end - atom.start)
            chosen.append(atom)
    return sorted(chosen, key=lambda a: a.start)


def _partner_at(body: str, position: int, atom: Atom) -> Atom | None:
    """The other end of a range starting at ``position``, read even where it would need a licence."""
    best = None
    for template in atom.grammar.templates:
        if template.kind in NOT_PARTNERS:
            continue
        match = template.pattern.match(body, position, atom.limit)
        if match and (best is None or match.end() > best[0].end()):
            best = match, template.kind
    if best is None:
        return None
    spec, _ = _build(best[1], best[0], atom.grammar, body)
    if spec is None:
        return None
    return Atom(best[0].start(), best[0].end(), best[1], spec, atom.grammar, atom.limit)


def _partner(atom: Atom, following: Atom | None, body: str) -> Atom | None:
    """The atom that ends the range ``atom`` starts, if any (``following`` is the next selected atom)."""
    candidate = None
    if atom.role in ("from", "between", "since") and not isinstance(atom.spec, (Past, Ago)):
        link = atom.grammar.connector.match(body, atom.end, atom.limit)
        if link and link.end() > atom.end:
            if following is not None and following.start == link.end() and following.role in (None, "until"):
                candidate = following
            elif following is None or following.start >= link.end():
                candidate = _partner_at(body, link.end(), atom)
                if candidate is not None and following is not None and following.start < candidate.end:
                    candidate = None
        elif following is not None and following.role == "until" and not body[atom.end:following.role_start].strip():
            candidate = following  # "desde 2014 hasta 2016", "с 2014 по 2016 год"
    elif (atom.role is None and atom.kind in EXPLICIT and following is not None and following.kind in EXPLICIT
          and following.role is None and _DASH.fullmatch(body, atom.end, following.start)):
        candidate = following  # "Jan. 27-Feb. 1", "14 novembre – 2 décembre 2015"
    if candidate is None or candidate.kind in NOT_PARTNERS or isinstance(candidate.spec, Range):
        return None
    return candidate


def _ranges(atoms: list[Atom], body: str) -> list[tuple[int, int, object]]:
    """Join the ends of ranges; open "since" / "until" ranges; drop unpaired conditional atoms."""
    out = []
    index = 0
    while index < len(atoms):
        atom = atoms[index]
        following = atoms[index + 1] if index + 1 < len(atoms) else None
        index += 1
        start = atom.role_start if atom.role else atom.start
        partner = _partner(atom, following, body)
        if partner is not None:
            if partner is following:
                index += 1
            out.append((start, partner.end, Range(atom.spec, partner.spec)))
        elif atom.role == "since":
            out.append((start, atom.end, Range(atom.spec, None)))
        elif atom.role == "until":
            out.append((start, atom.end, Range(None, atom.spec)))
        elif atom.licence != "conditional":
            out.append((atom.start, atom.end, atom.spec))
    return out


def scan(body: str, regions: list[tuple[int, int, Grammar]]) -> tuple[list[tuple[int, int, object]], bool]:
    """``(start, end, spec)`` of every date expression in ``body``, in order, and whether the
    match limits (:data:`MAX_MATCHES`, :data:`MAX_TEMPLATE_MATCHES`) left part of it unread."""
    atoms: list[Atom] = []
    used = 0
    truncated = False
    for lo, hi, grammar in regions:
        if used >= MAX_MATCHES:
            truncated = True
            break
        region, count, cut = _atoms(body, lo, hi, grammar, MAX_MATCHES - used)
        atoms += region
        used += count
        truncated = truncated or cut
    return _ranges(_select(atoms, len(body)), body), truncated
