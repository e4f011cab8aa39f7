"""``gloss reanchor`` and ``gloss compact``: keeping a database in order.

``reanchor`` finds annotations again after their interview's text changed; ``compact``
folds the journal into the database file. Nothing here imports Textual.
"""

from __future__ import annotations

import argparse
from typing import Any

from tui.commands.common import check_own_file, counted, load_named_interviews
from tui.commands.output import printable, summary
from tui.commands.store_access import open_store, store_command


def register(subparsers: Any) -> None:
    """Add ``reanchor`` and ``compact``."""
    parser = store_command(
        subparsers,
        "reanchor",
        run_reanchor,
        help="find annotations again in interviews whose text changed",
        description=(
            "Re-anchor the annotations of each interview whose text changed since they "
            "were made, and list those that could not be found (orphaned, kept)."
        ),
    )
    parser.add_argument("files", nargs="+", metavar="INTERVIEW", help="bundled ids or files")
    store_command(
        subparsers,
        "compact",
        run_compact,
        help="fold the journal into the database file (before a backup, say)",
        description=(
            "Changes are appended to '<db>.journal' and folded into the database file "
            "now and then. This folds them in now, so that the database file alone holds "
            "everything: for a backup, or for reading it with plain TinyDB."
        ),
    )


def run_reanchor(args: argparse.Namespace) -> int:
    interviews = load_named_interviews(args.files)
    with open_store(args, reading=True) as store:
        for interview in interviews:
            check_own_file(store, interview)
        results = [store.reanchor(interview) for interview in interviews]
    orphans = [o for result in results for o in result.orphaned]
    for orphan in orphans:
        print(f"orphaned {orphan.id} {printable(orphan.interview)} {printable(orphan.exact, 60)!r}")
    moved = sum(result.moved for result in results)
    if moved:
        summary(
            f"{counted(moved, 'annotation')} re-anchored (the text changed since they were made)"
        )
    summary(counted(len(orphans), "orphaned annotation"))
    return 0


def run_compact(args: argparse.Namespace) -> int:
    with open_store(args, reading=True) as store:
        store.compact()
        count = len(store)
    done = "nothing to fold in on a server" if isinstance(store.path, str) else "journal folded in"
    print(f"{store.path}: {counted(count, 'annotation')}, {done}")
    return 0
