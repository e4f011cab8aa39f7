"""The database lock (store.lockfile): re-entrant in its thread, exclusive across threads
and processes, never held past its holder, and a clear failure when it cannot be made."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from store import AnnotationStore, StoreError
from store.lockfile import CrossProcessLock, LockTimeout

HOLD = (
    "import sys\n"
    "from pathlib import Path\n"
    "from store.lockfile import CrossProcessLock\n"
    "CrossProcessLock(Path(sys.argv[1]), timeout=5).acquire()\n"
    "print('held', flush=True)\n"
    "sys.stdin.read()\n"
)


def test_reentrant_in_its_thread_and_exclusive_for_another(tmp_path: Path) -> None:
    lock = CrossProcessLock(tmp_path / "db.lock", timeout=0.2)
    lock.acquire()
    lock.acquire()  # the same thread again: no deadlock
    failures: list[BaseException] = []

    def other() -> None:
        try:
            lock.acquire()
        except LockTimeout as error:
            failures.append(error)

    thread = threading.Thread(target=other)
    thread.start()
    thread.join(timeout=10)
    assert len(failures) == 1
    lock.release()
    lock.release()
    thread = threading.Thread(target=lambda: (lock.acquire(), lock.release()))
    thread.start()
    thread.join(timeout=10)
    assert not thread.is_alive()


def test_a_second_lock_on_the_same_file_waits_for_the_first(tmp_path: Path) -> None:
    first = CrossProcessLock(tmp_path / "db.lock", timeout=1)
    second = CrossProcessLock(tmp_path / "db.lock", timeout=0.2)
    first.acquire()
    with pytest.raises(LockTimeout):
        second.acquire()
    first.release()
    second.acquire()
    second.release()


def test_held_by_another_process_until_it_dies(tmp_path: Path) -> None:
    db = tmp_path / "db.json"
    AnnotationStore.open(db).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db) + ".lock"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        with pytest.raises(StoreError, match=r"held the database lock for 0\.2 s"):
            AnnotationStore.open(db, lock_timeout=0.2)
    finally:
        holder.kill()  # a crash: the lock must not outlive the process
        holder.wait(timeout=10)
        assert holder.stdout is not None and holder.stdin is not None
        holder.stdout.close()
        holder.stdin.close()
    with AnnotationStore.open(db, lock_timeout=5) as free:
        assert free.annotations() == []


def test_a_lock_file_that_cannot_be_made_is_an_os_error(tmp_path: Path) -> None:
    lock = CrossProcessLock(tmp_path / "missing" / "db.lock", timeout=0.2)
    with pytest.raises(OSError):
        lock.acquire()
    # Nothing is left held: the thread lock was given back with the failure.
    done = threading.Event()
    thread = threading.Thread(target=lambda: (lock._threads.acquire(), done.set()))
    thread.start()
    thread.join(timeout=10)
    assert done.is_set()
