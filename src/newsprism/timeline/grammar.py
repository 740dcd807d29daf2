"""Regular expressions for date expressions, compiled once per language from :mod:`.lexicon`.

Each template finds one kind of *atom* (a full date, a month, a weekday, "last week" …); the
words around an atom that change its meaning ("since", "late", "last", "dernier", "of last
year") are read by two short affix expressions run on a few dozen characters either side
(:attr:`Grammar.prefix`, :attr:`Grammar.suffix`), and the two ends of a range are joined by
:attr:`Grammar.connector`.  Every template is a sequence of alternations of literal words and
bounded digit runs, with no nested repetition, so matching stays linear in the body's length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dateparser.languages.loader import default_loader

from .lexicon import LEXICONS, Lexicon

WORD_START = r"(?<![^\W_])"  # not after a letter or digit
# Not followed by a letter or digit, and a word not glued by a hyphen to the next one ("Juni-Ausgabe").
WORD_END = r"(?![^\W_])(?:(?<![^\W\d_])|(?!-[^\W\d_]))"
DAY = r"(?:3[01]|[12][0-9]|0?[1-9])"
# Years of a written date: four digits, not part of a longer number ("2,015", "1.2015", "20154").
YEAR = r"(?<![\d.,])(?:1[0-9]{3}|2[01][0-9]{2})(?![\d]|[.,]\d)"
# A year standing alone ("in 2014") must look like the present era: smaller numbers are quantities.
# Not followed by a hyphen and letters either ("1960-х", "1990-e": decades), except Russian "2019-го".
CONTEXT_YEAR = r"(?<![\d.,\-/])(?:18[0-9]{2}|19[0-9]{2}|20[0-9]{2}|2100)(?![\d]|[.,]\d|-(?!го\b|м\b)[^\W\d_])"
# "in 1900 GMT", "in 2000 %": a time or a quantity, not a year.
NOT_YEAR_AFTER = r"(?!\s*(?:%|GMT|UTC|[hH]\b|hrs\b|hours\b|heures\b|Uhr\b))"
NUMERIC_PATTERNS = (
    # 2015-11-14 (ISO 8601; a time may follow)
    r"(?<![\d.\-/])(?P<iy>1[0-9]{3}|2[01][0-9]{2})-(?P<im>0?[1-9]|1[0-2])-(?P<id>3[01]|[12][0-9]|0?[1-9])"
    r"(?![\d]|[\-/.]\d)",
    # 14/11/2015, 14.11.2015, 14-11-2015, 14/11/15
    r"(?<![\d.\-/,])(?P<na>[0-9]{1,2})(?P<sep>[./\-])(?P<nb>[0-9]{1,2})(?P=sep)(?P<ny>1[0-9]{3}|2[01][0-9]{2}|[0-9]{2})"
    r"(?![\d]|[./\-]\d)",
    # 2015年11月14日 (Chinese and Japanese)
    r"(?P<cy>1[0-9]{3}|2[01][0-9]{2})\s*年\s*(?P<cm>1[0-2]|0?[1-9])\s*月(?:\s*(?P<cd>3[01]|[12][0-9]|0?[1-9])\s*日)?",
)


def _literal(phrase: str) -> str:
    """A lexicon phrase as a pattern: spaces match any run of spaces, an apostrophe also ’."""
    parts = [re.escape(word) for word in phrase.split()]
    return r"\s+".join(parts).replace("'", "['’]")


def alternation(phrases, *, capitalised: bool = False) -> str:
    """One non-capturing alternation of phrases, longest first (so "mars" does not stop at "mar").

    ``capitalised``: the phrases match only as written or in capitals, whatever the pattern's flags.
    """
    phrases = sorted(set(phrases), key=lambda p: (-len(p), p))
    if not phrases:
        return r"(?!x)x"  # matches nothing
    if capitalised:
        forms = sorted({form for p in phrases for form in (p, p.upper())}, key=lambda p: (-len(p), p))
        return "(?-i:" + "|".join(_literal(p) for p in forms) + ")"
    return "(?:" + "|".join(_literal(p) for p in phrases) + ")"


def _pairs(pairs) -> str:
    return "(?:" + "|".join(f"(?:{regex})" for regex, _ in pairs) + ")" if pairs else r"(?!x)x"


def key(text: str) -> str:
    """How a matched phrase is looked up in the lexicon's tables."""
    return " ".join(text.replace("’", "'").lower().split())


@dataclass(frozen=True)
class Template:
    kind: str
    pattern: re.Pattern


@dataclass(frozen=True)
class Grammar:
    language: str | None
    lexicon: Lexicon | None  # None: numeric dates only
    templates: tuple[Template, ...]
    prefix: re.Pattern | None
    suffix: re.Pattern | None
    connector: re.Pattern | None
    tables: dict[str, dict[str, object]]  # lookup tables by name, keys as :func:`key` gives them
    classes: dict[str, tuple[tuple[re.Pattern, object], ...]]  # (regex, value) pairs by affix name

    def lookup(self, table: str, text: str):
        return self.tables[table].get(key(text))

    def classify(self, name: str, text: str):
        return next((value for regex, value in self.classes[name] if regex.fullmatch(text)), None)


def _table(mapping: dict[int | str, tuple[str, ...]]) -> dict[str, object]:
    return {key(form): value for value, forms in mapping.items() for form in forms}


def _templates(lex: Lexicon) -> list[tuple[str, str]]:
    cap = lex.names_capitalised
    month_all = alternation([f for forms in (*lex.months.values(), *lex.month_abbreviations.values()) for f in forms],
                            capitalised=cap)
    month_full = alternation([f for forms in lex.months.values() for f in forms], capitalised=cap)
    weekday = alternation([f for forms in lex.weekdays.values() for f in forms], capitalised=cap)
    weekday_prefix = (
        rf"(?:(?P<wd>{weekday}){lex.weekday_tail_re},?\s+(?:(?:the|dem|den|le|el|il|o)\s+)?)?" if lex.weekdays else ""
    )
    day_range = rf"(?:(?:{lex.connectors_re})(?P<day2>{DAY}){lex.day_tail_re})?"
    year = rf"(?P<year>{YEAR})(?P<ytail>{lex.year_tail_re})"
    numbers = alternation(lex.numbers)
    units = alternation(lex.units)
    n = rf"(?:(?P<n>\d{{1,3}}|{numbers})\s+)"

    def slots(template: str) -> str:
        return template.replace("{n}", n).replace("{unit}", f"(?P<unit>{units})")

    found = [
        ("dmy", rf"{weekday_prefix}(?P<day>{DAY}){lex.day_tail_re}{day_range}{lex.day_month_re}(?P<month>{month_all})"
                rf"(?:{lex.month_year_re}{year})?"),
        ("my", rf"(?P<month>{month_all}){lex.month_year_re}{year}"),
        ("month", rf"(?P<month>{month_full})"),
        ("year", rf"(?P<year>{CONTEXT_YEAR})(?P<ytail>{lex.year_tail_re}){NOT_YEAR_AFTER}"),
        ("year_range", rf"(?P<year>{CONTEXT_YEAR})\s*[-–—]\s*(?P<year2>(?:18|19|20)[0-9]{{2}}|[0-9]{{2}})"
                       rf"(?![\d]|[.,]\d)"
                       rf"(?P<ytail>{lex.year_tail_re})"),
    ]
    if lex.month_day:
        # "Feb.1" as well as "Feb. 1", but not "December9"
        found.append(("mdy", rf"{weekday_prefix}(?P<month>{month_all})\s*(?<![^\W\d_])(?P<day>{DAY})"
                             rf"{lex.day_tail_re}{day_range}"
                             rf"(?:,?\s+{year})?(?![,.]\d)"))
    if lex.weekdays:
        found.append(("weekday", rf"(?P<wd>{weekday}){lex.weekday_tail_re}"))
    if lex.relative_days:
        found.append(("relday", rf"(?P<rel>{alternation(lex.relative_days)})"))
    if lex.shifts:
        found.append(("shift", rf"(?P<shift>{alternation(lex.shifts)})"))
    found += [("past", slots(t)) for t in lex.past_re] + [("ago", slots(t)) for t in lex.ago_re]
    if lex.current:
        found.append(("current", rf"(?P<current>{alternation(lex.current)})"))
    decades = {"{decade}": r"(?P<decade>(?:1[5-9]|20)[0-9]0)", "{decade2}": r"(?P<decade2>[1-9]0)"}
    for template in lex.decades_re:
        for slot, group in decades.items():
            template = template.replace(slot, group)
        found.append(("decade", template))
    season_year = rf"(?:{lex.month_year_re}{year})?"
    if lex.seasons:
        found.append(("season", rf"(?P<season>{alternation(f for forms in lex.seasons.values() for f in forms)})"
                                rf"{season_year}"))
    if lex.seasons_alone:
        found.append(("season_alone", rf"(?P<season>{alternation(lex.seasons_alone)}){season_year}"))
    return found


def _affixes(lex: Lexicon) -> tuple[str, str]:
    prefix = "".join((
        rf"(?:{WORD_START}(?P<range>{_pairs(lex.ranges)})\s+)?",
        rf"(?:{WORD_START}(?P<ctx>{alternation(lex.context + lex.year_context)})\s+)?" if lex.context else "",
        rf"(?:{WORD_START}(?P<part>{_pairs(lex.parts)}))?",
        rf"(?:{WORD_START}(?P<art>{alternation(lex.articles)})\s+)?" if lex.articles else "",
        rf"(?:{WORD_START}(?P<mod>{_pairs(lex.mods)})\s+)?",
        "$",
    ))
    suffix = (rf"(?:\s+(?P<pmod>{_pairs(lex.post_mods)}){WORD_END})?"
              rf"(?:(?P<yref>{_pairs(lex.year_refs)}){WORD_END})?")
    return prefix, suffix


def _compile(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


def _build(language: str | None, lex: Lexicon | None) -> Grammar:
    templates = [Template("numeric", _compile(p)) for p in NUMERIC_PATTERNS]
    if lex is None:
        return Grammar(language, None, tuple(templates), None, None, None, {}, {})
    # ``\b`` first rather than a lookbehind: the engine skips non-word positions fast (3-6x on long text).
    templates += [Template(kind, _compile(rf"\b{WORD_START}(?:{p}){WORD_END}")) for kind, p in _templates(lex)]
    prefix, suffix = _affixes(lex)
    tables = {
        "month": _table(lex.months) | _table(lex.month_abbreviations),
        "weekday": _table(lex.weekdays),
        "relday": {key(k): v for k, v in lex.relative_days.items()},
        "shift": {key(k): v for k, v in lex.shifts.items()},
        "number": {key(k): v for k, v in lex.numbers.items()},
        "unit": {key(k): v for k, v in lex.units.items()},
        "current": {key(k): v for k, v in lex.current.items()},
        "season": _table(lex.seasons),
        "season_alone": {key(k): v for k, v in lex.seasons_alone.items()},
        "context": {key(k): True for k in lex.context},
        "year_context": {key(k): True for k in lex.year_context},
        "not_before": {key(k): _compile(v) for k, v in lex.not_before.items()},
        "not_after": {key(k): _compile(v) for k, v in lex.not_after.items()},
    }
    classes = {
        name: tuple((_compile(regex), value) for regex, value in pairs)
        for name, pairs in (("range", lex.ranges), ("part", lex.parts), ("mod", lex.mods + lex.post_mods),
                            ("yref", lex.year_refs))
    }
    return Grammar(language, lex, tuple(templates), _compile(prefix), _compile(suffix),
                   _compile(f"(?:{lex.connectors_re})"), tables, classes)


def _from_dateparser(language: str) -> Lexicon | None:
    """Month names from dateparser's locale data, for languages without a hand-written lexicon.

    Only explicit dates come of it ("14 listopada 2015", "listopad 2015"): no relative words.
    """
    try:
        info = default_loader.get_locale(language).info
    except (KeyError, ValueError):
        return None
    names = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december")
    full: dict[int, tuple[str, ...]] = {}
    short: dict[int, tuple[str, ...]] = {}
    for number, name in enumerate(names, 1):
        forms = [f for f in info.get(name, ()) if f.replace(".", "").isalpha()]
        full[number] = tuple(f for f in forms if len(f) >= 5)
        short[number] = tuple(f for f in forms if 3 <= len(f) < 5)
    if not any(full.values()):
        return None
    return Lexicon(months=full, month_abbreviations=short, day_tail_re=r"\.?")


@lru_cache(maxsize=32)
def grammar_for(language: str | None) -> Grammar:
    """The compiled grammar of a language; numeric dates only when nothing is known of it."""
    if language in LEXICONS:
        return _build(language, LEXICONS[language])
    lexicon = _from_dateparser(language) if language else None
    return _build(language, lexicon)
