"""Knowledge-base names found directly in text (the gazetteer half of entity recognition).

Statistical NER misses or mis-cuts names it never saw ("Deir" + "ez-Zor", "Daech" as a place) and
does not exist for most languages; scanning for the names the knowledge base knows fixes the first
and is the whole of recognition for the second.  The scan is a longest-match over word n-grams,
compared by alias key, so case, diacritics, hyphens and leading articles do not matter — except
that a match must look like a name (a capital or a caseless script) and acronyms must match as
written ("IS" is the group, "is" is a verb).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..kb.actors import ActorKB, AliasHit, written_form_fits
from ..kb.normalize import alias_key, is_acronym

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
MAX_NAME_TOKENS = 8


@dataclass
class NameMatch:
    start: int
    end: int
    actor_hits: list[AliasHit]
    place: bool  # the name is also a place in the gazetteer's scan list


@dataclass(frozen=True)
class ScanIndex:
    actor_keys: dict[str, list[AliasHit]]
    place_keys: frozenset[str]
    first_tokens: frozenset[str]


@lru_cache(maxsize=1)
def place_scan_keys() -> frozenset[str]:
    """Gazetteer names safe to look for in raw text (countries, provinces, big cities, the supplement)."""
    from ..places import scan_names as gazetteer_scan_names

    return frozenset(gazetteer_scan_names())


@lru_cache(maxsize=8)
def scan_index(kb: ActorKB, place_keys: frozenset[str]) -> ScanIndex:
    firsts = {key.split(" ", 1)[0] for key in kb.exact} | {key.split(" ", 1)[0] for key in place_keys}
    return ScanIndex(kb.exact, place_keys, frozenset(firsts))


def looks_like_name(surface: str) -> bool:
    """A capital letter somewhere, or letters of a script without case (Arabic, Chinese, …)."""
    letters = [ch for ch in surface if ch.isalpha()]
    return any(ch.isupper() for ch in letters) or any(ch.isalpha() and ch.lower() == ch.upper() for ch in letters)


def _case_ok(hit: AliasHit, surface: str) -> bool:
    if not written_form_fits(hit, surface):
        return False
    # A lowercase alias ("daech" written so in the KB) may match lowercase text; otherwise a name's shape.
    return hit.case_sensitive or looks_like_name(surface) or hit.alias == surface


def scan_names(text: str, index: ScanIndex, start: int = 0, end: int | None = None) -> list[NameMatch]:
    """Longest non-overlapping KB names in ``text[start:end]``, left to right."""
    end = len(text) if end is None else end
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]
    matches: list[NameMatch] = []
    i = 0
    while i < len(tokens):
        if alias_key(text[tokens[i][0] : tokens[i][1]]) not in index.first_tokens and not _starts_with_article(text, tokens, i):
            i += 1
            continue
        found = None
        for n in range(min(MAX_NAME_TOKENS, len(tokens) - i), 0, -1):
            span_start, span_end = tokens[i][0], tokens[i + n - 1][1]
            surface = text[span_start:span_end]
            if n > 1 and "\n" in surface:
                continue
            key = alias_key(surface)
            hits = [h for h in index.actor_keys.get(key, []) if _case_ok(h, surface)]
            place = key in index.place_keys and looks_like_name(surface) and not (is_acronym(surface) and n == 1 and len(surface) < 3)
            if hits or place:
                if n > 1 and _is_determiner(text, tokens[i]):
                    span_start = tokens[i + 1][0]  # "the Islamic State" → "Islamic State"; "al-Bab" keeps its article
                found = NameMatch(span_start, span_end, hits, place)
                i += n
                break
        if found is None:
            i += 1
        else:
            matches.append(found)
    return matches


_DETERMINERS = frozenset({"the", "le", "la", "les", "l", "los", "las", "der", "die", "das"})


def _is_determiner(text: str, token: tuple[int, int]) -> bool:
    word = text[token[0] : token[1]]
    return word.casefold() in _DETERMINERS and not word[:1].isupper() or word in ("The", "THE", "L")


_ARTICLES = frozenset({"the", "le", "la", "les", "l", "el", "al", "an", "ar", "as", "ash", "ad", "at", "az", "los", "las", "der", "die", "das"})


def _starts_with_article(text: str, tokens: list[tuple[int, int]], i: int) -> bool:
    return text[tokens[i][0] : tokens[i][1]].casefold() in _ARTICLES and i + 1 < len(tokens)
