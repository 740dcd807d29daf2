"""The entity knowledge base: canonical identities with their names in many languages.

Actors (people, organisations, armed groups, outlets, bodies) come from the curated YAML files in
``data/kb/actors/`` plus the user's own alias files; places come from the GeoNames-based index
built by ``newsprism kb build`` (see :mod:`newsprism.places`).  Names are compared by the keys of
:mod:`newsprism.kb.normalize`.
"""

from .actors import ActorKB, KBEntry, load_actor_kb
from .normalize import alias_key, is_acronym, loose_key

__all__ = ["ActorKB", "KBEntry", "load_actor_kb", "alias_key", "is_acronym", "loose_key"]
