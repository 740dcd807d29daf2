"""Report: persuasion techniques, claims and tone per article and per outlet (issue 5, part 5).

Documents are built through the real pydantic model with the fields the issue-5 stages fill, so the
report is tested on exactly what ``documents.jsonl`` holds; the browser test renders the page in
headless Chromium (Debian ``chromium``), which is the parser that matters for injection.
"""

from __future__ import annotations

import random
import re
import shutil
import subprocess

import pytest
from lxml import html as lxml_html
from rich.console import Console

from newsprism.model import (
    Claim,
    ClaimLink,
    DateMention,
    Document,
    Entity,
    Outlet,
    Paragraph,
    ParagraphTechniques,
    Quote,
    TechniqueSpan,
    Tone,
    ToneEvidence,
)
from newsprism.report.html import annotated_paragraphs, paragraph_html, render_report
from newsprism.report.output import OutputWriter, RunTally, read_documents
from newsprism.report.persuasion import (
    UNKNOWN_OUTLET,
    corpus_summary,
    family_of,
    outlet_summaries,
)
from newsprism.report.summary import print_summary
from newsprism.techniques.data import DEFINITIONS, TECHNIQUES

NEW_FIELDS = ("techniques", "paragraph_techniques", "technique_density", "technique_counts", "claims", "tone",
              "analysis_confidence")
LAVROV = "np:person:sergey-lavrov"
REBELS = "np:armed_group:rebels"


def _paragraphs(body: str) -> list[Paragraph]:
    spans, position = [], 0
    for part in body.split("\n\n"):
        spans.append(Paragraph(start=position, end=position + len(part)))
        position += len(part) + 2
    return spans


def _at(body: str, text: str, after: int = 0) -> tuple[int, int]:
    start = body.index(text, after)
    return start, start + len(text)


def _span(body: str, technique: str, text: str, confidence: float, **extra) -> TechniqueSpan:
    start, end = _at(body, text)
    return TechniqueSpan(technique=technique, start=start, end=end, text=text, confidence=confidence,
                         model="spans-crf@test", **extra)


def _analysed(doc_id: str = "doc-a", outlet: str | None = "Alpha News", links: list[ClaimLink] | None = None,
              confidence: str = "normal") -> Document:
    body = ("Officials said the Takfiri terrorist group killed 12 civilians in Aleppo on 3 March 2016.\n\n"
            "“These so-called rebels are a terror outfit,” said Lavrov. "
            "What about the occupation troops who kill and loot?\n\n"
            "The meeting ended at noon.")
    spans = [
        _span(body, "Name_Calling-Labeling", "Takfiri terrorist group", 0.91),
        _span(body, "Loaded_Language", "terrorist", 0.83),  # nested inside the previous one
        _span(body, "Loaded_Language", "terrorist group killed", 0.31),  # crosses its end; low by confidence
        _span(body, "Name_Calling-Labeling", "so-called rebels are a terror outfit", 0.77, quoted=True,
              speaker="Sergey Lavrov"),
        _span(body, "Whataboutism", "What about the occupation troops who kill and loot?", 0.7, low_confidence=True),
    ]
    paragraphs = _paragraphs(body)
    quote_start, quote_end = _at(body, "These so-called rebels are a terror outfit,")
    lavrov = _at(body, "Lavrov")
    aleppo = _at(body, "Aleppo")
    date = _at(body, "3 March 2016")
    first_sentence = _at(body, "Officials said the Takfiri terrorist group killed 12 civilians in Aleppo on 3 March 2016.")
    return Document(
        id=doc_id, source=f"{doc_id}.txt", title=f"Title of {doc_id}",
        outlet=Outlet(name=outlet) if outlet is not None else None, language="en", body=body, paragraphs=paragraphs,
        entities=[
            Entity(text="Lavrov", start=lavrov[0], end=lavrov[1], type="person", id=LAVROV, name="Sergey Lavrov"),
            Entity(text="Aleppo", start=aleppo[0], end=aleppo[1], type="location", id="geonames:170063", name="Aleppo"),
            Entity(text="rebels", start=body.index("rebels"), end=body.index("rebels") + 6, type="armed_group",
                   id=REBELS, name="Syrian rebels"),
        ],
        dates=[DateMention(text="3 March 2016", start=date[0], end=date[1], value="2016-03-03")],
        quotes=[Quote(text=body[quote_start:quote_end], start=quote_start, end=quote_end, kind="direct", cue="said",
                      speaker="Lavrov", speaker_id=LAVROV, speaker_name="Sergey Lavrov")],
        techniques=spans,
        paragraph_techniques=[
            ParagraphTechniques(start=paragraphs[0].start, end=paragraphs[0].end,
                                techniques=["Name_Calling-Labeling", "Loaded_Language"],
                                scores={"Name_Calling-Labeling": 0.8, "Loaded_Language": 0.35}),
            ParagraphTechniques(start=paragraphs[1].start, end=paragraphs[1].end,
                                techniques=["Name_Calling-Labeling", "Whataboutism"],
                                scores={"Name_Calling-Labeling": 0.7, "Whataboutism": 0.6}),
            ParagraphTechniques(start=paragraphs[2].start, end=paragraphs[2].end),
        ],
        technique_counts={"Name_Calling-Labeling": 2, "Loaded_Language": 2, "Whataboutism": 1},
        technique_density=1000 * 5 / len(body.split()),
        own_voice_density=1000 * 4 / (len(body.split()) - 7),
        claims=[
            Claim(text=body[first_sentence[0]:first_sentence[1]], start=first_sentence[0], end=first_sentence[1],
                  score=0.92, kinds=["number", "event"], entities=[REBELS, "geonames:170063"], dates=["2016-03-03"],
                  places=["geonames:170063"], links=links or []),
        ],
        tone=[
            Tone(id=LAVROV, name="Sergey Lavrov", score=0.1, label="neutral", mentions=1,
                 evidence=[ToneEvidence(text="said Lavrov", start=lavrov[0] - 5, end=lavrov[1], score=0.1)]),
            Tone(id=REBELS, name="Syrian rebels", score=-0.8, label="hostile", mentions=1,
                 evidence=[ToneEvidence(text=body[quote_start:quote_end], start=quote_start, end=quote_end, score=-0.8)]),
        ],
        analysis_confidence=confidence,
    )


def _page(documents: list[Document]) -> tuple[str, lxml_html.HtmlElement]:
    tally = RunTally()
    for document in documents:
        tally.add_document(document)
    page = render_report([d.to_json_dict() for d in documents], tally)
    return page, lxml_html.fromstring(page)


def _body_text(article) -> str:
    body = article.xpath('.//div[@class="body"]')[0]
    return "\n\n".join(p.text_content() for p in body.xpath("./p"))


def _assert_internal_links_resolve(tree) -> None:
    ids = set(tree.xpath("//@id"))
    for href in tree.xpath("//a/@href"):
        if href.startswith("#"):
            assert href[1:] in ids, f"dangling link {href}"


# --- the article view -------------------------------------------------------------------------------


def test_technique_spans_are_marked_nested_and_explained():
    document = _analysed(links=[ClaimLink(document="doc-b", claim=0, similarity=0.88)])
    other = _analysed("doc-b", outlet="Beta Wire")
    page, tree = _page([document, other])
    article = tree.xpath('//article[@id="doc-doc-a"]')[0]
    assert _body_text(article) == document.body, "highlighting must not change the text"
    assert not article.xpath('.//a[contains(@class, "tq-link")]//a'), "links must never nest"
    # Every span is covered by exactly its own text, even where spans overlap each other and entities.
    for index, span in enumerate(document.techniques):
        marks = article.xpath(f'.//div[@class="body"]//mark[@data-span="{index}"]')
        assert "".join(m.text_content() for m in marks) == span.text
        assert all(f"f-{family_of(span.technique)}" in m.get("class") for m in marks)
    nested = article.xpath('.//mark[@data-span="0"]//mark[@data-span="1"]')
    assert nested and nested[0].text_content() == "terrorist"
    lanes = {m.get("data-span"): re.search(r"lane-\d", m.get("class")).group() for m in article.xpath(".//mark")}
    assert lanes["0"] != lanes["1"] and lanes["1"] != lanes["2"], "overlapping spans get separate underlines"
    # Low confidence: by flag or by a confidence under one half; confident spans are drawn solid.
    assert all("lowc" in m.get("class") for m in article.xpath('.//mark[@data-span="2" or @data-span="4"]'))
    assert not any("lowc" in m.get("class") for m in article.xpath('.//mark[@data-span="0" or @data-span="3"]'))
    # Marks sit alongside the entity/quote/date highlights rather than replacing them.
    assert article.xpath('.//mark[@data-span="3"]//span[contains(@class, "quote")]')
    assert article.xpath('.//mark[@data-span="3"]//span[contains(@class, "t-armed_group")][.="rebels"]')
    assert article.xpath('.//span[contains(@class, "date")][contains(@title, "2016-03-03")]')
    # Hover: technique, confidence, model and definition; click: the span's entry with the same.
    link = article.xpath('.//mark[@data-span="3"]/ancestor::a[1]')[0]
    title = link.get("title")
    for part in ("Name_Calling-Labeling", "0.77", "spans-crf@test", DEFINITIONS["Name_Calling-Labeling"],
                 "in a quote of Sergey Lavrov"):
        assert part in title
    entry = tree.xpath(f'//*[@id="{link.get("href")[1:]}"]')[0]
    for part in ("Name_Calling-Labeling", "0.77", "spans-crf@test", DEFINITIONS["Name_Calling-Labeling"],
                 "in a quote of Sergey Lavrov"):
        assert part in entry.text_content()
    unquoted = tree.xpath(f'//*[@id="{article.xpath(".//mark[@data-span=0]/ancestor::a[1]")[0].get("href")[1:]}"]')[0]
    assert "in a quote" not in unquoted.text_content()
    innermost = article.xpath('.//mark[@data-span="1"]/ancestor::a[1]')[0]
    assert innermost.get("href") == "#d0-sp1", "a click on nested spans opens the innermost one"
    _assert_internal_links_resolve(tree)


def test_legend_badges_density_claims_and_tone():
    document = _analysed(links=[ClaimLink(document="doc-b", claim=0, similarity=0.88),
                                ClaimLink(document="not-in-report", claim=3, similarity=0.75)])
    page, tree = _page([document, _analysed("doc-b", outlet="Beta Wire")])
    article = tree.xpath('//article[@id="doc-doc-a"]')[0]
    legend = {row.xpath("./td[2]/strong")[0].text: row for row in article.xpath('.//tr[@class="legend-entry"]')}
    assert set(legend) == {"Name_Calling-Labeling", "Loaded_Language", "Whataboutism"}
    for name, row in legend.items():
        cells = [c.text_content() for c in row.xpath("./td")]
        assert cells[2] == str(document.technique_counts[name]) and DEFINITIONS[name] in cells[4]
    assert list(legend) == ["Name_Calling-Labeling", "Loaded_Language", "Whataboutism"], "most used first"
    stats = article.xpath('.//p[contains(@class, "pstats")]')[0].text_content()
    assert f"{document.technique_density:.1f} per 1,000 words" in stats and "5 technique spans" in stats
    assert f"{document.own_voice_density:.1f} in the outlet's own voice" in stats
    # Paragraph badges: one set per paragraph, linked to the legend; the scoreless paragraph has none.
    badges = [[b.text_content() for b in div.xpath("./*")] for div in article.xpath('.//div[@class="pbadges"]')]
    assert badges == [["Name Calling-Labeling", "Loaded Language"], ["Name Calling-Labeling", "Whataboutism"]]
    faint = article.xpath('.//div[@class="pbadges"]/*[contains(., "Loaded Language")]')[0]
    assert "lowc" in faint.get("class"), "a paragraph probability under one half is drawn faint"
    # Claims: score, kinds, names for ids, dates, and links to the same claim elsewhere in the report.
    row = article.xpath('.//table[contains(@class, "claims")]//tr[@id="d0-cl0"]')[0]
    text = row.text_content()
    for part in ("0.92", "number, event", "Syrian rebels", "Aleppo", "2016-03-03", "not in this report"):
        assert part in text
    assert row.xpath('.//a[@href="#d1-cl0"][contains(., "Title of doc-b")]')
    # Tone: most hostile first, labelled and with its evidence behind a click.
    tone_rows = article.xpath('.//table[contains(@class, "tone")]//tr[td]')
    assert [r.xpath("./td[1]")[0].text_content().split(" np:")[0] for r in tone_rows] == ["Syrian rebels", "Sergey Lavrov"]
    assert tone_rows[0].xpath('.//span[contains(@class, "tone-hostile")]')
    assert "rebels are a terror outfit" in tone_rows[0].xpath(".//details")[0].text_content()
    fill = tone_rows[0].xpath('.//span[contains(@class, "fill")]')[0]
    assert "neg" in fill.get("class") and fill.get("style") == "left: 10.0%; width: 40.0%"
    assert not tree.xpath('//div[contains(@class, "low-confidence")]')
    _assert_internal_links_resolve(tree)


def test_low_confidence_analysis_gets_a_banner():
    _, tree = _page([_analysed(confidence="low")])
    banner = tree.xpath('//article//div[contains(@class, "low-confidence")]')
    assert banner and "Low-confidence analysis" in banner[0].text_content()


def test_documents_without_the_new_fields_still_render():
    old = _analysed().to_json_dict()
    for field in NEW_FIELDS:
        del old[field]  # a documents.jsonl written before issue 5
    tally = RunTally()
    page = render_report([old], tally)
    tree = lxml_html.fromstring(page)
    assert _body_text(tree.xpath("//article")[0]) == old["body"]
    assert not tree.xpath("//mark") and not tree.xpath('//div[@class="pbadges"]')
    assert not tree.xpath('//*[@id="outlets"]') and not tree.xpath('//details[@class="claims" or @class="tone"]')
    summary = outlet_summaries([old])
    assert summary[0]["articles"] == 1 and summary[0]["analysed_articles"] == 0
    assert summary[0]["mean_technique_density"] is None and summary[0]["techniques"] == []


def test_random_overlapping_marks_never_break_the_html():
    rng = random.Random(5)
    base = _analysed()
    body = base.body
    for _ in range(150):
        spans = []
        for _ in range(rng.randint(1, 8)):
            start = rng.randrange(0, len(body) - 1)
            end = rng.randint(start + 1, min(len(body), start + 60))
            spans.append(TechniqueSpan(technique=rng.choice(TECHNIQUES + ("Made_Up",)), start=start, end=end,
                                       text=body[start:end], confidence=rng.random()))
        doc = base.model_copy(update={"techniques": spans}).to_json_dict()
        for paragraph in annotated_paragraphs(doc):
            fragment = lxml_html.fragment_fromstring(f"<p>{paragraph_html(paragraph)}</p>")
            assert fragment.text_content() == body[paragraph["start"]:paragraph["end"]]
            assert not fragment.xpath("//a//a")
            for mark in fragment.xpath("//mark"):
                span = spans[int(mark.get("data-span"))]
                assert mark.text_content() in span.text


# --- hostile input ----------------------------------------------------------------------------------

EVIL = "<script>document.title='pwned'</script><img src=x onerror=\"document.title='pwned'\">\"'</mark></a>"


def _hostile() -> Document:
    document = _analysed(links=[ClaimLink(document="javascript:alert(1)", claim=0, similarity=0.9),
                                ClaimLink(document=f"doc-b{EVIL}", claim=0, similarity=0.9)])
    body = document.body + f"\n\nEvil paragraph {EVIL} ends here."
    evil_at = body.index(EVIL)
    return document.model_copy(update={
        "body": body,
        "paragraphs": _paragraphs(body),
        "outlet": Outlet(name=f"Outlet {EVIL}"),
        "techniques": [*document.techniques,
                       TechniqueSpan(technique=f"Loaded_Language{EVIL}", start=evil_at, end=evil_at + len(EVIL),
                                     text=EVIL, confidence=0.9, model=f"javascript:alert(1) {EVIL}"),
                       TechniqueSpan(technique="Doubt", start=evil_at - 5, end=evil_at + 20, text=EVIL,
                                     confidence=0.6, model=EVIL)],
        "paragraph_techniques": [ParagraphTechniques(start=0, end=len(body), techniques=[EVIL, "Doubt"],
                                                     scores={EVIL: 0.9, "Doubt": 0.2})],
        "technique_counts": {EVIL: 1, "Doubt": 1},
        "claims": [Claim(text=f"Claim {EVIL}", start=evil_at, end=evil_at + len(EVIL), score=0.7,
                         kinds=[EVIL], entities=[EVIL, "javascript:alert(1)"], dates=[EVIL], places=[EVIL],
                         links=document.claims[0].links)],
        "tone": [Tone(id=f"javascript:alert(1){EVIL}", name=f"Actor {EVIL}", score=-0.5, label=EVIL,
                      evidence=[ToneEvidence(text=f"Evidence {EVIL}", start=0, end=5, score=-0.5)])],
        "analysis_confidence": "low",
    })


def test_hostile_strings_in_every_new_field_stay_text(tmp_path):
    with OutputWriter(tmp_path) as writer:
        writer.write(_hostile())
        writer.write(_analysed("doc-b", outlet=f"Second {EVIL}"))
    page = render_report(read_documents(tmp_path / "documents.jsonl"), writer.tally)
    tree = lxml_html.fromstring(page)
    assert not tree.xpath("//script") and not tree.xpath("//img") and not tree.xpath("//iframe")
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        for attribute, value in element.attrib.items():
            assert not attribute.startswith("on"), f"event handler on <{element.tag}>"
            if attribute == "href":
                assert value.startswith("#") or value.startswith(("http://", "https://")), value
            if attribute == "class":
                assert re.fullmatch(r"[\w -]*", value), f"class built from input: {value!r}"
            if attribute == "style":
                assert re.fullmatch(r"(left: [\d.]+%; )?width: [\d.]+%", value), value
    text = tree.text_content()
    for visible in ("Actor <script>", "Evidence <script>", "Claim <script>", "Outlet <script>", "Loaded_Language<script>"):
        assert visible in text, f"{visible!r} must be shown as text"
    assert "&lt;script&gt;" in page and "<script>" not in page.split("</style>", 1)[1]
    evil_span = tree.xpath('//mark[contains(@class, "f-other")]')
    assert evil_span and EVIL[:20] in "".join(m.text_content() for m in evil_span)
    assert tree.xpath('//div[contains(@class, "low-confidence")]')
    _assert_internal_links_resolve(tree)


def test_hostile_report_in_headless_chromium(tmp_path):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    assert chromium, "the browser check needs Debian's chromium (apt-get install chromium)"
    with OutputWriter(tmp_path / "run") as writer:
        writer.write(_hostile())
        writer.write(_analysed("doc-b", outlet="Beta Wire"))
    page = render_report(read_documents(tmp_path / "run" / "documents.jsonl"), writer.tally)
    path = tmp_path / "report.html"
    path.write_text(page, encoding="utf-8")
    expected_title = lxml_html.fromstring(page).findtext(".//title")
    result = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=3000",
         f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", path.as_uri()],
        capture_output=True, timeout=90,
    )
    assert result.returncode == 0, result.stderr.decode(errors="replace")[-2000:]
    dom = lxml_html.fromstring(result.stdout.decode("utf-8"))
    assert dom.findtext(".//title") == expected_title, "a script ran and changed the title"
    assert "pwned" not in (dom.findtext(".//title") or "")
    assert not dom.xpath("//img") and not dom.xpath("//script") and not dom.xpath("//*[@onerror]")
    # The browser's own parse keeps our structure: no nested links, every span where we put it.
    assert not dom.xpath("//a//a")
    article = dom.xpath('//article[@id="doc-doc-b"]')[0]
    assert _body_text(article) == _analysed("doc-b").body
    legend = [r.xpath("./td[2]/strong")[0].text for r in article.xpath('.//tr[@class="legend-entry"]')]
    assert legend == ["Name_Calling-Labeling", "Loaded_Language", "Whataboutism"]
    for index, span in enumerate(_analysed("doc-b").techniques):
        assert "".join(m.text_content() for m in article.xpath(f'.//mark[@data-span="{index}"]')) == span.text
    hostile = dom.xpath('//article[@id="doc-doc-a"]')[0]
    assert EVIL in hostile.text_content() and "Actor <script>" in hostile.text_content()
    assert dom.xpath('//table[@class="outlets"]//tr[@class="outlet"]')


# --- per-outlet aggregation -------------------------------------------------------------------------


def _doc(doc_id: str, outlet: str | None, *, density=None, counts=None, paragraphs=(), claims=(), tone=(),
         confidence=None, own_voice=None) -> dict:
    document = Document(
        id=doc_id, source=doc_id, outlet=Outlet(name=outlet) if outlet is not None else None, body="word " * 100,
        technique_density=density, technique_counts=counts or {}, own_voice_density=own_voice,
        paragraph_techniques=[ParagraphTechniques(start=0, end=10, techniques=list(paragraphs))] if paragraphs else [],
        claims=[Claim(text="c", start=0, end=1, score=0.5, entities=list(entities)) for entities in claims],
        tone=[Tone(id=actor, name=actor.upper(), score=score, label=label, mentions=2) for actor, score, label in tone],
        analysis_confidence=confidence,
    )
    return document.to_json_dict()


def _corpus() -> list[dict]:
    older = _doc("a3", "Alpha")
    for field in NEW_FIELDS:
        del older[field]
    return [
        _doc("a1", "Alpha", density=10.0, own_voice=6.0, counts={"Loaded_Language": 3, "Doubt": 1},
             paragraphs=["Loaded_Language"],
             claims=[["x", "y"], ["x"]], tone=[("x", -0.8, "hostile"), ("y", 0.6, "favourable")]),
        _doc("a2", "Alpha", density=20.0, counts={"Loaded_Language": 1}, paragraphs=["Flag_Waving"],
             claims=[["x", "x"]], tone=[("x", -0.4, "hostile"), ("y", -0.5, "hostile"), ("x", 0.9, "favourable")],
             confidence="low"),
        older,
        _doc("u1", None, density=0.0, tone=[("x", 0.0, "neutral")]),
        _doc("u2", "  "),
        _doc("b1", "Beta", density=4.0, counts={"Doubt": 2}, tone=[("x", 0.5, "favourable")]),
    ]


def test_outlet_summaries_count_articles_behind_each_figure():
    outlets = {o["outlet"]: o for o in outlet_summaries(_corpus())}
    assert list(outlets) == ["Alpha", UNKNOWN_OUTLET, "Beta"], "largest first"
    alpha = outlets["Alpha"]
    assert (alpha["articles"], alpha["analysed_articles"], alpha["low_confidence_articles"]) == (3, 2, 1)
    assert alpha["mean_technique_density"] == 15.0 and alpha["density_articles"] == 2
    # Own-voice density only where the quotes stage ran (a1): the mean rests on that one article.
    assert alpha["mean_own_voice_density"] == 6.0 and alpha["own_voice_articles"] == 1
    assert alpha["technique_spans"] == 5
    assert alpha["techniques"] == [
        {"technique": "Loaded_Language", "spans": 4, "articles": 2, "paragraphs": 1},
        {"technique": "Doubt", "spans": 1, "articles": 1, "paragraphs": 0},
        {"technique": "Flag_Waving", "spans": 0, "articles": 1, "paragraphs": 1},
    ]
    assert (alpha["claims"], alpha["claim_articles"]) == (3, 2)
    # A claim naming x twice counts once; x is in all three claims, over two articles; names come from tone.
    assert alpha["claimed_actors"] == [{"id": "x", "name": "X", "claims": 3, "articles": 2},
                                       {"id": "y", "name": "Y", "claims": 1, "articles": 1}]
    tone = {a["id"]: a for a in alpha["tone"]}
    # One vote per article and actor (the second "x" entry of a2 is ignored).
    assert tone["x"]["mean_score"] == pytest.approx(-0.6) and tone["x"]["articles"] == 2
    assert tone["x"]["label"] == "hostile" and tone["x"]["labels"] == {"hostile": 2, "neutral": 0, "favourable": 0}
    assert tone["x"]["name"] == "X" and tone["x"]["mentions"] == 4
    assert tone["y"]["mean_score"] == pytest.approx(0.05) and tone["y"]["label"] == "neutral", "a tie reads neutral"
    assert [a["id"] for a in alpha["tone"]] == ["x", "y"], "most hostile first"
    unknown = outlets[UNKNOWN_OUTLET]
    assert unknown["articles"] == 2 and unknown["analysed_articles"] == 1
    assert unknown["mean_technique_density"] == 0.0 and unknown["density_articles"] == 1
    assert unknown["tone"][0]["label"] == "neutral" and unknown["tone"][0]["articles"] == 1
    beta = outlets["Beta"]
    assert beta["mean_own_voice_density"] is None and beta["own_voice_articles"] == 0
    assert beta["techniques"] == [{"technique": "Doubt", "spans": 2, "articles": 1, "paragraphs": 0}]
    whole = corpus_summary(_corpus())
    assert whole["articles"] == 6 and whole["analysed_articles"] == 4 and whole["density_articles"] == 4
    assert {a["id"]: a["articles"] for a in whole["tone"]} == {"x": 4, "y": 2}


def test_limited_summaries_keep_both_ends_of_the_tone_scale():
    corpus = [_doc(f"d{i}", "Alpha", tone=[(f"h{i}", -0.1 * (i + 3), "hostile"), (f"f{i}", 0.1 * (i + 3), "favourable"),
                                          (f"n{i}", 0.0, "neutral")]) for i in range(5)]
    limited = outlet_summaries(corpus, limit=2)[0]
    assert [a["id"] for a in limited["tone"]] == ["h4", "h3", "f3", "f4"]
    assert limited["tone_actors"] == 15


def test_run_tally_holds_the_same_outlet_summaries(tmp_path):
    documents = [_analysed("doc-a"), _analysed("doc-b", outlet="Beta Wire"), _analysed("doc-c", outlet=None)]
    with OutputWriter(tmp_path) as writer:
        for document in documents:
            writer.write(document)
    written = read_documents(tmp_path / "documents.jsonl")
    assert writer.tally.outlet_summaries() == outlet_summaries(written)
    assert writer.tally.persuasion_summary() == corpus_summary(written)
    assert {o["outlet"] for o in writer.tally.outlet_summaries()} == {"Alpha News", "Beta Wire", UNKNOWN_OUTLET}


# --- CLI summary ------------------------------------------------------------------------------------


def _printed(tally: RunTally) -> str:
    console = Console(record=True, width=160)
    print_summary(console, tally)
    return console.export_text()


def test_cli_summary_shows_techniques_claims_tone_and_outlets():
    tally = RunTally()
    for document in (_analysed("doc-a", confidence="low"), _analysed("doc-b", outlet="[bold]Beta[/bold] Wire")):
        tally.add_document(document)
    text = _printed(tally)
    assert "10 spans in 2 art." in text and "per 1,000 words (mean of 2 art.)" in text
    assert "in the outlets' own voice, outside quotes (mean of 2 art.)" in text and "own voice" in text
    assert "Loaded_Language 4 (2 art.)" in text
    assert "2 check-worthy in 2 art." in text
    assert "most hostile to" in text and "Syrian rebels -0.80 (2 art.)" in text
    assert "low confidence" in text
    assert "by outlet" in text and "[bold]Beta[/bold] Wire" in text, "outlet names are printed, not interpreted"


def test_cli_summary_is_unchanged_without_the_analysis():
    old = _analysed()
    old = old.model_copy(update={"techniques": [], "paragraph_techniques": [], "technique_density": None,
                                 "technique_counts": {}, "claims": [], "tone": [], "analysis_confidence": None})
    tally = RunTally()
    tally.add_document(old)
    tally.add_document(old.model_copy(update={"outlet": Outlet(name="Other")}))
    text = _printed(tally)
    for absent in ("techniques", "claims", "most hostile", "by outlet"):
        assert absent not in text
