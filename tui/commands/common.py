"""Options and helpers shared by the reader and several subcommands, each declared once.

``--db`` means the same everywhere and is declared only here; ``--author`` is who writes
(the reader, ``annotate``) or, on a command that lists or exports, whose annotations to
show. A subcommand's ``--db`` never overrides one given before the command name
(``gloss --db team.json list``): it is added with no default of its own.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from corpus import Interview, load_interview, resolve_interview

Handler = Callable[[argparse.Namespace], int]
"""What a subcommand's parser stores as ``handler``: it runs the command, returns the exit code."""

DB_HELP = (
    "annotation database (default: $GLOSS_DB, else <user data dir>/gloss/annotations.json); "
    "an explicit --db wins over $GLOSS_DB"
)
AUTHOR_HELP = "who is annotating (default: $GLOSS_AUTHOR, else the login name)"
AUTHOR_FILTER_HELP = "only this author's annotations"


def add_db_option(parser: argparse.ArgumentParser, *, default: object = argparse.SUPPRESS) -> None:
    """``--db PATH`` under its own "database" heading.

    By default the option sets nothing when absent, so that a ``--db`` given earlier (before
    the command name, or before a nested action such as ``tags rename``) is kept; the
    outermost parser passes ``default=None`` so that ``args.db`` always exists.
    """
    database = parser.add_argument_group("database")
    database.add_argument("--db", metavar="PATH", default=default, help=DB_HELP)


def add_store_options(parser: argparse.ArgumentParser) -> None:
    """``--db`` and ``--author`` of the reader, resolved later by ``store.settings``."""
    add_db_option(parser, default=None)
    parser.add_argument("--author", metavar="NAME", help=AUTHOR_HELP)


def load_named_interview(name: str) -> Interview:
    """The interview a command line names: a file path or a bundled interview id."""
    return load_interview(resolve_interview(name))
