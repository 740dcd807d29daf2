"""Outlet profiles: who an outlet is, and every label anyone has put on it, each with its source.

A profile is an outlet's identity (``id``, ``name``, ``domains``, ``aliases``, ``country``,
``language``, and the ``source`` of those facts) plus a list of ``labels``.  A label is
``{kind, value, source, dataset, date}``:

- ``factuality`` and ``bias``: Media Bias/Fact Check ratings as collected by Baly et al.
  (EMNLP 2018 and ACL 2020 corpora); ``source`` is the MBFC page the rating came from.  When the
  two corpora rate an outlet differently, both labels are kept, each with its own source.  A
  rating of one section of a site (MBFC rates the Borowitz Report on newyorker.com apart from
  the New Yorker) carries ``scope``: the part of the site it applies to.
- ``euvsdisinfo_cases``: a *fact*, not a verdict: the number of EUvsDisinfo database cases that
  name the outlet, the first and last case dates, the case languages, the outlet names as the
  cases write them, and a sample of the case URLs (``sources``; ``source`` is the latest case).

The shipped table (``data/outlet-profiles.json.gz``) is built by :func:`build_outlet_profiles`
from ``shared/data/outlets-mbfc/`` and ``shared/data/narratives-euvsdisinfo/posts.csv`` and keyed
on the ids of the recognition table ``data/outlets.yaml`` where an outlet matches it (by domain,
or by normalised name/alias for the names EUvsDisinfo gives).  Outlets found nowhere are unknown:
:meth:`OutletProfiles.lookup` returns ``None`` and :meth:`OutletProfiles.describe` an explicit
``{"known": false}`` record.

Users add or override entries with YAML files (a list of entries in the same format).  Every
entry must carry a ``source``; labels without their own ``source`` take the entry's.  A user entry
whose ``id`` (or a domain) matches a profile updates that profile: the fields it gives replace the
shipped ones, and its labels replace the shipped labels *of the same kind*; other labels stay.
"""

from __future__ import annotations

import copy
import csv
import gzip
import io
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from ..errors import ConfigError
from ..metadata.outlet_table import OutletTable, bare_domain, host_of, load_table
from ..metadata.text import normalise

#: Where the shipped, built table lives (relative to the ``newsprism`` package).
DEFAULT_PROFILES_RESOURCE = "data/outlet-profiles.json.gz"
#: The same as a file path, for ``newsprism build outlets`` to write to.
DEFAULT_PROFILES_PATH = Path(__file__).resolve().parent.parent / "data" / "outlet-profiles.json.gz"

FORMAT_VERSION = 1
LABEL_KINDS = ("factuality", "bias", "euvsdisinfo_cases")
MAX_CASE_URLS = 5

MBFC_DATASETS = (
    # folder, dataset description, date of the collection (the year the corpus was published)
    ("emnlp18", "Baly et al. EMNLP 2018, outlets-mbfc/emnlp18/corpus.tsv (labels by Media Bias/Fact Check)", "2018"),
    ("acl2020", "Baly et al. ACL 2020, outlets-mbfc/acl2020/corpus.tsv (labels by Media Bias/Fact Check)", "2020"),
)
EUVSDISINFO_DATASET = (
    "EUvsDisinfo database (EU East StratCom Task Force), narratives-euvsdisinfo/posts.csv "
    "(cases scraped 2021-02-18, github.com/cknabs/EUvsDisinfo)"
)
EUVSDISINFO_SOURCE = "https://euvsdisinfo.eu/disinformation-cases/"

# Strings the EUvsDisinfo "outlets" column holds that are not outlets: a scraping artefact and
# link shorteners / platforms (the outlet behind a bit.ly link is unknown).
_NOT_OUTLETS = {"show more", "bit ly", "youtube", "youtube com", "facebook", "facebook com", "twitter", "twitter com",
                "t me", "telegram", "vk com", "ok ru", "goo gl", "archive is", "archive ph", "web archive org"}
# Trailing "- YouTube", "- Facebook" …: the outlet's channel on a platform is the outlet.
_PLATFORM_SUFFIX = re.compile(
    r"\s*[-–]\s*(?:youtube|facebook|twitter|soundcloud|telegram|instagram|vk|vkontakte|odnoklassniki)\b.*$", re.I
)
_TRAILING_PAREN = re.compile(r"\s*\([^()]*\)\s*$")
_TRAILING_NUMBER = re.compile(r"\s+[2-9]$")  # "RT English 2" (a second account), not "Rossiya 1"
_DOMAIN_NAME = re.compile(r"^(?:[a-z0-9][a-z0-9-]*\.)+[a-z]{2,}$", re.I)
# EUvsDisinfo names RT and Sputnik editions by country or language in English; the recognition
# table by their own names.  Hand-made equivalences (normalised name -> outlets.yaml id).
_EUVSDISINFO_EQUIVALENTS = {
    "rt english": "rt",
    "rt online": "rt",
    "russian rt": "rt",
    "rt russia": "rt-russian",
    "rt germany": "rt-de",
    "rt spanish": "rt-espanol",
    "rt arab": "rt-arabic",
    "rt web arabic": "rt-arabic",
    "rt web ar": "rt-arabic",
    "ar rt com": "rt-arabic",
    "sputnik english": "sputnik",
    "sputnik news": "sputnik",
    "sputnik germany": "sputnik-deutschland",
    "sputnik poland": "sputnik-polska",
    "sputnik spain": "sputnik-mundo",
    "sputnik web arabic": "sputnik-arabic",
    "sputnik web ar": "sputnik-arabic",
    "sputnik ar web": "sputnik-arabic",
    "pervyi kanal": "channel-one",
    "tass english": "tass",
    "ria novosti": "ria-novosti",
    "journal of new eastern outlook": "new-eastern-outlook",
    "journal of the new eastern outlook": "new-eastern-outlook",
    "strategic culture fund": "strategic-culture",
    "fond strategicheckoy kultury": "strategic-culture",
    "newsfront": "news-front",
    "almanar": "al-manar",
    "almayadeen": "al-mayadeen",
    "al mayadeen": "al-mayadeen",
}


class OutletProfileError(ConfigError, ValueError):
    """A malformed outlet profile file (shipped or the user's)."""


@dataclass
class OutletProfile:
    id: str | None
    name: str
    domains: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    language: str | None = None
    source: str | None = None
    labels: list[dict[str, Any]] = field(default_factory=list)
    known: bool = True

    def as_dict(self) -> dict[str, Any]:
        data = {
            "id": self.id,
            "name": self.name,
            "domains": self.domains,
            "aliases": self.aliases,
            "country": self.country,
            "language": self.language,
            "source": self.source,
            "labels": self.labels,
        }
        if not self.known:
            data["known"] = False
        return data

    def labels_of(self, kind: str) -> list[dict[str, Any]]:
        return [label for label in self.labels if label["kind"] == kind]


def unknown_profile(query: str) -> OutletProfile:
    """How an outlet nobody has profiled is shown: unknown, with no labels."""
    return OutletProfile(id=None, name=query, source=None, labels=[], known=False)


# --------------------------------------------------------------------------- building


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", normalise(text)).strip("-") or "outlet"


class _Builder:
    def __init__(self, table: OutletTable) -> None:
        self.table = table
        self.profiles: dict[str, dict[str, Any]] = {}
        self.by_domain: dict[str, str] = {}
        self.by_name: dict[str, str] = {}
        self.from_table: set[str] = set()
        for entry in table.entries:
            self.profiles[entry.id] = {
                "id": entry.id,
                "name": entry.name,
                "domains": list(entry.domains),
                "aliases": list(entry.aliases),
                "country": entry.country,
                "language": entry.language,
                "source": entry.source,
                "labels": [],
            }
            self.from_table.add(entry.id)
            for domain in entry.domains:
                self.by_domain.setdefault(domain, entry.id)
            for name in (entry.name, *entry.aliases):
                if normalise(name):
                    self.by_name.setdefault(normalise(name), entry.id)

    def _domain_match(self, host: str) -> str | None:
        parts = host.split(".")
        for i in range(len(parts) - 1):
            candidate = ".".join(parts[i:])
            if candidate in self.by_domain:
                return self.by_domain[candidate]
        return None

    def _new_id(self, base: str) -> str:
        candidate, n = base, 2
        while candidate in self.profiles:
            candidate, n = f"{base}-{n}", n + 1
        return candidate

    def _add_domain(self, pid: str, domain: str) -> None:
        profile = self.profiles[pid]
        if domain not in profile["domains"]:
            profile["domains"].append(domain)
        self.by_domain.setdefault(domain, pid)

    def add_mbfc(self, data_root: Path) -> int:
        by_ref: dict[str, str] = {}
        rows = 0
        for folder, dataset, date in MBFC_DATASETS:
            path = data_root / "outlets-mbfc" / folder / "corpus.tsv"
            with path.open(encoding="utf-8", newline="") as handle:
                for row in csv.DictReader(handle, delimiter="\t"):
                    host = host_of((row.get("source_url") or "").strip())
                    ref = (row.get("ref") or "").strip()
                    if not host or not ref:
                        continue
                    host = host.lower()
                    rows += 1
                    ref_key = urlsplit(ref).path.strip("/").lower()
                    source_url = (row.get("source_url") or "").strip()
                    path = urlsplit(source_url if "//" in source_url else "//" + source_url).path.strip("/")
                    scope = f"{host}/{path}" if path and not re.fullmatch(r"(?:index|home|default|main_page)(?:\.\w+)?|en|news", path, re.I) else None
                    pid = self._domain_match(host) or by_ref.get(ref_key)
                    if pid is None:
                        pid = self._new_id(host)
                        title = ref_key.replace("-", " ").title() if ref_key else host
                        self.profiles[pid] = {
                            "id": pid, "name": host, "domains": [], "aliases": [title] if title != host else [],
                            "country": None, "language": None,
                            "source": f"{ref} (Media Bias/Fact Check page; name is the outlet's domain, alias from the page address)",
                            "labels": [],
                        }
                        if title != host:
                            self.by_name.setdefault(normalise(title), pid)
                    by_ref.setdefault(ref_key, pid)
                    if pid not in self.from_table:
                        self._add_domain(pid, host)
                    for kind in ("factuality", "bias"):
                        value = (row.get("fact" if kind == "factuality" else "bias") or "").strip()
                        if value:
                            label = {"kind": kind, "value": value, "source": ref, "dataset": dataset, "date": date}
                            if scope:  # MBFC rated a section of the site (newyorker.com/humor/borowitz-report)
                                label["scope"] = scope
                            if label not in self.profiles[pid]["labels"]:
                                self.profiles[pid]["labels"].append(label)
        return rows

    def _resolve_name(self, key: str) -> str | None:
        if key in _EUVSDISINFO_EQUIVALENTS and _EUVSDISINFO_EQUIVALENTS[key] in self.profiles:
            return _EUVSDISINFO_EQUIVALENTS[key]
        if key in self.by_name:
            return self.by_name[key]
        if _slug(key) in self.from_table:  # "RIAFAN" -> riafan
            return _slug(key)
        return None

    def add_euvsdisinfo(self, data_root: Path) -> int:
        path = data_root / "narratives-euvsdisinfo" / "posts.csv"
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        language_names = {lang.strip().lower() for row in rows for lang in (row.get("languages") or "").split("+") if lang.strip()}
        language_suffix = re.compile(
            r"\s*[-–,]\s*(?:" + "|".join(sorted(map(re.escape, language_names), key=len, reverse=True)) + r")\s*$", re.I
        ) if language_names else None

        def clean(raw: str) -> str:
            name = " ".join(raw.split())
            name = _PLATFORM_SUFFIX.sub("", name)
            for _ in range(2):
                name = _TRAILING_PAREN.sub("", name)
                name = _TRAILING_NUMBER.sub("", name)
                if language_suffix is not None:
                    stripped = language_suffix.sub("", name)
                    name = stripped if stripped.strip() else name
            return name.strip(" -–,.")

        cases: dict[str, dict[str, tuple[str, str]]] = defaultdict(dict)  # pid -> url -> (date, languages)
        written: dict[str, Counter] = defaultdict(Counter)
        key_to_pid: dict[str, str] = {}
        new_names: dict[str, Counter] = defaultdict(Counter)
        for row in rows:
            url, date = (row.get("id") or "").strip(), (row.get("date") or "").strip()
            if not url:
                continue
            for raw in re.split(r"[+\n]", row.get("outlets") or ""):
                raw = " ".join(raw.split())
                name = clean(raw)
                key = normalise(name)
                if not key or key in _NOT_OUTLETS:
                    continue
                pid = key_to_pid.get(key)
                if pid is None:
                    if _DOMAIN_NAME.match(name):
                        host = name.lower().removeprefix("www.")
                        pid = self._domain_match(host)
                        if pid is None:
                            pid = self._new_id(host)
                            self.profiles[pid] = {
                                "id": pid, "name": host, "domains": [], "aliases": [], "country": None,
                                "language": None, "source": f"{EUVSDISINFO_SOURCE} (outlet as named in the cases)", "labels": [],
                            }
                            self._add_domain(pid, host)
                    else:
                        pid = self._resolve_name(key)
                        if pid is None:
                            pid = self._new_id(_slug(name))
                            self.profiles[pid] = {
                                "id": pid, "name": name, "domains": [], "aliases": [], "country": None,
                                "language": None, "source": f"{EUVSDISINFO_SOURCE} (outlet as named in the cases)", "labels": [],
                            }
                            self.by_name.setdefault(key, pid)
                    key_to_pid[key] = pid
                cases[pid][url] = (date, row.get("languages") or "")
                written[pid][raw] += 1
                if pid not in self.from_table:
                    new_names[pid][name] += 1
        for pid, names in new_names.items():  # aliases: the cleaned names the cases use
            profile = self.profiles[pid]
            for name, _ in sorted(names.items(), key=lambda item: (-item[1], item[0])):
                if name != profile["name"] and name not in profile["aliases"] and not _DOMAIN_NAME.match(name):
                    profile["aliases"].append(name)
        for pid, by_url in cases.items():
            ordered = sorted(by_url.items(), key=lambda item: (item[1][0], item[0]))
            languages = Counter(lang.strip() for _, (_, langs) in ordered for lang in langs.split("+") if lang.strip())
            sample = _sample(ordered, MAX_CASE_URLS)
            self.profiles[pid]["labels"].append({
                "kind": "euvsdisinfo_cases",
                "value": len(ordered),
                "source": ordered[-1][0],
                "sources": sample,
                "count": len(ordered),
                "dataset": EUVSDISINFO_DATASET,
                "date": f"{ordered[0][1][0]}/{ordered[-1][1][0]}",
                "first_date": ordered[0][1][0],
                "last_date": ordered[-1][1][0],
                "languages": dict(sorted(languages.items(), key=lambda item: (-item[1], item[0]))),
                "names": sorted(written[pid]),
                "note": "The number of EUvsDisinfo cases naming this outlet: a fact about the database, not a verdict.",
            })
        return len(rows)

    def result(self) -> list[dict[str, Any]]:
        out = []
        for pid in sorted(self.profiles):
            profile = self.profiles[pid]
            profile["labels"].sort(key=lambda label: (LABEL_KINDS.index(label["kind"]), label["date"], label["dataset"], str(label["value"])))
            out.append(profile)
        return out


def _sample(ordered: list[tuple[str, tuple[str, str]]], limit: int) -> list[str]:
    """Up to ``limit`` case URLs spread evenly from the first case to the last."""
    if len(ordered) <= limit:
        return [url for url, _ in ordered]
    step = (len(ordered) - 1) / (limit - 1)
    return [ordered[round(i * step)][0] for i in range(limit)]


def _encode(profiles: list[dict[str, Any]]) -> bytes:
    payload = {"format": FORMAT_VERSION, "profiles": profiles}
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _write(out_path: Path, data: bytes) -> None:
    out_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_path.with_name(out_path.name + ".tmp")
    if out_path.suffix == ".gz":
        buffer = io.BytesIO()
        with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as handle:
            handle.write(data)
        data = buffer.getvalue()
    tmp.write_bytes(data)
    tmp.replace(out_path)  # no partial table if the build stops half-way


def build_outlet_profiles(data_root: Path, out_path: Path = DEFAULT_PROFILES_PATH) -> dict[str, int]:
    """Build the profile table from the MBFC and EUvsDisinfo data under ``data_root``; return figures.

    Writes ``out_path`` (gzip-compressed if it ends in ``.gz``) byte-for-byte deterministically.
    """
    data_root, out_path = Path(data_root), Path(out_path)
    for needed in (data_root / "outlets-mbfc" / "emnlp18" / "corpus.tsv", data_root / "outlets-mbfc" / "acl2020" / "corpus.tsv",
                   data_root / "narratives-euvsdisinfo" / "posts.csv"):
        if not needed.is_file():
            raise OutletProfileError(f"cannot build outlet profiles: {needed} is missing (is --data the shared data folder?)")
    builder = _Builder(load_table())  # the shipped recognition table, without user tables
    mbfc_rows = builder.add_mbfc(data_root)
    cases = builder.add_euvsdisinfo(data_root)
    profiles = builder.result()
    _write(out_path, _encode(profiles))
    kinds = lambda p, k: any(label["kind"] == k for label in p["labels"])  # noqa: E731
    return {
        "profiles": len(profiles),
        "with_labels": sum(1 for p in profiles if p["labels"]),
        "with_mbfc": sum(1 for p in profiles if kinds(p, "factuality") or kinds(p, "bias")),
        "with_euvsdisinfo": sum(1 for p in profiles if kinds(p, "euvsdisinfo_cases")),
        "joined_to_outlet_table": sum(1 for p in profiles if p["id"] in builder.from_table and p["labels"]),
        "outlet_table_entries": len(builder.from_table),
        "mbfc_rows": mbfc_rows,
        "euvsdisinfo_cases": cases,
        "bytes": out_path.stat().st_size,
    }


# --------------------------------------------------------------------------- loading


def _check_profile(raw: Any, label: str, index: int) -> OutletProfile:
    where = f"outlet profiles {label}, entry {index + 1}"
    if not isinstance(raw, dict):
        raise OutletProfileError(f"{where}: not a mapping with id, name, source…")
    allowed = {"id", "name", "domains", "aliases", "country", "language", "source", "labels"}
    extra = set(raw) - allowed
    if extra:
        raise OutletProfileError(f"{where}: unknown field(s) {', '.join(sorted(map(str, extra)))}")
    pid = raw.get("id")
    if not isinstance(pid, str) or not pid.strip():
        raise OutletProfileError(f"{where}: needs an 'id'")
    where = f"outlet profiles {label}, entry {pid!r}"
    source = raw.get("source")
    if not isinstance(source, str) or not source.strip():
        raise OutletProfileError(f"{where}: needs a 'source' (where its facts come from); unsourced entries are refused")
    domains = raw.get("domains") or []
    aliases = raw.get("aliases") or []
    if not isinstance(domains, list) or not all(isinstance(d, str) for d in domains):
        raise OutletProfileError(f"{where}: 'domains' must be a list of domains")
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise OutletProfileError(f"{where}: 'aliases' must be a list of names")
    try:
        cleaned = [bare_domain(domain) for domain in domains]
    except ValueError as error:
        raise OutletProfileError(f"{where}: {error}") from error
    for key, pattern in (("country", r"[A-Z]{2}"), ("language", r"[a-z]{2}")):
        value = raw.get(key)
        if value is not None and not (isinstance(value, str) and re.fullmatch(pattern, value)):
            raise OutletProfileError(f"{where}: {key} {value!r} is not an ISO code")
    labels_raw = raw.get("labels") or []
    if not isinstance(labels_raw, list):
        raise OutletProfileError(f"{where}: 'labels' must be a list")
    labels = []
    for item in labels_raw:
        if not isinstance(item, dict):
            raise OutletProfileError(f"{where}: each label must be a mapping with kind, value, source")
        kind = item.get("kind")
        if kind not in LABEL_KINDS:
            raise OutletProfileError(f"{where}: unknown label kind {kind!r} (known: {', '.join(LABEL_KINDS)})")
        if "value" not in item:
            raise OutletProfileError(f"{where}: a {kind} label needs a 'value'")
        label_source = item.get("source", source)
        if not isinstance(label_source, str) or not label_source.strip():
            raise OutletProfileError(f"{where}: a {kind} label needs a 'source'")
        label = dict(item)
        label["source"] = label_source
        label.setdefault("dataset", label_source)
        label.setdefault("date", None)
        labels.append(label)
    name = raw.get("name")
    if name is not None and (not isinstance(name, str) or not name.strip()):
        raise OutletProfileError(f"{where}: 'name' must be a non-empty string")
    return OutletProfile(
        id=pid.strip(), name=name or "", domains=cleaned, aliases=list(aliases), country=raw.get("country"),
        language=raw.get("language"), source=source, labels=labels,
    )


def _user_entries(path: Path) -> list[tuple[OutletProfile, set[str]]]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise OutletProfileError(f"cannot read outlet profiles {path}: {error}") from error
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise OutletProfileError(f"outlet profiles {path} are not valid YAML: {error}".replace("\n", " ")) from error
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise OutletProfileError(f"outlet profiles {path} must be a list of entries with id, name, source, labels")
    return [(_check_profile(item, str(path), i), set(item)) for i, item in enumerate(raw)]


class OutletProfiles:
    """The profile table with lookups by id, domain (and its subdomains) and name."""

    def __init__(self, profiles: Iterable[OutletProfile]) -> None:
        self.profiles: dict[str, OutletProfile] = {}
        for profile in profiles:
            self.profiles[profile.id] = profile
        self._index()

    def _index(self) -> None:
        self.by_domain: dict[str, str] = {}
        self.by_name: dict[str, str] = {}
        for pid in sorted(self.profiles):
            profile = self.profiles[pid]
            for domain in profile.domains:
                self.by_domain.setdefault(domain, pid)
            written = [n for label in profile.labels if label.get("kind") == "euvsdisinfo_cases" for n in label.get("names") or ()]
            for name in (profile.name, *profile.aliases, *written):
                key = normalise(name)
                if key:
                    self.by_name.setdefault(key, pid)
        for pid in sorted(self.profiles):  # a profile's own name beats another's alias
            key = normalise(self.profiles[pid].name)
            if key:
                current = self.by_name.get(key)
                if current is None or normalise(self.profiles[current].name) != key:
                    self.by_name[key] = pid

    def __len__(self) -> int:
        return len(self.profiles)

    def __iter__(self):
        return iter(self.profiles[pid] for pid in sorted(self.profiles))

    def get(self, outlet_id: str) -> OutletProfile | None:
        return self.profiles.get(outlet_id)

    def for_domain(self, domain_or_url: str) -> OutletProfile | None:
        """The profile for a domain, a subdomain of a profiled domain, or a URL."""
        host = host_of(domain_or_url.strip()) if domain_or_url else None
        if not host:
            return None
        parts = host.lower().strip(".").split(".")
        for i in range(len(parts) - 1):
            pid = self.by_domain.get(".".join(parts[i:]))
            if pid is not None:
                return self.profiles[pid]
        return None

    def for_name(self, name: str) -> OutletProfile | None:
        key = normalise(name or "")
        if not key:
            return None
        pid = self.by_name.get(key) or _EUVSDISINFO_EQUIVALENTS.get(key)
        return self.profiles.get(pid) if pid else None

    def lookup(self, query: str) -> OutletProfile | None:
        """By id, then by domain or URL (if it looks like one), then by name; ``None`` if unknown."""
        query = (query or "").strip()
        if not query:
            return None
        if query in self.profiles:
            return self.profiles[query]
        if "/" in query or _DOMAIN_NAME.match(query.lower().removeprefix("www.")):
            found = self.for_domain(query)
            if found is not None:
                return found
        return self.for_name(query)

    def describe(self, query: str) -> OutletProfile:
        """The profile, or an explicit unknown one."""
        return self.lookup(query) or unknown_profile(query)

    def apply(self, entry: OutletProfile, given: set[str]) -> None:
        """Add a user entry, or override the matching profile (by id, else by a shared domain)."""
        target = self.profiles.get(entry.id)
        if target is None:
            for domain in entry.domains:
                if domain in self.by_domain:
                    target = self.profiles[self.by_domain[domain]]
                    break
        if target is None:
            if not entry.name:
                raise OutletProfileError(f"outlet profiles: new entry {entry.id!r} needs a 'name'")
            self.profiles[entry.id] = entry
        else:
            for key in ("name", "domains", "aliases", "country", "language", "source"):
                if key in given:
                    setattr(target, key, getattr(entry, key))
            if entry.labels:
                kinds = {label["kind"] for label in entry.labels}
                target.labels = [label for label in target.labels if label["kind"] not in kinds] + entry.labels
        self._index()


def _profiles_from_json(data: bytes, label: str) -> list[OutletProfile]:
    try:
        payload = json.loads(data)
    except ValueError as error:
        raise OutletProfileError(f"outlet profiles {label} are not valid JSON: {error}") from error
    if not isinstance(payload, dict) or not isinstance(payload.get("profiles"), list):
        raise OutletProfileError(f"outlet profiles {label}: expected {{'format', 'profiles': [...]}}")
    out = []
    for raw in payload["profiles"]:
        out.append(OutletProfile(**{k: raw.get(k) for k in ("id", "name", "country", "language", "source")},
                                 domains=raw.get("domains") or [], aliases=raw.get("aliases") or [],
                                 labels=raw.get("labels") or []))
    return out


def read_profiles_file(path: Path) -> list[OutletProfile]:
    """A built table (``.json`` or ``.json.gz``)."""
    path = Path(path)
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return _profiles_from_json(data, str(path))


@lru_cache(maxsize=1)
def _shipped() -> tuple[OutletProfile, ...]:
    resource = files("newsprism").joinpath(DEFAULT_PROFILES_RESOURCE)
    try:
        data = gzip.decompress(resource.read_bytes())
    except FileNotFoundError as error:
        raise OutletProfileError(
            f"the shipped outlet profiles ({DEFAULT_PROFILES_RESOURCE}) are missing: run `newsprism build outlets --data DIR`"
        ) from error
    return tuple(_profiles_from_json(data, DEFAULT_PROFILES_RESOURCE))


def load_outlet_profiles(user_files: Iterable[Path | str] = (), *, table_path: Path | None = None) -> OutletProfiles:
    """The shipped table (or ``table_path``), then each user YAML file applied in order."""
    base = read_profiles_file(table_path) if table_path is not None else copy.deepcopy(list(_shipped()))
    profiles = OutletProfiles(base)
    for path in user_files:
        for entry, given in _user_entries(Path(path)):
            try:
                profiles.apply(entry, given)
            except OutletProfileError as error:
                raise OutletProfileError(f"{error} (in {path})") from error
    return profiles
