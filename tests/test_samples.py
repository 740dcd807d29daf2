"""The issue's acceptance checks on the five bundled samples, through the whole pipeline."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pytest

from newsprism.ingest import iter_inputs
from newsprism.model import Document, Label
from newsprism.options import Options
from newsprism.pipeline import run_batch

SAMPLES = Path(str(files("newsprism") / "data" / "samples"))


@pytest.fixture(scope="module")
def docs() -> dict[str, Document]:
    results = list(run_batch(iter_inputs([str(SAMPLES)], Options()), Options()))
    assert all(isinstance(r, Document) for r in results), results
    return {Path(r.source).name[:3]: r for r in results}


def test_every_sample_is_a_document(docs):
    assert sorted(docs) == ["000", "001", "002", "003", "004"]


def test_languages(docs):
    assert {k: d.language for k, d in docs.items()} == {
        "000": "en", "001": "en", "002": "en", "003": "en", "004": "fr"}
    assert all(d.language_confidence and d.language_confidence > 0.5 for d in docs.values())


def test_titles_exactly_once_and_never_a_body_sentence(docs):
    assert docs["000"].title == "Video: French Officer Is Punished for Revealing Truth About US Role in “Defeating ISIS” in Syria"
    assert docs["001"].title is None
    assert docs["002"].title == "Syria Daily: France — Russia and Assad Regime Waging “Total War”"
    assert docs["003"].title == "French Foreign Minister Is “Surprised” That Russia Arrogated Victory Over ISIS To Itself"
    assert docs["004"].title == "Saignée anti-US du 10 novembre à Hassaké; 1er repli de troupes US vers l'Irak"
    for doc in docs.values():
        if doc.title:
            assert doc.title not in doc.body, "the title must not be repeated in the body"


def test_outlets_where_the_text_names_them(docs):
    assert docs["000"].outlet and docs["000"].outlet.name == "Global Research"
    assert docs["000"].outlet.domain == "globalresearch.ca"
    assert docs["002"].outlet and docs["002"].outlet.name == "EA WorldView"
    assert docs["004"].outlet and "Press TV" in docs["004"].outlet.name
    assert docs["001"].outlet is None and docs["003"].outlet is None


def test_no_invented_dates(docs):
    assert docs["000"].published == "2019-02-19"
    for key in ("001", "002", "003", "004"):
        assert docs[key].published is None, (key, docs[key].published)


BOILERPLATE_OR_COMMENT_TEXT = {
    "000": ["Note to readers", "PayPal", "Disclaimer", "copyrighted material", "Become a Member",
            "Region:", "Theme:", "In-depth Report", "original source of this article", "media inquiries", "[South Front]"],
    "001": [],
    "002": ["REUTERS/Charles Platiau", "PHOTO:", "Picks A Fight", "Jump to Original Entry", "Related Posts",
            "Scott Lucas is Professor", "Leave a Comment", "Clap clap lol", "Beta leadership", "Never is a long time"],
    "003": ["2,500 $", "Illustrative image", "Do you like this content", "MH370", "FlorianGeyer", "dancing in the streets",
            "Google is paying", "boring facts"],
    "004": ["AFP photo", "(illustration)", "Lire plus", "Partager Cet Article", "SOURCE: FRENCH PRESS TV"],
}

FIRST_AND_LAST_BODY_PARAGRAPHS = {
    "000": ("Over the past few days, the military situation has notably escalated",
            "are another example of the disconnect between the publicly declared goals"),
    "001": ("The French military chief says the Daesh Takfiri terrorist group",
            "are holding some desert regions near the border with Turkey."),
    "002": ("UPDATE 1615 GMT: Turkish Prime Minister Binali Yıldırım",
            "include Syrian, Iranian, and Iraqi military officials."),
    "003": ("On December 9, France Foreign Minister Jean-Yves Le Drian",
            "not ready to work with Russia to bring peace to Syria."),
    "004": ("Depuis cette tonitruante attaque aux redoutables drones armés",
            "Un peu comme à l'époque de Daech"),
}


@pytest.mark.parametrize("key", sorted(BOILERPLATE_OR_COMMENT_TEXT))
def test_body_is_clean_and_complete(docs, key):
    body = docs[key].body
    for fragment in BOILERPLATE_OR_COMMENT_TEXT[key]:
        assert fragment not in body, f"{key}: {fragment!r} leaked into the body"
    first, last = FIRST_AND_LAST_BODY_PARAGRAPHS[key]
    paragraphs = body.split("\n\n")
    assert paragraphs[0].startswith(first)
    assert last in paragraphs[-1]
    assert "**" not in body and "](#)" not in body


def test_body_keeps_every_paragraph_in_order(docs):
    raw = docs["001"].raw_text
    expected = [line.strip() for line in raw.splitlines() if line.strip()]
    assert docs["001"].body.split("\n\n") == expected
    body = docs["002"].body
    for marker in ("UPDATE 0830 GMT", "ORIGINAL ENTRY:", "Ayrault added:", "We aren’t going to sit and do nothing.",
                   "Darayya Council Shuts Down", "Report: Egypt Sends Air Support Unit to Syria",
                   "Report: Hezbollah Has 1st Direct Meeting"):
        assert marker in body, marker
    positions = [body.index(m) for m in ("UPDATE 1615 GMT", "ORIGINAL ENTRY:", "Darayya Council", "Report: Hezbollah")]
    assert positions == sorted(positions)


def test_comment_threads(docs):
    for key in ("000", "001", "004"):
        assert docs[key].comments == []
    c003 = docs["003"].comments
    by_author = {}
    for comment in c003:
        by_author.setdefault(comment.author, []).append(comment)
    ids = {c.id: c for c in c003}
    first = c003[0]
    assert first.author == "MH370" and first.depth == 0 and first.parent is None
    florian = by_author["FlorianGeyer"][0]
    assert florian.parent == first.id and florian.depth == 1
    christian = by_author["christianblood"][0]
    assert christian.text == "Very true indeed!" and christian.parent == florian.id and christian.depth == 2
    gary = by_author["Gary Sellars"][0]
    assert gary.parent == florian.id and "just like after 9/11" in gary.text
    assert ids[by_author["Barba_Papa"][0].parent].author == "Trustin Judeau"
    for name in ("cortisol", "Jesus", "Tudor Miron", "Marc Lebas", "Rob", "Lumen", "Bru", "Justin", "Grace"):
        assert name in by_author, name
    justin = by_author["Justin"][0]
    assert "I will OWN you" in justin.text and "Everyone knows US created isis" in justin.text
    c002 = docs["002"].comments
    assert len(c002) >= 15
    assert all(c.author is None for c in c002)
    top = [c for c in c002 if c.depth == 0]
    assert len(top) == 3
    andre = next(c for c in c002 if c.text.startswith("Oh wow Andre"))
    parent = {c.id: c for c in c002}[andre.parent]
    assert "So what? Are you now going to tell us" in parent.text and andre.depth == parent.depth + 1
    assert any("Hope that helps" in c.text for c in c002)


def test_segments_cover_the_input(docs):
    for key, doc in docs.items():
        covered = [False] * len(doc.raw_text)
        for segment in doc.segments:
            for i in range(segment.start, segment.end):
                assert not covered[i], f"{key}: overlapping segments at {i}"
                covered[i] = True
        missing = [i for i, ch in enumerate(doc.raw_text) if not ch.isspace() and not covered[i]]
        assert not missing, f"{key}: {len(missing)} characters assigned to no segment"
        assert any(s.label is Label.BODY for s in doc.segments)
