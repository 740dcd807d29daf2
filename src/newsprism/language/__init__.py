"""Language stage: the body's language, per-paragraph languages and mixed-language warnings.

Identification is lingua's (``lingua-language-detector``), restricted to ``options.languages``:
a smaller candidate set is both faster and more accurate on short news paragraphs.
Mixed documents are found paragraph by paragraph with ``compute_language_confidence_values``
rather than with ``detect_multiple_languages_of``: on news text the latter splits single-language
sentences into short runs of unrelated languages (an English+French pair came back with an Italian
run), while paragraph boundaries are where real language switches happen (quotes, translations).

Two passes keep it fast and small: lingua's low-accuracy mode (trigrams only, about 3x faster and
as good as the full models from ~120 characters on) judges every paragraph; lingua's full models,
which make it accurate on short text but cost ~25 MB per language and process, are used only for
short texts and only for the few candidate languages the fast pass proposes, so a corpus loads
the full models of the languages it actually contains, not of every configured one.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

from ..model import Document, ParagraphLanguage
from ..options import Options
from ..pipeline import stage

# lingua's accuracy saturates after a few hundred characters, so each paragraph is judged on a
# bounded sample: a 100k-character body costs about as much as a 10k-character one.
PARAGRAPH_SAMPLE_CHARS = 200
# A paragraph the fast pass is unsure of (or that disagrees with the majority) is judged again on more text.
DOUBTFUL_SAMPLE_CHARS = 1000
# Candidate languages (the fast pass's best) the full models choose among on short texts.
PRECISE_CANDIDATES = 5
DOCUMENT_SAMPLE_CHARS = 1500  # short documents and the title+comments fallback
# Paragraphs judged one by one; later ones inherit the document language (keeps huge bodies bounded).
MAX_JUDGED_PARAGRAPHS = 300
# Fewer letters than this and lingua's answer is close to a coin toss: inherit the document language.
MIN_LETTERS = 20
# Paragraphs shorter than this inherit the document language: on headings, captions and one-liners a
# per-paragraph verdict is mostly noise, and lingua's fast mode matches its full models only from
# about this length on (lingua's documentation).
MIN_JUDGED_CHARS = 120
# Share of body characters another language must reach for the document to count as mixed.
MIXED_SHARE = 0.20
LOW_CONFIDENCE = 0.5
# lingua's confidences differ in the last bits from run to run (its sums are not ordered):
# rounded so the same input gives the same output file, whatever the process.
CONFIDENCE_DIGITS = 4

_LETTER = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=8)
def detector_for(codes: tuple[str, ...]) -> LanguageDetector:
    """The fast (low-accuracy mode) detector for one language set, built once per process."""
    languages = {Language.from_iso_code_639_1(IsoCode639_1.from_str(code)) for code in codes}
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


@lru_cache(maxsize=64)
def _precise_detector(languages: frozenset[Language]) -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*languages).build()


def _precise_top(fast: LanguageDetector, text: str) -> tuple[Language, float] | None:
    """Best language of a short text: the full models choose among the fast pass's best candidates."""
    values = fast.compute_language_confidence_values(text)
    candidates = frozenset(v.language for v in values[:PRECISE_CANDIDATES] if v.value > 0)
    if len(candidates) > 1:
        values = _precise_detector(candidates).compute_language_confidence_values(text)
    return _first(values)


def _code(language: Language) -> str:
    return language.iso_code_639_1.name.lower()


def _sample(text: str, limit: int) -> str:
    """The start of ``text`` up to ``limit`` characters, cut at a word boundary."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit]


def _letters(text: str) -> int:
    return len(_LETTER.findall(text))


def _paragraph_spans(document: Document) -> list[tuple[int, int]]:
    """Paragraph offsets into the body: the extract stage's, else blank-line separated blocks."""
    if document.paragraphs:
        return [(p.start, p.end) for p in document.paragraphs]
    return [(m.start(), m.end()) for m in re.finditer(r"\S(?:.*?\S)?(?=\s*\n\s*\n|\s*\Z)", document.body, re.S)]


def _shares(judged: dict[int, tuple[Language, float]], spans: list[tuple[int, int]]) -> dict[Language, int]:
    """Body characters per language, from the judged paragraphs."""
    shares: dict[Language, int] = {}
    for index, (language, _) in judged.items():
        start, end = spans[index]
        shares[language] = shares.get(language, 0) + (end - start)
    return shares


def _majority(judged: dict[int, tuple[Language, float]], spans: list[tuple[int, int]]) -> Language | None:
    shares = _shares(judged, spans)
    return max(shares, key=shares.__getitem__) if shares else None


def _first(values) -> tuple[Language, float] | None:
    if not values or values[0].value <= 0:
        return None
    return values[0].language, round(values[0].value, CONFIDENCE_DIGITS)


def _set_language(document: Document, language: Language, confidence: float) -> None:
    document.language = _code(language)
    document.language_confidence = confidence
    if confidence < LOW_CONFIDENCE:
        document.warn(f"low language confidence: {document.language} {confidence:.2f}")


@stage("language", requires=("extract",), description="Language of the body and of each paragraph (lingua)")
def identify_language(document: Document, options: Options) -> Document:
    fast = detector_for(tuple(options.languages))
    document.language = document.language_confidence = None
    document.paragraph_languages = []
    if document.body.strip():
        _identify_body(document, fast)
    else:
        fallback = "\n".join([document.title or "", *(c.text for c in document.comments)])
        if _letters(fallback):
            document.warn("body is empty: language identified from title and comments")
            top = _precise_top(fast, _sample(fallback.strip(), DOCUMENT_SAMPLE_CHARS))
            if top is not None:
                _set_language(document, *top)
    if document.language is None:
        document.warn("no text to identify language")
    return document


def _identify_body(document: Document, fast: LanguageDetector) -> None:
    body = document.body
    spans = _paragraph_spans(document)
    samples = [_sample(body[start:end], PARAGRAPH_SAMPLE_CHARS) for start, end in spans]
    to_judge = [
        i for i, text in enumerate(samples[:MAX_JUDGED_PARAGRAPHS])
        if len(text) >= MIN_JUDGED_CHARS and _letters(text) >= MIN_LETTERS
    ]
    # One batched call per document rather than one per paragraph: per-call overhead dominates on
    # short paragraphs, and lingua spreads a batch over threads.
    results = fast.compute_language_confidence_values_in_parallel([samples[i] for i in to_judge])
    judged = {i: top for i, values in zip(to_judge, results, strict=True) if (top := _first(values)) is not None}
    provisional = _majority(judged, spans)
    doubtful = [
        i for i in to_judge
        if i not in judged or judged[i][0] != provisional or judged[i][1] < LOW_CONFIDENCE
    ]
    if doubtful:
        longer = [_sample(body[spans[i][0] : spans[i][1]], DOUBTFUL_SAMPLE_CHARS) for i in doubtful]
        results = fast.compute_language_confidence_values_in_parallel(longer)
        for index, values in zip(doubtful, results, strict=True):
            top = _first(values)
            if top is None:
                judged.pop(index, None)
            else:
                judged[index] = top
    shares = _shares(judged, spans)

    if shares:
        majority = max(shares, key=shares.__getitem__)
        # Confidence on the majority-language paragraphs only, so a mixed document does not drag it
        # down: their length-weighted mean (no further pass over the text).
        weights = {i: spans[i][1] - spans[i][0] for i, (language, _) in judged.items() if language == majority}
        confidence = round(
            sum(judged[i][1] * weight for i, weight in weights.items()) / sum(weights.values()), CONFIDENCE_DIGITS
        )
    else:  # only short paragraphs: judge them together
        top = _precise_top(fast, _sample(body, DOCUMENT_SAMPLE_CHARS))
        if top is None:
            return
        majority, confidence = top
    _set_language(document, majority, confidence)

    total = sum(shares.values())
    if any(share / total >= MIXED_SHARE for language, share in shares.items() if language != majority):
        listed = sorted(shares.items(), key=lambda item: -item[1])
        document.warn("mixed languages: " + ", ".join(f"{_code(lang)} {round(100 * n / total)}%" for lang, n in listed))

    # Too short (or past the budget) to judge: inherit the document language, with their own confidence.
    inheriting = [i for i in range(len(spans)) if i not in judged]
    values = fast.compute_language_confidence_in_parallel([samples[i] for i in inheriting], majority)
    inherited = dict(zip(inheriting, values, strict=True))
    for index, (start, end) in enumerate(spans):
        language, value = judged.get(index, (majority, round(inherited.get(index, 0.0), CONFIDENCE_DIGITS)))
        document.paragraph_languages.append(
            ParagraphLanguage(start=start, end=end, language=_code(language), confidence=value)
        )
