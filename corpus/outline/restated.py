"""Lines a document restates, as an oral history does at each session: no one's labels.

An oral history published in sessions opens each with its heading or metadata block again:
the project, the interviewee's name alone on its line, "Interviewed by ...", or
``Interviewer: David Kwan`` and a new ``Date:``. Such a line looks like a speaker's label
and recurs like one, but it recurs word for word beside the same line each time; a
speaker's label recurs beside what is said, which changes (and a sentence said twice
beside the same reply, "Right, right." / "Yes.", is still said: a line that ends a
sentence is never restated). A block holding two such lines
is restated as a whole: its other fields (a date that changed) label nothing either, unless
their name labels lines elsewhere.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

_LINE = re.compile(r"[^\n]+")
#: A line that ends a sentence is something said ("Jane Doe: Right, right."), however
#: often it recurs beside the same reply; the fields and names a block restates end
#: without one ("Interviewer: David Kwan", "Date: 20 May 2015").
_SAID_ENDS = (".", "?", "!", "…", '."', ".”", '?"', "?”")


def restated_starts(text: str, labels: Sequence[tuple[int, str]]) -> set[int]:
    """Which of ``labels`` (where a label-shaped line starts, the name it gives) open lines
    of a restated block."""
    by_line: dict[str, list[int]] = {}
    for at, _ in labels:
        by_line.setdefault(_line_at(text, at), []).append(at)
    recurring = {
        line: ats
        for line, ats in by_line.items()
        if len(ats) >= 2 and not line.endswith(_SAID_ENDS)
    }
    if not recurring:
        return set()
    worded = [m.span() for m in _LINE.finditer(text) if _worded(m[0])]
    firsts = [start for start, _ in worded]
    dropped = {
        at
        for ats in recurring.values()
        if _beside_the_same_line(text, worded, firsts, ats)
        for at in ats
    }
    if not dropped:
        return set()
    blocks = sorted(
        block
        for block in {_block(text, at) for at in dropped}
        if sum(block[0] <= at < block[1] for at in dropped) >= 2
    )
    inside = {at for at, _ in labels if _within(blocks, at)}
    outside = {name for at, name in labels if at not in inside}
    return dropped | {at for at, name in labels if at in inside and name not in outside}


def _beside_the_same_line(
    text: str, worded: list[tuple[int, int]], firsts: list[int], ats: list[int]
) -> bool:
    """Every occurrence has the same line above it, or the same line below (blank lines
    and lines without words skipped)."""
    around = [_neighbours(text, worded, firsts, at) for at in ats]
    return any(len({pair[side] for pair in around}) == 1 and around[0][side] for side in (0, 1))


def _neighbours(
    text: str, worded: list[tuple[int, int]], firsts: list[int], at: int
) -> tuple[str, str]:
    index = bisect_right(firsts, at) - 1
    above, below = index, index + 1
    if index >= 0 and worded[index][0] <= at <= worded[index][1]:
        above = index - 1  # the line itself has words
    up = text[worded[above][0] : worded[above][1]].strip() if above >= 0 else ""
    down = text[worded[below][0] : worded[below][1]].strip() if below < len(worded) else ""
    return up, down


def _worded(line: str) -> bool:
    """The line holds two letters or more (read only as far as the second)."""
    letters = 0
    for char in line:
        if char.isalpha():
            letters += 1
            if letters == 2:
                return True
    return False


def _line_at(text: str, position: int) -> str:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return text[start : end if end >= 0 else len(text)].strip()


def _block(text: str, position: int) -> tuple[int, int]:
    """The lines around ``position`` with no blank line between them."""
    start = text.rfind("\n\n", 0, position)
    end = text.find("\n\n", position)
    return (0 if start < 0 else start + 2, len(text) if end < 0 else end)


def _within(blocks: list[tuple[int, int]], at: int) -> bool:
    """``at`` lies in one of ``blocks`` (sorted, not overlapping)."""
    index = bisect_right([start for start, _ in blocks], at) - 1
    return index >= 0 and at < blocks[index][1]
