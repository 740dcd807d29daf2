"""The narratives stage: samples, generated articles (advancing, translated, reported, debunked, unrelated), bounds."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

import pytest

from newsprism.ingest import iter_inputs
from newsprism.model import Document, Quote, QuoteKind
from newsprism.narratives import MAX_QUOTE_VIEWS, match_document
from newsprism.narratives.match import (
    FEATURES,
    MATCHER_FILE,
    MAX_EVIDENCE,
    MAX_SENTENCES,
    SCAN_CHARS,
    Calibration,
    candidate_sentences,
    shipped_index,
)
from newsprism.narratives.stance import ADVANCES, DEBUNKS, REPORTS, cue_patterns, sentence_stance
from newsprism.options import Options
from newsprism.pipeline import process_document, resolve_stages, run_batch

SAMPLES = Path(str(files("newsprism") / "data" / "samples"))
STAGES = ("narratives",)
# Catalogue narratives about the US / the West supporting, creating or not really fighting ISIS and
# other terrorists (found by reading every catalogue statement and example mentioning them).
US_BACKS_TERRORISTS = {
    "euvsd-1779215c60",  # Terrorists coordinate with US forces in Syria
    "euvsd-e4b7beecc7",  # Daesh was created and trained by the US
    "euvsd-4ae2488ff1",  # The US is the founder and supporter of international terrorist groups
    "euvsd-cf4de51125",  # The West is a terrorist structure / behind terrorist organisations in the Middle East
}

ADVANCING_EN = (
    "US forces help ISIS in Syria\n\n"
    "WASHINGTON (Wire) - The United States created the Islamic State and still supports it. American forces "
    "in Syria coordinate with the terrorists and supply them with weapons, while claiming to fight them. "
    "The Pentagon did not respond to a request for comment on Tuesday."
)
ADVANCING_FR = (
    "Les forces américaines aident Daech en Syrie\n\n"
    "WASHINGTON - Les États-Unis ont créé l'État islamique et le soutiennent toujours. Les forces américaines "
    "en Syrie coordonnent leurs actions avec les terroristes et leur fournissent des armes, tout en prétendant "
    "les combattre. Le Pentagone n'a pas répondu mardi à une demande de commentaire."
)
DEBUNKING = (
    "Russian media push ISIS claim\n\n"
    "MOSCOW (Wire) - Russian state media claimed on Tuesday that the United States created the Islamic State "
    "and still supports it. The claim is false and has been debunked repeatedly by fact-checkers. "
    "The Pentagon did not comment on Tuesday."
)
REPORTING = (
    "Moscow accuses Washington\n\n"
    "MOSCOW (Wire) - Russian state television claimed on Tuesday that the United States created the Islamic "
    "State and still supports it. The US embassy in Moscow did not reply to questions on Wednesday."
)
UNRELATED = {
    "sport": "Arsenal beat Chelsea\n\nLONDON - Arsenal beat Chelsea 2-1 on Saturday with a late goal from Bukayo "
             "Saka, moving three points clear at the top of the Premier League table. Coach Mikel Arteta praised "
             "the players for their spirit in the second half.",
    "weather": "Heavy rain expected\n\nPARIS - Heavy rain and strong winds are expected across northern France this "
               "weekend, the national weather service said on Friday, warning of possible flooding along the Seine. "
               "Temperatures will stay below ten degrees until Tuesday.",
}


@pytest.fixture(scope="module")
def samples() -> dict[str, Document]:
    options = Options(stages=STAGES)
    return {Path(d.source).name[:3]: d for d in run_batch(iter_inputs([str(SAMPLES)], options), options)}


def analyse(text: str, options: Options | None = None) -> Document:
    options = (options or Options()).model_copy(update={"stages": STAGES})
    document = Document(id="t", source="test.txt", raw_text=text)
    result = process_document(document, resolve_stages(options.stages), options)
    assert isinstance(result, Document), result
    return result


def ids(matches) -> set[str]:
    return {match.narrative for match in matches}


def assert_evidence_exact(document: Document) -> None:
    for match in document.narratives + document.narrative_mentions:
        assert 0.0 <= match.score <= 1.0
        assert 1 <= len(match.evidence) <= MAX_EVIDENCE
        for evidence in match.evidence:
            assert document.body[evidence.start:evidence.end] == evidence.text


# ------------------------------------------------------------------------------------------ samples


@pytest.mark.xfail(
    strict=True,
    reason="known gap: 000/001 carry the narrative by implication ('nobody is hurrying up to finalize the "
           "operation', 'largely incapable of fulfilling its declared aim of destroying Daesh'); their sentences "
           "are no closer to the catalogue statements than Syria-war news is (002's 'Egypt Sends Air Support Unit "
           "to Syria' is closer), so the threshold calibrated on held-out data does not pass them",
)
@pytest.mark.parametrize("name", ["000", "001"])
def test_coalition_narrative_advanced_in_propaganda_samples(samples, name):
    document = samples[name]
    advanced = {m.narrative for m in document.narratives if m.stance == ADVANCES}
    assert advanced & US_BACKS_TERRORISTS


def test_coalition_narrative_not_advanced_in_ea_worldview(samples):
    assert not ids(samples["002"].narratives) & US_BACKS_TERRORISTS


def test_samples_output_is_consistent(samples):
    assert set(samples) == {"000", "001", "002", "003", "004"}
    for document in samples.values():
        assert "narratives" in document.stages
        assert all(m.stance == ADVANCES for m in document.narratives)
        assert all(m.stance in (REPORTS, DEBUNKS) for m in document.narrative_mentions)
        assert_evidence_exact(document)
        dumped = json.loads(document.model_dump_json())
        assert "narratives" in dumped and "narrative_mentions" in dumped


# ------------------------------------------------------------------------------------------ generated


def test_wire_article_advancing_a_catalogue_narrative_matches():
    document = analyse(ADVANCING_EN)
    assert ids(document.narratives) & US_BACKS_TERRORISTS
    assert not document.narrative_mentions
    assert_evidence_exact(document)
    best = document.narratives[0]
    assert best.statement and best.evidence[0].similarity > 0.8


def test_same_claim_in_french_matches():
    document = analyse(ADVANCING_FR)
    assert document.language == "fr"
    assert ids(document.narratives) & US_BACKS_TERRORISTS
    assert_evidence_exact(document)


@pytest.mark.parametrize("text, stance", [(DEBUNKING, DEBUNKS), (REPORTING, REPORTS)], ids=["debunks", "reports"])
def test_debunking_or_reporting_article_is_a_mention_not_an_advance(text, stance):
    document = analyse(text)
    assert not ids(document.narratives) & US_BACKS_TERRORISTS
    assert {m.narrative for m in document.narrative_mentions if m.stance == stance} & US_BACKS_TERRORISTS
    assert_evidence_exact(document)


@pytest.mark.parametrize("kind", sorted(UNRELATED))
def test_unrelated_article_matches_nothing(kind):
    document = analyse(UNRELATED[kind])
    assert document.narratives == [] and document.narrative_mentions == []


def test_stored_narratives_have_what_the_cli_prints(tmp_path):
    from newsprism.corpus.store import Store
    from newsprism.corpus.views import narratives_by_document

    document = analyse(ADVANCING_EN)
    with Store(tmp_path / "c.db") as store:
        store.add_many([document.model_dump(mode="json")])
        (row,) = narratives_by_document(store)
        stored = store._backend.execute("SELECT narrative, stance FROM narratives").fetchall()
    assert row["document"] == document.id and row["source"] == document.source
    assert row["narratives"] and {"narrative", "score", "evidence"} <= set(row["narratives"][0])
    assert (row["narratives"][0]["narrative"], "advances") in stored
    json.dumps(row)


def test_user_narratives_from_yaml_are_matched(tmp_path):
    user = tmp_path / "mine.yaml"
    user.write_text(
        "- id: user-moon-cheese\n"
        "  statement: The Moon is made of cheese and space agencies hide it\n"
        "  keywords: [Moon, cheese]\n"
        "  examples: [NASA hides that the Moon is made of cheese, The Moon consists of cheese]\n"
        "  source: https://example.org/our-monitoring-note\n", encoding="utf-8")
    text = ("Space agencies hide the truth: the Moon is made of cheese\n\n"
            "For decades NASA and the European Space Agency have hidden that the Moon is made of cheese, "
            "a blogger wrote on Monday, urging readers to share the revelation before it is censored.\n")
    document = analyse(text, Options(narrative_files=(user,)))
    assert "user-moon-cheese" in {m.narrative for m in document.narratives + document.narrative_mentions}


# ------------------------------------------------------------------------------------------ stance


def test_stance_cues_cover_five_languages():
    patterns = cue_patterns()
    for text in ("This is a baseless conspiracy theory.", "C'est une théorie du complot sans preuve.",
                 "Es un bulo sin pruebas.", "Das ist eine haltlose Verschwörungstheorie.",
                 "Это теория заговора без доказательств."):
        assert patterns["debunk"].search(text), text
    assert patterns["report"].search("He allegedly said so.")
    assert not patterns["debunk"].search("The United States created the Islamic State and still supports it.")


def test_sentence_inside_an_attributed_quote_is_reported():
    body = 'The minister said that "the United States created the Islamic State and still supports it".'
    content = "the United States created the Islamic State and still supports it"
    start = body.index(content)
    quote = Quote(text=content, start=start, end=start + len(content), kind=QuoteKind.DIRECT, cue="said",
                  speaker="The minister")
    assert sentence_stance(body, (0, len(body)), [], [quote]) == REPORTS
    assert sentence_stance(body, (0, len(body)), [], []) == ADVANCES


# ------------------------------------------------------------------------------------------ bounds


def test_calibration_file_matches_the_code():
    calibration = Calibration.load(MATCHER_FILE)
    data = json.loads(MATCHER_FILE.read_text(encoding="utf-8"))
    assert tuple(data["features"]) == FEATURES
    assert 0.0 < calibration.threshold < 1.0
    assert {"fr", "de", "es", "ru", "default"} <= set(calibration.language_maps)
    assert len(shipped_index()) == 448


def test_candidate_sentences_are_bounded_on_huge_bodies():
    sentence = "The United States created the Islamic State and still supports it. "
    body = sentence * 50_000
    spans, position = [], 0
    while position < len(body):
        spans.append((position, position + len(sentence) - 1))
        position += len(sentence)
    chosen = candidate_sentences(body, spans, [])
    assert len(chosen) == MAX_SENTENCES
    assert all(end <= SCAN_CHARS + len(sentence) for _, end in chosen)


def test_huge_hostile_body_is_bounded_and_empty_body_is_safe():
    huge = " ".join(f"Arsenal beat Chelsea {n} to 1 on Saturday in London with a late goal." for n in range(800))
    document = Document(id="h", source="h.txt", body=huge, language="en")  # ~55k characters, 800 sentences
    match_document(document)
    assert len(document.cache["embeddings"]) <= MAX_SENTENCES + MAX_QUOTE_VIEWS
    assert match_document(Document(id="e", source="e.txt", body="")) == ([], [])


def test_a_malformed_user_narrative_file_stops_analyze_with_one_line(tmp_path):
    import subprocess
    import sys

    bad = tmp_path / "bad.yaml"
    bad.write_text("- id: no-source\n  statement: Missing its source\n  keywords: []\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Officials said on Monday that the bridge would reopen next week.\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "newsprism", "analyze", str(article), "-o", str(tmp_path / "out"),
                             "--narratives", str(bad), "-q"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 2 and "bad.yaml" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
