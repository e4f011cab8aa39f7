"""``gloss copy --from SRC --to DST``: a whole database from one backend to another.

TinyDB file to PostgreSQL server or back (or file to file, server to server): every
annotation as stored (id, revision, coder, dates), the codebook with its colours,
descriptions and tombstones. Only what differs is written, so copying again changes
nothing; a destination holding something the source has not is refused (see
:mod:`store.copying`). Nothing here imports Textual.
"""

from __future__ import annotations

import argparse
from typing import Any

from tui.commands.common import counted
from tui.commands.output import summary

FROM_HELP = "the database to copy: a file, or postgresql://USER:PASSWORD@HOST:PORT/DATABASE"
TO_HELP = "where to: a file or a postgresql:// URI (made if missing; must not hold other records)"


def register(subparsers: Any) -> None:
    """Add ``copy``."""
    parser = subparsers.add_parser(
        "copy",
        help="copy a whole database between a file and a PostgreSQL server",
        description=(
            "Copy every annotation (ids, revisions, coders, dates) and the codebook "
            "(descriptions, colours, moved and deleted tags) from one database to "
            "another: a TinyDB file or a PostgreSQL server (postgresql://...), either "
            "way. Copying again changes nothing. A destination that holds annotations "
            "or tags the source has not is refused (use 'gloss import' to merge)."
        ),
    )
    parser.add_argument("--from", dest="source", metavar="SRC", required=True, help=FROM_HELP)
    parser.add_argument("--to", dest="target", metavar="DST", required=True, help=TO_HELP)
    parser.set_defaults(handler=run_copy)


def run_copy(args: argparse.Namespace) -> int:
    from store import StoreError, open_store
    from store.settings import resolve_db

    source, target = resolve_db(args.source), resolve_db(args.target)
    if str(source) == str(target):
        raise StoreError(f"{args.source}: --from and --to name the same database")
    with open_store(source, reading=True) as read:
        contents = read.contents()
        where = read.path
    with open_store(target) as written:
        changed = written.copy_in(contents)
        there = written.path
    whole = counted(len(contents.annotations), "annotation")
    tags = counted(len(contents.codebook), "codebook record")
    summary(
        f"{there}: {whole} and {tags} from {where}; "
        + (f"{counted(changed, 'record')} written" if changed else "nothing to change")
    )
    return 0
