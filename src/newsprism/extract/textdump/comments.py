"""Find where reader comments start and thread them.

Dumps show threads in a few ways: list markers whose indentation gives the nesting
(bullets, "1."), continuation paragraphs indented to the comment's text column,
usernames on their own short line before the text, "username says:" lines followed by a
date, Disqus-style "username • 3 years ago" lines, and none of these at all (one
comment per paragraph).  Widget lines ("Reply", "Report", "3 Comments", "Leave a Reply")
are navigation, not comment text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...model import BoilerplateKind, Comment
from .blocks import Block
from .features import (
    Matchers,
    ends_terminal,
    has_date,
    is_action_line,
    is_comments_header,
    words,
)
from .markup import clean_markup

# Single-word headers that are also ordinary subheads ("Discussion", "Reaktionen"): they
# only open the comments when a count or a commenter line confirms them.
_CONFIRM_WINDOW = 4
_THREAD_WINDOW = 40  # blocks in which a second commenter line must follow the first


def says_author(block: Block, m: Matchers) -> str | None:
    """The author of a "username says:" / "username • 3 years ago" line, else None."""
    text = _content(block)
    if len(text) > 140:
        return None
    match = m.says.match(text)
    if match:
        return match.group("author").strip(" \t*_") or None
    match = _disqus(text, m)
    if match:
        return match.group("author").strip() or None
    return None


def _disqus(text: str, m: Matchers):
    """A "username • 3 years ago" match; the name part is no date or time ("Video 01:30 Min. | 19.10.19")."""
    match = m.disqus.match(text)
    if match and has_date(match.group("rest"), m) and len(match.group("author").split()) <= 5:
        if not has_date(match.group("author"), m):
            return match
    return None


def is_comment_date(block: Block, m: Matchers) -> bool:
    """A short line that is only a date or time ("29. Mai 2019 um 17:39", "3 years ago")."""
    text = block.clean
    return 0 < len(text) <= 60 and len(text.split()) <= 10 and has_date(text, m) and not ends_terminal(
        text.rstrip(".") + "x"
    )


def _content(block: Block) -> str:
    """Cleaned text after the list marker."""
    if block.marker is None:
        return block.clean
    raw = block.raw.lstrip()
    return clean_markup(raw[len(block.marker):])


def _username_like(text: str) -> bool:
    tokens = text.split()
    return 0 < len(tokens) <= 5 and len(text) <= 40 and not ends_terminal(text) and not text.startswith(("#", "@"))


def _has_continuation(blocks: list[Block], index: int) -> bool:
    """The next block is an indented continuation of the list item at ``index``."""
    if index + 1 >= len(blocks):
        return False
    nxt = blocks[index + 1]
    return nxt.marker is None and nxt.indent > blocks[index].indent


def _is_thread(blocks: list[Block], index: int) -> bool:
    """A nested list with multi-paragraph items starting at ``index``: a plain-text comment thread."""
    first = blocks[index]
    if first.marker is None:
        return False
    items = nested = paragraphs = 0
    for block in blocks[index:]:
        if block.marker is None and block.indent == 0:
            break
        if block.marker is not None:
            items += 1
            nested += block.indent > first.indent
        elif block.blank_before and block.indent > first.indent:
            paragraphs += 1
    return items >= 2 and nested >= 1 and paragraphs >= 1


def _confirmed(blocks: list[Block], index: int, m: Matchers) -> bool:
    text = blocks[index].clean
    if any(char.isdigit() for char in text):
        return True
    norm = text.lower()
    if any(stem in norm for stem in ("comment", "komment", "coment", "komentar", "коммент", "reply", "reactie")):
        return True
    window = blocks[index + 1:index + 1 + _CONFIRM_WINDOW]
    return any(says_author(block, m) or is_comment_date(block, m) for block in window)


def comments_start(blocks: list[Block], first_body: int, m: Matchers) -> int | None:
    """Index of the first block of the comment section (a header or a thread) from ``first_body`` on."""
    for index in range(first_body, len(blocks)):
        block = blocks[index]
        if (
            block.marker is None  # "* Comments" is a menu or share-bar entry
            and block.link_density < 0.5
            and is_comments_header(block.clean, m)
            and _confirmed(blocks, index, m)
        ):
            return index
        author = says_author(block, m)
        if author and (
            block.marker is not None
            or any(is_comment_date(b, m) for b in blocks[index + 1:index + 3])
            or has_date(block.clean, m)
        ) and (m.says.match(_content(block)) or _another_author(blocks, index, m)):
            return index
        if block.marker is not None and _is_thread(blocks, index):
            return index
    return None


def _another_author(blocks: list[Block], index: int, m: Matchers) -> bool:
    """A second "name | date" line follows: a thread, not a "Place | date" dateline under the lead."""
    return any(_disqus(_content(block), m) for block in blocks[index + 1:index + 1 + _THREAD_WINDOW])


@dataclass
class _Draft:
    id: str
    author: str | None
    parent: str | None
    depth: int
    indent: int
    parts: list[tuple[bool, str]] = field(default_factory=list)  # (blank line before, text)
    blocks: list[int] = field(default_factory=list)

    def text(self) -> str:
        out = ""
        for blank, part in self.parts:
            if out:
                out += "\n\n" if blank else "\n"
            out += part
        return out


def thread_comments(
    blocks: list[Block], start: int, m: Matchers
) -> tuple[list[Comment], dict[int, str | None]]:
    """Comments of ``blocks[start:]`` and, per block index, None (comment) or a boilerplate kind."""
    zone = range(start, len(blocks))
    labels: dict[int, str | None] = {}
    authors = {index: says_author(blocks[index], m) for index in zone}
    structured = any(blocks[i].marker is not None or authors[i] for i in zone)
    # Username style: list items whose marker line is a bare name and whose text follows indented.
    with_text = [i for i in zone if blocks[i].marker is not None and _has_continuation(blocks, i)]
    named = [i for i in with_text if _username_like(_content(blocks[i]))]
    username_style = len(named) >= 2 and len(named) >= 0.6 * len(with_text)

    drafts: list[_Draft] = []
    stack: list[tuple[int, _Draft]] = []
    current: _Draft | None = None

    def open_comment(indent: int, author: str | None) -> _Draft:
        nonlocal current
        while stack and stack[-1][0] >= indent:
            stack.pop()
        parent = stack[-1][1] if stack else None
        draft = _Draft(
            id=f"c{len(drafts) + 1}",
            author=author,
            parent=parent.id if parent else None,
            depth=len(stack),
            indent=indent,
        )
        drafts.append(draft)
        stack.append((indent, draft))
        current = draft
        return draft

    for index in zone:
        block = blocks[index]
        text = block.clean
        if (
            is_comments_header(text, m)
            or is_action_line(text, m)
            or _is_navigation(block)
            or not any(char.isalnum() for char in text)
        ):
            labels[index] = BoilerplateKind.NAVIGATION.value
            continue
        labels[index] = None
        author = authors[index]
        content = _content(block)
        if author:
            draft = open_comment(block.indent, author)
        elif block.marker is not None:
            if username_style and _username_like(content):
                draft = open_comment(block.indent, content)
            else:
                draft = open_comment(block.indent, None)
                draft.parts.append((True, content))
        elif current is not None and not current.parts and current.author and is_comment_date(block, m):
            draft = current  # the date line under a username: part of the comment, not its text
        elif current is None or not structured:
            if current is not None and not block.blank_before:
                current.parts.append((False, content))
                draft = current
            else:
                draft = open_comment(0, None)
                draft.parts.append((True, content))
        else:
            draft = current
            draft.parts.append((block.blank_before, content))
        draft.blocks.append(index)

    comments = [Comment(id=d.id, author=d.author, text=d.text(), parent=d.parent, depth=d.depth) for d in drafts]
    return comments, labels


def _is_navigation(block: Block) -> bool:
    """Link-only lines in the comment section ("← Older comments", pagination)."""
    return block.link_density >= 0.9 and len(words(block.clean)) <= 12 and "](" in block.raw
