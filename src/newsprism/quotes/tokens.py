"""One token list over the whole body, from the shared parse, and the name mentions on it.

Paragraphs with a spaCy model bring lemmas, parts of speech and dependencies; the others (Russian,
languages without a model, text past the parse limit) get plain word tokens, so the attribution
rules that need no parse work everywhere.  Token offsets are body offsets.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..model import Document, EntityType
from ..nlp import ParsedBody
from .lexicon import lexicon

_WORD = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")
# Entity types that can say something, and the NER labels that stand for them when the entities
# stage has not run (PolNeAR benchmark, tests on bare documents).
SPEAKER_TYPES = frozenset({EntityType.PERSON, EntityType.ORGANISATION, EntityType.ARMED_GROUP, EntityType.OTHER})
_NER_TYPES = {
    "PERSON": EntityType.PERSON, "PER": EntityType.PERSON, "ORG": EntityType.ORGANISATION,
    "NORP": EntityType.OTHER, "MISC": EntityType.OTHER,
    "GPE": EntityType.LOCATION, "LOC": EntityType.LOCATION, "FAC": EntityType.FACILITY,
}


_PASSIVE_DEPS = frozenset({"auxpass", "aux:pass", "nsubjpass", "nsubj:pass"})


@dataclass(slots=True)
class Token:
    i: int
    start: int
    end: int
    text: str
    lower: str
    lemma: str
    pos: str  # "" without a parse
    dep: str
    head: int  # index of the head token (itself for roots and unparsed tokens)
    language: str | None
    infinitive: bool = False  # "to say", "dire": a verb that reports nothing by itself (but "went on to say" does)
    passive: bool = False  # "was asked", "Asked whether …,": the subject is not the one speaking


@dataclass(slots=True)
class Mention:
    """A name in the body: an entity of the entities stage, or a raw NER span standing in for one."""

    start: int
    end: int
    type: EntityType
    id: str | None = None
    name: str | None = None


@dataclass
class TokenView:
    text: str
    tokens: list[Token]
    mentions: list[Mention]
    _starts: list[int] = field(default_factory=list)
    _children: list[list[int]] | None = None
    _mention_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._starts = [t.start for t in self.tokens]
        self.mentions.sort(key=lambda m: (m.start, -m.end))
        self._mention_starts = [m.start for m in self.mentions]

    @property
    def parsed(self) -> bool:
        return any(t.pos for t in self.tokens[:50])

    def children(self, index: int) -> list[int]:
        if self._children is None:
            children: list[list[int]] = [[] for _ in self.tokens]
            for token in self.tokens:
                if token.head != token.i:
                    children[token.head].append(token.i)
            self._children = children
        return self._children[index]

    def first_at_or_after(self, offset: int) -> int:
        return bisect.bisect_left(self._starts, offset)

    def between(self, start: int, end: int) -> range:
        """Indices of the tokens lying within ``[start, end)``."""
        first = bisect.bisect_left(self._starts, start)
        last = first
        while last < len(self.tokens) and self.tokens[last].end <= end:
            last += 1
        return range(first, last)

    def subtree(self, index: int, limit: int = 400) -> list[int]:
        """Indices of the token's subtree (bounded: hostile parses can be huge)."""
        seen, todo = [], [index]
        while todo and len(seen) < limit:
            current = todo.pop()
            seen.append(current)
            todo.extend(self.children(current))
        return sorted(seen)

    def mention_at(self, start: int, end: int) -> Mention | None:
        """The longest mention overlapping ``[start, end)`` that can be a speaker, if any."""
        k = bisect.bisect_right(self._mention_starts, end) - 1
        best = None
        while k >= 0 and start - self.mentions[k].start < 200:
            mention = self.mentions[k]
            if mention.start < end and mention.end > start and mention.type in SPEAKER_TYPES | {EntityType.LOCATION}:
                if best is None or mention.end - mention.start > best.end - best.start:
                    best = mention
            k -= 1
        return best

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        first = bisect.bisect_left(self._mention_starts, start)
        found = []
        for mention in self.mentions[first:]:
            if mention.start >= end:
                break
            found.append(mention)
        return found


def build_view(document: Document, parsed: ParsedBody) -> TokenView:
    text = document.body
    tokens: list[Token] = []
    for chunk in parsed.chunks:
        base = len(tokens)
        if chunk.doc is not None:
            for t in chunk.doc:
                if t.is_space:
                    tokens.append(Token(base + t.i, chunk.start + t.idx, chunk.start + t.idx + len(t.text), t.text,
                                        "", "", "SPACE", "", base + t.head.i, chunk.language))
                    continue
                lower = t.text.lower()
                infinitive = "Inf" in t.morph.get("VerbForm") and (
                    chunk.language != "en" or any(c.lower_ == "to" and c.dep_ == "aux" for c in t.children)
                ) and not (
                    t.dep_ in ("xcomp", "advcl") and t.head.lemma_.lower() in lexicon(chunk.language).catenatives
                )
                passive = any(c.dep_ in _PASSIVE_DEPS for c in t.children) or (
                    t.tag_ == "VBN" and t.dep_ in ("advcl", "acl") and not any(c.dep_ == "aux" for c in t.children)
                )
                tokens.append(Token(base + t.i, chunk.start + t.idx, chunk.start + t.idx + len(t.text), t.text,
                                    lower, t.lemma_.lower() or lower, t.pos_, t.dep_, base + t.head.i, chunk.language,
                                    infinitive, passive))
        else:
            for match in _WORD.finditer(text, chunk.start, chunk.end):
                lower = match.group().lower()
                index = len(tokens)
                tokens.append(Token(index, match.start(), match.end(), match.group(), lower, lower, "", "", index,
                                    chunk.language))
    if document.entities:
        mentions = [Mention(e.start, e.end, e.type, e.id, e.name) for e in document.entities]
    else:
        mentions = [Mention(s.start, s.end, _NER_TYPES[s.label]) for s in parsed.ner if s.label in _NER_TYPES]
    return TokenView(text, tokens, mentions)
