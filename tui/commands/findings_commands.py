"""``gloss retrieve``, ``gloss stats`` and ``gloss cooccur``: from coding to findings.

Thin over :mod:`store.findings`: every passage of a code (and the codes below it) across
interviews, the code x interview (or x coder) counts rolled up to parent codes, and the
codes whose passages overlap or share a question. Text tables by default, readable in
80 columns; ``--csv`` and ``--json`` for spreadsheets and scripts. Nothing here imports
Textual.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from typing import Any, TextIO

from store import Store, StoreError
from store.findings import CooccurrenceMatrix, CountTable, cooccur, count_codes, retrieve
from store.findings.cooccurrence import SCOPES
from store.findings.counts import BY
from store.tagpaths import normalise_tag
from tui.commands.atomic import output_stream
from tui.commands.common import counted
from tui.commands.findings_output import (
    RETRIEVED_COLUMNS,
    aligned,
    cell,
    matrix_lines,
    retrieved_markdown,
    retrieved_public,
    retrieved_row,
    short_number,
    terminal_width,
)
from tui.commands.output import printable, summary
from tui.commands.store_access import open_store, store_command

RETRIEVE_FORMATS = ("md", "csv", "json")


def register(subparsers: Any) -> None:
    """Add ``retrieve``, ``stats`` and ``cooccur``."""
    retrieve_parser = store_command(
        subparsers, "retrieve", run_retrieve,
        help="every passage of a code and the codes below it, across interviews",
        description=(
            "Every passage coded TAG or a code below it (policy brings policy/tax too), in "
            "every interview of the database, with its interview, the question it is under "
            "(when the interview's text can be read), coder and note. Markdown by default; "
            "CSV cells a spreadsheet would run as a formula get a leading apostrophe."
        ),
    )  # fmt: skip
    retrieve_parser.add_argument("tag", metavar="TAG", help="a code (tag path)")
    retrieve_parser.add_argument("--author", metavar="A", help="only this coder's passages")
    retrieve_parser.add_argument("--format", choices=RETRIEVE_FORMATS, default="md")
    retrieve_parser.add_argument(
        "-o", "--output", default="-", metavar="PATH", help="output file (default: - stdout)"
    )
    _add_neutralise(retrieve_parser)

    stats = store_command(
        subparsers, "stats", run_stats,
        help="passages and characters coded per code and interview (or coder)",
        description=(
            "A code x interview matrix (or code x coder with --by author): the passages "
            "coded with each code or a code below it, and the characters they cover (each "
            "character once, however many passages or coders mark it). Parent codes roll "
            "up their subtree. Orphaned annotations are left out."
        ),
    )  # fmt: skip
    stats.add_argument("--by", choices=BY, default="interview", help="columns (default: interview)")
    stats.add_argument("--author", metavar="A", help="only this coder's annotations")
    _add_machine_formats(stats)

    co = store_command(
        subparsers, "cooccur", run_cooccur,
        help="which codes meet: overlapping passages (or a shared question)",
        description=(
            "A matrix of codes whose passages overlap (by a character or more) in the same "
            "interview: each cell counts the pairs of overlapping passages, a passage coded "
            "with both codes counting as one. With --scope question, each cell counts the "
            "questions-and-answers in which both codes have a passage (needs the "
            "interviews' texts). The JSON gives the passages behind each cell."
        ),
    )  # fmt: skip
    co.add_argument("--scope", choices=SCOPES, default="overlap", help="default: overlap")
    co.add_argument("--author", metavar="A", help="only this coder's annotations")
    _add_machine_formats(co)


def _add_neutralise(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--no-neutralise", "--no-neutralize", dest="neutralise", action="store_false",
        help="CSV: write formula-like cells as they are (only for trusted data)",
    )  # fmt: skip


def _add_machine_formats(parser: argparse.ArgumentParser) -> None:
    formats = parser.add_mutually_exclusive_group()
    formats.add_argument("--json", action="store_true", help="machine-readable output")
    formats.add_argument("--csv", action="store_true", help="a CSV matrix")
    _add_neutralise(parser)


def _checked(store: Store, author: str | None) -> None:
    """Refuse an empty database, or a coder who coded nothing in it, in one line."""
    if len(store) == 0:
        raise StoreError(
            f"{store.path}: no annotations yet; tag passages in the reader or with "
            "'gloss annotate' first"
        )
    if author is not None:
        coders = sorted({a.author for a in store.annotations()})
        if author not in coders:
            raise StoreError(
                f"{store.path}: no annotations by coder {printable(author)!r}; the coders "
                f"are: {', '.join(printable(c) for c in coders)}"
            )


# -- retrieve -------------------------------------------------------------------------


def run_retrieve(args: argparse.Namespace) -> int:
    with open_store(args, reading=True) as store:
        _checked(store, args.author)
        passages = retrieve(store, args.tag, author=args.author)
    code = normalise_tag(args.tag)
    with output_stream(args.output, newline="" if args.format == "csv" else None) as out:
        if args.format == "md":
            retrieved_markdown(code, passages, out)
        elif args.format == "csv":
            writer = csv.writer(out)
            writer.writerow(RETRIEVED_COLUMNS)
            writer.writerows(retrieved_row(p, args.neutralise) for p in passages)
        else:
            _json([retrieved_public(p) for p in passages], out)
    interviews = len({p.interview for p in passages})
    where = "" if args.output == "-" else f" to {args.output}"
    summary(
        f"{counted(len(passages), 'passage')} of {printable(code)!r} and the codes below it "
        f"in {counted(interviews, 'interview')}{where}"
    )
    return 0


# -- stats ----------------------------------------------------------------------------


def run_stats(args: argparse.Namespace) -> int:
    with open_store(args, reading=True) as store:
        _checked(store, args.author)
        table = count_codes(store.annotations(author=args.author), by=args.by)
    if args.json:
        _json(_stats_public(table), sys.stdout)
    elif args.csv:
        _stats_csv(table, sys.stdout, args.neutralise)
    else:
        _stats_text(table)
    left_out = (
        f"; {counted(table.orphaned, 'orphaned annotation')} left out" if table.orphaned else ""
    )
    summary(
        f"{counted(len(table.rows), 'code')}, {counted(table.passages, 'passage')} in "
        f"{counted(len(table.columns), table.by if table.by == 'interview' else 'coder')}{left_out}"
    )
    return 0


def _stats_public(table: CountTable) -> dict[str, object]:
    return {
        "by": table.by,
        "columns": list(table.columns),
        "passages": table.passages,
        "orphaned": table.orphaned,
        "rows": [
            {
                "code": r.code, "depth": r.depth, "used": r.used,
                "passages": r.total.passages, "characters": r.total.characters,
                "cells": {
                    column: {"passages": c.passages, "characters": c.characters}
                    for column, c in zip(table.columns, r.cells, strict=True)
                },
            }
            for r in table.rows
        ],
    }  # fmt: skip


def _stats_csv(table: CountTable, out: TextIO, neutralise: bool) -> None:
    writer = csv.writer(out)
    header = ["code", "depth", "passages", "characters"]
    for column in table.columns:
        name = cell(column, neutralise)
        header += [f"{name} passages", f"{name} characters"]
    writer.writerow(header)
    for r in table.rows:
        line: list[str | int] = [
            cell(r.code, neutralise),
            r.depth,
            r.total.passages,
            r.total.characters,
        ]
        for c in r.cells:
            line += [c.passages, c.characters]
        writer.writerow(line)


def _stats_text(table: CountTable) -> None:
    """The matrix (cells ``passages/characters``) if it fits the terminal, else one line
    per code and column that has passages."""
    labels = ["  " * r.depth + r.code.rsplit("/", 1)[-1] for r in table.rows]

    def shown(passages: int, characters: int) -> str:
        return f"{passages}/{short_number(characters)}" if passages else "·"

    cells = [
        [
            shown(r.total.passages, r.total.characters),
            *(shown(c.passages, c.characters) for c in r.cells),
        ]
        for r in table.rows
    ]
    columns = ["TOTAL", *table.columns]
    lines = matrix_lines(labels, columns, cells, terminal_width())
    if lines is not None:
        print("passages/characters coded per code (rolled up to parent codes)")
        print("\n".join(lines))
        return
    header = ["CODE", table.by.upper(), "PASSAGES", "CHARACTERS"]
    rows = []
    for r in table.rows:
        rows.append([r.code, "(all)", str(r.total.passages), f"{r.total.characters:,}"])
        rows += [
            [r.code, column, str(c.passages), f"{c.characters:,}"]
            for column, c in zip(table.columns, r.cells, strict=True)
            if c.passages
        ]
    print("\n".join(aligned(header, rows, numeric=(2, 3))))


# -- cooccur --------------------------------------------------------------------------


def run_cooccur(args: argparse.Namespace) -> int:
    with open_store(args, reading=True) as store:
        _checked(store, args.author)
        matrix = cooccur(store.annotations(author=args.author), scope=args.scope)
    if args.json:
        _json(_cooccur_public(matrix), sys.stdout)
    elif args.csv:
        _cooccur_csv(matrix, sys.stdout, args.neutralise)
    else:
        _cooccur_text(matrix)
    what = "overlapping passages" if matrix.scope == "overlap" else "shared questions"
    left_out = ""
    if matrix.unplaced:
        why = "orphaned" if matrix.scope == "overlap" else "orphaned or their question unknown"
        left_out = f"; {counted(matrix.unplaced, 'passage')} left out ({why})"
    summary(
        f"{counted(len(matrix.pairs()), 'pair')} of {counted(len(matrix.codes), 'code')} meet "
        f"({what}){left_out}"
    )
    return 0


def _cooccur_public(matrix: CooccurrenceMatrix) -> dict[str, object]:
    def passage(a: Any) -> dict[str, object]:
        return {"id": a.id, "start": a.start, "end": a.end, "coder": a.author, "quote": a.exact}

    return {
        "scope": matrix.scope,
        "codes": list(matrix.codes),
        "unplaced": matrix.unplaced,
        "pairs": [
            {
                "a": a, "b": b, "count": count,
                "meetings": [
                    {
                        "interview": m.interview, "question": m.question,
                        "question_index": m.question_index,
                        "a": [passage(p) for p in m.first], "b": [passage(p) for p in m.second],
                    }
                    for m in matrix.behind(a, b)
                ],
            }
            for a, b, count in matrix.pairs()
        ],
    }  # fmt: skip


def _cooccur_csv(matrix: CooccurrenceMatrix, out: TextIO, neutralise: bool) -> None:
    writer = csv.writer(out)
    codes = matrix.codes
    writer.writerow(["code", *(cell(c, neutralise) for c in codes)])
    for a in codes:
        writer.writerow(
            [cell(a, neutralise), *("" if a == b else matrix.count(a, b) for b in codes)]
        )


def _cooccur_text(matrix: CooccurrenceMatrix) -> None:
    """The matrix with numbered columns if it fits the terminal, else the pairs."""
    codes = matrix.codes
    if not matrix.pairs():
        print("no codes meet" + (" (no codes)" if not codes else ""))
        return
    labels = [f"{n:>2} {code}" for n, code in enumerate(codes, start=1)]
    cells = [[("·" if a == b else str(matrix.count(a, b) or "")) for b in codes] for a in codes]
    numbers = [str(n) for n in range(1, len(codes) + 1)]
    lines = matrix_lines(labels, numbers, cells, terminal_width())
    if lines is not None:
        print("\n".join(lines))
        return
    rows = [[a, b, str(count)] for a, b, count in matrix.pairs()]
    print("\n".join(aligned(["CODE", "CODE", "COUNT"], rows, numeric=(2,))))


def _json(value: object, out: TextIO) -> None:
    json.dump(value, out, ensure_ascii=False, indent=2)
    out.write("\n")
