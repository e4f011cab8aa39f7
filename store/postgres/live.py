"""Hearing other processes' changes: LISTEN on the change channel.

A commit NOTIFYs :data:`~store.postgres.schema.CHANNEL`; a reader asks :meth:`heard`
once a second, which only looks at what arrived on its socket (no query, no polling of
tables). NOTIFY is not kept for a listener that was away, so after a (re)connection
:meth:`heard` says yes once and the reader catches up from the change log.
"""

from __future__ import annotations

from typing import Any

import psycopg

from store.postgres.connection import Offline, connect, unreachable
from store.postgres.schema import CHANNEL


class Listener:
    """One LISTEN connection, opened when first asked and again after it is lost."""

    def __init__(self, uri: str) -> None:
        self._uri = uri
        self._conn: psycopg.Connection[Any] | None = None

    def heard(self, *, ignore_pid: int | None = None) -> bool:
        """True if another session committed a change since last asked, or if the
        connection was (re)made just now (what came meanwhile was not heard).

        ``ignore_pid``: the caller's own writing session, whose commits it knows.
        :class:`Offline` if the server cannot be reached.
        """
        if self._conn is None:
            conn = connect(self._uri)
            try:
                conn.execute(f"LISTEN {CHANNEL}")
            except psycopg.Error as error:
                conn.close()
                raise Offline(unreachable(self._uri, error)) from None
            self._conn = conn
            return True
        try:
            notes = list(self._conn.notifies(timeout=0))
        except psycopg.Error as error:
            self.close()
            raise Offline(unreachable(self._uri, error)) from None
        return any(note.pid != ignore_pid for note in notes)

    def close(self) -> None:
        if self._conn is not None:
            conn, self._conn = self._conn, None
            conn.close()
