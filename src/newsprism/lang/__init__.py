"""Per-language words, one folder per ISO 639-1 code (``lang/<code>/cues.py``, plain data).

The text-dump segmenter runs before language identification, so it uses the union of
every language's cues (:func:`all_cues`); the metadata stage likewise matches bylines and
source lines in every language at once (:func:`metadata_words`).  Adding a language means
adding a folder with a ``cues.py`` holding any of :data:`NAMES`; missing names count as empty.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType

LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "uk", "tr", "ar", "fa", "zh", "ja")

MODES = ("prefix", "short", "anywhere")


@dataclass(frozen=True)
class Cues:
    """Cue words of one or more languages, lower-cased."""

    stopwords: frozenset[str]
    boilerplate: dict[str, dict[str, tuple[str, ...]]]  # kind -> mode -> phrases
    metadata: dict[str, tuple[str, ...]]  # kind -> prefixes
    comments_header: tuple[str, ...]
    comment_actions: tuple[str, ...]
    says: tuple[str, ...]
    bio_nouns: tuple[str, ...]
    copula: tuple[str, ...]
    months: tuple[str, ...]
    recent: tuple[str, ...]


def load(code: str) -> ModuleType:
    """The cue module of one language (``newsprism.lang.<code>.cues``)."""
    return importlib.import_module(f"{__name__}.{code}.cues")


def _unique(items) -> tuple[str, ...]:
    return tuple(dict.fromkeys(item.lower() for item in items))


@lru_cache(maxsize=None)
def cues_for(codes: tuple[str, ...]) -> Cues:
    """The union of the cues of ``codes``."""
    modules = [load(code) for code in codes]
    boilerplate: dict[str, dict[str, list[str]]] = {}
    metadata: dict[str, list[str]] = {}
    for module in modules:
        for kind, modes in getattr(module, "BOILERPLATE", {}).items():
            for mode in MODES:
                boilerplate.setdefault(kind, {m: [] for m in MODES})[mode].extend(modes.get(mode, ()))
        for kind, modes in getattr(module, "METADATA", {}).items():
            metadata.setdefault(kind, []).extend(modes.get("prefix", ()))

    def union(name: str) -> tuple[str, ...]:
        return _unique(word for module in modules for word in getattr(module, name, ()))

    return Cues(
        stopwords=frozenset(union("STOPWORDS")),
        boilerplate={kind: {mode: _unique(words) for mode, words in modes.items()} for kind, modes in boilerplate.items()},
        metadata={kind: _unique(words) for kind, words in metadata.items()},
        comments_header=union("COMMENTS_HEADER"),
        comment_actions=union("COMMENT_ACTIONS"),
        says=union("SAYS"),
        bio_nouns=union("BIO_NOUNS"),
        copula=union("COPULA"),
        months=union("MONTHS"),
        recent=union("RECENT"),
    )


def all_cues() -> Cues:
    """The union of every shipped language's cues (used before the language is known)."""
    return cues_for(LANGUAGES)


@dataclass(frozen=True)
class MetadataWords:
    """Words the metadata stage reads bylines, bios and source lines with (see ``lang/en/cues.py``).

    Kept apart from :class:`Cues`: some lists are case-sensitive on purpose (``*_LOWER``,
    ``NAME_JOINERS``), and the segmenter's cues are benchmark-gated.
    """

    byline_leads: tuple[str, ...]
    byline_leads_lower: tuple[str, ...]
    name_end_words: tuple[str, ...]
    name_end_words_lower: tuple[str, ...]
    name_joiners: tuple[str, ...]
    role_words: tuple[str, ...]
    name_particles: tuple[str, ...]
    bio_copula: tuple[str, ...]
    pronouns: tuple[str, ...]
    honorifics: tuple[str, ...]
    original_source_leads: tuple[str, ...]
    source_leads: tuple[str, ...]
    copyright_holder_leads: tuple[str, ...]
    rights_reserved: tuple[str, ...]
    bio_outlet_roles: tuple[str, ...]
    bio_outlet_prepositions: tuple[str, ...]
    bio_outlet_ends: tuple[str, ...]
    leading_articles: tuple[str, ...]


_METADATA_WORD_NAMES = tuple(name.upper() for name in MetadataWords.__dataclass_fields__)
NAMES = frozenset(name.upper() for name in Cues.__dataclass_fields__) | frozenset(_METADATA_WORD_NAMES)
"""Every name a ``cues.py`` may define (the fields of :class:`Cues` and :class:`MetadataWords`, upper-cased)."""


@lru_cache(maxsize=None)
def metadata_words(codes: tuple[str, ...] = LANGUAGES) -> MetadataWords:
    """The union of the metadata words of ``codes``, each word once, in language order."""
    modules = [load(code) for code in codes]
    return MetadataWords(
        *(tuple(dict.fromkeys(w for m in modules for w in getattr(m, name, ()))) for name in _METADATA_WORD_NAMES)
    )
