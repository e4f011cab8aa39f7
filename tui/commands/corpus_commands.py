"""``gloss clean`` and ``gloss outline``. PLACEHOLDER: the corpus helper fills this in."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    """Add this module's subcommands."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "clean", help="print the clean text of an interview"
    )
    parser.add_argument("file", metavar="FILE")
    parser.set_defaults(handler=_clean)


def _clean(args: argparse.Namespace) -> int:
    from corpus import clean_text, read_text, resolve_interview

    print(clean_text(read_text(resolve_interview(args.file))).text)
    return 0
