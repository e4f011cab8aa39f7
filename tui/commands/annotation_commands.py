"""``gloss annotate`` and ``gloss list``: annotating a passage and listing annotations.

``annotate`` prints the new id and exits 0 only once the store has made it durable.
Nothing here imports Textual.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from corpus import Interview, find_text
from store import StoreError, resolve_author
from store.codec import to_public
from tui.commands.common import AUTHOR_HELP, check_own_file, counted, load_named_interview
from tui.commands.output import print_table, printable, summary
from tui.commands.store_access import add_filters, filtered, open_store, store_command


def register(subparsers: Any) -> None:
    """Add ``annotate`` and ``list``."""
    _register_annotate(subparsers)
    _register_list(subparsers)


def _register_annotate(subparsers: Any) -> None:
    parser = store_command(
        subparsers,
        "annotate",
        run_annotate,
        help="annotate a quoted passage of an interview",
        description=(
            "Annotate the passage of INTERVIEW's clean text that matches --quote (runs of "
            "whitespace in the quote match any whitespace). Prints the annotation's id "
            "alone on stdout, once it is safely on disk. Annotating a passage you (--author) "
            "annotated already adds the tags to your annotation instead of making another; "
            "another coder's annotation of it stays theirs and you get your own."
        ),
    )
    parser.add_argument("interview", metavar="INTERVIEW", help="bundled interview id or file")
    parser.add_argument("--quote", required=True, metavar="TEXT", help="the passage to annotate")
    parser.add_argument(
        "--occurrence",
        type=int,
        default=1,
        metavar="N",
        help="annotate the Nth occurrence of the quote (default: the first)",
    )
    parser.add_argument(
        "--tag", action="append", default=[], metavar="T", help="a tag path; repeat for more"
    )
    parser.add_argument("--note", default="", metavar="TEXT", help="a note (may span lines)")
    parser.add_argument("--author", metavar="NAME", help=AUTHOR_HELP)


def _register_list(subparsers: Any) -> None:
    parser = store_command(
        subparsers,
        "list",
        run_list,
        help="list annotations",
        description=(
            "List annotations in text order as a table, or with --json as a JSON array. "
            "Orphaned annotations (their passage was not found after the text changed) "
            "are listed with status 'orphaned': find them with --status orphaned."
        ),
    )
    add_filters(parser)
    parser.add_argument("--json", action="store_true", help="machine-readable output")


def find_quote(interview: Interview, quote: str, occurrence: int) -> tuple[int, int]:
    """The span of the Nth occurrence of ``quote``; whitespace runs match any whitespace."""
    if not quote.split():
        raise StoreError("--quote is empty; give the passage to annotate")
    if occurrence < 1:
        raise StoreError(f"--occurrence {occurrence}: count from 1")
    found = find_text(interview.text, quote, ignore_case=False)
    if occurrence <= len(found):
        span = found[occurrence - 1]
        return span.start, span.end
    shown = printable(quote, 60)
    if not found:
        raise StoreError(
            f"{interview.id}: quote {shown!r} is not in the clean text; check it with "
            f"'gloss clean {interview.id}'"
        )
    raise StoreError(
        f"{interview.id}: quote {shown!r} occurs {len(found)} time(s); --occurrence "
        f"{occurrence} is too big"
    )


def run_annotate(args: argparse.Namespace) -> int:
    if not args.tag and not args.note.strip():
        raise StoreError(
            "annotate: give a --tag T (repeat for more) or a --note TEXT; an annotation "
            "with neither says nothing"
        )
    interview = load_named_interview(args.interview)
    start, end = find_quote(interview, args.quote, args.occurrence)
    author = resolve_author(args.author)
    with open_store(args) as store:
        check_own_file(store, interview)
        change = store.add(interview, start, end, tags=args.tag, note=args.note, author=author)
    print(change.annotation.id)
    return 0


def run_list(args: argparse.Namespace) -> int:
    with open_store(args, reading=True) as store:
        annotations = filtered(store, args)
    if args.json:
        json.dump([to_public(a) for a in annotations], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    rows = [
        [
            a.id[:8],
            a.interview,
            f"{a.start}-{a.end}",
            ", ".join(a.tags),
            a.author,
            a.status,
            a.exact,
            a.note,
        ]
        for a in annotations
    ]
    header = ["ID", "INTERVIEW", "SPAN", "TAGS", "AUTHOR", "STATUS", "QUOTE", "NOTE"]
    print_table(header, rows, flexible=(6, 7))
    summary(counted(len(rows), "annotation"))
    return 0
