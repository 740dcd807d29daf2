"""Tone toward each resolved actor of an article, from the body sentences that mention it.

Actors are the entities with an identity (``id``) of type person, organisation or armed group,
plus **countries**: a location entity whose identity is a country ("the United States withdrew",
"les États-Unis") acts in news as a state actor.  Other places, dates, events and facilities are
not actors here; capitals used for their governments ("Damascus said") are not mapped to the
state (that is entity resolution's job) and are skipped.

Per actor: every body sentence with a mention is scored toward that mention (several mentions in
one sentence are averaged); the actor's distribution is the mean of its sentences' distributions
weighted by how polar each is (``NEUTRAL_WEIGHT + (1 - p(neutral))**2``, see :func:`_aggregate`),
so hostile sentences among neutral factual ones decide the label, as they do for a reader.
Probabilities are first moved to the class prior of news at large (:meth:`.model.ToneModels.adjust`:
news is mostly neutral, NewsMTSC is not); ``score = p(favourable) - p(hostile)`` and the label is
the most probable class.  Evidence: the strongest sentences first, at most ``MAX_EVIDENCE``.
Sentences beyond the embedding budget keep their framing-cue score (:func:`_choose_for_embedding`).

Known limits: the English model learned tone from US political news; in war reporting the
vocabulary of violence ("attack", "militants", "killed") pulls every actor of a sentence toward
hostile, so read labels comparatively (across actors and outlets) rather than absolutely.  Other
languages are cross-lingual transfer (marked ``low_confidence``): framing cues carry much of it.

Which model scores a sentence (``Options.embeddings``, per the sentence's paragraph language):

=========  ======================  =====================================================
mode       English                 other languages
=========  ======================  =====================================================
never      lexical                 framing cues only (``c:``/``p:`` features), low confidence
auto       lexical                 embedding + cues (cross-lingual transfer), low confidence
always     lexical + embedding     embedding + cues (cross-lingual transfer), low confidence
=========  ======================  =====================================================
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from ..model import Document, EntityType, Tone, ToneEvidence
from ..nlp import embed
from ..nlp.parse import parse
from ..options import Options
from .features import cue_vector, featurize, local_context, regex_tokens, spacy_tokens
from .model import LABELS, ToneModels, load_models

ACTOR_TYPES = frozenset({EntityType.PERSON, EntityType.ORGANISATION, EntityType.ARMED_GROUP})
LEXICAL_LANGUAGES = frozenset({"en"})  # languages the lexical model was trained on
MAX_EVIDENCE = 5
# Sentences scored per actor: the lexical model is cheap; each embedded context costs ~30 ms.
MAX_SENTENCES_LEXICAL = 40
MAX_SENTENCES_EMBEDDING = 10
MAX_EMBEDDED_SENTENCES = 40  # per document: bounds the embedding cost (~1.5 s on a core) on long texts
# A sentence weighs NEUTRAL_WEIGHT + (1 - p(neutral)) ** 2 in the actor's distribution (see _aggregate).
NEUTRAL_WEIGHT = 0.05
MIN_WORDS = 20
_LETTER = re.compile(r"[^\W\d_]")


@dataclass
class _Sentence:
    start: int
    end: int
    language: str | None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    name_words: frozenset[str] = frozenset()  # the actor's own name: not framing (see featurize)


def _is_country(document: Document, entity_id: str, name: str) -> bool:
    for place in document.places:
        if place.id == entity_id:
            return place.feature == "country"
    return _gazetteer_country(entity_id, name)


@lru_cache(maxsize=4096)
def _gazetteer_country(entity_id: str, name: str) -> bool:
    """Fallback when the places stage did not run: is the id a country in the gazetteer?"""
    if not entity_id.startswith("geonames:"):
        return False
    try:
        from ..places.gazetteer import lookup

        return any(c.id == entity_id and c.feature == "country" for c in lookup(name))
    except Exception:  # no gazetteer installed: no country actors rather than a failed stage
        return False


def actors(document: Document) -> dict[str, list]:
    """Body entities grouped by actor id (persons, organisations, armed groups, countries)."""
    grouped: dict[str, list] = defaultdict(list)
    for entity in document.entities:
        if not entity.id or entity.comment is not None:
            continue
        if entity.type in ACTOR_TYPES or (
            entity.type == EntityType.LOCATION and _is_country(document, entity.id, entity.name or entity.text)
        ):
            grouped[entity.id].append(entity)
    return grouped


def _atypical(document: Document) -> str | None:
    body = document.body
    if len(body.split()) < MIN_WORDS:
        return "very short text"
    letters = _LETTER.findall(body)
    if len(letters) >= 50 and sum(ch.isupper() for ch in letters) > 0.7 * len(letters):
        return "text mostly in capitals"
    return None


def score_document(document: Document, options: Options, models: ToneModels | None = None) -> list[Tone]:
    """The ``tone`` list of ``document``: one entry per actor, most mentioned first."""
    grouped = actors(document)
    if not grouped or not document.body.strip():
        return []
    models = models or load_models()
    parsed = parse(document)
    spans = sorted(parsed.sentences)
    starts = [start for start, _ in spans]

    # Sentences per actor (in body order) with the actor's mentions in each.
    per_actor: dict[str, dict[int, _Sentence]] = {}
    for actor_id, entities in grouped.items():
        sentences: dict[int, _Sentence] = {}
        name = entities[0].name or ""
        name_words = frozenset(t.word for t in regex_tokens(name))
        for entity in sorted(entities, key=lambda e: e.start):
            index = bisect.bisect_right(starts, entity.start) - 1
            if index < 0 or entity.end > spans[index][1]:
                continue
            if index not in sentences:
                chunk = parsed.chunk_at(spans[index][0])
                language = (chunk.language if chunk else None) or document.language
                sentences[index] = _Sentence(spans[index][0], spans[index][1], language, name_words=name_words)
            sentences[index].mentions.append((entity.start, entity.end))
        per_actor[actor_id] = sentences

    mode = options.embeddings
    atypical = _atypical(document)
    if atypical:
        document.warn(f"tone: {atypical}; tone scores are low-confidence")
    # Score every (actor, sentence): lexical ones now, embedding contexts chosen then batched.
    results: dict[tuple[str, int], tuple[np.ndarray, str, bool]] = {}
    wanted: dict[str, list[tuple[int, _Sentence]]] = {}  # per actor, sentences for the embedding model
    lexical_memo: dict[tuple[int, int], np.ndarray] = {}
    for actor_id, sentences in per_actor.items():
        lexical_count = 0
        for index, sentence in sentences.items():
            english = sentence.language in LEXICAL_LANGUAGES
            # Every sentence gets the cheap score (lexical in English, framing cues elsewhere), also
            # where the embedding model is to run: it is the fallback for sentences beyond the
            # embedding budget, which would otherwise not count at all (a French article with 26
            # actors had 9 of its 12 sentences about the United States left unscored).
            if lexical_count < MAX_SENTENCES_LEXICAL:
                lexical_count += 1
                proba, parsed_ok = _lexical(document, parsed, sentence, models, lexical_memo, cues_only=not english)
                results[(actor_id, index)] = (proba, "lexical", (not parsed_ok) or not english)
            if (not english and mode != "never") or (english and mode == "always"):
                wanted.setdefault(actor_id, []).append((index, sentence))
    to_embed = _choose_for_embedding(wanted, grouped)
    if to_embed:
        _embedding(document, to_embed, models, results)
    _language_warnings(document, per_actor, mode)

    tones = []
    for actor_id, sentences in per_actor.items():
        tone = _aggregate(document, actor_id, grouped[actor_id], sentences, results, models, bool(atypical))
        if tone is not None:
            tones.append(tone)
    tones.sort(key=lambda t: (-t.mentions, t.name.lower(), t.id))
    if any(t.low_confidence for t in tones):
        document.analysis_confidence = "low"
    return tones


def _choose_for_embedding(wanted: dict[str, list[tuple[int, _Sentence]]], grouped) -> list[tuple[str, int, _Sentence]]:
    """Sentences for the embedding model: every actor gets its first sentence, then each next one
    goes to the actor with the smallest share of its sentences chosen so far (ties: most mentioned
    first), so the budget follows how much the article says about each actor.  At most
    MAX_SENTENCES_EMBEDDING per actor and MAX_EMBEDDED_SENTENCES per document (the embedding model
    is the slow part); the others keep their cheap score (framing cues outside English).

    A plain round-robin gave an article's main actor no more than a passing one: in a French
    article with 26 actors, the United States (16 sentences) had 3 embedded."""
    order = sorted(wanted, key=lambda actor_id: (-len(grouped[actor_id]), actor_id))
    taken = {actor_id: 0 for actor_id in order}
    chosen: list[tuple[str, int, _Sentence]] = []
    while len(chosen) < MAX_EMBEDDED_SENTENCES:
        open_actors = [a for a in order if taken[a] < min(len(wanted[a]), MAX_SENTENCES_EMBEDDING)]
        if not open_actors:
            break
        actor_id = min(open_actors, key=lambda a: taken[a] / len(wanted[a]))  # min() keeps the first of ties
        index, sentence = wanted[actor_id][taken[actor_id]]
        chosen.append((actor_id, index, sentence))
        taken[actor_id] += 1
    return chosen


def _lexical(document, parsed, sentence: _Sentence, models: ToneModels, memo, cues_only: bool):
    """Mean lexical probabilities over the actor's mentions in the sentence; and whether it had a parse."""
    chunk = parsed.chunk_at(sentence.start)
    span = None
    if not cues_only and chunk is not None and chunk.doc is not None and chunk.language in LEXICAL_LANGUAGES:
        span = chunk.doc.char_span(
            sentence.start - chunk.start, sentence.end - chunk.start, alignment_mode="expand"
        )
    if span is not None:
        tokens, offset = spacy_tokens(span, chunk.start), chunk.start
    else:
        tokens, offset = regex_tokens(document.body, sentence.start, sentence.end), 0
    probabilities = []
    for mention in sentence.mentions:
        if mention not in memo:
            features = featurize(tokens, mention, sentence.language, span, offset, sentence.name_words)
            memo[mention] = models.lexical.proba(features, ("c:", "p:") if cues_only else None)
        probabilities.append(memo[mention])
    return np.mean(probabilities, axis=0), span is not None


def _embedding(document: Document, items, models: ToneModels, results) -> None:
    texts, cues, owners = [], [], []
    for actor_id, index, sentence in items:
        tokens = regex_tokens(document.body, sentence.start, sentence.end)
        for mention in sentence.mentions:
            texts.append(local_context(document.body, sentence.start, sentence.end, mention))
            cues.append(cue_vector(tokens, mention, sentence.language, sentence.name_words))
            owners.append((actor_id, index, sentence))
    vectors = embed.cached_passages(document.cache, texts)
    probabilities = models.embedding.proba(vectors, np.stack(cues))
    collected: dict[tuple[str, int], list[np.ndarray]] = defaultdict(list)
    for (actor_id, index, _), proba in zip(owners, probabilities):
        collected[(actor_id, index)].append(proba)
    for actor_id, index, sentence in items:  # one item per (actor, sentence)
        proba = np.mean(collected[(actor_id, index)], axis=0)
        english = sentence.language in LEXICAL_LANGUAGES
        if english and (actor_id, index) in results:  # "always" on English: average with the lexical model
            lexical, _, low = results[(actor_id, index)]
            weight = models.combine_weight
            results[(actor_id, index)] = (weight * lexical + (1 - weight) * proba, "combined", low)
        else:
            results[(actor_id, index)] = (proba, "embedding", not english)


def _language_warnings(document: Document, per_actor, mode: str) -> None:
    languages = {s.language for sentences in per_actor.values() for s in sentences.values()}
    for language in sorted((lang for lang in languages if lang not in LEXICAL_LANGUAGES), key=str):
        name = language or "unknown language"
        if mode == "never":
            document.warn(
                f"tone: {name} text with embeddings off is scored from framing cues only (low confidence)"
            )
        else:
            document.warn(
                f"tone: {name} text is scored by cross-lingual transfer of a model trained on English news "
                "(low confidence)"
            )


def _aggregate(document, actor_id, entities, sentences, results, models: ToneModels, atypical: bool) -> Tone | None:
    scored = [(sentences[i], results[(actor_id, i)]) for i in sentences if (actor_id, i) in results]
    names = Counter(e.name or e.text for e in entities)
    name = entities[0].name or names.most_common(1)[0][0]
    if not scored:
        return None
    adjusted = np.stack([models.adjust(proba, kind) for _, (proba, kind, _) in scored])
    # How an article treats an actor is decided by the sentences where it takes a stance: an
    # article that calls the coalition's record a sham in two sentences and reports in two others
    # that France joined it treats the coalition with hostility; a neutral factual sentence is the
    # absence of a stance, not a vote for neutrality.  A plain mean (or the earlier linear weight
    # 0.25 + p(polar), under which a clear neutral sentence still weighed a quarter of a clear
    # hostile one) let such factual mentions wash the hostile ones out (South Front on the
    # coalition: two sentences ~0.5 hostile, two neutral -> "neutral").  The weight grows with the
    # square of the sentence's polar probability, so a clearly polar sentence outweighs a clearly
    # neutral one ~20 to 1 while a doubtful one (p(neutral) ~0.6) weighs a fifth of a clear one;
    # the floor keeps neutral text neutral: when no sentence takes a clear stance the
    # neutral ones still carry the mean (wire copy stays "neutral", see the tests), and hostile and
    # favourable sentences about one actor still offset each other.  On a single sentence the
    # weights cancel: the label is the model's own decision, the one measured on NewsMTSC.
    weights = NEUTRAL_WEIGHT + (1.0 - adjusted[:, 1]) ** 2
    mean = (weights[:, None] * adjusted).sum(axis=0) / weights.sum()
    label = LABELS[int(np.argmax(mean))]
    evidence = sorted(
        ((sentence, float(proba[2] - proba[0])) for (sentence, _), proba in zip(scored, adjusted)),
        key=lambda item: (-abs(item[1]), item[0].start),
    )[:MAX_EVIDENCE]
    return Tone(
        id=actor_id,
        name=name,
        score=round(float(mean[2] - mean[0]), 4),
        label=label,
        evidence=[
            ToneEvidence(text=document.body[s.start : s.end], start=s.start, end=s.end, score=round(value, 4))
            for s, value in evidence
        ],
        mentions=len(entities),
        low_confidence=atypical or any(low for _, (_, _, low) in scored),
    )
