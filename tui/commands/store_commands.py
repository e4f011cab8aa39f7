"""``gloss annotate/list/tags/export/import``. PLACEHOLDER: the store helper fills this in."""

from __future__ import annotations

from typing import Any


def register(subparsers: Any) -> None:
    """Add this module's subcommands."""
