"""Label every block of a dump: title, metadata, body, boilerplate or comment.

The method follows jusText (Pomikálek 2011) and trafilatura's text heuristics, on
blocks of text instead of DOM nodes (neither library reads plain text with offsets):

1. each block gets a class from language-independent features — cue words (the union
   of all languages in :mod:`newsprism.lang`), link density, length and stopword
   density (prose has many function words, menus and tag lists have none);
2. the comment section is found first (a comments header or a comment thread after the
   first prose block), since comments are prose too;
3. the body is the contiguous run of blocks with the highest score (prose counts for
   it, boilerplate against it; short lines in between cost little), so subheads and
   one-line quotes between paragraphs stay in the body; it then resumes after short
   interruptions (ads, link boxes, captions) and takes in plain one-line sentences at
   its edges;
4. blocks before the body give the title and the metadata lines, blocks after it are
   metadata (outlet, tags) or boilerplate.

The :class:`Layout` this returns is then revised by a trained block classifier
(:mod:`.classifier`) at the body's edges and inside it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...model import BoilerplateKind, Label, MetadataKind
from .blocks import Block
from .comments import comments_start
from .features import (
    Matchers,
    boilerplate_kind,
    ends_sentence,
    ends_terminal,
    is_author_bio,
    is_dateline,
    is_money_only,
    metadata_kind,
    standalone_cue,
    stopword_density,
    title_like,
    weight,
)

LENGTH_LOW = 70  # shorter blocks are judged by their neighbours
LENGTH_HIGH = 200
STOPWORDS_LOW = 0.12
STOPWORDS_HIGH = 0.20
MAX_LINK_DENSITY = 0.5
ANCHOR_WINDOW = 12  # blocks after the top heading where the article is expected to start
BARRIER = 500.0  # a standalone "Related posts" / "Newsletter" header: the article is over, whatever follows
# Headers of sections that follow an article, never interrupt it.
_SECTION_KINDS = {BoilerplateKind.RELATED.value, BoilerplateKind.SUBSCRIPTION.value, BoilerplateKind.AUTHOR_BIO.value}
MAX_GAP = 6  # non-empty blocks (ads, "read also" boxes, captions) the body may jump over
MIN_RESUME = 200.0  # score of the prose run after a gap for the body to continue there


@dataclass
class Decision:
    label: Label
    kind: str | None = None


def classify(block: Block, m: Matchers) -> tuple[str, str | None]:
    """(class, kind): class is good / near / short / heading / low / bad / empty / meta."""
    text = block.clean
    if not any(char.isalnum() for char in text):
        return "empty", None
    kind = metadata_kind(text, m)
    if kind:
        return "meta", kind
    if is_money_only(text):
        return "bad", BoilerplateKind.DONATION.value
    kind = boilerplate_kind(text, m)
    if kind:
        return "bad", kind
    if is_dateline(text, m):
        return "meta", MetadataKind.DATELINE.value
    if block.link_density >= MAX_LINK_DENSITY and not block.heading:
        return "bad", (BoilerplateKind.RELATED if block.words >= 4 else BoilerplateKind.NAVIGATION).value
    if block.heading:
        return "heading", None
    length = weight(text)
    if length < LENGTH_LOW or (length < LENGTH_HIGH and not ends_terminal(text)):
        return "short", None  # short lines and headline-like lines are judged by their neighbours
    density = stopword_density(text, m)
    if block.link_density > 0.3:
        return "bad", BoilerplateKind.NAVIGATION.value
    if density >= STOPWORDS_HIGH and length >= LENGTH_HIGH:
        return "good", None
    if density >= STOPWORDS_LOW:
        return "near", None
    return "low", None


def _score(block: Block, cls: str) -> float:
    length = weight(block.clean)
    if cls == "good":
        return float(length)
    if cls == "near":
        return length * 0.6
    if cls in ("short", "heading"):
        return -15.0
    if cls == "empty":
        return -5.0
    if cls == "low":
        return -length * 0.3
    return -max(float(length), 80.0)  # bad, meta


def best_region(scores: list[float], anchor: int | None = None) -> tuple[int, int] | None:
    """[start, end) of the best maximum-sum run of blocks (Kadane); None when nothing scores above zero.

    A run starting shortly after ``anchor`` (the page's top heading) counts double:
    the article follows its headline, a cookie notice or a footer does not.
    """
    best, best_range = 0.0, None
    running, start, run_best, run_end = 0.0, 0, 0.0, 0

    def weigh(value: float, begin: int) -> float:
        near_anchor = anchor is not None and anchor < begin <= anchor + ANCHOR_WINDOW
        return value * 2 if near_anchor else value

    for index, score in enumerate(scores + [float("-inf")]):
        if running <= 0 or score == float("-inf"):
            if run_best > 0 and weigh(run_best, start) > best:
                best, best_range = weigh(run_best, start), (start, run_end)
            running, start, run_best = 0.0, index, 0.0
        if score == float("-inf"):
            break
        running += score
        if running > run_best:
            run_best, run_end = running, index + 1
    return best_range


@dataclass
class Layout:
    """The rule-based segmentation of a dump, with what a block classifier needs to revise it."""

    classes: list[tuple[str, str | None]]
    decisions: list[Decision]
    zone: int | None  # first block of the comment section
    limit: int  # the body lies before this block (the comment section or the end)
    region: tuple[int, int] | None  # the best-scoring prose run
    body: tuple[int, int]  # [start, end) of the body after resuming and edge sentences
    gaps: set[int]  # blocks the body jumped over


def segment(blocks: list[Block], m: Matchers) -> Layout:
    """The rules' decision for every block, the comment section's start (if any) and the body's extent."""
    classes = [classify(block, m) for block in blocks]
    scores = [_score(block, cls) for block, (cls, _) in zip(blocks, classes)]
    for index, (cls, kind) in enumerate(classes):
        if kind in _SECTION_KINDS and standalone_cue(blocks[index].clean, m, kind):
            scores[index] = -BARRIER
    # Comments are prose too: find where the prose starts, then the comment section after it,
    # and look for the body only before that.
    top = [i for i, block in enumerate(blocks) if block.heading == 1]
    anchor = top[0] if len(top) == 1 else None
    first = best_region(scores, anchor)
    zone = comments_start(blocks, first[0] if first else 0, m)
    # A long comment thread can outscore a short article: then the best run lies inside
    # the comments and their header precedes it.  Take the header after the first real
    # paragraph when the prose before it still makes an article.
    prose = next((i for i, (cls, _) in enumerate(classes) if cls == "good"), None)
    if first and prose is not None and prose < first[0]:
        earlier = comments_start(blocks, prose, m)
        if earlier is not None and earlier < first[0]:
            before = best_region(scores[:earlier], anchor)
            if before and any(classes[i][0] == "good" for i in range(*before)):
                zone = earlier
    limit = zone if zone is not None else len(blocks)
    region = best_region(scores[:limit], anchor)
    if region is None:
        # No paragraph long enough to count as prose (a one-line dump): the longest sentence is the body.
        sentences = [i for i in range(limit) if classes[i][0] in ("short", "low") and ends_sentence(blocks[i].clean)]
        if sentences:
            index = max(sentences, key=lambda i: len(blocks[i].clean))
            region = (index, index + 1)
    if region:
        start, end = region
        while end > start and classes[end - 1][0] in ("good", "near") and is_author_bio(blocks[end - 1].clean, m):
            end -= 1  # the author's bio closes the article but is not part of it
        region = (start, end) if end > start else None
    decisions: list[Decision] = [Decision(Label.BOILERPLATE, BoilerplateKind.OTHER.value) for _ in blocks]
    body_start, body_end = region if region else (limit, limit)
    gaps: set[int] = set()
    if region:
        body_end, gaps = _resume(blocks, classes, scores, body_end, limit, m)
        while body_start > 0 and _edge_sentence(blocks[body_start - 1], classes[body_start - 1], m):
            body_start -= 1
        while body_end < limit and _edge_sentence(blocks[body_end], classes[body_end], m):
            body_end += 1

    for index in range(body_start, body_end):
        cls, kind = classes[index]
        if index in gaps:
            decisions[index] = _outside(blocks[index], classes[index], m)
            continue
        if cls == "meta":
            decisions[index] = Decision(Label.METADATA, kind)
        elif cls == "bad":
            decisions[index] = Decision(Label.BOILERPLATE, kind)
        elif cls == "empty":
            decisions[index] = Decision(Label.BOILERPLATE, BoilerplateKind.OTHER.value)
        else:
            decisions[index] = Decision(Label.BODY)

    _label_head(blocks, classes, decisions, body_start, m)
    for index in range(body_end, limit):
        decisions[index] = _outside(blocks[index], classes[index], m)
    return Layout(classes, decisions, zone, limit, region, (body_start, body_end), gaps)


def _resume(
    blocks: list[Block], classes: list[tuple[str, str | None]], scores: list[float], end: int, limit: int, m: Matchers
) -> tuple[int, set[int]]:
    """Continue the body past short interruptions: (new end, indices of the skipped blocks).

    Articles are cut by in-page ads, "read also" link boxes and captions; the maximum-sum
    run stops before them and would lose the rest of the story.  Like jusText's
    context-sensitive pass, the body resumes at the next run of real prose (a "good"
    block, enough score) when at most ``MAX_GAP`` blocks separate it, none of them a
    byline, tag line or author bio (a new article or the end of this one).  The skipped
    blocks stay outside the body.
    """
    gaps: set[int] = set()
    while end < limit:
        index, gap = end, 0
        while index < limit and classes[index][0] not in ("good", "near") and gap <= MAX_GAP:
            cls, kind = classes[index]
            if (cls == "meta" and kind != MetadataKind.DATELINE.value) or scores[index] <= -BARRIER:
                return end, gaps
            gap += cls != "empty"
            index += 1
        if index >= limit or gap > MAX_GAP:
            break
        running, best, run_end = 0.0, 0.0, index
        for j in range(index, limit):
            running += scores[j]
            if running <= 0:
                break
            if running > best:
                best, run_end = running, j + 1
        good = any(classes[j][0] == "good" for j in range(index, run_end))
        cls, kind = classes[index - 1]
        headed = cls == "bad" and kind is not None and standalone_cue(blocks[index - 1].clean, m, kind)
        if (
            not good
            or best < MIN_RESUME
            or headed  # the text of a "Newsletter" or "About us" box
            or any(is_author_bio(blocks[j].clean, m) for j in range(index, run_end))
        ):
            break
        gaps.update(range(end, index))
        end = run_end
    return end, gaps


def _edge_sentence(block: Block, classified: tuple[str, str | None], m: Matchers) -> bool:
    """A short plain sentence right next to the body (a one-line lead or closing line) belongs to it.

    Inside the body, short lines cost little; at its edges the maximum-sum run always
    drops them.  Only link-free lines that end a sentence and read like prose qualify:
    headlines, teasers, labels and cue lines do not.
    """
    text = block.clean
    return (
        classified[0] == "short"
        and block.marker is None
        and block.link_density == 0
        and len(text.split()) >= 4
        and ends_sentence(text)
        and stopword_density(text, m) >= STOPWORDS_LOW
        and not is_author_bio(text, m)
        and boilerplate_kind(text, m, strict=False) is None
    )


def _outside(block: Block, classified: tuple[str, str | None], m: Matchers) -> Decision:
    """Blocks outside the body and the comments: metadata or boilerplate, never body."""
    cls, kind = classified
    if cls == "meta":
        return Decision(Label.METADATA, kind)
    if cls == "bad":
        return Decision(Label.BOILERPLATE, kind)
    if is_author_bio(block.clean, m):
        return Decision(Label.BOILERPLATE, BoilerplateKind.AUTHOR_BIO.value)
    kind = boilerplate_kind(block.clean, m, strict=False)
    if kind:
        return Decision(Label.BOILERPLATE, kind)
    if cls == "empty":
        return Decision(Label.BOILERPLATE, BoilerplateKind.OTHER.value)
    if title_like(block.clean) or block.link_density > 0.3:
        return Decision(Label.BOILERPLATE, BoilerplateKind.NAVIGATION.value)
    return Decision(Label.BOILERPLATE, BoilerplateKind.OTHER.value)


def _label_head(
    blocks: list[Block], classes: list[tuple[str, str | None]], decisions: list[Decision], body_start: int, m: Matchers
) -> None:
    """Title and metadata before the body; everything else there is boilerplate."""
    candidates = [
        i
        for i in range(body_start)
        if classes[i][0] not in ("meta", "bad", "empty")
        and (blocks[i].heading or title_like(blocks[i].clean))
        and not is_author_bio(blocks[i].clean, m)
    ]
    headed = [i for i in candidates if blocks[i].heading]
    title_index = None
    if headed:
        top = min(blocks[i].heading for i in headed)
        title_index = [i for i in headed if blocks[i].heading == top][-1]
    elif candidates:
        title_index = candidates[0]
    title_key = _key(blocks[title_index].clean) if title_index is not None else None
    for index in range(body_start):
        if title_key is not None and _key(blocks[index].clean) == title_key:
            decisions[index] = Decision(Label.TITLE)
        else:
            decisions[index] = _outside(blocks[index], classes[index], m)


def _key(text: str) -> str:
    return " ".join(text.lower().split())
