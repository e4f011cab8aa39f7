"""The store's tests run over every backend: a TinyDB file and a PostgreSQL database.

``db`` fixtures built on :func:`any_db` yield what ``--db`` would name: a file path in
``tmp_path``, or the URI of a new database (CREATE DATABASE, dropped after) on a server,
so each test and each xdist worker has its own. The server is ``$GLOSS_TEST_PG`` (a
``postgresql://`` URI or a socket directory) if set, else one this run starts and stops
(:mod:`tests.pg_server`); with neither, the PostgreSQL cases are skipped.
"""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from tests import pg_server

BACKENDS = ("tinydb", "postgres")
PG_ENV = "GLOSS_TEST_PG"


def server_uri(uri: str, database: str) -> str:
    """The URI of ``database`` on the server ``uri`` names (user, host, port kept)."""
    from psycopg.conninfo import conninfo_to_dict

    info = conninfo_to_dict(uri)
    user = quote(str(info.get("user", "")), safe="")
    secret = f":{quote(str(info['password']), safe='')}" if info.get("password") else ""
    host, port = str(info.get("host", "")), info.get("port")
    at = f"{user}{secret}@" if user else ""
    if host.startswith("/") or not host:
        query = f"?host={host}" if host else ""
        query += f"&port={port}" if port and host else ""
        return f"postgresql://{at}/{database}{query}"
    return f"postgresql://{at}{host}{f':{port}' if port else ''}/{database}"


@pytest.fixture(scope="session")
def pg_server_uri() -> Iterator[str | None]:
    """The test server's URI (its ``postgres`` database), or None if there is none."""
    given = os.environ.get(PG_ENV)
    if given:
        yield pg_server.uri(Path(given)) if given.startswith("/") else given
        return
    if not pg_server.available():
        yield None
        return
    # A short path: a unix socket's path must stay under about 100 bytes.
    directory = Path(tempfile.mkdtemp(prefix="gloss-pg-"))
    try:
        yield pg_server.start(directory)
    finally:
        pg_server.stop(directory)


def new_database(server: str) -> tuple[str, str]:
    """A new empty database on ``server``: (its name, its URI)."""
    import psycopg

    name = f"gloss_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name} TEMPLATE template0")
    return name, server_uri(server, name)


def drop_database(server: str, name: str) -> None:
    import psycopg

    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def pg_db(pg_server_uri: str | None) -> Iterator[str]:
    """The URI of a new, empty PostgreSQL database for this test (skipped without a server)."""
    if pg_server_uri is None:
        pytest.skip(f"no PostgreSQL: set ${PG_ENV} or install PostgreSQL 15")
    name, uri = new_database(pg_server_uri)
    try:
        yield uri
    finally:
        drop_database(pg_server_uri, name)


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """Which backend this run of the test uses."""
    name: str = request.param
    return name


def any_db(request: pytest.FixtureRequest, backend: str, file: Path) -> Path | str:
    """``file`` for the TinyDB run, a new PostgreSQL database's URI for the other."""
    if backend == "tinydb":
        return file
    uri: str = request.getfixturevalue("pg_db")
    return uri
