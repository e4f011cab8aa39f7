"""Counting words for messages: one place decides "1 annotation" versus "2 annotations".

Plain strings, no Textual: the reading session and the commands use it as well as widgets.
"""

from __future__ import annotations


def counted(count: int, noun: str) -> str:
    """``count`` with ``noun`` in the singular or plural: "1 annotation", "2 annotations"."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def anchoring_notice(moved: int, orphaned: int) -> str:
    """One line on what opening changed texts did to their annotations ("" if nothing)."""
    parts = []
    if moved:
        parts.append(
            f"{counted(moved, 'annotation')} re-anchored (the text changed since they were made)"
        )
    if orphaned:
        verb = "matches" if orphaned == 1 else "match"
        parts.append(
            f"{counted(orphaned, 'annotation')} no longer {verb} the text (orphaned); "
            "list them with 'gloss list --status orphaned'"
        )
    return "; ".join(parts)
