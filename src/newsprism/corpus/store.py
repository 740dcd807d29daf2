"""The persistent corpus store: analysed documents accumulate in one SQLite file (WAL mode).

Every document is stored whole (its ``documents.jsonl`` line) plus query tables derived from it
(entities, technique spans, claims, tone), each row keyed by the document id, all written in one
transaction per document, so a crash or a bad document never leaves a half-written article.

Idempotence: a document's identity is the hash of its normalised body (:func:`content_hash`).
Adding the same content again with the same pipeline version changes nothing; with another
pipeline version (after an upgrade) the stored analysis is replaced.  The schema carries a version
in ``meta``; :data:`MIGRATIONS` brings older files forward in order, and a file written by a newer
newsprism is refused rather than damaged.

Where this stops (issue 6, first session): SQLite only; PostgreSQL behind the same interface,
near-duplicate/syndication linking, stories, narratives and Parquet export come next.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .. import __version__
from ..errors import NewsprismError

SCHEMA_VERSION = 1
BUSY_TIMEOUT_MS = 10_000  # another writer holds the file: wait this long, then a clear error

# Migration N takes a file from schema version N-1 to N.  Never edit a shipped migration: add one.
MIGRATIONS: dict[int, str] = {
    1: """
    CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL,
        url TEXT,
        outlet TEXT,
        outlet_domain TEXT,
        republished_from TEXT,
        title TEXT,
        language TEXT,
        published TEXT,
        words INTEGER NOT NULL,
        technique_density REAL,
        own_voice_density REAL,
        pipeline_version TEXT NOT NULL,
        stages TEXT NOT NULL,
        stored_at TEXT NOT NULL,
        document TEXT NOT NULL
    );
    CREATE INDEX documents_outlet ON documents (outlet);
    CREATE INDEX documents_published ON documents (published);
    CREATE INDEX documents_language ON documents (language);
    CREATE TABLE entities (
        document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        entity_id TEXT NOT NULL,
        name TEXT,
        type TEXT,
        mentions INTEGER NOT NULL,
        PRIMARY KEY (document_id, entity_id)
    );
    CREATE INDEX entities_entity ON entities (entity_id);
    CREATE TABLE techniques (
        document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        technique TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        confidence REAL NOT NULL,
        quoted INTEGER NOT NULL,
        PRIMARY KEY (document_id, position)
    );
    CREATE INDEX techniques_technique ON techniques (technique);
    CREATE TABLE claims (
        document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        score REAL NOT NULL,
        PRIMARY KEY (document_id, position)
    );
    CREATE TABLE tone (
        document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        actor_id TEXT NOT NULL,
        name TEXT,
        score REAL NOT NULL,
        label TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        PRIMARY KEY (document_id, actor_id)
    );
    CREATE INDEX tone_actor ON tone (actor_id);
    """,
}
DERIVED_TABLES = ("entities", "techniques", "claims", "tone")


class StoreError(NewsprismError):
    """The store cannot be opened or written: corrupt, locked, or from a newer newsprism."""


@dataclass
class StoreTally:
    """What one batch did to the store."""

    added: int = 0
    unchanged: int = 0
    reanalysed: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)

    def line(self) -> str:
        failed = f", {len(self.failed)} not stored" if self.failed else ""
        return f"{self.added} added, {self.reanalysed} re-analysed, {self.unchanged} unchanged{failed}"


def content_hash(body: str) -> str:
    """Hash of the body with Unicode, case and white space normalised: the same article text from
    another file, encoding or line wrapping is the same document."""
    text = unicodedata.normalize("NFKC", body).casefold()
    return hashlib.sha256(re.sub(r"\s+", " ", text).strip().encode("utf-8")).hexdigest()


def pipeline_version(stages: Iterable[str]) -> str:
    """What produced an analysis: the newsprism version and the stages that ran."""
    return f"newsprism {__version__}; stages {','.join(stages)}"


class Store:
    """An open corpus store (use as a context manager, or call :meth:`close`)."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # isolation_level=None: transactions are explicit (BEGIN IMMEDIATE … COMMIT) below.
            self._db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            self._db.execute("PRAGMA foreign_keys = ON")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path}: not a usable newsprism store ({error})") from error

    # -- schema -----------------------------------------------------------------------------
    def _version(self) -> int:
        tables = {row[0] for row in self._db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "meta" not in tables:
            if tables:
                raise StoreError(f"{self.path}: an SQLite file, but not a newsprism store (tables: {', '.join(sorted(tables))})")
            return 0
        row = self._db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    def _migrate(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            version = self._version()
            if version > SCHEMA_VERSION:
                raise StoreError(f"{self.path}: written by a newer newsprism (schema {version}, this one reads up to "
                                 f"{SCHEMA_VERSION}); upgrade newsprism to use it")
            if version == 0:
                self._db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            for target in range(version + 1, SCHEMA_VERSION + 1):
                for statement in _statements(MIGRATIONS[target]):
                    self._db.execute(statement)
                self._db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)", (str(target),))
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise

    @property
    def schema_version(self) -> int:
        return self._version()

    # -- writing ----------------------------------------------------------------------------
    def add(self, document: Mapping[str, Any]) -> str:
        """Store one document (a ``documents.jsonl`` record): "added", "unchanged" or "reanalysed"."""
        body = document.get("body") or ""
        digest = content_hash(body)
        version = pipeline_version(document.get("stages") or [])
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            raise StoreError(f"{self.path}: cannot write ({error})") from error
        try:
            existing = self._db.execute("SELECT id, pipeline_version FROM documents WHERE content_hash = ?",
                                        (digest,)).fetchone()
            if existing and existing[1] == version:
                outcome = "unchanged"
            else:
                # Replace the old analysis of this content, and whatever the same input id held before
                # its content changed (derived rows go with it: ON DELETE CASCADE).
                self._db.execute("DELETE FROM documents WHERE id = ? OR content_hash = ?", (str(document["id"]), digest))
                self._insert(document, digest, version)
                outcome = "reanalysed" if existing else "added"
            self._db.execute("COMMIT")
            return outcome
        except BaseException:
            self._db.execute("ROLLBACK")
            raise

    def add_many(self, documents: Iterable[Mapping[str, Any]]) -> StoreTally:
        """Store each document in its own transaction; a bad one is listed, never stops the rest."""
        tally = StoreTally()
        for document in documents:
            try:
                outcome = self.add(document)
            except (sqlite3.IntegrityError, KeyError, TypeError, ValueError) as error:
                tally.failed.append((str(document.get("source", "?")), f"{type(error).__name__}: {error}"))
                continue
            except sqlite3.DatabaseError as error:
                raise StoreError(f"{self.path}: {error}") from error
            setattr(tally, outcome, getattr(tally, outcome) + 1)
        return tally

    def add_jsonl(self, path: Path) -> StoreTally:
        """Stream a run's ``documents.jsonl`` into the store."""
        return self.add_many(_jsonl(Path(path)))

    def _insert(self, document: Mapping[str, Any], digest: str, version: str) -> None:
        doc_id = str(document["id"])
        outlet = document.get("outlet") or {}
        body = document.get("body") or ""
        self._db.execute(
            "INSERT INTO documents (id, content_hash, source, url, outlet, outlet_domain, republished_from, title,"
            " language, published, words, technique_density, own_voice_density, pipeline_version, stages, stored_at,"
            " document) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc_id, digest, str(document.get("source") or ""), document.get("url"), outlet.get("name"),
             outlet.get("domain"), (document.get("republished_from") or {}).get("name"), document.get("title"), document.get("language"), document.get("published"),
             len(body.split()), document.get("technique_density"), document.get("own_voice_density"), version,
             json.dumps(document.get("stages") or []), datetime.now(timezone.utc).isoformat(timespec="seconds"),
             json.dumps(document, ensure_ascii=False)),
        )
        mentions: dict[str, list] = {}
        for entity in document.get("entities") or []:
            if entity.get("id"):
                row = mentions.setdefault(entity["id"], [entity.get("name"), entity.get("type"), 0])
                row[2] += 1
        self._db.executemany("INSERT INTO entities VALUES (?, ?, ?, ?, ?)",
                             [(doc_id, key, *row) for key, row in mentions.items()])
        self._db.executemany(
            'INSERT INTO techniques VALUES (?, ?, ?, ?, ?, ?, ?)',
            [(doc_id, i, t["technique"], t["start"], t["end"], t["confidence"], int(bool(t.get("quoted"))))
             for i, t in enumerate(document.get("techniques") or [])])
        self._db.executemany(
            "INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?)",
            [(doc_id, i, c["text"], c["start"], c["end"], c["score"]) for i, c in enumerate(document.get("claims") or [])])
        self._db.executemany(
            "INSERT INTO tone VALUES (?, ?, ?, ?, ?, ?)",
            [(doc_id, t["id"], t.get("name"), t["score"], t["label"], int(t.get("mentions") or 0))
             for t in document.get("tone") or [] if t.get("id")])

    # -- reading ----------------------------------------------------------------------------
    @property
    def connection(self) -> sqlite3.Connection:
        """The underlying connection, for read-only consumers such as :mod:`.export`."""
        return self._db

    def count(self, table: str = "documents") -> int:
        if table not in ("documents", *DERIVED_TABLES):
            raise ValueError(f"unknown table {table}")
        return self._db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]  # noqa: S608 (name checked)

    def documents(self) -> Iterator[dict]:
        """Every stored document, oldest first."""
        for (text,) in self._db.execute("SELECT document FROM documents ORDER BY stored_at, id"):
            yield json.loads(text)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_store(location: str | Path) -> Store:
    """The store at ``location``: a file path (SQLite).  Database URLs are refused until supported."""
    text = str(location)
    if "://" in text:
        raise StoreError(f"{text}: only SQLite file paths are supported so far (PostgreSQL is coming)")
    return Store(Path(text))


def _statements(script: str) -> list[str]:
    return [part.strip() for part in script.split(";") if part.strip()]


def _jsonl(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)
