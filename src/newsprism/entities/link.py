"""Merging NER spans with knowledge-base names, then linking every mention to an identity."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz.distance import OSA

from ..kb.actors import ActorKB, AliasHit, KBEntry, stable_id
from ..kb.normalize import alias_key
from ..model import Entity, EntityType
from ..nlp.parse import ParsedBody
from .nationals import link_nationals
from .scan import NameMatch, looks_like_name, place_scan_keys, scan_index, scan_names

# Model labels → our types.  None: not an entity we report (dates, numbers, nationalities).
# WORK_OF_ART/PRODUCT/LAW/MISC become OTHER and are kept only when they link to something: the small
# models put surnames there ("Lecointre" as a work of art) as often as real titles.
LABELS: dict[str, EntityType | None] = {
    "PERSON": EntityType.PERSON, "PER": EntityType.PERSON,
    "ORG": EntityType.ORGANISATION,
    "GPE": EntityType.LOCATION, "LOC": EntityType.LOCATION,
    "FAC": EntityType.FACILITY,
    "EVENT": EntityType.EVENT,
    "MISC": EntityType.OTHER, "WORK_OF_ART": EntityType.OTHER, "PRODUCT": EntityType.OTHER, "LAW": EntityType.OTHER,
}
# Which KB types a model type may take: the KB decides among them (ORG → armed group, …).
COMPATIBLE = {
    EntityType.PERSON: {EntityType.PERSON},
    EntityType.ORGANISATION: {EntityType.ORGANISATION, EntityType.ARMED_GROUP, EntityType.FACILITY, EntityType.EVENT},
    EntityType.LOCATION: {EntityType.LOCATION, EntityType.FACILITY, EntityType.ORGANISATION, EntityType.ARMED_GROUP},
    EntityType.FACILITY: {EntityType.FACILITY, EntityType.LOCATION, EntityType.ORGANISATION},
    EntityType.EVENT: {EntityType.EVENT},
}
# A surname written slightly differently from the full name met in the same article ("Le Drain").
SURNAME_SIMILARITY = 0.8
MIN_FUZZY_SURNAME_CHARS = 5
# Determiners cut from the front of a mention ("the Syrian Arab Army"); Arabic "al-" stays, it is part of the name.
# Capitalised "Le"/"La" stay: they begin names ("Le Drian", "La Paz") more often than they are articles in a span.
_LEADING_DETERMINER = re.compile(r"(?:the|The|THE|le|la|les|l'|L'|l’|L’|los|Los|las|Las|der|Der|die|Die|das|Das)(?:\s+|(?<=['’]))")
_FUNCTION_WORDS = frozenset({"the", "a", "an", "un", "une", "uno", "una", "los", "las", "lo", "les", "y", "e", "o", "que"})
# First words that make a name an institution whatever the model's label (it often says place).
INSTITUTION_HEADS = frozenset({
    "ministry", "ministère", "ministerio", "ministero", "ministerium", "министерство", "міністерство",
    "department", "département", "departamento", "council", "conseil", "consejo", "consiglio", "совет",
    "agency", "agence", "agencia", "committee", "comité", "comitato", "комитет", "parliament", "parlement",
    "parlamento", "government", "gouvernement", "gobierno", "governo", "правительство", "party", "parti",
    "partido", "partito", "партия", "bank", "banque", "banco", "university", "université", "universidad",
    "court", "cour", "tribunal", "tribunale", "суд", "commission", "comisión", "commissione", "office",
    "bureau", "union", "unión", "unione", "союз", "senate", "sénat", "senado", "house", "assemblée",
    "asamblea", "assemblea", "duma", "дума",
})
_NAME_PARTICLES = frozenset({"al", "el", "de", "du", "des", "la", "le", "of", "von", "van", "der", "bin", "ibn", "ben", "abu", "ez", "es", "ed", "ad", "az", "as", "ash", "and", "y", "et", "di", "da", "del"})


@dataclass
class Mention:
    start: int
    end: int
    label: EntityType | None  # from the NER model, None when found by the scan only
    source: str
    actor_hits: list[AliasHit] = field(default_factory=list)
    place: bool = False
    lemma: str | None = None


def recognise_and_link(text: str, parsed: ParsedBody, kb: ActorKB) -> list[Entity]:
    index = scan_index(kb, place_scan_keys())
    mentions: list[Mention] = []
    for chunk in parsed.chunks:
        ner = [_ner_mention(text, span, chunk.model) for span in chunk.ner]
        ner = [m for m in ner if m is not None]
        scanned = scan_names(text, index, chunk.start, chunk.end)
        mentions.extend(_merge(text, ner, scanned, has_model=chunk.model is not None))
    mentions.sort(key=lambda m: m.start)
    return link_nationals(text, parsed.chunks, _link(text, mentions, kb), kb)


def _ner_mention(text: str, span, model: str | None) -> Mention | None:
    label = LABELS.get(span.label)
    if label is None:
        return None
    start, end = _trim(text, span.start, span.end)
    surface = text[start:end]
    if end <= start or not looks_like_name(surface):
        return None  # "al" alone, lowercase fragments: model noise
    words = re.split(r"[\s\-]+", surface)
    first = words[0]
    if first[:1].islower() and alias_key(first) in PERSON_TITLES:
        # a lowercase role before the name: "général Dufour" keeps "Dufour"; "ministre des Affaires" is
        # no name at all ("canton de Vaud", a place, is not touched)
        rest = re.match(r"\S+\s+", text[start:end])
        if rest is None or not text[start + rest.end()][:1].isupper():
            return None
        start += rest.end()
        surface = text[start:end]
        words = words[1:]
        first = words[0]
    if len(words) == 2 and words[1].islower() and words[1].casefold() in _NAME_PARTICLES | _FUNCTION_WORDS:
        return None  # "Según el", "Selon le": a sentence-initial word and an article
    if label in (EntityType.LOCATION, EntityType.PERSON, EntityType.OTHER) and first.casefold() in INSTITUTION_HEADS:
        label = EntityType.ORGANISATION  # "Ministerio de Defensa de España" is not a place
    return Mention(start, end, label, f"ner:{model}", lemma=span.lemma)


_POSSESSIVE = re.compile(r"['’]s?$")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Cut leading determiners, a trailing possessive and surrounding punctuation from a span."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in ".)"):
        end -= 1
    possessive = _POSSESSIVE.search(text, start, end)
    if possessive and possessive.start() > start:
        end = possessive.start()
    match = _LEADING_DETERMINER.match(text, start, end)
    if match and match.end() < end:
        start = match.end()
    return start, end


def _name_like(surface: str) -> bool:
    """Every word capitalised except name particles ("Bank of America", "Hayat Tahrir al-Sham")."""
    words = [w for w in re.split(r"[\s\-]+", surface) if w]
    return all(w[0].isupper() or not w[0].isalpha() or w.casefold() in _NAME_PARTICLES for w in words)


def _merge(text: str, ner: list[Mention], scanned: list[NameMatch], has_model: bool) -> list[Mention]:
    """One mention per name: the scan wins where it knows more, the model elsewhere."""
    result: list[Mention] = []
    used: set[int] = set()
    for mention in ner:
        overlapping = [(i, s) for i, s in enumerate(scanned) if s.start < mention.end and mention.start < s.end]
        if not overlapping:
            result.append(mention)
            continue
        keep_model = False
        for i, match in overlapping:
            inside = mention.start <= match.start and match.end <= mention.end and (match.start, match.end) != (mention.start, mention.end)
            if inside and _name_like(text[mention.start : mention.end]) and (
                not match.actor_hits or mention.label is EntityType.PERSON
            ):
                keep_model = True  # "Bank of America", "Charles de Gaulle": the model's longer name stands
        if keep_model:
            result.append(mention)
            used.update(i for i, _ in overlapping)
            continue
        for i, match in overlapping:
            if i not in used:
                used.add(i)
                same = (match.start, match.end) == (mention.start, mention.end)
                label = mention.label if same or match.start <= mention.start and mention.end <= match.end else None
                result.append(Mention(match.start, match.end, label, mention.source if label else "alias", match.actor_hits, match.place, mention.lemma if same else None))
    for i, match in enumerate(scanned):
        if i in used:
            continue
        single_word = " " not in text[match.start : match.end].strip()
        if has_model and not match.actor_hits and single_word:
            continue  # a lone capitalised word that is also a town: the model, which read the sentence, passed on it
        result.append(Mention(match.start, match.end, None, "alias", match.actor_hits, match.place))
    return result


def _candidates(mention: Mention, surface: str, kb: ActorKB) -> list[KBEntry]:
    if mention.actor_hits:
        return [kb.entries[h.entry_id] for h in mention.actor_hits]
    found = kb.lookup(surface)
    if not found and mention.lemma and mention.lemma != surface:
        found = kb.lookup(mention.lemma)
    return found


def _choose(mention: Mention, candidates: list[KBEntry], surface: str) -> KBEntry | None:
    if not candidates:
        return None
    if mention.label in COMPATIBLE:
        fitting = [c for c in candidates if c.type in COMPATIBLE[mention.label]]
        if fitting:
            return fitting[0]
        if mention.label is EntityType.PERSON and (len(candidates) > 1 or all(h.short for h in mention.actor_hits)):
            return None  # a person's name that is also one of several groups', or a mere surname form: trust the model
    return candidates[0]


def _link(text: str, mentions: list[Mention], kb: ActorKB) -> list[Entity]:
    entities: list[Entity] = []
    for mention in mentions:
        surface = text[mention.start : mention.end]
        entry = _choose(mention, _candidates(mention, surface, kb), surface)
        if entry is None and mention.label is EntityType.PERSON:
            entry = kb.similar_person(person_name(surface))  # "James Jeffry" → James Jeffrey
        if entry is not None:
            entities.append(Entity(text=surface, start=mention.start, end=mention.end, type=entry.type,
                                   id=entry.id, name=entry.name, linked=True, source=mention.source))
        elif mention.place or mention.label in (EntityType.LOCATION,):
            entities.append(Entity(text=surface, start=mention.start, end=mention.end, type=EntityType.LOCATION,
                                   source=mention.source))
        elif mention.label is not None:
            entities.append(Entity(text=surface, start=mention.start, end=mention.end, type=mention.label,
                                   source=mention.source))
    _resolve_short_forms(entities, kb)
    return [e for e in entities if e.type is not EntityType.OTHER or e.id]


def _tokens(name: str) -> tuple[str, ...]:
    return tuple(alias_key(name).split())


# Titles and ranks that the models include in a person's span ("General Joseph Votel", "M. Ayrault");
# a person's identity and preferred name leave them out, so "President X" and "X" are one person.
PERSON_TITLES = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "professor", "sir", "president", "prime", "minister", "general", "gen",
    "colonel", "col", "lieutenant", "lt", "major", "maj", "captain", "capt", "admiral", "adm", "commander",
    "sergeant", "sgt", "marshal", "field", "senator", "sen", "rep", "representative", "governor", "gov",
    "ambassador", "secretary", "judge", "justice", "king", "queen", "prince", "princess", "sheikh", "emir",
    "pope", "ayatollah", "imam", "rabbi", "father", "chancellor", "mayor", "spokesman", "spokeswoman",
    "m", "mme", "mlle", "monsieur", "madame", "président", "présidente", "ministre", "général", "colonel",
    "maréchal", "lieutenant", "capitaine", "commandant", "ambassadeur", "sr", "sra", "señor", "señora",
    "don", "doña", "presidente", "ministro", "ministra", "coronel", "teniente", "capitán", "embajador",
    "генерал", "президент", "министр", "полковник", "господин", "госпожа",
})


def person_name(text: str) -> str:
    """The name without leading titles ("General Joseph Votel" → "Joseph Votel"); never empty."""
    words = text.split()
    cut = 0
    while cut < len(words) - 1 and alias_key(words[cut]) in PERSON_TITLES:
        cut += 1
    return " ".join(words[cut:]) if cut else text


def _resolve_short_forms(entities: list[Entity], kb: ActorKB) -> None:
    """Surnames and short forms take the identity of the article's full name they abbreviate.

    "Le Drian" (or the misspelt "Le Drain") after "Jean-Yves Le Drian"; "Lecointre" (which a model
    may call a work of art) after "François Lecointre".  Unlinked full names get a stable ``np:`` id.
    Work is per distinct name, so an article repeating one name thousands of times stays linear.
    """
    full_names: dict[tuple[str, ...], Entity] = {}
    for entity in entities:
        words = _tokens(entity.text)
        if entity.type is EntityType.PERSON and len(words) >= 2:
            full_names.setdefault(words, entity)
    decided: dict[tuple[tuple[str, ...], bool], Entity | None] = {}
    for entity in entities:
        if entity.id or entity.type is EntityType.EVENT:
            continue
        words = _tokens(entity.text)
        allow_fuzzy = entity.type is not EntityType.LOCATION  # a place may share a surname, not its misspelling
        if (words, allow_fuzzy) not in decided:
            decided[words, allow_fuzzy] = _full_name_for(words, full_names, allow_fuzzy)
        full = decided[words, allow_fuzzy]
        if full is not None and full is not entity:
            entity.type = EntityType.PERSON
            entity.id = full.id or stable_id("person", person_name(full.text))
            entity.name = full.name or person_name(full.text)
            entity.linked = full.linked
            entity.source = entity.source + "+coref" if entity.source else "coref"
    places_checked: dict[str, bool] = {}
    for entity in entities:
        if entity.id is not None or entity.type is EntityType.LOCATION:
            continue
        if entity.text not in places_checked:
            places_checked[entity.text] = _is_misread_place(entity)
        if places_checked[entity.text]:
            entity.type = EntityType.LOCATION  # the places stage resolves it
        elif entity.type is not EntityType.OTHER:
            name = person_name(entity.text) if entity.type is EntityType.PERSON else entity.text
            entity.id = stable_id(entity.type.value, name)
            entity.name = name


# First words of Arabic, Turkish and Persian place names: "Kafr Zita", "Tal Abyad", "Jisr al-Shughur".
# The small English model reads such names as people; with one of these heads they are places.
# ("Ras", "Khan", "Umm", "Sheikh" also begin people's names: they count only with a gazetteer match.)
TOPONYM_HEADS = frozenset({
    "kafr", "kfar", "tal", "tell", "tall", "deir", "dayr", "jisr", "jabal", "jebel", "wadi", "qalaat", "qalat",
    "maarat", "maarrat", "marat", "hirsh", "qasr",
})
WEAK_TOPONYM_HEADS = frozenset({"ain", "ayn", "khan", "ras", "bir", "beit", "bayt", "umm", "sheikh"})
# Features of unambiguous places: a name that is one of these is read as the place even where the
# model said organisation or person ("Aleppo", "Palmyra"); small towns are not enough evidence.
PROMINENT_FEATURES = frozenset({"country", "admin1", "region", "site", "base", "crossing", "river", "sea"})
PROMINENT_POPULATION = 20_000


def _is_misread_place(entity: Entity) -> bool:
    """An unlinked person/organisation/other mention that is, by the gazetteer, a place."""
    from ..places.gazetteer import DEMONYM, lookup as place_lookup

    words = _tokens(entity.text)
    if not words:
        return False
    if len(words) > 1 and words[0] in TOPONYM_HEADS:
        return True  # a place even where the gazetteer lacks it: the places stage keeps it with a reason
    if entity.type is EntityType.PERSON and len(words) > 1 and words[0] not in WEAK_TOPONYM_HEADS:
        return False  # full personal names are the model's strength
    candidates = [c for c in place_lookup(entity.text) if not c.loose and c.kind != DEMONYM]
    if words[0] in WEAK_TOPONYM_HEADS and candidates:
        return True
    return any(c.feature in PROMINENT_FEATURES or c.population >= PROMINENT_POPULATION for c in candidates)


def _full_name_for(words: tuple[str, ...], full_names: dict[tuple[str, ...], Entity], allow_fuzzy: bool) -> Entity | None:
    """The longest person name in the article that ends with (or fuzzily ends with) these words."""
    if not words:
        return None
    joined = " ".join(words)
    fuzzy_ok = allow_fuzzy and len(joined) >= MIN_FUZZY_SURNAME_CHARS
    best: tuple[int, Entity] | None = None
    for full, person in full_names.items():
        if len(full) <= len(words):
            continue
        tail = full[-len(words):]
        if tail == words or (fuzzy_ok and OSA.normalized_similarity(" ".join(tail), joined) >= SURNAME_SIMILARITY):
            if best is None or len(full) > best[0]:
                best = (len(full), person)
    return best[1] if best else None
