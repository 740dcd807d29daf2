"""Export every table of a corpus store for analysts: Parquet files or one DuckDB database.

DuckDB writes both offline (its Parquet writer is built in; its SQLite and PostgreSQL readers are
extensions that would be downloaded, so rows are read through the store and inserted in batches).
"""

from __future__ import annotations

from pathlib import Path

from .store import DERIVED_TABLES, Store

TABLES = ("documents", *DERIVED_TABLES)
BATCH = 5_000
# SQLite declared types -> DuckDB column types (SQLite stores what it is given; these are the declared ones).
_TYPES = {"TEXT": "VARCHAR", "INTEGER": "BIGINT", "REAL": "DOUBLE", "BLOB": "BLOB"}


def export_store(store: Store, out: Path, fmt: str = "parquet") -> dict[str, int]:
    """Write each table of ``store`` to ``out`` (a folder of ``<table>.parquet`` or ``out`` as a
    ``.duckdb`` file); returns rows per table."""
    import duckdb

    if fmt not in ("parquet", "duckdb"):
        raise ValueError(f"unknown export format {fmt!r} (parquet or duckdb)")
    out = Path(out)
    if fmt == "parquet":
        out.mkdir(parents=True, exist_ok=True)
        target = duckdb.connect()
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.unlink(missing_ok=True)
        target = duckdb.connect(str(out))
    rows: dict[str, int] = {}
    try:
        for table in TABLES:
            columns = store.columns(table)
            names = ", ".join(f'"{name}" {_TYPES.get(kind, "VARCHAR")}' for name, kind in columns)
            target.execute(f'CREATE TABLE "{table}" ({names})')
            placeholders = ", ".join("?" for _ in columns)
            count = 0
            for batch in store.rows(table, BATCH):
                target.executemany(f'INSERT INTO "{table}" VALUES ({placeholders})', batch)
                count += len(batch)
            rows[table] = count
            if fmt == "parquet":
                path = (out / f"{table}.parquet").as_posix().replace("'", "''")
                target.execute(f"COPY \"{table}\" TO '{path}' (FORMAT PARQUET)")
    finally:
        target.close()
    return rows
