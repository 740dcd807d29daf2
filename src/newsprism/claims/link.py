"""The same claim across the articles of a batch, in any language.

For every document, its top claims (at most :data:`MAX_CLAIMS_PER_DOCUMENT`, best first) are
embedded with the multilingual e5 model (``newsprism.nlp.embed.passages``).  Each pair of claims
from *different* documents gets a calibrated probability that both state the same claim: a
logistic function of the cosine, of whether the two are in different languages (translations score
lower cosines than paraphrases: ~0.91 vs ~0.96) and of whether they state a number in common.  The
weights and the threshold were fitted on dev pairs (see :func:`newsprism.claims.train.train`): our
written pairs (``benchmarks/data/claims/pairs.jsonl``) and labelled sentence pairs of same-story
articles (``pairs-mined.jsonl``).

Embeddings cannot tell "40 killed" from "14 killed" or "raised" from "cut" (cosine ~0.98), so two
cheap guards veto a link: numbers stated by both that disagree (neither set contains the other),
and opposed event words (rise/fall, killed/wounded, approved/rejected, allowed/banned,
fled/returned, began/ended; see ``lexicon.OPPOSITES``).

Linked claims get a :class:`~newsprism.model.ClaimLink` each way (other document's id, index of
the claim in its ``claims``, probability), strongest first, at most :data:`MAX_LINKS_PER_CLAIM`.
Cost: one embedding per claim (~8 short sentences per article) and a blockwise cosine matrix, so
memory stays bounded; time grows with the square of the batch (fine for thousands of articles,
an approximate nearest-neighbour index would be needed beyond).
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..model import Claim, ClaimLink, Document, ParagraphLanguage
from ..options import Options
from .lexicon import classes_conflict, event_classes
from .numbers import disagree, numbers

MAX_CLAIMS_PER_DOCUMENT = 8
MAX_LINKS_PER_CLAIM = 20
# Embedding cost grows with length; a claim's first 400 characters carry what it asserts.
MAX_EMBED_CHARS = 400
_BLOCK = 1024
# Shared actor and place ids were tried as two more features (share of ids in common, no id in
# common) and left out: no gain on the written dev pairs (F1 0.844 with them, 0.848 without).  A
# number stated by both is strong evidence (dev F1 0.80 -> 0.83 with the same-story pairs added).
LINK_FEATURES = ("cosine", "crosslingual", "cosine_crosslingual", "shared_number")


@dataclass(frozen=True)
class ClaimText:
    text: str
    language: str | None


def pair_vector(cosine: float, first: ClaimText, second: ClaimText) -> np.ndarray:
    """The link model's features for one pair (see :data:`LINK_FEATURES`)."""
    cross = 1.0 if (first.language or "") != (second.language or "") else 0.0
    shared = 1.0 if numbers(first.text, first.language) & numbers(second.text, second.language) else 0.0
    return np.array([cosine, cross, cosine * cross, shared], dtype=np.float64)


def probability(vector: np.ndarray, model: dict) -> float:
    logit = float(vector @ np.asarray(model["weights"])) + model["intercept"]
    return 1.0 / (1.0 + math.exp(-logit))


def guard(first: ClaimText, second: ClaimText) -> str | None:
    """Why two claims cannot be the same claim whatever their embeddings say, or None."""
    if disagree(numbers(first.text, first.language), numbers(second.text, second.language)):
        return "numbers disagree"
    if classes_conflict(event_classes(first.text, first.language), event_classes(second.text, second.language)):
        return "opposed events"
    return None


def _min_cosine(model: dict) -> float:
    """The lowest cosine at which any pair can reach the threshold (a prefilter on the cosine matrix)."""
    threshold = model["threshold"]
    logit = math.log(threshold / (1 - threshold))
    weights, intercept = model["weights"], model["intercept"]
    bounds = []
    for cross in (0.0, 1.0):
        slope = weights[0] + weights[2] * cross
        offset = intercept + weights[1] * cross + max(weights[3], 0.0)  # with a shared number at best
        bounds.append((logit - offset) / slope if slope > 0 else -1.0)
    return min(bounds)


def _language_at(document: Document, offset: int) -> str | None:
    for entry in document.paragraph_languages:
        if entry.start <= offset < entry.end and entry.language:
            return entry.language
    return document.language


def link_claims(documents: list[Document], options: Options, *, per_document: int = MAX_CLAIMS_PER_DOCUMENT) -> None:
    """Add :class:`ClaimLink` entries between claims of different documents that state the same claim.

    ``per_document``: how many of each document's best claims are compared (each costs one
    embedding, ~0.1 s of CPU).  Nothing happens with ``options.link_claims`` off, with
    ``options.embeddings == "never"`` (linking needs the embeddings) or with fewer than two documents.
    """
    if not options.link_claims or options.embeddings == "never" or len(documents) < 2:
        return
    from ..nlp.embed import passages
    from .scorer import load_model

    model = load_model()["link"]
    batch_ids = {document.id for document in documents}
    owners: list[tuple[int, int]] = []  # (document position, claim index)
    texts: list[ClaimText] = []
    for position, document in enumerate(documents):
        for index, claim in enumerate(document.claims):
            claim.links = [link for link in claim.links if link.document not in batch_ids]  # re-linking is idempotent
            if index < per_document:
                owners.append((position, index))
                texts.append(ClaimText(claim.text, _language_at(document, claim.start)))
    if len({documents[position].id for position, _ in owners}) < 2:
        return
    vectors = passages([item.text[:MAX_EMBED_CHARS] for item in texts])
    document_of = np.array([position for position, _ in owners])
    ids = [documents[position].id for position, _ in owners]
    floor = _min_cosine(model)
    found: dict[tuple[int, int], float] = {}
    for block in range(0, len(owners), _BLOCK):
        sims = vectors[block : block + _BLOCK] @ vectors.T
        rows, cols = np.nonzero(sims >= floor)
        for row, col in zip(rows.tolist(), cols.tolist()):
            first = block + row
            if col <= first or document_of[first] == document_of[col] or ids[first] == ids[col]:
                continue
            a, b = texts[first], texts[col]
            p = probability(pair_vector(float(sims[row, col]), a, b), model)
            if p >= model["threshold"] and guard(a, b) is None:
                found[(first, col)] = p
    for (first, second), p in found.items():
        for source, target in ((first, second), (second, first)):
            position, index = owners[source]
            other_position, other_index = owners[target]
            documents[position].claims[index].links.append(
                ClaimLink(document=documents[other_position].id, claim=other_index, similarity=round(p, 4))
            )
    for position, index in owners:
        claim = documents[position].claims[index]
        claim.links.sort(key=lambda link: -link.similarity)
        del claim.links[MAX_LINKS_PER_CLAIM:]


def link_claims_in_file(path: Path, options: Options, *, per_document: int = MAX_CLAIMS_PER_DOCUMENT) -> int:
    """Link the claims of a finished run's ``documents.jsonl`` in place; returns the number of links added.

    For the batch runner, whose writer streams documents out as they are processed: only each
    document's id, languages and claims are held in memory, then the file is rewritten with the
    linked claims (through a temporary file, replaced atomically).
    """
    path = Path(path)
    if not options.link_claims or options.embeddings == "never" or not path.exists():
        return 0
    documents = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            documents.append(Document(
                id=record["id"], source=record.get("source", ""), language=record.get("language"),
                paragraph_languages=[ParagraphLanguage(**p) for p in record.get("paragraph_languages", [])],
                claims=[Claim(**claim) for claim in record.get("claims", [])],
            ))
    before = sum(len(claim.links) for document in documents for claim in document.claims)
    link_claims(documents, options, per_document=per_document)
    added = sum(len(claim.links) for document in documents for claim in document.claims) - before
    if added == 0 and before == 0:
        return 0
    claims = {document.id: [claim.model_dump(mode="json") for claim in document.claims] for document in documents}
    temporary = path.with_name(path.name + ".linking")
    with path.open(encoding="utf-8") as source, temporary.open("w", encoding="utf-8") as target:
        for line in source:
            if not line.strip():
                continue
            record = json.loads(line)
            record["claims"] = claims.get(record["id"], record.get("claims", []))
            target.write(json.dumps(record, ensure_ascii=False) + "\n")
    os.replace(temporary, path)
    return added
