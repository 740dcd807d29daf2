"""Helpers for the ingest tests: a real HTTP server on 127.0.0.1 and WARC builders."""

from __future__ import annotations

import io
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsprism.ingest import iter_inputs
from newsprism.model import Document, Failure
from newsprism.options import Options

ARTICLE_HTML = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Ceasefire talks resume</title>"
    "<link rel='canonical' href='/news/ceasefire'></head><body><article><h1>Ceasefire talks resume</h1>"
    "<p>Negotiators met in Geneva on Tuesday to discuss a ceasefire.</p>"
    "<p>Both delegations said progress was slow but real.</p></article></body></html>"
)
TEASER_LONG = "<p>" + "Full story text of the teaser page. " * 40 + "</p>"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


def rss_feed(base: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Example Wire</title><link>{base}/</link><description>wire</description>
<item><title>Full entry</title><link>{base}/full</link><author>ann@example.org (Ann Author)</author>
<pubDate>Tue, 19 Feb 2019 10:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p>The whole article is in the feed. It has two sentences.</p>]]></content:encoded></item>
<item><title>Teaser entry</title><link>{base}/teaser</link><description>Short teaser…</description></item>
<item><title>Dead link</title><link>{base}/status/404</link><description>Only a summary survives.</description></item>
<item><title>Nothing at all</title></item>
</channel></rss>"""


def atom_feed(base: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title><id>urn:x</id><updated>2020-01-02T00:00:00Z</updated>
<entry><title>Atom one</title><link href="{base}/atom/1"/><id>urn:1</id><updated>2020-01-02T00:00:00Z</updated>
<published>2020-01-01T08:30:00+01:00</published><author><name>Bea Writer</name></author>
<content type="html">&lt;p&gt;Atom entry body with enough words to be an article.&lt;/p&gt;</content></entry>
</feed>"""


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:  # keep test output clean
        pass

    def _send(self, status: int, body: bytes = b"", content_type: str = "text/html; charset=utf-8",
              headers: dict[str, str] | None = None, length: bool = True) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if length:
            self.send_header("Content-Length", str(len(body)))
        else:
            self.send_header("Connection", "close")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: C901 - one route table
        base = f"http://{self.headers['Host']}"
        path = self.path
        if path == "/robots.txt":
            self._send(200, b"User-agent: *\nDisallow: /private-area/\n", "text/plain")
        elif path in ("/article.html", "/private-area/page", "/full", "/news/ceasefire"):
            self._send(200, ARTICLE_HTML.encode())
        elif path == "/teaser" or path.startswith("/atom/"):
            self._send(200, f"<html><body><article>{TEASER_LONG}</article></body></html>".encode())
        elif path == "/plain.txt":
            self._send(200, "Plain article.\r\nSecond line “quoted”.".encode("cp1252"),
                       "text/plain; charset=windows-1252")
        elif path.startswith("/status/"):
            self._send(int(path.rsplit("/", 1)[1]), b"error page")
        elif path == "/slow":
            time.sleep(1.5)
            self._send(200, b"late")
        elif path == "/big":
            self._send(200, b"x" * 200_000, "text/plain")
        elif path == "/big-stream":  # no Content-Length: the cap must cut the stream itself
            self._send(200, b"y" * 200_000, "text/plain", length=False)
            self.close_connection = True
        elif path.startswith("/loop"):
            self._send(302, headers={"Location": "/loop-b" if path == "/loop-a" else "/loop-a"})
        elif path.startswith("/chain/"):
            self._send(302, headers={"Location": f"/chain/{int(path.rsplit('/', 1)[1]) + 1}"})
        elif path == "/to-other-loopback":
            port = self.server.server_address[1]
            self._send(302, headers={"Location": f"http://127.0.0.2:{port}/article.html"})
        elif path == "/to-ftp":
            self._send(302, headers={"Location": "ftp://127.0.0.1/file"})
        elif path == "/image.png":
            self._send(200, PNG, "image/png")
        elif path == "/feed.rss":
            self._send(200, rss_feed(base).encode(), "application/rss+xml")
        elif path == "/feed.atom":
            self._send(200, atom_feed(base).encode(), "application/atom+xml")
        else:
            self._send(404, b"not found")


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:  # type: ignore[no-untyped-def]
        pass  # clients hanging up on purpose (size caps, timeouts) are what the tests check


@pytest.fixture(scope="module")
def server():
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def run(inputs: list[str], stdin: io.BytesIO | None = None, **options: object) -> list[Document | Failure]:
    return list(iter_inputs(inputs, Options(**options), stdin=stdin))


def docs(items: list[Document | Failure]) -> list[Document]:
    return [item for item in items if isinstance(item, Document)]


def failures(items: list[Document | Failure]) -> list[Failure]:
    return [item for item in items if isinstance(item, Failure)]


def http_record(writer: WARCWriter, uri: str, body: bytes, content_type: str = "text/html; charset=utf-8",
                status: str = "200 OK", record_type: str = "response"):
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    return writer.create_warc_record(uri, record_type, payload=io.BytesIO(body), http_headers=headers)


def request_record(writer: WARCWriter, uri: str):
    headers = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
    return writer.create_warc_record(uri, "request", payload=io.BytesIO(b""), http_headers=headers)
