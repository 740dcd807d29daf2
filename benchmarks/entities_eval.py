"""NER and entity-linking figures of the entities stage on HIPE-2022 (historical newspapers, EN and FR).

Data: ``shared/data/entities-hipe/`` (HIPE-2022 v2.1 dev files: hipe2020 EN and FR, newseye FR,
topres19th EN).  Each document's text is rebuilt from its tokens (``NoSpaceAfter`` joins two
tokens, except newseye's lost line breaks, see ``LOST_LINE_BREAKS``; ``EndOfLine`` is an OCR column
line break, written as a space because newsprism bodies keep a paragraph on one line; the data marks
no paragraphs, so a document is one paragraph), keeping every token's character offsets, so the
gold IOB mentions of ``NE-COARSE-LIT`` become spans.  The text goes through the ``entities`` stage
(and ``places`` when that stage is installed).

Types, ours → HIPE coarse: person → pers; organisation, armed_group → org; location, facility →
loc (HIPE's loc covers buildings, streets and addresses); event → not scored (HIPE has no event
type); other → not scored rather than prod: on dev the stage outputs no ``other`` at all (it keeps
one only when the knowledge base links it), so the choice changes nothing there; the counts of
unscored predictions are in the results.  HIPE's ``time`` (absolute dates) and ``prod``
(newspapers, doctrines) stay in the gold, so the all-types figure counts them as misses; the
``pers/org/loc`` figure is over the types we produce.  topres19th annotates toponyms only (LOC,
BUILDING, STREET → loc): it is reported apart and only our loc mentions are scored there.

Scores follow the HIPE scorer at token level: our character spans become the tokens they touch
(what an IOB submission would label).  Strict: same tokens and type.  Fuzzy: overlapping tokens
and same type.  Unlike the HIPE scorer (nervaluate), which lets two predictions both match one
gold mention, matching is one-to-one, so micro P = TP / predicted, R = TP / gold.

Linking (actors only: the places stage gives GeoNames ids, not QIDs): among gold literal mentions
whose Wikidata QID is an id of ``load_actor_kb()``, the share that one of our entities overlapping
the mention carries that id.  Coverage: how many of the gold QIDs (distinct, and mentions) the KB
has.

Split: a document is ``dev`` when sha1(document id) starts with 0-7, else ``test``; develop on dev.

    .venv/bin/python benchmarks/entities_eval.py                      # every split; writes results/entities.json
    .venv/bin/python benchmarks/entities_eval.py --split dev --show-errors
"""

from __future__ import annotations

import argparse
import bisect
import collections
import datetime
import importlib
import json
import os
import platform
import sys
import time
from dataclasses import dataclass, field

from evaldata import RESULTS, ROOT, SPLITS, split_of

from newsprism.entities import find_entities
from newsprism.kb import load_actor_kb
from newsprism.model import Document, EntityType, Paragraph
from newsprism.options import Options
from newsprism.pipeline import load_stages

DATA = ROOT.parent / "shared" / "data" / "entities-hipe"
FILES = {  # dataset name → file; topres19th is scored on toponyms only
    "hipe2020-en": "HIPE-2022-v2.1-hipe2020-dev-en.tsv",
    "hipe2020-fr": "HIPE-2022-v2.1-hipe2020-dev-fr.tsv",
    "newseye-fr": "HIPE-2022-v2.1-newseye-dev-fr.tsv",
    "topres19th-en": "HIPE-2022-v2.1-topres19th-dev-en.tsv",
}
TOPONYMS_ONLY = {"topres19th-en"}
# newseye marks OCR line breaks as NoSpaceAfter ("desimpôts", "M.Millerand", "excepté,bien"): there a
# NoSpaceAfter is kept only where text is glued in print (before punctuation, after an apostrophe,
# hyphen, "¬" or opening bracket), else the line break is a space.
LOST_LINE_BREAKS = {"newseye-fr"}
_GLUE_AFTER = tuple("'’-¬([«“\"")
# Aggregates over the full-tagset datasets, by language (topres19th stays apart).
LANGUAGES = {"en": ("hipe2020-en",), "fr": ("hipe2020-fr", "newseye-fr")}
GOLD_TYPES = {"per": "pers", "pers": "pers", "org": "org", "loc": "loc", "building": "loc", "street": "loc",
              "prod": "prod", "humanprod": "prod", "time": "time"}
OUR_TYPES = {
    EntityType.PERSON: "pers",
    EntityType.ORGANISATION: "org",
    EntityType.ARMED_GROUP: "org",
    EntityType.LOCATION: "loc",
    EntityType.FACILITY: "loc",
    EntityType.EVENT: None,
    EntityType.OTHER: None,
}
PRODUCED = ("pers", "org", "loc")


@dataclass
class Mention:
    start: int  # token indices, end exclusive
    end: int
    type: str
    qid: str | None = None
    text: str = ""


@dataclass
class HipeDocument:
    id: str
    dataset: str
    language: str
    tokens: list[str] = field(default_factory=list)
    misc: list[set[str]] = field(default_factory=list)
    coarse: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    text: str = ""
    offsets: list[tuple[int, int]] = field(default_factory=list)
    gold: list[Mention] = field(default_factory=list)

    @property
    def split(self) -> str:
        return split_of(self.id)


def read_file(dataset: str) -> list[HipeDocument]:
    """The documents of one HIPE TSV file, with text, token offsets and gold mentions."""
    documents: list[HipeDocument] = []
    columns: dict[str, int] = {}
    language = dataset.rsplit("-", 1)[1]
    for line in (DATA / FILES[dataset]).read_text(encoding="utf-8").splitlines():
        if line.startswith("TOKEN\t"):
            columns = {name: i for i, name in enumerate(line.split("\t"))}
        elif line.startswith("#") and "\t" not in line:  # metadata; a "#" token has tab-separated columns
            key, _, value = line[1:].partition("=")
            if key.strip() == "hipe2022:document_id":
                documents.append(HipeDocument(value.strip(), dataset, language))
            elif key.strip() == "hipe2022:language":
                documents[-1].language = value.strip()
        elif line.strip():
            cells = line.split("\t")
            document = documents[-1]
            document.tokens.append(cells[columns["TOKEN"]])
            document.misc.append(set(cells[columns["MISC"]].split("|")))
            document.coarse.append(cells[columns["NE-COARSE-LIT"]])
            document.links.append(cells[columns["NEL-LIT"]])
    for document in documents:
        _rebuild(document)
    return documents


def _rebuild(document: HipeDocument) -> None:
    pieces, position, tokens = [], 0, document.tokens
    for i, token in enumerate(tokens):
        document.offsets.append((position, position + len(token)))
        pieces.append(token)
        position += len(token)
        if i + 1 < len(tokens) and not _glued(document, i):
            pieces.append(" ")
            position += 1
    document.text = "".join(pieces)
    document.gold = _iob_mentions(document)


def _glued(document: HipeDocument, i: int) -> bool:
    if "NoSpaceAfter" not in document.misc[i]:
        return False
    if document.dataset not in LOST_LINE_BREAKS:
        return True
    following = document.tokens[i + 1]
    return document.tokens[i].endswith(_GLUE_AFTER) or not following[:1].isalnum()


def _iob_mentions(document: HipeDocument) -> list[Mention]:
    """Mentions from IOB tags; an I- tag that does not continue a same-type mention opens one."""
    mentions: list[Mention] = []
    current: Mention | None = None
    for i, tag in enumerate(document.coarse):
        prefix, _, label = tag.partition("-")
        kind = GOLD_TYPES.get(label.lower()) if prefix in ("B", "I") else None
        if kind is None:
            current = None
            continue
        if prefix == "I" and current is not None and current.type == kind and current.end == i:
            current.end = i + 1
            continue
        link = document.links[i]
        current = Mention(i, i + 1, kind, link if link.startswith("Q") else None)
        mentions.append(current)
    for mention in mentions:
        mention.text = document.text[document.offsets[mention.start][0] : document.offsets[mention.end - 1][1]]
    return mentions


def places_stage():
    """The ``places`` stage function when that stage is installed, else None."""
    try:
        importlib.import_module("newsprism.places")
    except ImportError:
        return None
    found = load_stages().get("places")
    return found.func if found else None


def analyse(document: HipeDocument, options: Options, places) -> Document:
    body = Document(id=document.id, source=f"hipe:{document.dataset}:{document.id}", body=document.text,
                    language=document.language, paragraphs=[Paragraph(start=0, end=len(document.text))])
    body = find_entities(body, options)
    return places(body, options) if places else body


def predicted(document: HipeDocument, result: Document) -> tuple[list[Mention], list[Mention]]:
    """(scored mentions, every mention with its id) as token spans of the document."""
    starts = [start for start, _ in document.offsets]
    ends = [end for _, end in document.offsets]
    scored, linked = [], []
    for entity in result.entities:
        first = bisect.bisect_right(ends, entity.start)  # first token ending after the span starts
        last = bisect.bisect_left(starts, entity.end)  # tokens starting before the span ends
        if first >= last:
            continue
        kind = OUR_TYPES[entity.type]
        linked.append(Mention(first, last, kind or entity.type.value, entity.id, entity.text))
        if kind and (document.dataset not in TOPONYMS_ONLY or kind == "loc"):
            scored.append(Mention(first, last, kind, entity.id, entity.text))
    return scored, linked


def _overlap(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def score(gold: list[Mention], pred: list[Mention], kb_ids: set[str], linked: list[Mention]) -> dict:
    """Counts of one document: per type strict/fuzzy tp/fp/fn, error classes, linking."""
    counts: dict = collections.defaultdict(collections.Counter)
    counts["unscored"] = collections.Counter(m.type for m in linked) - collections.Counter(m.type for m in pred)
    exact = collections.Counter((m.start, m.end, m.type) for m in gold)
    for m in pred:
        key = (m.start, m.end, m.type)
        counts[m.type]["strict_tp" if exact[key] > 0 else "strict_fp"] += 1
        exact[key] -= 1
    for (_, _, kind), left in exact.items():
        counts[kind]["strict_fn"] += max(left, 0)
    # Fuzzy, one-to-one: exact matches first, then the first overlapping same-type gold mention.
    free = list(gold)
    matched: list[tuple[Mention, Mention]] = []
    rest = []
    for m in pred:
        same = next((g for g in free if (g.start, g.end, g.type) == (m.start, m.end, m.type)), None)
        if same:
            free.remove(same)
            matched.append((same, m))
        else:
            rest.append(m)
    for m in rest:
        hit = next((g for g in free if g.type == m.type and _overlap(g, m)), None)
        if hit:
            free.remove(hit)
            matched.append((hit, m))
        else:
            counts[m.type]["fuzzy_fp"] += 1
            wrong = next((g for g in gold if _overlap(g, m)), None)
            if wrong is None:
                counts["errors"][f"spurious {m.type}"] += 1
            else:  # same type: a second piece of a gold mention another prediction matched
                counts["errors"][f"split {m.type}" if wrong.type == m.type else f"type {wrong.type}->{m.type}"] += 1
    for g, m in matched:
        counts[g.type]["fuzzy_tp"] += 1
        if (g.start, g.end) != (m.start, m.end):
            counts["errors"][f"boundary {g.type}"] += 1
    for g in free:
        counts[g.type]["fuzzy_fn"] += 1
        if not any(_overlap(g, m) for m in pred):
            counts["errors"][f"missed {g.type}"] += 1
    for g in gold:
        if g.qid:
            counts["link"]["gold_qid_mentions"] += 1
            if g.qid in kb_ids:
                counts["link"]["in_kb"] += 1
                around = [m for m in linked if _overlap(g, m)]
                counts["link"]["in_kb_found"] += bool(around)
                counts["link"]["in_kb_correct"] += any(m.qid == g.qid for m in around)
    return counts


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "tp": tp, "fp": fp, "fn": fn}


def figures(items: list[tuple[HipeDocument, dict]], kb_ids: set[str]) -> dict:
    totals: dict = collections.defaultdict(collections.Counter)
    for _, counts in items:
        for key, counter in counts.items():
            totals[key].update(counter)
    kinds = sorted(k for k in totals if k not in ("errors", "link", "unscored"))

    def micro(mode: str, types) -> dict:
        return _prf(*(sum(totals[k][f"{mode}_{c}"] for k in types) for c in ("tp", "fp", "fn")))

    qids = {g.qid for document, _ in items for g in document.gold if g.qid}
    link = totals["link"]
    return {
        "documents": len(items),
        "tokens": sum(len(document.tokens) for document, _ in items),
        "gold_mentions": sum(len(document.gold) for document, _ in items),
        "strict": micro("strict", kinds),
        "fuzzy": micro("fuzzy", kinds),
        "strict_pers_org_loc": micro("strict", PRODUCED),
        "fuzzy_pers_org_loc": micro("fuzzy", PRODUCED),
        "by_type": {k: {"strict": micro("strict", [k]), "fuzzy": micro("fuzzy", [k])} for k in kinds},
        "linking": {
            "gold_qids": len(qids),
            "gold_qids_in_kb": len(qids & kb_ids),
            "gold_qid_mentions": link["gold_qid_mentions"],
            "mentions_in_kb": link["in_kb"],
            "mentions_in_kb_found": link["in_kb_found"],
            "accuracy": round(link["in_kb_correct"] / link["in_kb"], 4) if link["in_kb"] else None,
        },
        "errors": dict(totals["errors"].most_common()),
        "unscored_predictions": dict(totals["unscored"].most_common()),
    }


def groups(results: list[tuple[HipeDocument, dict]], split: str) -> dict[str, dict]:
    chosen = [(d, c) for d, c in results if split in ("all", d.split)]
    named = {name: [(d, c) for d, c in chosen if d.dataset == name] for name in FILES}
    named |= {language: [(d, c) for d, c in chosen if d.dataset in members] for language, members in LANGUAGES.items()}
    return named


def show_errors(results: list[tuple[HipeDocument, dict, list[Mention]]], limit: int = 25) -> None:
    """Examples of misses and false positives on dev documents (never test)."""
    examples: dict[str, list[str]] = collections.defaultdict(list)
    for document, _, pred in results:
        if document.split != "dev":
            continue
        for g in document.gold:
            if not any(_overlap(g, m) and m.type == g.type for m in pred):
                other = [f"{m.text!r}:{m.type}" for m in pred if _overlap(g, m)]
                examples[f"{document.dataset} missed {g.type}"].append(f"{g.text!r} {' '.join(other)}")
        for m in pred:
            if not any(_overlap(g, m) and m.type == g.type for g in document.gold):
                other = [f"{g.text!r}:{g.type}" for g in document.gold if _overlap(g, m)]
                examples[f"{document.dataset} false {m.type}"].append(f"{m.text!r} {' '.join(other)}")
    for name, lines in sorted(examples.items()):
        print(f"\n== {name} ({len(lines)})")
        for line in lines[:limit]:
            print("  ", line[:160])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=SPLITS, default="all",
                        help="documents to run (all: figures for dev, test and all, written to results/entities.json)")
    parser.add_argument("--show-errors", action="store_true", help="print missed and false mentions of dev documents")
    args = parser.parse_args()
    documents = [d for name in FILES for d in read_file(name) if args.split in ("all", d.split)]
    options = Options()
    kb = load_actor_kb()
    kb_ids = set(kb.entries)
    places = places_stage()
    for language in ("en", "fr"):  # load models and indexes before the clock starts
        analyse(HipeDocument("warm-up", "warm-up", language, text="Paris, London."), options, places)
    results, started = [], time.perf_counter()
    for document in documents:
        scored, linked = predicted(document, analyse(document, options, places))
        results.append((document, score(document.gold, scored, kb_ids, linked), scored))
    seconds = time.perf_counter() - started
    pairs = [(d, c) for d, c, _ in results]
    splits = SPLITS if args.split == "all" else (args.split,)
    report = {split: {name: figures(items, kb_ids) for name, items in groups(pairs, split).items() if items}
              for split in splits}
    characters = sum(len(d.text) for d in documents)
    print(f"{'split':5} {'data':14} {'docs':>4} {'gold':>5}  {'strict P/R/F1':>17}  {'fuzzy P/R/F1':>17}  "
          f"{'fuzzy F1 p/o/l':>14}  {'link acc (n)':>12}  {'KB QIDs':>9}")
    for split, named in report.items():
        for name, f in named.items():
            s, z, link = f["strict"], f["fuzzy"], f["linking"]
            accuracy = f"{link['accuracy']:.3f}" if link["accuracy"] is not None else "  -  "
            print(f"{split:5} {name:14} {f['documents']:>4} {f['gold_mentions']:>5}  "
                  f"{s['p']:.3f}/{s['r']:.3f}/{s['f1']:.3f}  {z['p']:.3f}/{z['r']:.3f}/{z['f1']:.3f}  "
                  f"{f['fuzzy_pers_org_loc']['f1']:>14.3f}  {accuracy} ({link['mentions_in_kb']:>3})  "
                  f"{link['gold_qids_in_kb']:>3}/{link['gold_qids']:<4}")
    print(f"{len(documents)} documents, {characters} characters in {seconds:.1f} s: "
          f"{len(documents) / seconds:.2f} documents/s, {characters / seconds:,.0f} characters/s "
          f"(entities{' + places' if places else ''}; KB {len(kb_ids)} entries, version {kb.version})")
    if args.show_errors:
        show_errors(results)
    if args.split != "all":
        print("results/entities.json is written by full runs only (--split all)")
        return 0
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "entities.json").write_text(json.dumps({
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "machine": {"platform": platform.platform(), "python": platform.python_version(), "cpus": os.cpu_count()},
        "stages": ["entities", "places"] if places else ["entities"],
        "kb": {"entries": len(kb_ids), "version": kb.version},
        "documents": len(documents),
        "characters": characters,
        "seconds": round(seconds, 2),
        "documents_per_second": round(len(documents) / seconds, 3),
        "splits": report,
    }, indent=1))
    print(f"wrote {(RESULTS / 'entities.json').relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
