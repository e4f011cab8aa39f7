"""From coding to findings on a big project: 100 interviews, 50k annotations by 3 coders.

Targets (issue 12): retrieving every passage of a code and its sub-codes <= 100 ms;
``gloss stats`` <= 1 s. ``gloss cooccur`` is timed too (no target in the issue; the
overlap sweep grows with the number of overlapping pairs, which random passages make
plentiful: about a dozen per passage here).

The interviews are the two bundled ones under 100 ids (50 copies each), so every passage
has a real outline to find its question in; the annotations are
:func:`benchmarks.bench_store.random_annotation`'s. Retrieval is timed as the reader's
screen and ``gloss report`` run it: on an open store, with the interviews' texts at
hand (an :class:`~store.findings.InterviewTexts` shared across calls). ``stats`` and
``cooccur`` are timed as a user runs them, in-process: open the database, compute, print
(to a discarded stream); a second row times the computation alone.
"""

from __future__ import annotations

import contextlib
import io
import random
import tempfile
from dataclasses import replace
from pathlib import Path

from benchmarks.bench_store import random_annotation
from benchmarks.core import Row, cpu_calls, row, time_calls
from corpus import Interview, bundled_paths, load_interview
from store import AnnotationStore
from store.codec import to_doc
from store.findings import InterviewTexts, cooccur, count_codes, retrieve
from store.journal import JournalFile
from store.schema import empty_tables
from tui.cli import main

CODERS = ("ann", "bob", "chen")
CODE = "policy"
"""Retrieved with its sub-codes (policy/tax-relief, policy/subsidy): about half the passages."""


def many_interviews(count: int) -> list[Interview]:
    """``count`` interviews: the bundled two under distinct ids."""
    bundled = [load_interview(path) for path in bundled_paths()]
    return [replace(bundled[n % 2], id=f"{bundled[n % 2].id}-{n:03d}") for n in range(count)]


def build_project(path: Path, interviews: list[Interview], count: int, seed: int = 0) -> None:
    chance = random.Random(seed)
    tables = empty_tables()
    rows = tables["annotations"]
    for key in range(1, count + 1):
        interview = interviews[key % len(interviews)]
        annotation = random_annotation(
            chance, interview, chance.choice(CODERS), "2026-01-01T10:00:00.000Z"
        )
        rows[str(key)] = to_doc(annotation)
    JournalFile(path).write_main(tables)


def _command(*args: str) -> None:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        assert main(list(args)) == 0


def run(quick: bool) -> list[Row]:
    """Retrieval, stats and cooccur: the commands and the computations alone."""
    interview_count, count = (10, 500) if quick else (100, 50_000)
    runs = 1 if quick else 7
    label = f"{count // 1000}k" if count >= 1000 else str(count)
    size = f"{interview_count} interviews x {label} annotations"
    interviews = many_interviews(interview_count)
    with tempfile.TemporaryDirectory(prefix="gloss-bench-") as folder:
        path = Path(folder) / "project.json"
        build_project(path, interviews, count)
        with AnnotationStore.open(path) as store:
            texts = InterviewTexts(interviews)
            found = retrieve(store, CODE, texts=texts)
            retrieval = time_calls(
                lambda: retrieve(store, CODE, texts=texts), runs=5 if quick else 21
            )
            retrieval_cpu = cpu_calls(
                lambda: retrieve(store, CODE, texts=texts), runs=5 if quick else 21
            )
            annotations = store.annotations()
        stats_alone = time_calls(lambda: count_codes(annotations), runs=runs)
        stats = time_calls(lambda: _command("stats", "--db", str(path)), runs=runs)
        stats_cpu = cpu_calls(lambda: _command("stats", "--db", str(path)), runs=runs)
        cooccur_alone = time_calls(lambda: cooccur(annotations), runs=runs)
        cooccur_command = time_calls(lambda: _command("cooccur", "--db", str(path)), runs=runs)
    return [
        row(
            f"findings: retrieve a code and its sub-codes ({len(found)} passages), {size}",
            retrieval, unit="ms", scale=1000, target="<= 100 ms", limit=100.0,
        ),
        row("findings: retrieve, CPU time of the same", retrieval_cpu, unit="ms", scale=1000),
        row(
            f"findings: gloss stats, {size}", stats, unit="s", target="<= 1 s", limit=1.0
        ),
        row("findings: gloss stats, CPU time of the same", stats_cpu, unit="s"),
        row(f"findings: stats computation alone, {label}", stats_alone, unit="ms", scale=1000),
        row(f"findings: gloss cooccur (overlap), {size}", cooccur_command, unit="s"),
        row(f"findings: cooccur computation alone, {label}", cooccur_alone, unit="ms", scale=1000),
    ]  # fmt: skip
