"""The machinery of the server store: loading, committing under the lock, catching up.

As with the TinyDB file, the data is held in memory (a :class:`~store.view.View`) and
every change is a read-modify-write under one lock: a transaction takes the advisory
lock every writer takes, catches up with the change log, lets the rules decide on the
view as it is now (so :class:`~store.errors.Conflict` and ``NoteConflict`` are checked
inside the transaction), writes the records and their change-log rows, NOTIFYs, and
commits. Only then is the change applied in memory and acknowledged: a change the
server did not commit is never reported as saved.

A lost connection makes every call raise :class:`~store.postgres.connection.Offline`
until the server is back; the next call connects again and catches up from the log.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from types import TracebackType
from typing import Any, Self

import msgspec
import psycopg

from store.errors import StoreError
from store.journal import Op
from store.postgres.connection import Offline, connect, display, reason, unreachable
from store.postgres.live import Listener
from store.postgres.schema import CHANNEL, LOCK_KEY, ensure
from store.rows import ANNOTATIONS, CODEBOOK, CompactRows, gc_paused
from store.view import View

_TABLES = {ANNOTATIONS: ("gloss.annotations", "id"), CODEBOOK: ("gloss.codebook", "path")}
_CATCH_UP = """
    SELECT c.id, c.tbl, c.name, coalesce(a.doc, b.doc)::text
    FROM gloss.changes c
    LEFT JOIN gloss.annotations a ON c.tbl = 'annotations' AND a.id = c.name
    LEFT JOIN gloss.codebook b ON c.tbl = 'codebook' AND b.path = c.name
    WHERE c.id > %s ORDER BY c.id
"""
_LOG = """
    INSERT INTO gloss.changes (tbl, name) VALUES (%s, %s)
    ON CONFLICT (tbl, name) DO UPDATE SET id = nextval('gloss.changes_id_seq'), at = now()
"""


class ServerDatabase:
    """One gloss database on a PostgreSQL server, held in memory; use :meth:`open`."""

    def __init__(self, uri: str) -> None:
        self.path = display(uri)
        self._uri = uri
        self._conn: psycopg.Connection[Any] | None = None
        self._listener = Listener(uri)
        self._mutex = threading.RLock()
        self._view = View(self.path, {})
        self._last = 0
        """The newest change-log id this view holds."""
        self._closed = False
        self._decode = msgspec.json.Decoder()
        self.read_only = False
        self.compaction_problem: str | None = None
        self.changes_seen = 0

    # -- opening and closing ----------------------------------------------------------

    @classmethod
    def open(cls, uri: str, *, reading: bool = False) -> Self:
        """Connect and load everything; the tables are made on first use unless
        ``reading`` (a command that only reads refuses a database without them)."""
        store = cls(uri)
        conn, _ = store._connection()
        try:
            ensure(conn, store.path, create=not reading)
            store._load_all(conn)
        except psycopg.Error as error:
            store.close()
            raise Offline(unreachable(uri, error)) from None
        except BaseException:
            store.close()
            raise
        return store

    def close(self) -> None:
        with self._mutex:
            self._closed = True
            self._listener.close()
            self._drop()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def compact(self) -> None:
        """Nothing to fold in: the server keeps no journal (VACUUM is its own business)."""

    # -- the machinery ----------------------------------------------------------------

    def refresh(self) -> bool:
        """Catch up with everything committed before this call (one indexed query);
        True if anything changed. Offline if the server cannot be reached."""
        return self._look(listen=False)

    def poll(self) -> bool:
        """What a reader's watch calls once a second: catch up only if another process
        committed (heard on the LISTEN socket, no query) or the connection was just
        made again; a change is seen a moment after its commit, not at once."""
        return self._look(listen=True)

    def _look(self, *, listen: bool) -> bool:
        with self._mutex:
            if self._closed:
                return False
            for attempt in (1, 2):
                conn, fresh = self._connection()
                try:
                    heard = self._listener.heard(ignore_pid=conn.info.backend_pid)
                    if listen and not heard:
                        return False
                    if fresh and self._log_went_back(conn):
                        return True
                    return self._catch_up(conn)
                except (psycopg.OperationalError, Offline) as error:
                    # A connection from before the server went away fails once: again.
                    self._drop()
                    if fresh or attempt == 2:
                        raise Offline(unreachable(self._uri, error)) from None
            return False  # not reached

    def _commit(self, change: Callable[[], list[Op]]) -> int:
        """Decide and write ``change`` in one transaction under the writers' lock; apply
        it in memory only once committed. Returns the annotations it touched.

        A connection lost before the commit (one left from before the server restarted)
        is made again and the change decided again; one lost during the commit is not
        retried: the change may or may not be saved, and the message says so.
        """
        with self._mutex:
            if self._closed:
                raise StoreError(f"{self.path}: the database was closed; open it again")
            for attempt in (1, 2):
                try:
                    conn, fresh = self._connection()
                except Offline as error:
                    raise Offline(f"the change was not saved: {error}") from None
                committing = False
                try:
                    # Pipelined: BEGIN, lock and catch-up go as one round trip, the
                    # writes, the NOTIFY and the newest log id as another, then COMMIT.
                    with conn.pipeline(), conn.transaction():
                        conn.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_KEY,))
                        self._catch_up(conn)
                        ops = change()
                        if not ops:
                            return 0
                        last = self._write(conn, ops)
                        committing = True
                    break
                except psycopg.OperationalError as error:
                    self._drop()
                    if not (fresh or committing or attempt == 2):
                        continue
                    maybe = " (it may have been, look again when the server is back)"
                    raise Offline(
                        f"{self.path}: the change was not saved{maybe if committing else ''}: "
                        f"lost the database server ({reason(error, self._uri)}); try again "
                        "when it is back"
                    ) from None
                except psycopg.Error as error:
                    raise StoreError(
                        f"{self.path}: the server refused the change "
                        f"({reason(error, self._uri)}); nothing was saved"
                    ) from None
            for op in ops:
                self._view.apply(op)
            self._last = max(self._last, last)
            return sum(1 for table, _, _ in ops if table == ANNOTATIONS)

    def _write(self, conn: psycopg.Connection[Any], ops: list[Op]) -> int:
        """Write the records of ``ops`` and their change-log rows, NOTIFY; the newest
        log id (this transaction's, as it holds the writers' lock)."""
        for table, _key, doc, name in self._view.entries(ops):
            where, column = _TABLES[table]
            if doc is None:
                conn.execute(f"DELETE FROM {where} WHERE {column} = %s", (name,))
            else:
                text = msgspec.json.encode(doc).decode()
                conn.execute(
                    f"INSERT INTO {where} VALUES (%s, %s::json) ON CONFLICT ({column})"
                    " DO UPDATE SET doc = EXCLUDED.doc",
                    (name, text),
                )
            conn.execute(_LOG, (table, name))
        conn.execute("SELECT pg_notify(%s, '')", (CHANNEL,))
        row = conn.execute("SELECT max(id) FROM gloss.changes").fetchone()
        return (
            max(self._last, int(row[0])) if row is not None and row[0] is not None else self._last
        )

    def _catch_up(self, conn: psycopg.Connection[Any]) -> bool:
        """Apply what others committed since :attr:`_last` (one consistent query)."""
        rows = conn.execute(_CATCH_UP, (self._last,)).fetchall()
        if not rows:
            return False
        decode = CompactRows().decoder()
        for log_id, table, name, text in rows:
            doc = None if text is None else decode(table, self._decode.decode(text))
            self._apply_named(table, name, doc)
            self._last = max(self._last, int(log_id))
        self.changes_seen += 1
        return True

    def _log_went_back(self, conn: psycopg.Connection[Any]) -> bool:
        """After a reconnection: if the log ends before what this view holds (the
        database was restored from a backup, say), read everything again (True)."""
        row = conn.execute("SELECT coalesce(max(id), 0) FROM gloss.changes").fetchone()
        if row is None or int(row[0]) >= self._last:
            return False
        self._load_all(conn)
        self.changes_seen += 1
        return True

    def _apply_named(self, table: str, name: str, doc: Any) -> None:
        """Set or delete the record called ``name`` (an id, a path) in the view."""
        if table == ANNOTATIONS:
            key = self._view.key_of(name)
        elif table == CODEBOOK:
            key = self._view.tag_key(name)
        else:
            return
        if key is None and doc is None:
            return
        self._view.apply((table, key or self._view.new_key(), doc))

    def _load_all(self, conn: psycopg.Connection[Any]) -> None:
        """Read every record and the newest log id in one snapshot."""
        with conn.transaction():
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            row = conn.execute("SELECT coalesce(max(id), 0) FROM gloss.changes").fetchone()
            annotations = conn.execute("SELECT doc::text FROM gloss.annotations").fetchall()
            codebook = conn.execute("SELECT doc::text FROM gloss.codebook").fetchall()
        decode, parse = CompactRows().decoder(), self._decode.decode
        with gc_paused():
            tables: dict[str, dict[str, Any]] = {
                ANNOTATIONS: {
                    str(n): decode(ANNOTATIONS, parse(text))
                    for n, (text,) in enumerate(annotations, 1)
                },
                CODEBOOK: {
                    str(n): parse(text) for n, (text,) in enumerate(codebook, len(annotations) + 1)
                },
            }
            self._view = View(self.path, tables)
        self._last = int(row[0]) if row is not None else 0

    def _connection(self) -> tuple[psycopg.Connection[Any], bool]:
        """The open connection, or (True: fresh) a new one if it was lost."""
        if self._conn is not None and not self._conn.closed:
            return self._conn, False
        self._conn = connect(self._uri)
        return self._conn, True

    def _drop(self) -> None:
        """Forget a connection that failed (the next call connects again)."""
        if self._conn is not None:
            conn, self._conn = self._conn, None
            conn.close()
