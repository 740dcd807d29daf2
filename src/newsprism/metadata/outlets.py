"""The publishing outlet, from the strongest evidence the document carries.

Evidence, strongest first: the page's URL; the container's site name; "Source: X" lines;
the name before the date in a dateline ("Global Research, February 19, 2019"); copyright
lines; domains named in boilerplate ("www.globalresearch.ca contains copyrighted
material…"); author bios ("editor-in-chief of EA WorldView"); last, a URL host the table
does not know (it may be an archive or a mirror).  Lines naming the *original*
source of a republished article ("The original source of this article is South Front")
are not evidence of the publisher: they only give a "republished from" warning.
The words of those lines come from every language's ``lang/<code>/cues.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..lang import metadata_words
from ..model import BoilerplateKind, Document, Label, MetadataKind, Outlet, Republication
from .dates import date_in_line
from .outlet_table import OutletEntry, OutletTable, host_of
from .text import alternation, normalise, segment_lines, squash

_WORDS = metadata_words()
_ORIGINAL_SOURCE = re.compile(rf"(?:{alternation(_WORDS.original_source_leads)})\s*:?\s*(?P<name>\S.*)$", re.I)
_SOURCE_LINE = re.compile(rf"^(?:{alternation(_WORDS.source_leads)})\s*[:：]\s*(?P<name>\S.*)$", re.I)
# "Copyright" is the label in every language, like the sign.
_COPYRIGHT = re.compile(r"(?:copyright|©|\(c\))\s*(?P<rest>.+)$", re.I)
_COPYRIGHT_NOISE = re.compile(
    rf"©|\(c\)|\bcopyright\b|\b\d{{4}}(?:\s*[-–]\s*\d{{2,4}})?\b|{alternation(_WORDS.rights_reserved)}", re.I
)
_COPYRIGHT_HOLDER_LEAD = re.compile(rf"^\W*(?:(?:{alternation(_WORDS.copyright_holder_leads)})\s+)?", re.I)
_PARENTHESISED = re.compile(r"\(([^()]{2,40})\)")
_DOMAIN_IN_TEXT = re.compile(r"(?<![\w.-])(?:[a-z0-9][a-z0-9-]*\.)+[a-z]{2,}(?![\w-])", re.I)
# Role in a bio followed by the outlet's name: "editor-in-chief of EA WorldView".  Only roles
# that make the outlet the author's own: a bio also lists papers the author once wrote for.
_BIO_ROLE = re.compile(
    rf"\b(?:{alternation(_WORDS.bio_outlet_roles)})\s+(?:{alternation(_WORDS.bio_outlet_prepositions)})?\s*"
    r"(?P<name>[^.;,()\n]+)",
    re.I,
)
_NAME_TAIL = re.compile(rf"\s+(?:{alternation(_WORDS.bio_outlet_ends)})\s.*$", re.I)
_TRIM = " \t.,:;|*_\"'“”‘’«»()[]<>-–—"
# Boilerplate whose names, links and addresses point elsewhere (photo agencies in captions,
# donation platforms, share buttons, other articles, the author's past employers).
_FOREIGN_BOILERPLATE = {
    BoilerplateKind.DONATION.value,
    BoilerplateKind.SHARE.value,
    BoilerplateKind.RELATED.value,
    BoilerplateKind.CAPTION.value,
    BoilerplateKind.AUTHOR_BIO.value,
}
MAX_OUTLET_NAME_WORDS = 8


@dataclass(frozen=True)
class Candidate:
    name: str
    entry: OutletEntry | None
    domain: str | None = None

    def outlet(self) -> Outlet:
        return self.entry.outlet(self.domain) if self.entry else Outlet(name=self.name, domain=self.domain)

    def same_as(self, other: Candidate) -> bool:
        if self.entry is not None and other.entry is not None:
            return self.entry.id == other.entry.id
        return normalise(self.name) == normalise(other.name)


def _looks_like_outlet_name(name: str) -> bool:
    words = name.split()
    return (
        0 < len(words) <= MAX_OUTLET_NAME_WORDS
        and len(name) <= 80
        and any(c.isalpha() for c in name)
        and not name[0].islower()
    )


def _resolve(text: str, table: OutletTable, *, accept_unknown: bool) -> Candidate | None:
    """The outlet a short piece of text names: a table entry, or (if accepted) the name itself."""
    text = squash(text).strip(_TRIM)
    if not text:
        return None
    if _DOMAIN_IN_TEXT.fullmatch(text):
        found = table.for_domain(text)
        if found:
            return Candidate(found[0].name, found[0], found[1])
        return Candidate(text, None, text.lower().removeprefix("www.")) if accept_unknown else None
    parts = [text, *(p.strip(_TRIM) for p in re.split(r"\s*(?:[|,/;–—]|\s-\s)\s*", text))]
    for part in parts:
        entry = table.for_name(part) if part else None
        if entry is not None:
            return Candidate(entry.name, entry)
    first = parts[1] if len(parts) > 1 and parts[1] else text
    if accept_unknown and _looks_like_outlet_name(first):
        return Candidate(first, None)
    return None


def _from_url(document: Document, table: OutletTable) -> Candidate | None:
    host = host_of(document.hints.url) or host_of(document.url)
    if host is None:
        return None
    found = table.for_domain(host)
    if found:
        return Candidate(found[0].name, found[0], found[1])
    named = _from_site_name(document, table)
    if named is not None:  # a domain the table lacks: the page's site name says whose it is
        return Candidate(named.name, named.entry, host)
    return None


def _from_url_host(document: Document, table: OutletTable) -> Candidate | None:
    """Last resort: an unknown host with no site name (it may be an archive or a mirror, so the text goes first)."""
    host = host_of(document.hints.url) or host_of(document.url)
    return Candidate(host, None, host) if host else None


def _from_site_name(document: Document, table: OutletTable) -> Candidate | None:
    for hint in (document.hints.sitename, document.hints.outlet):
        if hint:
            found = _resolve(hint, table, accept_unknown=True)
            if found:
                return found
    return None


def _own_lines(document: Document) -> list[tuple[str | None, str]]:
    """Metadata and boilerplate lines that speak for the page itself (not captions, donation links…)."""
    return [
        (kind, line)
        for kind, line in segment_lines(document, (Label.METADATA, Label.BOILERPLATE))
        if kind not in _FOREIGN_BOILERPLATE
    ]


def _named_outlet(
    lines: Iterable[str], find: Callable[[str], re.Match[str] | None], table: OutletTable
) -> Candidate | None:
    """The outlet named by the ``name`` group of the first line ``find`` matches (names outside the table count)."""
    found = _named_outlet_line(lines, find, table)
    return found[0] if found else None


def _named_outlet_line(
    lines: Iterable[str], find: Callable[[str], re.Match[str] | None], table: OutletTable
) -> tuple[Candidate, str] | None:
    """:func:`_named_outlet` with the line that named it."""
    for line in lines:
        match = find(line)
        if match:
            found = _resolve(_first_clause(match.group("name")), table, accept_unknown=True)
            if found:
                return found, line
    return None


def _from_source_lines(document: Document, table: OutletTable) -> Candidate | None:
    lines = (line for _, line in _own_lines(document) if not _ORIGINAL_SOURCE.search(line))
    return _named_outlet(lines, _SOURCE_LINE.match, table)


def _from_datelines(document: Document, table: OutletTable) -> Candidate | None:
    kinds = (MetadataKind.DATELINE.value, MetadataKind.BYLINE.value)
    for _, line in segment_lines(document, (Label.METADATA,), kinds):
        date, _ = date_in_line(line, document.language)
        if date is None:
            continue
        for text in (date.before, *_PARENTHESISED.findall(line)):
            # A dateline may also name a city ("Paris, 12 March 2021"): only table outlets count.
            found = _resolve(text, table, accept_unknown=False)
            if found:
                return found
    return None


def _from_copyright(document: Document, table: OutletTable) -> Candidate | None:
    for _, line in _own_lines(document):
        match = _COPYRIGHT.search(line)
        if match:
            holder = _COPYRIGHT_NOISE.sub(" ", match.group("rest"))
            holder = _COPYRIGHT_HOLDER_LEAD.sub("", squash(holder))
            found = _resolve(_first_clause(holder), table, accept_unknown=True)
            if found:
                return found
    return None


def _from_domains(document: Document, table: OutletTable) -> Candidate | None:
    lines = _own_lines(document)
    # A site's own disclaimer names its own domain: read disclaimers first.
    lines.sort(key=lambda item: item[0] != BoilerplateKind.DISCLAIMER.value)
    for _, line in lines:
        for domain in _DOMAIN_IN_TEXT.findall(line):
            found = table.for_domain(domain)
            if found:
                return Candidate(found[0].name, found[0], found[1])
    return None


def _from_bios(document: Document, table: OutletTable) -> Candidate | None:
    for _, line in segment_lines(document, (Label.BOILERPLATE,), (BoilerplateKind.AUTHOR_BIO.value,)):
        for match in _BIO_ROLE.finditer(line):
            found = _resolve(_NAME_TAIL.sub("", match.group("name")), table, accept_unknown=False)
            if found:
                return found
    return None


def _first_clause(text: str) -> str:
    """A name given in running text ends at the end of its clause."""
    return re.split(r"(?<=[^\W\d_]{2})[.;!?](?:\s|$)", text, maxsplit=1)[0]


_EVIDENCE: tuple[Callable[[Document, OutletTable], Candidate | None], ...] = (
    _from_url,
    _from_site_name,
    _from_source_lines,
    _from_datelines,
    _from_copyright,
    _from_domains,
    _from_bios,
    _from_url_host,
)


def _original_source(document: Document, table: OutletTable) -> tuple[Candidate, str] | None:
    lines = (line for _, line in segment_lines(document, (Label.METADATA, Label.BOILERPLATE)))
    return _named_outlet_line(lines, _ORIGINAL_SOURCE.search, table)


def decide_outlet(document: Document, table: OutletTable) -> Outlet | None:
    """The publisher; sets ``document.republished_from`` when a line names another original source."""
    publisher = next((found for find in _EVIDENCE if (found := find(document, table)) is not None), None)
    if publisher is not None and publisher.entry is None:
        document.warn(f"outlet not in outlet table: {publisher.name}")
    original = _original_source(document, table)
    if original is not None and (publisher is None or not original[0].same_as(publisher)):
        source, line = original
        document.warn(f"republished from {source.name}")
        outlet = source.outlet()
        document.republished_from = Republication(name=outlet.name, domain=outlet.domain, evidence=squash(line)[:300])
    return publisher.outlet() if publisher else None
