"""Offset-preserving text edits: every cleaning step deletes characters, nothing else.

Cleaning only ever *removes* characters (or swaps one character for another of the same
length, like a lone CR for LF), so one primitive is enough: delete a sorted set of spans
and carry the clean-to-raw offset map along. Offsets live in an ``array('l')``, which
slices and concatenates at C speed (a ``range`` before anything is deleted), so a 1 MB
file costs a few milliseconds per step.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Mapped:
    """A text plus, for each character, its index in the raw text (``len(text) + 1`` entries)."""

    text: str
    offsets: array[int] | range
    """A ``range`` until the first deletion: most of a noisy text is deleted, and making
    the offsets of what goes costs more than cutting it."""

    @classmethod
    def identity(cls, raw: str, start: int = 0) -> Mapped:
        """``raw`` as found at ``start`` of the raw text."""
        return cls(raw, range(start, start + len(raw) + 1))

    def offset_array(self) -> array[int]:
        offsets = self.offsets
        return offsets if isinstance(offsets, array) else array("l", offsets)


def delete_spans(
    source: Mapped, spans: Iterable[tuple[int, int]]
) -> tuple[Mapped, list[tuple[int, int]]]:
    """Delete the sorted, non-overlapping ``[start, end)`` spans of ``source.text``.

    Returns the new text with its offsets, and the *scars*: ``(index, count)`` for each
    place where ``count`` characters were cut out just before ``index`` of the new text.
    Scars tell later steps where noise was, which is strong evidence of more nearby.
    """
    text, offsets = source.text, source.offsets
    parts: list[str] = []
    kept = array("l")
    scars: list[tuple[int, int]] = []
    position = 0
    length = 0
    for start, end in spans:
        if start < position or end < start:
            raise ValueError(f"spans must be sorted and disjoint: {start}..{end}")
        if end == start:
            continue
        parts.append(text[position:start])
        kept.extend(offsets[position:start])
        length += start - position
        if scars and scars[-1][0] == length:  # adjacent deletions leave a single scar
            scars[-1] = (length, scars[-1][1] + end - start)
        else:
            scars.append((length, end - start))
        position = end
    if not scars and position == 0:
        return source, []
    parts.append(text[position:])
    kept.extend(offsets[position:])
    return Mapped("".join(parts), kept), scars


def positions_to_spans(positions: Iterable[int]) -> list[tuple[int, int]]:
    """Sorted single positions to maximal ``[start, end)`` runs."""
    spans: list[tuple[int, int]] = []
    for index in sorted(set(positions)):
        if spans and spans[-1][1] == index:
            spans[-1] = (spans[-1][0], index + 1)
        else:
            spans.append((index, index + 1))
    return spans
