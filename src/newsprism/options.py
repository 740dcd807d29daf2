"""One options object that travels through the whole pipeline (as trafilatura's ``Extractor``)."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, Field

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
    # pipeline
    stages: tuple[str, ...] | None = Field(default=None, description="Subset of stages to run; None = all")
    jobs: int = 1
