"""The corpus HTML report, on real SQLite stores: one filled by ``newsprism analyze --db`` on the bundled
samples, one filled with hand-built (partly hostile) documents, and an empty one."""

from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser
from importlib.resources import files
from pathlib import Path

import numpy as np
import pytest
from markupsafe import escape

from newsprism.corpus.outlets import load_outlet_profiles
from newsprism.corpus.store import Store
from newsprism.corpus.views import list_stories
from newsprism.model import Claim, ClaimLink, Document, Entity, NarrativeMatch, Quote, TechniqueSpan, Tone
from newsprism.report import corpus
from newsprism.report.corpus import period_of, render_corpus_report, write_corpus_report

SAMPLES = Path(str(files("newsprism") / "data" / "samples"))

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
SVG_BREAK = "</text></svg><svg onload=alert(2)>"

# What the report may contain: nothing that runs, loads or frames anything.
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "main", "nav", "section", "article", "h1", "h2",
    "h3", "p", "a", "span", "strong", "em", "code", "table", "tr", "th", "td", "ul", "li", "dl", "dt", "dd", "br",
    "div", "details", "summary", "svg", "g", "rect", "line", "circle", "text",
}


class Audit(HTMLParser):
    """Every tag and attribute of the report, to check that hostile text never became markup, and that
    every element is closed in order (injected markup would unbalance the tree)."""

    VOID = {"meta", "br"}

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str, str | None]] = []
        self.unbalanced: list[str] = []
        self._stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag not in self.VOID:
            self._stack.append(tag)
        self.attributes.extend((tag, name, value) for name, value in attrs)

    def handle_startendtag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes.extend((tag, name, value) for name, value in attrs)

    def handle_endtag(self, tag):
        if not self._stack or self._stack[-1] != tag:
            self.unbalanced.append(f"</{tag}> closes {self._stack[-3:]}")
        else:
            self._stack.pop()

    def close(self):
        super().close()
        self.unbalanced.extend(f"<{tag}> never closed" for tag in self._stack)


def audit(text: str) -> Audit:
    parser = Audit()
    parser.feed(text)
    parser.close()
    return parser


def assert_inert(text: str) -> None:
    found = audit(text)
    assert not found.unbalanced, found.unbalanced[:5]
    # <title> occurs in the head and as SVG tooltips; nothing else outside the list.
    assert set(found.tags) <= ALLOWED_TAGS | {"title"}, set(found.tags) - ALLOWED_TAGS
    for tag, name, value in found.attributes:
        assert not name.startswith("on"), (tag, name, value)
        assert name not in {"src", "srcset", "action", "formaction"}, (tag, name)
        if name == "href":
            assert value.startswith(("#", "http://", "https://")), value
    assert "<script" not in text.lower() and "<img" not in text.lower() and "<iframe" not in text.lower()
    assert "javascript:" not in text.lower()
    assert "http-equiv=\"Content-Security-Policy\"" in text
    # No remote resource: the only absolute URLs are links to label sources.
    assert not re.search(r"(?:src|@import|url\()\s*=?\s*[\"']?https?:", text)


# -- stores ---------------------------------------------------------------------------------------


def unit(axis: int, tilt: float = 0.0) -> list[float]:
    vector = np.zeros(384)
    vector[axis] = 1.0
    vector[(axis + 1) % 384] = tilt
    return (vector / np.linalg.norm(vector)).tolist()


def record(doc_id: str, *, title: str, body: str, outlet: str | None, domain: str | None, axis: int,
           published: str | None = "2024-03-12", tilt: float = 0.0, quotes=(), claims=(), narratives=(),
           techniques=(), stages=("extract", "entities", "quotes", "techniques", "claims", "tone", "embedding"),
           **extra) -> dict:
    document = Document(
        id=doc_id, source=f"{doc_id}.txt", title=title, body=body, language="en", published=published,
        outlet={"name": outlet, "domain": domain} if outlet else None, stages=list(stages), embedding=unit(axis, tilt),
        entities=[Entity(text="Izmir", start=0, end=5, type="location", id="np:loc:izmir", name="Izmir"),
                  Entity(text="AFAD", start=0, end=4, type="organisation", id="np:org:afad", name="AFAD")],
        quotes=list(quotes), claims=list(claims), narratives=list(narratives),
        techniques=[TechniqueSpan(technique=t, start=0, end=5, text=body[:5], confidence=0.8) for t in techniques],
        technique_density=10.0 * len(techniques) if "techniques" in stages else None,
        own_voice_density=5.0 * len(techniques) if "techniques" in stages else None,
        tone=[Tone(id="np:org:afad", name="AFAD", score=-0.6, label="hostile", mentions=1)],
    )
    return {**document.to_json_dict(), **extra}


def quote(body: str, text: str, speaker: str, speaker_id: str | None = None) -> Quote:
    start = body.find(text)
    if start < 0:
        start = 0
    return Quote(text=text, start=start, end=start + len(text), kind="direct", speaker=speaker,
                 speaker_name=speaker, speaker_id=speaker_id)


QUAKE_A = ("Izmir quake kills 27 people on Tuesday, the disaster agency said. Rescue teams searched collapsed "
           "buildings through the night while aftershocks shook the coast. ") * 2
QUAKE_B = ("An earthquake near Izmir left at least 27 dead on Tuesday according to officials. Western governments "
           "were blamed for the slow response by commentators on state television. ") * 2
MARKET = ("Airstrikes hit a crowded vegetable market in Idlib province on Monday, killing 14 civilians, the Syrian "
          "Civil Defence said, and 31 people were wounded in the attack that residents blamed on aircraft. ") * 2
HOSTILE_BODY = ("This story carries hostile markup in every field it has, so that the report has to escape all of "
                "it, everywhere, and never lets any of it run in a reader's browser when opened. ") * 2
OTHER_BODY = ("Another outlet tells the same hostile story in its own words, with a quote that carries markup in "
              "every field, to be escaped. ") * 2
LONG_QUOTE = "word " * 600


@pytest.fixture(scope="module")
def hand_store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("hand") / "corpus.db"
    documents = [
        # One story, two originals from outlets of both groups, and a copy republished by a third outlet.
        record("quake-a", title="Quake kills 27 in Izmir", body=QUAKE_A, outlet="RT", domain="rt.com", axis=0,
               quotes=[quote(QUAKE_A, "Rescue teams searched", "Ali Yerlikaya", "np:person:yerlikaya")],
               claims=[Claim(text="Izmir quake kills 27 people on Tuesday", start=0, end=38, score=0.9,
                             links=[ClaimLink(document="quake-b", claim=0, similarity=0.9)])],
               narratives=[NarrativeMatch(narrative="west-is-to-blame", statement="The West is to blame", score=0.8)],
               techniques=["Loaded_Language", "Doubt", "Doubt"]),
        record("quake-b", title="Izmir earthquake: 27 dead", body=QUAKE_B, outlet="BBC", domain="bbc.co.uk", axis=0,
               tilt=0.05, published="2024-03-13",
               quotes=[quote(QUAKE_B, "at least 27 dead", "Ali Yerlikaya", "np:person:yerlikaya")],
               claims=[Claim(text="An earthquake near Izmir left at least 27 dead", start=0, end=47, score=0.8),
                       Claim(text="Western governments were blamed for the slow response", start=80, end=133,
                             score=0.7)],
               techniques=["Loaded_Language"]),
        record("quake-copy", title="Quake kills 27 in Izmir", body=QUAKE_A, outlet="Copycat News",
               domain="copycat.example", axis=0, published="2024-03-13"),
        # A second story covered by one outlet only.
        record("market", title="Airstrikes on Idlib market kill 14", body=MARKET, outlet="RT", domain="rt.com", axis=5,
               published=None,
               narratives=[NarrativeMatch(narrative="west-is-to-blame", statement="The West is to blame", score=0.7)],
               techniques=["Flag_Waving"]),
        # A hostile story: markup in the title, outlet, quotes, claims, narratives, techniques and dates.
        record("hostile", title=SCRIPT + " " + IMG, body=HOSTILE_BODY, outlet=IMG + SVG_BREAK, domain="evil.example",
               axis=9, published='2024-13-01"><script>alert(3)</script>',
               quotes=[quote(HOSTILE_BODY, SCRIPT + LONG_QUOTE, IMG, "np:person:evil")],
               claims=[Claim(text=SCRIPT, start=0, end=10, score=0.5)],
               narratives=[NarrativeMatch(narrative=IMG, statement=SCRIPT + SVG_BREAK, score=0.9)],
               techniques=[SCRIPT, "Name_Calling-Labeling"]),
        record("hostile-2", title="Second hostile " + IMG, body=OTHER_BODY,
               outlet="Plain Outlet", domain="plain.example", axis=9, tilt=0.05, published="2024-05-01",
               quotes=[quote(OTHER_BODY, "markup in every field", IMG, "np:person:evil")]),
    ]
    with Store(path) as store:
        tally = store.add_many(documents)
        assert not tally.failed and tally.added == len(documents)
    return path


@pytest.fixture(scope="module")
def hand_report(hand_store, tmp_path_factory) -> str:
    out = tmp_path_factory.mktemp("hand-report") / "nested" / "corpus.html"
    with Store(hand_store) as store:
        assert write_corpus_report(store, out) == out
    return out.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory) -> Path:
    """The five bundled samples through ``newsprism analyze --db``: the real pipeline end to end."""
    folder = tmp_path_factory.mktemp("samples")
    db = folder / "corpus.db"
    result = subprocess.run([sys.executable, "-m", "newsprism", "analyze", str(SAMPLES), "-o", str(folder / "out"),
                             "--db", str(db), "-q", "--no-report"], capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-2000:]
    return db


def section(text: str, anchor: str) -> str:
    start = text.index(f'<section id="{anchor}">')
    return text[start:text.index("</section>", start)]


# -- the samples, analysed by the real pipeline -----------------------------------------------------


def test_sample_corpus_report_has_every_story_both_charts_and_the_blind_spots(sample_store, tmp_path):
    out = tmp_path / "report.html"
    with Store(sample_store) as store:
        write_corpus_report(store, out, load_outlet_profiles())
        stories = list_stories(store)
        documents = store.count()
    text = out.read_text(encoding="utf-8")
    assert len(stories) == 5 and documents == 5
    for story in stories:
        assert str(escape(story["label"])) in text
    assert_inert(text)
    assert text.count("<svg") == 2
    assert 'class="chart narratives-chart"' in text and 'class="chart techniques-chart"' in text
    assert '<section id="blind-spots">' in text
    blind = section(text, "blind-spots")
    # Global Research and Press TV French are cited in EUvsDisinfo cases; EA WorldView is not.
    assert "Global Research" in blind and "EA WorldView" in blind and "Press TV French" in blind
    assert "cited in EUvsDisinfo cases" in blind and "not cited in EUvsDisinfo cases" in blind
    header = text[:text.index("<main>")]
    assert re.search(r"<th>Documents</th><td>5</td>", header) and re.search(r"<th>Stories</th><td>5", header)
    assert "EUvsDisinfo" in header and "MBFC" in header
    assert "<th>Publication dates</th><td>2019-02-19 – 2019-02-19</td>" in header
    narratives = section(text, "narratives")
    assert "2019-02" in narratives and ">undated<" in narratives
    techniques = section(text, "techniques")
    assert techniques.count('class="seg f-') >= 4 and "Loaded_Language" in techniques
    assert "per 1,000 words" in techniques and "Own voice" in techniques


# -- hand-built documents ---------------------------------------------------------------------------


def test_hostile_text_appears_only_escaped(hand_report):
    text = hand_report
    assert_inert(text)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert str(escape(IMG)) == "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" and str(escape(IMG)) in text
    assert SCRIPT not in text and IMG not in text and "<svg onload" not in text
    # The hostile outlet name is in both charts' SVG text, escaped; the charts stay two well-formed SVGs.
    assert text.count("<svg") == 2 and text.count("</svg>") == 2
    assert "&lt;/text&gt;&lt;/svg&gt;&lt;svg onload=alert(2)&gt;" in section(text, "narratives")
    # The invalid date is shown escaped and charted as undated.
    assert "2024-13-01&#34;&gt;&lt;script&gt;alert(3)&lt;/script&gt;" in text


def test_story_labels_outlets_languages_dates_and_copies(hand_store, hand_report):
    with Store(hand_store) as store:
        stories = list_stories(store)
    assert len(stories) == 3
    stories_html = section(hand_report, "stories")
    for story in stories:
        assert str(escape(story["label"])) in stories_html
    quake = next(s for s in stories if s["label"] == "Quake kills 27 in Izmir")
    assert quake["size"] == 2 and quake["copies"] == 1 and quake["republished_by"] == ["Copycat News"]
    article = stories_html[stories_html.index("Quake kills 27 in Izmir"):]
    article = article[:article.index("</article>")]
    assert "<dt>Republished by</dt><dd>Copycat News</dd>" in article
    assert "<dt>Outlets</dt><dd>BBC, RT</dd>" in article
    assert "2024-03-12 – 2024-03-13" in article
    assert "Izmir" in article and "AFAD" in article
    # The side-by-side table: one row per document, the copy marked.
    assert article.count("<tr><td>") >= 3 and article.count('class="copy"') == 1
    assert article.index("Copycat News <span class=\"copy\">") > 0
    assert "Loaded_Language" in article and "The West is to blame" in article and "hostile" in article
    # The claim only BBC makes, and the speaker both outlets quote.
    claims = article[article.index("Claims made by some outlets"):article.index("Speakers quoted")]
    assert "Western governments were blamed for the slow response" in claims
    speakers = article[article.index("Speakers quoted"):]
    assert "Ali Yerlikaya" in speakers and "BBC, RT" in speakers
    # Single-document stories get a compact line.
    assert 'class="story single"' in stories_html and "Airstrikes on Idlib market kill 14" in stories_html


def test_long_texts_are_truncated(hand_report):
    assert LONG_QUOTE.strip() not in hand_report
    assert "word word word" in hand_report and "…" in hand_report


def test_blind_spots_list_single_group_stories(hand_report):
    blind = section(hand_report, "blind-spots")
    # RT (cited) and BBC (not cited) both covered the quake: it is no blind spot.
    assert "Quake kills 27 in Izmir" not in blind
    assert "Airstrikes on Idlib market kill 14" in blind
    assert blind.count("<tr><td>") == 2
    assert 'href="#s' in blind


def test_narratives_chart_counts_documents_advancing_narratives_per_outlet_and_month(hand_report):
    narratives = section(hand_report, "narratives")
    chart = narratives[narratives.index("<svg"):narratives.index("</svg>")]
    # Every month from the first to the last is a column (April had no document), then "undated".
    columns = re.findall(r">([^<>]+)</text>", chart)
    assert columns[:4] == ["2024-03", "2024-04", "2024-05", "undated"]
    # RT advanced a narrative in March and in an undated article; the hostile outlet in an undated one.
    assert chart.count('class="adv"') == 3
    assert "RT · 2024-03: 1 of 1 document advance" in chart
    assert "RT · undated: 1 of 1 document advance" in chart
    table = narratives[narratives.index("Narrative statements per outlet"):]
    assert "The West is to blame" in table and "west-is-to-blame" in table
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in table


def test_technique_chart_has_one_bar_per_analysed_outlet(hand_report):
    techniques = section(hand_report, "techniques")
    chart = techniques[techniques.index("<svg"):techniques.index("</svg>")]
    # RT, BBC and the hostile outlet have techniques; Copycat News (a copy) and Plain Outlet have none.
    assert 'class="seg f-other"' in chart  # the unknown (hostile) technique name
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in chart
    assert "RT · Doubt: 2 spans" in chart and "RT · Loaded_Language: 1 span " in chart
    assert "cited in EUvsDisinfo cases" in techniques
    table = techniques[techniques.index("<h3>Outlets</h3>"):]
    assert "RT" in table and "BBC" in table and "EUvsDisinfo cases:" in table


def test_limits_say_how_much_was_left_out(hand_store, tmp_path, monkeypatch):
    monkeypatch.setattr(corpus, "MAX_STORIES", 1)
    monkeypatch.setattr(corpus, "MAX_CHART_OUTLETS", 1)
    out = tmp_path / "r.html"
    with Store(hand_store) as store:
        write_corpus_report(store, out)
    text = out.read_text(encoding="utf-8")
    assert "2 smaller stories not shown" in text
    # Five outlets published documents; four of them (RT, BBC, the hostile one, Plain Outlet) have techniques.
    assert "4 more outlets not charted (at most 1," in section(text, "narratives")
    assert "3 more outlets not charted" in section(text, "techniques")
    assert_inert(text)


def test_claim_linking_failure_falls_back_to_stored_links(hand_store, tmp_path, monkeypatch):
    real = corpus.compare_story

    def failing(store, story_id, link_claims=False, story=None):
        if link_claims:
            raise RuntimeError("no model <b>here</b>")
        return real(store, story_id, link_claims=False, story=story)

    monkeypatch.setattr(corpus, "compare_story", failing)
    out = tmp_path / "r.html"
    with Store(hand_store) as store:
        write_corpus_report(store, out)
    text = out.read_text(encoding="utf-8")
    assert "Claim linking could not run (RuntimeError: no model &lt;b&gt;here&lt;/b&gt;)" in text
    assert "Western governments were blamed" in text


def test_without_the_narratives_stage_the_chart_still_renders(tmp_path):
    path = tmp_path / "c.db"
    with Store(path) as store:
        store.add_many([record("a", title="Plain story", body=MARKET, outlet="RT", domain="rt.com", axis=3,
                               stages=("extract", "embedding"))])
        out = write_corpus_report(store, tmp_path / "r.html")
    text = out.read_text(encoding="utf-8")
    narratives = section(text, "narratives")
    assert "<svg" in narratives and 'class="total"' in narratives and 'class="adv"' not in narratives
    assert "No stored document went through the narratives stage" in narratives
    assert "No catalogued narrative found" in narratives
    techniques = section(text, "techniques")
    assert "No outlet with analysed persuasion techniques yet." in techniques
    assert_inert(text)


def test_an_empty_store_gives_a_valid_report_saying_there_is_nothing_yet(tmp_path):
    with Store(tmp_path / "empty.db") as store:
        out = write_corpus_report(store, tmp_path / "empty.html")
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and text.rstrip().endswith("</html>")
    assert "Nothing in this store yet." in text
    assert text.count("<svg") == 2 and "No documents yet." in text
    assert "No stories yet." in text and "no stories yet." in text
    assert_inert(text)


@pytest.mark.parametrize(("value", "period"), [
    ("2024-03-12", "2024-03"), ("2024-03-12T10:00:00+00:00", "2024-03"), ("2024-03", "2024-03"),
    ("2024-13-01", "undated"), (None, "undated"), ("", "undated"), ("March 2024", "undated"), (20240312, "undated"),
])
def test_period_of(value, period):
    assert period_of(value) == period


def test_timeline_is_every_month_or_every_year(monkeypatch):
    assert corpus._timeline(set()) == ([], False)
    assert corpus._timeline({"2023-11", "2024-02"}) == (["2023-11", "2023-12", "2024-01", "2024-02"], False)
    monkeypatch.setattr(corpus, "MAX_PERIODS", 3)
    assert corpus._timeline({"2023-11", "2024-02"}) == (["2023", "2024"], True)


def test_long_spans_are_charted_by_year_and_say_what_was_left_out(hand_store, monkeypatch):
    monkeypatch.setattr(corpus, "MAX_PERIODS", 2)  # 2024-03..2024-05 is three months: by year
    with Store(hand_store) as store:
        text = render_corpus_report(store)
    narratives = section(text, "narratives")
    chart = narratives[narratives.index("<svg"):narratives.index("</svg>")]
    assert re.findall(r">([^<>]+)</text>", chart)[:2] == ["2024", "undated"]
    assert "one column per year" in narratives
    assert "RT · 2024: 1 of 1 document advance" in chart
    monkeypatch.setattr(corpus, "_timeline", lambda months: (["2022", "2023", "2024"], True))
    monkeypatch.setattr(corpus, "MAX_PERIODS", 1)
    with Store(hand_store) as store:
        text = render_corpus_report(store)
    assert "2 earlier years not charted (the latest are shown)." in text


def test_documents_in_years_not_charted_are_counted(tmp_path, monkeypatch):
    monkeypatch.setattr(corpus, "MAX_PERIODS", 3)
    with Store(tmp_path / "c.db") as store:
        store.add_many([record("old", title="Old story", body=MARKET, outlet="RT", domain="rt.com", axis=1,
                               published="2001-06-01"),
                        record("new", title="New story", body=QUAKE_A, outlet="RT", domain="rt.com", axis=2,
                               published="2024-05-01")])
        text = render_corpus_report(store)
    narratives = section(text, "narratives")
    chart = narratives[narratives.index("<svg"):narratives.index("</svg>")]
    assert re.findall(r">([^<>]+)</text>", chart)[:3] == ["2022", "2023", "2024"]
    assert "21 earlier years not charted (the latest are shown): 1 document left out." in narratives
