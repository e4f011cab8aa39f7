"""The tables of a gloss database on a PostgreSQL server, made on first use and migrated.

Everything lives in the schema ``gloss`` of the database ``--db`` names, so it sits beside
other tables without touching them:

- ``annotations (id, doc)``: each annotation's document, exactly as the TinyDB file holds
  it (``json``, not ``jsonb``, so any text a note may hold round-trips byte for byte);
- ``codebook (path, doc)``: tag entries and the tombstones of moved or deleted tags;
- ``changes (id, tbl, name, at)``: the change log readers catch up from: one row per
  record, its ``id`` from a sequence taken anew at each change, under the writers' lock,
  so ids grow in commit order and ``id > last seen`` is exactly what is new;
- ``version (version)``: the schema version; :data:`MIGRATIONS` bring an older one up to
  date, under the same lock, so two processes opening a new database make it once.
"""

from __future__ import annotations

from typing import Any

import psycopg

from store.errors import StoreError

SCHEMA_VERSION = 1
LOCK_KEY = 0x676C6F7373
"""The advisory lock every change (and every migration) holds: one writer at a time, as
the TinyDB file's lock."""
CHANNEL = "gloss_changes"
"""The NOTIFY channel a commit signals on; readers LISTEN to it."""

MIGRATIONS: dict[int, tuple[str, ...]] = {
    0: (
        "CREATE SCHEMA IF NOT EXISTS gloss",
        "CREATE TABLE gloss.version (version integer NOT NULL)",
        "CREATE TABLE gloss.annotations (id text PRIMARY KEY, doc json NOT NULL)",
        "CREATE TABLE gloss.codebook (path text PRIMARY KEY, doc json NOT NULL)",
        "CREATE TABLE gloss.changes (id bigserial PRIMARY KEY, tbl text NOT NULL,"
        " name text NOT NULL, at timestamptz NOT NULL DEFAULT now(), UNIQUE (tbl, name))",
        "INSERT INTO gloss.version VALUES (0)",
    ),
}
"""Version N -> N+1: the statements, run in one transaction with the version's update."""


def version_of(conn: psycopg.Connection[Any]) -> int:
    """The schema version of the database (0: no gloss tables yet)."""
    row = conn.execute("SELECT to_regclass('gloss.version') IS NOT NULL").fetchone()
    if row is None or not row[0]:
        return 0
    found = conn.execute("SELECT max(version) FROM gloss.version").fetchone()
    return int(found[0]) if found is not None and found[0] is not None else 0


def ensure(conn: psycopg.Connection[Any], where: str, *, create: bool) -> None:
    """Bring the tables to :data:`SCHEMA_VERSION`, making them if ``create``.

    StoreError if they are missing and not to be made (a command that only reads), or
    written by a newer gloss.
    """
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_KEY,))
        version = version_of(conn)
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{where}: written by a newer gloss (schema {version}, this one reads up to "
                f"{SCHEMA_VERSION}); upgrade gloss to open it"
            )
        if version == 0 and not create:
            raise StoreError(
                f"{where}: no gloss database there (no 'gloss' tables); check --db, or "
                "create it by annotating ('gloss annotate'), importing or 'gloss copy'"
            )
        while version < SCHEMA_VERSION:
            for statement in MIGRATIONS[version]:
                conn.execute(statement)
            version += 1
            conn.execute("UPDATE gloss.version SET version = %s", (version,))
