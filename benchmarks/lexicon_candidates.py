"""Mine candidate lexicon terms for loaded, labelling and doubt vocabulary (issue 5, part 2).

Reads the **dev** split only (``newsprism.techniques.data.split_of(article_id) == "dev"``, sha1 of
the article id starting with 0-b); the test split (c-f) is never opened for mining.

* SemEval-2023 Task 3 paragraphs (``persuasion-semeval2023/``; en, fr, de, it, pl, ru): for each
  technique T in :data:`TARGETS`, the log-odds ratio with an informative Dirichlet prior (Monroe,
  Colaresi & Quinn 2008, "Fightin' Words") of each word and word bigram between the text of
  paragraphs labelled T and of paragraphs without T (occurrence counts; the prior is the
  background frequency over all dev paragraphs of the language, scaled to ``PRIOR_MASS``
  pseudo-counts).  Written with the dev precision P(T | paragraph contains the n-gram) and its
  support in paragraphs.
* PTC (``ptc/``, English): the most frequent exact span texts (lower-cased, stripped) of spans of
  T, with how often the same text occurs in the dev articles at all (so a precision can be read
  off), and per-word log-odds of occurring inside vs outside T spans.

Output (``--out``, default ``/tmp/lexicons/candidates``): one TSV per source, language and
technique, sorted by z-score (or frequency).  These are *candidates*: the shipped lexicons in
``src/newsprism/data/techniques/lexicons/`` are curated from them by hand (topical words such as
place and actor names dropped, evaluative vocabulary kept) and completed with curated entries.

``--score-lexicon`` instead prints, for every entry of the shipped lexicons, its dev support and
dev precision (SemEval: the paragraph carries one of the entry's techniques; PTC: the match
overlaps a gold span of one of them).  ``--update-weights`` writes them into the YAML files:
``dev: hits/support`` and ``weight = (hits + K * prior) / (support + K)`` with K = 5 (the dev
precision shrunk towards the hand-set ``prior``; an entry without dev support keeps its prior),
clipped to [0.05, 0.95].  It edits only those two fields on each entry line, so comments and
layout stay, and it is idempotent.

    .venv/bin/python benchmarks/lexicon_candidates.py [--out DIR] [--top N]
    .venv/bin/python benchmarks/lexicon_candidates.py --score-lexicon [--language fr]
    .venv/bin/python benchmarks/lexicon_candidates.py --update-weights
"""

from __future__ import annotations

import argparse
import math
import os
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsprism.techniques.data import (  # noqa: E402
    Article,
    Paragraph,
    load_ptc_articles,
    load_semeval_paragraphs,
    split_of,
)

DATA = Path(os.environ.get("NEWSPRISM_SHARED_DATA", ROOT.parent / "shared" / "data"))
SEMEVAL_LANGUAGES = ("en", "fr", "de", "it", "pl", "ru")
TARGETS = ("Loaded_Language", "Name_Calling-Labeling", "Doubt", "Appeal_to_Fear-Prejudice",
           "Exaggeration-Minimisation")
PRIOR_MASS = 500.0  # pseudo-counts of the background prior: shrinks rare n-grams towards zero
MIN_SUPPORT = 3  # paragraphs (or span occurrences) an n-gram needs to be listed
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in WORD.findall(text)]


def ngrams(tokens: list[str]) -> list[str]:
    return tokens + [f"{a} {b}" for a, b in zip(tokens, tokens[1:])]


def dev_paragraphs(language: str) -> list[Paragraph]:
    return [p for p in load_semeval_paragraphs(DATA, language) if split_of(p.article_id) == "dev"]


def dev_articles() -> list[Article]:
    return [a for a in load_ptc_articles(DATA) if split_of(a.id) == "dev"]


def log_odds(target: Counter, rest: Counter, n_target: int, n_rest: int, prior: Counter,
             n_prior: int) -> list[tuple[str, float, float]]:
    """(n-gram, z-score, log-odds delta) of ``target`` vs ``rest`` with a Dirichlet prior.

    Counts are n-gram occurrences and ``n_*`` the total n-gram occurrences of each side, so long
    paragraphs do not favour function words; the prior for n-gram w is ``PRIOR_MASS * prior[w] /
    n_prior`` pseudo-counts (Monroe et al. 2008, eq. 16-22).
    """
    out = []
    for gram, hits in target.items():
        alpha = PRIOR_MASS * prior[gram] / n_prior
        a_yes, a_no = hits + alpha, n_target - hits + PRIOR_MASS - alpha
        b_yes, b_no = rest[gram] + alpha, n_rest - rest[gram] + PRIOR_MASS - alpha
        if min(a_no, b_no) <= 0:
            continue
        delta = math.log(a_yes / a_no) - math.log(b_yes / b_no)
        variance = 1 / a_yes + 1 / b_yes
        out.append((gram, delta / math.sqrt(variance), delta))
    out.sort(key=lambda item: (-item[1], item[0]))
    return out


def mine_semeval(language: str, out: Path, top: int) -> None:
    paragraphs = dev_paragraphs(language)
    grams = [ngrams(words(p.text)) for p in paragraphs]
    occurrences = Counter(g for gs in grams for g in gs)
    background = Counter(g for gs in grams for g in set(gs))  # paragraphs containing the n-gram
    for technique in TARGETS:
        labelled = [technique in p.labels for p in paragraphs]
        target = Counter(g for gs, y in zip(grams, labelled) if y for g in gs)
        rest = Counter(g for gs, y in zip(grams, labelled) if not y for g in gs)
        present = Counter(g for gs, y in zip(grams, labelled) if y for g in set(gs))
        n_target = sum(labelled)
        scored = log_odds(target, rest, sum(target.values()), sum(rest.values()), occurrences,
                          sum(occurrences.values()))
        path = out / f"semeval-{language}-{technique}.tsv"
        with path.open("w", encoding="utf-8") as handle:
            handle.write("ngram\tz\tlog_odds\tparagraphs_with_T\tparagraphs\tprecision\n")
            written = 0
            for gram, z, delta in scored:
                support = background[gram]
                if support < MIN_SUPPORT:
                    continue
                handle.write(f"{gram}\t{z:.2f}\t{delta:.2f}\t{present[gram]}\t{support}\t{present[gram] / support:.2f}\n")
                written += 1
                if written >= top:
                    break
        print(f"{path}: {written} candidates ({n_target}/{len(paragraphs)} dev paragraphs with {technique})")


def mine_ptc(out: Path, top: int) -> None:
    articles = dev_articles()
    lowered = [a.text.lower() for a in articles]
    for technique in TARGETS:
        spans = Counter()
        for article in articles:
            for start, end, name in article.spans:
                if name == technique:
                    spans[" ".join(article.text[start:end].lower().split())] += 1
        path = out / f"ptc-en-{technique}-spans.tsv"
        with path.open("w", encoding="utf-8") as handle:
            handle.write("span_text\tgold_spans\toccurrences_in_dev_text\n")
            for text, count in sorted(spans.items(), key=lambda item: (-item[1], item[0]))[:top]:
                # Whole-word occurrences anywhere in the dev articles: gold_spans / occurrences is
                # a rough precision of matching this text blindly.
                pattern = re.compile(r"(?<!\w)" + re.escape(text) + r"(?!\w)")
                occurrences = sum(len(pattern.findall(t)) for t in lowered)
                handle.write(f"{text}\t{count}\t{occurrences}\n")
        print(f"{path}: {min(top, len(spans))} span texts")

        inside, outside = Counter(), Counter()
        for article in articles:
            marked = [False] * len(article.text)
            for start, end, name in article.spans:
                if name == technique:
                    marked[start:end] = [True] * (end - start)
            for match in WORD.finditer(article.text):
                word = match.group().lower().replace("’", "'")
                (inside if marked[match.start()] else outside)[word] += 1
        background = inside + outside
        total_in, total_out = sum(inside.values()), sum(outside.values())
        scored = log_odds(inside, outside, total_in, total_out, background, total_in + total_out)
        path = out / f"ptc-en-{technique}-words.tsv"
        with path.open("w", encoding="utf-8") as handle:
            handle.write("word\tz\tlog_odds\tin_span\ttotal\tin_span_rate\n")
            written = 0
            for word, z, delta in scored:
                if background[word] < MIN_SUPPORT:
                    continue
                handle.write(f"{word}\t{z:.2f}\t{delta:.2f}\t{inside[word]}\t{background[word]}\t{inside[word] / background[word]:.2f}\n")
                written += 1
                if written >= top:
                    break
        print(f"{path}: {written} words")


SHRINK = 5  # pseudo-observations of the prior in the weight


def dev_counts(language: str) -> dict[str, list[int]]:
    """term -> [support, hits] on the dev split (see the module docstring)."""
    from newsprism.techniques.lexicon import lexicon_matches, load_lexicon

    lexicon = load_lexicon(language)
    per_entry: dict[str, list[int]] = {entry.term: [0, 0] for entry in lexicon.entries}
    if language in SEMEVAL_LANGUAGES:
        for paragraph in dev_paragraphs(language):
            seen: dict[str, bool] = {}
            for match in lexicon_matches(paragraph.text, language):
                seen[match.term] = seen.get(match.term, False) or bool(set(match.techniques) & paragraph.labels)
            for term, hit in seen.items():
                per_entry[term][0] += 1
                per_entry[term][1] += hit
    if language == "en":
        for article in dev_articles():
            for match in lexicon_matches(article.text, "en"):
                hit = any(name in match.techniques and start < match.end and match.start < end
                          for start, end, name in article.spans)
                per_entry[match.term][0] += 1
                per_entry[match.term][1] += hit
    return per_entry


def update_weights(languages: list[str]) -> None:
    """Write ``dev`` counts and the shrunk ``weight`` into each entry line of the YAML files."""
    import yaml

    from newsprism.techniques import lexicon as lexmod

    folder = ROOT / "src" / "newsprism" / lexmod.LEXICON_DIR
    for language in languages:
        counts = dev_counts(language)
        path = folder / f"{language}.yaml"
        lines = path.read_text(encoding="utf-8").split("\n")
        changed = 0
        for index, line in enumerate(lines):
            if not line.startswith("- {term:"):
                continue
            entry = yaml.safe_load(line)[0]
            support, hits = counts[entry["term"]]
            prior = entry.get("prior", entry["weight"])
            weight = (hits + SHRINK * prior) / (support + SHRINK)
            weight = round(min(0.95, max(0.05, weight)), 2)
            line = re.sub(r", prior: [0-9.]+", "", line)
            line = re.sub(r', dev: "?\d+/\d+"?', "", line)
            line = re.sub(r"weight: [0-9.]+", f'weight: {weight}, prior: {prior}, dev: "{hits}/{support}"', line, count=1)
            changed += line != lines[index]
            lines[index] = line
        path.write_text("\n".join(lines), encoding="utf-8")
        lexmod.load_lexicon.cache_clear()
        lexmod.load_lexicon(language)  # still validates
        print(f"{path}: {changed} entry lines updated")


def score_lexicon(languages: list[str]) -> None:
    """Dev support and precision of every shipped entry (the basis of the ``weight``s)."""
    from newsprism.techniques.lexicon import load_lexicon

    for language in languages:
        lexicon = load_lexicon(language)
        per_entry = dev_counts(language)
        print(f"# {language}: entry\tsupport\tdev_precision")
        for entry in lexicon.entries:
            support, hits = per_entry[entry.term]
            precision = f"{hits / support:.2f}" if support else "-"
            print(f"{entry.term}\t{support}\t{precision}\tweight={entry.weight}\t{entry.source}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path("/tmp/lexicons/candidates"))
    parser.add_argument("--top", type=int, default=300)
    parser.add_argument("--score-lexicon", action="store_true")
    parser.add_argument("--update-weights", action="store_true")
    parser.add_argument("--language", action="append")
    args = parser.parse_args()
    if not DATA.is_dir():
        raise SystemExit(f"shared data not found at {DATA} (set NEWSPRISM_SHARED_DATA)")
    if args.score_lexicon or args.update_weights:
        from newsprism.techniques.lexicon import lexicon_languages

        languages = args.language or sorted(lexicon_languages())
        (update_weights if args.update_weights else score_lexicon)(languages)
        return
    args.out.mkdir(parents=True, exist_ok=True)
    for language in args.language or SEMEVAL_LANGUAGES:
        mine_semeval(language, args.out, args.top)
    if not args.language or "en" in args.language:
        mine_ptc(args.out, args.top)


if __name__ == "__main__":
    main()
