"""Read-side views of a corpus store: stories, side-by-side coverage of a story, narratives, outlets.

Everything here returns plain JSON-ready dicts, shared by the CLI (``newsprism stories``,
``compare``, ``narratives``, ``outlets --db``) and the corpus report.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from typing import Any

from .outlets import OutletProfiles
from .store import Store

ACTOR_TYPES = ("person", "organisation", "armed_group")
TOP_ACTORS = 8
MAX_LABEL_CHARS = 120


def _label(title: str | None, body_start: str | None) -> str:
    text = (title or "").strip() or (body_start or "").strip().split("\n", 1)[0]
    return text[:MAX_LABEL_CHARS] + ("…" if len(text) > MAX_LABEL_CHARS else "")


def list_stories(store: Store, story_ids: set[str] | None = None) -> list[dict[str, Any]]:
    """Every story (largest first): id, label, documents (ids, sources, outlets, copies), languages,
    outlets, time span, key actors.  ``size`` counts originals only: a copy is not counted twice."""
    backend = store._backend
    rows = backend.execute(
        "SELECT id, source, title, outlet, outlet_domain, language, published, story_id, duplicate_of, "
        "duplicate_similarity, republished_from FROM documents ORDER BY stored_at, id").fetchall()
    members: dict[str, list[dict]] = defaultdict(list)
    for (doc_id, source, title, outlet, domain, language, published, story, duplicate_of, dup_sim,
         republished_from) in rows:
        if story is None or (story_ids is not None and story not in story_ids):
            continue
        members[story].append({"id": doc_id, "source": source, "title": title, "outlet": outlet,
                               "outlet_domain": domain, "language": language, "published": published,
                               "duplicate_of": duplicate_of, "duplicate_similarity": dup_sim,
                               "republished_from": republished_from})
    actors = _story_actors(backend, members)
    stories = []
    for story, documents in members.items():
        originals = [d for d in documents if not d["duplicate_of"]] or documents
        dates = sorted(d["published"] for d in documents if d["published"])
        first = originals[0]
        stories.append({
            "id": story,
            "label": _label(first["title"], _body_start(backend, first["id"]) if not first["title"] else None),
            "size": len(originals),
            "copies": len(documents) - len(originals),
            "documents": documents,
            "languages": sorted({d["language"] for d in documents if d["language"]}),
            "outlets": sorted({d["outlet"] for d in originals if d["outlet"]}),
            "republished_by": sorted({d["outlet"] for d in documents if d["duplicate_of"] and d["outlet"]}),
            "first": dates[0] if dates else None,
            "last": dates[-1] if dates else None,
            "actors": actors.get(story, []),
        })
    stories.sort(key=lambda s: (-s["size"], s["first"] or "", s["id"]))
    return stories


def _body_start(backend, doc_id: str) -> str:
    row = backend.execute("SELECT document FROM documents WHERE id = ?", (doc_id,)).fetchone()
    return (json.loads(row[0]).get("body") or "")[:300] if row else ""


def _story_actors(backend, members: dict[str, list[dict]]) -> dict[str, list[dict]]:
    story_of = {d["id"]: story for story, docs in members.items() for d in docs if not d["duplicate_of"]}
    counts: dict[str, Counter] = defaultdict(Counter)
    names: dict[str, str] = {}
    marks = ", ".join("?" for _ in ACTOR_TYPES)
    for doc_id, entity_id, name in backend.execute(
            f"SELECT document_id, entity_id, name FROM entities WHERE type IN ({marks})", ACTOR_TYPES):  # noqa: S608
        story = story_of.get(doc_id)
        if story:
            counts[story][entity_id] += 1
            names.setdefault(entity_id, name or entity_id)
    return {story: [{"id": e, "name": names[e], "documents": n} for e, n in counter.most_common(TOP_ACTORS)]
            for story, counter in counts.items()}


def compare_story(store: Store, story_id: str, *, link_claims: bool = True,
                  story: dict[str, Any] | None = None) -> dict[str, Any]:
    """Side-by-side coverage of one story: per document what it emphasises (actors, quotes, claims,
    techniques, tone, narratives); claims found in some outlets and not others; quotes of the same
    person used by different outlets.  ``story``: its :func:`list_stories` entry, if already at hand."""
    from ..model import Document
    from ..options import Options

    if story is None:
        stories = list_stories(store, {story_id})
        if not stories:
            raise KeyError(story_id)
        story = stories[0]
    documents = []
    for member in story["documents"]:
        row = store._backend.execute("SELECT document FROM documents WHERE id = ?", (member["id"],)).fetchone()
        documents.append(Document.model_validate(json.loads(row[0])))
    originals = [d for d, m in zip(documents, story["documents"]) if not m["duplicate_of"]]
    if link_claims and len(originals) > 1:
        from ..claims.link import link_claims as link

        for document in originals:
            for claim in document.claims:
                claim.links = []
        link(originals, Options(link_claims=True))
    outlet_of = {d.id: (d.outlet.name if d.outlet else None) or d.source for d in documents}
    coverage = [_coverage(d, m) for d, m in zip(documents, story["documents"])]
    return {
        "story": story,
        "coverage": coverage,
        "claims": _claims_across(originals, outlet_of),
        "shared_speakers": _shared_speakers(originals, outlet_of),
    }


def _coverage(document, member: dict) -> dict[str, Any]:
    actors = Counter(e.id for e in document.entities if e.id and e.type.value in ACTOR_TYPES)
    names = {e.id: e.name or e.text for e in document.entities if e.id}
    return {
        "document": document.id, "source": document.source, "title": document.title,
        "outlet": document.outlet.name if document.outlet else None, "language": document.language,
        "published": document.published, "duplicate_of": member["duplicate_of"],
        "actors": [{"id": e, "name": names[e], "mentions": n} for e, n in actors.most_common(TOP_ACTORS)],
        "quotes": [{"speaker": q.speaker_name or q.speaker, "speaker_id": q.speaker_id, "text": q.text}
                   for q in document.quotes if q.speaker_name or q.speaker][:10],
        "claims": [{"text": c.text, "score": c.score} for c in document.claims[:5]],
        "techniques": dict(Counter(t.technique for t in document.techniques).most_common()),
        "technique_density": document.technique_density,
        "own_voice_density": document.own_voice_density,
        "tone": [{"id": t.id, "name": t.name, "label": t.label, "score": t.score} for t in document.tone[:TOP_ACTORS]],
        "narratives": [{"narrative": n.narrative, "statement": n.statement, "score": n.score}
                       for n in document.narratives],
    }


def _claims_across(documents, outlet_of: dict[str, str]) -> list[dict[str, Any]]:
    """Each claim of the story with the outlets that make it (linked paraphrases) and those that do not."""
    everyone = sorted({outlet_of[d.id] for d in documents})
    seen: set[tuple[str, int]] = set()
    groups = []
    for document in documents:
        for index, claim in enumerate(document.claims[:8]):
            if (document.id, index) in seen:
                continue
            seen.add((document.id, index))
            outlets = {outlet_of[document.id]}
            for link in claim.links:
                seen.add((link.document, link.claim))
                if link.document in outlet_of:
                    outlets.add(outlet_of[link.document])
            groups.append({"text": claim.text, "score": claim.score, "outlets": sorted(outlets),
                           "missing_from": [o for o in everyone if o not in outlets]})
    groups.sort(key=lambda g: (-len(g["outlets"]), -g["score"]))
    return groups


def _shared_speakers(documents, outlet_of: dict[str, str]) -> list[dict[str, Any]]:
    quotes: dict[str, list[dict]] = defaultdict(list)
    names: dict[str, str] = {}
    for document in documents:
        for quote in document.quotes:
            if quote.speaker_id:
                quotes[quote.speaker_id].append({"outlet": outlet_of[document.id], "document": document.id,
                                                 "text": quote.text})
                names.setdefault(quote.speaker_id, quote.speaker_name or quote.speaker or quote.speaker_id)
    return [{"speaker_id": s, "name": names[s], "quotes": q} for s, q in quotes.items()
            if len({x["outlet"] for x in q}) > 1]


CITED = "cited in EUvsDisinfo cases"
NOT_CITED = "not cited in EUvsDisinfo cases"


def outlet_group(profile, profiles: OutletProfiles | None = None) -> str:
    """The outlet's group, from a sourced fact only: whether the EU's EUvsDisinfo database cites it
    (or the site it is a section of: french.presstv.ir is part of presstv.ir).

    Every outlet named in the database's cases is in the shipped profiles, so an outlet missing
    from them is not cited either.  (MBFC labels are shown beside it, not mixed into the grouping.)
    """
    def cited(entry) -> bool:
        return entry is not None and entry.known and any(label["kind"] == "euvsdisinfo_cases" for label in entry.labels)

    if cited(profile):
        return CITED
    if profile is not None and profiles is not None:
        for domain in getattr(profile, "domains", None) or []:
            parts = domain.split(".")
            if any(cited(profiles.describe(".".join(parts[i:]))) for i in range(1, len(parts) - 1)):
                return CITED
    return NOT_CITED


def blind_spots(stories: list[dict], profiles: OutletProfiles) -> list[dict[str, Any]]:
    """Stories covered by outlets of only one group (e.g. only outlets cited in EUvsDisinfo cases)."""
    spots = []
    for story in stories:
        groups = defaultdict(list)
        for document in story["documents"]:
            key = document["outlet_domain"] or document["outlet"]
            if key and not document["duplicate_of"]:
                groups[outlet_group(profiles.describe(key), profiles)].append(document["outlet"] or key)
        if len(groups) == 1:
            (group, outlets), = ((g, sorted(set(o))) for g, o in groups.items())
            spots.append({"story": story["id"], "label": story["label"], "only_group": group, "outlets": outlets})
    return spots


def narratives_by_document(store: Store) -> list[dict[str, Any]]:
    """Per stored document, the narratives it advances and those it only reports or debunks."""
    result = []
    for document in store.documents():
        result.append({
            "document": document["id"], "source": document.get("source"),
            "outlet": (document.get("outlet") or {}).get("name"), "published": document.get("published"),
            "story": None,
            "narratives": [{"narrative": n["narrative"], "statement": n.get("statement"), "score": n["score"],
                            "stance": n.get("stance", "advances"), "evidence": n.get("evidence", [])}
                           for n in document.get("narratives") or []],
            "narrative_mentions": [{"narrative": n["narrative"], "statement": n.get("statement"), "score": n["score"],
                                    "stance": n.get("stance"), "evidence": n.get("evidence", [])}
                                   for n in document.get("narrative_mentions") or []],
        })
    return result


def outlets_in_store(store: Store, profiles: OutletProfiles) -> list[dict[str, Any]]:
    """Profiles of the corpus's outlets, with their group, document count and technique profile."""
    backend = store._backend
    counts = {}
    for outlet, domain, n, density, own in backend.execute(
            "SELECT outlet, outlet_domain, COUNT(*), AVG(technique_density), AVG(own_voice_density) FROM documents "
            "WHERE duplicate_of IS NULL GROUP BY outlet, outlet_domain"):
        counts[(outlet, domain)] = (n, density, own)
    techniques: dict[tuple, Counter] = defaultdict(Counter)
    for outlet, domain, technique, n in backend.execute(
            "SELECT d.outlet, d.outlet_domain, t.technique, COUNT(*) FROM techniques t JOIN documents d "
            "ON d.id = t.document_id WHERE d.duplicate_of IS NULL GROUP BY d.outlet, d.outlet_domain, t.technique"):
        techniques[(outlet, domain)][technique] = n
    result = []
    for (outlet, domain), (n, density, own) in sorted(counts.items(), key=lambda item: -item[1][0]):
        profile = profiles.describe(domain or outlet) if (domain or outlet) else None
        result.append({
            "outlet": outlet, "domain": domain, "documents": n,
            "group": outlet_group(profile, profiles) if profile else "outlet not identified",
            "profile": profile.as_dict() if profile and profile.known else None,
            "technique_density": round(density, 2) if density is not None else None,
            "own_voice_density": round(own, 2) if own is not None else None,
            "techniques": dict(techniques[(outlet, domain)].most_common()),
        })
    return result
