"""Quote extraction and attribution on PolNeAR (news articles on the 2016 US election).

Data: ``shared/data/quotes-polnear/train/`` (the released training compartment: 840 articles, text
in ``text/<stem>.txt``, brat standoff in ``attributions/<stem>_<annotator>.ann``: ``Source``,
``Cue`` and ``Content`` spans tied by ``Attribution`` events).  Articles annotated by several
annotators are read from the first annotation file in name order.

Split: an article is ``dev`` when sha1(its file stem) starts with 0-b, ``test`` when it starts with
c-f (about a quarter).  Development and tuning look at dev only.

Each article becomes a Document (language "en", every non-empty line a paragraph: some outlets'
texts separate paragraphs by single line breaks); the ``entities`` stage runs when it is installed,
then the ``quotes`` stage, each timed.  Scores, summed over articles:

* content overlap P/R/F1: predictions are matched one-to-one to gold content fragments they overlap
  (largest overlaps first; PolNeAR gives "“A,” he said. “B.”" one attribution whose content has two
  fragments, which contiguous quotes can only match piece by piece).  Precision: predictions
  matched; recall: gold attributions with at least one matched fragment.  Content exact: the same
  with equal spans once both are stripped of edge white space, punctuation, quote marks and a
  leading "that" (PolNeAR includes quote marks and the complementizer, newsprism gives the words);
* speaker (source) P/R/F1: a matched prediction whose speaker overlaps the gold source (P over
  predictions with a speaker, R over gold attributions with a source);
* cue P/R/F1 likewise with the cue span;
* recall per gold kind (direct: the content is one quoted span; mixed: it holds quote marks;
  indirect: none) and precision per predicted kind.

PolNeAR annotates every attribution, beliefs, perceptions and stances included ("he thinks",
"polls show", "she backed Trump"), and so does the stage: the ``all_attributions`` figures are the
headline.  The ``speech`` figures restrict the gold to attributions whose cue is a verb of saying
or communicating or a source phrase (the fixed list ``SPEECH_CUES``, independent of newsprism's own
lexicon), for comparison with extractors of speech only; predictions matching gold outside the
subset are left out of its precision.  PolNeAR never nests attributions (what "he said he believes"
believes is part of what he said), and its source for "X, who said …" is "who", where newsprism
gives X: those count as wrong speakers here.

    .venv/bin/python benchmarks/quotes_eval.py [--split dev|test|all]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from dataclasses import dataclass, field

from evaldata import RESULTS, ROOT

from newsprism.model import Document, Paragraph
from newsprism.options import Options

DATA = ROOT.parent / "shared" / "data" / "quotes-polnear" / "train"
# Verbs of saying and source phrases (stems), for the "speech" subset of the gold attributions.
SPEECH_CUES = re.compile(
    r"\b(?:say|said|tell|told|add|state|declar|announc|claim|wr[io]t|not(?:e|ed|es|ing)\b|explain|argu|insist|"
    r"warn|stress|emphasi|tweet|report|repl|respond|answer|ask|acknowledg|admit|confirm|den(?:y|ied|ies)|"
    r"suggest|contend|maintain|assert|alleg|comment|remark|observ|recall|predict|promis|pledg|vow|urg|"
    r"reiterat|conced|complain|testif|conclud|caution|reveal|disclos|mention|affirm|according to|quot|"
    r"cit(?:e|ed|es|ing)\b|describ|call(?:ed|s|ing)?\b|accus|criticiz|prais|defend|proclaim|point(?:ed|s)? out|"
    r"question|dismiss|recount|counter|retort|boast|joke|quip|shout|exclaim|lament|charg|hint|express|"
    r"told|speak|spoke|talk|interview|statement|remarks|wrote|post)",
    re.IGNORECASE,
)


def split_of(stem: str) -> str:
    return "dev" if hashlib.sha1(stem.encode("utf-8")).hexdigest()[0] in "0123456789ab" else "test"


@dataclass
class Gold:
    content: tuple[int, int]  # from the first fragment's start to the last one's end
    fragments: list[tuple[int, int]] = field(default_factory=list)
    source: list[tuple[int, int]] = field(default_factory=list)
    cue: list[tuple[int, int]] = field(default_factory=list)
    kind: str = "indirect"
    speech: bool = False


def _spans(offsets: str) -> list[tuple[int, int]]:
    return [tuple(map(int, part.split())) for part in offsets.split(";")]  # type: ignore[misc]


def load_gold(path, text: str) -> list[Gold]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if re.fullmatch(r"T\d+", parts[0]) and len(parts) > 1 and " " in parts[1]:
            label, offsets = parts[1].split(" ", 1)
            spans[parts[0]] = (label, _spans(offsets))
        elif re.fullmatch(r"E\d+", parts[0]) and len(parts) > 1:
            events.append(dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg))
    gold = []
    for event in events:
        if "Content" not in event or event["Content"] not in spans:
            continue
        fragments = spans[event["Content"]][1]
        content = (min(s for s, _ in fragments), max(e for _, e in fragments))
        entry = Gold(content, fragments)
        if event.get("Source") in spans:
            entry.source = spans[event["Source"]][1]
        if event.get("Cue") in spans:
            entry.cue = spans[event["Cue"]][1]
        body = text[content[0] : content[1]].strip().replace("''", '"')
        marks = sum(body.count(q) for q in "\"“”«»")
        if marks >= 2 and body[:1] in "\"“«" and body.rstrip(".,")[-1:] in "\"”»" and marks == 2:
            entry.kind = "direct"
        elif marks >= 1:
            entry.kind = "mixed"
        cue_text = " ".join(text[s:e] for s, e in entry.cue)
        entry.speech = bool(SPEECH_CUES.search(cue_text)) or cue_text.strip() == ":"
        gold.append(entry)
    return gold


def articles() -> list[tuple[str, str, list[Gold]]]:
    annotations: dict[str, object] = {}
    for path in sorted((DATA / "attributions").glob("*.ann")):
        stem = re.sub(r"_[0-9a-f]{4}$", "", path.stem)
        annotations.setdefault(stem, path)
    found = []
    for stem, path in sorted(annotations.items()):
        text_path = DATA / "text" / f"{stem}.txt"
        if text_path.exists():
            text = text_path.read_text(encoding="utf-8")
            found.append((stem, text, load_gold(path, text)))
    return found


def _normalise(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    if re.match(r"that\b", text[start:end], re.IGNORECASE):
        start += 4
        while start < end and not text[start].isalnum():
            start += 1
    return start, end


def _overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def make_document(stem: str, text: str) -> Document:
    paragraphs = [Paragraph(start=m.start(), end=m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]
    return Document(id=stem, source=stem, body=text, language="en", paragraphs=paragraphs)


def stage_functions() -> list:
    from newsprism.pipeline import _REGISTRY  # the registry as filled by the imports below
    import newsprism.quotes  # noqa: F401  (registers the stage)

    try:
        import newsprism.entities  # noqa: F401
    except ImportError:
        pass
    return [_REGISTRY[name].func for name in ("entities", "quotes") if name in _REGISTRY]


def score(text: str, predicted: list, gold: list[Gold], counts: dict) -> None:
    """Add one article's counts (see the module docstring).  Matching is one-to-one between
    predictions and content fragments: PolNeAR gives "“A,” he said. “B.”" one attribution with a
    two-fragment content, which a contiguous quote can only match piece by piece."""
    units = [(g_index, fragment) for g_index, entry in enumerate(gold) for fragment in entry.fragments]
    pairs = []
    for p_index, quote in enumerate(predicted):
        for u_index, (_, (start, end)) in enumerate(units):
            overlap = min(quote.end, end) - max(quote.start, start)
            if overlap > 0:
                pairs.append((overlap, p_index, u_index))
    pairs.sort(reverse=True)
    matched: dict[int, int] = {}  # prediction -> gold attribution
    used: set[int] = set()
    for _, p_index, u_index in pairs:
        if p_index not in matched and u_index not in used:
            matched[p_index] = units[u_index][0]
            used.add(u_index)
    exact_units: dict[tuple[int, int], int] = {}
    for u_index, (g_index, fragment) in enumerate(units):
        exact_units.setdefault(_normalise(text, *fragment), g_index)
        exact_units.setdefault(_normalise(text, *gold[g_index].content), g_index)
    for subset in ("all", "speech"):
        c = counts[subset]
        in_subset = [subset == "all" or g.speech for g in gold]
        c["gold"] += sum(in_subset)
        c["gold_source"] += sum(1 for g, keep in zip(gold, in_subset) if keep and g.source)
        c["gold_cue"] += sum(1 for g, keep in zip(gold, in_subset) if keep and g.cue)
        for kind in ("direct", "mixed", "indirect"):
            c[f"gold_{kind}"] += sum(1 for g, keep in zip(gold, in_subset) if keep and g.kind == kind)
        recalled: set[int] = set()
        exact_recalled: set[int] = set()
        speaker_recalled: set[int] = set()
        cue_recalled: set[int] = set()
        for p_index, quote in enumerate(predicted):
            g_index = matched.get(p_index)
            if g_index is not None and not in_subset[g_index]:
                continue  # matches gold outside the subset: neither right nor wrong here
            c["predicted"] += 1
            c[f"predicted_{quote.kind.value}"] += 1
            has_speaker = quote.speaker_start is not None
            c["predicted_speaker"] += has_speaker
            c["predicted_cue"] += quote.cue_start is not None
            exact = exact_units.get(_normalise(text, quote.start, quote.end))
            if exact is not None and in_subset[exact]:
                c["exact_predicted"] += 1
                exact_recalled.add(exact)
            if g_index is None:
                continue
            entry = gold[g_index]
            c["overlap_predicted"] += 1
            c[f"overlap_{quote.kind.value}"] += 1
            recalled.add(g_index)
            if has_speaker and entry.source and _overlaps((quote.speaker_start, quote.speaker_end), entry.source):
                c["speaker_predicted"] += 1
                speaker_recalled.add(g_index)
            if quote.cue_start is not None and entry.cue and _overlaps((quote.cue_start, quote.cue_end), entry.cue):
                c["cue_predicted"] += 1
                cue_recalled.add(g_index)
        c["overlap_recalled"] += len(recalled)
        c["exact_recalled"] += len(exact_recalled)
        c["speaker_recalled"] += len(speaker_recalled)
        c["cue_recalled"] += len(cue_recalled)
        for g_index in recalled:
            c[f"recalled_{gold[g_index].kind}"] += 1


def _prf(right_predicted: int, predicted: int, recalled: int, gold: int) -> dict:
    precision = right_predicted / predicted if predicted else 0.0
    recall = recalled / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def summarise(c: dict) -> dict:
    return {
        "gold_attributions": c["gold"],
        "predicted_quotes": c["predicted"],
        "content_overlap": _prf(c["overlap_predicted"], c["predicted"], c["overlap_recalled"], c["gold"]),
        "content_exact": _prf(c["exact_predicted"], c["predicted"], c["exact_recalled"], c["gold"]),
        "speaker": _prf(c["speaker_predicted"], c["predicted_speaker"], c["speaker_recalled"], c["gold_source"]),
        "cue": _prf(c["cue_predicted"], c["predicted_cue"], c["cue_recalled"], c["gold_cue"]),
        "recall_by_gold_kind": {
            kind: round(c[f"recalled_{kind}"] / c[f"gold_{kind}"], 4) if c[f"gold_{kind}"] else None
            for kind in ("direct", "mixed", "indirect")
        },
        "precision_by_predicted_kind": {
            kind: round(c[f"overlap_{kind}"] / c[f"predicted_{kind}"], 4) if c[f"predicted_{kind}"] else None
            for kind in ("direct", "mixed", "indirect")
        },
    }


def evaluate(split: str) -> dict:
    import collections

    functions = stage_functions()
    options = Options()
    data = [item for item in articles() if split == "all" or split_of(item[0]) == split]
    counts = {"all": collections.Counter(), "speech": collections.Counter()}
    seconds = collections.Counter()  # per stage; the first one includes the spaCy parse both share
    for stem, text, gold in data:
        document = make_document(stem, text)
        for function in functions:
            started = time.perf_counter()
            document = function(document, options)
            seconds[function.__module__] += time.perf_counter() - started
        score(text, document.quotes, gold, counts)
    elapsed = sum(seconds.values())
    headline = summarise(counts["all"])
    return {
        "split": split,
        "headline": {  # all attributions
            "speaker_f1": headline["speaker"]["f1"],
            "speaker_precision": headline["speaker"]["precision"],
            "speaker_recall": headline["speaker"]["recall"],
            "content_overlap_f1": headline["content_overlap"]["f1"],
        },
        "articles": len(data),
        "stages": [f.__module__ for f in functions],
        "seconds": round(elapsed, 1),
        "documents_per_second": round(len(data) / elapsed, 2) if elapsed else None,
        "seconds_per_stage": {name: round(value, 1) for name, value in seconds.items()},
        "quotes_stage_documents_per_second": round(len(data) / seconds["newsprism.quotes"], 1),
        "all_attributions": headline,
        "speech_attributions": summarise(counts["speech"]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    args = parser.parse_args()
    result = evaluate(args.split)
    json.dump(result, sys.stdout, indent=2)
    print()
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / "quotes.json"
    stored = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    stored[args.split] = result
    path.write_text(json.dumps(stored, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
