"""One parse of the body per document: per-paragraph model choice, bounded size, cached."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..model import Document
from .models import NER_INDEPENDENT_COMPONENTS, model_name, natasha, spacy_pipeline

# Paragraphs longer than this are parsed in pieces cut at sentence ends (or spaces): spaCy's
# parser cost and memory grow with the length of the text it is given at once.
MAX_CHUNK_CHARS = 10_000
# A "sentence" longer than this is almost always text without sentence punctuation (a transcript,
# a scraped table): the analysis still runs, but attributions across it are less reliable.
LONG_SENTENCE_CHARS = 3_000
# Bodies past this length get only rule-based sentences beyond it, so analysis time per document
# stays bounded (a warning names the cut).  Long-form news rarely passes 60k characters.
MAX_PARSED_CHARS = 200_000

# spaCy's tokenizer is quadratic on one long run of punctuation without spaces ("«»" × 5,000 took
# 10 s): a piece with a run this long gets rule-based sentences only.  Real words and URLs are shorter.
MAX_RUN_CHARS = 300
_LONG_RUN = re.compile(r"\S{%d,}" % (MAX_RUN_CHARS + 1))

_CACHE_KEY = "nlp.parse"
# Sentence ends for languages without a model: terminal punctuation (optionally closed by quotes or
# brackets) followed by white space, or a line break.
_SENTENCE_END = re.compile(r"(?<=[.!?…。！？؟])[\"'”’»)\]]*\s+|\n+")


@dataclass
class NerSpan:
    """A mention found by a statistical NER model; offsets into the parsed text."""

    start: int
    end: int
    label: str  # the model's own label (PERSON, PER, ORG, GPE, LOC, …)
    lemma: str | None = None  # normal form where the model gives one (natasha: "Дейр-эз-Зор")


@dataclass
class Chunk:
    """A paragraph (or a piece of a very long one) with its parse; offsets into the parsed text."""

    start: int
    end: int
    language: str | None
    model: str | None = None
    doc: Any | None = None  # spaCy Doc of text[start:end]: token.idx + start is the text offset
    sentences: list[tuple[int, int]] = field(default_factory=list)
    ner: list[NerSpan] = field(default_factory=list)


@dataclass
class ParsedBody:
    text: str
    chunks: list[Chunk]
    truncated_at: int | None = None  # characters past this got rule-based sentences only

    @property
    def sentences(self) -> list[tuple[int, int]]:
        return [span for chunk in self.chunks for span in chunk.sentences]

    @property
    def ner(self) -> list[NerSpan]:
        return [span for chunk in self.chunks for span in chunk.ner]

    @property
    def models(self) -> set[str]:
        return {chunk.model for chunk in self.chunks if chunk.model}

    def chunk_at(self, offset: int) -> Chunk | None:
        for chunk in self.chunks:
            if chunk.start <= offset < chunk.end:
                return chunk
        return None


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Rule-based sentences of ``text[start:end]`` as offsets into ``text``, white space trimmed."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    position = start
    for match in _SENTENCE_END.finditer(text, start, end):
        _append_trimmed(text, position, match.start(), spans)
        position = match.end()
    _append_trimmed(text, position, end, spans)
    return spans


def _append_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut ``text[start:end]`` into pieces of at most MAX_CHUNK_CHARS at sentence ends or spaces."""
    pieces = []
    while end - start > MAX_CHUNK_CHARS:
        limit = start + MAX_CHUNK_CHARS
        cut = max(text.rfind(". ", start, limit), text.rfind("\n", start, limit))
        if cut <= start + MAX_CHUNK_CHARS // 2:
            cut = text.rfind(" ", start, limit)
        cut = limit if cut <= start else cut + 1
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def _paragraph_spans(text: str, document: Document | None) -> list[tuple[int, int]]:
    if document is not None and document.paragraphs:
        return [(p.start, p.end) for p in document.paragraphs if 0 <= p.start < p.end <= len(text)]
    spans, position = [], 0
    for match in re.finditer(r"\n\s*\n", text):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, len(text)))
    return [(s, e) for s, e in spans if e > s]


def _language_at(document: Document | None, start: int, default: str | None) -> str | None:
    if document is not None:
        for entry in document.paragraph_languages:
            if entry.start <= start < entry.end and entry.language:
                return entry.language
    return default


def _ner_only_disabled(language: str, pipeline) -> list[str]:
    """Components that can be skipped when only names are wanted (reader comments): about half the cost."""
    return [name for name in NER_INDEPENDENT_COMPONENTS.get(language, ()) if name in pipeline.pipe_names]


def _parse_chunks(text: str, chunks: list[Chunk], ner_only: bool = False) -> None:
    """Fill the chunks' parses, batching the spaCy ones per language."""
    by_language: dict[str, list[Chunk]] = {}
    for chunk in chunks:
        if chunk.model:
            by_language.setdefault(chunk.language or "", []).append(chunk)
        else:
            chunk.sentences = sentence_spans(text, chunk.start, chunk.end)
    for language, group in by_language.items():
        pipeline = spacy_pipeline(language)
        if pipeline is not None:
            texts = [text[c.start : c.end] for c in group]
            disabled = _ner_only_disabled(language, pipeline) if ner_only else []
            for chunk, doc in zip(group, pipeline.pipe(texts, batch_size=32, disable=disabled)):
                chunk.doc = doc
                chunk.sentences = (
                    sentence_spans(text, chunk.start, chunk.end)
                    if ner_only
                    else [(chunk.start + s.start_char, chunk.start + s.end_char) for s in doc.sents if s.text.strip()]
                )
                chunk.ner = [
                    NerSpan(chunk.start + e.start_char, chunk.start + e.end_char, e.label_) for e in doc.ents
                ]
        elif language == "ru":
            for chunk in group:
                _parse_natasha(text, chunk)


def _parse_natasha(text: str, chunk: Chunk) -> None:
    from natasha import Doc

    tools = natasha()
    if tools is None:
        chunk.model = None
        chunk.sentences = sentence_spans(text, chunk.start, chunk.end)
        return
    doc = Doc(text[chunk.start : chunk.end])
    doc.segment(tools.segmenter)
    doc.tag_morph(tools.morph_tagger)
    doc.tag_ner(tools.ner_tagger)
    chunk.sentences = [(chunk.start + s.start, chunk.start + s.stop) for s in doc.sents]
    for span in doc.spans:
        span.normalize(tools.morph_vocab)
        chunk.ner.append(NerSpan(chunk.start + span.start, chunk.start + span.stop, span.type, span.normal))


def parse_text(
    text: str,
    language: str | None,
    document: Document | None = None,
    *,
    ner_only: bool = False,
    max_model_chars: int = MAX_PARSED_CHARS,
) -> ParsedBody:
    """Parse ``text`` paragraph by paragraph (languages from ``document`` when given).

    ``ner_only`` skips tagging and parsing (no dependency parse on the chunks' docs; rule-based sentences).
    Pieces starting past ``max_model_chars`` get rule-based sentences only (``truncated_at`` says so).
    """
    chunks: list[Chunk] = []
    truncated_at = None
    for start, end in _paragraph_spans(text, document):
        for piece_start, piece_end in _pieces(text, start, end):
            chunk_language = _language_at(document, piece_start, language)
            model = model_name(chunk_language)
            if piece_start >= max_model_chars:
                truncated_at = max_model_chars if truncated_at is None else truncated_at
                model = None
            elif model and _LONG_RUN.search(text, piece_start, piece_end):
                model = None
            chunks.append(Chunk(piece_start, piece_end, chunk_language, model))
    _parse_chunks(text, chunks, ner_only)
    return ParsedBody(text=text, chunks=chunks, truncated_at=truncated_at)


def parse(document: Document) -> ParsedBody:
    """The body's parse, made on first use and cached on the document."""
    cached = document.cache.get(_CACHE_KEY)
    if cached is None or cached.text is not document.body:
        cached = parse_text(document.body, document.language, document)
        document.cache[_CACHE_KEY] = cached
        longest = max((end - start for start, end in cached.sentences), default=0)
        if longest > LONG_SENTENCE_CHARS:
            document.warn(
                f"a sentence of {longest} characters (missing punctuation?): quotes and dates near it may be unreliable"
            )
        if cached.truncated_at is not None:
            document.warn(
                f"body longer than {MAX_PARSED_CHARS} characters: statistical models ran on the first "
                f"{MAX_PARSED_CHARS} only, rules on the rest"
            )
    return cached
