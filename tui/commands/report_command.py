"""``gloss report``: the database written up as one HTML page or a Markdown file.

Thin over :mod:`store.report`: assemble, render, write whole or not at all. On a large
database the slow parts (placing each passage in its interview, writing the passages)
show a progress bar on stderr when stderr is a terminal; in a pipe or CI nothing is
drawn. Nothing here imports Textual.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal, TextIO

from store import StoreError
from tui.commands.atomic import output_stream
from tui.commands.common import AUTHOR_FILTER_HELP, counted
from tui.commands.output import printable, summary
from tui.commands.store_access import open_store, store_command

Format = Literal["html", "md"]
SUFFIXES: dict[str, Format] = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}
PROGRESS_FROM = 2000
"""Annotations from which a terminal gets a progress bar (smaller reports are instant)."""
Step = Callable[[int, int], None]


def register(subparsers: Any) -> None:
    """Add ``report``."""
    parser = store_command(
        subparsers,
        "report",
        run_report,
        help="write up the database: codebook, passages, matrices, agreement (HTML or Markdown)",
        description=(
            "Write a report of the database: the codebook with descriptions, colours and "
            "counts; the code x interview matrix; the co-occurrence matrix; the agreement "
            "between coders (as 'gloss agree' gives it) where there are several; and every "
            "code's passages with their interview, question, coder and note. HTML is one "
            "self-contained page (no script, nothing loaded from the network) that prints "
            "well; Markdown suits pandoc. The format follows the -o suffix (.html, .md) "
            "unless --format says otherwise."
        ),
    )
    parser.add_argument(
        "-o", "--output", default="-", metavar="PATH",
        help="the report file (.html or .md); default - writes Markdown to stdout",
    )  # fmt: skip
    parser.add_argument("--format", choices=("html", "md"), help="html or md (default: by suffix)")
    parser.add_argument("--author", metavar="A", help=AUTHOR_FILTER_HELP)
    parser.add_argument("--tag", metavar="T", help="only this code and the codes below it")
    parser.epilog = "examples: gloss report -o report.html; gloss report --tag policy -o policy.md"


def output_format(output: str, chosen: str | None) -> Format:
    """``--format`` if given, else the one ``-o``'s suffix names (Markdown on stdout)."""
    if chosen is not None:
        return "html" if chosen == "html" else "md"
    if output == "-":
        return "md"
    found = SUFFIXES.get(Path(output).suffix.lower())
    if found is None:
        raise StoreError(
            f"{output}: cannot tell the report format from its name; end it in .html or "
            ".md, or pass --format html|md"
        )
    return found


def run_report(args: argparse.Namespace) -> int:
    from store.report import assemble, render_html, render_markdown

    fmt = output_format(args.output, args.format)
    render = render_html if fmt == "html" else render_markdown
    target = None if args.output == "-" else Path(args.output)
    with open_store(args, reading=True) as store:
        if target is not None:
            _refuse_database(target, store.path)
        with _progress(len(store) >= PROGRESS_FROM) as step, _no_cycle_collection():
            report = assemble(
                store, tag=args.tag, author=args.author, progress=step("placing passages")
            )
            writing = step("writing the report")
            if target is None:
                render(report, sys.stdout, writing)
                return 0
            with output_stream(target) as out:
                render(report, out, writing)
    summary(
        f"wrote the report of {counted(report.annotations, 'annotation')} and "
        f"{counted(len(report.codes), 'code')} to {printable(str(target))}"
    )
    return 0


def _refuse_database(target: Path, database: Path) -> None:
    """Never write a report over the database or one of its files (a slip of -o)."""
    resolved = target.resolve()
    own = {database.resolve()} | {
        Path(f"{database.resolve()}{suffix}") for suffix in (".journal", ".seal", ".lock")
    }
    if resolved in own:
        raise StoreError(f"{target}: is the database or one of its files; choose another -o")


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused while the report is built: it would walk the
    50k annotations held in memory again and again as the findings make their many small
    objects (40% of the time at 50k); reference counting still frees them, and the
    report makes no cycles worth waiting for."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextmanager
def _progress(wanted: bool) -> Iterator[Callable[[str], Step | None]]:
    """``step(label)`` gives a progress callback for one stage: a Rich bar on stderr when
    ``wanted`` and stderr is a terminal, else None (nothing is drawn in a pipe or in CI)."""
    stream: TextIO = sys.stderr
    if not wanted or not stream.isatty():
        yield lambda label: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=Console(file=stream), transient=True) as bar:

        def step(label: str) -> Step:
            task = bar.add_task(label, total=None)
            return lambda done, total: bar.update(task, completed=done, total=total)

        yield step
