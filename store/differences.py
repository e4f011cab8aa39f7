"""Where two coders' codings of one interview differ: the passages an adjudicator reads.

Per character of the clean text, each coder applied a set of tags (the union of the tags
of their annotations covering it). Where the two sets differ, the character is in a
difference; consecutive characters with the same tags-only-A and tags-only-B make one
:class:`Difference`. Computed by one sweep over the annotations' boundaries, so the cost
grows with the number of annotations (and their tags), not with the length of the text.
A note-only annotation carries no tags and so never makes a difference by itself.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from store.model import Annotation

A, B = 0, 1
"""The two sides: coder A (shown on the left) and coder B (on the right)."""

_Key = tuple[tuple[str, ...], tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class Difference:
    """A maximal stretch ``[start, end)`` where both coders' tags differ in the same way."""

    start: int
    end: int
    only_a: tuple[str, ...]
    """Tags coder A applied here and coder B did not, sorted."""
    only_b: tuple[str, ...]
    """Tags coder B applied here and coder A did not, sorted."""
    a: tuple[Annotation, ...]
    """Coder A's annotations overlapping the stretch, in text order."""
    b: tuple[Annotation, ...]
    """Coder B's annotations overlapping the stretch, in text order."""

    def annotations(self, side: int) -> tuple[Annotation, ...]:
        """``a`` for side 0 (:data:`A`), ``b`` for side 1 (:data:`B`)."""
        return self.b if side == B else self.a


class Differences(Sequence[Difference]):
    """The differences of two codings, in text order, with stepping from an offset."""

    def __init__(self, found: Sequence[Difference]) -> None:
        self._found = tuple(found)
        self._starts = [d.start for d in self._found]

    def __len__(self) -> int:
        return len(self._found)

    def __getitem__(self, index: int) -> Difference:  # type: ignore[override]
        return self._found[index]

    def __iter__(self) -> Iterator[Difference]:
        return iter(self._found)

    def after(self, offset: int) -> int | None:
        """Index of the first difference starting after ``offset`` (None: none is)."""
        index = bisect_right(self._starts, offset)
        return index if index < len(self._found) else None

    def before(self, offset: int) -> int | None:
        """Index of the last difference starting before ``offset`` (None: none does)."""
        index = bisect_left(self._starts, offset) - 1
        return index if index >= 0 else None

    def at(self, offset: int) -> int | None:
        """Index of the difference containing ``offset`` (None: the codings agree there)."""
        index = bisect_right(self._starts, offset) - 1
        if index >= 0 and offset < self._found[index].end:
            return index
        return None


def differences(a: Sequence[Annotation], b: Sequence[Annotation]) -> Differences:
    """The passages where coder A's tags (``a``) and coder B's (``b``) differ.

    Both are one interview's annotations, each coder's own; orphaned ones (no passage to
    speak of) should be left out by the caller.
    """
    events: list[tuple[int, int, int, Annotation]] = []  # (offset, 0 end / 1 start, side, …)
    for side, group in ((A, a), (B, b)):
        for annotation in group:
            if annotation.end > annotation.start:
                events.append((annotation.start, 1, side, annotation))
                events.append((annotation.end, 0, side, annotation))
    events.sort(key=lambda e: (e[0], e[1]))
    counts: tuple[Counter[str], Counter[str]] = (Counter(), Counter())
    active: tuple[dict[str, Annotation], dict[str, Annotation]] = ({}, {})
    found: list[Difference] = []
    # The run being built: where it starts, its (only_a, only_b), and each side's
    # annotations overlapping it (those active where it starts or starting inside it).
    run_start = 0
    run_key: _Key | None = None
    run_seen: tuple[dict[str, Annotation], dict[str, Annotation]] = ({}, {})
    index = 0
    while index < len(events):
        offset = events[index][0]
        started: list[tuple[int, Annotation]] = []
        while index < len(events) and events[index][0] == offset:
            _, is_start, side, annotation = events[index]
            if is_start:
                counts[side].update(annotation.tags)
                active[side][annotation.id] = annotation
                started.append((side, annotation))
            else:
                counts[side].subtract(annotation.tags)
                for tag in annotation.tags:
                    if counts[side].get(tag, 0) <= 0:
                        counts[side].pop(tag, None)
                active[side].pop(annotation.id, None)
            index += 1
        key = _difference_key(counts[A], counts[B])
        if key == run_key:
            if key is not None:
                for side, annotation in started:
                    run_seen[side][annotation.id] = annotation
            continue
        if run_key is not None:
            found.append(_difference(run_start, offset, run_key, run_seen))
        run_start, run_key = offset, key
        run_seen = (dict(active[A]), dict(active[B])) if key is not None else ({}, {})
    return Differences(found)


def _difference_key(a: Counter[str], b: Counter[str]) -> _Key | None:
    """(tags only A has, tags only B has) where A has ``a`` and B ``b``; None if equal."""
    tags_a, tags_b = a.keys(), b.keys()
    if tags_a == tags_b:
        return None
    return tuple(sorted(tags_a - tags_b)), tuple(sorted(tags_b - tags_a))


def _difference(
    start: int,
    end: int,
    key: _Key,
    seen: tuple[dict[str, Annotation], dict[str, Annotation]],
) -> Difference:
    def ordered(group: dict[str, Annotation]) -> tuple[Annotation, ...]:
        return tuple(sorted(group.values(), key=lambda x: (x.start, x.end, x.id)))

    return Difference(start, end, key[0], key[1], ordered(seen[A]), ordered(seen[B]))
