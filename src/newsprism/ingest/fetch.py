"""Fetching URLs safely: the pages are hostile and so are their redirects.

Every hop (the URL and each redirect target) is checked before any connection:
http/https only, every address the host resolves to must be public (unless
``allow_private_urls``), and robots.txt must allow it (when ``respect_robots``).
The connection then goes to the address that was checked — the host name travels
in the Host header and TLS SNI — so DNS cannot answer differently between check
and connect (DNS rebinding).  Bodies are streamed and cut at ``max_input_bytes``.
"""

from __future__ import annotations

import ipaddress
import socket
import time
import urllib.robotparser
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urljoin

import httpx

from ..errors import FetchError
from ..options import Options
from .limits import too_large

REDIRECT_STATUSES = {301, 302, 303, 307, 308}
ROBOTS_MAX_BYTES = 512 * 1024

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


@dataclass(frozen=True)
class Fetched:
    url: str  # final URL, after redirects
    content: bytes
    media_type: str | None  # e.g. "text/html", lower-cased, without parameters
    charset: str | None  # charset parameter of Content-Type, if any


def address_refusal(address: IPAddress) -> str | None:
    """Why ``address`` must not be fetched by default ("loopback", "private"…), or None if public."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped  # ::ffff:10.0.0.1 is 10.0.0.1
    for kind, flag in (
        ("unspecified", address.is_unspecified),
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("reserved", address.is_reserved),
        ("private", address.is_private),
        ("non-public", not address.is_global),  # e.g. 100.64.0.0/10 carrier-grade NAT
    ):
        if flag:
            return kind
    return None


class Fetcher:
    """One HTTP client for a run, with a robots.txt cache.

    ``allowed_networks`` are networks accepted even though they are not public
    (the whole check is off with ``options.allow_private_urls``).
    """

    def __init__(self, options: Options, *, allowed_networks: Iterable[IPNetwork] = ()):
        self.options = options
        self.allowed_networks = tuple(allowed_networks)
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._client = httpx.Client(
            timeout=options.fetch_timeout,
            follow_redirects=False,  # done by hand so that every hop is checked
            trust_env=False,  # a proxy from the environment would bypass the address checks
            headers={"User-Agent": options.user_agent},
            # no connection reuse: connections are keyed by IP, and must not be shared across host names
            limits=httpx.Limits(max_keepalive_connections=0),
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def fetch(self, url: str) -> Fetched:
        """Fetch ``url``, following redirects; raises :class:`FetchError` with a one-line reason."""
        return self._fetch(url, self.options.max_input_bytes, check_robots=self.options.respect_robots)

    def _fetch(self, url: str, limit: int, *, check_robots: bool) -> Fetched:
        seen = {url}
        current = url
        for _ in range(self.options.fetch_max_redirects + 1):
            parsed = _parse_url(current)
            addresses = self._vetted_addresses(parsed)
            if check_robots and not self._robots_allow(parsed):
                raise FetchError(f"refused by robots.txt: {current} (use --ignore-robots)")
            response = self._send(parsed, addresses)
            try:
                if response.status_code in REDIRECT_STATUSES and "location" in response.headers:
                    target = urljoin(current, response.headers["location"])
                    if target in seen:
                        raise FetchError(f"redirect loop at {target}")
                    seen.add(target)
                    current = target
                    continue
                if response.status_code >= 400:
                    raise FetchError(f"HTTP {response.status_code} from {current}")
                if not 200 <= response.status_code < 300:
                    raise FetchError(f"unexpected HTTP {response.status_code} from {current}")
                content = self._read_body(response, limit)
            finally:
                response.close()
            content_type = response.headers.get("content-type", "")
            media_type = content_type.split(";")[0].strip().lower() or None
            return Fetched(current, content, media_type, response.charset_encoding)
        raise FetchError(f"too many redirects (more than {self.options.fetch_max_redirects}) from {url}")

    def _vetted_addresses(self, url: httpx.URL) -> list[str]:
        host = url.raw_host.decode("ascii")
        port = url.port or (443 if url.scheme == "https" else 80)
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as error:
            raise FetchError(f"DNS lookup failed for {url.host}: {error}") from error
        addresses = list(dict.fromkeys(info[4][0].split("%")[0] for info in infos))
        if not addresses:
            raise FetchError(f"DNS lookup failed for {url.host}: no address")
        if not self.options.allow_private_urls:
            for text in addresses:
                address = ipaddress.ip_address(text)
                if any(address in network for network in self.allowed_networks):
                    continue
                if kind := address_refusal(address):
                    raise FetchError(
                        f"refused: {url.host} resolves to {kind} address {address} (use --allow-private-urls)"
                        if not _is_ip_literal(url.host)
                        else f"refused: {kind} address {address} (use --allow-private-urls)"
                    )
        return addresses

    def _send(self, url: httpx.URL, addresses: list[str]) -> httpx.Response:
        """Send the request to the vetted addresses in turn (the next one only if connecting fails)."""
        last_error: httpx.ConnectError | None = None
        for address in addresses:
            request = self._client.build_request(
                "GET",
                url.copy_with(host=address),
                headers={"Host": url.netloc.decode("ascii")},
                extensions={"sni_hostname": url.raw_host.decode("ascii")},
            )
            try:
                return self._client.send(request, stream=True)
            except httpx.ConnectError as error:
                last_error = error
            except httpx.TimeoutException as error:
                raise FetchError(f"timed out after {self.options.fetch_timeout:g} s: {url}") from error
            except httpx.HTTPError as error:
                raise FetchError(f"HTTP error from {url}: {_one_line(error)}") from error
        message = _one_line(last_error)
        if "ssl" in message.lower() or "certificate" in message.lower():
            raise FetchError(f"TLS error from {url.host}: {message}")
        raise FetchError(f"connection to {url.host} failed: {message}")

    def _read_body(self, response: httpx.Response, limit: int) -> bytes:
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(too_large(int(declared), limit))
        deadline = time.monotonic() + self.options.fetch_timeout
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in response.iter_bytes():  # decoded: a gzip bomb is counted decompressed
                size += len(chunk)
                if size > limit:
                    raise FetchError(too_large(None, limit))
                if time.monotonic() > deadline:
                    raise FetchError(f"timed out after {self.options.fetch_timeout:g} s reading the body")
                chunks.append(chunk)
        except httpx.TimeoutException as error:
            raise FetchError(f"timed out after {self.options.fetch_timeout:g} s reading the body") from error
        except httpx.HTTPError as error:
            raise FetchError(f"HTTP error while reading the body: {_one_line(error)}") from error
        return b"".join(chunks)

    def _robots_allow(self, url: httpx.URL) -> bool:
        origin = f"{url.scheme}://{url.netloc.decode('ascii')}"
        if origin not in self._robots:
            try:
                fetched = self._fetch(origin + "/robots.txt", ROBOTS_MAX_BYTES, check_robots=False)
            except FetchError:
                self._robots[origin] = None  # unreachable robots.txt allows everything
            else:
                parser = urllib.robotparser.RobotFileParser()
                parser.parse(fetched.content.decode("utf-8", "replace").splitlines())
                parser.modified()  # can_fetch() refuses everything until a read time is set
                self._robots[origin] = parser
        parser = self._robots[origin]
        return parser is None or parser.can_fetch(self.options.user_agent, str(url))


def _parse_url(url: str) -> httpx.URL:
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, ValueError) as error:
        raise FetchError(f"invalid URL {url!r}: {error}") from error
    if parsed.scheme not in ("http", "https"):
        raise FetchError(f"refused: unsupported URL scheme {parsed.scheme!r} in {url} (only http and https)")
    if not parsed.host:
        raise FetchError(f"invalid URL {url!r}: no host")
    return parsed


def _is_ip_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def _one_line(error: BaseException | None) -> str:
    return " ".join(str(error).split()) or type(error).__name__
