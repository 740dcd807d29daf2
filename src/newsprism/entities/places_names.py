"""The gazetteer names the entity scan looks for (provided by :mod:`newsprism.places`)."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def place_scan_keys() -> frozenset[str]:
    return frozenset()  # wired to the places gazetteer when it lands
