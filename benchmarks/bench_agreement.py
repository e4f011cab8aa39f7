"""``gloss agree`` on a big team database: two coders with 10k annotations each.

Target (issue 9): agreement over two interviews with 10k annotations per coder in <= 1 s.
Timed as a user runs it, in-process: open the database, read the coders' annotations,
load the two bundled texts, compute every tag's figures and print them (to a discarded
stream). A second row times the computation alone (``store.agreement.compare``), which
grows with the number of annotations, not the length of the texts.
"""

from __future__ import annotations

import contextlib
import io
import random
import tempfile
from pathlib import Path

from benchmarks.bench_store import random_annotation
from benchmarks.core import Row, row, time_calls
from corpus import Interview, bundled_paths, load_interview
from store import AnnotationStore
from store.agreement import compare
from store.codec import to_doc
from store.journal import JournalFile
from store.schema import empty_tables
from tui.cli import main

CODERS = ("ann", "bob")


def build_team_database(
    path: Path, interviews: list[Interview], per_coder: int, seed: int = 0
) -> None:
    """``per_coder`` annotations by each of :data:`CODERS`, written in one go."""
    chance = random.Random(seed)
    tables = empty_tables()
    rows = tables["annotations"]
    for coder in CODERS:
        for _ in range(per_coder):
            interview = chance.choice(interviews)
            annotation = random_annotation(chance, interview, coder, "2026-01-01T10:00:00.000Z")
            rows[str(len(rows) + 1)] = to_doc(annotation)
    JournalFile(path).write_main(tables)


def run(quick: bool) -> list[Row]:
    """The whole command, and the computation alone."""
    interviews = [load_interview(path) for path in bundled_paths()]
    per_coder = 200 if quick else 10_000
    runs = 1 if quick else 7
    label = f"{per_coder // 1000}k" if per_coder >= 1000 else str(per_coder)
    with tempfile.TemporaryDirectory(prefix="gloss-bench-") as folder:
        path = Path(folder) / "team.json"
        build_team_database(path, interviews, per_coder)

        def agree() -> None:
            with (
                contextlib.redirect_stdout(io.StringIO()),
                contextlib.redirect_stderr(io.StringIO()),
            ):
                assert main(["agree", *CODERS, "--db", str(path)]) == 0

        command = time_calls(agree, runs=runs)
        with AnnotationStore.open(path) as store:
            annotations = store.annotations()
        lengths = {interview.id: len(interview.text) for interview in interviews}
        computation = time_calls(lambda: compare(annotations, lengths, CODERS), runs=runs)
    return [
        row(
            f"agree: gloss agree, 2 coders x {label} annotations, 2 interviews",
            command,
            unit="s",
            target="<= 1 s",
            limit=1.0,
        ),
        row(
            f"agree: computation alone, 2 coders x {label} annotations",
            computation,
            unit="ms",
            scale=1000,
        ),
    ]
