"""Fetching URLs from a real HTTP server on 127.0.0.1: articles, errors, limits, feeds, URL lists."""

from __future__ import annotations

import ipaddress
import time
from pathlib import Path

import pytest

from ingest_fixtures import docs, failures, run, server  # noqa: F401  (server is a fixture)

from newsprism.errors import FetchError
from newsprism.ingest.fetch import Fetcher, address_refusal
from newsprism.model import Document, InputFormat
from newsprism.options import Options

LOCAL = {"allow_private_urls": True, "fetch_timeout": 1.0}


def test_article_url(server: str) -> None:
    [doc] = run([f"{server}/article.html"], **LOCAL)
    assert isinstance(doc, Document) and doc.format is InputFormat.HTML
    assert doc.source == doc.url == f"{server}/article.html"
    assert doc.hints.url == f"{server}/news/ceasefire"  # relative canonical resolved against the page URL
    assert "Geneva" in doc.raw_text
    assert run([f"{server}/article.html"], **LOCAL)[0].id == doc.id


def test_content_type_decides_text_and_charset(server: str) -> None:
    [doc] = run([f"{server}/plain.txt"], **LOCAL)
    assert doc.format is InputFormat.TEXT
    assert doc.raw_text == "Plain article.\nSecond line “quoted”."


def test_loopback_refused_by_default(server: str) -> None:
    [failure] = run([f"{server}/article.html"])
    assert failure.reason == "refused: loopback address 127.0.0.1 (use --allow-private-urls)"
    [by_name] = run([f"http://localhost:{server.rsplit(':', 1)[1]}/article.html"])
    assert by_name.reason.startswith("refused: localhost resolves to loopback address")


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/status/500", "HTTP 500 from {server}/status/500"),
        ("/status/404", "HTTP 404 from {server}/status/404"),
        ("/slow", "timed out after 0.3 s: {server}/slow"),
        ("/big", "too large: 195 KB > 49 KB limit (--max-input-size)"),
        ("/big-stream", "too large: more than the 49 KB limit (--max-input-size)"),
        ("/loop-a", "redirect loop at {server}/loop-a"),
        ("/chain/0", "too many redirects (more than 5) from {server}/chain/0"),
        ("/to-ftp", "refused: unsupported URL scheme 'ftp' in ftp://127.0.0.1/file (only http and https)"),
        ("/image.png", "binary file (PNG image)"),
        ("/private-area/page", "refused by robots.txt: {server}/private-area/page (use --ignore-robots)"),
    ],
)
def test_fetch_failures(server: str, path: str, reason: str) -> None:
    started = time.perf_counter()
    [failure] = run([server + path], allow_private_urls=True, fetch_timeout=0.3, max_input_bytes=50_000)
    assert failure.source == server + path and failure.stage == "ingest"
    assert failure.reason == reason.format(server=server)
    assert time.perf_counter() - started < 5


def test_robots_can_be_ignored(server: str) -> None:
    [doc] = run([f"{server}/private-area/page"], respect_robots=False, **LOCAL)
    assert isinstance(doc, Document)


def test_redirect_targets_are_rechecked(server: str) -> None:
    # 127.0.0.1 stands in for the public internet; the redirect to another loopback address must be refused
    options = Options(fetch_timeout=1.0)
    with Fetcher(options, allowed_networks=[ipaddress.ip_network("127.0.0.1/32")]) as fetcher:
        assert b"Geneva" in fetcher.fetch(f"{server}/article.html").content
        with pytest.raises(FetchError, match=r"^refused: loopback address 127\.0\.0\.2 \(use --allow-private-urls\)$"):
            fetcher.fetch(f"{server}/to-other-loopback")


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("10.0.0.1", "private"), ("192.168.1.5", "private"), ("172.16.0.1", "private"),
        ("127.0.0.1", "loopback"), ("::1", "loopback"), ("169.254.169.254", "link-local"),
        ("fe80::1", "link-local"), ("224.0.0.1", "multicast"), ("0.0.0.0", "unspecified"), ("::", "unspecified"),
        ("::ffff:10.0.0.1", "private"), ("fc00::1", "private"), ("100.64.0.1", "non-public"),
        ("240.0.0.1", "reserved"), ("93.184.216.34", None), ("2606:4700::1111", None),
    ],
)
def test_address_refusal(address: str, kind: str | None) -> None:
    assert address_refusal(ipaddress.ip_address(address)) == kind


def test_unresolvable_host() -> None:
    [failure] = run(["http://nonexistent.invalid/article"])
    assert failure.reason.startswith("DNS lookup failed for nonexistent.invalid")


def test_rss_feed(server: str) -> None:
    items = run([f"{server}/feed.rss"], **LOCAL)
    full, teaser, dead = docs(items)
    [nothing] = failures(items)
    assert full.source == f"{server}/feed.rss#{server}/full" and full.format is InputFormat.HTML
    assert "whole article is in the feed" in full.raw_text
    assert full.hints.title == "Full entry" and full.hints.sitename == "Example Wire"
    assert full.hints.published == "2019-02-19T10:00:00+00:00"
    assert full.hints.authors and "Ann Author" in full.hints.authors[0]
    assert teaser.source == f"{server}/feed.rss#{server}/teaser"
    assert "Full story text of the teaser page" in teaser.raw_text and not teaser.warnings
    assert teaser.hints.title == "Teaser entry"
    assert dead.raw_text == "Only a summary survives." and dead.warnings
    assert "HTTP 404" in dead.warnings[0]
    assert nothing.source == f"{server}/feed.rss#entry-4"
    assert nothing.reason == "feed entry has no content, summary or link"


def test_atom_feed(server: str) -> None:
    [entry] = run([f"{server}/feed.atom"], **LOCAL)
    assert entry.source == f"{server}/feed.atom#{server}/atom/1"
    assert entry.hints.authors == ["Bea Writer"] and entry.hints.sitename == "Atom Desk"
    assert entry.hints.published == "2020-01-01T07:30:00+00:00"
    assert "Atom entry body" in entry.raw_text


def test_feed_file_fetches_teasers(server: str, tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>'
        f"<item><title>T</title><link>{server}/teaser</link><description>Teaser.</description></item>"
        f"</channel></rss>")
    [doc] = run([str(path)], **LOCAL)
    assert doc.source == f"{path}#{server}/teaser" and "Full story text" in doc.raw_text


def test_feed_without_entries(tmp_path: Path) -> None:
    path = tmp_path / "empty.rss"
    path.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>')
    [failure] = run([str(path)])
    assert failure.reason.startswith("feed has no entries")


def test_url_list(server: str, tmp_path: Path) -> None:
    path = tmp_path / "urls.txt"
    path.write_text(f"# reading list\n{server}/article.html\n\n{server}/status/500\n{server}/image.png\n"
                    f"{server}/feed.rss\n")
    items = run([str(path)], **LOCAL)
    assert [type(i).__name__ for i in items] == ["Document", "Failure", "Failure", "Failure"]
    article, error, image, feed = items
    assert article.source == f"{server}/article.html"
    assert (error.source, error.reason) == (f"{server}/status/500", f"HTTP 500 from {server}/status/500")
    assert image.reason == "not an article: content-type image/png"
    assert feed.reason == "not an article: content-type application/rss+xml"  # no containers inside containers


def test_url_list_with_a_stray_line(server: str, tmp_path: Path) -> None:
    path = tmp_path / "urls.txt"
    path.write_text(f"{server}/article.html\n" * 3000 + "not a url\n")  # stray line beyond the sniffed head
    items = run([str(path)], max_records_per_input=2, **LOCAL)
    assert [type(i).__name__ for i in items] == ["Document", "Document", "Failure"]
    assert items[2].reason == "stopped after 2 URLs (max_records_per_input)"
    path.write_text(f"{server}/article.html\n" * 200 + "not a url\n")
    items = run([str(path)], max_records_per_input=1000, **LOCAL)
    assert items[-1].source == f"{path}#L201" and items[-1].reason == "not a URL: not a url"
