"""Shared linguistic analysis of the body: sentences, tokens, parses and raw NER spans.

Not a stage itself: the entity, place, date and quote stages all read one parse of the body,
made once per document per process by :func:`parse` and cached on the document (dropped before
the document is written or sent back from a worker).  Each paragraph is parsed with the model of
its own language (``paragraph_languages``), so a French quote inside an English article gets the
French pipeline.  Models are the offline ones listed in ``../shared/MODELS.md``: spaCy pipelines
for English, French and Spanish, natasha for Russian; other languages get a rule-based sentence
split and no statistical NER (the entity stage then falls back to knowledge-base matching and
marks the document as reduced coverage).
"""

from .parse import Chunk, ParsedBody, parse, parse_text, sentence_spans
from .models import NER_MODEL_LANGUAGES, model_name

__all__ = ["Chunk", "ParsedBody", "parse", "parse_text", "sentence_spans", "NER_MODEL_LANGUAGES", "model_name"]
