"""The store's cost per change, and opening and exporting a big database.

Targets (from the benchmark issue): adding one durable annotation, and retagging one
(a checked change: tags added and removed against what is stored), costs <= 20 ms p95 with
50k stored, and no more than twice what it costs with 1k (flat in the database's size);
opening a 50k database takes <= 1 s; exporting 50k to CSV takes <= 2 s, and so does
exporting them as W3C Web Annotations (JSON-LD), which writes about twice the bytes.
A REFI-QDA project of them (XML checked against the standard's schema, then zipped with
the interviews' texts) takes <= 15 s: the schema check, pure Python (xmlschema), takes
most of that time.

The big databases are written directly through the storage's bulk path (one compaction
of documents built in memory), not by 50k durable adds. The files live in a temporary
directory on the same file system as everything else, so each add really is fsync'ed.

Why the add cost is flat: an add appends one fsync'ed line to the journal and touches
dictionaries only; the whole file is rewritten only when the journal outgrows the main
file (amortised O(1) per change). Under load from other processes an add waits behind
their fsyncs, which moves the median but not the 50k/1k ratio. Figures from a run are
in ``benchmarks/results.json`` (not committed); the README lists the targets.
"""

from __future__ import annotations

import random
import tempfile
import time
import uuid
from pathlib import Path

from benchmarks.core import Row, row, time_calls
from corpus import Interview, bundled_paths, load_interview
from store import AnnotationStore
from store.anchoring import annotation_at
from store.codec import to_doc
from store.export import export_annotations, export_project
from store.journal import JournalFile
from store.model import Annotation
from store.schema import empty_tables

TAGS = ("policy/tax-relief", "policy/subsidy", "economy/growth", "industry/chips", "quote")
NOTES = ("", "Compare with the 2022 answer.", "Key claim;\nfollow up with the ministry.")


def build_database(
    path: Path,
    interviews: list[Interview],
    count: int,
    seed: int = 0,
    authors: tuple[str, ...] = ("ann", "bob", "chen"),
) -> None:
    """Write a database of ``count`` plausible annotations in one go (the bulk path)."""
    chance = random.Random(seed)
    tables = empty_tables()
    rows = tables["annotations"]
    for key in range(1, count + 1):
        interview = interviews[key % len(interviews)]
        author = chance.choice(authors)
        stamp = f"2026-01-{1 + key % 28:02d}T10:00:00.000Z"
        rows[str(key)] = to_doc(random_annotation(chance, interview, author, stamp))
    JournalFile(path).write_main(tables)


def random_annotation(
    chance: random.Random, interview: Interview, author: str, stamp: str
) -> Annotation:
    """One plausible annotation of ``interview`` by ``author``: a passage, tags, a note."""
    start = chance.randrange(0, len(interview.text) - 400)
    return annotation_at(
        interview,
        start,
        start + chance.randrange(20, 300),
        annotation_id=uuid.UUID(int=chance.getrandbits(128)).hex,
        tags=tuple(sorted(set(chance.sample(TAGS, chance.randrange(1, 3))))),
        note=chance.choice(NOTES),
        author=author,
        stamp=stamp,
    )


def _add_samples(path: Path, interviews: list[Interview], runs: int, seed: int) -> list[float]:
    """Seconds per durable ``add`` on an open store (each a new, distinct passage)."""
    chance = random.Random(seed)
    store = AnnotationStore.open(path)
    interview = interviews[0]

    def add_one() -> None:
        start = chance.randrange(0, len(interview.text) - 200)
        store.add(
            interview, start, start + chance.randrange(10, 150), tags=["bench"],
            note="timed", author="bench",
        )  # fmt: skip

    samples = time_calls(add_one, runs=runs, warmup=min(20, runs))
    store.close()
    return samples


def _retag_samples(path: Path, runs: int, seed: int) -> list[float]:
    """Seconds per durable ``retag`` (one tag added, one removed) of a stored annotation."""
    chance = random.Random(seed)
    store = AnnotationStore.open(path)
    ids = [annotation.id for annotation in store.annotations()]
    counter = iter(range(1_000_000))

    def retag_one() -> None:
        store.retag(chance.choice(ids), add=[f"bench/{next(counter)}"], remove=["quote"])

    samples = time_calls(retag_one, runs=runs, warmup=min(20, runs))
    store.close()
    return samples


def _open_samples(path: Path, runs: int) -> list[float]:
    """Seconds per ``AnnotationStore.open``; freeing the previous store is not counted."""
    samples = []
    for run_number in range(runs + 1):
        started = time.perf_counter()
        store = AnnotationStore.open(path)
        elapsed = time.perf_counter() - started
        if run_number:  # the first is a warm-up (file cache)
            samples.append(elapsed)
        del store  # not closed: close() might compact, which is not what is measured
    return samples


def _label(size: int) -> str:
    return f"{size // 1000}k" if size >= 1000 else str(size)


def run(quick: bool) -> list[Row]:
    """Add-one and retag-one cost at three sizes, the add ratio, open, CSV, W3C and
    REFI-QDA export."""
    interviews = [load_interview(path) for path in bundled_paths()]
    sizes = (50, 200, 500) if quick else (1_000, 10_000, 50_000)
    add_runs = 5 if quick else 300
    rows: list[Row] = []
    medians: dict[int, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory(prefix="gloss-bench-") as folder:
        base = Path(folder)
        for size in sizes:
            path = base / f"db-{size}.json"
            build_database(path, interviews, size)
            samples = _add_samples(path, interviews, add_runs, seed=size)
            label = _label(size)
            result = row(
                f"store: add one annotation, durable ({label} stored)",
                samples,
                unit="ms",
                scale=1000,
                target="<= 20 ms p95" if size == sizes[-1] else "",
                limit=20.0 if size == sizes[-1] else None,
                by="p95",
            )
            rows.append(result)
            medians[size] = (result.median, result.p95)
            rows.append(
                row(
                    f"store: retag one annotation, durable ({label} stored)",
                    _retag_samples(path, add_runs, seed=size),
                    unit="ms",
                    scale=1000,
                    target="<= 20 ms p95" if size == sizes[-1] else "",
                    limit=20.0 if size == sizes[-1] else None,
                    by="p95",
                )
            )
        small, big = medians[sizes[0]], medians[sizes[-1]]
        ratio = big[0] / small[0]
        rows.append(
            Row(
                figure=f"store: add cost ratio {_label(sizes[-1])}/{_label(sizes[0])} (median)",
                median=ratio,
                p95=big[1] / small[1],
                spread=0.0,
                unit="ratio",
                runs=add_runs,
                target="<= 2",
                met=ratio <= 2,
            )
        )

        path = base / "open.json"
        build_database(path, interviews, sizes[-1], seed=1)

        rows.append(
            row(
                f"store: open a database of {_label(sizes[-1])} annotations",
                _open_samples(path, runs=1 if quick else 7),
                unit="s",
                target="<= 1 s",
                limit=1.0,
            )
        )

        store = AnnotationStore.open(path)
        by_id = {interview.id: interview for interview in interviews}
        out = base / "export.csv"

        def export_once() -> None:
            with open(out, "w", encoding="utf-8", newline="") as handle:
                export_annotations(store.annotations(), by_id, "csv", handle)

        rows.append(
            row(
                f"store: export {_label(len(store))} annotations to CSV",
                time_calls(export_once, runs=1 if quick else 5, warmup=1),
                unit="s",
                target="<= 2 s",
                limit=2.0,
            )
        )

        def export_w3c_once() -> None:
            with open(base / "export.jsonld", "w", encoding="utf-8") as handle:
                export_annotations(store.annotations(), by_id, "w3c", handle)

        rows.append(
            row(
                f"store: export {_label(len(store))} annotations as W3C JSON-LD",
                time_calls(export_w3c_once, runs=1 if quick else 5, warmup=1),
                unit="s",
                target="<= 2 s",
                limit=2.0,
            )
        )

        def export_qdpx_once() -> None:
            project = export_project(store.annotations(), store.tags(), by_id, name="bench")
            (base / "export.qdpx").write_bytes(project.data)

        rows.append(
            row(
                f"store: export {_label(len(store))} annotations as a REFI-QDA project",
                time_calls(export_qdpx_once, runs=1 if quick else 3, warmup=0 if quick else 1),
                unit="s",
                target="<= 15 s",
                limit=15.0,
            )
        )
    return rows
