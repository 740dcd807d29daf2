"""The outlet table (shipped ``data/outlets.yaml`` plus user tables) and outlet recognition.

Names are matched against the table's aliases after :func:`.text.normalise` (case,
diacritics, punctuation and Arabic/Persian letter variants folded), as whole words.
Plain normalised matching is enough here: outlet names are quoted, not paraphrased, and
fuzzy matching would turn "Press TV" into "Press TV French" or a town paper into a wire service.

Run ``python -m newsprism.metadata.outlet_table [USER.yaml ...]`` to validate tables.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, field_validator

from ..errors import ConfigError
from ..lang import metadata_words
from ..model import Outlet
from .text import alternation, normalise

_DOMAIN = re.compile(r"^(?:[\w-]+\.)+[\w-]{2,}$")


def bare_domain(domain: str) -> str:
    """A user-written domain lower-cased without "www."; ValueError unless it is a bare domain."""
    domain = domain.strip().lower().removeprefix("www.")
    if not _DOMAIN.match(domain):
        raise ValueError(f"{domain!r} is not a bare domain (no scheme, path or port)")
    return domain
# Applied to normalise()d names, so matched as written ("the guardian", "l express").
_LEADING_ARTICLE = re.compile(rf"^(?:{alternation(metadata_words().leading_articles)})\s+")
# Multi-word aliases may also be found inside a longer name ("Global Research Inc."); one-word
# aliases must be the whole name, or "Standard" would match any "Evening Standard".
MIN_CONTAINED_ALIAS_CHARS = 6


class OutletEntry(BaseModel):
    """One row of an outlet table."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    domains: list[str] = Field(default_factory=list)
    aliases: list[str] = Field(default_factory=list)
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    language: str | None = Field(default=None, pattern=r"^[a-z]{2}$")
    source: str = Field(min_length=1, description="Where this entry's facts come from")

    @field_validator("domains")
    @classmethod
    def _plain_domains(cls, domains: list[str]) -> list[str]:
        return [bare_domain(domain) for domain in domains]

    def outlet(self, domain: str | None = None) -> Outlet:
        return Outlet(name=self.name, domain=domain or (self.domains[0] if self.domains else None))


_ENTRIES = TypeAdapter(list[OutletEntry])
# libyaml's safe loader is ~8x faster than the pure-Python one (every worker process loads the table).
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read_file(path: Path) -> list[OutletEntry]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read outlet table {path}: {error}") from error
    return _parse(text, str(path))


def _parse(text: str, label: str) -> list[OutletEntry]:
    try:
        raw = yaml.load(text, Loader=_SAFE_LOADER)
    except yaml.YAMLError as error:
        raise ConfigError(f"outlet table {label} is not valid YAML: {error}".replace("\n", " ")) from error
    try:
        entries = _ENTRIES.validate_python(raw)
    except ValidationError as error:
        problems = "; ".join(
            f"entry {'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors(include_url=False)[:5]
        )
        raise ConfigError(f"outlet table {label} does not match the schema (a list of entries with id, name, source…): {problems}") from error
    seen: set[str] = set()
    for entry in entries:
        if entry.id in seen:
            raise ConfigError(f"outlet table {label}: id {entry.id!r} appears twice")
        seen.add(entry.id)
    return entries


@dataclass
class OutletTable:
    entries: list[OutletEntry]

    def __post_init__(self) -> None:
        self.by_domain: dict[str, OutletEntry] = {}
        self.by_alias: dict[str, OutletEntry] = {}
        for entry in self.entries:  # later entries (user tables) win a clash
            for domain in entry.domains:
                self.by_domain[domain] = entry
            for alias in (entry.name, *entry.aliases, *entry.domains):
                key = normalise(alias)
                if key:
                    self.by_alias[key] = entry
        contained = sorted(
            (key for key in self.by_alias if " " in key and len(key) >= MIN_CONTAINED_ALIAS_CHARS),
            key=len,
            reverse=True,
        )
        self._contained = re.compile(r"(?<!\S)(?:" + "|".join(map(re.escape, contained)) + r")(?!\S)") if contained else None

    def for_domain(self, domain: str) -> tuple[OutletEntry, str] | None:
        """The entry for a host name or one of its parent domains, with the domain that matched."""
        parts = domain.lower().strip(".").removeprefix("www.").split(".")
        for i in range(len(parts) - 1):
            candidate = ".".join(parts[i:])
            if candidate in self.by_domain:
                return self.by_domain[candidate], candidate
        return None

    def for_name(self, name: str) -> OutletEntry | None:
        """The entry a name refers to: an exact alias, or a multi-word alias inside it."""
        key = normalise(name)
        if not key:
            return None
        for variant in (key, _LEADING_ARTICLE.sub("", key)):
            if variant in self.by_alias:
                return self.by_alias[variant]
        if self._contained is not None:
            match = self._contained.search(key)
            if match:
                return self.by_alias[match.group(0)]
        return None


def _merge(tables: list[list[OutletEntry]]) -> list[OutletEntry]:
    merged: list[OutletEntry] = []
    for table in tables:
        for entry in table:
            taken = set(entry.domains)
            merged = [old for old in merged if old.id != entry.id and not taken.intersection(old.domains)]
            merged.append(entry)
    return merged


def _shipped_text() -> str:
    return files("newsprism").joinpath("data/outlets.yaml").read_text(encoding="utf-8")


@lru_cache(maxsize=8)
def _load(user_tables: tuple[tuple[str, int], ...]) -> OutletTable:
    tables = [_parse(_shipped_text(), "data/outlets.yaml")]
    tables += [_read_file(Path(path)) for path, _ in user_tables]
    return OutletTable(_merge(tables))


def load_table(user_tables: tuple[Path, ...] = ()) -> OutletTable:
    """Shipped table plus the user's, cached per process (keyed by path and mtime, so edits reload)."""
    keyed = []
    for path in user_tables:
        try:
            keyed.append((str(path), Path(path).stat().st_mtime_ns))
        except OSError as error:
            raise ConfigError(f"cannot read outlet table {path}: {error}") from error
    return _load(tuple(keyed))


def host_of(url: str | None) -> str | None:
    """The host name of a URL, without "www."."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host and "." in host else None


if __name__ == "__main__":
    table = load_table(tuple(Path(arg) for arg in sys.argv[1:]))
    print(f"{len(table.entries)} outlets, {len(table.by_domain)} domains, {len(table.by_alias)} names: valid")
