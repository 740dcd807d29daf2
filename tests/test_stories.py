"""Stories, copies and the corpus commands, on a real SQLite store filled by the real pipeline."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import numpy as np
import pytest

from newsprism.analyze import iter_inputs
from newsprism.corpus.similarity import StoryView, load_model
from newsprism.corpus.stories import DUPLICATE_JACCARD, estimated_jaccard, signature
from newsprism.corpus.store import Store
from newsprism.corpus.outlets import load_outlet_profiles
from newsprism.corpus.views import CITED, NOT_CITED, blind_spots, compare_story, list_stories, outlets_in_store
from newsprism.options import Options
from newsprism.pipeline import run_batch

SAMPLES = Path(str(files("newsprism") / "data" / "samples"))
STAGES = ("extract", "language", "metadata", "entities", "places", "dates", "quotes", "claims", "tone", "embedding")

QUAKE_EN = """Earthquake of magnitude 6.1 strikes near Izmir, killing at least 27

Published: 2024-03-12

An earthquake of magnitude 6.1 struck the Aegean coast near the Turkish city of Izmir on Tuesday, killing at least 27 people and injuring 418, Turkey's disaster agency AFAD said.

The quake hit at 14:35 local time at a depth of 10 kilometres, about 20 kilometres south-west of Izmir, according to AFAD. Buildings collapsed in the districts of Bayrakli and Bornova.

Interior Minister Ali Yerlikaya said 1,200 rescue workers had been sent to the region and that search operations would continue through the night. Greece's prime minister Kyriakos Mitsotakis offered assistance.

Tremors were felt on the Greek island of Samos, where two buildings were damaged.
"""
QUAKE_FR = """Un séisme de magnitude 6,1 frappe près d'Izmir et fait au moins 27 morts

Publié le 2024-03-12

Un séisme de magnitude 6,1 a frappé mardi la côte égéenne près de la ville turque d'Izmir, faisant au moins 27 morts et 418 blessés, selon l'agence turque de gestion des catastrophes AFAD.

La secousse s'est produite à 14h35 heure locale à une profondeur de 10 kilomètres, à environ 20 kilomètres au sud-ouest d'Izmir, selon l'AFAD. Des immeubles se sont effondrés dans les quartiers de Bayrakli et de Bornova.

Le ministre de l'Intérieur Ali Yerlikaya a déclaré que 1 200 secouristes avaient été envoyés dans la région et que les recherches se poursuivraient toute la nuit. Le Premier ministre grec Kyriakos Mitsotakis a proposé son aide.

Les secousses ont été ressenties sur l'île grecque de Samos, où deux bâtiments ont été endommagés.
"""
MARKET = """Airstrikes on Idlib market kill 14 civilians

Published: 2024-05-06

Airstrikes hit a crowded vegetable market in the town of Maarat al-Numan in Syria's Idlib province on Monday, killing 14 civilians, including four children, the Syrian Civil Defence said.

The rescue group, also known as the White Helmets, said 31 people were wounded. Residents blamed Russian and Syrian government aircraft. Moscow denied involvement.

The United Nations envoy for Syria, Geir Pedersen, called for an investigation and urged all parties to respect the ceasefire agreed in March.
"""
HOSPITAL = """Shelling of Idlib hospital kills nine, rescuers say

Published: 2024-05-13

Artillery shells struck a hospital in the city of Jisr al-Shughur in Syria's Idlib province on Monday, killing nine people, among them two nurses, the Syrian Civil Defence said.

The White Helmets said 22 people were wounded and that the hospital's operating theatre was destroyed. Opposition activists blamed Syrian government forces. Damascus did not comment.

The United Nations envoy for Syria, Geir Pedersen, condemned the attack and urged all parties to respect the ceasefire agreed in March.
"""
# The market report republished by another site: its own boilerplate around the same body.
MARKET_COPY = ("Share this story! Donate to keep us independent.\n\n" + MARKET +
               "\nThis article was originally published by Levant Wire.\n\nComments (3)\n")


def analyse(paths: list[Path]) -> list[dict]:
    options = Options(stages=STAGES)
    return [d.model_dump(mode="json") for d in run_batch(iter_inputs([str(p) for p in paths], options), options)]


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> dict[str, dict]:
    folder = tmp_path_factory.mktemp("generated")
    texts = {"quake_en": QUAKE_EN, "quake_fr": QUAKE_FR, "market": MARKET, "hospital": HOSPITAL,
             "market_copy": MARKET_COPY}
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    documents = analyse([folder / f"{name}.txt" for name in texts])
    return {Path(d["source"]).stem: d for d in documents}


@pytest.fixture(scope="module")
def samples() -> list[dict]:
    return analyse(sorted(SAMPLES.glob("*.txt")))


def story_of(store: Store) -> dict[str, str]:
    return {Path(d["source"]).stem: s["id"] for s in list_stories(store) for d in s["documents"]}


def test_the_five_samples_are_five_stories(samples, tmp_path):
    with Store(tmp_path / "c.db") as store:
        assert store.add_many(samples).added == 5
        stories = list_stories(store)
    assert len(stories) == 5 and all(s["size"] == 1 for s in stories)
    first = next(s for s in stories if s["documents"][0]["source"].endswith(".txt") and "000_" in s["documents"][0]["source"])
    assert first["documents"][0]["republished_from"] == "South Front"
    assert first["outlets"] == ["Global Research"]


def test_the_samples_outlets_fall_in_two_sourced_groups(samples, tmp_path):
    with Store(tmp_path / "c.db") as store:
        store.add_many(samples)
        profiles = load_outlet_profiles()
        groups = {entry["outlet"]: entry["group"] for entry in outlets_in_store(store, profiles)}
        spots = blind_spots(list_stories(store), profiles)
    # Global Research and Press TV (french.presstv.ir is a section of presstv.ir) are cited in EUvsDisinfo
    # cases; EA WorldView is not.
    assert groups["Global Research"] == groups["Press TV French"] == CITED
    assert groups["EA WorldView"] == NOT_CITED
    assert {spot["only_group"] for spot in spots} == {CITED, NOT_CITED}


def test_same_story_in_english_and_french_joins_and_events_a_week_apart_do_not(generated, tmp_path):
    with Store(tmp_path / "c.db") as store:
        store.add_many([generated[k] for k in ("quake_en", "market", "quake_fr", "hospital")])
        stories = story_of(store)
        quake = next(s for s in list_stories(store) if s["id"] == stories["quake_en"])
    assert stories["quake_en"] == stories["quake_fr"]
    assert quake["languages"] == ["en", "fr"] and quake["size"] == 2
    assert stories["market"] != stories["hospital"]
    assert len({stories["quake_en"], stories["market"], stories["hospital"]}) == 3


def test_similarity_scores_are_bounded_and_ordered(generated):
    view = {k: StoryView.from_document(d) for k, d in generated.items()}
    model = load_model()
    translation = model.scores([(view["quake_en"], view["quake_fr"])])[0]
    week_apart = model.scores([(view["market"], view["hospital"])])[0]
    unrelated = model.scores([(view["quake_en"], view["market"])])[0]
    assert 0.0 <= unrelated < week_apart < translation <= 1.0
    assert translation >= model.threshold > week_apart


def test_a_republished_copy_links_to_its_original_and_is_not_counted_twice(generated, tmp_path):
    copy, original = generated["market_copy"], generated["market"]
    assert estimated_jaccard(signature(copy["body"]), signature(original["body"])) >= DUPLICATE_JACCARD
    with Store(tmp_path / "c.db") as store:
        # The copy arrives first; the original, published the same day and named by the copy, replaces it.
        store.add_many([copy, generated["hospital"], original])
        stories = list_stories(store)
        market = next(s for s in stories if any(d["id"] == original["id"] for d in s["documents"]))
        links = {d["id"]: d["duplicate_of"] for d in market["documents"]}
    assert market["size"] == 1 and market["copies"] == 1
    assert links[copy["id"]] == original["id"] and links[original["id"]] is None
    assert len(stories) == 2


def test_copy_detection_refuses_different_articles_and_short_texts(generated):
    assert estimated_jaccard(signature(generated["market"]["body"]), signature(generated["hospital"]["body"])) < 0.3
    assert signature("Too short to call anything a copy.") is None


def test_recluster_with_a_threshold_keeps_it_and_regroups(generated, tmp_path):
    with Store(tmp_path / "c.db") as store:
        store.add_many([generated[k] for k in ("quake_en", "quake_fr", "market")])
        assert len(list_stories(store)) == 2
        assert store.recluster(0.99) == 3
    with Store(tmp_path / "c.db") as store:  # the threshold is the store's from now on
        assert store.linker.threshold == 0.99
        store.add_many([generated["hospital"]])
        assert len(list_stories(store)) == 4
        assert store.recluster(0.5) <= 3


def test_compare_shows_each_outlet_side_by_side(generated, tmp_path):
    with Store(tmp_path / "c.db") as store:
        store.add_many([generated["quake_en"], generated["quake_fr"]])
        story = list_stories(store)[0]
        view = compare_story(store, story["id"], link_claims=True)
        with pytest.raises(KeyError):
            compare_story(store, "story-nonexistent")
    assert {c["language"] for c in view["coverage"]} == {"en", "fr"}
    assert all(c["actors"] for c in view["coverage"])
    # The same claims in both languages are linked: at least one is made by both documents.
    assert any(len(claim["outlets"]) == 2 for claim in view["claims"])


def test_vectors_survive_the_store_exactly(generated, tmp_path):
    with Store(tmp_path / "c.db") as store:
        store.add_many([generated["quake_en"]])
        (blob,) = store._backend.execute("SELECT vector FROM story_features").fetchone()
    assert np.allclose(np.frombuffer(blob, dtype=np.float32), generated["quake_en"]["embedding"], atol=1e-6)


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsprism", *args], capture_output=True, text=True, timeout=600)


def test_corpus_commands_keep_their_output_contract(generated, tmp_path):
    db = tmp_path / "c.db"
    with Store(db) as store:
        store.add_many(list(generated.values()))
    stories = run("stories", "--db", str(db), "--json")
    assert stories.returncode == 0, stories.stderr
    found = json.loads(stories.stdout)
    assert len(found) == 3  # quake (en+fr), market (+ its copy), hospital
    for story in found:
        assert {"id", "label", "documents", "languages", "outlets"} <= set(story)
        assert all({"id", "source"} <= set(d) for d in story["documents"])
    narratives = run("narratives", "--db", str(db), "--json")
    assert narratives.returncode == 0, narratives.stderr
    assert {entry["document"] for entry in json.loads(narratives.stdout)} == {d["id"] for d in generated.values()}
    assert run("compare", found[0]["id"], "--db", str(db)).returncode == 0
    missing = run("compare", "story-nope", "--db", str(db))
    assert missing.returncode == 3 and "no such story" in missing.stderr
    assert run("stories", "--db", str(tmp_path / "absent.db")).returncode == 2
    outlets = run("outlets", "--db", str(db), "--json")
    assert outlets.returncode == 0 and sum(e["documents"] for e in json.loads(outlets.stdout)) == 4


def test_similarity_command_prints_a_score(tmp_path):
    a, b = tmp_path / "en.txt", tmp_path / "fr.txt"
    a.write_text(QUAKE_EN, encoding="utf-8")
    b.write_text(QUAKE_FR, encoding="utf-8")
    result = run("similarity", str(a), str(b), "--json")
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert 0.0 <= answer["score"] <= 1.0 and answer["same_story"] is True
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert run("similarity", str(a), str(empty)).returncode != 0


def test_reanalyze_brings_outdated_documents_to_todays_pipeline(tmp_path):
    article = tmp_path / "quake.txt"
    article.write_text(QUAKE_EN, encoding="utf-8")
    db = tmp_path / "c.db"
    first = run("analyze", str(article), "-o", str(tmp_path / "out"), "--stages", "extract,metadata", "--db", str(db),
                "-q", "--no-report")
    assert first.returncode == 0, first.stderr
    gone = dict(json.loads((tmp_path / "out" / "documents.jsonl").read_text(encoding="utf-8")),
                id="gone", source=str(tmp_path / "deleted.txt"), body=QUAKE_FR.split("\n\n", 1)[1])
    with Store(db) as store:
        store.add_many([gone])  # its source file no longer exists: re-analysed from the stored text
    result = run("reanalyze", "--db", str(db), "-q")
    assert result.returncode == 0, result.stderr
    assert "2 re-analysed" in result.stdout
    with Store(db) as store:
        documents = {d["source"]: d for d in store.documents()}
        assert all("narratives" in d["stages"] and d.get("embedding") for d in documents.values())
        assert documents[str(article)]["title"].startswith("Earthquake")
        assert len(list_stories(store)) == 1  # the English report and the French text it now knows as one story
    again = run("reanalyze", "--db", str(db), "-q")
    assert again.returncode == 0 and "0 re-analysed" in again.stdout
