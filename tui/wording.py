"""Counting words for messages: one place decides "1 annotation" versus "2 annotations".

Plain strings, no Textual: the reading session and the commands use it as well as widgets.
"""

from __future__ import annotations


def counted(count: int, noun: str) -> str:
    """``count`` with ``noun`` in the singular or plural: "1 annotation", "2 annotations"."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
