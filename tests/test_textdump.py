"""The text-dump extractor on the five real samples and on edge cases."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from newsprism.extract.textdump import MAX_BOILERPLATE_ITEMS, clean_markup, extract_text
from newsprism.extract.textdump.blocks import split_blocks
from newsprism.extract.textdump.classifier import FEATURES, BlockClassifier, refine, shipped
from newsprism.extract.textdump.features import matchers
from newsprism.extract.textdump.segmenter import segment
from newsprism.model import Document, Label
from newsprism.options import Options

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "newsprism" / "data" / "samples"


def extract(text: str) -> Document:
    return extract_text(Document(id="t", source="test", raw_text=text), Options())


def sample(prefix: str) -> Document:
    path = next(SAMPLES.glob(f"{prefix}_*.txt"))
    return extract(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def docs() -> dict[str, Document]:
    return {prefix: sample(prefix) for prefix in ("000", "001", "002", "003", "004")}


def titles(document: Document) -> list[str]:
    return [document.raw_text[s.start:s.end] for s in document.segments if s.label is Label.TITLE]


def segment_text(document: Document, needle: str):
    return next(s for s in document.segments if needle in document.raw_text[s.start:s.end])


# --- titles -------------------------------------------------------------------------------------


def test_titles(docs):
    assert titles(docs["000"]) == [
        "Video: French Officer Is Punished for Revealing Truth About US Role in “Defeating ISIS” in Syria"
    ]
    assert titles(docs["001"]) == []  # starts straight with a body sentence
    assert titles(docs["002"]) == ["Syria Daily: France — Russia and Assad Regime Waging “Total War”"]
    duplicated = "French Foreign Minister Is “Surprised” That Russia Arrogated Victory Over ISIS To Itself"
    assert titles(docs["003"]) == [duplicated, duplicated]  # shown twice: TITLE both times
    assert titles(docs["004"]) == ["Saignée anti-US du 10 novembre à Hassaké; 1er repli de troupes US vers l'Irak"]


def test_residue_line_is_not_title(docs):
    assert segment_text(docs["004"], "TV").label in (Label.BOILERPLATE, Label.METADATA)


# --- body: every paragraph in, nothing else --------------------------------------------------------

FIRST_LAST = {
    "000": ("Over the past few days, the military situation has notably escalated",
            "the publicly declared goals of the coalition presence in Syria and its real purposes."),
    "001": ("The French military chief says the Daesh Takfiri terrorist group",
            "are holding some desert regions near the border with Turkey."),
    "002": ("UPDATE 1615 GMT: Turkish Prime Minister Binali Yıldırım",
            "joint operations rooms in Baghdad and Damascus that include Syrian, Iranian, and Iraqi military officials."),
    "003": ("On December 9, France Foreign Minister Jean-Yves Le Drian told the French BFM TV",
            "the West is still not ready to work with Russia to bring peace to Syria."),
    "004": ("Depuis cette tonitruante attaque aux redoutables",
            "les Américains bombardaient \"par erreur\" les Hachd...."),
}


@pytest.mark.parametrize("prefix", sorted(FIRST_LAST))
def test_body_first_and_last_paragraphs(docs, prefix):
    first, last = FIRST_LAST[prefix]
    paragraphs = docs[prefix].body.split("\n\n")
    assert paragraphs[0].startswith(first)
    assert paragraphs[-1].endswith(last)


def test_body_keeps_inner_subheads_and_quotes(docs):
    body_002 = docs["002"].body
    for kept in ("Darayya Council Shuts Down After 4-Year Regime Siege and Attacks",
                 "Report: Egypt Sends Air Support Unit to Syria", "Ayrault added:", "The residents say:",
                 "UPDATE 0830 GMT: Turkey says three of its soldiers"):
        assert kept in body_002
    assert "Faux signal!" in docs["004"].body
    assert "Alors pourquoi James Jeffry ment-il?" in docs["004"].body
    assert len(docs["001"].paragraphs) == 12  # one paragraph per line, no blank lines in the input


def test_body_is_clean_of_markup(docs):
    body = docs["000"].body
    assert "Idlib de-escalation zone" in body and "**" not in body and "](#)" not in body


BANNED = {
    "000": ["PayPal", "Note to readers", "Disclaimer", "Become a Member", "copyrighted material", "media inquiries",
            "Region:", "original source"],
    "002": ["Related Posts", "Leave a Comment", "REUTERS/", "PHOTO:", "Jump to Original Entry", "Scott Lucas",
            "Opinion: Russia Today", "Caligola", "Wall Street Journal"],
    "003": ["2,500 $", "Illustrative image", "Do you like this content", "MH370", "FlorianGeyer",
            "Google is paying", "Israelis would be dancing"],
    "004": ["Lire plus", "Partager Cet Article", "SOURCE: FRENCH PRESS TV", "(AFP photo)", "(illustration)"],
}


@pytest.mark.parametrize("prefix", sorted(BANNED))
def test_no_boilerplate_or_comments_in_body(docs, prefix):
    for banned in BANNED[prefix]:
        assert banned not in docs[prefix].body, banned


def test_boilerplate_kinds(docs):
    kinds = {(b.kind.value, b.text[:20]) for b in docs["000"].boilerplate}
    assert ("donation", "If you're able, and ") in kinds
    assert ("disclaimer", "Disclaimer: The cont") in kinds
    assert segment_text(docs["000"], "The original source").kind == "outlet"
    assert segment_text(docs["000"], "Global Research, February 19").kind == "dateline"
    assert segment_text(docs["000"], "Region:").kind == "tags"
    assert segment_text(docs["004"], "SOURCE: FRENCH PRESS TV").kind == "outlet"
    assert segment_text(docs["002"], "Scott Lucas is Professor").kind == "author_bio"
    assert segment_text(docs["004"], "(AFP photo)").kind == "caption"
    assert segment_text(docs["003"], "2,500 $").kind == "donation"


# --- comments -------------------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["000", "001", "004"])
def test_no_comments(docs, prefix):
    assert docs[prefix].comments == []


def test_comments_with_usernames_003(docs):
    comments = docs["003"].comments
    by_id = {c.id: c for c in comments}
    assert [c.author for c in comments[:8]] == [
        "MH370", "FlorianGeyer", "christianblood", "Gary Sellars", "FlorianGeyer", "nshah", "FlorianGeyer", "cortisol"
    ]
    mh370, florian, christian, gary = comments[:4]
    assert (mh370.depth, mh370.parent) == (0, None)
    assert (florian.depth, florian.parent) == (1, mh370.id)
    assert (christian.depth, christian.parent) == (2, florian.id)
    assert christian.text == "Very true indeed!"
    # quoted text stays in the reply, and a multi-paragraph comment stays one comment
    assert gary.text.startswith("“Israelis would be dancing in the streets.”") and "just like after 9/11" in gary.text
    assert "Israelis would be dancing in the streets." in florian.text and florian.text.count("\n\n") == 2
    spam = next(c for c in comments if c.author == "Grace")
    assert "Google is paying" in spam.text  # spam is still a reader comment
    assert comments[-1].author == "rudy" and comments[-1].text == ""
    assert all(c.parent is None or by_id[c.parent].depth == c.depth - 1 for c in comments)
    assert [c.id for c in comments] == [f"c{i}" for i in range(1, len(comments) + 1)]


def test_comments_without_usernames_002(docs):
    comments = docs["002"].comments
    assert all(c.author is None for c in comments)
    assert len(comments) == 17
    first, second, turkish, caligola, mig = comments[:5]
    assert first.text.startswith("#1:Wall Street Journal") and "Who had it?" in first.text
    assert second.depth == 0 and "Neither option inspires confidence" in second.text
    assert (turkish.parent, turkish.depth) == (second.id, 1)
    assert (caligola.parent, caligola.depth) == (second.id, 1)
    assert "They’ll get sent packing" in caligola.text  # continuation paragraph
    assert (mig.parent, mig.depth) == (caligola.id, 2)
    deepest = max(comments, key=lambda c: c.depth)
    assert deepest.depth == 5 and "Hope that helps" in deepest.text
    assert segment_text(docs["002"], "Leave a Comment").label is Label.BOILERPLATE


def test_flat_comment_layout_with_says_lines_and_actions():
    text = (
        "A Headline About Something\n\n"
        + "The council met on Monday and agreed on a new budget for the town, which is the first in years. " * 3
        + "\n\n3 Comments\n\n"
        "Anna says:\n\nMarch 3, 2021 at 10:15 am\n\nI think this is a good decision for the town.\n\nReply\n\n"
        "Bob says:\n\nMarch 4, 2021 at 9:00 am\n\nNo, it is not.\n\nIt will cost too much.\n\nReply\n"
    )
    document = extract(text)
    assert [(c.author, c.text) for c in document.comments] == [
        ("Anna", "I think this is a good decision for the town."),
        ("Bob", "No, it is not.\n\nIt will cost too much."),
    ]
    assert "Reply" not in document.body and "Anna" not in document.body
    assert segment_text(document, "Reply").kind == "navigation"
    assert segment_text(document, "3 Comments").kind == "navigation"


def test_disqus_layout():
    text = (
        "Council Agrees On Budget\n\n"
        + "The council met on Monday and agreed on a new budget for the town, which is the first in years. " * 3
        + "\n\nComments\n\njdoe • 3 years ago\n\nGreat news for everyone here.\n\nReply Report\n\n"
        "asmith • 2 years ago\n\nI disagree.\n"
    )
    document = extract(text)
    assert [(c.author, c.text) for c in document.comments] == [
        ("jdoe", "Great news for everyone here."),
        ("asmith", "I disagree."),
    ]


# --- body continuity and edges ------------------------------------------------------------------

PROSE = "The council met on Monday and agreed on a new budget for the town, which is the first in years. " * 3


def test_body_resumes_after_an_in_article_ad_and_links():
    text = (
        "Council Agrees On Budget\n\n" + PROSE + "\n\nAdvertisement\n\n[Mayor resigns](http://x.org/a)\n\n"
        "[Roads closed](http://x.org/b)\n\nPhoto: John Doe/Reuters\n\n"
        + "The second half of the story explains what the new budget means for the schools of the town. " * 3
        + "\n\nRelated posts\n\n[Other story](http://x.org/c)\n\n"
        + "An excerpt of another story that is long enough to look like prose to the segmenter, sadly. " * 2
    )
    document = extract(text)
    assert "The second half of the story" in document.body
    assert "Mayor resigns" not in document.body and "Advertisement" not in document.body
    assert "Reuters" not in document.body
    assert "An excerpt of another story" not in document.body  # after a "Related posts" header: over


def test_ad_label_is_boilerplate_but_a_paragraph_about_advertising_is_body():
    paragraph = "Advertising revenue fell by a fifth last year, the company said, and it will cut jobs in the town. " * 3
    document = extract("Council Agrees On Budget\n\n" + PROSE + "\n\nAdvertisement\n\n" + paragraph.strip() + "\n")
    ad = next(s for s in document.segments if document.raw_text[s.start:s.end] == "Advertisement")
    assert (ad.label, ad.kind) == (Label.BOILERPLATE, "other")
    assert document.body.endswith(paragraph.strip())


def test_body_does_not_resume_into_a_newsletter_box():
    text = (
        "Council Agrees On Budget\n\n" + PROSE + "\n\n## Newsletter\n\n"
        + "Get the news of the town in your mailbox every morning, with all the stories that matter to you. " * 2
    )
    document = extract(text)
    assert document.body == PROSE.strip()
    assert segment_text(document, "Newsletter").kind == "subscription"


def test_short_sentence_next_to_the_body_is_kept_but_not_a_teaser_line():
    text = (
        "Council Agrees On Budget\n\nIt was a long night for the council.\n\n" + PROSE
        + "\n\nThat is all for now.\n\nMore from our town desk\n\nAdvertisement\n"
    )
    document = extract(text)
    assert document.body.startswith("It was a long night for the council.")
    assert document.body.endswith("That is all for now.")
    assert "More from" not in document.body and "Advertisement" not in document.body


def test_place_and_date_line_under_the_lead_is_not_a_comment_thread():
    text = (
        "Awards Given\n\n" + PROSE + "\n\nSpringfield | Shelbyville, 11 November 2021\n\n"
        + "The jury praised the entries for their clarity and said the next round opens in the spring. " * 4
    )
    document = extract(text)
    assert document.comments == []
    assert "The jury praised the entries" in document.body


def test_comments_header_before_a_thread_longer_than_the_article():
    reply = "I completely agree with the decision, and I think the town should have done this years ago. " * 3
    text = (
        "Council Agrees On Budget\n\n" + PROSE + "\n\n3 Comments\n\n"
        + "\n\n".join(f"1. Pingback from Some Blog | 1{i}.09.2011\n\n{reply}" for i in range(3))
    )
    document = extract(text)
    assert document.body.startswith("The council met on Monday")
    assert "I completely agree" not in document.body


def test_chinese_paragraphs_count_as_prose():
    paragraph = "我们在这个城市里生活了很多年，也见证了它的变化和发展。人们的生活越来越好了，但是问题也越来越多。" * 2
    document = extract("城市的变化\n\n" + paragraph + "\n\n" + paragraph + "\n\n分享到\n")
    assert document.body == paragraph + "\n\n" + paragraph


# --- trained block classifier -------------------------------------------------------------------


def constant_model(logit: float, reach: int = 3) -> BlockClassifier:
    """A real classifier whose probability is the same for every block: isolates refine's own rules."""
    n = len(FEATURES)
    return BlockClassifier(mean=(0.0,) * n, scale=(1.0,) * n, coef=(0.0,) * n, intercept=logit, reach=reach, add=0.6)


def refined(text: str, model: BlockClassifier):
    m = matchers()
    blocks = split_blocks(text)
    layout = segment(blocks, m)
    return blocks, layout, refine(blocks, layout, m, model)


def body_texts(blocks, decisions) -> list[str]:
    return [b.clean for b, d in zip(blocks, decisions) if d.label is Label.BODY]


LAYOUT = (
    "Forgot your password?\n\nSports\n\nWeather\n\n# Council Agrees On Budget\n\nBy Jane Roe\n\n"
    + PROSE + "\n\nWhat the plan means\n\n" + PROSE.replace("Monday", "Tuesday")
    + "\n\nThe full plan on the town website\n\nAdvertisement\n\n[Mayor resigns](http://x.org/a)\n\n"
    "[Roads closed](http://x.org/b)\n\n[Schools open](http://x.org/c)\n\nJobs at the Gazette\n\n"
    "3 Comments\n\nGreat article, thanks for writing it.\n"
)


def test_a_confident_classifier_grows_the_body_only_where_refine_allows():
    blocks, layout, decisions = refined(LAYOUT, constant_model(10.0))
    body = body_texts(blocks, decisions)
    assert "The full plan on the town website" not in body_texts(blocks, layout.decisions)
    assert "The full plan on the town website" in body  # a closing line the rules left out
    assert not any(d.label is Label.BODY and r.label is not Label.BODY for d, r in
                   zip(decisions[layout.limit:], layout.decisions[layout.limit:]))  # nothing in the comments
    for never in ("Forgot your password?", "Sports", "Weather", "Council Agrees On Budget", "By Jane Roe",
                  "Advertisement", "Mayor resigns", "Great article, thanks for writing it."):
        assert never not in body  # beyond the title, a title, a byline, cue and link lines, a comment
    assert "Jobs at the Gazette" not in body  # four rejected lines in a row: past the reach of 3
    assert all(d.label is Label.BODY for d, r in zip(decisions, layout.decisions) if r.label is Label.BODY)


def test_reach_bounds_how_far_the_body_jumps():
    blocks, _, decisions = refined(LAYOUT, constant_model(10.0, reach=4))
    assert "Jobs at the Gazette" in body_texts(blocks, decisions)


def test_an_unsure_classifier_leaves_the_rules_alone():
    blocks, layout, decisions = refined(LAYOUT, constant_model(-10.0))
    assert decisions == layout.decisions


def test_shipped_classifier_takes_in_a_list_intro_but_not_menu_lines():
    text = (
        "Sports\n\nWeather\n\n# Council Agrees On Budget\n\n" + PROSE + "\n\nThe plan includes three measures:\n\n"
        "* A new school in the north of the town\n* Money for the buses\n\nHome\n\nContact\n"
    )
    document = extract(text)
    assert "The plan includes three measures:" in document.body
    for menu in ("Sports", "Weather", "Home", "Contact"):
        assert segment_text(document, menu).label is not Label.BODY


def test_shipped_classifier_file_matches_the_features():
    model = shipped()
    assert len(model.coef) == len(model.mean) == len(model.scale) == len(FEATURES)
    assert 0 < model.add < 1 and model.reach >= 0


@pytest.mark.parametrize(
    "change",
    [{"format": "something-else/1"}, {"features": list(FEATURES[:-1])}, {"features": list(reversed(FEATURES))}],
)
def test_a_model_for_other_features_is_refused(change):
    data = json.loads(resources.files("newsprism").joinpath("data/segmenter-model.json").read_text(encoding="utf-8"))
    assert BlockClassifier.from_json(data) == shipped()
    with pytest.raises(ValueError, match="retrain"):
        BlockClassifier.from_json({**data, **change})


# --- markup ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("By [South Front](#)", "By South Front"),
        ("**bold** and *it* and __u__ and _em_", "bold and it and u and em"),
        ("see <http://southfront.org/donate/> now", "see http://southfront.org/donate/ now"),
        ("## A [linked](http://x.y/a_(b)) heading ##", "A linked heading"),
        ("[Share](https://t.co/intent?text=a b c)", "Share"),
        ("13\\. März \\*not italic\\*", "13. März *not italic*"),
        ("Leser*innen und snake_case_name", "Leser*innen und snake_case_name"),
        ("![logo](http://x/y.png) text", "text"),
        ("> quoted\n> lines", "quoted lines"),
    ],
)
def test_clean_markup(raw, clean):
    assert clean_markup(raw) == clean


# --- negative and edge cases ----------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   \n\n\xa0\n", "*\n\n* * *\n"])
def test_empty_ish_input(text):
    document = extract(text)
    assert document.body == "" and document.comments == [] and document.paragraphs == []
    assert all(s.label is Label.BOILERPLATE for s in document.segments)


def test_single_line():
    document = extract("Just one sentence of text that is the whole article and ends here.")
    assert document.body == "Just one sentence of text that is the whole article and ends here."
    assert not titles(document)


def test_all_caps_text():
    text = "BREAKING NEWS FROM THE CAPITAL\n\n" + "THE GOVERNMENT HAS ANNOUNCED THAT IT WILL RAISE TAXES ON FUEL AND THE OPPOSITION IS ANGRY ABOUT IT. " * 3
    document = extract(text)
    assert titles(document) == ["BREAKING NEWS FROM THE CAPITAL"]
    assert document.body.startswith("THE GOVERNMENT HAS ANNOUNCED")


def test_only_comments():
    text = "  • alice\n\n    This article is rubbish and so are you.\n\n    • bob\n\n      No, you are wrong about it.\n\n  • carol\n\n    Thanks.\n"
    document = extract(text)
    assert document.body == ""
    assert [(c.author, c.depth) for c in document.comments] == [("alice", 0), ("bob", 1), ("carol", 0)]


def test_very_long_line():
    line = "This is a very long sentence with many words in it and it goes on, " * 3000
    document = extract("Some Title Here\n\n" + line + "\n")
    assert len(document.body) == len(line.strip())


def test_hard_wrapped_paragraphs_are_joined():
    paragraph = (
        "The minister said on Tuesday that the government would not change its\n"
        "position on the matter, despite the protests that have been held in the\n"
        "capital for several weeks now and the calls from the opposition to\n"
        "resign.\n"
    )
    document = extract("\n".join([paragraph] * 4))
    assert len(document.paragraphs) == 4
    assert document.body.split("\n\n")[0].endswith("the calls from the opposition to resign.")


def test_five_megabyte_dump_is_fast():
    import time

    unit = (
        "Headline of a Section\n\n"
        + "A paragraph of ordinary prose that goes on for a while, with the usual words in it. " * 4
        + "\n\n[Related link](http://example.org/x)\n\n"
    )
    text = unit * (5_000_000 // len(unit))
    started = time.perf_counter()
    document = extract(text)
    assert time.perf_counter() - started < 15
    assert document.body


def test_a_dump_of_thousands_of_short_lines_stays_bounded():
    """A menu or table export: every line is kept in a segment, but runs are merged and the listing capped."""
    menu = "\n".join(f"[Section {i}](#)" if i % 2 else f"Item {i} Of The Catalogue" for i in range(3 * MAX_BOILERPLATE_ITEMS))
    article = (
        "Floods close the valley road\n\n"
        + "Heavy rain overnight pushed the river over its banks, and the council closed the valley road "
        "on Tuesday morning while engineers inspected the bridge.\n\n" * 3
        + menu
    )
    document = extract_text(Document(id="x", source="menu.txt", raw_text=article), Options())
    assert "Heavy rain overnight" in document.body and "Section 7" not in document.body
    assert len(document.boilerplate) == MAX_BOILERPLATE_ITEMS
    assert any("more boilerplate blocks not listed" in w for w in document.warnings)
    assert len(document.segments) < 3 * MAX_BOILERPLATE_ITEMS  # same-kind runs are one segment each
    covered = set()
    for segment in document.segments:
        covered.update(range(segment.start, segment.end))
    assert all(i in covered for i, char in enumerate(article) if not char.isspace())
