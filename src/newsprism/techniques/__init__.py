"""The ``techniques`` stage: which persuasion techniques the body uses, per paragraph and at which spans.

Three sources, merged per paragraph:

1. the **paragraph model** (:mod:`.paragraphs`, SemEval-2023 Task 3, six languages) decides which of
   the 23 techniques each paragraph uses (``paragraph_techniques``);
2. the **span model** (:mod:`.spans`, a CRF trained on PTC, English) and the **lexicons** of loaded,
   labelling and dehumanising vocabulary (:mod:`.lexicon`, en/fr/es/ru and more) say where;
3. a technique the paragraph model predicts but no span source located is placed on the sentence
   of the paragraph the paragraph model scores highest for it, so every predicted technique has
   evidence a reader can check.

Which paragraph model runs depends on ``options.embeddings`` (see :func:`paragraph_mode`): the fast
lexical model on its six training languages, the multilingual embedding model elsewhere (output
marked ``low_confidence``).  Atypical text (very short, lists and tables, all capitals, a language
without training data) gets a warning and ``analysis_confidence = "low"``.
"""

from __future__ import annotations

import bisect

import re

import numpy as np

from ..model import Document, ParagraphTechniques, QuoteKind, TechniqueSpan
from ..nlp.offsets import merge_ranges, strip_span
from ..options import Options
from ..pipeline import stage
from .data import DEFINITIONS, TECHNIQUES
from .paragraphs import TRAINED_LANGUAGES, shipped_model
from .spans import MODEL_VERSION as SPAN_MODEL_VERSION
from .spans import SpanModel

__all__ = ["DEFINITIONS", "TECHNIQUES", "techniques_stage"]

SPAN_LANGUAGES = frozenset({"en"})  # the span model is trained on PTC, English only
MIN_WORDS = 40  # below this an article is too short for the paragraph model's statistics
LEXICON_MODEL = "lexicon@2026.11"
# Spans below this confidence are dropped: at the lexicon's measured precision (e.g. "regime", right
# about one time in ten on the dev data) they would be noise that inflates the density.
MIN_CONFIDENCE = 0.2
# Lexicon hits are precise for a few techniques only (measured in benchmarks/lexicon_eval.py); their
# weight is the entry's precision estimate, combined with the paragraph model where both speak.
_WORD = re.compile(r"\w+", re.UNICODE)
_SENTENCE = re.compile(r"[^.!?…]+[.!?…]*")


def paragraph_mode(language: str | None, embeddings: str) -> str:
    """The paragraph model for a language under the ``embeddings`` option."""
    trained = language in TRAINED_LANGUAGES
    if embeddings == "always":
        return "combined" if trained else "embedding"
    if embeddings == "auto":
        return "lexical" if trained else "embedding"
    return "lexical"


def _fold_case(text: str) -> str:
    """Lower-case without changing length (offsets stay valid), for all-capitals text."""
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _atypical(document: Document, spans: list[tuple[int, int]]) -> list[str]:
    """Reasons the body is not running news prose, for the low-confidence warning."""
    body = document.body
    reasons = []
    words = len(_WORD.findall(body))
    if words < MIN_WORDS:
        reasons.append(f"very short ({words} words)")
    letters = [c for c in body if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) / len(letters) > 0.6:
        reasons.append("mostly capital letters")
    lines = [line for line in body.splitlines() if line.strip()]
    if len(lines) >= 5:
        listish = sum(1 for line in lines if len(line.split()) <= 6 and not line.rstrip().endswith((".", "!", "?", "»", '"')))
        tableish = sum(1 for line in lines if line.count("|") >= 2 or line.count("\t") >= 2)
        if (listish + tableish) / len(lines) > 0.5:
            reasons.append("mostly list or table lines")
    return reasons


def _language_of(document: Document, start: int) -> str | None:
    for entry in document.paragraph_languages:
        if entry.start <= start < entry.end and entry.language:
            return entry.language
    return document.language


def _paragraph_spans(document: Document) -> list[tuple[int, int]]:
    if document.paragraphs:
        return [(p.start, p.end) for p in document.paragraphs]
    spans, start = [], 0
    for part in document.body.split("\n\n"):
        if part.strip():
            spans.append((start, start + len(part)))
        start += len(part) + 2
    return spans


def _sentences_in(sentences: list[tuple[int, int]], start: int, end: int, text: str) -> list[tuple[int, int]]:
    inside = [(s, e) for s, e in sentences if s >= start and e <= end]
    if inside:
        return inside
    return [(start + m.start(), start + m.end()) for m in _SENTENCE.finditer(text, 0)
            if text[m.start():m.end()].strip()] or [(start, end)]



@stage("techniques", requires=("language",), description="Persuasion techniques per paragraph, with evidence spans")
def techniques_stage(document: Document, options: Options) -> Document:
    from ..nlp.parse import parse
    from .lexicon import lexicon_matches

    body = document.body
    paragraphs = _paragraph_spans(document)
    document.paragraph_techniques, document.techniques = [], []
    if not body.strip() or not paragraphs:
        document.technique_density, document.technique_counts = 0.0, {}
        document.analysis_confidence = "low"
        document.warn("techniques: low confidence: no body text to analyse")
        return document
    reasons = _atypical(document, paragraphs)
    all_caps = "mostly capital letters" in reasons
    model_text = _fold_case(body) if all_caps else body
    languages = [_language_of(document, start) for start, _ in paragraphs]
    untrained = sorted({lang or "unknown" for lang in languages if lang not in TRAINED_LANGUAGES})
    if untrained:
        reasons.append(f"no training data for {', '.join(untrained)} (multilingual model)")
    if reasons:
        document.warn("techniques: low confidence: " + "; ".join(reasons))
    document.analysis_confidence = "low" if reasons else "normal"
    low = bool(reasons)

    model = shipped_model()
    texts = [model_text[s:e] for s, e in paragraphs]
    modes = [paragraph_mode(lang, options.embeddings) for lang in languages]
    probabilities = np.zeros((len(texts), len(TECHNIQUES)), dtype=np.float32)
    thresholds = np.ones_like(probabilities)
    for mode in set(modes):
        rows = [i for i, m in enumerate(modes) if m == mode]
        vectors = None
        if mode != "lexical":
            from ..nlp.embed import cached_passages

            vectors = cached_passages(document.cache, [texts[i][:model.meta.get("embed_chars", 1200)] for i in rows])
        prediction = model.predict([texts[i] for i in rows], [languages[i] for i in rows], mode, vectors)
        probabilities[rows], thresholds[rows] = prediction.probabilities, prediction.thresholds

    parsed = parse(document)
    sentences = parsed.sentences
    # The span model was trained on sentences: give it the parser's sentences of English paragraphs.
    paragraph_sentences = [_sentences_in(sentences, start, end, body[start:end]) for start, end in paragraphs]
    english = [sentence for inside, lang in zip(paragraph_sentences, languages) if lang in SPAN_LANGUAGES
               for sentence in inside]
    # The CRF reads part-of-speech and dependency features: reuse the body's parse (same offsets,
    # also for case-folded text) instead of parsing again.
    crf_spans = SpanModel.load().predict(
        model_text, english, min_confidence=MIN_CONFIDENCE / 2,
        parsed=[(chunk.start, chunk.doc) for chunk in parsed.chunks if chunk.doc is not None],
    ) if english else []
    found: list[TechniqueSpan] = []
    for index, (start, end) in enumerate(paragraphs):
        language = languages[index]
        paragraph_low = low or language not in TRAINED_LANGUAGES
        predicted = [j for j in range(len(TECHNIQUES)) if probabilities[index, j] >= thresholds[index, j]]
        scores = {TECHNIQUES[j]: round(float(probabilities[index, j]), 3) for j in range(len(TECHNIQUES))
                  if probabilities[index, j] >= 0.5 * thresholds[index, j] and thresholds[index, j] <= 1.0}
        document.paragraph_techniques.append(ParagraphTechniques(
            start=start, end=end, techniques=[TECHNIQUES[j] for j in predicted], scores=scores,
            low_confidence=paragraph_low))
        in_paragraph = paragraph_sentences[index]
        spans = [_span(body, p.start, p.end, p.technique, p.confidence, SPAN_MODEL_VERSION, paragraph_low)
                 for p in crf_spans if start <= p.start and p.end <= end]
        for match in lexicon_matches(model_text, language or "", start, end):
            for technique in match.techniques:
                spans.append(_span(body, match.start, match.end, technique, match.weight, LEXICON_MODEL,
                                   paragraph_low))
        spans = _agree(spans, probabilities[index], thresholds[index])
        located = {s.technique for s in spans}
        unlocated = [j for j in predicted if TECHNIQUES[j] not in located]
        if unlocated:
            # The sentence the lexical model scores highest for the technique carries it (one
            # vectorisation per paragraph; a one-sentence paragraph needs none).
            sentence_scores = (model.lexical_probabilities([model_text[s:e] for s, e in in_paragraph])
                               if len(in_paragraph) > 1 else np.ones((1, len(TECHNIQUES))))
            for j in unlocated:
                s, e = in_paragraph[int(np.argmax(sentence_scores[:, j]))]
                spans.append(_span(body, s, e, TECHNIQUES[j], float(probabilities[index, j]),
                                   f"{model.version}:{modes[index]}:sentence", paragraph_low))
        found.extend(spans)
    document.techniques = _dedupe([span for span in found if span.confidence >= MIN_CONFIDENCE])
    words = len(_WORD.findall(body))
    document.technique_density = round(1000 * len(document.techniques) / words, 2) if words else 0.0
    document.own_voice_density = _own_voice_density(document, words) if "quotes" in document.stages else None
    counts: dict[str, int] = {}
    for span in document.techniques:
        counts[span.technique] = counts.get(span.technique, 0) + 1
    document.technique_counts = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return document


def _own_voice_density(document: Document, words: int) -> float:
    """Mark spans inside attributed (direct or mixed) quotes and return the density of the others over the unquoted words.

    A live blog that quotes officials' and activists' outrage reports persuasion; an outlet that writes
    it in its own sentences uses it.  Analysts comparing outlets need the two apart."""
    # Direct and mixed quotes carry the speaker's words; an indirect quote is the outlet's paraphrase,
    # so its wording stays the outlet's.
    quotes = sorted((q.start, q.end, q.speaker_name or q.speaker) for q in document.quotes
                    if q.end > q.start and q.kind != QuoteKind.INDIRECT)
    for span in document.techniques:
        middle = (span.start + span.end) // 2
        inside = next((q for q in quotes if q[0] <= middle < q[1]), None)
        span.quoted, span.speaker = inside is not None, inside[2] if inside else None
    covered = merge_ranges([(s, e) for s, e, _ in quotes])
    quoted_words = sum(len(_WORD.findall(document.body[s:e])) for s, e in covered)
    own_words = words - quoted_words
    own_spans = sum(not span.quoted for span in document.techniques)
    return round(1000 * own_spans / own_words, 2) if own_words > 0 else 0.0


def _span(body: str, start: int, end: int, technique: str, confidence: float, model: str, low: bool) -> TechniqueSpan:
    start, end = strip_span(body, start, end)
    return TechniqueSpan(technique=technique, start=start, end=end, text=body[start:end],
                         confidence=round(min(max(confidence, 0.0), 1.0), 3), model=model, low_confidence=low)


def _agree(spans: list[TechniqueSpan], probabilities: np.ndarray, thresholds: np.ndarray) -> list[TechniqueSpan]:
    """Raise the confidence of a span whose technique the paragraph model also predicts (two
    independent sources agree) and lower it where the paragraph model is far from predicting it."""
    index = {name: j for j, name in enumerate(TECHNIQUES)}
    out = []
    for span in spans:
        j = index[span.technique]
        p, t = float(probabilities[j]), float(min(thresholds[j], 0.95))
        if p >= t:
            span.confidence = round(1 - (1 - span.confidence) * (1 - p), 3)
        else:
            span.confidence = round(span.confidence * (0.5 + 0.5 * p / t), 3)
        out.append(span)
    return out


def _dedupe(spans: list[TechniqueSpan]) -> list[TechniqueSpan]:
    """One span per (technique, overlapping region): keep the most confident, widest on ties."""
    spans = sorted(spans, key=lambda s: (-s.confidence, -(s.end - s.start)))
    # Kept spans of one technique never overlap, so sorted by start they are also sorted by end: a new
    # span can only overlap its neighbours there (bisect, not a scan: a 40,000-sentence body stays fast).
    starts: dict[str, list[int]] = {}
    ends: dict[str, list[int]] = {}
    kept: list[TechniqueSpan] = []
    for span in spans:
        first, last = starts.setdefault(span.technique, []), ends.setdefault(span.technique, [])
        at = bisect.bisect_left(first, span.end)  # kept spans starting before this one ends: [0, at)
        if at and last[at - 1] > span.start:
            continue
        first.insert(at, span.start)
        last.insert(at, span.end)
        kept.append(span)
    return sorted(kept, key=lambda s: (s.start, s.end, s.technique))
