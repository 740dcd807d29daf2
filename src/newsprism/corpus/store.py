"""The persistent corpus store: analysed documents accumulate in one SQLite file (WAL mode).

Every document is stored whole (its ``documents.jsonl`` line) plus query tables derived from it
(entities, technique spans, claims, tone), each row keyed by the document id, all written in one
transaction per document, so a crash or a bad document never leaves a half-written article.

Idempotence: a document's identity is the hash of its normalised body (:func:`content_hash`).
Adding the same content again with the same pipeline version changes nothing; with another
pipeline version (after an upgrade) the stored analysis is replaced.  The schema carries a version
in ``meta``; :data:`MIGRATIONS` brings older files forward in order, and a file written by a newer
newsprism is refused rather than damaged.

The same store lives in PostgreSQL when ``location`` is a ``postgresql://`` URL (psycopg, extra
``postgres``): the SQL is written once (``?`` placeholders; :class:`_PostgresBackend` adapts it),
and advisory locks take the place of SQLite's database-wide write lock.

Each document is also linked, in the same transaction, to its original if it is a copy and to
its story (:mod:`.stories`); catalogued narratives it carries go to the ``narratives`` table.
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
from .stories import STORY_THRESHOLD_KEY, StoryLinker

SCHEMA_VERSION = 2
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
    2: """
    ALTER TABLE documents ADD COLUMN story_id TEXT;
    ALTER TABLE documents ADD COLUMN duplicate_of TEXT;
    ALTER TABLE documents ADD COLUMN duplicate_similarity REAL;
    CREATE INDEX documents_story ON documents (story_id);
    CREATE INDEX documents_duplicate_of ON documents (duplicate_of);
    CREATE TABLE story_features (
        document_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
        vector BLOB,
        minhash BLOB,
        features TEXT NOT NULL
    );
    CREATE TABLE minhash_bands (
        document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        band INTEGER NOT NULL,
        bucket INTEGER NOT NULL,
        PRIMARY KEY (document_id, band)
    );
    CREATE INDEX minhash_bands_bucket ON minhash_bands (band, bucket);
    CREATE TABLE narratives (
        document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        narrative TEXT NOT NULL,
        stance TEXT NOT NULL,
        score REAL NOT NULL,
        PRIMARY KEY (document_id, narrative)
    );
    CREATE INDEX narratives_narrative ON narratives (narrative);
    """,
}
DERIVED_TABLES = ("entities", "techniques", "claims", "tone", "narratives", "story_features", "minhash_bands")


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


def document_key(document: Mapping[str, Any]) -> str:
    """A stored document's identity: its normalised body as published by its outlet.  The same text
    from another file is the same document; the same text republished by another outlet (or saying it
    is a republication) is another document, linked to the first as a copy (:mod:`.stories`)."""
    outlet = document.get("outlet") or {}
    publisher = "\x00".join(filter(None, (outlet.get("domain") or outlet.get("name"),
                                           (document.get("republished_from") or {}).get("name"))))
    body = document.get("body") or ""
    return content_hash(f"{body}\x00{publisher}" if publisher else body)


def pipeline_version(stages: Iterable[str]) -> str:
    """What produced an analysis: the newsprism version and the stages that ran."""
    return f"newsprism {__version__}; stages {','.join(stages)}"


class _Backend:
    """What differs between SQLite and PostgreSQL; the SQL itself is written once, with ``?``."""

    name = "sqlite"
    begin = "BEGIN IMMEDIATE"  # take the write lock now: a concurrent writer waits, never deadlocks
    data_errors: tuple[type[BaseException], ...] = (sqlite3.IntegrityError,)
    database_errors: tuple[type[BaseException], ...] = (sqlite3.DatabaseError,)

    def __init__(self, location: str):
        self.location = location
        path = Path(location)
        path.parent.mkdir(parents=True, exist_ok=True)
        # isolation_level=None: transactions are explicit (BEGIN … COMMIT) in Store.
        self.connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        self.connection.execute("PRAGMA foreign_keys = ON")
        self.connection.execute("PRAGMA journal_mode = WAL")
        self.connection.execute("PRAGMA synchronous = NORMAL")

    def sql(self, statement: str) -> str:
        return statement

    def execute(self, statement: str, parameters: tuple = ()):
        return self.connection.execute(self.sql(statement), parameters)

    def executemany(self, statement: str, rows: list[tuple]) -> None:
        if rows:
            self.connection.cursor().executemany(self.sql(statement), rows)

    def tables(self) -> set[str]:
        return {row[0] for row in self.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}

    def columns(self, table: str) -> list[tuple[str, str]]:
        return [(row[1], row[2].upper()) for row in self.execute(f'PRAGMA table_info("{table}")')]


class _PostgresBackend(_Backend):
    name = "postgresql"
    begin = "BEGIN"  # row locks and the meta row serialise writers (see Store.add)

    def __init__(self, location: str):
        try:
            import psycopg
        except ImportError as error:
            raise StoreError("PostgreSQL stores need psycopg: pip install 'newsprism[postgres]'") from error
        self.location = location
        self.data_errors = (psycopg.errors.IntegrityError, psycopg.errors.DataError)
        self.database_errors = (psycopg.Error,)
        self.connection = psycopg.connect(location, autocommit=True, connect_timeout=10)
        self.connection.execute(f"SET lock_timeout = {BUSY_TIMEOUT_MS}")

    def sql(self, statement: str) -> str:
        # Schema types: REAL is 4-byte in PostgreSQL; the placeholders are %s.
        return statement.replace(" REAL", " DOUBLE PRECISION").replace(" BLOB", " BYTEA").replace("?", "%s")

    def tables(self) -> set[str]:
        return {row[0] for row in self.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")}

    def columns(self, table: str) -> list[tuple[str, str]]:
        types = {"text": "TEXT", "integer": "INTEGER", "double precision": "REAL", "bytea": "BLOB"}
        return [(name, types.get(kind, "TEXT")) for name, kind in self.execute(
            "SELECT column_name, data_type FROM information_schema.columns"
            " WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position", (table,))]


class Store:
    """An open corpus store (use as a context manager, or call :meth:`close`).

    ``location`` is an SQLite file path, or a ``postgresql://`` URL for a PostgreSQL database.
    ``story_threshold`` (kept in the store once given) overrides the shipped same-story threshold;
    ``similarity_model`` the shipped same-story model (training uses this).
    """

    def __init__(self, location: Path | str, story_threshold: float | None = None, similarity_model=None):
        text = str(location)
        self.is_postgres = text.startswith(("postgresql://", "postgres://"))
        self.path = text if self.is_postgres else Path(text)
        backend_class = _PostgresBackend if self.is_postgres else _Backend
        errors = _connect_errors()
        try:
            self._backend = backend_class(text)
            self._migrate()
        except StoreError:
            raise
        except errors as error:
            raise StoreError(f"{_redact(text)}: not a usable newsprism store ({_one_line(error)})") from error
        if story_threshold is not None:
            self.set_meta(STORY_THRESHOLD_KEY, f"{story_threshold:g}")
        stored = self.meta(STORY_THRESHOLD_KEY)
        self.linker = StoryLinker(self._backend, float(stored) if stored else None, similarity_model)

    # -- schema -----------------------------------------------------------------------------
    def _version(self) -> int:
        tables = self._backend.tables()
        if "meta" not in tables:
            if tables:
                raise StoreError(f"{self._name}: a database, but not a newsprism store (tables: {', '.join(sorted(tables))})")
            return 0
        row = self._backend.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    @property
    def _name(self) -> str:
        return _redact(str(self.path))

    def _migrate(self) -> None:
        backend = self._backend
        backend.execute(backend.begin)
        try:
            if self.is_postgres:  # one migrating process at a time
                backend.execute("SELECT pg_advisory_xact_lock(7135301)")
            version = self._version()
            if version > SCHEMA_VERSION:
                raise StoreError(f"{self._name}: written by a newer newsprism (schema {version}, this one reads up to "
                                 f"{SCHEMA_VERSION}); upgrade newsprism to use it")
            if version == 0:
                backend.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            for target in range(version + 1, SCHEMA_VERSION + 1):
                for statement in _statements(MIGRATIONS[target]):
                    backend.execute(statement)
                backend.execute("DELETE FROM meta WHERE key = 'schema_version'")
                backend.execute("INSERT INTO meta (key, value) VALUES ('schema_version', ?)", (str(target),))
            backend.execute("COMMIT")
        except BaseException:
            backend.execute("ROLLBACK")
            raise

    @property
    def schema_version(self) -> int:
        return self._version()

    def meta(self, key: str) -> str | None:
        row = self._backend.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        backend = self._backend
        backend.execute(backend.begin)
        backend.execute("DELETE FROM meta WHERE key = ?", (key,))
        backend.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (key, value))
        backend.execute("COMMIT")

    # -- writing ----------------------------------------------------------------------------
    def add(self, document: Mapping[str, Any]) -> str:
        """Store one document (a ``documents.jsonl`` record): "added", "unchanged" or "reanalysed"."""
        backend = self._backend
        digest = document_key(document)
        version = pipeline_version(document.get("stages") or [])
        try:
            backend.execute(backend.begin)
        except backend.database_errors as error:
            raise StoreError(f"{self._name}: cannot write ({_one_line(error)}); documents stored so far are kept, "
                             "run again to add the rest") from error
        try:
            if self.is_postgres:  # two writers adding the same content: the second waits, then sees it
                backend.execute("SELECT pg_advisory_xact_lock(hashtext(?))", (digest,))
            existing = backend.execute("SELECT id, pipeline_version FROM documents WHERE content_hash = ?",
                                       (digest,)).fetchone()
            linked = None
            if existing and existing[1] == version:
                outcome = "unchanged"
            else:
                # Replace the old analysis of this content, and whatever the same input id held before
                # its content changed (derived rows go with it: ON DELETE CASCADE).
                same_input = backend.execute("SELECT 1 FROM documents WHERE id = ?", (str(document["id"]),)).fetchone()
                backend.execute("DELETE FROM documents WHERE id = ? OR content_hash = ?", (str(document["id"]), digest))
                if existing:
                    self.linker.drop(existing[0])
                self.linker.drop(str(document["id"]))
                self._insert(document, digest, version)
                linked = self.linker.link(document)
                outcome = "reanalysed" if existing or same_input else "added"
            backend.execute("COMMIT")
            if linked is not None:
                self.linker.committed(document, linked)
            return outcome
        except BaseException:
            self.linker.forget()
            try:
                backend.execute("ROLLBACK")
            except backend.database_errors:
                pass  # the connection is gone: the server rolled the transaction back itself
            raise

    def add_many(self, documents: Iterable[Mapping[str, Any]]) -> StoreTally:
        """Store each document in its own transaction; a bad one is listed, never stops the rest."""
        tally = StoreTally()
        backend = self._backend
        for document in documents:
            try:
                outcome = self.add(document)
            except (*backend.data_errors, KeyError, TypeError, ValueError) as error:
                tally.failed.append((str(document.get("source", "?")), f"{type(error).__name__}: {_one_line(error)}"))
                continue
            except backend.database_errors as error:
                raise StoreError(f"{self._name}: {_one_line(error)} (documents stored so far are kept; "
                                 "run again to add the rest)") from error
            setattr(tally, outcome, getattr(tally, outcome) + 1)
        return tally

    def add_jsonl(self, path: Path) -> StoreTally:
        """Stream a run's ``documents.jsonl`` into the store."""
        return self.add_many(_jsonl(Path(path)))

    def _insert(self, document: Mapping[str, Any], digest: str, version: str) -> None:
        backend = self._backend
        doc_id = str(document["id"])
        outlet = document.get("outlet") or {}
        body = document.get("body") or ""
        backend.execute(
            "INSERT INTO documents (id, content_hash, source, url, outlet, outlet_domain, republished_from, title,"
            " language, published, words, technique_density, own_voice_density, pipeline_version, stages, stored_at,"
            " document) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc_id, digest, str(document.get("source") or ""), document.get("url"), outlet.get("name"),
             outlet.get("domain"), (document.get("republished_from") or {}).get("name"), document.get("title"),
             document.get("language"), document.get("published"),
             len(body.split()), document.get("technique_density"), document.get("own_voice_density"), version,
             json.dumps(document.get("stages") or []), datetime.now(timezone.utc).isoformat(timespec="seconds"),
             json.dumps(document, ensure_ascii=False)),
        )
        mentions: dict[str, list] = {}
        for entity in document.get("entities") or []:
            if entity.get("id"):
                row = mentions.setdefault(entity["id"], [entity.get("name"), entity.get("type"), 0])
                row[2] += 1
        backend.executemany("INSERT INTO entities VALUES (?, ?, ?, ?, ?)",
                            [(doc_id, key, *row) for key, row in mentions.items()])
        backend.executemany(
            "INSERT INTO techniques VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(doc_id, i, t["technique"], t["start"], t["end"], t["confidence"], int(bool(t.get("quoted"))))
             for i, t in enumerate(document.get("techniques") or [])])
        backend.executemany(
            "INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?)",
            [(doc_id, i, c["text"], c["start"], c["end"], c["score"]) for i, c in enumerate(document.get("claims") or [])])
        backend.executemany(
            "INSERT INTO narratives VALUES (?, ?, ?, ?)",
            [(doc_id, n["narrative"], n.get("stance") or "advances", n["score"])
             for n in [*(document.get("narratives") or []), *(document.get("narrative_mentions") or [])]])
        backend.executemany(
            "INSERT INTO tone VALUES (?, ?, ?, ?, ?, ?)",
            [(doc_id, t["id"], t.get("name"), t["score"], t["label"], int(t.get("mentions") or 0))
             for t in document.get("tone") or [] if t.get("id")])

    def recluster(self, threshold: float | None = None) -> int:
        """Regroup the stored documents into stories (with a new threshold, kept in the store)."""
        if threshold is not None:
            self.set_meta(STORY_THRESHOLD_KEY, f"{threshold:g}")
            self.linker.threshold = threshold
        backend = self._backend
        backend.execute(backend.begin)
        try:
            stories = self.linker.recluster()
            backend.execute("COMMIT")
            return stories
        except BaseException:
            self.linker.forget()
            backend.execute("ROLLBACK")
            raise

    def outdated(self, version: str) -> list[tuple[str, str]]:
        """(id, source) of the documents analysed by another pipeline version than ``version``."""
        return [tuple(row) for row in self._backend.execute(
            "SELECT id, source FROM documents WHERE pipeline_version <> ? ORDER BY stored_at, id", (version,))]

    def document(self, doc_id: str) -> dict | None:
        row = self._backend.execute("SELECT document FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return json.loads(row[0]) if row else None

    # -- reading ----------------------------------------------------------------------------
    def columns(self, table: str) -> list[tuple[str, str]]:
        """(name, declared type: TEXT, INTEGER or REAL) of each column of a store table."""
        return self._backend.columns(_table(table))

    def rows(self, table: str, batch: int = 5_000) -> Iterator[list[tuple]]:
        """A table's rows in batches."""
        cursor = self._backend.execute(f'SELECT * FROM "{_table(table)}"')  # noqa: S608 (name checked)
        while chunk := cursor.fetchmany(batch):
            yield [tuple(row) for row in chunk]

    def count(self, table: str = "documents") -> int:
        return self._backend.execute(f'SELECT COUNT(*) FROM "{_table(table)}"').fetchone()[0]  # noqa: S608

    def documents(self) -> Iterator[dict]:
        """Every stored document, oldest first."""
        for (text,) in self._backend.execute("SELECT document FROM documents ORDER BY stored_at, id").fetchall():
            yield json.loads(text)

    def close(self) -> None:
        self._backend.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_store(location: str | Path) -> Store:
    """The store at ``location``: an SQLite file path, or a ``postgresql://`` URL."""
    return Store(location)


def _table(name: str) -> str:
    if name not in ("documents", *DERIVED_TABLES):
        raise ValueError(f"unknown table {name}")
    return name


def _connect_errors() -> tuple[type[BaseException], ...]:
    errors: tuple[type[BaseException], ...] = (sqlite3.DatabaseError, OSError)
    try:
        import psycopg

        errors += (psycopg.Error,)
    except ImportError:
        pass
    return errors


def _redact(location: str) -> str:
    """A database URL without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@/]*@", r"\1:***@", location)


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split())


def _statements(script: str) -> list[str]:
    return [part.strip() for part in script.split(";") if part.strip()]


def _jsonl(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)
