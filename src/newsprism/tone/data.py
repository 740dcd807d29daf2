"""NewsMTSC (Hamborg & Donnay, EACL 2021) as (sentence, target span, label) examples, with a fixed split.

``shared/data/tone-newsmtsc/train.jsonl``: one English news sentence per line with one or more
target mentions (``from``/``to`` character offsets, ``to`` exclusive) each labelled 2.0 negative,
4.0 neutral, 6.0 positive.  Every target is one example.

Split: ``dev`` when sha1 of the sentence text (``sentence_normalized``, UTF-8) starts with 0-b,
``test`` when it starts with c-f (~75 % / 25 %).  Hashing the text rather than ``primary_gid`` keeps
the 19 sentences that occur twice under different ids in one part.  All tuning (cross-validation)
uses ``dev``; ``test`` is read only by ``benchmarks/tone_eval.py`` and the figures ``train`` reports.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

LABELS = ("negative", "neutral", "positive")
_POLARITY = {2.0: 0, 4.0: 1, 6.0: 2}
DATA_FOLDER = "tone-newsmtsc"

Split = Literal["dev", "test"]


@dataclass(frozen=True)
class Example:
    sentence: str
    start: int  # mention offsets into ``sentence``
    end: int
    label: int  # index into LABELS
    group: str  # the sentence's hash: cross-validation folds keep a sentence's targets together


def split_of(sentence: str) -> Split:
    """``dev`` when sha1(sentence) starts with 0-b, else ``test``."""
    return "dev" if hashlib.sha1(sentence.encode("utf-8")).hexdigest()[0] in "0123456789ab" else "test"


def load(data_root: Path, split: Split | None = None) -> list[Example]:
    """Examples of ``data_root/tone-newsmtsc/train.jsonl`` in file order (one part when ``split`` is given)."""
    path = Path(data_root) / DATA_FOLDER / "train.jsonl"
    if not path.is_file():
        raise FileNotFoundError(f"NewsMTSC not found at {path}")
    examples = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            row = json.loads(line)
            sentence = row["sentence_normalized"]
            if split is not None and split_of(sentence) != split:
                continue
            group = hashlib.sha1(sentence.encode("utf-8")).hexdigest()
            for target in row["targets"]:
                start, end = int(target["from"]), int(target["to"])
                if 0 <= start < end <= len(sentence) and float(target["polarity"]) in _POLARITY:
                    examples.append(Example(sentence, start, end, _POLARITY[float(target["polarity"])], group))
    return examples


# Framing augmentation.  NewsMTSC (US politics) almost never names a target with the loaded labels of
# conflict propaganda, so the models could not learn that "the so-called X", "X occupation troops
# who kill and loot" or "the heroic X" is tone toward X.  A fixed eighth of the neutral dev targets is
# copied with such a frame around the mention (our templates, built from the cue lists' words) and
# labelled negative or positive; the rest of the sentence is unchanged, so what the copy teaches is
# the frame.  Only training folds ever see copies; every F1 is measured on real sentences.
HOSTILE_FRAMES = (
    "the so-called {m}", "the {m} regime", "{m} terrorists", "the {m} terror outfit",
    "{m} occupation troops", "the {m} occupiers", "{m} mercenaries", "{m}, who kill and loot,",
    "the criminal {m}", "the {m} puppets", "the {m} aggressors", "the {m} war machine",
    "{m} invaders", "the murderous {m}", "{m} thugs", "the warmongering {m}",
)
FAVOURABLE_FRAMES = (
    "the heroic {m}", "the brave {m}", "{m}, the liberators,", "the valiant {m}", "{m} heroes",
    "the courageous {m}", "{m}, defenders of the people,", "the glorious {m}",
)


def framed(examples: list[Example]) -> list[Example]:
    """Copies of a fixed share of the neutral examples with a hostile or favourable frame (see above)."""
    out = []
    for example in examples:
        if example.label != 1:
            continue
        digest = hashlib.sha1(f"{example.group}:{example.start}:frame".encode("utf-8")).hexdigest()
        if digest[0] not in "01":
            continue
        frames, label = (HOSTILE_FRAMES, 0) if digest[0] == "0" else (FAVOURABLE_FRAMES, 2)
        frame = frames[int(digest[1:5], 16) % len(frames)]
        mention = example.sentence[example.start : example.end]
        if frame.startswith("the ") and mention.lower().startswith("the "):
            mention = mention[4:]  # "the the senator"
        text = frame.format(m=mention)
        if example.start == 0:
            text = text[0].upper() + text[1:]
        sentence = example.sentence[: example.start] + text + example.sentence[example.end :]
        # The entity stage usually links the bare name: the span stays on it (the frame is context);
        # one copy in four spans the whole framed phrase, as when the name includes the label.
        inside = text.index(mention)
        start, end = example.start + inside, example.start + inside + len(mention)
        if int(digest[5], 16) < 4:
            start, end = example.start, example.start + len(text)
        out.append(Example(sentence, start, end, label, example.group))
    return out
