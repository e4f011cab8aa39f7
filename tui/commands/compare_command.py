"""``gloss compare INTERVIEW CODER_A CODER_B``: open the reader comparing two coders.

Everything that can fail on bad input (the file, the database, coders nobody knows of)
fails here as one line on stderr, before Textual takes over the terminal.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from tui.commands.common import AUTHOR_HELP, add_db_option


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "compare",
        help="compare two coders' codings of one interview side by side",
        description=(
            "Open the reader on INTERVIEW with CODER_A's codings on the left and CODER_B's "
            "on the right, the passages where their tags differ marked with ≠. n / N go to "
            "the next / previous difference, c copies the coding under the cursor from the "
            "other side into yours (--author), u undoes, q goes back to reading."
        ),
    )
    parser.add_argument("interview", metavar="INTERVIEW", help="bundled interview id or file")
    parser.add_argument("coder_a", metavar="CODER_A", help="the coder shown on the left")
    parser.add_argument("coder_b", metavar="CODER_B", help="the coder shown on the right")
    parser.add_argument("--author", metavar="NAME", help=AUTHOR_HELP)
    add_db_option(parser)
    parser.set_defaults(handler=run_compare)


def run_compare(args: argparse.Namespace) -> int:
    from store import StoreError, open_store, resolve_author, resolve_db
    from tui.app import make_app
    from tui.commands.common import load_named_interview
    from tui.config import load_settings
    from tui.keys import binding_ids
    from tui.screens.compare import coders_of

    settings = load_settings(binding_ids)
    interviews = [load_named_interview(args.interview)]
    db = resolve_db(args.db)
    author = resolve_author(args.author)
    coders = (" ".join(args.coder_a.split()), " ".join(args.coder_b.split()))
    if coders[0] == coders[1]:
        raise StoreError(f"compare {coders[0]} with someone else: CODER_A and CODER_B are the same")
    store = open_store(db, reading=True)  # a mistyped --db is not made
    try:
        known = coders_of(store.annotations())
        unknown = [coder for coder in coders if coder not in known]
        if unknown:
            raise StoreError(
                f"{store.path}: no codings by {unknown[0]!r}; coders in it: "
                f"{', '.join(known) or 'none yet'} (see 'gloss list --author NAME')"
            )
        app = make_app(
            interviews,
            store,
            author=author,
            db_path=db if isinstance(db, Path) else None,
            keymap=settings.keymap,
            compare=coders,
        )
        app.run()
    finally:
        store.close()
    return app.return_code or 0
