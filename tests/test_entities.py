"""Entities stage: recognition, knowledge-base linking across languages, short forms, comments."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
import yaml

from newsprism.entities import find_entities
from newsprism.kb import alias_key, load_actor_kb, loose_key
from newsprism.kb.actors import ACTORS_DIR
from newsprism.model import Comment, Document, EntityType, Paragraph
from newsprism.options import Options

QID = re.compile(r"^(Q[1-9]\d*|np:[a-z_]+:.+)$")


def _doc(body: str, language: str, comments: list[str] = ()) -> Document:
    paragraphs, position = [], 0
    for part in body.split("\n\n"):
        paragraphs.append(Paragraph(start=position, end=position + len(part)))
        position += len(part) + 2
    return Document(
        id="t", source="test", body=body, language=language, paragraphs=paragraphs,
        comments=[Comment(id=f"c{i}", text=text) for i, text in enumerate(comments)],
    )


def _run(body: str, language: str, comments: list[str] = (), options: Options | None = None) -> Document:
    return find_entities(_doc(body, language, comments), options or Options())


def _ids(document: Document, text: str) -> set[str | None]:
    return {e.id for e in document.entities if e.text == text}


# --- the shipped knowledge base ---------------------------------------------------------------

def test_actor_files_are_valid_and_ids_unique():
    ids: set[str] = set()
    files = sorted(ACTORS_DIR.glob("*.yaml"))
    assert files
    for path in files:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data["version"] >= 1
        for entry in data["entries"]:
            assert entry["name"] and EntityType(entry["type"])
            assert any(entry.get("aliases", {}).values()), entry["name"]
            if "id" in entry:
                assert QID.match(entry["id"]), entry
                assert entry["id"] not in ids, f"duplicate id {entry['id']}"
                ids.add(entry["id"])
    kb = load_actor_kb()
    assert len(kb.entries) >= 800
    assert all(QID.match(i) for i in kb.entries)


@pytest.mark.parametrize(
    "names",
    [
        ["ISIS", "ISIL", "IS", "Islamic State", "Daesh", "Daech", "État islamique", "ИГИЛ"],
        ["SDF", "FDS", "QSD", "Syrian Democratic Forces", "Forces démocratiques syriennes"],
        ["Hayat Tahrir al-Sham", "HTS", "Tahrir al-Sham"],
        ["Sergei Lavrov", "Sergueï Lavrov", "Сергей Лавров", "Sergey Lavrov"],
    ],
)
def test_names_in_every_language_resolve_to_one_identity(names):
    kb = load_actor_kb()
    found = {name: {e.id for e in kb.lookup(name)} for name in names}
    assert all(found.values()), found
    common = set.intersection(*found.values())
    assert len(common) == 1, found


def test_acronyms_match_only_as_written():
    kb = load_actor_kb()
    assert kb.lookup("IS") and not kb.lookup("is") and not kb.lookup("Is")


def test_alias_keys_fold_spelling_and_transliteration():
    assert alias_key("al-Hasakah") == alias_key("Al Hasakah") == alias_key("Hasakah")
    assert alias_key("Deir ez-Zor") == alias_key("Deir ez Zor")
    assert loose_key("Deir ez-Zor") == loose_key("Deir Ezzor") == loose_key("Dayr az-Zawr") == loose_key("Дейр-эз-Зор")
    assert loose_key("Hassaké") == loose_key("Hassakeh") == loose_key("al-Hasakah")
    assert loose_key("Raqqa") != loose_key("Homs")


# --- the stage, per language ------------------------------------------------------------------

def test_english_groups_people_and_short_forms():
    doc = _run(
        "French Defence Minister Jean-Yves Le Drian said ISIS had lost ground. Daesh fighters fled east.\n\n"
        "Le Drian added that the Syrian Democratic Forces (SDF) would hold Raqqa. Le Drain, as one agency spelt it, "
        "flew to Amman. It is unclear whether the Islamic State will regroup.",
        "en",
    )
    assert doc.entity_coverage == "full"
    full = _ids(doc, "Jean-Yves Le Drian")
    assert len(full) == 1 and None not in full
    assert _ids(doc, "Le Drian") == full and _ids(doc, "Le Drain") == full
    isis = _ids(doc, "ISIS")
    assert isis == _ids(doc, "Daesh") == _ids(doc, "Islamic State") and None not in isis
    assert {e.type for e in doc.entities if e.id in isis} == {EntityType.ARMED_GROUP}
    assert _ids(doc, "Syrian Democratic Forces") == _ids(doc, "SDF")
    assert not [e for e in doc.entities if e.text.lower() == "is"], "the verb 'is' is not the group IS"
    for entity in doc.entities:
        assert doc.body[entity.start : entity.end] == entity.text


def test_french_kb_decides_types_and_links_across_languages():
    english = _run("ISIS claimed the attack.", "en")
    french = _run(
        "Le ministre des Affaires étrangères Jean-Marc Ayrault a dénoncé Daech. Selon lui, l'État islamique "
        "recule face aux Forces démocratiques syriennes.",
        "fr",
    )
    daech = [e for e in french.entities if e.text == "Daech"]
    assert daech and daech[0].type is EntityType.ARMED_GROUP  # fr_core_news_sm alone calls it a place
    assert daech[0].id == _ids(english, "ISIS").pop()
    assert _ids(french, "État islamique") == {daech[0].id}
    assert any(e.type is EntityType.PERSON and e.linked for e in french.entities if "Ayrault" in e.text)


def test_spanish_and_russian_have_models():
    spanish = _run("El ministro ruso Serguéi Lavrov se reunió en Damasco con Bashar al Asad.", "es")
    assert spanish.entity_coverage == "full"
    assert any(e.type is EntityType.PERSON for e in spanish.entities)
    russian = _run("Министр иностранных дел России Сергей Лавров заявил, что ИГИЛ потерпел поражение.", "ru")
    assert russian.entity_coverage == "full"
    lavrov = [e for e in russian.entities if "Лавров" in e.text]
    assert lavrov and lavrov[0].id == next(iter(load_actor_kb().lookup("Sergei Lavrov"))).id
    assert any(e.type is EntityType.ARMED_GROUP for e in russian.entities)


def test_language_without_model_falls_back_to_names_and_says_so():
    doc = _run("Der Islamische Staat (IS) und die SDF kämpfen bei Rakka. Sergej Lawrow äußerte sich.", "de")
    assert doc.entity_coverage == "reduced"
    assert any("no named-entity model" in w for w in doc.warnings)
    assert any(e.text == "IS" and e.type is EntityType.ARMED_GROUP for e in doc.entities)


def test_unsupported_script_and_no_language():
    for body, language in [("ისლამური სახელმწიფო თავს დაესხა", "ka"), ("☃" * 50, None), ("", "en")]:
        doc = _run(body, language)
        assert doc.entities == [] or all(doc.body[e.start : e.end] == e.text for e in doc.entities)


def test_comment_entities_stay_apart_from_the_body():
    doc = _run(
        "The army entered the town on Monday.",
        "en",
        comments=["Vladimir Putin and Hezbollah are behind this!", "ISIS again."],
    )
    assert not doc.entities or all("Putin" not in e.text for e in doc.entities)
    found = {(e.comment, e.text) for e in doc.comment_entities}
    assert ("c0", "Vladimir Putin") in found and ("c1", "ISIS") in found
    by_id = {c.id: c.text for c in doc.comments}
    assert all(by_id[e.comment][e.start : e.end] == e.text for e in doc.comment_entities)


def test_user_alias_file_adds_an_identity_and_names(tmp_path: Path):
    aliases = tmp_path / "mine.yaml"
    aliases.write_text(
        "version: 1\nentries:\n"
        "- name: Brigade of the Dawn\n  type: armed_group\n  aliases:\n    en: [Brigade of the Dawn, Dawn Brigade]\n",
        encoding="utf-8",
    )
    doc = _run("The Dawn Brigade shelled the road.", "en", options=Options(alias_files=(aliases,)))
    hit = [e for e in doc.entities if e.text == "Dawn Brigade"]
    assert hit and hit[0].type is EntityType.ARMED_GROUP and hit[0].id == "np:armed_group:brigade-of-the-dawn"


def test_unlinked_names_get_stable_ids():
    first = _run("Colonel Ahmad Zidane Haddad met reporters.", "en")
    second = _run("Ahmad Zidane Haddad spoke again.", "en")
    assert _ids(first, "Ahmad Zidane Haddad") == _ids(second, "Ahmad Zidane Haddad") == {"np:person:ahmad-zidane-haddad"}


def test_bounded_time_on_hostile_bodies():
    hostile = [
        ("word " * 40_000, "en"),  # 200k characters without punctuation
        (("ISIS Daesh IS " * 5000), "fr"),
        (("Al-" * 20_000), "en"),
    ]
    for body, language in hostile:
        began = time.perf_counter()
        doc = _run(body, language)
        assert time.perf_counter() - began < 30
        assert all(doc.body[e.start : e.end] == e.text for e in doc.entities)


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_names_only_parse_of_comments_finds_what_the_full_parse_finds(language):
    """Comments skip the parser where the model's NER does not depend on it (measured per model)."""
    from newsprism.nlp import parse_text

    text = (
        "Sergei Lavrov met Jean-Yves Le Drian in Paris on Monday. The Syrian Democratic Forces said "
        "ISIS fighters had left Raqqa.\n\nLe ministre Laurent Fabius a rencontré Ban Ki-moon à New York. "
        "El presidente Bashar al Asad visitó Alepo."
    )
    full = [(n.start, n.end, n.label) for n in parse_text(text, language).ner]
    names_only = [(n.start, n.end, n.label) for n in parse_text(text, language, ner_only=True).ner]
    assert full == names_only


def test_model_noise_is_cleaned_and_institutions_are_organisations():
    spanish = _run("Según el Ministerio de Defensa de España, el presidente Pedro Sánchez viajó a Bruselas.", "es")
    assert not [e for e in spanish.entities if e.text.startswith("Según")]
    ministry = [e for e in spanish.entities if e.text.startswith("Ministerio")]
    assert ministry and ministry[0].type is EntityType.ORGANISATION
    french = _run("Le ministre des Affaires étrangères Jean-Marc Ayrault a parlé à Paris.", "fr")
    assert not [e for e in french.entities if e.text.startswith("ministre")]
    assert any(e.text == "Jean-Marc Ayrault" and e.type is EntityType.PERSON for e in french.entities)


def test_long_comment_threads_get_names_throughout_and_ner_within_the_budget():
    comments = ["Nothing to see here, move along please."] * 40 + ["Vladimir Putin and Abu Mohammad al-Julani again."]
    doc = _run("The army entered the town.", "en", comments=comments, options=Options(comment_ner_chars=500))
    assert any("statistical NER on the first 500 characters" in w for w in doc.warnings)
    assert {e.text for e in doc.comment_entities if e.comment == "c40"} >= {"Vladimir Putin"}


def test_titles_are_not_part_of_a_person_identity():
    doc = _run("General Ahmad Zidane Haddad spoke first. Later, Ahmad Zidane Haddad left for Amman.", "en")
    assert {e.id for e in doc.entities if "Haddad" in e.text} == {"np:person:ahmad-zidane-haddad"}
    assert {e.name for e in doc.entities if "Haddad" in e.text} == {"Ahmad Zidane Haddad"}


def test_a_misspelt_surname_links_to_the_one_known_person_and_only_then():
    kb = load_actor_kb()
    assert kb.similar_person("James Jeffry").name == "James Jeffrey"
    assert kb.similar_person("Sergey Lavrof").name == "Sergey Lavrov"
    assert kb.similar_person("James Smith") is None and kb.similar_person("Jo Li") is None
    doc = _run("US envoy James Jeffry said the troops would stay.", "en")
    assert {e.name for e in doc.entities if "Jeffry" in e.text} == {"James Jeffrey"}


# --- nationality adjectives and plural demonyms (entities.nationals) ---------------------------------

US = "geonames:6252001"


def _linked(document: Document) -> dict[str, tuple[str | None, EntityType]]:
    return {e.text: (e.id, e.type) for e in document.entities}


@pytest.mark.parametrize("language, body, expected", [
    ("fr", "Les forces américaines ont quitté la base. L'armée américaine a démenti. Les troupes d'occupation "
           "américaines restent. L'administration sortante américaine a réagi. Les Américains sont partis.",
     {"forces américaines": EntityType.ARMED_GROUP, "armée américaine": EntityType.ARMED_GROUP,
      "troupes d'occupation américaines": EntityType.ARMED_GROUP,
      "administration sortante américaine": EntityType.ORGANISATION, "Américains": EntityType.ORGANISATION}),
    ("en", "American troops left the base. The Americans said they would return.",
     {"American troops": EntityType.ARMED_GROUP, "Americans": EntityType.ORGANISATION}),
    ("es", "Las tropas estadounidenses salieron de la base. Los estadounidenses lo confirmaron.",
     {"tropas estadounidenses": EntityType.ARMED_GROUP, "estadounidenses": EntityType.ORGANISATION}),
    ("de", "Die US-Truppen und die amerikanischen Soldaten verließen die Basis. Die Amerikaner schwiegen.",
     {"US-Truppen": EntityType.ARMED_GROUP, "amerikanischen Soldaten": EntityType.ARMED_GROUP,
      "Amerikaner": EntityType.ORGANISATION}),
    ("ru", "Американские войска покинули базу. Военные США промолчали.",
     {"Американские войска": EntityType.ARMED_GROUP}),
])
def test_nationality_phrases_link_to_the_country(language, body, expected):
    found = _linked(_run(body, language))
    for text, kind in expected.items():
        assert found.get(text) == (US, kind), (text, found)


def test_nationality_rule_stays_narrow():
    found = _linked(_run("Les touristes américains visitent Paris. Trois Américains ont gagné. "
                         "Les forces françaises et les troupes US sont arrivées.", "fr"))
    assert "touristes américains" not in found  # tourists are not the state
    assert found.get("Américains", (None,))[0] is None  # "trois Américains": people, not the state (no article)
    french = [id_ for text, (id_, _) in found.items() if "forces françaises" in text]
    assert french == ["np:armed_group:french-armed-forces"]  # the knowledge base's name wins
    assert "troupes US" not in found and "US" in found  # the country's own name stays for the places stage
    found = _linked(_run("La majorité des Français a voté. Les Français ont voté dimanche.", "fr"))
    assert not any(e_id for e_id, _ in found.values()), found  # the electorate of domestic news, not the state
    found = _linked(_run("Американцы и украинцы протестовали.", "ru"))  # no article: people or state?
    assert not any(e_id for e_id, _ in found.values()), found
    found = _linked(_run("Many Americans voted. American companies said profits rose.", "en"))
    assert not any(id_ == US for id_, _ in found.values()), found


def test_occupation_forces_refer_back_to_the_force_just_named():
    document = _run("La présence militaire US en Syrie coûte cher. Car les troupes d'occupation qui tuent et "
                    "pillent seront ciblées.\n\nLes troupes d'occupation ont été vues ailleurs.", "fr")
    anaphors = [e for e in document.entities if e.text == "troupes d'occupation"]
    assert len(anaphors) == 1, "only the one with a force in its own or the previous sentence is linked"
    assert anaphors[0].id == US and anaphors[0].source == "nationality+coref"
    document = _run("The ministers met in Geneva. The occupation forces left the town on Monday.", "en")
    assert not any(e.text == "occupation forces" for e in document.entities)  # no force named: no guess


def test_nationality_phrases_take_the_knowledge_bases_military_and_leave_longer_names():
    found = _linked(_run("Les soldats russes et les soldats américains sont arrivés. L'Armée syrienne libre a "
                         "attaqué. Les Forces spéciales américaines sont reparties.", "fr"))
    assert found["soldats russes"][0] == "np:armed_group:russian-armed-forces"  # like "forces russes"
    assert found["soldats américains"][0] == US  # no separate US-forces entry: the country
    assert found["Armée syrienne libre"][0] == "np:armed_group:free-syrian-army"  # a name, not "armée syrienne"
    assert found["Forces spéciales américaines"] == (US, EntityType.ARMED_GROUP)  # NER's unknown name replaced
