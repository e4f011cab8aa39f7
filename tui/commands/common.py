"""Options and helpers shared by several subcommands and the reader."""

from __future__ import annotations

import argparse


def add_store_options(parser: argparse.ArgumentParser) -> None:
    """``--db`` and ``--author``, resolved later by ``store.settings``."""
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="annotation database (default: $GLOSS_DB, else the user data directory)",
    )
    parser.add_argument(
        "--author",
        metavar="NAME",
        help="who is annotating (default: $GLOSS_AUTHOR, else the login name)",
    )
