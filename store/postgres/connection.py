"""Connecting to the server, and saying in one line why it failed.

Every failure to reach the server (down, wrong password, no such database, a bad URI)
becomes a :class:`~store.errors.StoreError` naming the server as ``--db`` named it with
the password left out (:func:`display`), within :data:`CONNECT_TIMEOUT` seconds. A
connection lost later is :class:`Offline`: the reader says it is offline and retries.
"""

from __future__ import annotations

import re
from typing import Any

import psycopg
from psycopg.conninfo import conninfo_to_dict

from store.errors import Offline, StoreError

CONNECT_TIMEOUT = 10
"""Seconds to wait for the server before saying it cannot be reached (libpq's own)."""
LOCK_TIMEOUT = "15s"
"""How long a change waits for another process's change to finish (as the file lock)."""
APPLICATION = "gloss"

__all__ = ["Offline", "connect", "display", "reason", "unreachable"]

_PASSWORD = re.compile(r"(://[^:/@?#]*):[^@/?#]*@")


def display(uri: str) -> str:
    """``uri`` as messages show it: the server, user and database, never the password."""
    try:
        info = conninfo_to_dict(uri)
    except psycopg.Error:
        return _PASSWORD.sub(r"\1@", uri)
    user, host = info.get("user", ""), str(info.get("host", ""))
    port, name = info.get("port"), info.get("dbname", "")
    at = f"{user}@" if user else ""
    if host.startswith("/"):
        return f"postgresql://{at}/{name}?host={host}"
    return f"postgresql://{at}{host}{f':{port}' if port else ''}/{name}"


def reason(error: BaseException, uri: str) -> str:
    """Why libpq failed, as one short phrase (its first line, without the socket talk)."""
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    for prefix in ("connection failed: ", "connection is bad: "):
        text = text.removeprefix(prefix)
    if " failed: " in text:
        text = text.rsplit(" failed: ", 1)[1]
    text = re.sub(r"^(FATAL|ERROR):\s+", "", text)
    match = _PASSWORD.search(uri)
    if match:  # never repeat a password libpq quoted back (say, from a malformed URI)
        secret = match.group(0)[len(match.group(1)) + 1 : -1]
        if secret:
            text = text.replace(secret, "***")
    return text


def connect(uri: str, *, autocommit: bool = True) -> psycopg.Connection[Any]:
    """A connection to ``uri``; :class:`Offline` (one line, no password) if it fails."""
    try:
        return psycopg.connect(
            uri,
            autocommit=autocommit,
            connect_timeout=CONNECT_TIMEOUT,
            application_name=APPLICATION,
            options=f"-c lock_timeout={LOCK_TIMEOUT}",
        )
    except psycopg.ProgrammingError as error:  # the URI itself
        raise StoreError(
            f"{display(uri)}: not a usable PostgreSQL address ({reason(error, uri)}); "
            "pass --db postgresql://USER:PASSWORD@HOST:PORT/DATABASE"
        ) from None
    except psycopg.Error as error:
        raise Offline(unreachable(uri, error)) from None


def unreachable(uri: str, error: BaseException) -> str:
    """The one line saying the server of ``uri`` cannot be used, and what to do."""
    return (
        f"{display(uri)}: cannot use the database server ({reason(error, uri)}); "
        "check that it is running and the address, user, password and database in --db"
    )
