"""Per-language lexicons of loaded, labelling and dehumanising vocabulary and doubt markers.

The lexicons (``newsprism/data/techniques/lexicons/<language>.yaml``) list terms such as
"so-called", "terror outfit", "troupes d'occupation", "каратели" with the persuasion techniques
they signal (SemEval-2023 names), a polarity, a ``dehumanising`` flag and a weight (an estimate of
the term's precision as evidence of its techniques).  They help the techniques stage where the
trained models are thin (Spanish, and short spans in any language); the stage decides how much to
trust a match, so quoted uses are matched too.

Matching is token based: the text is cut into word tokens, each reduced to a *key* (case-folded,
combining accents dropped except the breve of й, ё → е), and a trie of token keys built from
every inflected form of every entry is walked from each token.  So matching is case-insensitive,
works on all-caps and unaccented all-caps text ("MEDIAS MAINSTREAM"), never matches inside a word,
and costs one dict look-up per token (well under 5 ms for an 800-word article).  Tokens of a
multi-word term may be separated only by spaces, hyphens, apostrophes or quotation marks (and a
period after a one-letter abbreviation, as in "т. н."), never by other punctuation.  When matches
overlap, the longest (in characters) wins.

Entry syntax (YAML, one flow mapping per entry)::

    {term: так называемый, pattern: "так называем<adj>", techniques: [Doubt], polarity: negative,
     weight: 0.7, source: "mined: SemEval-2023 ru dev (Doubt)"}

``pattern`` (default: ``term``) is space-separated words; a word may use ``{a,b}`` alternatives
(``terrorist{,s}``) and end with ``<name>``, a set of endings declared under ``endings:`` in the
file header (Russian case endings, Polish declension, Romance plurals).  ``forms: [...]`` lists
extra literal forms.  ``not_before`` / ``not_after`` list words that veto a match when they
directly follow / precede it ("regime" in "tax regime"); ``not_titlecase: true`` skips a
capitalised form in mid-sentence (a name: "Tahrir al-Sham"), while all-caps text still matches.
``prior`` (hand-set precision estimate) and ``dev`` (hits/support on the dev split) record how
``weight`` was set by ``benchmarks/lexicon_candidates.py --update-weights``.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

from newsprism.techniques.data import TECHNIQUES

LEXICON_DIR = "data/techniques/lexicons"
POLARITIES = frozenset({"negative", "positive", "neutral"})
_ENTRY_KEYS = frozenset({"term", "pattern", "forms", "techniques", "polarity", "dehumanising", "weight",
                         "source", "note", "not_before", "not_after", "not_titlecase", "prior", "dev"})
_HEADER_KEYS = frozenset({"language", "name", "sources", "notes", "endings", "entries"})

# A token: letters/digits plus combining marks (text in NFD form keeps its accents inside words).
_TOKEN = re.compile(r"(?<![\w\u0300-\u036f])[\w\u0300-\u036f]+")
# What may separate the tokens of one multi-word term: spaces, hyphens, apostrophes, quote marks.
_GAP = re.compile(r"[\s\-\u2010\u2011\u2012\u2013'\u2019\u02bc\"\u201c\u201d\u201e\u00ab\u00bb]*")
_KEEP_MARKS = {"\u0306"}  # breve: й/ў are letters of their own, not accented и/у
_ALTERNATIVES = re.compile(r"\{([^{}]*)\}")
_ENDINGS = re.compile(r"<([A-Za-z0-9_]+)>$")


class LexiconError(ValueError):
    """A shipped or user lexicon file does not validate."""


@dataclass(frozen=True)
class LexiconMatch:
    start: int
    end: int  # exclusive; offsets index into the text given to :func:`lexicon_matches`
    term: str  # the entry's canonical term (the matched text may be an inflected form of it)
    techniques: tuple[str, ...]
    polarity: str
    dehumanising: bool
    weight: float


@dataclass(frozen=True)
class LexiconEntry:
    term: str
    forms: tuple[tuple[str, ...], ...]  # every surface form, as a tuple of token keys
    techniques: tuple[str, ...]
    polarity: str
    dehumanising: bool
    weight: float
    source: str
    note: str = ""
    not_before: frozenset[str] = frozenset()
    not_after: frozenset[str] = frozenset()
    not_titlecase: bool = False  # skip "Sham" in "Tahrir al-Sham": a capitalised word mid-sentence is a name


@functools.lru_cache(maxsize=65536)
def token_key(token: str) -> str:
    """The matching key of one token: case-folded, accents dropped (not й's breve), ё → е."""
    folded = token.casefold()
    if folded.isascii():
        return folded
    decomposed = unicodedata.normalize("NFD", folded)
    kept = "".join(c for c in decomposed if c in _KEEP_MARKS or not unicodedata.combining(c))
    return unicodedata.normalize("NFC", kept).replace("ё", "е")


def tokens(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """(start, end, key) of every whole word token of ``text[start:end]``."""
    stop = len(text) if end is None else end
    out = []
    for match in _TOKEN.finditer(text, start, stop):
        if match.end() == stop and stop < len(text) and (text[stop].isalnum() or unicodedata.combining(text[stop])):
            break  # a word cut by the window's end is not a whole word
        out.append((match.start(), match.end(), token_key(match.group())))
    return out


def normalise(phrase: str) -> tuple[str, ...]:
    """Token keys of a phrase, as the matcher sees it (for tests and tools)."""
    return tuple(key for _, _, key in tokens(phrase))


class Lexicon:
    """One language's entries, compiled into a trie of token keys."""

    def __init__(self, language: str, entries: list[LexiconEntry], sources: str = "") -> None:
        self.language = language
        self.entries = entries
        self.sources = sources
        self._trie: dict[str, Any] = {}
        for entry in entries:
            for form in entry.forms:
                node = self._trie
                for key in form:
                    node = node.setdefault(key, {})
                previous = node.get(None)
                # Two entries sharing a form: keep the more precise one (deterministic).
                if previous is None or (entry.weight, entry.term) > (previous.weight, previous.term):
                    node[None] = entry

    def matches(self, text: str, start: int = 0, end: int | None = None) -> list[LexiconMatch]:
        toks = tokens(text, start, end)
        candidates: list[tuple[int, int, LexiconEntry]] = []
        for i in range(len(toks)):
            node = self._trie.get(toks[i][2])
            if node is None:
                continue
            best: tuple[int, LexiconEntry] | None = None
            j = i
            while True:
                entry = node.get(None)
                if entry is not None and self._allowed(entry, text, toks, i, j):
                    best = (j, entry)
                if j + 1 >= len(toks) or not _joined(text, toks[j], toks[j + 1]):
                    break
                node = node.get(toks[j + 1][2])
                if node is None:
                    break
                j += 1
            if best is not None:
                candidates.append((toks[i][0], toks[best[0]][1], best[1]))
        # Longest match wins; among equally long ones, the earlier.
        candidates.sort(key=lambda c: (c[0] - c[1], c[0]))
        taken: list[tuple[int, int, LexiconEntry]] = []
        for candidate in candidates:
            if all(candidate[1] <= s or e <= candidate[0] for s, e, _ in taken):
                taken.append(candidate)
        taken.sort(key=lambda c: c[0])
        return [LexiconMatch(s, e, entry.term, entry.techniques, entry.polarity, entry.dehumanising, entry.weight)
                for s, e, entry in taken]

    @staticmethod
    def _allowed(entry: LexiconEntry, text: str, toks: list[tuple[int, int, str]], i: int, j: int) -> bool:
        if entry.not_after and i > 0 and toks[i - 1][2] in entry.not_after:
            return False
        if entry.not_before and j + 1 < len(toks) and toks[j + 1][2] in entry.not_before:
            return False
        if entry.not_titlecase:
            word = text[toks[i][0]:toks[i][1]]
            if word[:1].isupper() and not word.isupper() and not _sentence_initial(text, toks[i][0]):
                return False
        return True


def _sentence_initial(text: str, position: int) -> bool:
    before = text[max(0, position - 40):position].rstrip(" \t\"'“”«»‘’([")
    return not before or before[-1] in ".!?:;\n"


def _joined(text: str, left: tuple[int, int, str], right: tuple[int, int, str]) -> bool:
    """May two adjacent tokens belong to one term?  Only spaces, hyphens, quotes between them."""
    gap = text[left[1]:right[0]]
    if _GAP.fullmatch(gap):
        return True
    # "т. н.", "U.S.": a period right after a one-letter abbreviation.
    return left[1] - left[0] == 1 and gap.startswith(".") and bool(_GAP.fullmatch(gap[1:]))


def _expand_word(word: str, endings: dict[str, list[str]], where: str) -> list[str]:
    found = _ENDINGS.search(word)
    if not found:
        return [word]
    if found.group(1) not in endings:
        raise LexiconError(f"{where}: unknown ending set <{found.group(1)}>")
    stem = word[: found.start()]
    return [stem + suffix for suffix in endings[found.group(1)] if stem + suffix]


def expand_pattern(pattern: str, endings: dict[str, list[str]], where: str = "pattern") -> list[str]:
    """Every surface form a pattern stands for.

    ``{a,b}`` alternatives are expanded first and may hold spaces or be empty
    ("terror{ist,} {group,outfit}{,s}" -> 8 forms); then each word ending in ``<name>`` takes
    every ending of that set ("так называем<adj>").
    """
    if pattern.count("{") != pattern.count("}") or "{" in _ALTERNATIVES.sub("", pattern):
        raise LexiconError(f"{where}: unbalanced or nested braces in {pattern!r}")
    parts = _ALTERNATIVES.split(pattern)  # literal, alternatives, literal, ...
    choices = [[p] if k % 2 == 0 else p.split(",") for k, p in enumerate(parts)]
    forms: list[str] = []
    for combo in itertools.product(*choices):
        words = "".join(combo).split()
        if not words:
            continue
        per_word = [_expand_word(w, endings, where) for w in words]
        forms.extend(" ".join(c) for c in itertools.product(*per_word))
    if not forms:
        raise LexiconError(f"{where}: empty pattern")
    return forms


def _as_list(value: Any, where: str, field: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LexiconError(f"{where}: {field} must be a string or a list of strings")
    return value


def parse_lexicon(data: Any, origin: str) -> Lexicon:
    """Validate a parsed lexicon file and compile it (``origin`` names it in error messages)."""
    if not isinstance(data, dict):
        raise LexiconError(f"{origin}: expected a mapping at top level")
    unknown = set(data) - _HEADER_KEYS
    if unknown:
        raise LexiconError(f"{origin}: unknown header keys {sorted(unknown)}")
    language = data.get("language")
    if not isinstance(language, str) or not language:
        raise LexiconError(f"{origin}: missing language")
    if not isinstance(data.get("sources"), str) or not data["sources"].strip():
        raise LexiconError(f"{origin}: the header must say where the lists come from (sources)")
    endings = data.get("endings") or {}
    if not isinstance(endings, dict):
        raise LexiconError(f"{origin}: endings must map names to lists of endings")
    endings = {str(name): [str(e) if e is not None else "" for e in values] for name, values in endings.items()}
    raw_entries = data.get("entries")
    if not isinstance(raw_entries, list) or not raw_entries:
        raise LexiconError(f"{origin}: no entries")
    entries: list[LexiconEntry] = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_entries):
        where = f"{origin}: entry {index}"
        if not isinstance(raw, dict):
            raise LexiconError(f"{where}: expected a mapping")
        unknown = set(raw) - _ENTRY_KEYS
        if unknown:
            raise LexiconError(f"{where}: unknown keys {sorted(unknown)}")
        term = raw.get("term")
        if not isinstance(term, str) or not term.strip():
            raise LexiconError(f"{where}: missing term")
        where = f"{origin}: {term!r}"
        if term in seen:
            raise LexiconError(f"{where}: duplicate term")
        seen.add(term)
        techniques = tuple(_as_list(raw.get("techniques"), where, "techniques"))
        if not techniques:
            raise LexiconError(f"{where}: no techniques")
        for technique in techniques:
            if technique not in TECHNIQUES:
                raise LexiconError(f"{where}: unknown technique {technique!r}")
        polarity = raw.get("polarity", "negative")
        if polarity not in POLARITIES:
            raise LexiconError(f"{where}: polarity must be one of {sorted(POLARITIES)}")
        for field in ("weight", "prior"):
            value = raw.get(field, 0.5 if field == "prior" else None)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 1:
                raise LexiconError(f"{where}: {field} must be a number in (0, 1]")
        weight = raw["weight"]
        if "dev" in raw and not re.fullmatch(r"\d+/\d+", str(raw["dev"])):
            raise LexiconError(f"{where}: dev must be 'hits/support'")
        source = raw.get("source")
        if not isinstance(source, str) or not source.strip():
            raise LexiconError(f"{where}: missing source")
        dehumanising = raw.get("dehumanising", False)
        not_titlecase = raw.get("not_titlecase", False)
        if not isinstance(dehumanising, bool) or not isinstance(not_titlecase, bool):
            raise LexiconError(f"{where}: dehumanising and not_titlecase must be true or false")
        surface = expand_pattern(str(raw.get("pattern", term)), endings, where)
        surface += _as_list(raw.get("forms"), where, "forms")
        forms: dict[tuple[str, ...], None] = {}  # ordered set
        for form in surface:
            keys = normalise(form)
            if not keys:
                raise LexiconError(f"{where}: form {form!r} has no word characters")
            forms[keys] = None
        guards = {}
        for field in ("not_before", "not_after"):  # single words, patterns allowed ("работ<f>")
            words = [f for w in _as_list(raw.get(field), where, field) for f in expand_pattern(w, endings, where)]
            guards[field] = frozenset(k for w in words for k in normalise(w))
        entries.append(LexiconEntry(term, tuple(forms), techniques, polarity, dehumanising, float(weight),
                                    source.strip(), str(raw.get("note", "")), guards["not_before"],
                                    guards["not_after"], not_titlecase))
    return Lexicon(language, entries, data["sources"].strip())


def _lexicon_dir() -> Path:
    return Path(str(files("newsprism").joinpath(LEXICON_DIR)))


@functools.lru_cache(maxsize=None)
def _languages() -> frozenset[str]:
    return frozenset(path.stem for path in _lexicon_dir().glob("*.yaml"))


def lexicon_languages() -> set[str]:
    """Languages (ISO 639-1) with a shipped lexicon."""
    return set(_languages())


@functools.lru_cache(maxsize=None)
def load_lexicon(language: str) -> Lexicon:
    """The compiled lexicon of a language (compiled once per process)."""
    path = _lexicon_dir() / f"{language}.yaml"
    if not path.is_file():
        raise KeyError(f"no lexicon for language {language!r}")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader when libyaml is there
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    lexicon = parse_lexicon(data, str(path.name))
    if lexicon.language != language:
        raise LexiconError(f"{path.name}: declares language {lexicon.language!r}")
    return lexicon


def lexicon_matches(text: str, language: str, start: int = 0, end: int | None = None) -> list[LexiconMatch]:
    """Lexicon matches in ``text[start:end]`` (offsets into ``text``); ``[]`` for a language without one."""
    if language not in _languages():
        return []
    return load_lexicon(language).matches(text, start, end)
