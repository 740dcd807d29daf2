"""Tone toward actors (issue 5, part 4): the ``tone`` stage with the shipped models, no mocks.

Acceptance on the samples: the tone toward the US-led coalition is hostile (label "hostile" and a
negative score) in 000 (South Front via Global Research), 001 (Press TV), 003 (South Front) and 004
(Press TV French).  The test checks the coalition (``np:organisation:global-coalition-against-daesh``)
where the entity stage links it in the article, else the United States (``geonames:6252001``): 000,
001 and 003 name the "US-led coalition", while 004 never names the coalition and treats the United
States ("troupes US", "les forces américaines", "l'armée américaine", "les troupes d'occupation qui
tuent, pillent et intimident") as the occupying force, so 004 is checked against the US.

Generated cases (written for these tests, not taken from the samples) check the general rules behind
that: nationality phrases link to the country in French and English, neutral wire copy about "les
forces américaines" / "American troops" stays neutral, hostile framing is hostile, and an article
hostile in one sentence and factual in the others treats the actor with hostility.
"""

from __future__ import annotations

import json
import os
import time
from importlib.resources import files
from pathlib import Path

import pytest

from newsprism.ingest import iter_inputs
from newsprism.model import Document, Entity, EntityType, Paragraph
from newsprism.options import Options
from newsprism.pipeline import resolve_stages
from newsprism.tone import actors, score_document, tone_stage
from newsprism.tone.data import load, split_of
from newsprism.tone.model import LABELS, data_dir, load_models
from newsprism.tone.score import MAX_EVIDENCE

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSPRISM_SHARED_DATA", ROOT.parent / "shared" / "data"))
SAMPLES = Path(str(files("newsprism") / "data" / "samples"))
COALITION = "np:organisation:global-coalition-against-daesh"
UNITED_STATES = "geonames:6252001"


@pytest.fixture(scope="module")
def samples() -> dict[str, Document]:
    """The samples through the earlier stages, then the tone stage (parse cache kept, as in a run)."""
    earlier = resolve_stages(["entities", "places"])
    docs, timings = {}, {}
    for document in iter_inputs([str(SAMPLES)], Options()):
        for current in earlier:
            document = current.func(document, Options())
        started = time.perf_counter()
        document = tone_stage(document, Options())
        key = Path(document.source).name[:3]
        timings[key] = time.perf_counter() - started
        docs[key] = document
    docs["timings"] = timings  # type: ignore[assignment]
    return docs


def make(text: str, mentions: list[tuple[str, str, EntityType]], language: str = "en") -> Document:
    """A one-paragraph document whose entities are the given (surface, id, type) mentions (first occurrence)."""
    entities = []
    for surface, entity_id, kind in mentions:
        start = text.index(surface)
        entities.append(
            Entity(text=surface, start=start, end=start + len(surface), type=kind, id=entity_id, name=surface)
        )
    return Document(
        id="t", source="test", body=text, language=language, paragraphs=[Paragraph(start=0, end=len(text))],
        entities=entities,
    )


def tone_of(document: Document, actor_id: str, mode: str = "auto"):
    tones = score_document(document, Options(embeddings=mode))
    return next(t for t in tones if t.id == actor_id)


@pytest.mark.parametrize("key", ["000", "001", "003", "004"])
def test_tone_toward_the_us_led_coalition_is_negative(samples, key):
    document = samples[key]
    ids = {t.id: t for t in document.tone}
    target = COALITION if COALITION in ids else UNITED_STATES
    assert target in ids, f"{key}: neither the coalition nor the US is an actor: {sorted(ids)}"
    tone = ids[target]
    assert tone.label == "hostile" and tone.score < 0, (key, target, tone)
    assert tone.evidence, "the verdict must come with the sentences behind it"
    if key in ("000", "001", "003"):
        assert target == COALITION, "000, 001 and 003 name the US-led coalition; it should be linked"
    if key == "004":
        assert tone.low_confidence, "French is scored by cross-lingual transfer"


def test_output_contract_on_the_samples(samples):
    for key in ("000", "001", "002", "003", "004"):
        document = samples[key]
        assert document.tone, key
        assert [t.mentions for t in document.tone] == sorted((t.mentions for t in document.tone), reverse=True)
        for tone in document.tone:
            assert tone.label in LABELS and -1.0 <= tone.score <= 1.0
            # Every scored actor shows its evidence, capped (the strongest sentences first).
            assert 1 <= len(tone.evidence) <= MAX_EVIDENCE
            assert [abs(e.score) for e in tone.evidence] == sorted((abs(e.score) for e in tone.evidence), reverse=True)
            for evidence in tone.evidence:
                assert document.body[evidence.start : evidence.end] == evidence.text
        kinds = {e.id: e.type for e in document.entities}
        for tone in document.tone:  # places other than countries are not actors
            assert kinds[tone.id] != EntityType.LOCATION or tone.id in {
                p.id for p in document.places if p.feature == "country"
            }, tone.id
    assert all(t.low_confidence for t in samples["004"].tone)
    assert not any(t.low_confidence for t in samples["000"].tone)
    assert any("cross-lingual" in w for w in samples["004"].warnings)


def test_english_tone_is_fast(samples):
    english = [samples["timings"][k] for k in ("000", "001", "002", "003")]
    # Budget ~40 ms/doc on an idle core; the bound leaves room for a loaded test machine.
    assert sum(english) / len(english) < 0.25, english


def test_neutral_wire_sentence_is_neutral():
    text = "The minister met his counterpart in Paris on Tuesday."
    document = make(text, [("The minister", "test:minister", EntityType.PERSON)])
    for mode in ("never", "auto", "always"):
        tone = tone_of(document, "test:minister", mode)
        assert tone.label == "neutral", (mode, tone)
        assert abs(tone.score) < 0.35, (mode, tone)


def test_favourable_and_hostile_sentences():
    text = (
        "Thousands of families thanked the Red Cross, whose heroic volunteers saved countless lives and "
        "won praise from every side. The so-called Islamic State terror outfit massacred villagers and "
        "looted their homes."
    )
    document = make(
        text,
        [("the Red Cross", "test:red-cross", EntityType.ORGANISATION),
         ("Islamic State", "test:isis", EntityType.ARMED_GROUP)],
    )
    for mode in ("never", "auto"):
        assert tone_of(document, "test:red-cross", mode).label == "favourable", mode
        assert tone_of(document, "test:isis", mode).label == "hostile", mode
    tone = tone_of(document, "test:red-cross")
    assert tone.score > 0 and tone.evidence[0].text.startswith("Thousands")
    assert not tone.low_confidence


def test_french_loaded_framing_is_hostile_and_low_confidence():
    text = (
        "Les troupes d'occupation des États-Unis tuent, pillent et intimident les populations de Deir ez-Zor "
        "depuis des années, selon les habitants de la région."
    )
    document = make(text, [("États-Unis", UNITED_STATES, EntityType.LOCATION)], language="fr")
    document.places = []  # the gazetteer tells the stage that this id is a country
    tone = tone_of(document, UNITED_STATES)
    assert tone.label == "hostile" and tone.score < 0, tone
    assert tone.low_confidence
    assert any("cross-lingual" in w for w in document.warnings)
    cues_only = tone_of(document, UNITED_STATES, "never")
    assert cues_only.low_confidence and cues_only.score < 0
    assert any("framing cues only" in w for w in document.warnings)


def test_bad_input_does_not_crash():
    assert score_document(make("No actors in this short line.", []), Options()) == []
    shouting = make(
        "BREAKING: THE PENTAGON SAYS US TROOPS WILL STAY IN SYRIA. OFFICIALS DENY ANY PLAN TO LEAVE. "
        "MORE TO FOLLOW ON THIS DEVELOPING STORY FROM OUR TEAM IN THE REGION.",
        [("PENTAGON", "test:pentagon", EntityType.ORGANISATION)],
    )
    tones = score_document(shouting, Options())
    assert len(tones) == 1 and tones[0].low_confidence
    assert any("capitals" in w for w in shouting.warnings)
    table = make(
        "| Actor | Strikes | Deaths |\n| Islamic State | 12 | 40 |\n| SDF | 3 | 5 |\n- item\n- item\n" * 5,
        [("Islamic State", "test:isis", EntityType.ARMED_GROUP), ("SDF", "test:sdf", EntityType.ARMED_GROUP)],
    )
    assert {t.id for t in score_document(table, Options())} == {"test:isis", "test:sdf"}
    swahili = make(
        "Wanajeshi wa Marekani waliondoka Syria jana baada ya mashambulizi ya ndege zisizo na rubani "
        "dhidi ya kambi yao karibu na mji wa Deir ez-Zor.",
        [("Marekani", "test:usa", EntityType.ORGANISATION)],
        language="sw",
    )
    tones = score_document(swahili, Options())
    assert tones[0].low_confidence and tones[0].label in LABELS
    assert any("sw text" in w for w in swahili.warnings)
    assert score_document(make("", []), Options()) == []


def test_actor_choice():
    text = "Damascus said the United States and Hezbollah met in Geneva on Monday."
    document = make(
        text,
        [("Damascus", "geonames:170654", EntityType.LOCATION), ("United States", UNITED_STATES, EntityType.LOCATION),
         ("Hezbollah", "Q41053", EntityType.ARMED_GROUP), ("Geneva", "geonames:2660646", EntityType.LOCATION)],
    )
    monday = text.index("Monday")
    document.entities.append(Entity(text="Monday", start=monday, end=monday + 6, type=EntityType.OTHER))
    assert set(actors(document)) == {UNITED_STATES, "Q41053"}  # countries yes, cities no, no id no


def test_shipped_model_and_fixed_split():
    models = load_models()
    meta = json.loads((data_dir() / "meta.json").read_text(encoding="utf-8"))
    assert models.version == meta["version"]
    assert meta["figures"]["test_macro_f1"]["combined"] >= 0.65
    assert sum(p.stat().st_size for p in data_dir().iterdir()) < 3_000_000
    # The split is by sentence hash and fixed: the test part is the one the figures were measured on.
    test = load(SHARED, "test")
    assert len(test) == meta["figures"]["test_targets"]
    assert all(split_of(e.sentence) == "test" for e in test)
    assert split_of("The minister met his counterpart in Paris on Tuesday.") in ("dev", "test")


# --- generated cases: nationality phrases, aggregation, embedding budget -------------------------

def analysed(text: str, language: str) -> Document:
    """A one-paragraph document through the entities and places stages (as in a run)."""
    from newsprism.entities import find_entities
    from newsprism.places import find_places

    document = Document(id="g", source="generated", body=text, language=language,
                        paragraphs=[Paragraph(start=0, end=len(text))])
    return find_places(find_entities(document, Options()), Options())


GENERATED = [  # (language, text, expected label toward the United States); written for these tests
    ("fr", "Les forces américaines ont quitté mardi une base du nord-est de la Syrie, a indiqué un porte-parole. "
           "Selon l'armée américaine, environ 900 soldats restent déployés dans la région.", "neutral"),
    ("fr", "Les soldats américains sont arrivés jeudi à Bagdad pour une visite de deux jours.", "neutral"),
    ("fr", "Les forces américaines d'occupation pillent le pétrole syrien et terrorisent les habitants de "
           "Deir ez-Zor. Les troupes d'occupation qui tuent et pillent doivent partir, disent les habitants.",
     "hostile"),
    ("fr", "Les forces américaines ont quitté mardi une base du nord-est de la Syrie. Selon l'armée américaine, "
           "environ 900 soldats restent déployés dans la région. Les soldats américains sont arrivés à Bagdad "
           "jeudi. Mais ces troupes d'occupation qui tuent et pillent terrorisent la population depuis des années.",
     "hostile"),
    ("en", "American troops left a base in northeastern Syria on Tuesday, a spokesman said. The Americans said "
           "about 900 soldiers remain in the region.", "neutral"),
    ("en", "The American occupation troops who kill and loot are plundering Syria's oil, villagers said. The "
           "occupiers are a criminal gang.", "hostile"),
    ("en", "American troops left a base in northeastern Syria on Tuesday. The US military said about 900 soldiers "
           "remain in the region. American troops arrived in Baghdad on Thursday. But the occupation forces who "
           "kill and loot have terrorised villagers for years.", "hostile"),
]


@pytest.mark.parametrize("language, text, expected", GENERATED, ids=[f"{g[0]}-{g[2]}-{i}" for i, g in enumerate(GENERATED)])
def test_generated_nationality_cases(language, text, expected):
    document = analysed(text, language)
    linked = [e for e in document.entities if e.id == UNITED_STATES]
    assert linked, "the nationality phrases must be linked to the United States"
    for mode in ("never", "auto"):
        tone = tone_of(document, UNITED_STATES, mode)
        assert tone.label == expected, (mode, tone)
        if expected == "hostile":
            assert tone.score < -0.3, (mode, tone)
        else:
            assert abs(tone.score) < 0.35, (mode, tone)
        assert tone.mentions == len(linked)


def _document_with_mentions(text: str, surface: str, actor_id: str, kind: EntityType, language: str = "en") -> Document:
    entities, start = [], text.find(surface)
    while start >= 0:
        entities.append(Entity(text=surface, start=start, end=start + len(surface), type=kind, id=actor_id, name=surface))
        start = text.find(surface, start + 1)
    return Document(id="a", source="test", body=text, language=language,
                    paragraphs=[Paragraph(start=0, end=len(text))], entities=entities)


NEUTRAL_WIRE = (
    "The coalition said on Monday that it had carried out four strikes near the border. "
    "A spokesman for the coalition said the talks would resume in Geneva next week. "
    "The coalition was formed in 2014 and has 86 members. "
    "Officials of the coalition met their Iraqi counterparts in Baghdad on Thursday. "
)


def test_hostile_sentences_are_not_washed_out_by_factual_ones():
    hostile = ("The coalition, an occupation force of murderous mercenaries, plunders the country and "
               "massacres civilians. ")
    document = _document_with_mentions(NEUTRAL_WIRE + hostile, "coalition", "test:coalition", EntityType.ORGANISATION)
    tone = tone_of(document, "test:coalition", "never")
    assert tone.mentions == 5
    assert tone.label == "hostile" and tone.score < 0, tone
    assert tone.evidence[0].text.startswith("The coalition, an occupation force")
    # Wire copy alone stays neutral, however many sentences it has.
    document = _document_with_mentions(NEUTRAL_WIRE * 2, "coalition", "test:coalition", EntityType.ORGANISATION)
    for mode in ("never", "auto"):
        tone = tone_of(document, "test:coalition", mode)
        assert tone.label == "neutral" and abs(tone.score) < 0.35, (mode, tone)
    # Hostile and favourable sentences about one actor offset each other: no side wins by construction.
    favourable = "Thousands of families thanked the coalition, whose heroic volunteers saved countless lives. "
    document = _document_with_mentions(hostile + favourable, "coalition", "test:coalition", EntityType.ORGANISATION)
    assert tone_of(document, "test:coalition", "never").score > tone_of(
        _document_with_mentions(hostile, "coalition", "test:coalition", EntityType.ORGANISATION), "test:coalition", "never"
    ).score


def test_sentences_beyond_the_embedding_budget_still_count(monkeypatch):
    import newsprism.tone.score as score

    text = (
        "Les États-Unis ont annoncé mardi une réunion à Genève. "
        "Les États-Unis, cette puissance d'occupation, pillent et massacrent les populations de la région."
    )
    document = _document_with_mentions(text, "États-Unis", UNITED_STATES, EntityType.LOCATION, language="fr")
    document.places = []
    monkeypatch.setattr(score, "MAX_EMBEDDED_SENTENCES", 1)  # only the first (neutral) sentence is embedded
    tone = tone_of(document, UNITED_STATES, "auto")
    assert len(tone.evidence) == 2, "the sentence left out of the embedding budget is scored from its framing cues"
    assert tone.label == "hostile" and tone.score < 0, tone


def test_embedding_budget_follows_the_main_actors():
    from newsprism.tone.score import MAX_EMBEDDED_SENTENCES, _choose_for_embedding, _Sentence

    wanted = {"main": [(i, _Sentence(i, i + 1, "fr")) for i in range(20)]}
    wanted.update({f"minor{k}": [(100 + k, _Sentence(0, 1, "fr"))] for k in range(30)})
    grouped = {actor: [None] * len(sentences) for actor, sentences in wanted.items()}
    chosen = _choose_for_embedding(wanted, grouped)
    assert len(chosen) == MAX_EMBEDDED_SENTENCES
    per_actor = {actor: sum(1 for a, _, _ in chosen if a == actor) for actor in wanted}
    assert all(per_actor[f"minor{k}"] == 1 for k in range(30)), "every actor gets its first sentence"
    assert per_actor["main"] == MAX_EMBEDDED_SENTENCES - 30


def test_attribution_features():
    """The speaker of a report and a target inside someone else's reported clause are marked (``q:``)."""
    from newsprism.nlp.models import spacy_pipeline
    from newsprism.tone.features import attribution_features

    nlp = spacy_pipeline("en")
    doc = nlp("The senator said the new plan was a disaster for Ohio.")
    start = doc.text.index("senator")
    speaker = attribution_features(doc, (start, start + len("senator")))
    assert speaker.get("q:speaker") == 1.0 and speaker.get("q:speaker>say") == 1.0
    start = doc.text.index("plan")
    assert attribution_features(doc, (start, start + len("plan"))) == {"q:reported": 1.0}
    assert attribution_features(doc, (0, 0)) == {}
