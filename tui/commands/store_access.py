"""What every store subcommand shares: its parser with ``--db``, the filters, the database.

The store commands are thin wrappers over :mod:`store`: parse, call, print. A change is
reported only once the store has made it durable.
"""

from __future__ import annotations

import argparse
from typing import Any

from store import STATUSES, Annotation, Store, resolve_db
from store import open_store as open_named_store
from tui.commands.common import AUTHOR_FILTER_HELP, Handler, add_db_option, interview_id_in


def store_command(
    subparsers: Any, name: str, handler: Handler, *, help: str, description: str
) -> argparse.ArgumentParser:
    """The parser of one store subcommand, with its handler and its ``--db``.

    Every store command reads or writes the database, so each gets ``--db`` here rather
    than remembering to add it.
    """
    parser: argparse.ArgumentParser = subparsers.add_parser(
        name, help=help, description=description
    )
    add_db_option(parser)
    parser.set_defaults(handler=handler)
    return parser


def add_filters(parser: argparse.ArgumentParser) -> None:
    """``--tag``, ``--interview``, ``--author``, ``--status``: which annotations to take."""
    parser.add_argument("--tag", metavar="T", help="only this tag (and the tags below it)")
    parser.add_argument(
        "--interview",
        metavar="I",
        help="only this interview: its id, the start of it (000) or its file",
    )
    parser.add_argument("--author", metavar="A", help=AUTHOR_FILTER_HELP)
    parser.add_argument(
        "--status", choices=STATUSES, help="only annotations with this anchoring status"
    )


def filtered(store: Store, args: argparse.Namespace) -> list[Annotation]:
    """The annotations in ``store`` that the filters of :func:`add_filters` let through."""
    interview = interview_id_in(store, args.interview)
    return store.annotations(
        interview=interview, tag=args.tag, author=args.author, status=args.status
    )


def open_store(args: argparse.Namespace, *, reading: bool = False) -> Store:
    """The database of ``--db``. A command that only reads (or changes only what is in
    it) passes ``reading``: a database that is not there is refused rather than made
    (a mistyped --db), and one in a read-only place is read without its lock. A
    ``postgresql://`` URI opens the database on that server."""
    return open_named_store(resolve_db(args.db), reading=reading)
