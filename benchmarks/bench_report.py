"""``gloss report`` of a big project: 100 interviews, 50k annotations by three coders.

Target (issue 12): the whole report in <= 10 s. Timed as a user runs it, in-process:
open the database, place every passage in its interview (each interview file read once;
its cleaned text cached, as after the first run), count, co-occur, compute the three
coders' agreement, and write the HTML page (about 30 MB) or the Markdown file to disk.
"""

from __future__ import annotations

import contextlib
import io
import random
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from benchmarks.bench_store import random_annotation
from benchmarks.core import Row, row, time_calls
from corpus import Interview, load_interview
from store.codec import to_doc
from store.journal import JournalFile
from store.schema import empty_tables
from tests.synthetic_transcripts import long_transcript
from tui.cli import main

CODERS = ("ann", "bob", "chen")


def write_interviews(folder: Path, count: int) -> list[Interview]:
    """``count`` different interview files (40 to 40 + count questions each), read once."""
    interviews = []
    for number in range(count):
        path = folder / f"interview-{number:03d}.txt"
        path.write_text(long_transcript(40 + number), encoding="utf-8")
        interviews.append(load_interview(path))
    return interviews


def build_project(path: Path, interviews: list[Interview], count: int, seed: int = 0) -> None:
    """``count`` annotations spread over ``interviews`` and :data:`CODERS`, each knowing
    its interview's file (as annotations made in the reader do)."""
    chance = random.Random(seed)
    tables = empty_tables()
    rows = tables["annotations"]
    for key in range(1, count + 1):
        interview = interviews[key % len(interviews)]
        made = random_annotation(
            chance, interview, chance.choice(CODERS), "2026-01-01T10:00:00.000Z"
        )
        rows[str(key)] = to_doc(replace(made, source=str(interview.path)))
    JournalFile(path).write_main(tables)


def run(quick: bool) -> list[Row]:
    """The HTML report and the Markdown one."""
    interview_count, annotations = (5, 500) if quick else (100, 50_000)
    runs = 1 if quick else 5
    label = f"{annotations // 1000}k" if annotations >= 1000 else str(annotations)
    rows = []
    with tempfile.TemporaryDirectory(prefix="gloss-bench-") as folder:
        root = Path(folder)
        interviews = write_interviews(root, interview_count)
        db = root / "project.json"
        build_project(db, interviews, annotations)
        for suffix, target in (("html", "<= 10 s"), ("md", "")):
            cpu: list[float] = []

            def report(suffix: str = suffix, cpu: list[float] = cpu) -> None:
                out = root / f"report.{suffix}"
                started = time.process_time()
                with (
                    contextlib.redirect_stdout(io.StringIO()),
                    contextlib.redirect_stderr(io.StringIO()),
                ):
                    assert main(["report", "--db", str(db), "-o", str(out)]) == 0
                cpu.append(time.process_time() - started)

            samples = time_calls(report, runs=runs)
            figure = (
                f"report: gloss report -o report.{suffix}, {interview_count} interviews, "
                f"{label} annotations, 3 coders"
            )
            limit = 10.0 if target else None
            rows.append(row(figure, samples, unit="s", target=target, limit=limit))
            # The same runs' CPU time: what the wall time is on a machine not shared
            # with other work (the report is one thread).
            rows.append(row(f"{figure} (CPU time)", cpu[-runs:], unit="s"))
    return rows
