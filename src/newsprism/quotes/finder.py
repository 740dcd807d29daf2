"""Who said what in one body: direct, indirect and mixed quotes with their cue and speaker.

Order of work:

1. Quote marks are paired into spans (``spans``); sentences are cut around them.
2. Every reporting verb outside those spans, and every "according to X" phrase, yields its
   content (the verb's clausal complement, or the rest of the sentence).  So do verbs and
   adjectives of belief and stance with a subject ("thinks that", "polls show", "called him a
   liar", "urged voters to", "is skeptical of": the clause, object, infinitive or topic), nouns
   of statement after a light verb ("made the case that"), and a poll or report opening a
   sentence ("In a new CNN poll, …").  A content that is all one quoted span makes that span a
   direct quote of this verb; one that holds quoted fragments is a mixed quote; one without quote
   marks is an indirect quote.
3. Quoted spans not yet attributed look around themselves: a verb right after the closing mark
   ("…,” said Le Drian, "…,” he surmised: any verb there with its subject and no object), a verb
   before the opening mark in the same sentence ("Lavrov said: “…”"),
   the previous quote when only a colon separates them, the previous sentence's quote when the
   quote is a sentence of its own.  Short quoted phrases ("caliphate", «terroristes») count only
   when a verb is right beside them; otherwise they are scare quotes, names or titles.
4. Paragraphs introduced by a line ending with a reporting verb and a colon ("Ayrault added:")
   are block quotes, as long as they read as speech; dialogue lines opening with a dash are
   split at their incise ("— …, — заявил Песков").
5. A content whose cue lies in another quote's content is dropped: "He said he believes that …"
   is one quote (what the speaker believes is part of what he said), and reporting verbs inside
   quote marks belong to the quoted speaker.
6. Speakers are linked to the document's entities; a pronoun or a bare role ("he", "le ministre")
   takes the previous speaker when nobody else was named in between.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..kb.normalize import alias_key
from ..model import Document, EntityType, Quote, QuoteKind
from ..nlp import parse
from .attribute import (
    OBJECT_DEPS, SUBJECT_DEPS, Attribution, Speaker, according_phrases, complement_of, cue_span, has_own_subject,
    is_cue, is_stance, is_statement_noun, lex_of, noun_content, noun_speaker, object_content, parenthetical,
    speaker_of, trim_content,
)
from .lexicon import QUOTE_MARKS, SINGLE, lexicon
from .spans import (
    MAX_SENTENCE_REACH, MarkedQuote, Sentences, block_extent, closing_mark_start, dialogue_paragraph, find_marked_quotes,
    paragraph_spans, reads_as_speech,
)
from .tokens import Mention, Token, TokenView, build_view

# Hostile input: past these counts the rest of the body is left alone (with a warning).
MAX_MARKED = 2_000
MAX_CUES = 4_000
SHORT_QUOTE_WORDS = 4  # fewer words than this: a scare quote unless a verb stands right beside it
_WORDS = re.compile(r"\w+(?:['’-]\w+)*")
_SINGULAR_PRONOUNS = frozenset("he she il elle él ella он она".split())
_SMALL_WORDS = frozenset("a an the of and or in on at to for de du des la le les et el los las y и в на".split())


@dataclass
class Found:
    start: int
    end: int
    kind: QuoteKind
    attribution: Attribution | None


def find_quotes(document: Document) -> list[Quote]:
    text = document.body
    if not text.strip():
        return []
    parsed = parse(document)
    view = build_view(document, parsed)
    return _Finder(document, view).run()


def _word_count(text: str) -> int:
    return len(_WORDS.findall(text))


class _Finder:
    def __init__(self, document: Document, view: TokenView):
        self.document = document
        self.view = view
        self.text = document.body
        self.lex = lexicon(document.language)
        self.paragraphs = paragraph_spans(self.text, [(p.start, p.end) for p in document.paragraphs])
        warnings: list[str] = []
        marked = find_marked_quotes(self.text, self.paragraphs, self.lex, warnings)
        if len(marked) > MAX_MARKED:
            warnings.append(f"{len(marked)} quoted spans: only the first {MAX_MARKED} were attributed")
            marked = marked[:MAX_MARKED]
        for message in warnings[:5]:
            document.warn(message)
        if len(warnings) > 5:
            document.warn(f"{len(warnings)} unbalanced quote marks in the body")
        self.marked = marked
        self.sentences = Sentences(self.text, self.paragraphs, marked)
        self._marked_bounds = [(q.open, q.close + 1 if q.close is not None else q.end) for q in marked]
        self._marked_starts = [b[0] for b in self._marked_bounds]
        self._outer_content: tuple[Found, Attribution] | None = None  # the last verb's content
        self.found: list[Found] = []
        # quoted spans (by index) given their attribution by a verb's content, and those inside a mixed quote
        self.assigned: dict[int, tuple[Attribution, str]] = {}
        self.consumed: set[int] = set()

    # ---------------------------------------------------------------------------------- helpers

    def inside_marked(self, offset: int) -> int | None:
        """Index of the quoted span holding ``offset`` (marks included), if any."""
        k = bisect.bisect_right(self._marked_starts, offset) - 1
        if k >= 0 and self._marked_bounds[k][0] <= offset < self._marked_bounds[k][1]:
            return k
        return None

    def overlapping(self, start: int, end: int) -> list[int]:
        k = max(0, bisect.bisect_right(self._marked_starts, start) - 1)
        found = []
        while k < len(self.marked) and self._marked_bounds[k][0] < end:
            if self._marked_bounds[k][1] > start:
                found.append(k)
            k += 1
        return found

    def covers(self, k: int, start: int, end: int) -> bool:
        """The quoted span ``k`` is the whole of ``[start, end)`` but for punctuation and linking words."""
        q_start, q_end = self._marked_bounds[k]
        rest = self.text[start : max(start, q_start)] + " " + self.text[min(end, q_end) : end]
        words = [w.lower() for w in _WORDS.findall(rest)]
        lex = self.lex
        return all(w in lex.complementizers for w in words)

    def lex_at(self, offset: int):
        """The word lists of the language of the text at ``offset``."""
        tokens = self.view.tokens
        if not tokens:
            return self.lex
        return lex_of(tokens[min(len(tokens) - 1, self.view.first_at_or_after(offset))])

    # ------------------------------------------------------------------------------------- run

    def run(self) -> list[Quote]:
        cues, stances, nouns = [], [], []
        for token in self.view.tokens:
            if token.pos == "SPACE" or self.inside_marked(token.start) is not None:
                continue  # a verb inside a quote belongs to the quoted speaker
            if is_cue(token):
                cues.append(token.i)
            elif is_stance(token) or self._made_clear(token):
                stances.append(token.i)
            elif is_statement_noun(token):
                nouns.append(token.i)
        if len(cues) + len(stances) + len(nouns) > MAX_CUES:
            self.document.warn(f"{len(cues) + len(stances) + len(nouns)} reporting words: only {MAX_CUES} were read")
            cues = cues[:MAX_CUES]
            stances = stances[: max(0, MAX_CUES - len(cues))]
            nouns = nouns[: max(0, MAX_CUES - len(cues) - len(stances))]
        for index in sorted(cues + stances):
            self._verb_content(index)
        for index in nouns:
            self._noun_content(index)
        self._according()
        self._name_colon()
        self._direct()
        self._blocks()
        self._colon_statements(cues)
        self._dialogue()
        return self._resolve(self._deduplicate())

    def _attribution(self, index: int, floor: int, ceiling: int, inverted: bool = False) -> Attribution:
        cue_start, cue_end = cue_span(self.view, index)
        quoted = lambda offset: self.inside_marked(offset) is not None  # noqa: E731
        return Attribution(cue_start, cue_end, speaker_of(self.view, index, floor, ceiling, inverted, quoted))

    def _content_found(self, span: tuple[int, int], attribution: Attribution, how: str) -> None:
        """A content found for ``attribution``: indirect, the attribution of one quoted span, or mixed."""
        start, end = span
        overlaps = [k for k in self.overlapping(start, end) if not self.marked[k].block]
        if not overlaps:
            # words after "said:" are given as said, even without quote marks
            colon = attribution.cue_end <= start and ":" in self.text[attribution.cue_end : start]
            self.found.append(Found(start, end, QuoteKind.DIRECT if colon else QuoteKind.INDIRECT, attribution))
        elif len(overlaps) == 1 and self.covers(overlaps[0], start, end):
            self.assigned.setdefault(overlaps[0], (attribution, how))
        else:
            first, last = self.marked[overlaps[0]], self.marked[overlaps[-1]]
            union_start = min(start, first.open)
            union_end = max(end, last.close + 1 if last.close is not None else last.end)
            self.found.append(Found(union_start, union_end, QuoteKind.MIXED, attribution))
            self.consumed.update(overlaps)

    def _verb_content(self, index: int) -> None:
        tokens = self.view.tokens
        token = tokens[index]
        floor, ceiling = self.sentences.sentence(token.start)
        speech = is_cue(token)
        attribution = self._attribution(index, floor, ceiling)
        speaker = attribution.speaker
        made_clear = self._made_clear(token)
        if made_clear:  # "He made it clear that …": the one who makes it clear
            attribution = self._attribution(token.head, floor, ceiling)
            attribution.cue_end = token.end
            speaker = attribution.speaker
        if not speech and speaker is None:
            return  # "seen as", "a plan to": a stance without anybody holding it
        lex = lex_of(token)
        # no clause: "spoke … it sounded", "tried … it was"
        objective = token.lemma in lex.topic_verbs or token.lemma in lex.construals or token.lemma in lex.intentions
        span = None if objective else complement_of(self.view, index, floor, ceiling, before=speech)
        if span is None and made_clear:  # the clause may hang on the verb: "dejó claro que …"
            span = complement_of(self.view, token.head, floor, ceiling, before=False)
        if span is None and (token.lemma in lex.acts or objective or token.pos == "ADJ" or token.passive):
            span = object_content(self.view, index, floor, ceiling)
            if span is not None and speaker is None:
                return  # "a change that his differences would explain": an object needs somebody holding it
        if span is None:
            span = parenthetical(self.view, index, (speaker.start, speaker.end) if speaker else None, floor, ceiling)
            if span is None:
                return
        elif span[0] < token.start and token.end < span[1]:
            span = trim_content(self.view, token.end, span[1], lex_of(token))  # a parse reaching over the verb
            if span is None:
                return
        outer = self._outer_content
        if outer is not None and outer[0].start <= token.start < outer[0].end and not has_own_subject(self.view, index):
            # "claimed that ISIS is far from defeated and insisted that …": a second verb of the same
            # speaker that the parse put inside the first one's content; the first content ends before it
            entry, outer_attribution = outer
            attribution.speaker = outer_attribution.speaker
            cut = index
            while cut - 1 >= 0 and tokens[cut - 1].start >= entry.start and (
                tokens[cut - 1].lower in lex_of(token).adverbs | {"and", "et", "y", "и", "but", "mais", "pero", "но", ","}
                or tokens[cut - 1].pos in ("CCONJ", "ADV", "AUX", "PUNCT")
            ):
                cut -= 1
            trimmed = trim_content(self.view, entry.start, tokens[cut].start, lex_of(token))
            if trimmed is not None and entry.kind == QuoteKind.INDIRECT:
                entry.start, entry.end = trimmed
        speaker = attribution.speaker
        if speaker is not None and span[0] <= speaker.start < span[1] and not span[0] < token.start < span[1]:
            attribution.speaker = None  # the parse took the subject into the clause: no speaker rather than a wrong one
        self._content_found(span, attribution, "verb")
        if self.found and self.found[-1].attribution is attribution:
            self._outer_content = (self.found[-1], attribution)

    def _made_clear(self, token: Token) -> bool:
        """"made it clear", "dejó claro": an adjective that a light verb turns into a statement."""
        head = self.view.tokens[token.head]
        return token.pos in ("ADJ", "ADV") and token.lemma in lex_of(token).light_adjectives and head.i != token.i \
            and head.pos == "VERB" and head.lemma in lex_of(head).light_verbs

    def _noun_content(self, index: int) -> None:
        """"X made the case that …", "X issued a statement that …", "X renewed her call for …"."""
        token = self.view.tokens[index]
        floor, ceiling = self.sentences.sentence(token.start)
        quoted = self.inside_marked
        speaker = noun_speaker(self.view, index, floor)
        if speaker is None or quoted(speaker.start) is not None:
            return
        span = noun_content(self.view, index, floor, ceiling)
        if span is not None:
            self._content_found(span, Attribution(token.start, token.end, speaker), "noun")

    def _according(self) -> None:
        for p_start, p_end in self.paragraphs:
            lex = self.lex_at(p_start)
            bounds = self.sentences.bounds_between(p_start, p_end)
            for s_start, s_end in zip(bounds, bounds[1:]):
                for phrase in according_phrases(self.view, s_start, s_end, lex):
                    if self.inside_marked(phrase.cue_start) is not None:
                        continue
                    # "According to X, …" introduces what follows, "…, according to X." sources what
                    # precedes, "…, according to X, …" the whole sentence (as "…, he said, …")
                    head = self.text[s_start : phrase.start].rstrip()
                    followed = self.text[phrase.end : phrase.end + 1] == ","
                    if phrase.document and not (followed and not head):
                        continue  # "In a new poll, …" opens a sentence; "ahead in the polls" sources nothing
                    if followed and _word_count(head) <= 2:
                        side = (phrase.end, s_end)
                    elif followed and head[-1:] in (",", "(", "—", "–"):
                        side = (s_start, s_end)
                    else:
                        side = (s_start, phrase.start)
                    side = (max(side[0], phrase.start - MAX_SENTENCE_REACH), min(side[1], phrase.end + MAX_SENTENCE_REACH))
                    span = trim_content(self.view, side[0], side[1], lex)
                    if span is None or phrase.document and any(
                        is_cue(self.view.tokens[k]) or is_stance(self.view.tokens[k]) for k in self.view.between(*span)
                    ):
                        continue
                    attribution = Attribution(phrase.cue_start, phrase.cue_end, phrase.speaker)
                    self._content_found(span, attribution, "according")

    def _name_colon(self) -> None:
        """"Lynch: No outside influence on FBI probe", "EXCLUSIVE – Roger Stone: Don’t Trust …",
        "TRUMP: We will win": a paragraph opening with a name and a colon (headlines, transcripts)."""
        for p_start, p_end in self.paragraphs:
            colon = self.text.find(":", p_start, min(p_end, p_start + 120))
            if colon < 0 or self.text[colon + 1 : colon + 2] not in (" ", "\u00a0") or self.inside_marked(colon) is not None:
                continue
            head = self.text[p_start:colon]
            if _word_count(head) > 6 or any(is_cue(self.view.tokens[i]) for i in self.view.between(p_start, colon)):
                continue
            names = [
                m for m in self.view.mentions_between(p_start, colon)
                if m.type in (EntityType.PERSON, EntityType.ORGANISATION, EntityType.ARMED_GROUP)
                and _word_count(self.text[m.end : colon]) <= 3 and m.end <= colon
            ]
            if names:
                speaker = Speaker(names[0].start, names[0].end, mention=names[0])
            else:  # "Poll: Trump ties Clinton", "Officials: …": a source without a name
                lex = self.lex_at(p_start)
                last_word = (_WORDS.findall(head) or [""])[-1].lower()
                if _word_count(head) > 3 or not (last_word in lex.documents or lex.is_role(last_word)):
                    continue
                speaker = Speaker(p_start, colon)
            if re.match(r"\s*(?:https?:|www\.|@)", self.text[colon + 1 : colon + 12]):
                continue
            end = p_end if _word_count(self.text[colon:p_end]) <= 30 else self.sentences.end_after(colon + 1)
            span = trim_content(self.view, colon + 1, end, self.lex)
            if span is not None:
                self._content_found(span, Attribution(colon, colon + 1, speaker), "name-colon")

    # ---------------------------------------------------------------------------- direct quotes

    def _direct(self) -> None:
        previous: Found | None = None
        previous_close = -1
        for k, quote in enumerate(self.marked):
            if k in self.consumed and k not in self.assigned:
                continue
            content = self.text[quote.start : quote.end]
            if quote.family == SINGLE and k not in self.assigned and _word_count(content) < SHORT_QUOTE_WORDS:
                continue
            attribution, how = self.assigned.get(k, (None, ""))
            if attribution is None or attribution.speaker is None:
                context, context_how = self._context(quote, previous, previous_close)
                if context is not None and (attribution is None or context.speaker is not None):
                    attribution, how = context, context_how
            if not self._keep(quote, content, how):
                continue
            entry = Found(quote.start, quote.end, QuoteKind.DIRECT, attribution)
            self.found.append(entry)
            previous = entry
            previous_close = quote.close + 1 if quote.close is not None else quote.end

    def _keep(self, quote: MarkedQuote, content: str, how: str) -> bool:
        """Scare quotes, names and titles are dropped; speech is kept (see the module docstring)."""
        if quote.block:
            return True
        words = _WORDS.findall(content)
        before = self.text[max(self.sentences.start_before(quote.open), quote.open - 40) : quote.open]
        previous_word = re.search(r"(\w+)[\s,:]*$", before)
        if previous_word and previous_word.group(1).lower() in self.lex.title_cues and how != "tail":
            return False
        if len(words) < SHORT_QUOTE_WORDS:
            return how in ("tail", "head-immediate", "verb", "chain", "name-colon") and self._set_off(quote)
        if _title_like(words, content) and how not in ("tail", "head-immediate", "chain", "name-colon"):
            return False
        if how:
            return True
        return content[:1].isupper() and self._opens_clause(quote) and len(words) >= 6

    def _opens_clause(self, quote: MarkedQuote) -> bool:
        """Nothing but a colon, a comma or a dash between the quote and its sentence's start."""
        sentence_start = self.sentences.start_before(quote.open)
        head = self.text[sentence_start : quote.open].rstrip()
        return not head or head[-1] in ":,—–-" or head[-1] in QUOTE_MARKS

    def _set_off(self, quote: MarkedQuote) -> bool:
        """A quote standing as an utterance of its own: “Never,” he said. / He said: “Never.”"""
        if quote.close is None:
            return True
        inner_end = self.text[quote.start : closing_mark_start(self.text, quote.close)].rstrip()[-1:]
        after = self.text[quote.close + 1 : quote.close + 3].lstrip(" \u00a0")
        return self._opens_clause(quote) and (inner_end in ",.!?…" or not after or after[:1] in ",.;:!?—–-")

    def _context(self, quote: MarkedQuote, previous: Found | None, previous_close: int) -> tuple[Attribution | None, str]:
        if quote.close is not None:
            tail = self._tail(quote)
            if tail is not None:
                return tail, "tail"
        head = self._head(quote)
        if head is not None and head[0].speaker is not None:
            return head
        if previous is not None and previous.attribution is not None:
            gap = self.text[previous_close : quote.open]
            if re.fullmatch(r"[\s:,;—–-]*(?:and|et|y|и)?[\s:,;—–-]*", gap) and "\n\n" not in gap:
                return previous.attribution, "chain"
            if self._continues(quote, previous_close):
                return previous.attribution, "continuation"
        return None, ""

    def _tail(self, quote: MarkedQuote) -> Attribution | None:
        """"…,” said Le Drian." / "…,” Lecointre further said" / "«…», — заявил Песков"."""
        text = self.text
        close_end = quote.close + 1  # type: ignore[operator]
        last_char = text[quote.start : closing_mark_start(text, quote.close)].rstrip()[-1:]  # type: ignore[arg-type]
        after = text[close_end : close_end + 4].lstrip(" \u00a0")
        if not (last_char in ",!?…" or after[:1] in ",—–-") or not self._opens_clause(quote):
            return None
        ceiling = min(self.sentences.end_after(close_end), close_end + 250)
        k = bisect.bisect_left(self._marked_starts, close_end)
        if k < len(self._marked_starts) and self._marked_starts[k] < ceiling:
            ceiling = self._marked_starts[k]
        tokens = self.view.tokens
        words_before_cue = 0
        apposition = False  # "…,” Jeb Bush, the former Florida governor and a candidate, told CNN."
        for index in self.view.between(close_end, ceiling):
            token = tokens[index]
            if token.pos == "SPACE" or (not token.text[:1].isalnum() and words_before_cue == 0):
                continue
            if is_cue(token):
                inverted = words_before_cue == 0
                return self._attribution(index, close_end, ceiling, inverted)
            if token.text[:1].isalnum():
                words_before_cue += 1
                lex = lex_of(token)
                if token.pos == "VERB" and not apposition and self._utterance(index, close_end):
                    return self._attribution(index, close_end, ceiling)
                if words_before_cue > (24 if apposition else 8) or (
                    token.pos == "VERB" and token.lower not in lex.auxiliaries and not apposition
                ):
                    return None
            elif token.text == ",":
                apposition = not apposition and words_before_cue > 0
            elif token.text not in {"’s", "'s", "-"} and not re.fullmatch(r"-(?:t-?)?\w*", token.text):
                return None  # (French inversion clitics "-t", "-il" may sit before the verb)
        return None

    def _utterance(self, index: int, close_end: int) -> bool:
        """"…,” he surmised." / "…,” Mr. Trump joked at a rally.": right after a quote, a verb with
        its subject between the two and no object of its own says the quote, whatever the verb."""
        tokens = self.view.tokens
        token = tokens[index]
        if token.infinitive or token.passive:
            return False
        children = self.view.children(index)
        if not any(tokens[c].dep in SUBJECT_DEPS and close_end <= tokens[c].start < token.start for c in children):
            return False
        return not any(
            tokens[c].dep in OBJECT_DEPS and tokens[c].dep not in ("prep", "obl") for c in children if c > index
        )

    def _head_region(self, quote: MarkedQuote) -> tuple[int, int]:
        start = self.sentences.start_before(quote.open)
        p_start, _ = self.sentences.paragraph(quote.open)
        index = self.sentences.paragraph_index(quote.open)
        if not self.text[p_start : quote.open].strip() and index > 0:
            previous_start, previous_end = self.paragraphs[index - 1]
            if self.text[previous_end - 1 : previous_end] == ":" or (
                quote.block and self.text[previous_start:previous_end].rstrip()[-1:] in QUOTE_MARKS
            ):
                start = self.sentences.start_before(previous_end - 1)
        if quote.block:
            start = self.sentences.start_before(quote.open)
        return start, quote.open

    def _head(self, quote: MarkedQuote) -> tuple[Attribution, str] | None:
        """"Lavrov said: “…”" / "he told reporters “…”": the last reporting verb before the quote."""
        start, end = self._head_region(quote)
        tokens = self.view.tokens
        indices = [i for i in self.view.between(start, end) if tokens[i].pos != "SPACE"]
        for position in range(len(indices) - 1, max(-1, len(indices) - 41), -1):
            index = indices[position]
            token = tokens[index]
            gap = self.text[token.end : quote.open]
            if self.inside_marked(token.start) is not None or not is_cue(token, gap.strip() == ":"):
                continue
            gap_words = _word_count(gap)
            immediate = gap.rstrip().endswith(":") or gap_words <= 2 or (
                gap.rstrip().endswith(",") and gap_words <= 6
            )
            attribution = self._attribution(index, start, end)
            return attribution, "head-immediate" if immediate else "head"
        return None

    def _continues(self, quote: MarkedQuote, previous_close: int) -> bool:
        """The quote is a sentence of its own right after an attributed quote's sentence:
        "“A,” he said. “B.”" or a paragraph that is only a quote after the speaker's paragraph."""
        sentence_start = self.sentences.start_before(quote.open)
        if self.text[sentence_start : quote.open].strip():
            return False
        if _word_count(self.text[quote.start : quote.end]) < SHORT_QUOTE_WORDS:
            return False
        between = self.text[previous_close : sentence_start]
        if "\n\n" in between or "\n" in between.strip("\n"):
            between_paragraphs = self.sentences.paragraph_index(quote.open) - self.sentences.paragraph_index(
                max(0, previous_close - 1)
            )
            return between_paragraphs == 1 and not self.text[self.sentences.paragraph(quote.open)[0] : quote.open].strip() \
                and self._sentence_count(previous_close, self.sentences.paragraph(max(0, previous_close - 1))[1]) <= 1
        return self._sentence_count(previous_close, sentence_start) <= 1

    def _sentence_count(self, start: int, end: int) -> int:
        return len([b for b in self.sentences.bounds_between(start, end) if start < b < end])

    # ------------------------------------------------------------------- blocks and dialogue

    def _blocks(self) -> None:
        """Paragraphs after "Ayrault added:" / "telling Parliament:" without quote marks."""
        tokens = self.view.tokens
        covered = _Intervals((f.start, f.end) for f in self.found if f.kind == QuoteKind.DIRECT)
        for index, (p_start, p_end) in enumerate(self.paragraphs[:-1]):
            if self.text[p_end - 1] != ":" or self.inside_marked(p_end - 1) is not None:
                continue
            next_start, next_end = self.paragraphs[index + 1]
            if self.text[next_start] in QUOTE_MARKS or dialogue_paragraph(self.text, next_start, next_end):
                continue
            if covered.contains(next_start):
                continue
            region_start = self.sentences.start_before(p_end - 1)
            cue = None
            for i in reversed(self.view.between(region_start, p_end)):
                if is_cue(tokens[i]) and self.inside_marked(tokens[i].start) is None:
                    cue = i
                    break
                if tokens[i].pos in ("VERB", "AUX") and not tokens[i].dep.startswith("aux"):
                    break  # "Devine said areas where Sanders wants changes include:" introduces a list
            if cue is None:
                continue
            extent = block_extent(self.text, self.paragraphs, index + 1, lexicon(tokens[cue].language))
            if extent is None:
                continue
            self.found.append(Found(extent[0], extent[1], QuoteKind.DIRECT, self._attribution(cue, region_start, p_end)))
            covered.add(extent)

    def _colon_statements(self, cues: list[int]) -> None:
        """"Lavrov said: the talks will go on." A colon right after a reporting verb (and its
        object) introduces words given as said, without quote marks: up to the end of the sentence,
        or of the paragraph when the rest of it reads as speech."""
        tokens = self.view.tokens
        covered = _Intervals((f.start, f.end) for f in self.found)
        for index in cues:
            token = tokens[index]
            sentence_end = self.sentences.end_after(token.end)
            colon = next(
                (k for k in range(index + 1, min(len(tokens), index + 9))
                 if tokens[k].text in (":", ";", ".") or tokens[k].start >= sentence_end), None,
            )
            if colon is None or tokens[colon].text != ":" or tokens[colon].start >= sentence_end:
                continue
            after = tokens[colon].end
            rest = self.text[after:sentence_end].lstrip()
            if not rest or rest[0] in QUOTE_MARKS or rest[0] in "—–-" or _word_count(rest) < SHORT_QUOTE_WORDS:
                continue
            if covered.contains(after):
                continue
            p_end = self.sentences.paragraph(after)[1]
            end = p_end if reads_as_speech(self.text[sentence_end:p_end], lex_of(token)) else sentence_end
            later = bisect.bisect_left(self._marked_starts, sentence_end)
            if later < len(self._marked_starts):
                end = max(sentence_end, min(end, self._marked_starts[later]))  # a later quote has its own attribution
            span = trim_content(self.view, after, end, lex_of(token))
            if span is None:
                continue
            floor = self.sentences.start_before(token.start)
            self.found.append(Found(span[0], span[1], QuoteKind.DIRECT, self._attribution(index, floor, tokens[colon].start)))
            covered.add(span)

    def _dialogue(self) -> None:
        """Dialogue lines: "— Мы не отступим, — заявил Песков. — …", "—No cederemos —dijo el ministro—."."""
        for p_start, p_end in self.paragraphs:
            if not dialogue_paragraph(self.text, p_start, p_end) or self.inside_marked(p_start) is not None:
                continue
            if not self.lex_at(p_start).dialogue:
                continue  # English dashes open list items, not dialogue
            self._dialogue_line(p_start, p_end)

    def _dialogue_line(self, p_start: int, p_end: int) -> None:
        text = self.text
        cuts = [m.start() for m in re.finditer(r"(?:(?<=\s)|(?<=[,.!?…]))[—–―]", text[: p_end]) if m.start() > p_start]
        cuts = [c for c in cuts if c < p_end]
        pieces = []
        position = p_start + 1
        for cut in cuts + [p_end]:
            pieces.append((position, cut))
            position = cut + 1
        contents: list[tuple[int, int]] = []
        attribution: Attribution | None = None
        tokens = self.view.tokens
        for number, (start, end) in enumerate(pieces):
            indices = [i for i in self.view.between(start, end) if tokens[i].text[:1].isalnum()]
            if number > 0 and indices and is_cue(tokens[indices[0]]) and attribution is None:
                attribution = self._attribution(indices[0], start, end, inverted=True)
                sentence_end = re.search(r"[.!?…]\s+\S", text[start:end])
                if sentence_end:  # "заявил Песков. Переговоры продолжатся." inside one piece
                    contents.append((start + sentence_end.end() - 1, end))
                continue
            if number == 0 and len(pieces) == 1:
                # "– Nous ne céderons pas, a déclaré le ministre." : the incise after a comma
                for i in indices:
                    if is_cue(tokens[i]) and re.search(r",\s*$", text[start : tokens[i].start]):
                        attribution = self._attribution(i, start, end, inverted=True)
                        end = tokens[i].start
                        break
            contents.append((start, end))
        if attribution is None:
            return
        for start, end in contents:
            span = trim_content(self.view, start, end, self.lex_at(start))
            if span is not None:
                self.found.append(Found(span[0], span[1], QuoteKind.DIRECT, attribution))

    # ------------------------------------------------------------------------------- clean-up

    def _deduplicate(self) -> list[Found]:
        """One quote per span (a verb's attribution wins over "according to"); none inside a direct
        quote's content, where reporting verbs belong to the quoted speaker; none whose cue lies in
        another quote's content ("He said he believes that …" is one quote of his, not two)."""
        direct = [(f.start, f.end) for f in self.found if f.kind == QuoteKind.DIRECT]
        inside_direct = _Intervals((start, end) for start, end in direct)
        direct_spans = set(direct)
        contents = _Intervals(
            (f.start, f.end) for f in self.found
            if f.attribution is not None and not f.start <= f.attribution.cue_start < f.end
        )
        seen: dict[tuple[int, int], Found] = {}
        for entry in self.found:
            key = (entry.start, entry.end)
            if entry.kind != QuoteKind.DIRECT and key not in direct_spans and inside_direct.holds(entry.start, entry.end):
                continue
            if entry.attribution is not None and contents.contains(entry.attribution.cue_start):
                continue
            current = seen.get(key)
            if current is None or (current.attribution is None or current.attribution.speaker is None) and (
                entry.attribution is not None and entry.attribution.speaker is not None
            ):
                seen[key] = entry
        return sorted(seen.values(), key=lambda f: (f.start, f.end))

    # ----------------------------------------------------------------------------- speakers

    def _resolve(self, found: list[Found]) -> list[Quote]:
        quotes: list[Quote] = []
        history: list[tuple[int, Mention, str | None]] = []  # (offset, mention, role) of named speakers
        inside_direct = _Intervals((f.start, f.end) for f in found if f.kind == QuoteKind.DIRECT)
        for entry in sorted(found, key=lambda f: (self._speaker_offset(f), f.start)):
            quote = Quote(
                text=self.text[entry.start : entry.end], start=entry.start, end=entry.end, kind=entry.kind,
            )
            attribution = entry.attribution
            if attribution is not None:
                quote.cue = self.text[attribution.cue_start : attribution.cue_end]
                quote.cue_start, quote.cue_end = attribution.cue_start, attribution.cue_end
                speaker = attribution.speaker
                if speaker is not None:
                    self._fill_speaker(quote, speaker, history, inside_direct)
            quotes.append(quote)
        quotes.sort(key=lambda q: (q.start, q.end))
        return quotes

    @staticmethod
    def _speaker_offset(entry: Found) -> int:
        if entry.attribution is not None and entry.attribution.speaker is not None:
            return entry.attribution.speaker.start
        return entry.start

    def _fill_speaker(self, quote: Quote, speaker: Speaker, history: list, inside_direct: _Intervals) -> None:
        text = self.text
        while speaker.start < speaker.end and not text[speaker.start].isalnum():
            speaker.start += 1
        while speaker.end > speaker.start and not (
            text[speaker.end - 1].isalnum() or text[speaker.end - 1] == "." or (
                text[speaker.end - 1] == ")" and "(" in text[speaker.start : speaker.end])
        ):
            speaker.end -= 1
        if speaker.end <= speaker.start:
            return
        quote.speaker = self.text[speaker.start : speaker.end]
        quote.speaker_start, quote.speaker_end = speaker.start, speaker.end
        quote.speaker_role = speaker.role
        mention = speaker.mention or (
            None if speaker.pronoun or speaker.role_only else self.view.mention_at(speaker.start, speaker.end)
        )
        if mention is not None and not (speaker.pronoun or speaker.role_only):
            quote.speaker_id, quote.speaker_name = mention.id, mention.name
            history.append((speaker.start, mention, speaker.role))
            return
        if not (speaker.pronoun or speaker.role_only):
            return
        antecedent = self._antecedent(speaker, history, inside_direct)
        if antecedent is not None:
            mention, role = antecedent
            quote.speaker_id, quote.speaker_name = mention.id, mention.name
            if speaker.pronoun:
                quote.speaker_role = role
            history.append((speaker.start, mention, role))

    def _antecedent(
        self, speaker: Speaker, history: list, inside_direct: _Intervals
    ) -> tuple[Mention, str | None] | None:
        """The previous speaker, when it is clearly the one meant (see the module docstring)."""
        word = self.text[speaker.start : speaker.end].lower()
        if speaker.pronoun and word not in _SINGULAR_PRONOUNS:
            return None
        paragraph = self.sentences.paragraph_index(speaker.start)
        window_start = max(self.paragraphs[max(0, paragraph - 1)][0], speaker.start - 2 * MAX_SENTENCE_REACH)
        window_bounds = self.sentences.bounds_between(window_start, speaker.start)
        if len(window_bounds) > 4:
            window_start = window_bounds[-4]
        people = [
            m for m in self.view.mentions_between(window_start, speaker.start)
            if m.type == EntityType.PERSON and m.end <= speaker.start
            and not inside_direct.contains(m.start)
        ]
        last = next((h for h in reversed(history) if window_start <= h[0] < speaker.start), None)
        wants_person = speaker.pronoun or not self._media_phrase(speaker)
        if last is not None:
            mention, role = last[1], last[2]
            others = [m for m in people if m.start > last[0] and not _same(m, mention, self.text)]
            compatible = (mention.type == EntityType.PERSON) == wants_person or mention.type not in (
                EntityType.PERSON, EntityType.ORGANISATION
            )
            if not others and compatible and (speaker.pronoun or self._role_matches(speaker, role)):
                return mention, role
        if speaker.pronoun and people:
            first = people[-1]
            if all(_same(m, first, self.text) for m in people) and (last is None or _same(last[1], first, self.text)):
                return first, last[2] if last is not None else None
        return None

    def _media_phrase(self, speaker: Speaker) -> bool:
        words = {w.lower() for w in _WORDS.findall(self.text[speaker.start : speaker.end])}
        lex = lexicon(self.document.language)
        return bool(words & lex.media) and not words & lex.roles

    def _role_matches(self, speaker: Speaker, role: str | None) -> bool:
        """"the minister" after "Foreign Minister Lavrov": the role words agree (or no role was stated)."""
        lex = lexicon(self.document.language)
        words = {w.lower() for w in _WORDS.findall(self.text[speaker.start : speaker.end])} & (lex.roles | lex.media)
        if not role:
            return bool(words)
        stated = {w.lower() for w in _WORDS.findall(role)} & (lex.roles | lex.media)
        return bool(words & stated) or not stated


class _Intervals:
    """Spans asked whether they hold an offset, in logarithmic time (hostile bodies have thousands)."""

    def __init__(self, spans) -> None:
        self._spans = sorted(spans)
        self._index()

    def _index(self) -> None:
        self._starts = [start for start, _ in self._spans]
        self._reach, reach = [], -1  # the furthest end among the spans starting so far
        for _, end in self._spans:
            reach = max(reach, end)
            self._reach.append(reach)

    def add(self, span: tuple[int, int]) -> None:
        bisect.insort(self._spans, span)
        self._index()

    def contains(self, offset: int) -> bool:
        k = bisect.bisect_right(self._starts, offset) - 1
        return k >= 0 and self._reach[k] > offset

    def holds(self, start: int, end: int) -> bool:
        """Some span covers the whole of ``[start, end)``."""
        k = bisect.bisect_right(self._starts, start) - 1
        return k >= 0 and self._reach[k] >= end


def _same(a: Mention, b: Mention, text: str) -> bool:
    """One identity: the same id, or (without ids) one name ending the other ("Le Drian", "Jean-Yves Le Drian")."""
    if a.id and b.id:
        return a.id == b.id
    key_a, key_b = alias_key(text[a.start : a.end]), alias_key(text[b.start : b.end])
    if not key_a or not key_b:
        return False
    return key_a == key_b or key_a.endswith(" " + key_b) or key_b.endswith(" " + key_a)


def _title_like(words: list[str], content: str) -> bool:
    """"Total War", "Operation Inherent Resolve": most words capitalised and no sentence punctuation."""
    if content.rstrip()[-1:] in ".!?…" or len(words) < 2:
        return False
    significant = [w for w in words if w.lower() not in _SMALL_WORDS]
    capitalised = sum(1 for w in significant if w[:1].isupper())
    return bool(significant) and capitalised / len(significant) >= 0.7


__all__ = ["find_quotes"]
