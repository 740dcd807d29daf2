"""Entities stage: named entities of the body (and, apart, of the comments), linked to identities.

Recognition combines the language's statistical NER model (spaCy for en/fr/es, natasha for ru; see
:mod:`newsprism.nlp`) with a scan for the names the knowledge base knows (:mod:`.scan`).  Linking
gives each mention a canonical id: the knowledge base's (a Wikidata QID where there is one), the
full name's within the article for short forms ("Le Drian" after "Jean-Yves Le Drian"), or a stable
``np:`` id built from the name.  The knowledge base decides the type of the entities it knows (the
small NER models call "Daech" a place).  Places are linked by the ``places`` stage that follows.
Languages without an NER model get the scan alone and ``entity_coverage == "reduced"``.
"""

from __future__ import annotations

from ..kb import load_actor_kb
from ..model import Document
from ..nlp import NER_MODEL_LANGUAGES, parse, parse_text
from ..options import Options
from ..pipeline import stage
from .link import recognise_and_link

# Comments can outnumber the article many times over; their entities are a side view, so bounded.
MAX_COMMENT_CHARS = 200_000


@stage("entities", requires=("extract", "language"), description="Named entities linked to canonical identities")
def find_entities(document: Document, options: Options) -> Document:
    kb = load_actor_kb(tuple(options.alias_files))
    parsed = parse(document)
    document.entities = recognise_and_link(document.body, parsed, kb)
    has_model = any(chunk.model for chunk in parsed.chunks)
    document.entity_coverage = "full" if has_model or not document.body else "reduced"
    if document.body and not has_model:
        document.warn(
            f"no named-entity model for language {document.language or 'unknown'!r} "
            f"(models: {', '.join(sorted(NER_MODEL_LANGUAGES))}): entities come from knowledge-base names only"
        )
    document.comment_entities = _comment_entities(document, kb, options.comment_ner_chars)
    return document


def _comment_entities(document: Document, kb, ner_chars: int) -> list:
    """Entities of each comment, parsed together in one text and mapped back to the comment."""
    pieces, offsets, total = [], [], 0
    for comment in document.comments:
        if total + len(comment.text) > MAX_COMMENT_CHARS:
            document.warn(f"comments longer than {MAX_COMMENT_CHARS} characters: entities read from the first ones only")
            break
        offsets.append((total, comment))
        pieces.append(comment.text.replace("\n\n", "\n"))  # one comment = one paragraph of the joined text
        total += len(comment.text) + 2
    if not pieces:
        return []
    text = "\n\n".join(pieces)
    parsed = parse_text(text, document.language, ner_only=True, max_model_chars=ner_chars)
    if parsed.truncated_at is not None:
        document.warn(
            f"comments: statistical NER on the first {ner_chars} characters, knowledge-base names on all "
            "(raise Options.comment_ner_chars for more)"
        )
    found = recognise_and_link(text, parsed, kb)
    result = []
    for entity in found:
        for start, comment in reversed(offsets):
            if entity.start >= start:
                entity.start -= start
                entity.end -= start
                entity.comment = comment.id
                result.append(entity)
                break
    return result
