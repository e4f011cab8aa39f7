"""What only the PostgreSQL store has: its tables, their version, the change log."""

from __future__ import annotations

import os
import subprocess
import sys

import psycopg
import pytest

from corpus import load_interview
from store import StoreError, open_store
from store.postgres.schema import SCHEMA_VERSION
from tests.conftest import CLEAN_SEED, ROOT

OPEN_AND_ADD = """
import sys
from corpus import load_interview
from store import open_store
from tests.conftest import CLEAN_SEED
with open_store(sys.argv[1]) as store:
    store.add(load_interview(CLEAN_SEED), 0, 10, tags=[sys.argv[2]], author=sys.argv[2])
"""


def test_the_tables_are_made_once_by_processes_opening_a_new_database_at_once(
    pg_db: str,
) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    coders = [f"c{number}" for number in range(4)]
    children = [
        subprocess.Popen([sys.executable, "-c", OPEN_AND_ADD, pg_db, coder], env=env,
                         stderr=subprocess.PIPE, text=True)
        for coder in coders
    ]  # fmt: skip
    for child in children:
        assert child.wait(timeout=60) == 0, child.stderr.read() if child.stderr else ""
    with psycopg.connect(pg_db) as conn:
        assert conn.execute("SELECT version FROM gloss.version").fetchall() == [(SCHEMA_VERSION,)]
    with open_store(pg_db, reading=True) as store:
        assert sorted(a.author for a in store.annotations()) == coders


def test_a_database_of_a_newer_gloss_is_refused(pg_db: str) -> None:
    open_store(pg_db).close()
    with psycopg.connect(pg_db) as conn:
        conn.execute("UPDATE gloss.version SET version = %s", (SCHEMA_VERSION + 1,))
    with pytest.raises(StoreError, match="written by a newer gloss"):
        open_store(pg_db)


def test_the_change_log_keeps_one_row_per_record(pg_db: str) -> None:
    """Readers catch up from the log; it grows with the records, not with the changes."""
    interview = load_interview(CLEAN_SEED)
    with open_store(pg_db) as store:
        made = store.add(interview, 0, 10, tags=["a"], author="ann").annotation
        for number in range(20):
            store.edit(made.id, add=[f"t{number}"])
        store.set_tag("a", colour="red")
        store.set_tag("a", description="the a")
    with psycopg.connect(pg_db) as conn:
        rows = conn.execute("SELECT tbl, name FROM gloss.changes ORDER BY tbl").fetchall()
    assert rows == [("annotations", made.id), ("codebook", "a")]
