"""The cross-process lock on ``<db>.lock`` that every reader of a whole state and every
writer holds: on POSIX one ``flock`` system call, without the ``filelock`` package.

Why not filelock everywhere: importing it costs about 10 ms (decimal, logging, inspect
and its own machinery), more than opening an empty database, and the reader opens one
on every launch. On POSIX the lock is exactly what filelock's ``UnixFileLock`` takes
(an exclusive ``flock`` on the same file), so the two exclude each other and a gloss
process holding either is waited for alike. Elsewhere (Windows) filelock is used,
imported when first needed.

Like filelock's default, the lock is re-entrant in the thread that holds it and excludes
other threads of the process as well as other processes. A ``flock`` dies with its
process, so a crash never leaves the database locked.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from typing import Any

#: How often a waiting process tries the lock again (seconds), as filelock does.
POLL_INTERVAL = 0.05
#: Permissions of a newly created lock file (before the umask), as filelock's.
LOCK_FILE_MODE = 0o644


class LockTimeout(Exception):
    """The lock was still held by someone else when the timeout ran out."""


class CrossProcessLock:
    """An exclusive lock on ``path`` (created if missing), re-entrant within a thread."""

    def __init__(self, path: Path, *, timeout: float) -> None:
        self.path = path
        self.timeout = timeout
        self._threads = threading.RLock()
        self._depth = 0
        self._fd: int | None = None
        self._fallback: Any = None
        """filelock.FileLock where there is no ``fcntl`` (created on first use)."""

    def acquire(self) -> None:
        """Take the lock, waiting up to ``timeout`` seconds; LockTimeout if still held,
        OSError if the lock file cannot be created or opened."""
        deadline = time.monotonic() + self.timeout
        if not self._threads.acquire(timeout=max(0.0, self.timeout)):
            raise LockTimeout(str(self.path))
        try:
            if self._depth == 0:
                self._take(deadline)
            self._depth += 1
        except BaseException:
            self._threads.release()
            raise

    def release(self) -> None:
        """Give back one acquisition; the file lock goes with the last one."""
        self._depth -= 1
        try:
            if self._depth == 0:
                self._give_back()
        finally:
            self._threads.release()

    def _take(self, deadline: float) -> None:
        try:
            import fcntl
        except ImportError:
            self._take_with_filelock(deadline)
            return
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, LOCK_FILE_MODE)
        try:
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    left = deadline - time.monotonic()
                    if left <= 0:
                        raise LockTimeout(str(self.path)) from None
                    time.sleep(min(POLL_INTERVAL, left))
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd

    def _give_back(self) -> None:
        if self._fallback is not None:
            self._fallback.release()
            return
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)  # closing the only descriptor releases the flock

    def _take_with_filelock(self, deadline: float) -> None:
        from filelock import FileLock, Timeout

        if self._fallback is None:
            self._fallback = FileLock(self.path)
        try:
            self._fallback.acquire(timeout=max(0.0, deadline - time.monotonic()))
        except Timeout:
            raise LockTimeout(str(self.path)) from None
