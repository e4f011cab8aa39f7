"""A PostgreSQL database that cannot be used: one line naming the server (never the
password), a non-zero exit, no traceback, quickly; a lost server is said, and no change
is reported saved that the server did not commit."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus import load_interview
from store import StoreError, open_store
from store.postgres import Offline
from tests import pg_server
from tests.backends import server_uri
from tests.conftest import CLEAN_SEED, run_gloss

SECRET = "s3cret-Pw"


def one_line_refusal(*args: str) -> str:
    result = run_gloss(*args)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert SECRET not in result.stderr
    return result.stderr


@pytest.mark.parametrize(
    ("db", "said"),
    [
        (f"postgresql://ana:{SECRET}@127.0.0.1:1/team", "postgresql://ana@127.0.0.1:1/team"),
        (f"postgres://ana:{SECRET}@/team?host=/nonexistent", "postgresql://ana@/team?host="),
        (f"postgresql://ana:{SECRET}@host/db?nonsense=1", "not a usable PostgreSQL address"),
        (f"postgresql://ana:{SECRET} x@host/db", "not a usable PostgreSQL address"),
    ],
)
def test_a_server_that_cannot_be_reached_is_one_line_without_the_password(
    db: str, said: str
) -> None:
    for command in (["list", "--db", db], ["annotate", "004", "--quote", "the", "--tag", "x",
                                           "--db", db]):  # fmt: skip
        line = one_line_refusal(*command)
        assert said in line


def test_a_missing_database_is_named(pg_server_uri: str | None) -> None:
    if pg_server_uri is None:
        pytest.skip("no PostgreSQL")
    db = server_uri(pg_server_uri, "no_such_database")
    line = one_line_refusal("list", "--db", db)
    assert "no_such_database" in line and "does not exist" in line


def test_a_wrong_password_is_one_line_naming_the_server(pg_server_uri: str | None) -> None:
    """The test server (``tests/pg_server.py``) asks one user for a password."""
    if pg_server_uri is None or "host=/" not in pg_server_uri:
        pytest.skip("needs a test server on a unix socket")
    import psycopg

    with psycopg.connect(pg_server_uri, autocommit=True) as conn:
        conn.execute(f"DROP ROLE IF EXISTS {pg_server.PASSWORD_USER}")
        conn.execute(f"CREATE ROLE {pg_server.PASSWORD_USER} LOGIN PASSWORD 'right-one'")
    host = pg_server_uri.split("host=", 1)[1]
    wrong = f"postgresql://{pg_server.PASSWORD_USER}:{SECRET}@/postgres?host={host}"
    if "no gloss database there" in run_gloss("list", "--db", wrong).stderr:
        pytest.skip("this server asks no password of anyone")
    line = one_line_refusal("list", "--db", wrong)
    assert f"postgresql://{pg_server.PASSWORD_USER}@/postgres?host=" in line
    assert "password authentication failed" in line
    right = wrong.replace(SECRET, "right-one")  # the same address, the right password
    assert "no gloss database there" in run_gloss("list", "--db", right).stderr


def test_a_reading_command_on_a_database_without_gloss_tables_refuses(pg_db: str) -> None:
    line = one_line_refusal("list", "--db", pg_db)
    assert "no gloss database there" in line


def test_a_stopped_server_refuses_changes_and_recovers(tmp_path: Path) -> None:
    """The server goes away under an open store: refresh and every change say so (the
    change is not applied), and once it is back the store catches up and saves again."""
    if not pg_server.available():
        pytest.skip("no PostgreSQL binaries")
    import tempfile

    directory = Path(tempfile.mkdtemp(prefix="gloss-pg-stop-"))
    interview = load_interview(CLEAN_SEED)
    try:
        db = server_uri(pg_server.start(directory), "postgres")
        with open_store(db) as store, open_store(db) as other:
            kept = store.add(interview, 0, 20, tags=["a"], author="ann").annotation
            pg_server.halt(directory)
            with pytest.raises(Offline, match="the change was not saved"):
                store.edit(kept.id, add=["b"])
            with pytest.raises(Offline):
                store.refresh()
            assert store.get(kept.id) == kept  # nothing pretended
            pg_server.restart(directory)
            other.edit(kept.id, add=["from-other"])  # reconnects by itself
            assert store.refresh() is True
            assert store.edit(kept.id, add=["b"]).after.tags == ("a", "b", "from-other")  # type: ignore[union-attr]
    finally:
        pg_server.stop(directory)
    with pytest.raises(StoreError):
        open_store(db)
