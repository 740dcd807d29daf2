"""Reporting verbs, their speakers, their complements, and the roles stated beside a speaker's name.

The dependency parse decides where it exists (English, French, Spanish): a reporting verb's
subject is the speaker (climbing from "adding"/"but noted" to the verb they hang on), its clausal
complement is the reported content.  Around that, surface patterns that need no parse and so also
serve Russian and parse slips: the phrase just before the verb ("Le Drian said", "Dmitry Peskov,
the Kremlin spokesman, said") or just after it ("said Le Drian", "a ajouté le ministre",
"a-t-il déclaré", "заявил Песков"), and a complementizer after the verb ("said on Thursday that",
"заявил, что").  Roles are read off the words around the name: a title before it ("Kremlin
spokesman Dmitry Peskov"), an apposition after it (", the Kremlin spokesman,") or a role phrase
the name is in apposition to ("France's Chief of Defense Staff, General François Lecointre").

Attribution is wider than speech: beliefs, findings and stances ("thinks that", "polls show",
"is skeptical of"), and speech acts whose content is an object, an infinitive or a topic
("called him a liar", "urged voters to stay home", "called for a boycott", "accused Moscow of
lying").  Those need both a subject holding them and a complement, and are never read off a bare
noun phrase: "saw a picture", "showed up", "spoke at a rally" and "it is clear that" attribute
nothing.  Nouns of statement count only as the object of a light verb ("made the case that …").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import takewhile

from ..model import EntityType
from .lexicon import QUOTE_MARKS, Lexicon, lexicon
from .tokens import Mention, Token, TokenView

SUBJECT_DEPS = frozenset({"nsubj", "expl:subj", "nsubj:outer", "nsubjpass", "nsubj:pass"})
COMPLEMENT_DEPS = frozenset({"ccomp"})
# A verb without a subject of its own takes the subject of the verb it depends on this way:
# "..., adding that", "said X but noted that", "telling Parliament:".
CHAIN_DEPS = frozenset({"advcl", "conj", "xcomp", "dep", "acl", "parataxis", "acomp"})
_PREDICATE_DEPS = frozenset({"acomp", "ROOT", "root", "ccomp", "conj", "xcomp", "advcl"})
# What a stance verb's content is made of (English and Universal Dependencies labels), and what may
# stand between the verb and it ("pointed out that", "said Tuesday").
OBJECT_DEPS = frozenset({
    "dobj", "obj", "dative", "iobj", "oprd", "xcomp", "ccomp", "prep", "obl", "obl:arg", "attr", "acomp", "pcomp",
})
_PARTICLE_DEPS = frozenset({"prt", "compound:prt"})
_PREPOSITION_DEPS = frozenset({"prep", "obl", "obl:arg"})
_INFINITIVE_MARKS = frozenset("to de d' d’ à a".split())
_BEFORE_OBJECT_DEPS = frozenset({"prt", "compound:prt", "npadvmod", "obl:tmod", "advmod", "expl:pv", "expl"})
_CLAUSE_MARKS = frozenset("if whether for si".split())
RELATIVE_PRONOUNS = frozenset("who which that qui que lequel laquelle quien quienes cual который которая которые".split())
_CLAUSE_PUNCT = frozenset(".;:!?…")
_POSSESSIVE = frozenset({"’s", "'s", "’", "'"})
_CONNECTORS = frozenset("of de des du del d' d’ la le y for the".split())
MAX_NP_TOKENS = 10


@dataclass
class Speaker:
    start: int
    end: int
    role: str | None = None
    pronoun: bool = False
    role_only: bool = False  # a description without a name: "the minister", "le quotidien"
    mention: Mention | None = None


@dataclass
class Attribution:
    cue_start: int
    cue_end: int
    speaker: Speaker | None


def lex_of(token: Token) -> Lexicon:
    return lexicon(token.language)


def is_cue(token: Token, infinitive: bool = False) -> bool:
    """A reporting verb: by lemma where there is a parse, by surface form where there is not.
    Infinitives ("safe to say that") report nothing unless ``infinitive`` ("went so far as to say: “…”")."""
    lex = lex_of(token)
    pattern = lex.stem_pattern
    if token.pos:
        if token.pos != "VERB" or (token.infinitive and not infinitive) or token.passive:
            return False
        return token.lemma in lex.verbs or bool(pattern and pattern.match(token.lower))
    return bool(pattern and pattern.match(token.lower))


def is_stance(token: Token) -> bool:
    """A verb of belief, finding or stance ("thinks", "polls show", "criticized", "urged"): an
    attribution only with a subject and a complement, and never introducing a quote by itself."""
    lex = lex_of(token)
    if token.pos == "ADJ" or token.passive and token.pos == "VERB":
        # "is skeptical of", "were worried that", "est convaincu que": the copula's subject holds it
        return (token.lemma in lex.attitudes or token.lower in lex.attitudes) and token.dep in _PREDICATE_DEPS
    if token.pos != "VERB" or token.infinitive:
        return False
    return token.lemma in lex.thoughts or token.lemma in lex.acts or token.lemma in lex.topic_verbs \
        or token.lemma in lex.construals or token.lemma in lex.intentions


def _is_word(token: Token) -> bool:
    return token.text[:1].isalnum()


def _role_word(token: Token, lex: Lexicon) -> bool:
    return lex.is_role(token.lower)


def _is_pronoun(token: Token, lex: Lexicon) -> bool:
    return token.lower.lstrip("-").removeprefix("t-") in lex.pronouns


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper()


def _verbal(token: Token) -> bool:
    return token.pos in ("VERB", "AUX") or is_cue(token)


def cue_span(view: TokenView, index: int) -> tuple[int, int]:
    """The verb with the auxiliaries and adverbs right before it: "has also said", "a déclaré"."""
    tokens = view.tokens
    token = tokens[index]
    lex = lex_of(token)
    start = token.start
    k = index - 1
    while k >= 0 and index - k <= 3:
        previous = tokens[k]
        if previous.lower in lex.auxiliaries or previous.dep.startswith("aux"):
            start = previous.start
        elif not (previous.lower in lex.adverbs or previous.pos == "ADV"):
            break
        k -= 1
    return start, token.end


# --------------------------------------------------------------------------------------- speakers

def speaker_of(
    view: TokenView, index: int, floor: int, ceiling: int, inverted: bool = False,
    quoted: Callable[[int], bool] = lambda offset: False,
) -> Speaker | None:
    """The speaker of the reporting verb at ``index``, looked for within ``[floor, ceiling)``.

    ``inverted`` puts the phrase after the verb first (the verb follows a quote: "…,” said X").
    ``quoted`` tells offsets inside quoted text, where no speaker is (a parse may put the subject
    of "…,” Mr. Trump said" among the quoted words).
    """
    tokens = view.tokens
    subject = parsed_subject(view, index)
    if subject is not None and tokens[subject].start < floor:
        # "LA CROSSE, Wisc. — Gov. Mike Pence on Thursday blamed": the parse made the dateline the
        # subject and the name its apposition
        subject = next(
            (c for c in view.children(subject) if tokens[c].dep == "appos" and tokens[c].start >= floor), None
        )
    if subject is not None and floor <= tokens[subject].start < ceiling and not quoted(tokens[subject].start):
        speaker = speaker_from_token(view, subject, floor, min(ceiling, tokens[index].start)
                                     if subject < index else ceiling)
        if speaker is not None:
            return speaker
    order = (np_after, np_before) if inverted else (np_before, np_after)
    for finder in order:
        if finder is np_after and not (inverted or (subject is None and _follows_pause(view, index))):
            continue
        speaker = finder(view, index, floor, ceiling)
        if speaker is not None and not quoted(speaker.start):
            return speaker
    return None


def _follows_pause(view: TokenView, index: int) -> bool:
    """The verb comes right after a comma, a dash or a quote: the place of subject inversion."""
    k = index - 1
    lex = lex_of(view.tokens[index])
    while k >= 0 and (view.tokens[k].lower in lex.auxiliaries or view.tokens[k].pos == "SPACE"):
        k -= 1
    return k >= 0 and (view.tokens[k].text in {",", "—", "–", "-"} or view.tokens[k].text in QUOTE_MARKS)


def has_own_subject(view: TokenView, index: int) -> bool:
    return any(view.tokens[child].dep in SUBJECT_DEPS for child in view.children(index))


def parsed_subject(view: TokenView, index: int) -> int | None:
    """The verb's subject, or that of the verb it hangs on ("…, adding that"), from the parse."""
    tokens = view.tokens
    current = index
    for _ in range(4):
        token = tokens[current]
        if not token.pos:
            return None
        subjects = [c for c in view.children(current) if tokens[c].dep in SUBJECT_DEPS]
        if subjects:
            # the nearest before the verb: "Washington (AFP) – Hillary Clinton has taken …" gives two
            child = max((c for c in subjects if c < current), default=subjects[0])
            if tokens[child].lower in RELATIVE_PRONOUNS and token.dep in ("relcl", "acl:relcl", "acl"):
                if token.head == current:
                    return None
                if _issued_document(view, token.head):
                    current = tokens[token.head].head  # "Paul released a video that accuses …": who released it
                    continue
                return token.head
            return child
        if token.dep not in CHAIN_DEPS or token.head == current:
            return None
        head = tokens[token.head]
        if token.dep == "acl" and _issued_document(view, token.head, light=False):
            current = head.head  # "Trump issued a statement saying …": the one who issued it
            continue
        if token.dep == "acl" and head.pos not in ("PROPN",):
            return None
        current = token.head
    return None


def _issued_document(view: TokenView, index: int, light: bool = True) -> bool:
    """A statement or document noun that is the object of a verb (with ``light``, of a light verb
    such as "released", "issued"): its author is that verb's subject."""
    tokens = view.tokens
    noun = tokens[index]
    lex = lex_of(noun)
    verb = tokens[noun.head]
    return noun.pos == "NOUN" and noun.dep in ("dobj", "obj") and (
        noun.lemma in lex.statements or noun.lemma in lex.documents
    ) and verb.pos == "VERB" and noun.head != index and (not light or verb.lemma in lex.light_verbs)


def speaker_from_token(view: TokenView, index: int, floor: int, ceiling: int) -> Speaker | None:
    """A speaker built around a subject token: its name mention, or the noun phrase it heads."""
    tokens = view.tokens
    token = tokens[index]
    lex = lex_of(token)
    if _is_pronoun(token, lex):
        start = token.start + (len(token.text) - len(token.text.lstrip("-").removeprefix("t-")))
        return Speaker(start, token.end, pronoun=True)
    mention = view.mention_at(token.start, token.end)
    if mention is not None and mention.type != EntityType.PERSON and _role_word(token, lex):
        mention = None  # "le ministre des Affaires étrangères Jean-Marc Ayrault": the person, not the office
    if mention is None and token.pos:
        # "le ministre …, Jean-Marc Ayrault", "One of his advisers, Tad Devine,": the name is an apposition
        for child in view.subtree(index, 40):
            if tokens[child].dep in ("appos", "flat", "flat:name") and tokens[child].pos == "PROPN":
                candidate = view.mention_at(tokens[child].start, tokens[child].end)
                if candidate is not None and candidate.type == EntityType.PERSON:
                    mention = candidate
                    break
    if mention is not None and floor <= mention.start and mention.end <= ceiling:
        return _named(view, mention.start, mention.end, floor, ceiling, mention)
    if token.pos == "PROPN" or (not token.pos and _capitalised(token)):
        start, end = _name_run(view, index)
        return _named(view, max(start, floor), end, floor, ceiling, None)
    if token.pos in ("NOUN", "NUM", "PRON", "DET", "ADJ", "") and _is_word(token):
        start, end = _noun_phrase(view, index, floor, ceiling)
        role_only = any(_role_word(tokens[k], lex) for k in view.between(start, end))
        if role_only:
            role = _strip_determiners(view, start, end, lex)
            named = _name_before_apposition(view, start, floor)
            if named is not None:  # "Jean-Yves Le Drian, le chef de la diplomatie française, a estimé"
                return Speaker(named.start, named.end, role=view.text[start:end], mention=named)
            return Speaker(start, end, role=role, role_only=True)
        return Speaker(start, end)
    return None


def _name_before_apposition(view: TokenView, start: int, floor: int) -> Mention | None:
    """The person named right before ", <role phrase>" starting at ``start``."""
    k = view.first_at_or_after(start) - 1
    if k < 1 or view.tokens[k].text != "," or view.tokens[k - 1].start < floor:
        return None
    mention = view.mention_at(view.tokens[k - 1].start, view.tokens[k - 1].end)
    if mention is not None and mention.type == EntityType.PERSON and mention.end <= view.tokens[k].start:
        return mention
    return None


def _name_run(view: TokenView, index: int) -> tuple[int, int]:
    """A proper name around ``index`` without a mention: capitalised words and name particles."""
    tokens = view.tokens
    lex = lex_of(tokens[index])
    first = last = index
    while first - 1 >= 0 and index - first < 3 and (
        (_capitalised(tokens[first - 1]) and not _role_word(tokens[first - 1], lex) and _is_word(tokens[first - 1]))
        or tokens[first - 1].lower in lex.name_particles
    ) and tokens[first - 1].end + 1 >= tokens[first].start:
        first -= 1
    while tokens[first].lower in lex.name_particles and first < index:
        first += 1
    while last + 1 < len(tokens) and last - index < 3 and _capitalised(tokens[last + 1]) and _is_word(
        tokens[last + 1]
    ) and tokens[last].end + 1 >= tokens[last + 1].start and not _verbal(tokens[last + 1]):
        last += 1
    return tokens[first].start, tokens[last].end


def _noun_phrase(view: TokenView, index: int, floor: int, ceiling: int) -> tuple[int, int]:
    """A common noun with its determiner and modifiers ("the French minister", "le porte-parole du
    Kremlin"), from the parse where there is one, stopping at commas, clauses and verbs."""
    tokens = view.tokens
    token = tokens[index]
    if token.pos:
        members = [
            k for k in view.subtree(index, 60)
            if floor <= tokens[k].start and tokens[k].end <= ceiling
        ]
        first = last = index
        member_set = set(members)
        while first - 1 in member_set and tokens[first - 1].text not in {",", "(", "—"} and not _verbal(tokens[first - 1]):
            first -= 1
        while last + 1 in member_set and last - index < MAX_NP_TOKENS and tokens[last + 1].text not in {",", "(", "—", ";"} \
                and not _verbal(tokens[last + 1]) and tokens[last + 1].lower not in RELATIVE_PRONOUNS:
            last += 1
        return tokens[first].start, tokens[last].end
    lex = lex_of(token)
    first = index
    while first - 1 >= 0 and index - first < 4 and tokens[first - 1].start >= floor and _is_word(tokens[first - 1]) \
            and not is_cue(tokens[first - 1]) and tokens[first - 1].lower not in lex.complementizers:
        first -= 1
    return tokens[first].start, token.end


def _strip_determiners(view: TokenView, start: int, end: int, lex: Lexicon) -> str | None:
    tokens = [view.tokens[k] for k in view.between(start, end)]
    while tokens and (tokens[0].lower in lex.determiners or not _is_word(tokens[0])):
        tokens = tokens[1:]
    while tokens and not _is_word(tokens[-1]):
        tokens = tokens[:-1]
    if not tokens:
        return None
    return view.text[tokens[0].start : tokens[-1].end]


def _named(
    view: TokenView, start: int, end: int, floor: int, ceiling: int, mention: Mention | None
) -> Speaker:
    text = view.text
    while start < end and (text[start] in QUOTE_MARKS or not text[start].isalnum()):
        start += 1
    while end > start and (text[end - 1] in QUOTE_MARKS or text[end - 1] in ",;:"):
        end -= 1
    return Speaker(start, end, role=role_around(view, start, end, floor, ceiling), mention=mention)


def role_around(view: TokenView, start: int, end: int, floor: int, ceiling: int) -> str | None:
    """The role stated next to the name at ``[start, end)``, if any (see the module docstring)."""
    tokens = view.tokens
    name = view.between(start, end)
    if not name:
        return None
    lex = lex_of(tokens[name[0]])
    after = _apposition_after(view, name[-1] + 1, ceiling, lex)
    if after:
        return after
    before, reached_comma = _title_before(view, name[0], floor, lex)
    if reached_comma is not None:  # "France's Chief of Defense Staff, General François Lecointre"
        described = _phrase_before_comma(view, reached_comma, floor, lex)
        if described:
            return described
    if before:
        return before
    # a rank inside the name mention itself: "Colonel Legrier", "General Joseph Votel"
    rank = list(takewhile(lambda k: _role_word(tokens[k], lex), name))
    if rank and len(rank) < len(name):
        return view.text[tokens[rank[0]].start : tokens[rank[-1]].end]
    return None


def _apposition_after(view: TokenView, index: int, ceiling: int, lex: Lexicon) -> str | None:
    tokens = view.tokens
    if index >= len(tokens) or tokens[index].text != "," or tokens[index].start >= ceiling:
        return None
    k = index + 1
    members: list[Token] = []
    while k < len(tokens) and len(members) < 12 and tokens[k].end <= ceiling:
        token = tokens[k]
        if token.text in {",", ";", ".", ":", "(", ")", "—", "–"} or token.text in QUOTE_MARKS:
            break
        if _verbal(token) and not _role_word(token, lex) or token.lower in RELATIVE_PRONOUNS:
            return None
        members.append(token)
        k += 1
    if not members or not any(_role_word(t, lex) for t in members):
        return None
    return view.text[members[0].start : members[-1].end]


def _title_before(view: TokenView, first: int, floor: int, lex: Lexicon) -> tuple[str | None, int | None]:
    """The title right before a name ("Kremlin spokesman", "ministre des Affaires étrangères") and,
    when the title run stops at a comma, the comma's token index."""
    tokens = view.tokens
    k = first - 1
    run: list[int] = []
    while k >= 0 and len(run) < 8 and tokens[k].start >= floor:
        token = tokens[k]
        if token.text in _POSSESSIVE or token.lower in _CONNECTORS or token.lower in lex.name_particles:
            run.append(k)
        elif not _is_word(token) and token.text not in {"-"}:
            break
        elif _verbal(token) and not _role_word(token, lex) or token.lower in lex.complementizers:
            break
        elif token.lower in lex.determiners:
            run.append(k)
            break
        else:
            run.append(k)
        k -= 1
    comma = k if k >= 0 and tokens[k].text == "," and tokens[k].start >= floor else None
    roles = [j for j in run if _role_word(tokens[j], lex)]
    if not roles:
        return None, comma if len(run) <= 2 else None
    leftmost = max(run.index(j) for j in roles)  # run is right to left
    # extend over capitalised words and possessives left of the leftmost role word ("Kremlin", "France's")
    extend = leftmost
    while extend + 1 < len(run):
        token = tokens[run[extend + 1]]
        if _capitalised(token) or token.text in _POSSESSIVE or (
            extend + 2 < len(run) and tokens[run[extend + 2]].text in _POSSESSIVE
        ):
            extend += 1
        else:
            break
    left = run[extend]
    right = run[0]
    while left < right and (tokens[left].lower in lex.determiners or tokens[left].lower in _CONNECTORS):
        left += 1
    title = view.text[tokens[left].start : tokens[right].end]
    return title, comma if extend == len(run) - 1 else None


def _phrase_before_comma(view: TokenView, comma: int, floor: int, lex: Lexicon) -> str | None:
    tokens = view.tokens
    k = comma - 1
    members: list[int] = []
    while k >= 0 and len(members) < 10 and tokens[k].start >= floor:
        token = tokens[k]
        if token.text in {",", ";", ".", ":", "(", ")", "—", "–"} or token.text in QUOTE_MARKS:
            break
        if _verbal(token) and not _role_word(token, lex) or token.lower in lex.complementizers:
            break
        members.append(k)
        k -= 1
    members.reverse()
    roles = [j for j in members if _role_word(tokens[j], lex)]
    if not roles:
        return None
    # a described role ("France's Chief of Defense Staff"), not an adverbial ("In his first message")
    for j in members[: members.index(roles[0])]:
        token = tokens[j]
        if token.pos == "ADP" or (not token.pos and token.text[:1].islower() and token.lower not in lex.determiners):
            return None
    left, right = members[0], members[-1]
    while left < right and tokens[left].lower in lex.determiners:
        left += 1
    return view.text[tokens[left].start : tokens[right].end]


def np_before(view: TokenView, index: int, floor: int, ceiling: int) -> Speaker | None:
    """The phrase right before the verb: "Le Drian said", "he told", "the minister added"."""
    tokens = view.tokens
    lex = lex_of(tokens[index])
    k = index - 1
    while k >= 0 and index - k <= 4 and (
        tokens[k].lower in lex.adverbs or tokens[k].lower in lex.auxiliaries or tokens[k].pos in ("AUX", "ADV", "SPACE")
    ):
        k -= 1
    if k >= 0 and tokens[k].text == ")":  # "Paul Ryan (R-WI) said"
        opening = k - 1
        while opening >= 0 and k - opening < 12 and tokens[opening].text != "(":
            opening -= 1
        if opening >= 0 and tokens[opening].text == "(":
            k = opening - 1
    if k < 0 or tokens[k].start < floor:
        return None
    token = tokens[k]
    if _is_pronoun(token, lex):
        return Speaker(token.start, token.end, pronoun=True)
    if token.text == ",":  # "Dmitry Peskov, the Kremlin spokesman, said"
        j = k - 1
        while j >= 0 and k - j <= 12 and tokens[j].start >= floor and tokens[j].text not in {",", ".", ";", ":"}:
            j -= 1
        if j >= 0 and tokens[j].text == "," and j - 1 >= 0 and tokens[j - 1].start >= floor:
            # "One pastor, Darran Whiting, said": the name between the commas, the role before them
            named = [m for m in view.mentions_between(tokens[j].end, tokens[k].start) if m.type == EntityType.PERSON]
            if named:
                return _named(view, named[0].start, named[0].end, floor, tokens[k].start, named[0])
            name = _name_ending_at(view, j - 1, floor)
            if name is not None:
                return name
        return None
    return _name_ending_at(view, k, floor) or _role_phrase_ending_at(view, k, floor, lex)


def _name_ending_at(view: TokenView, k: int, floor: int) -> Speaker | None:
    tokens = view.tokens
    token = tokens[k]
    mention = view.mention_at(token.start, token.end)
    if mention is not None and mention.start >= floor and mention.end <= token.end:
        return _named(view, mention.start, mention.end, floor, token.end + 400, mention)
    if _capitalised(token) and _is_word(token) and not _role_word(token, lex_of(token)) and (
        not token.pos or token.pos in ("PROPN", "NOUN")
    ):
        start, end = _name_run(view, k)
        first = view.first_at_or_after(start)
        if end <= token.end and not (first > 0 and tokens[first - 1].pos == "ADP"):  # "on Thursday" is no subject
            return _named(view, max(start, floor), end, floor, end + 400, None)
    return None


def _role_phrase_ending_at(view: TokenView, k: int, floor: int, lex: Lexicon) -> Speaker | None:
    tokens = view.tokens
    if not _role_word(tokens[k], lex):
        return None
    first = k
    while first - 1 >= 0 and k - first < 5 and tokens[first - 1].start >= floor and _is_word(tokens[first - 1]) \
            and not _verbal(tokens[first - 1]) and tokens[first - 1].lower not in lex.complementizers:
        first -= 1
        if tokens[first].lower in lex.determiners:
            break
    role = _strip_determiners(view, tokens[first].start, tokens[k].end, lex)
    return Speaker(tokens[first].start, tokens[k].end, role=role, role_only=True)


def np_after(view: TokenView, index: int, floor: int, ceiling: int) -> Speaker | None:
    """The phrase right after the verb: "said Le Drian", "a ajouté le ministre", "a-t-il dit", "said he"."""
    tokens = view.tokens
    lex = lex_of(tokens[index])
    text = view.text
    if lex.inversion:  # "ajoute-t-il", or "a-t-il déclaré" with the clitic on the auxiliary
        token = tokens[index]
        after = re.match(lex.inversion, text[token.end : token.end + 8])
        if after is not None:
            return Speaker(token.end + after.start(1), token.end + after.end(1), pronoun=True)
        window_start = max(floor, token.start - 12)
        before = re.search(lex.inversion + r"\s*$", text[window_start : token.start])
        if before is not None:
            return Speaker(window_start + before.start(1), window_start + before.end(1), pronoun=True)
    k = index + 1
    while k < len(tokens) and k - index <= 2 and (tokens[k].pos == "SPACE" or tokens[k].lower in lex.adverbs):
        k += 1
    if k >= len(tokens) or tokens[k].end > ceiling:
        return None
    token = tokens[k]
    if _is_pronoun(token, lex):
        return Speaker(token.start, token.end, pronoun=True)
    if not (_capitalised(token) or token.lower in lex.determiners or _role_word(token, lex)):
        return None  # "writing on Twitter that …": no subject after the verb
    # the phrase up to the next punctuation: "le ministre des Affaires étrangères Jean-Marc Ayrault"
    last = k
    while last + 1 < len(tokens) and last - k < MAX_NP_TOKENS and tokens[last + 1].end <= ceiling:
        following = tokens[last + 1]
        if not _is_word(following) and following.text not in _POSSESSIVE and following.text != "-":
            break
        if _verbal(following) and not _role_word(following, lex):
            break
        last += 1
    members = list(range(k, last + 1))
    for j in members:
        mention = view.mention_at(tokens[j].start, tokens[j].end)
        if mention is not None and mention.start >= token.start and mention.end <= tokens[last].end + 1:
            return _named(view, mention.start, mention.end, floor, ceiling, mention)
    if not _is_word(token):
        return None
    role_positions = [j for j in members if _role_word(tokens[j], lex)]
    capitals = [j for j in members if _capitalised(tokens[j]) and not _role_word(tokens[j], lex)]
    if role_positions and capitals and capitals[0] > role_positions[0]:  # "dijo el portavoz Juan Pérez"
        name_start = capitals[0]
        name_end = name_start
        while name_end + 1 <= last and (_capitalised(tokens[name_end + 1]) or tokens[name_end + 1].lower in lex.name_particles):
            name_end += 1
        return _named(view, tokens[name_start].start, tokens[name_end].end, floor, ceiling, None)
    if role_positions:
        end_index = max(role_positions)
        while end_index + 1 <= last and (tokens[end_index + 1].lower in _CONNECTORS or _capitalised(tokens[end_index + 1])
                                         or tokens[end_index + 1].lower in lex.name_particles):
            end_index += 1
        while end_index > k and not _is_word(tokens[end_index]) or tokens[end_index].lower in _CONNECTORS:
            end_index -= 1
        role = _strip_determiners(view, token.start, tokens[end_index].end, lex)
        return Speaker(token.start, tokens[end_index].end, role=role, role_only=True)
    if _capitalised(token) and token.lower not in lex.determiners:
        start, end = _name_run(view, k)
        return _named(view, max(start, token.start), end, floor, ceiling, None)
    return None


# ------------------------------------------------------------------------------------- complements

def complement_of(
    view: TokenView, index: int, floor: int, ceiling: int, before: bool = True
) -> tuple[int, int] | None:
    """The reported content of the verb at ``index`` within its sentence ``[floor, ceiling)``;
    ``before`` allows a content before the verb ("The talks will go on, he said", but not
    "…, Harman called it “the least bad option”", where the parse is wrong)."""
    tokens = view.tokens
    token = tokens[index]
    lex = lex_of(token)
    span = None
    if token.pos:  # a complement after the verb first: "…; however, they said it was “unclear …”"
        complements = [
            c for c in view.children(index)
            if (before or c > index) and tokens[c].dep in COMPLEMENT_DEPS
            # "said having Trump at the top … puts": a clause the parser read as a verb's complement;
            # "told him to leave" (an infinitive) reports no statement
            or (tokens[c].dep == "xcomp" and c > index and tokens[c].pos == "VERB" and not tokens[c].infinitive
                and token.lemma in lex.saying)
        ]
        for child in sorted(complements, key=lambda c: (c < index, abs(c - index))):
            members = view.subtree(child)
            span = (min(tokens[m].start for m in members), max(tokens[m].end for m in members))
            if span[1] <= token.start and any(is_cue(tokens[m]) for m in members if m != index):
                span = None  # a left complement holding another reporting verb belongs to that verb
                continue
            break
    if span is None:
        k = index + 1
        while k < len(tokens) and k - index <= 14 and tokens[k].start < ceiling:
            if tokens[k].lower in lex.complementizers and (not tokens[k].pos or tokens[k].pos == "SCONJ"):
                span = (tokens[k].start, ceiling)
                break
            if tokens[k].text in _CLAUSE_PUNCT or tokens[k].text in QUOTE_MARKS or is_cue(tokens[k]):
                break
            k += 1
    if span is None:
        return None
    start, end = max(span[0], floor), min(span[1], ceiling)
    if token.pos and not any(tokens[k].pos in ("VERB", "AUX") for k in view.between(start, end)):
        return None  # "told Face the Nation", "reported revenue declines": an object, not a statement
    if end <= token.start:  # content before the verb ("The talks will go on, he said"): one clause only
        inside = list(view.between(start, end))
        stops = [k for k in inside if tokens[k].text in {";", ":"}]
        if stops:
            start = tokens[stops[-1]].end
        if any(is_cue(tokens[k]) for k in view.between(start, end)):
            return None
    # a colon or semicolon after the verb closes the indirect part ("… soon: “Today …”")
    for k in view.between(max(start, token.end), end):
        if tokens[k].text in {":", ";"}:
            end = tokens[k].start
            break
    return trim_content(view, start, end, lex)


def object_content(view: TokenView, index: int, floor: int, ceiling: int) -> tuple[int, int] | None:
    """The content of a stance verb without a clause: its object, infinitive or prepositional
    complement and what follows them ("called <him a liar>", "urged <voters to stay home>",
    "called <for a boycott>", "accused <Moscow of lying>"), up to the first clause, comma or
    conjunction that is not part of them."""
    tokens = view.tokens
    token = tokens[index]
    lex = lex_of(token)
    start = end = None
    children = view.children(index)
    if any(tokens[c].dep in _PARTICLE_DEPS and tokens[c].lower != "out" for c in children):
        return None  # "showed up", "called back": another verb than the one listed ("pointed out" is kept)
    if token.lemma in lex.construals and not any(
        _preposition(view, g) in lex.construal_markers for c in children if c > index for g in [c, *view.children(c)]
    ):
        return None  # "saw a picture", but "sees immigrants as a burden"
    topic_only = token.lemma in lex.topic_verbs
    if token.lemma in lex.intentions and not any(tokens[c].dep == "xcomp" and c > index for c in children):
        return None  # "sought to convince", not "sought the nomination"
    for child in sorted(c for c in children if c > index):
        current = tokens[child]
        if current.pos == "SPACE" or (start is None and current.dep in _BEFORE_OBJECT_DEPS):
            continue
        if not (current.dep in OBJECT_DEPS or (current.dep in ("advcl", "csubj") and _opened_clause(view, child))):
            break
        if current.dep in _PREPOSITION_DEPS and start is None and (
            _preposition(view, child) not in (lex.topics if topic_only else lex.topic_prepositions) or is_cue(token)
        ):
            break  # "called for a boycott", not "wrote on Reddit" nor "spoke at a rally"
        if topic_only and current.dep not in _PREPOSITION_DEPS:
            break  # "talked about the plan", not "talked a lot"
        members = view.subtree(child)
        if start is None:
            start = tokens[members[0]].start
        end = max(end or 0, tokens[members[-1]].end)
    if start is None:
        return None
    start, end = max(start, floor), min(end, ceiling)
    for k in view.between(start, end):
        if tokens[k].text in {":", ";"}:
            end = tokens[k].start
            break
    return trim_content(view, start, end, lex, min_words=1)


def is_statement_noun(token: Token) -> bool:
    """"claim", "call", "promesse": a noun of statement or stance (``Lexicon.statements``)."""
    return token.pos == "NOUN" and token.lemma in lex_of(token).statements


def noun_content(view: TokenView, index: int, floor: int, ceiling: int) -> tuple[int, int] | None:
    """What a statement noun states: its that-clause or infinitive ("the claim <that …>", "his
    promise <to build a wall>") or its topic ("her call <for a ban>", "criticism <of the deal>")."""
    tokens = view.tokens
    lex = lex_of(tokens[index])
    start = end = None
    for child in sorted(c for c in view.children(index) if c > index):
        current = tokens[child]
        if current.dep in _PREPOSITION_DEPS or current.dep == "nmod":
            if start is not None or _preposition(view, child) not in lex.topic_prepositions:
                break
        elif current.dep in ("acl", "ccomp", "xcomp"):
            if start is not None or not _marked_clause(view, child, lex):
                break
        elif current.dep == "punct":
            break
        else:
            continue
        members = view.subtree(child)
        start, end = tokens[members[0]].start, tokens[members[-1]].end
    if start is None:
        return None
    return trim_content(view, max(start, floor), min(end, ceiling), lex, min_words=1)


def _marked_clause(view: TokenView, index: int, lex: Lexicon) -> bool:
    """A clause opened by a complementizer or an infinitive marker ("that …", "to …", "que …", "de …"),
    not a participle ("the statement issued Tuesday")."""
    return any(
        view.tokens[c].dep in ("mark", "aux") and (view.tokens[c].lower in lex.complementizers
                                                   or view.tokens[c].lower in _INFINITIVE_MARKS)
        for c in view.children(index) if c < index
    )


def noun_speaker(view: TokenView, index: int, floor: int) -> Speaker | None:
    """Who holds a statement noun: the subject of the light verb it is the object of ("Trump made
    the case that …", "X issued a statement that …").  A possessor alone ("Trump's claim that …")
    makes no attribution: such phrases are mostly what another attribution is about ("the panel
    could declare Beijing's claim invalid")."""
    tokens = view.tokens
    token = tokens[index]
    head = tokens[token.head]
    if token.dep not in ("dobj", "obj") or head.pos != "VERB" or head.passive or head.lemma not in lex_of(token).light_verbs:
        return None
    subject = parsed_subject(view, head.i)
    if subject is None or not floor <= tokens[subject].start < head.start:
        return None
    return speaker_from_token(view, subject, floor, head.start)


def _preposition(view: TokenView, index: int) -> str:
    """The preposition of a prepositional phrase: the token itself (English "prep") or its case
    marker (Universal Dependencies "obl": "sur" in "a insisté sur la nécessité")."""
    token = view.tokens[index]
    if token.dep == "prep":
        return token.lower
    return next((view.tokens[c].lower for c in view.children(index) if view.tokens[c].dep == "case"), "")


def _opened_clause(view: TokenView, index: int) -> bool:
    """"asked workers <if they planned to attend>", "called <for her to quit>", "made clear <that …>":
    a clause opened by if, whether, for or a complementizer."""
    lex = lex_of(view.tokens[index])
    marks = [view.tokens[c].lower for c in view.children(index) if view.tokens[c].dep == "mark"]
    return any(mark in _CLAUSE_MARKS or mark in lex.complementizers for mark in marks)


def parenthetical(
    view: TokenView, index: int, speaker: tuple[int, int] | None, floor: int, ceiling: int
) -> tuple[int, int] | None:
    """The content of a verb set off by commas with its speaker: the whole sentence around
    "…, he said, …" / "…, Mr. Abboud said, …", or what precedes a final "…, said Marcia Smith." /
    "…, former President Bill Clinton said this week at an event in Wyoming." """
    tokens = view.tokens
    lex = lex_of(tokens[index])
    start = min(speaker[0] if speaker else tokens[index].start, tokens[index].start)
    end = max(speaker[1] if speaker else tokens[index].end, tokens[index].end)
    before = view.first_at_or_after(start) - 1
    while before >= 0 and start - tokens[before].start < 80 and tokens[before].pos in _TITLE_POS:
        before -= 1  # the title before the name: "former President"
    after = view.first_at_or_after(end)
    circumstances = {
        k for c in view.children(index) if c > index and tokens[c].dep in _CIRCUMSTANCE_DEPS
        for k in view.subtree(c, 40)
    }
    while after < len(tokens) and tokens[after].end <= ceiling and (
        tokens[after].pos == "SPACE" or tokens[after].lower in lex.adverbs
        or tokens[after].dep in ("npadvmod", "obl:tmod")  # "said Thursday", "a déclaré jeudi"
        or after in circumstances  # "said this week at an event in Wyoming"
    ):
        after += 1
    if before < 0 or tokens[before].text != "," or tokens[before].start <= floor:
        return None
    if after >= len(tokens) or tokens[after].start >= ceiling or tokens[after].text in _FINAL_PUNCT:
        return trim_content(view, floor, tokens[before].start, lex)  # "…, said Marcia Smith."
    if tokens[after].text != ",":
        return None
    return trim_content(view, floor, ceiling, lex)


_TITLE_POS = frozenset({"PROPN", "ADJ", "DET"})
_CIRCUMSTANCE_DEPS = frozenset({"prep", "obl", "obl:mod", "obl:tmod", "npadvmod", "advmod"})
_FINAL_PUNCT = frozenset({".", "!", "?", "…", "—", "–", ";"})


def trim_content(view: TokenView, start: int, end: int, lex: Lexicon, min_words: int = 2) -> tuple[int, int] | None:
    """Content offsets without a leading complementizer nor edge punctuation; None when too short."""
    tokens = view.tokens
    members = [k for k in view.between(start, end) if tokens[k].pos != "SPACE"]
    while members and (
        tokens[members[0]].lower in lex.complementizers
        or (not _is_word(tokens[members[0]]) and tokens[members[0]].text not in QUOTE_MARKS and tokens[members[0]].text not in "[(")
    ):
        members = members[1:]
    while members and tokens[members[-1]].text in {",", ";", ":", "-", "—", "–", "."}:
        members = members[:-1]
    words = sum(1 for k in members if _is_word(tokens[k]))
    if words < min_words:
        return None
    return tokens[members[0]].start, tokens[members[-1]].end


# ----------------------------------------------------------------------------------------- sources

@dataclass
class SourcePhrase:
    """ "according to X" / "selon X": the phrase's span and the speaker named in it."""

    start: int
    end: int
    cue_start: int
    cue_end: int
    speaker: Speaker | None
    document: bool = False  # "In a new poll, …": a source only where no verb reports anything


def according_phrases(view: TokenView, start: int, end: int, lex: Lexicon) -> list[SourcePhrase]:
    """Source phrases in ``[start, end)`` (a sentence) with the phrase of the source they name."""
    found: list[SourcePhrase] = []
    if not lex.according:
        return found
    text = view.text
    segment = text[start:end].lower()
    for phrase in lex.according + lex.within:
        document = phrase in lex.within
        position = 0
        while True:
            at = segment.find(phrase, position)
            if at < 0:
                break
            position = at + len(phrase)
            cue_start, cue_end = start + at, start + at + len(phrase)
            if (at > 0 and segment[at - 1].isalnum()) or (cue_end < end and text[cue_end].isalnum()):
                continue
            first = view.first_at_or_after(cue_end)
            last = first
            tokens = view.tokens
            while last < len(tokens) and tokens[last].end <= end and last - first < 12 and tokens[last].text not in {
                ",", ".", ";", ":", "!", "?", "(", "—", "–"
            }:
                last += 1
            if last == first or (document and not any(tokens[k].lower in lex.documents for k in range(first, last))):
                continue  # "in Iowa" is no source, "in a CNN/ORC poll" is
            phrase_end = tokens[last - 1].end
            speaker = _source_speaker(view, first, last, lex)
            found.append(SourcePhrase(cue_start, phrase_end, cue_start, cue_end, speaker, document))
    return found


def _source_speaker(view: TokenView, first: int, last: int, lex: Lexicon) -> Speaker | None:
    tokens = view.tokens
    start, end = tokens[first].start, tokens[last - 1].end
    # the name that ends the phrase ("… Lebanese daily As-Safir"); "the French military" is no name
    mentions = [m for m in view.mentions_between(start, end) if m.end <= end and not view.text[m.end : end].strip(" .’'s")]
    if mentions:
        mention = mentions[-1]
        role = _strip_determiners(view, start, mention.start, lex) if mention.start > start else None
        if role is not None and not any(_role_word(tokens[k], lex) for k in view.between(start, mention.start)):
            role = None
        return Speaker(mention.start, mention.end, role=role, mention=mention)
    if any(_is_pronoun(tokens[k], lex) for k in range(first, last)) and last - first == 1:
        return Speaker(start, end, pronoun=True)
    role_only = any(_role_word(tokens[k], lex) for k in range(first, last))
    role = _strip_determiners(view, start, end, lex) if role_only else None
    return Speaker(start, end, role=role, role_only=role_only)
