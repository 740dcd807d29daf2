"""The ``tone`` stage: how the article treats each actor it names (hostile, neutral, favourable).

Fills ``document.tone`` with one :class:`~newsprism.model.Tone` per resolved actor, with the
evidence sentences.  Target-dependent: each sentence is scored toward the actor's mention in it,
not as a whole.  See :mod:`.score` (actors, aggregation, which model runs when), :mod:`.features`
(the lexical features), :mod:`.cues` (our framing-cue lists), :mod:`.model` (the shipped weights)
and :mod:`.train` (``newsprism train tone``).
"""

from __future__ import annotations

from ..model import Document
from ..options import Options
from ..pipeline import stage
from .score import actors, score_document

__all__ = ["actors", "score_document", "tone_stage"]


@stage(
    "tone",
    requires=("entities",),
    description="Tone toward each actor: hostile, neutral or favourable, with evidence sentences",
)
def tone_stage(document: Document, options: Options) -> Document:
    document.tone = score_document(document, options)
    return document
