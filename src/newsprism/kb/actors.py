"""Loading and querying the curated actor knowledge base (and the user's additions)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import yaml
from rapidfuzz.distance import OSA

from ..errors import ConfigError
from ..model import EntityType
from .normalize import alias_key, is_acronym, loose_key

ACTORS_DIR = Path(str(files("newsprism") / "data" / "kb" / "actors"))
# Loose (transliteration-folded) keys only for names at least this long: shorter ones collide.
MIN_LOOSE_KEY_CHARS = 5


@dataclass
class KBEntry:
    id: str
    name: str
    type: EntityType
    aliases: dict[str, list[str]] = field(default_factory=dict)
    short: list[str] = field(default_factory=list)
    description: str | None = None
    country: str | None = None
    roles: list[str] = field(default_factory=list)
    origin: str = ""  # the file the entry came from

    def names(self) -> list[str]:
        seen = [self.name]
        for values in self.aliases.values():
            seen.extend(v for v in values if v not in seen)
        return seen


@dataclass(frozen=True)
class AliasHit:
    """A KB entry reachable by a name; ``case_sensitive`` names (acronyms) must match as written."""

    entry_id: str
    alias: str
    case_sensitive: bool
    short: bool = False  # a surname-only form (``short`` in the YAML)


def stable_id(kind: str, name: str) -> str:
    """Our own id for an identity without a QID: readable and stable across runs and languages."""
    key = alias_key(name).replace(" ", "-")
    if not key or len(key) > 60:
        key = hashlib.sha1(name.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return f"np:{kind}:{key}"


class ActorKB:
    def __init__(self, entries: list[KBEntry], version: str) -> None:
        self.version = version
        self.entries = {entry.id: entry for entry in entries}
        self.exact: dict[str, list[AliasHit]] = {}
        self.loose: dict[str, list[AliasHit]] = {}
        self._person_index: dict[str, list[tuple[list[str], str]]] | None = None
        for entry in entries:
            for alias in entry.names():
                self._index(entry, alias, short=False)
            for alias in entry.short:
                self._index(entry, alias, short=True)

    def _index(self, entry: KBEntry, alias: str, short: bool) -> None:
        key = alias_key(alias)
        if not key:
            return
        hit = AliasHit(entry.id, alias, is_acronym(alias), short)
        bucket = self.exact.setdefault(key, [])
        if all(h.entry_id != entry.id or h.case_sensitive != hit.case_sensitive for h in bucket):
            bucket.append(hit)
        loose = loose_key(alias)
        # People's names are not folded: "Milei"/"Milley", "Barnier"/"Barnea" are different people; their
        # transliterations are listed as aliases instead.  Groups, bodies and places keep the fallback.
        if not hit.case_sensitive and not short and entry.type is not EntityType.PERSON and len(loose) >= MIN_LOOSE_KEY_CHARS:
            bucket = self.loose.setdefault(loose, [])
            if all(h.entry_id != entry.id for h in bucket):
                bucket.append(hit)

    def similar_person(self, name: str, min_similarity: float = 0.8) -> KBEntry | None:
        """The one known person whose name differs from ``name`` by a misspelt surname only.

        "James Jeffry" → James Jeffrey: same first name(s), surname within ``min_similarity`` (OSA,
        normalised).  None when no person or more than one qualifies: a guess between two people is
        worse than no link.
        """
        words = alias_key(name).split()
        if len(words) < 2 or len(words[-1]) < 5:
            return None
        found = {
            entry_id
            for known, entry_id in self._persons_by_first_name().get(words[0], [])
            if len(known) == len(words) and known[:-1] == words[:-1]
            and OSA.normalized_similarity(known[-1], words[-1]) >= min_similarity
        }
        return self.entries[found.pop()] if len(found) == 1 else None

    def _persons_by_first_name(self) -> dict[str, list[tuple[list[str], str]]]:
        if self._person_index is None:
            index: dict[str, list[tuple[list[str], str]]] = {}
            for entry in self.entries.values():
                if entry.type is EntityType.PERSON:
                    for alias in entry.names():
                        words = alias_key(alias).split()
                        if len(words) >= 2:
                            index.setdefault(words[0], []).append((words, entry.id))
            self._person_index = index
        return self._person_index

    def lookup(self, text: str, *, allow_short: bool = True, allow_loose: bool = True) -> list[KBEntry]:
        """Entries a mention can denote: exact key first (acronyms as written), then the loose key."""
        hits = [
            hit
            for hit in self.exact.get(alias_key(text), [])
            if written_form_fits(hit, text) and (allow_short or not hit.short)
        ]
        if not hits and allow_loose:
            loose = loose_key(text)
            if len(loose) >= MIN_LOOSE_KEY_CHARS:
                hits = self.loose.get(loose, [])
        return _unique_entries(self, hits)


_CAPITALISED_ARTICLE = re.compile(r"^(?:Le|La|Les|L['’]|El|Los|Las|Die|Der|Das|Il|Lo)\b")


def written_form_fits(hit: AliasHit, surface: str) -> bool:
    """Beyond the folded key: acronyms must match as written, and a name whose article is part of it
    ("Le Monde", "El País", "Die Welt") needs the article, or "Monde" in "Coupe du Monde" would match."""
    if hit.case_sensitive:
        return hit.alias.replace(".", "") == surface.replace(".", "")
    if _CAPITALISED_ARTICLE.match(hit.alias) and not _CAPITALISED_ARTICLE.match(surface.strip()):
        return surface.strip().casefold().startswith(hit.alias.split()[0].casefold())
    return True


def _unique_entries(kb: ActorKB, hits: list[AliasHit]) -> list[KBEntry]:
    seen: dict[str, KBEntry] = {}
    for hit in hits:
        seen.setdefault(hit.entry_id, kb.entries[hit.entry_id])
    return list(seen.values())


def _entry(raw: dict, origin: str) -> KBEntry:
    try:
        kind = EntityType(raw["type"])
        name = str(raw["name"])
    except (KeyError, ValueError) as error:
        raise ConfigError(f"{origin}: entry {raw.get('name', raw)!r} needs a name and a valid type ({error})") from None
    aliases = {str(lang): [str(a) for a in (values or [])] for lang, values in (raw.get("aliases") or {}).items()}
    return KBEntry(
        id=str(raw.get("id") or stable_id(kind.value, name)),
        name=name,
        type=kind,
        aliases=aliases,
        short=[str(s) for s in raw.get("short") or []],
        description=raw.get("description"),
        country=raw.get("country"),
        roles=[str(r) for r in raw.get("roles") or []],
        origin=origin,
    )


def _read(path: Path) -> list[dict]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError) as error:
        raise ConfigError(f"cannot read alias file {path}: {error}") from None
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise ConfigError(f"alias file {path} must be a mapping with an 'entries' list")
    return data["entries"]


def _merge_user_entry(entries: dict[str, KBEntry], entry: KBEntry, raw: dict) -> None:
    """A user entry with a known id adds aliases to it (and overrides fields it states); else it is new."""
    known = entries.get(entry.id)
    if known is None:
        entries[entry.id] = entry
        return
    for lang, values in entry.aliases.items():
        known.aliases.setdefault(lang, []).extend(v for v in values if v not in known.aliases.get(lang, []))
    known.short.extend(s for s in entry.short if s not in known.short)
    for attribute in ("name", "description", "country"):
        if raw.get(attribute):
            setattr(known, attribute, getattr(entry, attribute))
    if raw.get("type"):
        known.type = entry.type


@lru_cache(maxsize=8)
def load_actor_kb(user_files: tuple[Path, ...] = ()) -> ActorKB:
    """The shipped actor KB plus the user's alias files (same YAML format), once per process."""
    entries: dict[str, KBEntry] = {}
    digest = hashlib.sha1()
    # The nationality-phrase table links actors too (entities/nationals.py): it is part of the version.
    nationals = ACTORS_DIR.parent / "nationals.yaml"
    digest.update(nationals.read_bytes() if nationals.is_file() else b"")
    for path in sorted(ACTORS_DIR.glob("*.yaml")):
        digest.update(path.read_bytes())
        for raw in _read(path):
            entry = _entry(raw, path.name)
            if entry.id in entries:
                raise ConfigError(f"{path.name}: duplicate knowledge-base id {entry.id} ({entry.name})")
            entries[entry.id] = entry
    for path in user_files:
        path = Path(path)
        digest.update(path.read_bytes() if path.is_file() else b"")
        for raw in _read(path):
            if "type" not in raw and raw.get("id") in entries:
                raw = {**raw, "type": entries[raw["id"]].type.value, "name": raw.get("name") or entries[raw["id"]].name}
            _merge_user_entry(entries, _entry(raw, str(path)), raw)
    return ActorKB(list(entries.values()), version=digest.hexdigest()[:12])
