"""The PostgreSQL store: a change, opening, and how soon another reader sees a change.

Targets (issue 13): adding one annotation costs <= 20 ms p95 against a local server with
50k stored; opening 50k takes <= 2 s; another process's change reaches an open reader
within 2 s. The server is a throwaway one this benchmark starts (``tests/pg_server.py``)
with PostgreSQL's durable defaults (fsync'ed commits), on a unix socket; nothing is
measured if PostgreSQL is not installed.

The live figure runs a reader as the real one does: it asks the store to catch up once
a second (``MainScreen``'s one-second watch; the store only looks at its LISTEN socket),
while another store adds an annotation at a random moment; the time is from the start
of the add until the reader holds it.
"""

from __future__ import annotations

import random
import tempfile
import threading
import time
from pathlib import Path

import msgspec

from benchmarks.bench_store import random_annotation
from benchmarks.core import Row, row, time_calls
from corpus import Interview, bundled_paths, load_interview
from store import Store, open_store
from store.codec import to_doc
from tests import pg_server

SYNC_INTERVAL = 1.0
"""How often the reader asks the store to catch up (``tui.screens.main.SYNC_INTERVAL``)."""


def fill(uri: str, interviews: list[Interview], count: int, seed: int = 0) -> None:
    """Store ``count`` plausible annotations at once (COPY, not ``count`` changes)."""
    import psycopg

    open_store(uri).close()  # the tables
    chance = random.Random(seed)
    with psycopg.connect(uri) as conn, conn.cursor() as cursor:
        with cursor.copy("COPY gloss.annotations (id, doc) FROM STDIN") as copy:
            for number in range(count):
                author = chance.choice(("ann", "bob", "chen"))
                stamp = f"2026-01-{1 + number % 28:02d}T10:00:00.000Z"
                annotation = random_annotation(
                    chance, interviews[number % len(interviews)], author, stamp
                )
                copy.write_row((annotation.id, msgspec.json.encode(to_doc(annotation)).decode()))
        conn.commit()


def _add_samples(store: Store, interview: Interview, runs: int, seed: int) -> list[float]:
    chance = random.Random(seed)

    def add_one() -> None:
        start = chance.randrange(0, len(interview.text) - 200)
        store.add(
            interview, start, start + chance.randrange(10, 150), tags=["bench"],
            note="timed", author="bench",
        )  # fmt: skip

    return time_calls(add_one, runs=runs, warmup=min(20, runs))


def _open_samples(uri: str, runs: int) -> list[float]:
    samples = []
    for number in range(runs + 1):
        started = time.perf_counter()
        store = open_store(uri)
        elapsed = time.perf_counter() - started
        store.close()
        if number:  # the first warms the server's cache
            samples.append(elapsed)
    return samples


def _live_samples(uri: str, interview: Interview, runs: int) -> list[float]:
    """Seconds from the start of another store's add until a reader polling once a
    second holds it."""
    chance = random.Random(7)
    reader, writer = open_store(uri), open_store(uri)
    waiting: dict[str, float] = {}
    seen: list[float] = []
    arrived = threading.Event()
    stop = threading.Event()

    def watch() -> None:
        while not stop.is_set():
            reader.refresh()
            for annotation_id, started in list(waiting.items()):
                if reader.get(annotation_id) is not None:
                    seen.append(time.perf_counter() - started)
                    del waiting[annotation_id]
                    arrived.set()
            stop.wait(SYNC_INTERVAL)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        for _ in range(runs):
            time.sleep(chance.random() * SYNC_INTERVAL)  # any moment of the reader's second
            arrived.clear()
            started = time.perf_counter()
            start = chance.randrange(0, len(interview.text) - 200)
            made = writer.add(interview, start, start + 40, tags=["live"], author="other")
            waiting[made.annotation.id] = started
            if not arrived.wait(timeout=10):
                raise RuntimeError("the reader never saw the change")
    finally:
        stop.set()
        watcher.join(timeout=5)
        reader.close()
        writer.close()
    return seen


def run(quick: bool) -> list[Row]:
    """Add one at 50k (p95), open 50k, live update latency; [] without PostgreSQL."""
    if not pg_server.available():
        return []
    interviews = [load_interview(path) for path in bundled_paths()]
    size = 500 if quick else 50_000
    label = f"{size // 1000}k" if size >= 1000 else str(size)
    with tempfile.TemporaryDirectory(prefix="gloss-bench-pg-") as folder:
        directory = Path(folder)
        try:
            uri = pg_server.start(directory, durable=True)
            fill(uri, interviews, size)
            with open_store(uri) as store:
                adds = _add_samples(store, interviews[0], 5 if quick else 300, seed=size)
            opens = _open_samples(uri, 1 if quick else 5)
            live = _live_samples(uri, interviews[1], 2 if quick else 15)
        finally:
            pg_server.stop(directory)
    return [
        row(
            f"server: add one annotation, committed ({label} stored, PostgreSQL)",
            adds, unit="ms", scale=1000, target="<= 20 ms p95", limit=20.0, by="p95",
        ),
        row(
            f"server: open a database of {label} annotations (PostgreSQL)",
            opens, unit="s", target="<= 2 s", limit=2.0,
        ),
        row(
            "server: another process's change reaches an open reader",
            live, unit="s", target="<= 2 s", limit=2.0, by="p95",
        ),
    ]  # fmt: skip
