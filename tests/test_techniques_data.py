"""The persuasion-technique data layer: taxonomy, PTC mapping, loaders and the dev/test split."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.techniques.data import (
    DEFINITIONS,
    PTC_TO_SEMEVAL,
    SEMEVAL_LANGUAGES,
    TECHNIQUES,
    load_ptc_articles,
    load_semeval_paragraphs,
    split_of,
)

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
SEMEVAL = SHARED / "persuasion-semeval2023"
PTC = SHARED / "ptc"


def needs(path: Path) -> None:
    # The loaders exist to read the development datasets, which sit beside the repository (../shared,
    # as in CI): testing them without the data would test nothing, so their absence is a failure.
    assert path.is_dir(), f"shared development data not found at {path} (clone ../shared beside the repository)"


def test_taxonomy_without_data():
    assert len(TECHNIQUES) == 23 == len(set(TECHNIQUES))
    assert set(DEFINITIONS) == set(TECHNIQUES)
    assert all(d.strip().endswith(".") and len(d) < 200 for d in DEFINITIONS.values())
    assert len(PTC_TO_SEMEVAL) == 14
    assert set(PTC_TO_SEMEVAL.values()) <= set(TECHNIQUES)


def test_names_match_techniques_txt():
    needs(SEMEVAL)
    names = [line.strip() for line in (SEMEVAL / "techniques.txt").read_text(encoding="utf-8").splitlines()]
    assert tuple(name for name in names if name) == TECHNIQUES


@pytest.mark.parametrize("folder", sorted(SEMEVAL_LANGUAGES))
def test_semeval_paragraphs(folder):
    needs(SEMEVAL)
    paragraphs = load_semeval_paragraphs(SHARED, folder)
    label_lines = [
        line for line in (SEMEVAL / folder / "train-labels-subtask-3.txt").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    assert len(paragraphs) == len(label_lines)  # every labelled paragraph found, glued lines cut apart
    assert len({(p.article_id, p.line) for p in paragraphs}) == len(paragraphs)
    assert all(p.language == SEMEVAL_LANGUAGES[folder] for p in paragraphs)
    assert all(p.text and "\t" not in p.text and "\r" not in p.text for p in paragraphs)
    assert all(p.article_id.isdigit() for p in paragraphs)
    labels = {name for p in paragraphs for name in p.labels}
    assert labels <= set(TECHNIQUES), labels - set(TECHNIQUES)
    assert any(p.labels for p in paragraphs) and any(not p.labels for p in paragraphs)


def test_iso_codes_and_glued_rows():
    needs(SEMEVAL)
    german = load_semeval_paragraphs(SHARED, "de")
    assert german == load_semeval_paragraphs(SHARED, "ge")
    by_key = {(p.article_id, p.line): p for p in german}
    # In the file this row is glued to the end of article 2211's last paragraph.
    assert by_key[("2211", 19)].text == "Das ist die wahre Krise."
    assert by_key[("22111", 1)].text.startswith("Kämpfst du noch?")
    with pytest.raises(ValueError):
        load_semeval_paragraphs(SHARED, "es")


def test_ptc_articles_map_onto_semeval_names():
    needs(PTC)
    classes = {
        line.split("\t")[1]
        for path in (PTC / "labels").glob("*.labels")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    assert classes == set(PTC_TO_SEMEVAL)
    articles = load_ptc_articles(SHARED)
    assert len(articles) == 300
    assert sum(len(a.spans) for a in articles) == 5070
    for article in articles:
        for start, end, technique in article.spans:
            assert technique in TECHNIQUES
            assert 0 <= start < end <= len(article.text)
    first = next(a for a in articles if a.id == "111111111")
    assert (149, 157, "Doubt") in first.spans and first.text[149:157] == "appeared"


def test_split_is_deterministic_and_article_disjoint():
    assert split_of("2211") == split_of("2211") in ("dev", "test")
    needs(SEMEVAL)
    paragraphs = [p for folder in ("en", "fr") for p in load_semeval_paragraphs(SHARED, folder)]
    parts: dict[str, set[str]] = {"dev": set(), "test": set()}
    for p in paragraphs:
        parts[split_of(p.article_id)].add(p.article_id)
    assert not parts["dev"] & parts["test"]
    share = len(parts["test"]) / (len(parts["dev"]) + len(parts["test"]))
    assert 0.15 < share < 0.35
