"""Block features that generalise across outlets and languages: cue words, dates, prose-ness."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...lang import Cues, all_cues

_WORD = re.compile(r"\w+(?:['’]\w+)*")
_RUN = re.compile(r"\w+")
_TERMINAL = re.compile(r"[.!?…:;。！？：；][\"'”’»)\]\s*_」』）]*$")
_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»)\]\s*_」』）]*$")
# Han and kana: written without spaces, one character carrying about a short word.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
CJK_WEIGHT = 3  # a CJK character counts as this many Latin characters in length thresholds
_NUMERIC_DATE = re.compile(r"\b\d{1,4}[./-]\s?\d{1,2}[./-]\s?\d{2,4}\b|\b\d{1,2}:\d{2}\b|\b(?:19|20)\d{2}\b")
ANYWHERE_MAX = 800  # "anywhere" cues only count in blocks up to this length (body paragraphs may name PayPal)
_MONEY_ONLY = re.compile(r"^[\s$€£¥₽]*\d[\d.,\s]*[\s$€£¥₽]*(?:usd|eur|gbp)?$", re.IGNORECASE)


def _phrases(phrases: tuple[str, ...]) -> str:
    parts = []
    for phrase in sorted(phrases, key=len, reverse=True):
        escaped = re.escape(phrase)
        if phrase and phrase[0].isalnum():
            escaped = r"(?<!\w)" + escaped
        if phrase and phrase[-1].isalnum():
            escaped += r"(?!\w)"
        parts.append(escaped)
    return "|".join(parts) or r"(?!x)x"


class PhraseSet:
    """Word-bounded search for many phrases at once, linear in the text.

    A regex alternation of hundreds of phrases with look-arounds is tried at every
    position and took seconds on a 5 MB dump; here phrases are indexed by their first
    word and only checked where a word starts (where a regex's negative look-behind for a
    word character holds): at every run of word characters, and at whole elided words
    ("s'abonner", and "abonnement" in "l'abonnement").
    """

    def __init__(self, phrases: dict[str, str]) -> None:
        """``phrases`` maps each lower-cased phrase to the value :meth:`find` returns for it."""
        self.by_word: dict[str, list[tuple[str, str]]] = {}
        self.other: list[tuple[str, str]] = []
        for phrase, value in phrases.items():
            first = _WORD.match(phrase)
            if first:
                self.by_word.setdefault(first.group(0), []).append((phrase, value))
            elif phrase:
                self.other.append((phrase, value))

    def find(self, lowered: str) -> str | None:
        """The value of a phrase occurring in ``lowered`` (already lower-cased), else None."""
        return next(self._values(lowered), None)

    def values(self, lowered: str) -> set[str]:
        """The values of all the phrases occurring in ``lowered``."""
        return set(self._values(lowered))

    def _values(self, lowered: str):
        for phrase, value in self.other:
            if phrase in lowered:
                yield value
        by_word = self.by_word
        for word in _words_and_runs(lowered):
            candidates = by_word.get(word.group())
            if not candidates:
                continue
            start = word.start()
            for phrase, value in candidates:
                end = start + len(phrase)
                if lowered.startswith(phrase, start) and (
                    not phrase[-1].isalnum() or end == len(lowered) or not (lowered[end].isalnum() or lowered[end] == "_")
                ):
                    yield value


def _words_and_runs(lowered: str):
    """Word matches where a phrase may start: each word, and inside an elided one each of its parts."""
    for match in _WORD.finditer(lowered):
        yield match
        text = match.group()
        if "'" in text or "’" in text:
            yield from _RUN.finditer(lowered, match.start(), match.end())


@dataclass(frozen=True)
class Matchers:
    boilerplate: dict[str, tuple[re.Pattern[str], frozenset[str]]]  # kind -> (prefix, whole-block phrases)
    short: PhraseSet  # "short" phrase (cue in a block of up to five words) -> boilerplate kind
    anywhere: PhraseSet  # phrase -> boilerplate kind
    metadata: dict[str, re.Pattern[str]]
    header: re.Pattern[str]
    recent: re.Pattern[str]
    actions: frozenset[str]
    action_words: frozenset[str]
    says: re.Pattern[str]
    disqus: re.Pattern[str]
    bio: re.Pattern[str]
    month: PhraseSet
    stopwords: frozenset[str]


@lru_cache(maxsize=1)
def matchers() -> Matchers:
    """Compiled cue patterns for the union of all shipped languages."""
    cues: Cues = all_cues()
    boilerplate = {}
    for kind, modes in cues.boilerplate.items():
        boilerplate[kind] = (re.compile("^(?:" + _phrases(modes["prefix"]) + ")"), frozenset(modes["short"]))
    anywhere = {phrase: kind for kind, modes in reversed(cues.boilerplate.items()) for phrase in modes["anywhere"]}
    short: dict[str, str] = {}
    for kind, modes in cues.boilerplate.items():
        for phrase in modes["short"]:
            short.setdefault(phrase, kind)  # a phrase of two kinds counts for the first, as the kind loop checks
    metadata = {kind: re.compile("^(?:" + _phrases(prefixes) + ")") for kind, prefixes in cues.metadata.items()}
    says = _phrases(cues.says)
    return Matchers(
        boilerplate=boilerplate,
        short=PhraseSet(short),
        anywhere=PhraseSet(anywhere),
        metadata=metadata,
        header=re.compile(r"^(?:[\W\d_]*\s*)(?:" + _phrases(cues.comments_header) + ")"),
        recent=re.compile(r"^(?:" + _phrases(cues.recent) + ")"),
        actions=frozenset(cues.comment_actions),
        action_words=frozenset(word for action in cues.comment_actions for word in _WORD.findall(action)),
        says=re.compile(r"^(?P<author>\S.{0,60}?)\s+(?:" + says + r")\s*(?::(?P<rest>.{0,60})|$)"),
        disqus=re.compile(r"^(?P<author>[^•·|]{1,60}?)\s*[•·|]\s*(?P<rest>.{1,40})$"),
        bio=re.compile(
            r"^(?:\w[\w.'’-]*\s+){1,4}(?:" + _phrases(cues.copula) + r")\s.{0,120}?(?:" + _phrases(cues.bio_nouns) + ")"
        ),
        month=PhraseSet({month: month for month in cues.months}),
        stopwords=cues.stopwords,
    )


def normalised(text: str) -> str:
    """Lower-cased text without surrounding punctuation, for whole-block cue comparison."""
    return text.lower().strip(" \t\xa0:.…!?»«\"'“”‘’()[]|>-–—•*_#→←↓")


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def weight(text: str) -> int:
    """Length in Latin-character equivalents, so that length thresholds hold for Chinese and Japanese."""
    cjk = len(_CJK.findall(text))
    return len(text) + (CJK_WEIGHT - 1) * cjk


def stopword_density(text: str, m: Matchers) -> float:
    tokens = words(text)
    if _CJK.search(text):  # unspaced script: its characters are the tokens
        tokens = [token for token in tokens if not _CJK.search(token)] + _CJK.findall(text)
    if not tokens:
        return 0.0
    return sum(1 for token in tokens if token in m.stopwords) / len(tokens)


def ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text))


def ends_terminal(text: str) -> bool:
    """Ends like a sentence or a clause introducing something (".", "!", "?", ":" …)."""
    return bool(_TERMINAL.search(text))


def boilerplate_kind(text: str, m: Matchers, *, strict: bool = True) -> str | None:
    """The boilerplate kind the cue words of ``text`` point to, if any.

    ``strict`` limits "anywhere" cues to blocks of moderate length, so that a body
    paragraph mentioning PayPal or a copyright dispute stays body.
    """
    lowered = text.lower()
    norm = normalised(text)
    count = len(norm.split())
    shorts = m.short.values(norm) if count <= 5 else set()  # one pass over the words for all kinds
    for kind, (prefix, short_set) in m.boilerplate.items():
        if prefix.match(norm) or norm in short_set or kind in shorts:
            return kind
    if not strict or len(text) <= ANYWHERE_MAX:
        return m.anywhere.find(lowered)
    return None


def standalone_cue(text: str, m: Matchers, kind: str) -> bool:
    """The block is only the cue ("Related Posts", "Ähnliche Beiträge"): a section header."""
    norm = normalised(text)
    prefix, short_set = m.boilerplate[kind]
    match = prefix.match(norm)
    return norm in short_set or bool(match and len(norm) - match.end() <= 2)


def metadata_kind(text: str, m: Matchers) -> str | None:
    """Byline, outlet or tags lines (short, opened by a cue); datelines: see :func:`is_dateline`."""
    if len(text) > 200:
        return None
    norm = text.lower().lstrip(" \t\xa0*_#>")
    for kind, pattern in m.metadata.items():
        match = pattern.match(norm)
        if not match:
            continue
        if kind == "byline":
            rest = text[match.end():].strip()
            # "By South Front", not "By the end of 2019, …"
            if not rest or len(rest.split()) > 8 or not (rest[0].isupper() or rest[0] in "[*_@"):
                continue
        return kind
    return None


def has_date(text: str, m: Matchers) -> bool:
    return bool(_NUMERIC_DATE.search(text)) or (
        m.month.find(text.lower()) is not None and any(char.isdigit() for char in text)
    )


def is_dateline(text: str, m: Matchers) -> bool:
    """A short line that is mostly a date ("Global Research, February 19, 2019")."""
    tokens = text.split()
    return 0 < len(tokens) <= 8 and len(text) <= 80 and has_date(text, m) and not ends_sentence(text.rstrip(".") + "x")


def is_money_only(text: str) -> bool:
    """A donation widget amount ("2,500 $")."""
    return bool(_MONEY_ONLY.match(text)) and any(char in text for char in "$€£¥₽")


def is_author_bio(text: str, m: Matchers) -> bool:
    return bool(m.bio.match(text.lower()))


def is_comments_header(text: str, m: Matchers) -> bool:
    """"3 Comments", "Leave a Reply", "142 Antworten zu …" — not "Recent comments" widgets."""
    norm = normalised(text)
    if len(norm.split()) > 14 or m.recent.match(norm):
        return False
    return bool(m.header.match(norm))


def is_action_line(text: str, m: Matchers) -> bool:
    """"Reply", "Report", "Like", "Antworten ↓", "12 Likes"… (comment widget buttons)."""
    norm = normalised(text)
    if not norm or len(norm) > 40:
        return False
    if norm in m.actions:
        return True
    tokens = words(norm)
    return bool(tokens) and all(token in m.action_words or token.isdigit() for token in tokens) and any(
        not token.isdigit() for token in tokens
    )


def title_like(text: str) -> bool:
    """Short, no terminal period, more than a word or two: a headline, not a sentence or residue."""
    tokens = text.split()
    if not 2 <= len(tokens) <= 30 or len(text) > 250 or len(text) < 12:
        return False
    if text.rstrip("\"'”’»)").endswith((".", ":", ";", ",")) and not text.endswith("..."):
        return False
    return sum(char.isalpha() for char in text) >= 0.5 * len(text)
