"""Which paths may hold a database: only regular files, never another database's files.

A compaction replaces the main file by renaming a new one over it, and the journal is
opened for appending: aimed at a FIFO, a device (``/dev/null``, even for root), a socket
or a directory, either would replace or feed something that is not a gloss database.
And a path named like the journal, the lock file or the seal of another database would
be read or written as that file. Such paths are refused before anything is opened or
written.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from store.errors import StoreError

JOURNAL_SUFFIX = ".journal"
LOCK_SUFFIX = ".lock"
SEAL_SUFFIX = ".seal"

_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


def journal_of(path: Path) -> Path:
    """Where the journal of the database ``path`` lives."""
    return path.with_name(path.name + JOURNAL_SUFFIX)


def lock_of(path: Path) -> Path:
    """Where the lock file of the database ``path`` lives."""
    return path.with_name(path.name + LOCK_SUFFIX)


def seal_of(path: Path) -> Path:
    """Where the seal of the journal of the database ``path`` lives (see :mod:`store.seal`)."""
    return path.with_name(path.name + SEAL_SUFFIX)


def check_database_path(path: Path) -> Path:
    """The real path of the database ``path`` (symlinks followed); StoreError if gloss
    must not use it: the name of another database's journal or lock file, a symlink
    loop, or anything but a regular file (a missing file is fine: it will be created)."""
    for suffix, what in (
        (JOURNAL_SUFFIX, "journal"),
        (LOCK_SUFFIX, "lock file"),
        (SEAL_SUFFIX, "journal seal"),
    ):
        if path.name.endswith(suffix) and len(path.name) > len(suffix):
            owner = path.name.removesuffix(suffix)
            raise StoreError(
                f"{path}: a name ending in {suffix} is the {what} of the database {owner}; "
                f"pass the database itself (--db {path.with_name(owner)}) or another name"
            )
    real = Path(os.path.realpath(path))
    _check_kind(path, path, "--db")
    _check_kind(path, journal_of(real), "its journal")
    _check_kind(path, lock_of(real), "its lock file")
    _check_kind(path, seal_of(real), "its journal seal")
    return real


def _check_kind(database: Path, path: Path, role: str) -> None:
    """StoreError unless ``path`` is missing or a regular file (symlinks followed)."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as error:
        raise StoreError(
            f"{path}: cannot be used as {role} ({error.strerror}); pass a regular file with --db"
        ) from None
    if stat.S_ISREG(mode):
        return
    kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
    if role == "--db":
        raise StoreError(
            f"{path}: is {kind}, not a database file; nothing was written, pass the path "
            "of a regular file with --db"
        )
    raise StoreError(
        f"{database}: {role} {path.name} is {kind}, not a regular file; nothing was "
        "written, move it aside or pass another --db"
    )
