"""The database file under stress: several real writer processes, SIGKILL mid-write,
damaged files and old schemas. Everything runs against real files and real processes."""

from __future__ import annotations

import json
import os
import random
import selectors
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import tinydb

from corpus import load_interview
from store import AnnotationStore, StoreError
from store.schema import SCHEMA_VERSION
from tests.conftest import CLEAN_SEED, ROOT

WRITER = textwrap.dedent(
    """
    import sys
    import store.database
    from corpus import load_interview
    from store import AnnotationStore

    db, worker, count, compact_bytes = sys.argv[1], *map(int, sys.argv[2:5])
    if compact_bytes:
        store.database.COMPACT_MIN_BYTES = compact_bytes  # compact often: the racy path
    interview = load_interview(__import__("pathlib").Path(sys.argv[5]))
    s = AnnotationStore.open(db)
    for i in range(count):
        start = (worker * 1000 + i * 7) % (len(interview.text) - 40)
        a = s.add(interview, start, start + 20 + worker, tags=[f"w{worker}"], note=f"{worker}/{i}",
                  author=f"writer{worker}")
        print(a.annotation.id, flush=True)
    """
)


def spawn_writer(
    db: Path, worker: int, count: int, compact_bytes: int = 0
) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-c",
            WRITER,
            str(db),
            str(worker),
            str(count),
            str(compact_bytes),
            str(CLEAN_SEED),
        ],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_concurrent_writer_processes_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "shared.json"
    AnnotationStore.open(db).close()
    writers = [
        spawn_writer(db, worker, 25, compact_bytes=4000 * (worker % 2)) for worker in range(4)
    ]
    acknowledged: set[str] = set()
    for writer in writers:
        out, err = writer.communicate(timeout=60)
        assert writer.returncode == 0, err
        acknowledged.update(out.split())
    assert len(acknowledged) == 100
    with AnnotationStore.open(db) as store:
        stored = store.annotations()
        assert {a.id for a in stored} == acknowledged
        assert {a.note for a in stored} == {f"{w}/{i}" for w in range(4) for i in range(25)}
        store.compact()
    plain = tinydb.TinyDB(db)
    try:
        assert {doc["id"] for doc in plain.table("annotations").all()} == acknowledged
    finally:
        plain.close()


def read_ids_until(process: subprocess.Popen[str], wanted: int, timeout: float) -> list[str]:
    """Acknowledged ids from the child's stdout: stop at ``wanted`` ids or the deadline."""
    assert process.stdout is not None
    ids: list[str] = []
    deadline = time.monotonic() + timeout
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        while len(ids) < wanted and time.monotonic() < deadline:
            if not selector.select(timeout=max(0.0, deadline - time.monotonic())):
                break
            line = process.stdout.readline()
            if not line:
                break
            ids.append(line.strip())
    return ids


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_sigkill_mid_write_loses_no_acknowledged_annotation(tmp_path: Path, seed: int) -> None:
    db = tmp_path / "crash.json"
    AnnotationStore.open(db).close()
    # A tiny compaction threshold makes the child rewrite the main file often, so the
    # kill also lands inside compactions, not only inside journal appends.
    child = spawn_writer(db, worker=seed, count=100_000, compact_bytes=3000)
    ids = read_ids_until(child, wanted=random.Random(seed).randint(10, 60), timeout=30)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL
    assert ids, "the child acknowledged nothing before the deadline"
    assert child.stdout is not None
    ids += child.stdout.read().split()  # acknowledged too, though still in the pipe
    child.stdout.close()
    assert child.stderr is not None
    child.stderr.close()
    with AnnotationStore.open(db) as store:
        present = {a.id for a in store.annotations()}
        assert set(ids) <= present
        assert len(present) - len(ids) <= 1  # at most the one in flight when killed
    json.loads(db.read_bytes())  # the main file is always whole JSON


def test_torn_journal_tail_is_ignored_then_cut_off(tmp_path: Path) -> None:
    db = tmp_path / "torn.json"
    interview = load_interview(CLEAN_SEED)
    with AnnotationStore.open(db) as store:
        kept = store.add(interview, 0, 10, author="Ann").annotation
        journal = Path(str(db) + ".journal")
        assert journal.stat().st_size > 0
        with open(journal, "ab") as handle:
            handle.write(b'{"ops":[["annotations","99",{"id":"half')  # a crash mid-append
        reader = AnnotationStore.open(db)
        assert [a.id for a in reader.annotations()] == [kept.id]
        later = reader.add(interview, 20, 30, author="Ann").annotation
        assert b"half" not in journal.read_bytes()
        reader.close()
    with AnnotationStore.open(db) as again:
        assert {a.id for a in again.annotations()} == {kept.id, later.id}


def test_journal_damaged_in_the_middle_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "mid.json"
    interview = load_interview(CLEAN_SEED)
    store = AnnotationStore.open(db)
    store.add(interview, 0, 10, author="Ann")
    journal = Path(str(db) + ".journal")
    good = journal.read_bytes()
    journal.write_bytes(b"garbage\n" + good)
    with pytest.raises(StoreError, match=r"mid\.json\.journal: line 1 is damaged"):
        AnnotationStore.open(db)


DAMAGED = {
    "not-json": b"this is not json at all\n",
    "other-app": b'{"_default": {"1": {"name": "a tinydb of someone else"}}}',
    "json-list": b"[1, 2, 3]",
    "binary": b"\xff\xfe\x00garbage",
}


@pytest.mark.parametrize("kind", [*DAMAGED, "truncated"])
def test_damaged_file_is_refused_and_left_untouched(tmp_path: Path, kind: str) -> None:
    db = tmp_path / f"{kind}.json"
    if kind == "truncated":
        interview = load_interview(CLEAN_SEED)
        with AnnotationStore.open(db) as store:
            for i in range(5):
                store.add(interview, i * 20, i * 20 + 10, note="x" * 50, author="Ann")
        content = db.read_bytes()
        db.write_bytes(content[: len(content) // 2])
    else:
        db.write_bytes(DAMAGED[kind])
    before = db.read_bytes()
    with pytest.raises(StoreError) as caught:
        AnnotationStore.open(db)
    message = str(caught.value)
    assert message.startswith(f"{db}: ")
    assert "\n" not in message
    assert "not valid JSON" in message or "not a gloss database" in message
    assert db.read_bytes() == before
    assert not Path(str(db) + ".journal").exists() or kind == "truncated"


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "future.json"
    db.write_text(json.dumps({"meta": {"1": {"app": "gloss", "schema": SCHEMA_VERSION + 1}}}))
    with pytest.raises(StoreError, match="newer gloss"):
        AnnotationStore.open(db)


def test_old_schema_is_migrated_after_a_backup(tmp_path: Path) -> None:
    interview = load_interview(CLEAN_SEED)
    start = interview.text.index("stabilize the industry")
    end = start + len("stabilize the industry")
    version0 = {
        "meta": {"1": {"app": "gloss"}},
        "annotations": {
            "1": {
                "id": "old1",
                "interview": interview.id,
                "start": start,
                "end": end,
                "quote": "stabilize the industry",
                "tag": "economy",
                "note": "from the prototype",
                "author": "Ann",
                "created": "2025-01-01T00:00:00Z",
            }
        },
    }
    db = tmp_path / "old.json"
    db.write_text(json.dumps(version0))
    original = db.read_bytes()
    with AnnotationStore.open(db) as store:
        migrated = store.get("old1")
        assert migrated is not None
        assert migrated.tags == ("economy",)
        assert migrated.exact == "stabilize the industry"
        assert migrated.updated == migrated.created == "2025-01-01T00:00:00Z"
        assert store.anchor(interview) == []
        anchored = store.get("old1")
        assert anchored is not None
        assert anchored.fingerprint == interview.fingerprint
        assert anchored.prefix == interview.text[start - 32 : start]
    assert (tmp_path / "old.json.v0.bak").read_bytes() == original
    assert json.loads(db.read_text())["meta"]["1"]["schema"] == SCHEMA_VERSION


def test_unmigratable_old_file_is_left_untouched(tmp_path: Path) -> None:
    db = tmp_path / "old.json"
    db.write_text(json.dumps({"meta": {"1": {"app": "gloss"}}, "annotations": {"1": {"id": "x"}}}))
    before = db.read_bytes()
    with pytest.raises(StoreError, match="cannot be migrated"):
        AnnotationStore.open(db)
    assert db.read_bytes() == before


def test_leftover_temporary_file_of_a_killed_compaction_is_removed(tmp_path: Path) -> None:
    db = tmp_path / "left.json"
    AnnotationStore.open(db).close()
    leftover = tmp_path / ".left.json.12345.tmp"
    leftover.write_bytes(b'{"half": ')
    with AnnotationStore.open(db):
        assert not leftover.exists()


def test_database_behind_a_symlink_stays_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "real" / "notes.json"
    real.parent.mkdir()
    link = tmp_path / "link.json"
    link.symlink_to(real)
    interview = load_interview(CLEAN_SEED)
    with AnnotationStore.open(link) as store:
        made = store.add(interview, 0, 10, author="Ann").annotation
        store.compact()
    assert link.is_symlink()
    with AnnotationStore.open(real) as direct:
        assert direct.get(made.id) == made


def test_journal_without_its_main_file_is_kept(tmp_path: Path) -> None:
    db = tmp_path / "gone.json"
    interview = load_interview(CLEAN_SEED)
    store = AnnotationStore.open(db)
    store.compact()
    made = store.add(interview, 0, 10, author="Ann").annotation  # in the journal only; never closed
    db.unlink()  # someone moved the main file away; the journal stays
    with AnnotationStore.open(db) as again:
        assert again.get(made.id) == made
    with AnnotationStore.open(db) as third:  # and it is now in the main file too
        assert third.get(made.id) == made


def test_a_held_lock_times_out_with_a_clear_error(tmp_path: Path) -> None:
    db = tmp_path / "busy.json"
    AnnotationStore.open(db).close()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, filelock; lock = filelock.FileLock(sys.argv[1]); lock.acquire(); "
         "print('held', flush=True); sys.stdin.read()",
         str(db) + ".lock"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        with pytest.raises(StoreError, match=r"held the database lock for 0\.3 s; wait"):
            AnnotationStore.open(db, lock_timeout=0.3)
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=10)
        assert holder.stdout is not None
        holder.stdout.close()
    with AnnotationStore.open(db) as free:
        assert free.annotations() == []


def test_selector_order_does_not_matter_but_a_damaged_document_is_named(tmp_path: Path) -> None:
    interview = load_interview(CLEAN_SEED)
    db = tmp_path / "hand-edited.json"
    with AnnotationStore.open(db) as store:
        made = store.add(interview, 0, 10, author="Ann").annotation
    data = json.loads(db.read_text())
    doc = data["annotations"]["1"]
    doc["selector"].reverse()  # a W3C tool may list the quote selector first
    db.write_text(json.dumps(data))
    with AnnotationStore.open(db) as store:
        assert store.get(made.id) == made
    del doc["selector"]
    db.write_text(json.dumps(data))
    before = db.read_bytes()
    with pytest.raises(StoreError, match=r"hand-edited\.json: annotation #1 is damaged"):
        AnnotationStore.open(db)
    assert db.read_bytes() == before


def test_a_failed_compaction_does_not_fail_the_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import store.database as store_module
    from store.journal import JournalFile

    db = tmp_path / "full-disk.json"
    interview = load_interview(CLEAN_SEED)
    store = AnnotationStore.open(db)
    monkeypatch.setattr(store_module, "COMPACT_MIN_BYTES", 0)  # compact after every change

    def disk_full(self: JournalFile, tables: object) -> None:
        raise StoreError(f"{self.path}: cannot be written (No space left on device)")

    monkeypatch.setattr(JournalFile, "write_main", disk_full)
    made = store.add(interview, 0, 10, author="Ann").annotation  # no error: it is in the journal
    assert store.compaction_problem is not None
    assert "No space left" in store.compaction_problem
    monkeypatch.undo()
    with AnnotationStore.open(db) as again:
        assert again.get(made.id) == made


def test_readers_never_see_half_a_main_file(tmp_path: Path) -> None:
    """While another process adds and compacts after every change, the main file read
    at any moment, without the lock, is always whole JSON of a gloss database."""
    db = tmp_path / "busy.json"
    AnnotationStore.open(db).close()
    writer = spawn_writer(db, worker=1, count=60, compact_bytes=1)
    reads = 0
    try:
        deadline = time.monotonic() + 60
        while writer.poll() is None and time.monotonic() < deadline:
            data = json.loads(db.read_bytes())
            assert data["meta"]["1"]["app"] == "gloss"
            reads += 1
    finally:
        out, err = writer.communicate(timeout=60)
    assert writer.returncode == 0, err
    assert reads > 0
    with AnnotationStore.open(db) as store:
        assert {a.id for a in store.annotations()} == set(out.split())
