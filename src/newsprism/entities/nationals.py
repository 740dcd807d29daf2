"""States named by a nationality adjective or a plural demonym: "les forces américaines", "American troops".

NER reports "US" in "US forces" as a place, which the ``places`` stage resolves to the country, so the
United States is an actor of "US forces killed…"; but "American troops", "les forces américaines",
"die US-Truppen", "американские войска" or "les Américains" carry the state in a nationality word,
which the models either tag as a nationality (dropped: not an entity) or as a place they cannot
resolve.  This module mirrors the English behaviour for those forms:

- a nationality adjective in a noun phrase of the state's forces, government or military actions
  ("l'armée américaine", "the American military", "les troupes d'occupation américaines",
  "l'administration sortante américaine", "US-Truppen", "las tropas estadounidenses") becomes a
  mention spanning noun and adjective, linked to the country (armed group for forces, organisation
  for government), so the ``tone`` stage scores it toward the country;
- a plural demonym after a definite article ("les Américains", "the Americans", "los
  estadounidenses", "die Amerikaner") is linked the same way (not in Russian, which has no articles
  to tell the state from people, nor a language's own "les Français", "die Deutschen");
- an occupation force named without its state ("les troupes d'occupation qui tuent, pillent et
  intimident", "the occupiers") takes the identity of the force named in the same or the previous
  sentence of the paragraph ("la présence militaire US …"), or stays unlinked.

Nouns, orders, articles and the non-English adjectives are data (``data/kb/nationals.yaml``);
English adjectives and demonyms are the gazetteer's (every country).  A phrase that the knowledge
base already names ("forces françaises" → French Armed Forces) or whose country name NER already
found ("troupes US") is left as it is; a military phrase takes the knowledge base's entry for that
state's military when there is one ("soldats russes", like "forces russes", is the Russian Armed
Forces), else the country.  Only nouns of the list count: "les touristes américains",
"American companies" are not the state.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from ..model import Entity, EntityType

MAX_GAP_AFTER = 2  # words between noun and a following adjective: "troupes d'occupation américaines"
MAX_GAP_BEFORE = 1  # words between a preceding adjective and the noun: "American special forces"
# Words that end a noun phrase: a conjunction joins two ("syriennes et américaines"), a verb or a
# preposition of another phrase is not caught by the gap rule alone, so these stop it explicitly.
_STOP = frozenset(
    "and or but with by to in on at from for against than as et ou mais avec par pour contre dans sur en à au "
    "aux que qui y o e pero con por para contra en und oder mit gegen für von и или но с против в на за".split()
)
_PREPOSITIONS = frozenset("of de d' du des del di von".split())
_FORM_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[cdjlmnst]'|qu'|[^\W\d_]+\*?|[^\w\s*]")
MAX_ANAPHORA_SENTENCES = 1  # "the occupation forces" may refer to a force of its own or the previous sentence
_SENTENCE_END = re.compile(r"[.!?…]+[\s\"'»”)]*\s")
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[cdjlmnst]['’]|qu['’]|[^\W\d_]+|\d+|[^\w\s]", re.IGNORECASE)


def data_path() -> Path:
    return Path(str(resources.files("newsprism") / "data" / "kb" / "nationals.yaml"))


@dataclass(frozen=True)
class _Form:
    parts: tuple[str, ...]  # lower-cased; a part ending in "*" is a stem
    capital: bool  # written with a capital: must be so in the text
    acronym: bool  # all capitals: must match exactly
    written: str

    def match(self, words: list[str], i: int) -> int:
        """Number of tokens matched at ``words[i]`` (0: no match)."""
        if i + len(self.parts) > len(words):
            return 0
        for k, part in enumerate(self.parts):
            word = words[i + k]
            if self.acronym:
                if word != self.written.split()[k]:
                    return 0
                continue
            if k == 0 and self.capital and not word[:1].isupper():
                return 0
            lower = word.lower().replace("’", "'")
            if not (lower.startswith(part[:-1]) if part.endswith("*") else lower == part):
                return 0
        return len(self.parts)


class _Index:
    """Forms (each with a payload) indexed by their first token, so most words are rejected by one lookup."""

    def __init__(self, items) -> None:
        self.exact: dict[str, list] = {}
        self.stems: list[tuple[str, _Form, object]] = []
        for form, payload in items:
            first = form.parts[0]
            if form.acronym:
                self.exact.setdefault(form.written.split()[0], []).append((form, payload))
            elif first.endswith("*"):
                self.stems.append((first[:-1], form, payload))
            else:
                self.exact.setdefault(first, []).append((form, payload))
        self.prefixes = tuple(stem for stem, _, _ in self.stems)

    def match(self, words: list[str], i: int):
        """(size, payload) of the first form matching at ``words[i]``, or (0, None)."""
        word = words[i]
        lower = word.lower().replace("’", "'")
        candidates = self.exact.get(word, []) + (self.exact.get(lower, []) if lower != word else [])
        if self.prefixes and lower.startswith(self.prefixes):
            candidates = candidates + [(f, p) for stem, f, p in self.stems if lower.startswith(stem)]
        for form, payload in candidates:
            size = form.match(words, i)
            if size:
                return size, payload
        return 0, None


def _form(text: str) -> _Form:
    acronym = text.replace(".", "").isupper() and len(text.replace(".", "")) <= 5
    parts = tuple(_FORM_TOKEN.findall(text.lower().replace("’", "'")))  # tokens as _TOKEN cuts the text
    return _Form(parts, text[:1].isupper(), acronym, text)


@dataclass(frozen=True)
class _Table:
    nouns: dict[str, _Index]  # language → nouns (payload: the entity type they give)
    order: dict[str, str]
    articles: dict[str, frozenset[str]]
    adjectives: dict[str, _Index]  # language → adjectives (payload: ISO code)
    demonyms: dict[str, _Index]
    countries: dict[str, tuple[str, str]]  # ISO code → (id, name)
    occupation: dict[str, _Index]  # forces named by occupation alone, per language
    home: dict[str, frozenset[str]]  # language → countries whose demonyms it does not take


@lru_cache(maxsize=1)
def table() -> _Table:
    data = yaml.safe_load(data_path().read_text(encoding="utf-8"))
    nouns = {
        lang: _Index([(_form(n), EntityType.ARMED_GROUP) for n in groups.get("military", ())]
                     + [(_form(n), EntityType.ORGANISATION) for n in groups.get("government", ())])
        for lang, groups in data["nouns"].items()
    }
    adjectives: dict[str, list] = {}
    demonyms: dict[str, list] = {}
    countries = {}
    for code, entry in data["countries"].items():
        country = _country(code, entry["name"])
        if country is None:
            continue
        countries[code] = country
        for lang, forms in (entry.get("adjectives") or {}).items():
            adjectives.setdefault(lang, []).extend((_form(f), code) for f in forms)
        for lang, forms in (entry.get("demonyms") or {}).items():
            demonyms.setdefault(lang, []).extend((_form(f), code) for f in forms)
    return _Table(
        nouns, dict(data["order"]),
        {lang: frozenset(words) for lang, words in data["articles"].items()},
        {lang: _Index(v) for lang, v in adjectives.items()}, {lang: _Index(v) for lang, v in demonyms.items()},
        countries,
        {lang: _Index([(_form(f), None) for f in forms]) for lang, forms in (data.get("occupation_forces") or {}).items()},
        {lang: frozenset(codes) for lang, codes in (data.get("home_demonyms") or {}).items()},
    )


def _country(code: str, name: str) -> tuple[str, str] | None:
    from ..places.gazetteer import lookup

    for candidate in lookup(name):
        if candidate.feature == "country" and candidate.country == code:
            return candidate.id, candidate.name
    return None


@lru_cache(maxsize=4096)
def _english_demonym(word: str) -> tuple[str, str] | None:
    """(id, name) of the country whose English demonym ``word`` is ("American", "Syrian"), from the gazetteer."""
    if not word[:1].isupper() or len(word) < 4:
        return None
    from ..places.gazetteer import DEMONYM, lookup

    for candidate in lookup(word):
        if candidate.kind == DEMONYM and candidate.feature == "country" and not candidate.loose:
            return candidate.id, candidate.name
    return None


@dataclass
class NationalMention:
    start: int
    end: int
    country_id: str
    country_name: str
    kind: EntityType
    key: int  # index of the nationality word's token
    key_span: tuple[int, int]  # offsets of the nationality word(s)
    language: str | None = None


def find(text: str, start: int, end: int, language: str | None) -> list[NationalMention]:
    """Nationality phrases and plural demonyms in ``text[start:end]`` (one language)."""
    data = table()
    lang = language if language in data.order else None
    if lang is None:
        return []
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]
    words = [t[2] for t in tokens]
    found: list[NationalMention] = []
    taken: set[int] = set()
    for i in range(len(words)):
        if i in taken:
            continue
        country, size = _adjective_at(words, i, lang, data)
        if country is None:
            continue
        phrase = _noun_phrase(words, i, size, lang, data)
        if phrase is not None and not taken.intersection(range(phrase[0], phrase[1] + 1)):
            first, last, kind = phrase
            found.append(NationalMention(tokens[first][0], tokens[last][1], *country, kind, i,
                                         (tokens[i][0], tokens[i + size - 1][1]), lang))
            taken.update(range(first, last + 1))
    for i in range(len(words) if lang in data.articles else 0):
        if i in taken or not (i > 0 and words[i - 1].lower() in data.articles[lang]):
            continue
        country, size = _demonym_at(words, i, lang, data)
        if country is None:
            continue
        found.append(NationalMention(tokens[i][0], tokens[i + size - 1][1], *country, EntityType.ORGANISATION, i,
                                     (tokens[i][0], tokens[i + size - 1][1]), lang))
        taken.update(range(i, i + size))
    found.sort(key=lambda m: m.start)
    return found


def _adjective_at(words: list[str], i: int, lang: str, data: _Table):
    index = data.adjectives.get(lang)
    size, code = index.match(words, i) if index else (0, None)
    if size:
        return data.countries[code], size
    if lang == "en":
        country = _english_demonym(words[i])
        if country is not None:
            return country, 1
    return None, 0


def _demonym_at(words: list[str], i: int, lang: str, data: _Table):
    index = data.demonyms.get(lang)
    size, code = index.match(words, i) if index else (0, None)
    if size:
        return (None, 0) if code in data.home.get(lang, ()) else (data.countries[code], size)
    if lang == "en" and words[i].endswith("s"):
        country = _english_demonym(words[i][:-1])  # "Americans", "Syrians", "Iraqis"
        if country is not None:
            return country, 1
    return None, 0


def _noun_at(words: list[str], i: int, lang: str, data: _Table) -> tuple[int, EntityType] | None:
    index = data.nouns.get(lang)
    size, kind = index.match(words, i) if index else (0, None)
    return (size, kind) if size else None


def _gap_ok(gap: list[str]) -> bool:
    """Words between noun and adjective: lower-case words, no conjunction or other phrase boundary."""
    for k, word in enumerate(gap):
        lower = word.lower().replace("’", "'")
        if not word[:1].isalpha() or word[:1].isupper():
            return False
        if lower in _STOP or (lower in _PREPOSITIONS and k == len(gap) - 1):
            return False
    return True


def _noun_phrase(words: list[str], i: int, size: int, lang: str, data: _Table):
    """(first token, last token, kind) of the phrase the adjective at ``i`` modifies, or None."""
    if data.order[lang] == "after":  # the noun comes first: "forces (spéciales|d'occupation) américaines"
        for gap in range(MAX_GAP_AFTER, -1, -1):  # the head noun comes first: "troupes d'occupation"
            for noun_size in (3, 2, 1):
                j = i - gap - noun_size
                if j < 0:
                    continue
                noun = _noun_at(words, j, lang, data)
                if noun is not None and noun[0] == noun_size and _gap_ok(words[j + noun_size : i]):
                    return j, i + size - 1, noun[1]
        return None
    for gap in range(MAX_GAP_BEFORE, -1, -1):  # the adjective comes first: "American (occupation) troops"
        j = i + size + gap
        if j >= len(words):
            continue
        between = words[i + size : j]
        if between and between != ["-"] and not _gap_ok(between):  # "-": "US-Truppen"
            continue
        noun = _noun_at(words, j, lang, data)
        if noun is not None:
            return i, j + noun[0] - 1, noun[1]
    return None


# The knowledge base's name for a state's military, tried with the phrase's own adjective ("soldats russes" →
# "forces russes" → Russian Armed Forces), so one army is one actor whatever noun the text uses.
_MILITARY_NAMES = {
    "after": ("forces", "armée", "troupes", "militaires", "fuerzas", "ejército", "tropas"),
    "before": ("forces", "army", "troops", "military", "Armee", "Truppen", "Streitkräfte", "армия", "войска"),
}


def _military_entry(kb, adjective: str, order: str):
    if kb is None:
        return None
    for noun in _MILITARY_NAMES[order]:
        name = f"{noun} {adjective}" if order == "after" else f"{adjective} {noun}"
        entries = [e for e in kb.lookup(name, allow_short=False, allow_loose=False) if e.type is EntityType.ARMED_GROUP]
        if entries:
            return entries[0]
    return None


def link_nationals(text: str, chunks, entities: list[Entity], kb=None) -> list[Entity]:
    """``entities`` plus the nationality mentions of ``chunks`` (see the module docstring).

    An existing entity that overlaps a found phrase wins when it is linked (a knowledge-base name),
    reaches beyond the phrase (a longer name that contains it: "Armée syrienne libre") or is a place
    that names the country itself ("US" in "troupes US": the places stage resolves it); an unlinked
    one inside the phrase ("Américains" read as a place) is replaced.
    """
    from ..places.gazetteer import DEMONYM, lookup

    found: list[NationalMention] = []
    for chunk in chunks:
        found.extend(find(text, chunk.start, chunk.end, chunk.language))
    if not found:
        return entities
    removed: set[int] = set()
    added: list[Entity] = []
    for mention in found:
        overlapping = [(k, e) for k, e in enumerate(entities) if e.start < mention.end and mention.start < e.end]
        keep_existing = False
        for _, entity in overlapping:
            if entity.linked:
                keep_existing = True  # a knowledge-base name ("forces françaises")
            elif entity.start < mention.start or entity.end > mention.end:
                keep_existing = True  # a longer name holds the phrase ("Armée syrienne libre" is not the army)
            elif entity.type is EntityType.LOCATION and any(
                c.id == mention.country_id and c.kind != DEMONYM for c in lookup(entity.text)
            ):
                keep_existing = True  # "US", "USA": the country's own name, resolved by the places stage
        if keep_existing:
            continue
        removed.update(k for k, _ in overlapping)
        entity_id, name = mention.country_id, mention.country_name
        if mention.kind is EntityType.ARMED_GROUP:
            order = table().order.get(mention.language or "", "before")
            entry = _military_entry(kb, text[mention.key_span[0] : mention.key_span[1]], order)
            if entry is not None:
                entity_id, name = entry.id, entry.name
        added.append(Entity(text=text[mention.start : mention.end], start=mention.start, end=mention.end,
                            type=mention.kind, id=entity_id, name=name, linked=True, source="nationality"))
    kept = [e for k, e in enumerate(entities) if k not in removed]
    result = sorted(kept + added, key=lambda e: (e.start, e.end))
    anaphors = [a for chunk in chunks for a in _occupation_anaphors(text, chunk, result)]
    if anaphors:
        result = sorted(result + anaphors, key=lambda e: (e.start, e.end))
    return result


def _occupation_anaphors(text: str, chunk, entities: list[Entity]) -> list[Entity]:
    """Occupation forces named without their state, linked to the force named just before (see the data file).

    The antecedent is the nearest preceding mention, in the same chunk (paragraph) and at most
    MAX_ANAPHORA_SENTENCES sentence boundaries back, of a force: an armed group with an identity
    ("Turkish Armed Forces", "forces américaines") or a country name next to a military noun ("la
    présence militaire US", "US forces").  Without one the phrase stays unlinked: a guess across
    paragraphs would be worse than no link.
    """
    data = table()
    lang = chunk.language
    index = data.occupation.get(lang or "")
    if index is None:
        return []
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, chunk.start, chunk.end)]
    words = [t[2] for t in tokens]
    found: list[Entity] = []
    i = 0
    while i < len(words):
        size, _ = index.match(words, i)
        if not size:
            i += 1
            continue
        start, end = tokens[i][0], tokens[i + size - 1][1]
        i += size
        if any(e.start < end and start < e.end for e in entities):
            continue
        antecedent = _antecedent(text, chunk, start, entities, tokens, words, lang, data)
        if antecedent is not None:
            found.append(Entity(text=text[start:end], start=start, end=end, type=EntityType.ARMED_GROUP,
                                id=antecedent[0], name=antecedent[1], linked=True, source="nationality+coref"))
    return found


def _antecedent(text, chunk, start, entities, tokens, words, lang, data) -> tuple[str, str] | None:
    from ..places.gazetteer import DEMONYM, lookup

    for entity in sorted((e for e in entities if chunk.start <= e.start and e.end <= start),
                         key=lambda e: -e.start):
        if len(_SENTENCE_END.findall(text, entity.end, start)) > MAX_ANAPHORA_SENTENCES:
            return None
        if entity.type is EntityType.ARMED_GROUP and entity.id:
            return entity.id, entity.name or entity.text
        if entity.type is EntityType.LOCATION:
            country = next((c for c in lookup(entity.text) if c.feature == "country" and c.kind != DEMONYM), None)
            if country is None:
                continue
            k = next((n for n, t in enumerate(tokens) if t[0] >= entity.start), None)
            k_end = next((n for n, t in enumerate(tokens) if t[1] >= entity.end), None)
            if k is None or k_end is None:
                continue
            near = [j for j in range(k - 2, k) if j >= 0] + [j for j in range(k_end + 1, k_end + 3) if j < len(words)]
            if any(_noun_at(words, j, lang, data) for j in near):
                return country.id, country.name
    return None
