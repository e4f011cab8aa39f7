"""The database machinery under the store: opening, the lock, catching up, compacting.

Every change is a read-modify-write under the cross-process lock: bring the in-memory
view up to date with what other processes wrote, decide, append the change durably to the
journal, then apply it in memory. A method that changes something returns only after the
change is on disk. Reads are served from memory; :meth:`Database.refresh` cheaply notices
(by file size, mtime and inode) that another process wrote and reads just what it
appended. :class:`store.store.AnnotationStore` adds what the data means.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from store.codec import to_doc, unpack
from store.dbpath import check_database_path
from store.durable import durable_copy
from store.errors import LockUnavailable, StoreError
from store.journal import LOCK_TIMEOUT, JournalFile, Op, Stamp, Tables
from store.journal_format import Entry, replayed
from store.rows import ANNOTATIONS, CompactRows, gc_paused
from store.schema import SCHEMA_VERSION, backup_path, empty_tables, migrate, version_of
from store.view import View

COMPACT_MIN_BYTES = 512 * 1024
"""The journal is folded into the main file once it is this big and bigger than a quarter
of the main file: the rewrite then costs a fixed multiple of the appends it replaces
(amortised O(1) per change), and opening never replays more than a quarter extra."""
COMPACT_FRACTION = 4
CLOSE_COMPACT_MAX_BYTES = 1024 * 1024
READ_ATTEMPTS = 5
"""Reads without the lock (a read-only place) before giving up on a file that keeps changing."""
"""On close, small databases are compacted so that plain TinyDB sees everything."""


class Database:
    """One database file held in memory and kept current; use :meth:`open`."""

    def __init__(
        self, path: Path, *, lock_timeout: float = LOCK_TIMEOUT, real: Path | None = None
    ) -> None:
        self.path = path
        # Through a symlink, the rename of a compaction must replace the file it points to.
        self._rows = CompactRows()
        self._file = JournalFile(
            real or Path(os.path.realpath(path)), lock_timeout=lock_timeout, rows=self._rows
        )
        self._mutex = threading.RLock()
        self._view = View(path, empty_tables())
        self._closed = False
        self.read_only = False
        """True if opened for reading where the lock file cannot be made: never changed."""
        self._why_read_only = ""
        self.compaction_problem: str | None = None
        """Why the last automatic compaction failed (changes are safe in the journal)."""
        self.changes_seen = 0
        """How many times this store caught up with changes other processes made, also
        inside one of its own changes: a reader holding copies compares it to know when
        to read everything again."""

    # -- opening and closing ----------------------------------------------------------

    @classmethod
    def open(
        cls, path: Path | str, *, lock_timeout: float = LOCK_TIMEOUT, reading: bool = False
    ) -> Self:
        """Open (creating file and directory if missing); StoreError if it is not usable.

        ``reading`` is for commands that only read: a database that does not exist is
        refused (a mistyped path must not become an empty database), and where the lock
        file cannot be made (a read-only file system or directory) it is read without
        the lock, consistently, and cannot be changed (:attr:`read_only`).
        """
        path = Path(path)
        real = check_database_path(path)
        if reading and not (path.exists() or _journal_of(path).exists()):
            raise StoreError(
                f"{path}: no database there; check the path, or create it by annotating "
                "('gloss annotate') or importing ('gloss import')"
            )
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(
                f"{path}: cannot create its directory ({error.strerror}); pass another --db"
            ) from None
        store = cls(path, lock_timeout=lock_timeout, real=real)
        try:
            with store._file.locked():
                store._file.remove_leftovers()
                store._load_all()
        except LockUnavailable as error:
            if not reading:
                raise
            store._load_without_lock()
            store._why_read_only = str(error)
        return store

    def _load_without_lock(self) -> None:
        """Read main file and journal as one state without the lock, or StoreError.

        No gloss process can write where the lock file cannot be made, but a file system
        may be shared: the read is repeated until neither file changed during it.
        """
        for _ in range(READ_ATTEMPTS):
            before = (Stamp.of(self._file.path), Stamp.of(self._file.journal_path))
            self._load_all()
            if (Stamp.of(self._file.path), Stamp.of(self._file.journal_path)) == before:
                self.read_only = True
                return
        raise StoreError(
            f"{self.path}: kept changing while it was read without its lock; try again"
        )

    def close(self) -> None:
        """Release the database; a small one is compacted first so plain TinyDB sees it all."""
        with self._mutex:
            if self._closed:
                return
            self._closed = True
            if (
                not self.read_only
                and self._file.journal_bytes > 0
                and self._main_size() < CLOSE_COMPACT_MAX_BYTES
            ):
                # Housekeeping only: every change is already durable in the journal.
                with self._file.locked():
                    self._sync()
                    self._compact_after_change()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # -- the machinery ------------------------------------------------------------------

    def refresh(self) -> bool:
        """Catch up with other processes; True if they changed the database since last look."""
        with self._mutex:
            if self.read_only or not self._file.stale():
                return False
            with self._file.locked():
                return self._sync()

    def poll(self) -> bool:
        """What a reader's watch calls once a second: :meth:`refresh` (its look at the
        files' size, time and inode is already cheap)."""
        return self.refresh()

    def compact(self) -> None:
        """Fold the journal into the main file now (temporary file, fsync, atomic rename)."""
        with self._mutex, self._file.locked():
            self._sync()
            self._file.write_main(self._view.for_writing())

    def _commit(self, change: Callable[[], list[Op]]) -> int:
        """Run ``change`` on an up-to-date view under the lock, then persist its operations.

        Returns the number of annotations the operations touched.
        """
        with self._mutex:
            if self._closed:
                raise StoreError(f"{self.path}: the database was closed; open it again")
            if self.read_only:
                raise LockUnavailable(self._why_read_only)
            with self._file.locked():
                self._sync()
                ops = change()
                if not ops:
                    return 0
                self._file.append(self._view.entries(ops))
                for op in ops:
                    self._view.apply(op)
                limit = max(COMPACT_MIN_BYTES, self._main_size() // COMPACT_FRACTION)
                if self._file.journal_bytes > limit:
                    self._compact_after_change()
            return sum(1 for table, _, _ in ops if table == ANNOTATIONS)

    def _compact_after_change(self) -> None:
        """Compact as housekeeping: the changes are already durable in the journal.

        If the rewrite fails (a full disk, say) the change must not be reported as lost:
        the journal still holds everything, the next change tries again, and the reason
        is kept in :attr:`compaction_problem` for the UI to show.
        """
        try:
            self._file.write_main(self._view.for_writing())
        except StoreError as error:
            self.compaction_problem = str(error)
        else:
            self.compaction_problem = None

    def _main_size(self) -> int:
        try:
            return self.path.stat().st_size
        except FileNotFoundError:
            return 0

    def _sync(self) -> bool:
        """Bring memory up to date with the files (under the lock); True if anything changed."""
        tail = self._file.read_tail()
        if tail is None:
            self._load_all()
            self.changes_seen += 1
            return True
        for entry in tail:
            op = self._view.resolve(entry)
            if op is not None:
                self._view.apply(op)
        if tail:
            self.changes_seen += 1
        return bool(tail)

    def _load_all(self) -> None:
        with gc_paused():
            self._load_all_unpaused()

    def _load_all_unpaused(self) -> None:
        snapshot = self._file.read_all()
        if snapshot.main is None:
            # A new database; a journal without its main file (moved away?) is kept, not lost.
            tables = replayed(empty_tables(), snapshot.ops, self._rows.identity)
            view = View(self.path, tables)
            self._file.write_main(view.for_writing())
            self._view = view
            return
        version = version_of(_as_documents(snapshot.main), self.path)
        if version < SCHEMA_VERSION:
            # The journal holds changes of the same old version: they are migrated with
            # the main file (and backed up with it), never dropped.
            old = replayed(_as_documents(snapshot.main, unpacked=True), _plain(snapshot.ops))
            tables, ops = self._migrate(old, version), []
        else:
            tables, ops = snapshot.main, snapshot.ops
        # Indexing once after replaying is much cheaper than keeping indexes current
        # through every operation.
        self._view = View(self.path, replayed(tables, ops, self._rows.identity))

    def _migrate(self, main: dict[str, Any], version: int) -> Tables:
        try:
            tables = migrate(main, version)
        except (KeyError, ValueError, TypeError) as error:
            raise StoreError(
                f"{self.path}: a schema {version} database that cannot be migrated "
                f"(missing {error}); it was left untouched, repair it or pass another --db"
            ) from None
        backup = backup_path(self.path, version)
        try:
            durable_copy(self.path, backup)
            journal = self._file.journal_path
            if journal.exists() and journal.stat().st_size > 0:
                durable_copy(journal, backup_path(journal, version))
        except OSError as error:
            raise StoreError(
                f"{self.path}: cannot write the backup {backup.name} before migrating "
                f"({error.strerror}); it was left untouched, free some space or check "
                "permissions"
            ) from None
        self._file.write_main(tables)
        return tables


def _journal_of(path: Path) -> Path:
    return path.with_name(path.name + ".journal")


def _plain(entries: list[Entry]) -> list[Entry]:
    """Journal entries with packed rows as documents again (for a migration)."""
    return [
        (table, key, to_doc(unpack(doc)) if type(doc) is tuple else doc, name)
        for table, key, doc, name in entries
    ]


def _as_documents(main: Any, *, unpacked: bool = False) -> Any:
    """``main`` as :func:`version_of` judges it, or (``unpacked``) a migration reads it.

    Rows packed as they were read were well-formed documents (JSON never yields a tuple):
    for the judgement they are left out, as what the reader kept as it was (a dict of an
    unusual shape, or not a dict at all) is what it is about; for a migration they are
    documents again.
    """
    if not isinstance(main, dict) or not isinstance(main.get(ANNOTATIONS), dict):
        return main
    rows = main[ANNOTATIONS]
    if unpacked:
        plain = {
            key: to_doc(unpack(row)) if type(row) is tuple else row for key, row in rows.items()
        }
        return {**main, ANNOTATIONS: plain}
    return {**main, ANNOTATIONS: {key: row for key, row in rows.items() if type(row) is not tuple}}
