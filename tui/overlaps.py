"""Which of many passages overlap one screen line: the reader's per-line question.

The reader paints one line at a time and asks, for each, which annotations, search hits
and flagged passages touch it. Kept sorted by start, with the longest length known,
that is two bisections and a short scan however many passages there are. No Textual.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

Item = TypeVar("Item")


class Overlaps(Generic[Item]):
    """Items with a ``[start, end)`` (given by ``bounds``), found by overlap."""

    def __init__(self, items: Iterable[Item], bounds: Callable[[Item], tuple[int, int]]) -> None:
        self.items = sorted(items, key=bounds)
        self._bounds = bounds
        spans = [bounds(item) for item in self.items]
        self._starts = [start for start, _ in spans]
        self._longest = max((end - start for start, end in spans), default=0)

    def __len__(self) -> int:
        return len(self.items)

    def between(self, start: int, end: int) -> list[Item]:
        """The items overlapping ``[start, end)``, in order of start."""
        if not self.items:
            return []
        low = bisect_left(self._starts, start - self._longest)
        high = bisect_left(self._starts, end)
        return [i for i in self.items[low:high] if self._bounds(i)[1] > start]
