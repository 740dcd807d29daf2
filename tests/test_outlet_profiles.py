"""Outlet profiles (issue 6, part 5): built from MBFC and EUvsDisinfo data, sourced labels, user overrides."""

from __future__ import annotations

import csv
import gzip
import json
import os
import re
from pathlib import Path

import pytest

from newsprism.corpus.outlets import (
    DEFAULT_PROFILES_PATH,
    LABEL_KINDS,
    MAX_CASE_URLS,
    OutletProfileError,
    build_outlet_profiles,
    load_outlet_profiles,
)

DATA = Path(os.environ.get("NEWSPRISM_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
HAVE_DATA = (DATA / "outlets-mbfc").is_dir() and (DATA / "narratives-euvsdisinfo" / "posts.csv").is_file()
needs_data = pytest.mark.skipif(
    not HAVE_DATA, reason=f"development data not found at {DATA} (outlets-mbfc/, narratives-euvsdisinfo/posts.csv)"
)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    if not HAVE_DATA:  # the build reads ../shared/data, which users of the package do not have
        pytest.skip(f"development data not found at {DATA}")
    out = tmp_path_factory.mktemp("profiles") / "outlet-profiles.json.gz"
    figures = build_outlet_profiles(DATA, out)
    return out, figures, load_outlet_profiles(table_path=out)


@pytest.fixture(scope="module")
def shipped():
    return load_outlet_profiles()


def _cases_naming(pattern: str) -> list[tuple[str, str]]:
    """(date, url) of the EUvsDisinfo cases with an outlet matching ``pattern``, counted independently."""
    found = set()
    with (DATA / "narratives-euvsdisinfo" / "posts.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if any(re.search(pattern, token, re.I) for token in re.split(r"[+\n]", row["outlets"])):
                found.add((row["date"], row["id"]))
    return sorted(found)


@needs_data
def test_build_figures(built):
    _, figures, profiles = built
    assert figures["profiles"] == len(profiles) > 2000
    assert figures["with_mbfc"] > 1300  # ~1,400 distinct MBFC domains, a few share an outlet
    assert figures["with_euvsdisinfo"] > 1500
    assert figures["joined_to_outlet_table"] > 100
    assert figures["euvsdisinfo_cases"] == 10892


@needs_data
def test_build_is_deterministic(built, tmp_path):
    out, _, _ = built
    again = tmp_path / "again.json.gz"
    build_outlet_profiles(DATA, again)
    assert again.read_bytes() == out.read_bytes()
    plain = tmp_path / "plain.json"
    build_outlet_profiles(DATA, plain)
    assert plain.read_bytes() == gzip.decompress(out.read_bytes())


@needs_data
def test_shipped_table_is_current(built):
    out, _, _ = built
    assert gzip.decompress(DEFAULT_PROFILES_PATH.read_bytes()) == gzip.decompress(out.read_bytes()), (
        "data/outlet-profiles.json.gz is stale: rebuild with `newsprism build outlets --data ../shared/data`"
    )


def test_shipped_table_is_small_and_textless():
    assert DEFAULT_PROFILES_PATH.stat().st_size < 1_000_000
    payload = json.loads(gzip.decompress(DEFAULT_PROFILES_PATH.read_bytes()))
    assert payload["format"] == 1
    for profile in payload["profiles"][:50]:
        assert set(profile) == {"id", "name", "domains", "aliases", "country", "language", "source", "labels"}


def test_every_label_has_a_source(shipped):
    count = 0
    for profile in shipped:
        assert profile.source, profile.id
        for label in profile.labels:
            count += 1
            assert label["kind"] in LABEL_KINDS
            assert isinstance(label["source"], str) and label["source"].startswith("http"), (profile.id, label)
            assert label["dataset"] and label["date"], (profile.id, label)
            if label["kind"] in ("factuality", "bias"):
                assert "mediabiasfactcheck.com" in label["source"]
            else:
                assert label["source"].startswith("https://euvsdisinfo.eu/report/")
                # Up to MAX_CASE_URLS case URLs spread over the range; every case is a URL when there are few.
                assert len(label["sources"]) == min(label["count"], MAX_CASE_URLS), (profile.id, label)
                assert label["source"] in label["sources"]
                assert label["value"] == label["count"] >= 1
                assert label["first_date"] <= label["last_date"]
    assert count > 5000


def test_lookup_by_mbfc_domain_and_subdomain(shipped):
    cnn = shipped.lookup("cnn.com")
    assert cnn is not None and cnn.id == "cnn"  # joined to the recognition table's id
    assert shipped.lookup("edition.cnn.com") is cnn
    assert shipped.for_domain("https://www.cnn.com/2020/01/01/world/x.html") is cnn
    kinds = {label["kind"] for label in cnn.labels}
    assert {"factuality", "bias"} <= kinds
    village = shipped.lookup("villagevoice.com")  # an MBFC outlet the recognition table lacks
    assert village is not None and village.labels_of("factuality")[0]["value"] == "high"
    assert village.labels_of("factuality")[0]["source"] == "http://mediabiasfactcheck.com/the-village-voice/"


def test_conflicting_mbfc_labels_are_both_kept(shipped):
    breitbart = shipped.lookup("breitbart.com")
    values = {(label["value"], label["date"]) for label in breitbart.labels_of("factuality")}
    assert values == {("mixed", "2018"), ("low", "2020")}
    assert all(label["source"].endswith("/breitbart/") for label in breitbart.labels_of("factuality"))
    new_yorker = shipped.lookup("newyorker.com")  # MBFC rates a section apart: the label says which
    scoped = [label for label in new_yorker.labels_of("factuality") if label.get("scope")]
    assert [label["scope"] for label in scoped] == ["newyorker.com/humor/borowitz-report"]
    assert scoped[0]["source"] == "https://mediabiasfactcheck.com/borowitz-report/"


def test_lookup_euvsdisinfo_names(shipped):
    assert shipped.lookup("Sputnik English").id == "sputnik"
    assert shipped.lookup("sputniknews.com").id == "sputnik"
    assert shipped.lookup("Sputnik Arabic").id == "sputnik-arabic"
    assert shipped.lookup("Sputnik Poland").id == "sputnik-polska"
    assert shipped.lookup("RT Deutsch").id == "rt-de"
    assert shipped.lookup("TASS - Russian").id == "tass"
    assert shipped.lookup("TASS - English").id == "tass"
    assert shipped.lookup("Sputnik Belarus - Russian") is shipped.lookup("Sputnik Belarus")
    assert shipped.lookup("Sputnik Belarus").labels_of("euvsdisinfo_cases")


def test_unknown_outlets_are_unknown(shipped):
    assert shipped.lookup("no-such-outlet.example") is None
    assert shipped.lookup("news.no-such-outlet.example") is None
    assert shipped.lookup("The Daily Nowhere Gazette") is None
    assert shipped.lookup("Show more") is None  # a scraping artefact in the EUvsDisinfo outlet column
    assert shipped.lookup("bit.ly") is None  # a link shortener, not an outlet
    unknown = shipped.describe("no-such-outlet.example")
    assert unknown.known is False and unknown.id is None and unknown.labels == []
    assert unknown.as_dict()["known"] is False


@needs_data
@pytest.mark.parametrize(
    ("outlet_id", "pattern"),
    [("south-front", r"south\s*front"), ("press-tv", r"press\s*tv(?!\s*fr)")],
)
def test_press_tv_and_south_front_case_facts(built, outlet_id, pattern):
    _, _, profiles = built
    cases = _cases_naming(pattern)
    assert cases, f"the data names no {outlet_id} case"
    profile = profiles.get(outlet_id)
    [label] = profile.labels_of("euvsdisinfo_cases")
    assert label["value"] == len(cases)
    assert label["first_date"] == cases[0][0] and label["last_date"] == cases[-1][0]
    assert set(label["sources"]) <= {url for _, url in cases}


@needs_data
def test_press_tv_has_mbfc_labels(built):
    _, _, profiles = built
    press_tv = profiles.lookup("presstv.com")
    assert press_tv.id == "press-tv" and press_tv.country == "IR"
    assert press_tv.labels_of("factuality")[0]["source"] == "http://mediabiasfactcheck.com/press-tv/"


def test_user_override_and_addition(tmp_path):
    user = tmp_path / "mine.yaml"
    user.write_text(
        """
- id: south-front
  source: "https://example.org/my-review-of-south-front"
  country: RU
  labels:
    - {kind: factuality, value: low, date: "2024-05-01", dataset: "my own review"}
- id: my-paper
  name: My Local Paper
  domains: [mylocalpaper.example]
  source: "https://mylocalpaper.example/about"
  labels:
    - {kind: bias, value: center, source: "https://example.org/ratings#my-paper"}
""",
        encoding="utf-8",
    )
    profiles = load_outlet_profiles([user])
    south = profiles.get("south-front")
    assert south.country == "RU" and south.source == "https://example.org/my-review-of-south-front"
    [fact] = south.labels_of("factuality")
    assert fact["value"] == "low" and fact["source"] == "https://example.org/my-review-of-south-front"
    assert south.labels_of("euvsdisinfo_cases")  # other kinds stay
    mine = profiles.lookup("news.mylocalpaper.example")
    assert mine.id == "my-paper" and mine.labels[0]["source"] == "https://example.org/ratings#my-paper"
    assert profiles.lookup("My Local Paper") is mine
    assert load_outlet_profiles().get("south-front").country is None  # the shipped table is untouched


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- {id: x, name: X, domains: [x.example]}\n", "source"),
        ("- {id: x, name: X, source: 'https://x.example', labels: [{kind: verdict, value: bad}]}\n", "unknown label kind"),
        ("- {id: x, name: X, source: 'https://x.example', labels: [{kind: bias, value: left, source: ''}]}\n", "source"),
        ("- {id: x, name: X, source: 'https://x.example', colour: red}\n", "unknown field"),
        ("{id: x}\n", "must be a list"),
        ("- [unclosed\n", "not valid YAML"),
    ],
)
def test_malformed_user_file_is_refused(tmp_path, text, message):
    bad = tmp_path / "bad-profiles.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError) as caught:
        load_outlet_profiles([bad])
    assert "bad-profiles.yaml" in str(caught.value)
    assert message in str(caught.value)
    assert isinstance(caught.value, OutletProfileError)


def test_build_without_data_says_what_is_missing(tmp_path):
    with pytest.raises(OutletProfileError, match="outlets-mbfc"):
        build_outlet_profiles(tmp_path, tmp_path / "out.json.gz")
    assert not (tmp_path / "out.json.gz").exists()


def test_cli_outlets_shows_sourced_labels_and_unknowns():
    import json as json_module
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "newsprism", "outlets", "southfront.org", "nope.example", "--json"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, "an unknown outlet makes the lookup exit 1, like grep"
    known, unknown = json_module.loads(result.stdout)
    assert known["id"] == "south-front" and known["labels"]
    assert all(label["source"] for label in known["labels"])
    assert unknown["known"] is False and unknown["labels"] == []
