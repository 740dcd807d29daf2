"""Quote marks paired into spans, paragraph by paragraph, and the sentences between them.

Marks are paired with a stack per paragraph.  Whether a mark opens or closes is read from its
family (a closer only closes an opener of its own family: “…”, "…", „…“ are one family, «…» another,
‘…’ a third) and from what flanks it: a mark with a word right after it and a space (or nothing)
before it opens, one with a word before it and a space or punctuation after it closes.  So German
„…“, Swedish ”…”, a misused “ as a closer ("unanswered“."), French « … » with inner spaces and
straight quotes all pair, and apostrophes (l'armée, don’t, students’) never open anything.

A quote left open at the end of its paragraph continues into the next paragraphs when they follow
the typographic convention (each further paragraph opens with a mark, "“" or the French "»", and
the last one closes) or when a later paragraph holds the lone closer.  An opener at the very end of a paragraph ("he said: “")
introduces the following paragraphs as a block.  Otherwise the quote is cut at the paragraph's end
and the document gets a warning: an unbalanced mark never swallows the rest of the article.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..nlp.offsets import strip_span
from .lexicon import DOUBLE, GUILLEMET, QUOTE_MARKS, SINGLE, SINGLE_GUILLEMET, Lexicon

# Quotes never span more paragraphs (typographic continuation, block quotes) nor more characters.
MAX_QUOTE_PARAGRAPHS = 8
MAX_QUOTE_CHARS = 6_000
# Sentences are looked at this far on either side of a point at most (hostile text has no full stops).
MAX_SENTENCE_REACH = 1_500
# Marks nested deeper than this are treated as stray (hostile input: thousands of openers).
MAX_DEPTH = 12

# Two apostrophes or two backticks stand for a double quote mark (''…'' in some archives, ``…'').
_MARKS = re.compile("''|``|[" + re.escape("".join(QUOTE_MARKS)) + "]")
_FIXED_OPENERS = frozenset("„〝「『")
_FIXED_CLOSERS = frozenset("〞」』")
_CLOSING_PUNCT = frozenset(".,;:!?…)]}—–-/")
_OPENING_PUNCT = frozenset("([{—–-/")
_SPACES = frozenset(" \t\n\r\u00a0\u202f\u2009\u2007")
_SENTENCE_END = re.compile(r"[.!?…]+(?=[\s\"'”’»)\]]*\s)|[.!?…]+$")
_LINE_BREAK = re.compile(r"\n\s*")
# "WASHINGTON —", "LA CROSSE, Wisc. —", "New York (AFP) –", "PARIS (Reuters) -": a dateline opening
# a paragraph is no part of its first sentence (the parse would take the place for a subject).
_DATELINE = re.compile(
    r"(?:[A-Z][A-Z.'’ -]+[A-Z.](?:, [A-Z][\w.]+)?|[A-Z][\w.' ]{1,30} \([A-Za-z ]{2,20}\))\s*[—–-]{1,2}\s+"
)
_ABBREVIATIONS = frozenset("""
    mr mrs ms dr gen col lt sgt capt sen rep gov st jr sr prof no vs etc maj adm cmdr cpl pvt gov
    fig inc ltd co corp dept est approx jan feb mar apr jun jul aug sep sept oct nov dec m mme mlle
    sr sra dra lic ing av nº
""".split())


@dataclass
class MarkedQuote:
    """A top-level quote: ``open``/``close`` are the marks' offsets, ``start:end`` the trimmed content."""

    open: int
    close: int | None  # None when the quote was capped or is a block without a closing mark
    start: int
    end: int
    family: str
    block: bool = False  # content is whole paragraphs introduced by a dangling opener


def paragraph_spans(text: str, paragraphs: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Paragraphs as given, else blocks separated by blank lines, white space trimmed."""
    if not paragraphs:
        paragraphs, position = [], 0
        for match in re.finditer(r"\n[ \t]*\n", text):
            paragraphs.append((position, match.start()))
            position = match.end()
        paragraphs.append((position, len(text)))
    spans = []
    for start, end in paragraphs:
        start, end = strip_span(text, max(0, start), min(len(text), end))
        if end > start:
            spans.append((start, end))
    return spans



def _is_space(char: str) -> bool:
    return char in _SPACES or char.isspace()


def _flanking(text: str, index: int, after_index: int, start: int, end: int) -> tuple[bool, bool]:
    """(can open, can close) judged from the characters around the mark at ``index:after_index``."""
    before = text[index - 1] if index > start else " "
    after = text[after_index] if after_index < end else " "
    before_open = _is_space(before) or before in _OPENING_PUNCT or before in QUOTE_MARKS or before in ",:;"
    after_close = _is_space(after) or after in _CLOSING_PUNCT or after in QUOTE_MARKS
    return before_open and not _is_space(after), not _is_space(before) and after_close


@dataclass
class _Scan:
    pairs: list[tuple[int, int, str]]  # (open offset, close offset, family)
    unclosed: list[tuple[int, str]]  # openers of quotable families left open at the paragraph's end
    orphans: list[tuple[int, str]]  # closers met with no opener of their family open
    first_opener: tuple[int, str] | None  # the mark opening the paragraph, if any


def _scan_paragraph(text: str, start: int, end: int) -> _Scan:
    stack: list[tuple[int, str, str]] = []  # (offset, family, character)
    pairs: list[tuple[int, int, str]] = []
    orphans: list[tuple[int, str]] = []
    first_opener = None
    for match in _MARKS.finditer(text, start, end):
        index = match.start()
        char = {"''": '"', "``": "“"}.get(match.group(), match.group())
        family = QUOTE_MARKS[char]
        can_open, can_close = _flanking(text, index, match.end(), start, end)
        open_index = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][1] == family), None)
        if family == SINGLE and char in "’'" and can_open == can_close:
            continue  # between letters or between spaces: an apostrophe or a stray mark
        if char == "»" and index == start and not stack:
            char, role = "«", "open"  # French « guillemets de suite »: a quote continued from the last paragraph
        elif char in _FIXED_OPENERS:
            role = "open"
        elif char in _FIXED_CLOSERS:
            role = "close" if open_index is not None else "orphan"
        elif family in (GUILLEMET, SINGLE_GUILLEMET):
            # « opens and » closes, or the reverse (»…« in German and Danish) when that pairs up.
            if open_index is not None and stack[open_index][2] != char:
                role = "close"
            elif char in "«‹" or (can_open and not can_close):
                role = "open"
            else:
                role = "orphan"
        elif char == "‘" or char == "‛":
            role = "open" if can_open or not can_close else ("close" if open_index is not None else "skip")
        elif family == SINGLE:  # ’ and ' outside words
            if open_index is not None and can_close:
                role = "close"
            elif char == "'" and can_open:
                role = "open"
            else:
                role = "skip"
        elif char in "“‟":
            role = "close" if open_index is not None and can_close and not can_open else "open"
        else:  # ” and " (and the full-width ")
            if open_index is not None and (can_close or not can_open):
                role = "close"
            elif can_open or (char == '"' and not can_close):
                role = "open"
            else:
                role = "orphan"
        if role == "open":
            if len(stack) < MAX_DEPTH:
                stack.append((index, family, char))
                if first_opener is None and not text[start:index].strip():
                    first_opener = (index, family)
        elif role == "close" and open_index is not None:
            pairs.append((stack[open_index][0], match.end() - 1, family))
            del stack[open_index:]  # openers left above it were strays
        elif role == "orphan" and not stack:
            orphans.append((index, family))
    unclosed = [(offset, family) for offset, family, _ in stack if family != SINGLE]
    return _Scan(pairs, unclosed, orphans, first_opener)


def mark_length(text: str, index: int) -> int:
    return 2 if text[index : index + 2] in ("''", "``") else 1


def closing_mark_start(text: str, close_index: int) -> int:
    """Where the closing mark ending at ``close_index`` (its last character) begins."""
    return close_index - 1 if close_index > 0 and text[close_index - 1 : close_index + 1] == "''" else close_index


def _content(text: str, open_index: int, close_index: int) -> tuple[int, int]:
    """Content offsets between two marks: white space and a trailing comma dropped."""
    start, end = strip_span(text, open_index + mark_length(text, open_index), closing_mark_start(text, close_index))
    while end > start and text[end - 1] in ",":
        end -= 1
    return strip_span(text, start, end)


def find_marked_quotes(
    text: str, paragraphs: list[tuple[int, int]], lexicon: Lexicon, warnings: list[str]
) -> list[MarkedQuote]:
    """Top-level quotes delimited by quote marks, in text order (see the module docstring)."""
    scans = [_scan_paragraph(text, start, end) for start, end in paragraphs]
    quotes: list[MarkedQuote] = []
    reach = -1  # end of the last quote running across paragraphs: openers before it are its own
    for index, ((p_start, p_end), scan) in enumerate(zip(paragraphs, scans)):
        quotes.extend(
            MarkedQuote(o, c, *_content(text, o, c), family) for o, c, family in scan.pairs if c - o > 1
        )
        unclosed = [(o, f) for o, f in scan.unclosed if o > reach]
        if not unclosed:
            continue
        open_index, family = unclosed[0]
        after = open_index + mark_length(text, open_index)
        after += len(text[after:p_end]) - len(text[after:p_end].lstrip())
        if any(o == after and not text[c + 1 : p_end].strip(" .,;!?…") for o, c, _ in scan.pairs):
            continue  # a stray mark doubling the opener of a quote that runs to the paragraph's end: '"« … ».'
        close_index = _continuation(paragraphs, scans, index, family)
        if close_index is not None:
            quotes.append(MarkedQuote(open_index, close_index, *_content(text, open_index, close_index), family))
            reach = close_index
            continue
        if not text[open_index + mark_length(text, open_index) : p_end].strip():
            following = block_extent(text, paragraphs, index + 1, lexicon)
            if following is not None:
                quotes.append(MarkedQuote(open_index, None, *following, family, block=True))
                reach = following[1]
            continue
        start, end = strip_span(text, open_index + mark_length(text, open_index), min(p_end, open_index + 1 + MAX_QUOTE_CHARS))
        if end > start:
            warnings.append(
                f"unbalanced quote mark at offset {open_index}: quote cut at the end of its paragraph"
            )
            quotes.append(MarkedQuote(open_index, None, start, end, family))
    return _top_level(quotes)


def _continuation(paragraphs: list[tuple[int, int]], scans: list[_Scan], index: int, family: str) -> int | None:
    """The closing mark of a quote left open in paragraph ``index``, if a later paragraph closes it."""
    for later in range(index + 1, min(len(paragraphs), index + MAX_QUOTE_PARAGRAPHS)):
        scan = scans[later]
        if paragraphs[later][1] - paragraphs[index][0] > MAX_QUOTE_CHARS:
            return None
        opener = scan.first_opener
        if opener is not None and opener[1] == family:  # typographic convention: re-opened
            if any(u[0] == opener[0] for u in scan.unclosed):
                continue
            return next((c for o, c, f in scan.pairs if o == opener[0]), None)
        return next((o for o, f in scan.orphans if f == family), None)
    return None


def block_extent(
    text: str, paragraphs: list[tuple[int, int]], first: int, lexicon: Lexicon
) -> tuple[int, int] | None:
    """Offsets of the paragraphs a block quote covers, starting with paragraph ``first``.

    The first paragraph always belongs to the block; each following one while it reads as
    speech: it opens with a quote mark, or holds a first- or second-person word or an
    editorial insertion in square brackets, and is not itself an introduction ending with a
    colon.  Narrative resumes at the first paragraph that reads otherwise.
    """
    if first >= len(paragraphs):
        return None
    start, end = paragraphs[first]
    if len(text[start:end].split()) < 3 and not re.search(r"[.!?…]$", text[start:end]):
        return None  # a heading, not speech
    for later in range(first + 1, min(len(paragraphs), first + MAX_QUOTE_PARAGRAPHS)):
        p_start, p_end = paragraphs[later]
        if p_end - start > MAX_QUOTE_CHARS or text[end - 1] == ":" or not reads_as_speech(
            text[p_start:p_end], lexicon
        ):
            break
        end = p_end
    return start, end


_WORD = re.compile(r"\w+(?:['’]\w+)?")


def reads_as_speech(paragraph: str, lexicon: Lexicon) -> bool:
    if paragraph.endswith(":"):
        return False
    if paragraph[:1] in QUOTE_MARKS and QUOTE_MARKS[paragraph[0]] != SINGLE:
        return True
    if re.search(r"\[[^\]]{2,80}\]", paragraph):
        return True
    words = {w.lower() for w in _WORD.findall(paragraph[:2000])}
    return bool(words & lexicon.first_person)


def _top_level(quotes: list[MarkedQuote]) -> list[MarkedQuote]:
    """Drop quotes nested in another one (they are part of its content)."""
    quotes.sort(key=lambda q: (q.open, -(q.close if q.close is not None else q.end)))
    top: list[MarkedQuote] = []
    reach = -1
    for quote in quotes:
        last = quote.close if quote.close is not None else quote.end
        if quote.open < reach:
            continue
        if quote.end > quote.start:
            top.append(quote)
        reach = max(reach, last + 1 if quote.close is not None else quote.end)
    return top


class Sentences:
    """Sentence boundaries of the body that ignore full stops inside quotes."""

    def __init__(self, text: str, paragraphs: list[tuple[int, int]], quotes: list[MarkedQuote]):
        self.text = text
        inside = sorted((q.open, q.close + 1 if q.close is not None else q.end) for q in quotes)
        self._inside_starts = [s for s, _ in inside]
        self._inside = inside
        bounds: list[int] = []
        for start, end in paragraphs:
            bounds.append(start)
            dateline = _DATELINE.match(text, start, end)
            if dateline:
                bounds.append(dateline.end())
            for match in _SENTENCE_END.finditer(text, start, end):
                if not self._is_inside(match.start()) and not _abbreviation(text, match.start(), start):
                    bounds.append(match.end())
            for match in _LINE_BREAK.finditer(text, start, end):  # a line break inside a paragraph
                if not self._is_inside(match.start()):
                    bounds.append(match.end())
            bounds.append(end)
        for quote in quotes:  # ‘…in Syria.” Next sentence’: the full stop sits inside the quote
            if quote.close is not None and text[quote.start : quote.end][-1:] in ".!?…":
                after = text[quote.close + 1 : quote.close + 4].lstrip()
                if after[:1].isupper() or after[:1] in QUOTE_MARKS:
                    bounds.append(quote.close + 1)
        self.bounds = sorted(set(bounds))
        self.paragraphs = paragraphs
        self._paragraph_starts = [s for s, _ in paragraphs]

    def bounds_between(self, start: int, end: int) -> list[int]:
        """Sentence boundaries within ``[start, end]``."""
        return self.bounds[bisect.bisect_left(self.bounds, start) : bisect.bisect_right(self.bounds, end)]

    def _is_inside(self, offset: int) -> bool:
        k = bisect.bisect_right(self._inside_starts, offset) - 1
        return k >= 0 and self._inside[k][0] < offset < self._inside[k][1]

    def paragraph(self, offset: int) -> tuple[int, int]:
        k = max(0, bisect.bisect_right(self._paragraph_starts, offset) - 1)
        return self.paragraphs[k] if self.paragraphs else (0, len(self.text))

    def paragraph_index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._paragraph_starts, offset) - 1)

    def start_before(self, offset: int) -> int:
        """The sentence boundary at or before ``offset`` (never before its paragraph, nor further
        than MAX_SENTENCE_REACH: text without punctuation is not one endless sentence)."""
        k = bisect.bisect_right(self.bounds, offset) - 1
        return max(self.bounds[k] if k >= 0 else 0, self.paragraph(offset)[0], offset - MAX_SENTENCE_REACH)

    def end_after(self, offset: int) -> int:
        """The first sentence boundary after ``offset`` (never past its paragraph, nor further than
        MAX_SENTENCE_REACH)."""
        k = bisect.bisect_right(self.bounds, offset)
        end = self.bounds[k] if k < len(self.bounds) else len(self.text)
        return min(end, self.paragraph(offset)[1], offset + MAX_SENTENCE_REACH)

    def sentence(self, offset: int) -> tuple[int, int]:
        return self.start_before(offset), self.end_after(offset)


def _abbreviation(text: str, index: int, floor: int) -> bool:
    """A full stop that ends an abbreviation or an initial ("Mr.", "U.S.", "J.") rather than a sentence."""
    if text[index] != ".":
        return False
    k = index
    while k > floor and (text[k - 1].isalpha() or text[k - 1] == "."):
        k -= 1
    word = text[k:index]
    if not word:
        return False
    if "." in word or (len(word) == 1 and word.isupper()):
        return True
    if text[index + 1 : index + 2] == ")" and len(word) <= 4 and word[0].isupper():
        return True  # "Sen. Bernie Sanders (I-Vt.) said"
    return word.lower() in _ABBREVIATIONS and word[0].isupper()


def dialogue_paragraph(text: str, start: int, end: int) -> bool:
    """A paragraph that opens with a dialogue dash ("— Мы не отступим, — заявил Песков.")."""
    return text[start] in "—–―" and end - start > 3 and not text[start + 1 : start + 2] in "—–―-"


__all__ = [
    "DOUBLE", "GUILLEMET", "MarkedQuote", "Sentences", "block_extent", "dialogue_paragraph",
    "find_marked_quotes", "paragraph_spans", "reads_as_speech",
]
