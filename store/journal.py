"""The file layer: a TinyDB JSON file made safe for several processes, plus a journal.

TinyDB's own JSON storage rewrites the whole file in place on every change, which costs
time in proportion to the database and loses data when two processes write at once or
one dies mid-write. Here every change is appended as one line (a batch of operations
that checks itself, see :mod:`store.journal_format`) to ``<db>.journal``, flushed and
fsync'ed under a cross-process lock, and the main file is rewritten only now and then
(compaction: temporary file, fsync, atomic rename, directory fsync). The main file is
always a valid TinyDB database; main file plus journal is the current state.

A crash mid-append can only tear the last journal line. Torn inside, it is a change that
was never acknowledged: readers ignore it and the next writer cuts it off. Torn exactly
before its line break, the line is whole (its checksum and number hold): the change was
fully written, maybe acknowledged, so it is kept, and the next writer completes the line
before appending so that lines never run together. Lines cut off the end after they were
acknowledged look like a torn append, so the seal (:mod:`store.seal`) counts them
outside the journal and a journal short of its seal is refused. Any other damage (a bad
checksum, a line out of place, a journal of another copy of the database) refuses the
whole journal, naming the line, so a journal is only ever folded in when it was read
whole. Replaying a journal onto a main file that already contains it is harmless (each
operation sets or deletes a whole record), so a crash between compaction's rename and
the journal's truncation loses nothing.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from filelock import FileLock, Timeout

from store import docstream
from store.dbpath import journal_of, lock_of, seal_of
from store.docstream import Decode
from store.durable import atomic_write, fsync_dir
from store.errors import LockUnavailable, StoreError
from store.journal_format import (
    FOLDED,
    LEGACY,
    Damage,
    Entry,
    decode_line,
    encode_line,
    generation_of,
    stamp_generation,
    whole_but_its_break,
)
from store.seal import check_sealed, write_seal

Document = dict[str, Any]
Row = Any
"""One document of a table as held in memory: a plain ``Document``, or the smaller value
a :class:`RowCodec` made of it."""
Tables = dict[str, dict[str, Row]]
Op = tuple[str, str, Row | None]
"""``(table, key, document)``; a ``None`` document deletes the key."""


class RowCodec(Protocol):
    """How a reader holds documents in memory when not as plain dicts (see ``View``)."""

    def decoder(self) -> Decode:
        """A fresh ``decode(table, document)`` for one read (it may share values)."""
        ...

    def encode(self, row: Any) -> Any:
        """The document of a row ``json`` cannot write itself (its ``default``)."""
        ...

    def identity(self, table: str, row: Any) -> str | None:
        """The stable name of a row (see :mod:`store.journal_format`)."""
        ...


LOCK_TIMEOUT = 15.0


@dataclass(frozen=True, slots=True)
class Stamp:
    """Enough of ``stat()`` to notice that another process replaced or grew a file."""

    inode: int
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: Path) -> Stamp | None:
        try:
            info = path.stat()
        except FileNotFoundError:
            return None
        return cls(info.st_ino, info.st_size, info.st_mtime_ns)


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The main file as parsed (None when it does not exist) and the journal after it."""

    main: Any
    ops: list[Entry]


class JournalFile:
    """One database on disk: ``<db>``, ``<db>.journal``, its seal ``<db>.seal`` (see
    :mod:`store.seal`) and the lock file ``<db>.lock``."""

    def __init__(
        self, path: Path, *, lock_timeout: float = LOCK_TIMEOUT, rows: RowCodec | None = None
    ) -> None:
        self.path = path
        self._rows = rows
        self.journal_path = journal_of(path)
        self.lock_path = lock_of(path)
        self.seal_path = seal_of(path)
        self._lock = FileLock(self.lock_path, timeout=lock_timeout)
        self._lock_timeout = lock_timeout
        self._main_stamp: Stamp | None = None
        self._journal_stamp: Stamp | None = None
        self._offset = 0
        """Bytes of the journal read and applied (always at the end of a whole line)."""
        self._lines = 0
        """Lines of the journal read and applied (the number of the last one)."""
        self._unterminated = False
        """The last line read is whole but lacks its line break (a crash cut it off just
        before it): ``_offset`` is where the break belongs, and the next append writes it."""
        self._adopting = False
        self._generation: str | None = None
        self._folded: str | None = None
        """The generation before (:data:`~store.journal_format.FOLDED`)."""
        self._folded_lines = 0
        """Leading journal lines of that generation, already in the main file."""
        """The generation of the main file as last read or written: every journal line
        must name it (None: a main file of an older gloss, whose journal is of the old
        kind, or no main file, whose journal is adopted as it is)."""

    # -- locking and change detection ---------------------------------------------------

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the cross-process lock (re-entrant within this process).

        :class:`LockUnavailable` at once if the lock file cannot be made (filelock would
        retry some such errors until its timeout, reporting a lock held by nobody).
        """
        try:
            if not self.lock_path.exists():
                os.close(os.open(self.lock_path, os.O_WRONLY | os.O_CREAT, 0o666))
            self._lock.acquire()
        except Timeout:
            raise StoreError(
                f"{self.path}: another gloss process has held the database lock for "
                f"{self._lock_timeout:g} s; wait for it to finish and try again"
            ) from None
        except OSError as error:
            raise LockUnavailable(
                f"{self.path}: cannot create the lock file {self.lock_path.name} "
                f"({error.strerror}); check the directory's permissions"
            ) from None
        try:
            yield
        finally:
            self._lock.release()

    def stale(self) -> bool:
        """True if either file changed since this process last read or wrote it."""
        return (
            Stamp.of(self.path) != self._main_stamp
            or Stamp.of(self.journal_path) != self._journal_stamp
        )

    @property
    def journal_bytes(self) -> int:
        return self._offset

    def remove_leftovers(self) -> None:
        """Delete temporary files a compaction killed mid-write left behind (under the lock:
        while we hold it, no compaction is running, so every such file is dead)."""
        for leftover in self.path.parent.glob(f".{self.path.name}.*.tmp"):
            with contextlib.suppress(OSError):
                leftover.unlink()

    # -- reading ------------------------------------------------------------------------

    def read_all(self) -> Snapshot:
        """Parse the main file and the whole journal (call under the lock).

        Documents go through the :class:`RowCodec`'s decoder as they are parsed, one
        decoder for the whole read, so the file is never held whole in memory as text or
        as dicts.
        """
        decode = self._decoder()
        main_stamp = Stamp.of(self.path)
        main: Any = None
        if main_stamp is not None and main_stamp.size > 0:
            main = self._parse_main(decode)
        self._main_stamp = main_stamp
        self._generation = generation_of(main)
        self._folded = generation_of(main, FOLDED)
        self._folded_lines = 0
        self._adopting = main is None
        self._offset = self._lines = 0
        self._unterminated = False
        self._journal_stamp = None
        ops = self._read_journal_from(0, decode)
        return Snapshot(main, ops)

    def read_tail(self) -> list[Entry] | None:
        """The operations appended since the last read, or None if a full read is needed.

        A full read is needed when the main file was replaced (a compaction) or the
        journal shrank or was replaced.
        """
        if Stamp.of(self.path) != self._main_stamp:
            return None
        stamp = Stamp.of(self.journal_path)
        previous = self._journal_stamp
        if stamp == previous:
            return []
        if stamp is None or stamp.size < self._offset:
            return None
        if previous is not None and stamp.inode != previous.inode:
            return None
        return self._read_journal_from(self._offset, self._decoder())

    def _decoder(self) -> Decode | None:
        return None if self._rows is None else self._rows.decoder()

    def _parse_main(self, decode: Decode | None) -> Any:
        try:
            with open(self.path, encoding="utf-8-sig", newline="") as handle:
                return docstream.load(handle, decode)
        except IsADirectoryError:
            raise StoreError(f"{self.path}: is a directory; pass a file path with --db") from None
        except UnicodeDecodeError:
            raise StoreError(
                f"{self.path}: not a gloss database (not UTF-8 JSON); it was left untouched, "
                "pass another --db"
            ) from None
        except json.JSONDecodeError as error:
            raise StoreError(
                f"{self.path}: not valid JSON ({error.msg} at line {error.lineno}, column "
                f"{error.colno}); it was left untouched, repair it or pass another --db"
            ) from None
        except RecursionError:
            raise StoreError(
                f"{self.path}: not a gloss database (JSON nested too deeply); it was left "
                "untouched, pass another --db"
            ) from None
        except OSError as error:
            raise StoreError(f"{self.path}: cannot be read ({error.strerror}); check it") from None

    def _read_journal_from(self, offset: int, decode: Decode | None) -> list[Entry]:
        """The entries of the whole lines after byte ``offset``."""
        unterminated = self._unterminated
        try:
            with open(self.journal_path, "rb") as handle:
                stamp = Stamp.of(self.journal_path)
                handle.seek(offset)
                ops, size, lines = self._read_lines(handle, decode)
        except FileNotFoundError:
            self._journal_stamp = None
            self._offset = self._lines = 0
            self._unterminated = False
            return []
        except OSError as error:
            raise StoreError(
                f"{self.journal_path}: cannot be read ({error.strerror}); check it"
            ) from None
        try:
            check_sealed(
                self.seal_path, self.journal_path, self._generation or "", self._lines + lines
            )
        except StoreError:
            self._unterminated = unterminated  # nothing of this read was taken
            raise
        self._offset = offset + size
        self._lines += lines
        # Record the stamp of what was read; a torn tail leaves size > offset, which the
        # next writer truncates before appending.
        self._journal_stamp = stamp
        return ops

    def _read_lines(self, handle: BinaryIO, decode: Decode | None) -> tuple[list[Entry], int, int]:
        """The entries of the whole lines in ``handle``, the bytes and lines they take.

        Line by line, so that a big journal is never in memory whole besides what its
        documents decode to. Any damage refuses the whole journal (StoreError naming
        the line), except in a last line without its line break, which a crash tore:
        torn inside, it was never acknowledged and is ignored (and cut off by the next
        writer); whole, its change was fully written and is kept.
        """
        ops: list[Entry] = []
        size = lines = 0
        if self._unterminated:
            completion = handle.readline()  # the line break another writer added
            if completion == b"":
                return ops, size, lines
            if completion != b"\n":
                raise self._damaged(self._lines, "the next line was joined to it")
            size, self._unterminated = 1, False
        for line in handle:
            number = self._lines + lines + 1
            whole = line.endswith(b"\n")
            try:
                generation, written_as, entries = decode_line(line[:-1] if whole else line, decode)
            except Damage as damage:
                if whole or whole_but_its_break(line):
                    why = str(damage) if whole else "a stray byte where its line break belongs"
                    raise self._damaged(number, why) from None
                break  # a torn append: never acknowledged, never applied
            if self._check_place(number, generation, written_as):
                ops.extend(entries)
            size += len(line)
            lines += 1
            self._unterminated = not whole
        return ops, size, lines

    def _check_place(self, number: int, generation: str | None, written_as: int | None) -> bool:
        """True if line ``number`` extends this main file, in its place; False if the main
        file holds it already; StoreError if it belongs elsewhere."""
        if self._adopting and number == 1:
            self._generation = generation  # no main file: the journal is taken as it is
        if (
            generation != self._generation
            and self._folded == (LEGACY if generation is None else generation)
            and number == self._folded_lines + 1
        ):
            self._folded_lines += 1  # left by a compaction that crashed before emptying it
            return False
        if generation != self._generation:
            raise StoreError(
                f"{self.journal_path}: belongs to another copy of {self.path.name} (line "
                f"{number} names another generation of it); nothing was changed: move the "
                "journal aside (it holds changes made to that other copy) or put back the "
                "database file it belongs to"
            )
        if written_as is not None and written_as != number:
            raise self._damaged(number, f"it was written as line {written_as}")
        return True

    def _damaged(self, number: int, why: str) -> StoreError:
        return StoreError(
            f"{self.journal_path}: line {number} is damaged ({why}); nothing was changed: "
            "restore the journal from a backup, or move it aside to open the database as "
            "of its last compaction (the changes since stay in the moved file)"
        )

    # -- writing (always under the lock, after reading up to date) ---------------------

    def append(self, entries: list[Entry]) -> None:
        """Durably append one batch; returns once it is on disk."""
        try:
            line = encode_line(self._generation or "", self._lines + 1, entries, self._encode)
        except UnicodeEncodeError:
            raise StoreError(
                f"{self.journal_path}: the change holds text that is not valid Unicode; it "
                "was not saved, retype the text"
            ) from None
        except RecursionError:
            raise StoreError(
                f"{self.journal_path}: the change holds data nested too deeply; it was not saved"
            ) from None
        if self._unterminated:
            line = b"\n" + line  # complete the last line first, in the same write
        created = not self.journal_path.exists()
        try:
            with open(self.journal_path, "ab") as handle:
                if handle.tell() > self._offset:
                    handle.truncate(self._offset)  # cut off a torn, unacknowledged tail
                handle.write(line)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as error:
            raise StoreError(
                f"{self.journal_path}: cannot be written ({error.strerror}); the change was "
                "not saved, free some space or check permissions"
            ) from None
        if created:
            fsync_dir(self.path.parent)
        # If this fails, the line on disk is read back by the next look at the journal.
        write_seal(self.seal_path, self._generation or "", self._lines + 1)
        self._offset += len(line)
        self._lines += 1
        self._unterminated = False
        self._journal_stamp = Stamp.of(self.journal_path)

    def _encode(self, row: Any) -> Any:
        """``json``'s ``default``: the document of a row held in another form."""
        if self._rows is None:
            raise TypeError(f"{type(row).__name__} is not a document")
        return self._rows.encode(row)

    def write_main(self, tables: Tables) -> None:
        """Compact: replace the main file with ``tables`` and empty the journal.

        The main file gets a new generation, which the journal's lines from now on name.
        """
        generation = secrets.token_hex(8)
        legacy = self._main_stamp is not None or (self._adopting and self._lines > 0)
        folded = self._generation if self._generation is not None else LEGACY if legacy else None
        stamp_generation(tables, generation, folded)
        try:
            data = json.dumps(tables, separators=(",", ":"), default=self._encode).encode("ascii")
        except RecursionError:
            raise StoreError(
                f"{self.path}: holds data nested too deeply to be written; it was left as it "
                "was, repair it or pass another --db"
            ) from None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.path, data)
            if self.journal_path.exists():
                with open(self.journal_path, "r+b") as handle:
                    handle.truncate(0)
                    handle.flush()
                    os.fsync(handle.fileno())
        except OSError as error:
            raise StoreError(
                f"{self.path}: cannot be written ({error.strerror}); the change was not "
                "saved, free some space or check permissions"
            ) from None
        self._main_stamp = Stamp.of(self.path)
        self._journal_stamp = Stamp.of(self.journal_path)
        self._offset = self._lines = 0
        self._unterminated = False
        self._generation = generation
        self._folded, self._folded_lines = folded, 0
        self._adopting = False
