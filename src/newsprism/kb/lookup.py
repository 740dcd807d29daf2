"""One answer to "what can this name denote?": actors and places together (``newsprism kb lookup``)."""

from __future__ import annotations

from pathlib import Path

from .actors import load_actor_kb

MAX_PLACES_SHOWN = 5


def lookup_everything(name: str, alias_files: tuple[Path, ...] = ()) -> list[dict]:
    from ..places import lookup as place_lookup

    rows = []
    for entry in load_actor_kb(alias_files).lookup(name):
        details = entry.description or (entry.roles[0] if entry.roles else entry.origin)
        rows.append({"query": name, "id": entry.id, "name": entry.name, "type": entry.type.value, "details": details})
    for candidate in place_lookup(name)[:MAX_PLACES_SHOWN]:
        details = (
            f"{candidate.feature}, {candidate.country or '?'}, {candidate.lat:.2f},{candidate.lon:.2f}, "
            f"pop. {candidate.population} ({candidate.match})"
        )
        rows.append({"query": name, "id": candidate.id, "name": candidate.name, "type": "location",
                     "geonames_id": candidate.geonames_id, "lat": candidate.lat, "lon": candidate.lon,
                     "country": candidate.country, "details": details})
    return rows
