"""The corpus store on real SQLite files and a real PostgreSQL server started here: idempotence,
re-analysis, transactions, bad files, a server that goes away, the CLI."""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsprism.corpus import store as store_module
from newsprism.corpus.store import SCHEMA_VERSION, Store, StoreError, content_hash, open_store
from newsprism.model import Document, Entity, TechniqueSpan, Tone

BODY = "The ministry said on Tuesday that 14 people were injured.\n\nThese traitors lie, the mayor said."


def record(doc_id: str = "d1", body: str = BODY, stages=("extract", "techniques"), **extra) -> dict:
    document = Document(
        id=doc_id, source=f"{doc_id}.txt", body=body, language="en", stages=list(stages),
        entities=[Entity(text="ministry", start=4, end=12, type="organisation", id="np:org:ministry", name="Ministry")],
        techniques=[TechniqueSpan(technique="Name_Calling-Labeling", start=body.find("traitors"),
                                  end=body.find("traitors") + 8, text="traitors", confidence=0.8)],
        tone=[Tone(id="np:org:ministry", name="Ministry", score=-0.2, label="neutral", mentions=1)],
        technique_density=10.0,
    )
    return {**document.to_json_dict(), **extra}


def counts(store: Store) -> tuple[int, ...]:
    return tuple(store.count(t) for t in ("documents", "entities", "techniques", "claims", "tone"))


# -- a real PostgreSQL server (Debian's postgresql package), one per test session -------------------

PG_BIN = Path(os.environ.get("NEWSPRISM_PG_BIN", "/usr/lib/postgresql/15/bin"))


def _as_postgres(command: list[str]) -> subprocess.CompletedProcess:
    # PostgreSQL refuses to run as root: as root, run its tools as the postgres system user.
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


class PostgresServer:
    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="newsprism-pg-"))
        self.folder.chmod(0o777)
        self.data = self.folder / "data"
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.databases = itertools.count()

    def start(self) -> str | None:
        """None when started, else why it could not be."""
        if not (PG_BIN / "initdb").exists():
            return f"no PostgreSQL server binaries in {PG_BIN} (Debian package postgresql)"
        if os.geteuid() == 0 and shutil.which("runuser") is None:
            return "running as root without runuser"
        init = _as_postgres([str(PG_BIN / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "newsprism", "--no-sync"])
        if init.returncode:
            return f"initdb failed: {init.stderr.strip()[-300:]}"
        return self._ctl("start")

    def _ctl(self, action: str) -> str | None:
        options = f"-k {self.folder} -p {self.port} -c listen_addresses=127.0.0.1 -c fsync=off"
        result = _as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.folder / "log"), "-w",
                               "-m", "immediate", "-o", options, action])
        return None if result.returncode == 0 else f"pg_ctl {action} failed: {result.stderr.strip()[-300:]}"

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://newsprism@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        import psycopg

        name = f"t{next(self.databases)}"
        with psycopg.connect(self.url(), autocommit=True) as connection:
            connection.execute(f"CREATE DATABASE {name}")
        return self.url(name)

    def stop(self) -> None:
        self._ctl("stop")

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres():
    pytest.importorskip("psycopg", reason="psycopg not installed (extra 'postgres')")
    server = PostgresServer()
    problem = server.start()
    if problem:  # the issue allows a skip, with the reason, only where a server cannot start at all
        server.remove()
        pytest.skip(f"PostgreSQL server could not start here: {problem}")
    yield server
    server.remove()


@pytest.fixture(params=["sqlite", "postgresql"])
def location(request, tmp_path) -> str:
    """A fresh, empty store location on each backend."""
    if request.param == "sqlite":
        return str(tmp_path / "c.db")
    return request.getfixturevalue("postgres").new_database()


def test_new_store_is_wal_with_schema_version(tmp_path):
    with Store(tmp_path / "c.db") as store:
        assert store.schema_version == SCHEMA_VERSION
    connection = sqlite3.connect(tmp_path / "c.db")
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(SCHEMA_VERSION)


def test_adding_the_same_content_again_changes_nothing(location, tmp_path):
    path = location
    with Store(path) as store:
        assert store.add_many([record()]).added == 1
        before = counts(store)
        assert before == (1, 1, 1, 0, 1)
    with Store(path) as store:  # reopened: the same file, the same rows
        tally = store.add_many([record(), record("other-id", BODY.upper().replace(" ", "  "))])
        assert (tally.added, tally.unchanged, tally.reanalysed) == (0, 2, 0)
        assert counts(store) == before


def test_a_newer_pipeline_replaces_the_analysis_without_duplicating_rows(location, tmp_path):
    with Store(location) as store:
        store.add(record())
        assert store.add(record(stages=("extract", "techniques", "tone"))) == "reanalysed"
        assert counts(store) == (1, 1, 1, 0, 1)
        (stored,) = list(store.documents())
        assert stored["stages"] == ["extract", "techniques", "tone"]


def test_changed_content_under_the_same_id_replaces_it(location, tmp_path):
    with Store(location) as store:
        store.add(record())
        assert store.add(record(body=BODY + " More text.")) == "reanalysed"  # the same input (id), analysed again
        assert store.count() == 1 and store.count("techniques") == 1


def test_a_bad_document_is_listed_and_leaves_no_partial_rows(location, tmp_path):
    bad = record("bad", "Another article entirely, with its own words.")
    bad["techniques"] = [{"technique": "Doubt"}]  # no offsets: fails after the document row was inserted
    with Store(location) as store:
        tally = store.add_many([bad, record()])
        assert tally.added == 1 and [source for source, _ in tally.failed] == ["bad.txt"]
        assert counts(store) == (1, 1, 1, 0, 1), "the failed document's rows were rolled back"


def test_corrupt_and_foreign_files_are_refused_with_one_line(tmp_path):
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="not a usable newsprism store"):
        Store(garbage)
    assert garbage.read_bytes() == b"this is not a database" * 100, "nothing written to a file we cannot read"
    foreign = tmp_path / "foreign.db"
    sqlite3.connect(foreign).execute("CREATE TABLE t (x)")
    with pytest.raises(StoreError, match="not a newsprism store"):
        Store(foreign)


def test_a_store_from_a_newer_version_is_refused_and_kept(tmp_path):
    path = tmp_path / "c.db"
    with Store(path) as store:
        store.add(record())
    connection = sqlite3.connect(path)
    connection.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    connection.commit()
    connection.close()
    with pytest.raises(StoreError, match="newer newsprism"):
        Store(path)
    assert sqlite3.connect(path).execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 1


def test_a_locked_store_gives_a_clear_error_and_loses_nothing(tmp_path, monkeypatch):
    path = tmp_path / "c.db"
    with Store(path) as store:
        store.add(record())
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_MS", 200)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process is writing
    try:
        with pytest.raises(StoreError, match="c.db"):  # opening needs the write lock (migrations)
            Store(path)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with Store(path) as store:
        assert store.count() == 1


def test_postgres_store_refuses_a_newer_schema_and_foreign_databases(postgres):
    import psycopg

    url = postgres.new_database()
    with Store(url) as store:
        assert store.schema_version == SCHEMA_VERSION and store.add(record()) == "added"
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("UPDATE meta SET value = %s WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    with pytest.raises(StoreError, match="newer newsprism"):
        Store(url)
    foreign = postgres.new_database()
    with psycopg.connect(foreign, autocommit=True) as connection:
        connection.execute("CREATE TABLE t (x int)")
    with pytest.raises(StoreError, match="not a newsprism store"):
        Store(foreign)
    with pytest.raises(StoreError, match="not a usable newsprism store"):
        Store(postgres.url("no_such_database"))


def test_postgres_going_away_mid_run_keeps_what_was_stored_and_resumes(postgres):
    url = postgres.new_database()
    store = Store(url)
    store.add(record())
    postgres.stop()
    try:
        with pytest.raises(StoreError, match="run again"):
            store.add_many([record("d2", "A second article, written while the server was down.")])
    finally:
        assert postgres._ctl("start") is None
    with Store(url) as resumed:
        assert resumed.count() == 1
        tally = resumed.add_many([record(), record("d2", "A second article, written while the server was down.")])
        assert (tally.added, tally.unchanged) == (1, 1) and resumed.count() == 2


def test_urls_in_messages_hide_passwords():
    with pytest.raises(StoreError) as caught:
        open_store("postgresql://user:secret@127.0.0.1:1/x")
    assert "secret" not in str(caught.value) and "user:***@" in str(caught.value)


@given(st.text(min_size=1, max_size=200), st.sampled_from([" ", "\n", "\t", "  \n "]))
def test_content_hash_ignores_case_and_white_space(text, gap):
    words = text.split()
    assert content_hash(" ".join(words)) == content_hash(gap.join(w.upper() for w in words) + gap)


def test_different_text_hashes_differently():
    assert content_hash("Russia said yes.") != content_hash("Russia said no.")


def test_cli_analyze_with_db_is_idempotent(tmp_path):
    article = tmp_path / "in" / "a.txt"
    article.parent.mkdir()
    article.write_text("Officials said on Monday that the bridge would reopen next week after repairs.\n\n"
                       "The transport ministry said the work cost 2 million euros.\n", encoding="utf-8")
    db = tmp_path / "corpus.db"
    command = [sys.executable, "-m", "newsprism", "analyze", str(article.parent), "-o", str(tmp_path / "out"),
               "--quiet", "--no-report", "--stages", "extract,language,metadata", "--db", str(db)]
    first = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stderr
    assert "(1 added, 0 re-analysed, 0 unchanged)" in first.stdout
    second = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert second.returncode == 0 and "(0 added, 0 re-analysed, 1 unchanged)" in second.stdout
    (db.parent / "bad.db").write_text("not a database", encoding="utf-8")
    bad = subprocess.run(command[:-1] + [str(db.parent / "bad.db")], capture_output=True, text=True, timeout=300)
    assert bad.returncode == 3 and "not a usable newsprism store" in bad.stderr
    assert len(bad.stderr.strip().splitlines()) == 1


def test_export_writes_every_table_as_parquet_and_duckdb(location, tmp_path):
    import duckdb

    from newsprism.corpus.export import TABLES, export_store

    with Store(location) as store:
        store.add_many([record(), record("d2", "A second article about something else entirely.")])
        parquet = export_store(store, tmp_path / "tables")
        assert parquet == {"documents": 2, "entities": 2, "techniques": 2, "claims": 0, "tone": 2, "narratives": 0,
                           "story_features": 2, "minhash_bands": 0}
        export_store(store, tmp_path / "c.duckdb", "duckdb")
        with pytest.raises(ValueError):
            export_store(store, tmp_path / "x", "csv")
    for table in TABLES:
        assert (tmp_path / "tables" / f"{table}.parquet").is_file()
    rows = duckdb.sql(f"SELECT technique, confidence, quoted FROM '{tmp_path / 'tables' / 'techniques.parquet'}'").fetchall()
    assert sorted(rows) == [("Name_Calling-Labeling", 0.8, 0)] * 2
    connection = duckdb.connect(str(tmp_path / "c.duckdb"))
    assert connection.sql("SELECT COUNT(*) FROM documents").fetchone()[0] == 2
    assert connection.sql("SELECT typeof(words) FROM documents LIMIT 1").fetchone()[0] == "BIGINT"


def _story_record(doc_id: str, body: str, vector, **extra) -> dict:
    return record(doc_id, body, stages=("extract", "embedding"), embedding=[float(x) for x in vector], **extra)


def test_copies_and_stories_on_both_backends(location):
    from newsprism.corpus.views import list_stories

    rng = np.random.default_rng(7)
    story = rng.normal(size=384)
    story /= np.linalg.norm(story)
    other = rng.normal(size=384)
    other /= np.linalg.norm(other)
    text = " ".join(f"word{i}" for i in range(60))
    copy = " ".join(f"word{i}" for i in range(59)) + " changed"
    documents = [
        _story_record("a", text + " traitors", story, published="2024-03-01"),
        _story_record("b", "A different report of the same event, written by another outlet about the traitors.", story,
                      published="2024-03-01", language="fr"),
        _story_record("c", copy + " traitors", story, published="2024-03-02",
                      outlet={"name": "Reposter", "domain": "reposter.example"}),
        _story_record("d", "An unrelated story about something else entirely and the traitors.", other),
    ]
    with Store(location) as store:
        tally = store.add_many(documents)
        assert tally.added == 4, tally.failed
        rows = dict((r[0], r[1:]) for r in store._backend.execute("SELECT id, story_id, duplicate_of FROM documents"))
        assert rows["c"][1] == "a"  # the later, near-identical text is a copy of the first
        assert rows["a"][0] == rows["b"][0] == rows["c"][0] != rows["d"][0]
        stories = {s["id"]: s for s in list_stories(store)}
        assert stories[rows["a"][0]]["size"] == 2 and stories[rows["a"][0]]["copies"] == 1
        assert store.recluster(1.0) >= 2
        (blob,) = store._backend.execute("SELECT vector FROM story_features WHERE document_id = 'a'").fetchone()
        assert np.allclose(np.frombuffer(bytes(blob), dtype=np.float32), story, atol=1e-5)
