"""Report: escaping of hostile content, collapsed sections, the published JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from lxml import html as lxml_html

from newsprism.model import Boilerplate, Comment, Document, Failure, Outlet, content_id
from newsprism.report.html import render_report
from newsprism.report.output import OutputWriter, RunTally, read_documents
from newsprism.report.schema import document_schema, schema_text

REPO = Path(__file__).resolve().parents[1]
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def _hostile_document() -> Document:
    return Document(
        id=content_id(HOSTILE),
        source="evil.html",
        url="javascript:alert(1)",
        outlet=Outlet(name="<b>Evil</b> Outlet", domain="evil.example"),
        title=f"Title {HOSTILE}",
        authors=[HOSTILE],
        published="2020-01-02",
        language="en",
        language_confidence=0.9,
        body=f"First paragraph {HOSTILE}\n\nSecond paragraph.",
        boilerplate=[Boilerplate(kind="share", text=f"Share {HOSTILE}")],
        comments=[
            Comment(id="c1", author="<i>troll</i>", text=f"Comment {HOSTILE}"),
            Comment(id="c2", author=None, text="A reply", parent="c1", depth=1),
        ],
        warnings=[f"warn {HOSTILE}"],
    )


def _write_run(tmp_path: Path) -> tuple[Path, RunTally]:
    with OutputWriter(tmp_path) as writer:
        writer.write(_hostile_document())
        writer.write(_hostile_document())  # same content again: a duplicate, listed as such
        writer.write(Failure(source="<bad>.bin", stage="ingest", reason=f"binary file {HOSTILE}"))
    return tmp_path, writer.tally


def test_report_escapes_everything_and_runs_nothing(tmp_path):
    out, tally = _write_run(tmp_path)
    page = render_report(read_documents(out / "documents.jsonl"), tally)
    tree = lxml_html.fromstring(page)
    assert not tree.xpath("//script"), "article content must never become a script element"
    assert not tree.xpath("//img"), "article content must never become markup"
    assert not tree.xpath("//*[@onerror]")
    assert not tree.xpath('//a[starts-with(@href, "javascript:")]')
    assert "&lt;script&gt;" in page
    policy = tree.xpath('//meta[@http-equiv="Content-Security-Policy"]/@content')[0]
    assert "default-src 'none'" in policy and "script-src" not in policy
    text = tree.text_content()
    assert "Evil" in text and "troll" in text and "A reply" in text and "binary file" in text


def test_boilerplate_and_comments_are_collapsed_and_threaded(tmp_path):
    out, tally = _write_run(tmp_path)
    tree = lxml_html.fromstring(render_report(read_documents(out / "documents.jsonl"), tally))
    sections = tree.xpath("//details")
    assert {s.get("class") for s in sections} == {"boilerplate", "comments"}
    assert all(s.get("open") is None for s in sections)
    reply = tree.xpath('//div[contains(@class, "comment")][contains(., "A reply")]')[0]
    assert "depth-1" in reply.get("class") and "reply to <i>troll</i>" in reply.text_content()



def test_duplicate_content_is_listed_as_a_failure_not_dropped(tmp_path):
    out, tally = _write_run(tmp_path)
    assert tally.duplicates == 1 and tally.articles == 1
    assert len(read_documents(out / "documents.jsonl")) == 1
    failures = [json.loads(line) for line in (out / "failures.jsonl").read_text().splitlines()]
    assert [f["stage"] for f in failures] == ["output", "ingest"]
    assert "duplicate of evil.html" in failures[0]["reason"]


def test_written_documents_validate_against_the_published_schema(tmp_path):
    out, _ = _write_run(tmp_path)
    published = json.loads((REPO / "schema" / "document.schema.json").read_text())
    assert published == document_schema(), "schema/document.schema.json is stale: run `newsprism schema > schema/document.schema.json`"
    assert (out / "documents.schema.json").read_text() == schema_text()
    for doc in read_documents(out / "documents.jsonl"):
        jsonschema.validate(doc, published)
    broken = read_documents(out / "documents.jsonl")[0] | {"authors": "not a list"}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, published)
    required = set(published["required"]) | set(published["properties"])
    for field in ("id", "source", "outlet", "title", "authors", "published", "language",
                  "language_confidence", "body", "boilerplate", "comments", "warnings"):
        assert field in required
    assert "raw_text" not in published["properties"]


def test_analysis_is_highlighted_and_tabled_and_still_escaped(tmp_path):
    from newsprism.model import DateMention, Entity, Place, Quote

    body = f"Lavrov said “{HOSTILE} is over” in Paris on Monday."
    hostile_at = body.index(HOSTILE)
    document = _hostile_document().model_copy(update={
        "id": "analysed",
        "body": body,
        "paragraphs": [],
        "entities": [
            Entity(text="Lavrov", start=0, end=6, type="person", id="np:person:sergey-lavrov", name=f"Lavrov {HOSTILE}"),
            Entity(text=HOSTILE, start=hostile_at, end=hostile_at + len(HOSTILE), type="organisation", id="x", name="X"),
            Entity(text="Paris", start=body.index("Paris"), end=body.index("Paris") + 5, type="location", id="geonames:2988507", name="Paris"),
        ],
        "places": [Place(text="Paris", start=body.index("Paris"), end=body.index("Paris") + 5, id="geonames:2988507",
                         name="Paris", geonames_id=2988507, lat=48.85, lon=2.35, country="FR", resolved=True)],
        "dates": [DateMention(text="Monday", start=body.index("Monday"), end=body.index("Monday") + 6, value="2016-12-05")],
        "quotes": [Quote(text=f"{HOSTILE} is over", start=hostile_at, end=hostile_at + len(HOSTILE) + 8, kind="direct",
                         cue="said", speaker="Lavrov", speaker_id="np:person:sergey-lavrov", speaker_name=f"Lavrov {HOSTILE}")],
    })
    with OutputWriter(tmp_path) as writer:
        writer.write(document)
    page = render_report(read_documents(tmp_path / "documents.jsonl"), writer.tally)
    tree = lxml_html.fromstring(page)
    assert not tree.xpath("//script") and not tree.xpath("//img") and not tree.xpath("//*[@onerror]")
    body_text = tree.xpath('//div[@class="body"]')[0].text_content()
    assert body_text.strip() == body, "highlighting must not change the text"
    assert tree.xpath('//div[@class="body"]//span[contains(@class, "t-person")][.="Lavrov"]')
    assert tree.xpath('//div[@class="body"]//span[contains(@class, "quote")]')
    assert tree.xpath('//div[@class="body"]//span[contains(@class, "date")][contains(@title, "2016-12-05")]')
    actors = tree.xpath('//details[@class="actors"]//tr')
    assert any("np:person:sergey-lavrov" in row.text_content() and "1" in row.text_content() for row in actors)
    assert tree.xpath('//details[@class="quotes"]//td[contains(., "said")]')
    assert tree.xpath('//details[@class="places"]//td[contains(., "48.850, 2.350")]')
