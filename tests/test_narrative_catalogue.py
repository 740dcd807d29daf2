"""The catalogue of known disinformation narratives (issue 6, part 4): shipped data, builder, user YAML."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import numpy as np
import pytest

from newsprism.corpus.catalogue import (
    CATALOGUE_FILE,
    CENTROIDS_FILE,
    DEFAULT_OUT_DIR,
    build_catalogue,
    clean_title,
    load_catalogue,
    normalise_statement,
)

DATA = Path(os.environ.get("NEWSPRISM_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
POSTS = DATA / "narratives-euvsdisinfo" / "posts.csv"
needs_data = pytest.mark.skipif(not POSTS.is_file(), reason=f"EUvsDisinfo data not available at {POSTS}")


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def test_shipped_catalogue_is_complete(catalogue):
    assert len(catalogue) >= 150
    assert (DEFAULT_OUT_DIR / CATALOGUE_FILE).stat().st_size + (DEFAULT_OUT_DIR / CENTROIDS_FILE).stat().st_size < 5e6
    ids = [n.id for n in catalogue]
    assert len(set(ids)) == len(ids)
    for narrative in catalogue:
        assert re.fullmatch(r"euvsd-[0-9a-f]{10}", narrative.id)
        assert narrative.statement and len(narrative.statement) < 300
        assert narrative.keywords and narrative.examples
        assert narrative.sources and len(narrative.sources) == narrative.cases >= 5
        assert all(url.startswith("https://euvsdisinfo.eu/") for url in narrative.sources)
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", narrative.first_date)
        assert narrative.first_date <= narrative.last_date
        assert narrative.languages and narrative.outlets
        assert catalogue[narrative.id] is narrative
        vector = catalogue.centroid(narrative.id)
        assert vector is not None and vector.shape == (384,)
        assert abs(float(np.linalg.norm(vector)) - 1.0) < 0.01
    # every case is in at most one narrative
    urls = [url for n in catalogue for url in n.sources]
    assert len(urls) == len(set(urls))


def _mentions(narrative, *patterns):
    text = " ".join((narrative.statement, *narrative.examples)).lower()
    return all(re.search(pattern, text) for pattern in patterns)


def test_coalition_supports_terrorists_in_syria_narrative(catalogue):
    """The narrative the product must have: the US(-led coalition) does not really fight ISIS / helps the
    terrorists in Syria.  It comes out of the clustering, not a hand-written entry."""
    found = [
        n for n in catalogue
        if n.origin == "euvsdisinfo"
        and "Syrian War" in n.keywords
        and _mentions(n, r"\b(us|usa|american?|united states|coalition)\b", r"\b(isis|daesh|islamic state|terrorist|jihadist)")
        and _mentions(n, r"\b(support|assist|help|coordinat|sav|creat|train|financ|prevent)")
    ]
    assert found, "no narrative about the US supporting / not fighting ISIS in Syria"
    assert any(n.cases >= 8 for n in found)
    assert any("Syria" in n.countries for n in found)


def test_statement_normalisation():
    assert clean_title("Last Week\u2019s Trend: The US led coalition just imitates the\u2026") == (
        "The US led coalition just imitates the")
    assert normalise_statement("\u201cPsaking\u201d became a symbol.") == '"Psaking" became a symbol'
    assert normalise_statement("  the  West is in decline ") == "The West is in decline"


@needs_data
def test_builder_is_deterministic(tmp_path):
    slice_root = tmp_path / "data"
    target = slice_root / "narratives-euvsdisinfo" / "posts.csv"
    target.parent.mkdir(parents=True)
    with open(POSTS, encoding="utf-8") as source:
        lines = source.read().splitlines(keepends=True)
    # Titles have no embedded newlines in this file; the first 400 rows after the header.
    target.write_text("".join(lines[:401]), encoding="utf-8")

    first = build_catalogue(slice_root, tmp_path / "a", progress=lambda _: None, min_cases=2)
    second = build_catalogue(slice_root, tmp_path / "b", cache_dir=tmp_path / "cache", progress=lambda _: None,
                             min_cases=2)
    assert first["cases"] == second["cases"] == 400
    assert first["narratives"] >= 1
    a = json.loads((tmp_path / "a" / CATALOGUE_FILE).read_text(encoding="utf-8"))
    b = json.loads((tmp_path / "b" / CATALOGUE_FILE).read_text(encoding="utf-8"))
    assert a == b
    assert np.array_equal(np.load(tmp_path / "a" / CENTROIDS_FILE), np.load(tmp_path / "b" / CENTROIDS_FILE))
    # the cache is reused, the limit option reads the same slice from the full file
    third = build_catalogue(DATA, tmp_path / "c", cache_dir=tmp_path / "cache", progress=lambda _: None,
                            min_cases=2, limit=400)
    c = json.loads((tmp_path / "c" / CATALOGUE_FILE).read_text(encoding="utf-8"))
    assert c["narratives"] == a["narratives"]
    assert third["narratives"] == first["narratives"]
    loaded = load_catalogue(directory=tmp_path / "a")
    assert len(loaded) == first["narratives"]


USER_YAML = """\
- id: user-grain-deal
  statement: The West steals Ukrainian grain meant for poor countries
  keywords: [grain, Ukraine, West]
  examples:
    - Grain ships from Odesa go to Europe, not to Africa
  source: https://example.org/our-monitoring-report-2023
"""


def test_user_yaml_adds_narratives(tmp_path, catalogue):
    path = tmp_path / "mine.yaml"
    path.write_text(USER_YAML, encoding="utf-8")
    extended = load_catalogue([path])
    assert len(extended) == len(catalogue) + 1
    mine = extended["user-grain-deal"]
    assert mine.statement.startswith("The West steals")
    assert mine.keywords == ("grain", "Ukraine", "West")
    assert mine.source == "https://example.org/our-monitoring-report-2023"
    assert mine.origin == "user:mine.yaml"
    assert extended.centroid("user-grain-deal") is None
    # a user entry with a shipped id replaces it
    shipped = catalogue.narratives[0]
    override = tmp_path / "override.yaml"
    override.write_text(
        f"narratives:\n  - id: {shipped.id}\n    statement: My wording\n    keywords: []\n    source: my notes\n",
        encoding="utf-8")
    replaced = load_catalogue([override])
    assert len(replaced) == len(catalogue)
    assert replaced[shipped.id].statement == "My wording"


@pytest.mark.parametrize("text", [
    "- id: x\n  statement: [unclosed\n",  # not YAML
    "just a string\n",  # not a list
    "- id: x\n  statement: s\n  keywords: []\n",  # no source
    "- id: x\n  statement: ''\n  keywords: []\n  source: s\n",  # empty statement
    "- id: x\n  statement: s\n  keywords: grain\n  source: s\n",  # keywords not a list
    "- id: x\n  statement: s\n  source: s\n",  # keywords missing
    "- id: x\n  statement: s\n  keywords: []\n  source: s\n  colour: red\n",  # unknown field
    "- id: x\n  statement: s\n  keywords: []\n  source: s\n- id: x\n  statement: t\n  keywords: []\n  source: s\n",
    "- id: x\n  statement: s\n  keywords: []\n  source: s\n  first_date: 2020-05-01\n  last_date: 2019-01-01\n",
])
def test_malformed_user_yaml_names_the_file(tmp_path, text):
    path = tmp_path / "broken-narratives.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match="broken-narratives.yaml"):
        load_catalogue([path])
