"""How the headless commands print: text from the database made safe, tables, progress.

Text from the database (quotes, notes, tag names) is printed with control characters
made visible, so a hostile note can never send escape sequences to the terminal.
"""

from __future__ import annotations

import shutil
import sys
import time
from collections.abc import Sequence
from typing import TextIO

from corpus import escape_unsafe

PROGRESS_AFTER = 0.5
"""Seconds an export runs silently before it starts showing progress on stderr."""


def summary(line: str) -> None:
    """A closing line on stderr, after everything printed on stdout: when both go to one
    file or pipe (``gloss list > out.txt 2>&1``), stdout is buffered and would land after."""
    sys.stdout.flush()
    print(line, file=sys.stderr)


def printable(text: str, limit: int | None = None) -> str:
    """``text`` on one line, control characters shown as escapes, cut to ``limit``."""
    flat = " ".join(text.split())
    safe = escape_unsafe(flat)
    if limit is not None and len(safe) > limit:
        return safe[: max(0, limit - 1)] + "…"
    return safe


def print_table(header: Sequence[str], rows: list[list[str]], flexible: Sequence[int]) -> None:
    """Aligned columns; the ``flexible`` ones share what is left of the terminal width."""
    cells = [[printable(c) for c in row] for row in rows]
    width = shutil.get_terminal_size((120, 24)).columns
    widths = [max([len(header[i])] + [len(r[i]) for r in cells]) for i in range(len(header))]
    fixed = sum(w + 2 for i, w in enumerate(widths) if i not in flexible)
    room = max(12 * len(flexible), width - fixed)
    for i in flexible:
        widths[i] = min(widths[i], room // len(flexible))
    for row in [list(header), *cells]:
        print("  ".join(_fit(c, widths[i]) for i, c in enumerate(row)).rstrip())


def _fit(cell: str, width: int) -> str:
    return cell.ljust(width) if len(cell) <= width else cell[: width - 1] + "…"


class Progress:
    """Shows ``exporting done/total`` on stderr once an export has run for a moment."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._started = time.monotonic()
        self._shown = False
        self._tty = stream.isatty()
        self._last = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self._started < PROGRESS_AFTER or (not self._tty and now - self._last < 2):
            return
        self._last = now
        self._shown = True
        end = "\r" if self._tty else "\n"
        self._stream.write(f"gloss: exporting {done}/{total}{end}")
        self._stream.flush()

    def done(self) -> None:
        if self._shown and self._tty:
            self._stream.write("\n")
