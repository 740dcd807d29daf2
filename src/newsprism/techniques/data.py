"""The persuasion-technique taxonomy and its training data (SemEval-2023 Task 3, PTC).

* :data:`TECHNIQUES`: the 23 technique names of SemEval-2023 Task 3 (in the order of the task's
  ``techniques.txt``), each with a one-sentence plain-language definition shown to users.
* :data:`PTC_TO_SEMEVAL`: the 14 classes of the older Propaganda Techniques Corpus (SemEval-2020
  Task 11) mapped onto those 23 names.
* Loaders for the two corpora, given the data root (the folder holding ``persuasion-semeval2023/``
  and ``ptc/``; in this project ``../shared/data``).  Nothing here reads that folder by itself:
  the package must work without it.
* :func:`split_of`: the fixed dev/test split, by article.

File quirks handled by :func:`load_semeval_paragraphs` (checked on the training files):

* Lines end in CRLF in five languages (LF in English); the text column is not CSV-quoted, so a
  paragraph may start or end with a literal ``"`` that belongs to the text.
* The last paragraph of an article often lacks its line break, so the next article's first row is
  glued to it (``...Krise.22111<TAB>1<TAB>Kämpfst du ...``).  Such lines are cut where a trailing
  run of digits ends in a known article id from the labels file, followed by a line number
  present in the labels for that article.
* Labels join on (article id, line number); an empty label column means "no technique".
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

# name -> one-sentence definition (written for this project; meaning follows the task guidelines).
_DEFINITIONS: tuple[tuple[str, str], ...] = (
    ("Appeal_to_Authority",
     "Presents a claim as true because an expert, institution or famous person said so, in place of evidence."),
    ("Appeal_to_Popularity",
     "Argues that something is right or true because many people, or 'everybody', already believe or do it."),
    ("Appeal_to_Values",
     "Ties a position to values the audience holds dear, such as freedom, tradition, religion or fairness, to win approval."),
    ("Appeal_to_Fear-Prejudice",
     "Pushes an idea by making the audience afraid of the alternative or by playing on prejudice against a group."),
    ("Flag_Waving",
     "Justifies an idea by appealing to pride in a nation, group or identity rather than to its merits."),
    ("Causal_Oversimplification",
     "Blames a complex outcome on a single cause, ignoring the other factors involved."),
    ("False_Dilemma-No_Choice",
     "Offers only two options (or just one) as if no others existed."),
    ("Consequential_Oversimplification",
     "Claims that a first step will inevitably lead to a chain of (usually bad) consequences, a slippery slope."),
    ("Straw_Man",
     "Distorts or exaggerates an opponent's position so that it is easier to attack."),
    ("Red_Herring",
     "Diverts attention from the issue under discussion to an unrelated topic."),
    ("Whataboutism",
     "Deflects criticism by pointing to the wrongdoings of the critic or of others instead of answering it."),
    ("Slogans",
     "Uses a short, catchy phrase that stands in for an argument, often with a call to act."),
    ("Appeal_to_Time",
     "Urges action because 'the time has come' or time is running out, creating urgency."),
    ("Conversation_Killer",
     "Shuts down discussion with a phrase that discourages further thought, such as 'it is what it is'."),
    ("Loaded_Language",
     "Uses words or phrases with strong emotional charge, positive or negative, to sway the reader."),
    ("Repetition",
     "Repeats the same word, phrase or idea over and over so that the audience comes to accept it."),
    ("Exaggeration-Minimisation",
     "Makes something seem much bigger, better or worse than it is, or plays it down as trivial."),
    ("Obfuscation-Vagueness-Confusion",
     "Uses deliberately vague or unclear wording so that the audience can read into it what it wants."),
    ("Name_Calling-Labeling",
     "Attaches a label to a person or group that the audience is meant to fear, hate or, conversely, admire."),
    ("Doubt",
     "Casts doubt on the credibility of someone or something without proper argument."),
    ("Guilt_by_Association",
     "Discredits someone or something by linking it to a group or figure the audience despises, such as the Nazis."),
    ("Appeal_to_Hypocrisy",
     "Attacks a target by charging it with hypocrisy or inconsistency instead of addressing its argument."),
    ("Questioning_the_Reputation",
     "Attacks the character or reputation of a target, often with insinuations, rather than its argument."),
)

TECHNIQUES: tuple[str, ...] = tuple(name for name, _ in _DEFINITIONS)
DEFINITIONS: dict[str, str] = dict(_DEFINITIONS)

# PTC (SemEval-2020 Task 11, 14 classes; some are merged pairs/triples) -> SemEval-2023 name.
PTC_TO_SEMEVAL: dict[str, str] = {
    "Appeal_to_Authority": "Appeal_to_Authority",
    "Appeal_to_fear-prejudice": "Appeal_to_Fear-Prejudice",
    "Causal_Oversimplification": "Causal_Oversimplification",
    "Doubt": "Doubt",
    "Flag-Waving": "Flag_Waving",
    "Loaded_Language": "Loaded_Language",
    "Name_Calling,Labeling": "Name_Calling-Labeling",
    "Repetition": "Repetition",
    "Slogans": "Slogans",
    # Same technique, renamed with a hyphen in 2023.
    "Exaggeration,Minimisation": "Exaggeration-Minimisation",
    # "Black-and-white fallacy" is the 2020 name of the false dilemma (two options presented as
    # the only ones); 2023 calls it False_Dilemma-No_Choice.
    "Black-and-White_Fallacy": "False_Dilemma-No_Choice",
    # Thought-terminating cliches ("it is what it is") are what 2023 calls Conversation_Killer.
    "Thought-terminating_Cliches": "Conversation_Killer",
    # A merged 2020 class covering three 2023 techniques.  We cannot tell them apart from the span
    # label, so we take Whataboutism: it is the largest of the three in PTC's original per-class
    # counts and its surface cues ("what about", "yet they ...") are the most regular.  Straw_Man
    # and Red_Herring therefore get no PTC spans.
    "Whataboutism,Straw_Men,Red_Herring": "Whataboutism",
    # Merged 2020 class: Bandwagon (= 2023 Appeal_to_Popularity) and Reductio ad Hitlerum
    # (= 2023 Guilt_by_Association).  Reductio ad Hitlerum was the larger part in PTC's original
    # counts, so the merged class maps to Guilt_by_Association.
    "Bandwagon,Reductio_ad_hitlerum": "Guilt_by_Association",
}

# SemEval-2023 folder code -> ISO 639-1 language code.
SEMEVAL_LANGUAGES: dict[str, str] = {"en": "en", "fr": "fr", "ge": "de", "it": "it", "po": "pl", "ru": "ru"}
_FOLDER_OF: dict[str, str] = {iso: folder for folder, iso in SEMEVAL_LANGUAGES.items()}

Split = Literal["dev", "test"]


@dataclass(frozen=True)
class Paragraph:
    article_id: str
    line: int
    text: str
    labels: frozenset[str]
    language: str  # ISO 639-1: en, fr, de, it, pl, ru


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    spans: list[tuple[int, int, str]]  # (start, end exclusive, SemEval-2023 technique name)


def split_of(article_id: str) -> Split:
    """``dev`` when sha1(article id) starts with 0-b, else ``test`` (~75 % / 25 %, by article)."""
    return "dev" if hashlib.sha1(str(article_id).encode("utf-8")).hexdigest()[0] in "0123456789ab" else "test"


def _folder(language: str) -> str:
    if language in SEMEVAL_LANGUAGES:
        return language
    if language in _FOLDER_OF:
        return _FOLDER_OF[language]
    raise ValueError(f"no SemEval-2023 data for language {language!r}; one of {sorted(_FOLDER_OF)}")


def _read_lines(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")  # universal newlines: CRLF and LF both end a line
    return [line for line in text.split("\n") if line.strip()]


def _read_labels(path: Path) -> dict[tuple[str, int], frozenset[str]]:
    labels: dict[tuple[str, int], frozenset[str]] = {}
    for line in _read_lines(path):
        fields = line.split("\t")
        if len(fields) < 2:
            raise ValueError(f"{path}: malformed label line {line[:80]!r}")
        names = fields[2].strip() if len(fields) > 2 else ""
        labels[(fields[0].strip(), int(fields[1]))] = frozenset(n.strip() for n in names.split(",") if n.strip())
    return labels


_TRAILING_DIGITS = re.compile(r"\d+$")


def _split_glued(line: str, known: set[tuple[str, int]]) -> list[tuple[str, int, str]]:
    """Rows of one physical line: usually one, more when an article's last paragraph lost its break."""
    fields = line.split("\t")
    rows: list[tuple[str, int, str]] = []
    article, number = fields[0].strip(), int(fields[1])
    index = 2
    while True:
        if index == len(fields) - 1:
            rows.append((article, number, fields[index]))
            return rows
        piece = fields[index]
        # piece = text of this row + id of the next row; fields[index + 1] is the next line number.
        cut = None
        if fields[index + 1].strip().isdigit():
            next_number = int(fields[index + 1])
            digits = _TRAILING_DIGITS.search(piece)
            if digits:
                run = digits.group()
                for size in range(len(run), 0, -1):  # longest known id first
                    candidate = run[len(run) - size:]
                    if not candidate.startswith("0") and (candidate, next_number) in known:
                        cut = (len(piece) - size, candidate, next_number)
                        break
        if cut is None:  # a tab inside the text: keep it
            rows.append((article, number, "\t".join(fields[index:])))
            return rows
        position, next_article, next_number = cut
        rows.append((article, number, piece[:position]))
        article, number = next_article, next_number
        index += 2


def load_semeval_paragraphs(root: Path | str, language: str) -> list[Paragraph]:
    """Paragraphs of SemEval-2023 Task 3 subtask 3 training data for one language.

    ``root`` is the data folder holding ``persuasion-semeval2023/``; ``language`` is an ISO code
    (en, fr, de, it, pl, ru) or the task's folder code (ge, po).  Every paragraph of the labels file
    is returned (texts stripped of surrounding white space), in file order.
    """
    folder = Path(root) / "persuasion-semeval2023" / _folder(language)
    iso = SEMEVAL_LANGUAGES[_folder(language)]
    labels = _read_labels(folder / "train-labels-subtask-3.txt")
    known = set(labels)
    paragraphs: list[Paragraph] = []
    seen: set[tuple[str, int]] = set()
    for line in _read_lines(folder / "train-paragraphs-subtask-3.tsv"):
        for article, number, text in _split_glued(line, known):
            key = (article, number)
            if key not in labels:
                raise ValueError(f"{folder}: paragraph {key} has no label line")
            if key in seen:
                raise ValueError(f"{folder}: paragraph {key} appears twice")
            seen.add(key)
            paragraphs.append(Paragraph(article, number, text.strip(), labels[key], iso))
    missing = known - seen
    if missing:
        raise ValueError(f"{folder}: {len(missing)} labelled paragraphs have no text, e.g. {sorted(missing)[:3]}")
    return paragraphs


def load_ptc_articles(root: Path | str) -> list[Article]:
    """PTC v2 training articles with their technique spans mapped to SemEval-2023 names.

    ``root`` is the data folder holding ``ptc/``.  Offsets index into the article file read as
    UTF-8 with line endings kept; spans are sorted by (start, end, technique).
    """
    folder = Path(root) / "ptc"
    articles: list[Article] = []
    for path in sorted((folder / "articles").glob("article*.txt")):
        article_id = path.stem.removeprefix("article")
        with path.open(encoding="utf-8", newline="") as handle:
            text = handle.read()
        spans: list[tuple[int, int, str]] = []
        labels = folder / "labels" / f"article{article_id}.labels"
        if labels.exists():
            for line in labels.read_text(encoding="utf-8").splitlines():
                if not line.strip():
                    continue
                _, technique, start, end = line.split("\t")
                if technique not in PTC_TO_SEMEVAL:
                    raise ValueError(f"{labels}: unknown PTC class {technique!r}")
                spans.append((int(start), int(end), PTC_TO_SEMEVAL[technique]))
        articles.append(Article(article_id, text, sorted(spans)))
    return articles
