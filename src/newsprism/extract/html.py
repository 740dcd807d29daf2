"""HTML extraction: article body, reader comments, page metadata and boilerplate.

trafilatura does the hard part in one pass (``bare_extraction``): it returns the
same ``<main>`` and ``<comments>`` element trees its XML output is serialised from,
plus the page metadata, so we neither re-parse XML nor run the metadata extractor
twice.  What trafilatura does not give, we recover cheaply from the original DOM
(parsed once, and left untouched because trafilatura works on a copy):

* comment threads: trafilatura's comment output is flat; common comment systems
  (WordPress, Drupal, most themes) mark each comment with a ``comment`` class or a
  ``comment-123`` id and nest replies inside their parent, which gives author,
  parent and depth;
* boilerplate: the page's text blocks that ended up in neither body nor comments.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import lru_cache

from lxml import etree
from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.metadata import extract_metadata
from trafilatura.utils import load_html
from trafilatura.xml import xmltotxt

from ..model import Boilerplate, BoilerplateKind, Comment, Document, Paragraph
from ..options import Options

# trafilatura settings, chosen on the dev split of the extraction benchmark
# (benchmarks/extraction_eval.py --tune; see BENCHMARKS.md).
TRAFILATURA_SETTINGS: dict[str, bool] = {
    "favor_precision": False,
    "favor_recall": False,
    "include_tables": True,
}
# htmldate's "extensive" search guesses dates from any date-like string in the page
# (captions, dates inside the story); newsprism must not invent a publication date.
DATE_PARAMS = {"original_date": True, "extensive_search": False}

MAX_BOILERPLATE_ITEMS = 60
MAX_BOILERPLATE_CHARS = 300
MAX_AUTHOR_CHARS = 80
MAX_CHROME_LINE = 150  # menu entries and footer lines are short

_SPACE = re.compile(r"\s+")
# Markup that never carries visible page text.
_INVISIBLE = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object", "select"}
_CHROME = ("nav", "menu", "footer")
_BLOCK = {
    "p", "li", "dd", "dt", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "figcaption", "caption", "pre", "address", "div", "section", "article", "aside", "nav",
    "header", "footer", "ul", "ol", "dl", "table", "tr", "tbody", "form", "main", "figure", "body",
}
# A comment container: class token "comment" (WordPress <li class="comment depth-2">,
# Drupal <article class="comment">) or an id such as "comment-123" / "comment123".
_COMMENT_ID = re.compile(r"^comment-?\d+$", re.I)
_AUTHOR_CLASS = re.compile(r"(?:^|[\s_-])(?:fn|author|username|user-name|nickname)(?:$|[\s_-])", re.I)
_SAYS = re.compile(r"\s*(?:says|said|wrote|dit|schreibt|escribió|napisał)\s*:?\s*$", re.I)
# Boilerplate kinds from class/id/role cues of the block or its ancestors (language-neutral),
# checked in this order; then from a few text cues for copyright notices.
_KIND_CUES: tuple[tuple[BoilerplateKind, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))  # matched against lower-cased attribute values (faster than re.I)
    for kind, pattern in (
        (BoilerplateKind.CAPTION, r"caption|wp-caption"),
        (BoilerplateKind.SHARE, r"shar(?:e|ing)|social|sociable|addthis|sharethis"),
        (BoilerplateKind.RELATED, r"related|recommend|read-?more|more-(?:stories|articles|news)|popular|trending|teaser"),
        (BoilerplateKind.SUBSCRIPTION, r"newsletter|subscri|signup|sign-up|paywall"),
        (BoilerplateKind.DONATION, r"donat|patreon|support-us"),
        (BoilerplateKind.AUTHOR_BIO, r"author-?(?:bio|box|info)|about-author|bio-?box"),
        (BoilerplateKind.DISCLAIMER, r"copyright|disclaimer|legal|imprint|impressum"),
        (BoilerplateKind.NAVIGATION, r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumbs?|pagination|masthead|header|footer|sidebar|skip)"),
    )
)
# one search rules out most elements before the kinds are tried in order
_ANY_KIND_CUE = re.compile("|".join(f"(?:{pattern.pattern})" for _, pattern in _KIND_CUES))
_KIND_TAGS = {
    "nav": BoilerplateKind.NAVIGATION,
    "header": BoilerplateKind.NAVIGATION,
    "figcaption": BoilerplateKind.CAPTION,
    "menu": BoilerplateKind.NAVIGATION,
}
_COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|copyright|all rights reserved|tous droits|alle rechte|derechos reservados", re.I)


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def extract_html(document: Document, options: Options, *, settings: Mapping[str, bool] | None = None) -> Document:
    """Fill body, paragraphs, comments, boilerplate and metadata hints from ``document.raw_text``.

    ``settings`` overrides :data:`TRAFILATURA_SETTINGS` (the benchmark compares them).
    """
    tree = load_html(document.raw_text) if document.raw_text.strip() else None
    if tree is None:
        document.warn("no main text found")
        return document
    extracted = bare_extraction(
        tree,
        url=document.hints.url,
        **{**TRAFILATURA_SETTINGS, **(settings or {})},
        include_comments=True,
        with_metadata=True,
        date_extraction_params=DATE_PARAMS,
    )
    if extracted is None:
        # trafilatura gives no metadata when it finds no text: the page's metadata still counts.
        metadata = extract_metadata(tree, document.hints.url, DATE_PARAMS)
        _fill_hints(document, metadata)
        document.warn("no main text found")
        return document
    _fill_hints(document, extracted)

    lines = [line for line in (_norm(x) for x in (extracted.text or "").split("\n")) if line]
    # trafilatura keeps the article's <h1> as the first line; the title is a field of its own
    if lines and document.hints.title and lines[0].casefold() == _norm(document.hints.title).casefold():
        lines = lines[1:]
    if lines and _only_page_chrome(lines, tree):
        lines = []  # trafilatura's fallbacks returned menus or footers: the page has no article
    document.body = "\n\n".join(lines)
    document.paragraphs = list(_paragraphs(lines))
    if not document.body:
        document.warn("no main text found")

    comment_blocks = _element_texts(extracted.commentsbody)
    document.comments = _comments(comment_blocks, tree, document.body)
    comment_blocks = [c.text for c in document.comments]
    document.boilerplate = _boilerplate(tree, document, comment_blocks)
    return document


def _only_page_chrome(lines: list[str], tree: HtmlElement) -> bool:
    """True when every body line sits in navigation or footer markup (header, aside and form
    are left out: some sites wrap the whole article in them)."""
    if any(len(line) > MAX_CHROME_LINE for line in lines):
        return False  # prose, even where a site wraps its article in <nav>
    chrome = "\n".join(_norm(_visible_text(e)) for e in tree.iter(*_CHROME))
    return bool(chrome) and all(line in chrome for line in lines)


def _fill_hints(document: Document, metadata) -> None:
    """Copy trafilatura's metadata into hints the container (JSONL, RSS…) did not give."""
    hints = document.hints
    if metadata is None:
        return
    hints.url = hints.url or metadata.url or None
    hints.title = hints.title or metadata.title or None
    if not hints.authors and metadata.author:
        hints.authors = [name.strip() for name in metadata.author.split(";") if name.strip()]
    hints.published = hints.published or metadata.date or None
    hints.sitename = hints.sitename or metadata.sitename or None
    hints.description = hints.description or metadata.description or None
    document.url = document.url or hints.url


def _paragraphs(lines: list[str]) -> Iterator[Paragraph]:
    position = 0
    for line in lines:
        yield Paragraph(start=position, end=position + len(line))
        position += len(line) + 2


def _element_texts(container) -> list[str]:
    """Text of each top-level element of trafilatura's ``<comments>`` tree."""
    if container is None:
        return []
    texts = (_norm(xmltotxt(child, False)) for child in container)
    return [text for text in texts if text]


# --- comment threads ------------------------------------------------------------------


def _is_comment_node(element: HtmlElement) -> bool:
    if element.tag not in {"li", "article", "div", "section"}:
        return False
    classes = (element.get("class") or "").lower().split()
    return "comment" in classes or bool(_COMMENT_ID.match(element.get("id") or ""))


class _CommentNode:
    __slots__ = ("element", "parent", "depth", "own_text", "paragraphs", "author")

    def __init__(self, element: HtmlElement, parent: _CommentNode | None):
        self.element = element
        self.parent = parent
        self.depth = parent.depth + 1 if parent else 0
        self.own_text = ""
        self.paragraphs: list[str] = []
        self.author: str | None = None


def _comment_nodes(tree: HtmlElement) -> list[_CommentNode]:
    """Comment containers of the original DOM, in document order, each with its thread parent."""
    nodes: list[_CommentNode] = []
    by_element: dict[HtmlElement, _CommentNode] = {}
    for element in tree.iter("li", "article", "div", "section"):
        if not _is_comment_node(element):
            continue
        parent = next((by_element[a] for a in element.iterancestors() if a in by_element), None)
        node = _CommentNode(element, parent)
        by_element[element] = node
        nodes.append(node)
    for node in nodes:
        node.own_text, node.paragraphs, node.author = _own_text(node.element, by_element)
    return nodes


def _own_text(element: HtmlElement, comment_elements) -> tuple[str, list[str], str | None]:
    """Text of a comment without its replies, its ``<p>`` paragraphs, and the author its markup gives."""
    author: str | None = None
    paragraphs: list[str] = []

    def skip(current: HtmlElement) -> bool:
        nonlocal author
        if current is element:
            return False
        if current in comment_elements:
            return True
        if current.tag == "p" and (text := _norm(_visible_text(current))):
            paragraphs.append(text)
        if author is None and _is_author_element(current):
            name = _SAYS.sub("", _norm(_visible_text(current)))
            if 0 < len(name) <= MAX_AUTHOR_CHARS:
                author = name
        return False

    text = _norm(_visible_text(element, skip))
    return text, paragraphs, author


def _is_author_element(element: HtmlElement) -> bool:
    if element.get("itemprop") in {"author", "creator"}:
        return True
    if element.tag == "cite":
        return True
    return bool(_AUTHOR_CLASS.search(element.get("class") or ""))


def _comments(blocks: list[str], tree: HtmlElement, body: str) -> list[Comment]:
    """Group trafilatura's flat comment blocks by the DOM comment they come from.

    When trafilatura finds no comment section but the DOM has marked-up comments, their
    ``<p>`` paragraphs are taken instead (markup without paragraphs is too noisy: dates,
    "Reply" links…).
    """
    nodes = _comment_nodes(tree)
    if not blocks:
        blocks = [p for n in nodes for p in n.paragraphs if p not in body]
    if not blocks:
        return []
    groups: list[tuple[_CommentNode | None, list[str]]] = []
    for block in blocks:
        # the innermost comment whose own text holds the block (replies are excluded from own_text)
        node = next((n for n in reversed(nodes) if block in n.own_text), None)
        if node is not None and node.author and block in {node.author, f"{node.author} says:"}:
            continue  # the author line, kept as the comment's author rather than its text
        if groups and node is not None and groups[-1][0] is node:
            groups[-1][1].append(block)
        else:
            groups.append((node, [block]))
    comments: list[Comment] = []
    ids: dict[int, str] = {}
    for node, texts in groups:
        comment_id = f"c{len(comments) + 1}"
        parent = None
        if node is not None:
            ids.setdefault(id(node), comment_id)
            ancestor = node.parent
            while ancestor is not None and id(ancestor) not in ids:
                ancestor = ancestor.parent
            parent = ids[id(ancestor)] if ancestor is not None else None
        comments.append(
            Comment(
                id=comment_id,
                author=node.author if node else None,
                text="\n\n".join(texts),
                parent=parent,
                depth=(comments[int(parent[1:]) - 1].depth + 1) if parent else 0,
            )
        )
    return comments


# --- boilerplate ----------------------------------------------------------------------


def _boilerplate(tree: HtmlElement, document: Document, comment_blocks: list[str]) -> list[Boilerplate]:
    """Visible text blocks of the page that are neither body nor comments, with a kind."""
    kept = "\n".join([_norm(document.body), *comment_blocks, document.hints.title or ""])
    kinds: dict[HtmlElement, BoilerplateKind] = {}
    items: list[Boilerplate] = []
    last_parent = None
    for element, text in _leaf_blocks(tree):
        if len(text) < 2 or text in kept:
            continue
        parent = element.getparent()
        kind = _inherited_kind(element, kinds)
        if kind in {BoilerplateKind.OTHER, BoilerplateKind.NAVIGATION} and _COPYRIGHT.search(text):
            kind = BoilerplateKind.DISCLAIMER
        # siblings of one list or menu become one item ("Home · World · Sport")
        if items and parent is last_parent and items[-1].kind is kind:
            merged = f"{items[-1].text} · {text}"
            items[-1].text = merged[:MAX_BOILERPLATE_CHARS]
            continue
        if len(items) >= MAX_BOILERPLATE_ITEMS:
            break
        items.append(Boilerplate(kind=kind, text=text[:MAX_BOILERPLATE_CHARS]))
        last_parent = parent
    return items


def _leaf_blocks(tree: HtmlElement) -> Iterator[tuple[HtmlElement, str]]:
    """(element, text) of each block element holding no other block, in page order.

    One pass over the elements (in document order a parent comes before its children, so each
    element's nearest block ancestor is known from its parent's), then C-level text extraction.
    The tree's invisible markup is stripped first: boilerplate is the tree's last reader.
    """
    body = tree.find("body")
    root = body if body is not None else tree
    etree.strip_elements(root, *_INVISIBLE, with_tail=False)
    for line_break in root.iter("br"):
        line_break.tail = " " + (line_break.tail or "")
    nearest_block: dict[HtmlElement, HtmlElement | None] = {}
    holds_blocks: set[HtmlElement] = set()
    blocks: list[HtmlElement] = []
    for element in root.iter(etree.Element):
        enclosing = nearest_block.get(element.getparent())
        if element.tag in _BLOCK:
            if enclosing is not None:
                holds_blocks.add(enclosing)
            blocks.append(element)
            enclosing = element
        nearest_block[element] = enclosing
    for element in blocks:
        if element not in holds_blocks and (text := _norm(element.text_content())):
            yield element, text


def _inherited_kind(element: HtmlElement, kinds: dict[HtmlElement, BoilerplateKind]) -> BoilerplateKind:
    """The kind of ``element`` given its ancestors' (memoised: only kept blocks' chains are walked)."""
    chain = []
    current: HtmlElement | None = element
    while current is not None and current not in kinds:
        chain.append(current)
        current = current.getparent()
    kind = kinds[current] if current is not None else BoilerplateKind.OTHER
    for ancestor in reversed(chain):
        kind = kinds[ancestor] = _kind_of(ancestor, kind)
    return kind


def _visible_text(element: HtmlElement, skip=None) -> str:
    """Text of ``element`` without invisible markup (and without subtrees ``skip`` rejects).

    Walked with ``iterwalk`` rather than recursion: hostile pages nest arbitrarily deep.
    """
    parts: list[str] = []
    walker = etree.iterwalk(element, events=("start", "end"))
    for event, current in walker:
        if event == "start":
            if not isinstance(current.tag, str) or current.tag in _INVISIBLE or (skip and skip(current)):
                walker.skip_subtree()
            else:
                parts.append(" " if current.tag in _BLOCK or current.tag == "br" else "")
                parts.append(current.text or "")
        elif current is not element:
            parts.append(" " if current.tag in _BLOCK else "")
            parts.append(current.tail or "")
    return "".join(parts)


def _kind_of(element: HtmlElement, inherited: BoilerplateKind) -> BoilerplateKind:
    if inherited is not BoilerplateKind.OTHER and inherited is not BoilerplateKind.NAVIGATION:
        return inherited  # a share bar inside the header is still a share bar
    attributes = element.attrib
    if "class" in attributes or "id" in attributes or "role" in attributes:
        cues = f"{attributes.get('class', '')} {attributes.get('id', '')} {attributes.get('role', '')}"
        cued = _kind_from_cues(cues.lower())
        if cued is not None:
            return cued
    return _KIND_TAGS.get(element.tag, inherited)


@lru_cache(maxsize=4096)
def _kind_from_cues(cues: str) -> BoilerplateKind | None:
    """Kind named by class/id/role values (cached: a page repeats the same few class strings)."""
    if _ANY_KIND_CUE.search(cues):
        for kind, pattern in _KIND_CUES:
            if pattern.search(cues):
                return kind
    return None
