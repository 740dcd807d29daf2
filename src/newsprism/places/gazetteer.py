"""The shipped place alias index, loaded once per process, and lookups in it.

The index (``data/kb/places-index.bin.gz``, built by :mod:`newsprism.places.build`) holds one row
per place (GeoNames id or supplement id, name, lat/lon, country, feature, population, admin1
code) and two sorted key tables mapping :func:`~newsprism.kb.normalize.alias_key` and
:func:`~newsprism.kb.normalize.loose_key` forms of every name to the places bearing it.  Arrays
are stored as raw little-endian byte planes so loading is a decompression and a few
``array.frombytes`` calls, not a parse.
"""

from __future__ import annotations

import gzip
import json
import math
import struct
import sys
from array import array
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from itertools import accumulate
from pathlib import Path

from ..kb.normalize import alias_key, loose_key

# The index format, shared with the builder (newsprism.places.build).
FORMAT_VERSION = 1
INDEX_NAME = "places-index.bin.gz"
MAGIC = b"NPPLACES"
COORD_SCALE = 10_000  # coordinates stored as integers: 1e-4 degree, about 11 m
POP_SCALE = 8  # populations stored as round(8 * log2(1 + population)): a prior needs no more
FEATURES = (
    "continent", "country", "admin1", "admin2", "region", "city", "town", "village", "district",
    "site", "crossing", "base", "airport", "river", "sea", "lake", "mountain", "island", "desert", "valley",
)
# Posting kinds: how a key names an entry (its name, an alternate name, a demonym: "Syrian").
ALTERNATE, PREFERRED, DEMONYM = 0, 1, 2
KIND_BITS = 2
FLAG_CAPITAL = 1  # national capital
KIND_NAMES = {PREFERRED: "name", ALTERNATE: "alternate name", DEMONYM: "demonym"}


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True)
class Candidate:
    """A gazetteer entry a name can refer to, and how the name matched it."""

    index: int
    id: str
    name: str
    geonames_id: int | None
    lat: float
    lon: float
    country: str | None
    feature: str
    population: int
    admin1: str | None
    capital: bool
    kind: int  # PREFERRED, ALTERNATE or DEMONYM
    loose: bool  # matched by transliteration folding only

    @property
    def match(self) -> str:
        return ("loose " if self.loose else "") + KIND_NAMES[self.kind]


class Gazetteer:
    def __init__(self, path: Path) -> None:
        raw = gzip.decompress(path.read_bytes())
        if not raw.startswith(MAGIC):
            raise ValueError(f"{path} is not a newsprism place index")
        (size,) = struct.unpack_from("<I", raw, len(MAGIC))
        start = len(MAGIC) + 4
        meta = json.loads(raw[start:start + size])
        if meta["format"] != FORMAT_VERSION:
            raise ValueError(f"{path}: index format {meta['format']}, expected {FORMAT_VERSION}; run `newsprism kb build`")
        base = start + size
        sections = {name: raw[base + offset: base + offset + length] for name, (offset, length) in meta["sections"].items()}
        self.meta = {key: value for key, value in meta.items() if key not in ("sections", "sids", "countries", "admin1")}
        self.size = meta["entries"]
        self._features = meta["features"]
        self._countries = meta["countries"]
        self._admin1_codes = meta["admin1"]
        self._sids = {int(index): sid for index, sid in meta["sids"].items()}
        self._gid = list(accumulate(_array("i", sections["gid.delta"])))
        self._lat = _array("i", sections["lat"])
        self._lon = _array("i", sections["lon"])
        self._pop = sections["pop.log"]
        self._feature = sections["feature"]
        self._flags = sections["flags"]
        self._cc = _array("H", sections["cc"])
        self._admin1 = _array("I", sections["admin1"])
        self._names = sections["name"].decode("utf-8").split("\n")
        self._tables = {}
        for table in ("exact", "loose"):
            keys = sections[f"{table}.keys"].decode("utf-8").split("\n")
            offsets = [0, *accumulate(_array("I", sections[f"{table}.counts"]))]
            self._tables[table] = (keys, offsets, _array("I", sections[f"{table}.postings"]))

    # -- rows -------------------------------------------------------------------------------------
    def candidate(self, index: int, kind: int = PREFERRED, loose: bool = False) -> Candidate:
        gid = self._gid[index]
        sid = self._sids.get(index)
        pop_log = self._pop[index]
        return Candidate(
            index=index,
            id=sid or f"geonames:{gid}",
            name=self._names[index],
            geonames_id=gid or None,
            lat=self._lat[index] / COORD_SCALE,
            lon=self._lon[index] / COORD_SCALE,
            country=self._countries[self._cc[index]] or None,
            feature=self._features[self._feature[index]],
            population=round(2 ** (pop_log / POP_SCALE) - 1) if pop_log else 0,
            admin1=self._admin1_codes[self._admin1[index]] or None,
            capital=bool(self._flags[index] & FLAG_CAPITAL),
            kind=kind,
            loose=loose,
        )

    def postings(self, table: str, key: str) -> list[tuple[int, int]]:
        """(entry index, kind) of the places whose name has ``key`` in ``table`` ('exact'/'loose')."""
        keys, offsets, postings = self._tables[table]
        position = bisect_left(keys, key)
        if not key or position == len(keys) or keys[position] != key:
            return []
        return [(p >> KIND_BITS, p & ((1 << KIND_BITS) - 1)) for p in postings[offsets[position]:offsets[position + 1]]]

    def keys(self, table: str = "exact") -> list[str]:
        return self._tables[table][0]

    # -- lookups ----------------------------------------------------------------------------------
    def lookup(self, text: str) -> list[Candidate]:
        """Places a name can refer to: exact-key matches, else transliteration (loose-key) matches."""
        found = self.postings("exact", alias_key(text))
        loose = not found
        if loose:
            found = self.postings("loose", loose_key(text))
        return [self.candidate(index, kind, loose) for index, kind in found]

    def by_id(self, place_id: str) -> Candidate | None:
        """The entry with id 'geonames:N' or a supplement id (linear: for tests and tools)."""
        for index in range(self.size):
            if self._sids.get(index) == place_id or f"geonames:{self._gid[index]}" == place_id:
                return self.candidate(index)
        return None

    def scan_names(self, min_population: int = 100_000) -> dict[str, str]:
        """Names safe to look for in raw text where no NER model runs: ``{alias_key: place id}``.

        Keeps continents, countries, admin1 units, supplement places (regions, sites, …) and cities
        of at least ``min_population``; drops demonyms, keys shorter than four characters and
        one-word keys that are common words (:data:`COMMON_WORDS`).  When a key names several
        places, the one with the largest prior (feature, population) wins.  Match text by
        computing :func:`alias_key` of its word n-grams; capitalisation checks are the caller's.
        """
        best: dict[str, tuple[float, str]] = {}
        keys, offsets, postings = self._tables["exact"]
        for position, key in enumerate(keys):
            if len(key) < 4 or (" " not in key and key in COMMON_WORDS):
                continue
            for posting in postings[offsets[position]:offsets[position + 1]]:
                index, kind = posting >> KIND_BITS, posting & ((1 << KIND_BITS) - 1)
                if kind == DEMONYM:
                    continue
                feature = self._features[self._feature[index]]
                weight = prior_weight(feature, self._pop[index], bool(self._flags[index] & FLAG_CAPITAL))
                if feature in ("city", "town", "village") and self._gid[index] and index not in self._sids:
                    if self._pop[index] < POP_SCALE * math.log2(1 + min_population):
                        continue
                place_id = self._sids.get(index) or f"geonames:{self._gid[index]}"
                if key not in best or weight > best[key][0]:
                    best[key] = (weight, place_id)
        return {key: place_id for key, (_, place_id) in best.items()}


# Prominence of a place before context: a log-scale "equivalent population" by feature.
FEATURE_FLOOR = {
    "continent": 9.0, "country": 5.5, "admin1": 5.5, "region": 6.0, "sea": 6.0, "river": 5.5, "desert": 5.5,
    "island": 4.5, "mountain": 4.5, "lake": 4.5, "valley": 4.0, "admin2": 4.5, "base": 5.0, "crossing": 4.5,
    "site": 5.0, "airport": 4.5, "district": 4.0, "city": 2.0, "town": 3.5, "village": 3.0,
}
FEATURE_BONUS = {"continent": 1.5, "country": 1.5, "admin1": -0.5}  # a province's population is its cities' sum


def prior_weight(feature: str, pop_log: int, capital: bool) -> float:
    """log10 of an equivalent population: countries and provinces outrank a namesake town."""
    population = pop_log / POP_SCALE * math.log10(2)  # log10(1 + population)
    weight = max(population, FEATURE_FLOOR.get(feature, 3.0)) + FEATURE_BONUS.get(feature, 0.0)
    return weight + (1.0 if capital else 0.0)


# One-word place names that are also common words in the analysed languages: never scanned for.
COMMON_WORDS = frozenset("""
about after again against also among april area army august back bath best bill black blue border
both bound call camp cape center central change city clear coast come common could council
court cross date deal december early east energy even every fall family february field first five
force friday front gate general given good grand great green hall happy harbor have head
health help high hill home hope house independence industry island issue july june just king
land large last later liberty lincoln little long lost love made march mayo mission mobile monday
more most mount much national nice north november october office order orange page palm paradise
park parker peace people place plain plains point police power president price prince progress
reading real record regina river road rock rose royal sale saturday school second september series
seven shop side since social south split spring state still story strong summit sunday table than
that there third thursday time today trade tuesday union unity university valley victoria victory
view village vista walk wall water wednesday well west white whole will within world young
ville pays monde avec dans pour sous leur elle nous vous depuis selon entre contre pendant mais
aussi ainsi encore alors bien tout toute tous toutes sans chez vers sera etat guerre paix presse
grande nord ouest centre ciudad pueblo desde hasta para entre contra sobre bajo todo toda todos
mundo guerra prensa gran norte oeste este ayer hoy
""".split())


def _array(typecode: str, blob: bytes) -> array:
    """Undo the build's byte-plane shuffle and read a little-endian array."""
    values = array(typecode)
    width = values.itemsize
    if width > 1:
        count = len(blob) // width
        interleaved = bytearray(len(blob))
        for plane in range(width):
            interleaved[plane::width] = blob[plane * count:(plane + 1) * count]
        blob = bytes(interleaved)
    values.frombytes(blob)
    if sys.byteorder != "little":
        values.byteswap()
    return values


def index_path() -> Path:
    return Path(str(files("newsprism") / "data" / "kb" / INDEX_NAME))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shipped index, loaded on first use and kept for the process."""
    return Gazetteer(index_path())


def lookup(text: str) -> list[Candidate]:
    """Every place ``text`` can name (exact key first, transliteration key when that finds none)."""
    return gazetteer().lookup(text)


def scan_names(min_population: int = 100_000) -> dict[str, str]:
    """Names safe to scan raw text for, ``{alias_key: place id}`` (see :meth:`Gazetteer.scan_names`)."""
    return _scan_names(min_population)


@lru_cache(maxsize=4)
def _scan_names(min_population: int) -> dict[str, str]:
    return gazetteer().scan_names(min_population)
