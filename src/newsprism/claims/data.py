"""The hand-labelled check-worthiness set: references into ``../shared/data`` plus our own grades.

``benchmarks/data/claims/sentences.jsonl`` holds one line per labelled sentence: the dataset, the
file, the unit (article) it belongs to, character offsets, a sha1 prefix of the sentence text (to
detect a changed source file) and the grade 0-3 (see ``benchmarks/data/claims/README.md``).  No
third-party text is stored; :func:`load_units` rebuilds each article from the shared data folder
as a body with paragraphs, the labelled sentences pointing into it.

Split (fixed): a unit is ``dev`` when sha1("<dataset>:<unit>") starts with 0-b, else ``test``.
Everything that learns or tunes reads dev only.
"""

from __future__ import annotations

import csv
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

# Repository layout: src/newsprism/claims/data.py -> <repo>/benchmarks/data/claims
LABELS_DIR = Path(__file__).resolve().parents[3] / "benchmarks" / "data" / "claims"
CHECKWORTHY_GRADE = 2  # grades 2 and 3 are check-worthy claims


def split_of(key: str) -> str:
    """``dev`` when sha1(key) starts with 0-b, else ``test`` (~75 % / 25 %)."""
    return "dev" if hashlib.sha1(key.encode("utf-8")).hexdigest()[0] in "0123456789ab" else "test"


@dataclass
class Labelled:
    id: str
    start: int  # offsets into the unit's body
    end: int
    grade: int

    @property
    def checkworthy(self) -> bool:
        return self.grade >= CHECKWORTHY_GRADE


@dataclass
class Unit:
    key: str  # "<dataset>:<unit>"
    dataset: str
    language: str
    body: str
    paragraphs: list[tuple[int, int]]
    sentences: list[Labelled] = field(default_factory=list)

    @property
    def split(self) -> str:
        return split_of(self.key)


def _lines(text: str) -> list[tuple[int, int]]:
    spans, position = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((position, position + len(line)))
        position += len(line) + 1
    return spans


def load_labels(labels_dir: Path = LABELS_DIR) -> list[dict]:
    path = Path(labels_dir) / "sentences.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_units(data_root: Path | str, labels_dir: Path = LABELS_DIR) -> list[Unit]:
    """The labelled articles rebuilt from ``data_root`` (the shared data folder), in label-file order."""
    from ..techniques.data import load_semeval_paragraphs

    root = Path(data_root)
    rows = load_labels(labels_dir)
    units: dict[str, Unit] = {}
    semeval: dict[str, dict[tuple[str, int], str]] = {}
    stories: dict[str, dict] | None = None
    offsets: dict[str, dict[int, int]] = {}  # unit key -> SemEval line -> offset of the paragraph in the body
    for row in rows:
        key = f"{row['dataset']}:{row['unit']}"
        unit = units.get(key)
        if unit is None:
            dataset = row["dataset"]
            if dataset == "polnear":
                text = (root / row["file"]).read_text(encoding="utf-8")
                unit = Unit(key, dataset, row["language"], text, _lines(text))
            elif dataset == "ptc":
                with (root / row["file"]).open(encoding="utf-8", newline="") as handle:
                    text = handle.read()
                unit = Unit(key, dataset, row["language"], text, _lines(text))
            elif dataset == "semeval2023":
                folder = row["file"].split("/")[1]
                if folder not in semeval:
                    semeval[folder] = {
                        (p.article_id, p.line): p.text for p in load_semeval_paragraphs(root, folder)
                    }
                lines = sorted((line, text) for (article, line), text in semeval[folder].items()
                               if article == row["article"])
                pieces, paragraphs, starts, position = [], [], {}, 0
                for line, text in lines:
                    starts[line] = position
                    paragraphs.append((position, position + len(text)))
                    pieces.append(text)
                    position += len(text) + 2
                offsets[key] = starts
                body = "\n\n".join(pieces)
                unit = Unit(key, dataset, row["language"], body, [(s, e) for s, e in paragraphs if e > s])
            elif dataset == "story-similarity":
                if stories is None:
                    # Read with universal newlines (line breaks inside fields become "\n"): the
                    # offsets were taken that way.
                    with (root / row["file"]).open(encoding="utf-8") as handle:
                        stories = {r["Unnamed: 0"]: r for r in csv.DictReader(handle)}  # the row number
                text = stories[row["row"]][row["column"]]  # pair ids repeat; row numbers do not
                unit = Unit(key, dataset, row["language"], text, [(0, len(text))])
            else:
                raise ValueError(f"unknown dataset {dataset!r} in the claims labels")
            units[key] = unit
        shift = offsets[key][row["line"]] if row["dataset"] == "semeval2023" else 0
        start, end = row["start"] + shift, row["end"] + shift
        digest = hashlib.sha1(unit.body[start:end].encode("utf-8")).hexdigest()[:12]
        if digest != row["sha1"]:
            raise ValueError(f"claims label {row['id']}: the text at {row['file']} [{start}:{end}] has changed")
        unit.sentences.append(Labelled(row["id"], start, end, int(row["grade"])))
    return list(units.values())
