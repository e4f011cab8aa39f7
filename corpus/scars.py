"""The first noise pass: the ASCII characters touching a place where symbols were cut out.

A noise run is contiguous, so once its symbols are cut (``corpus.symbols``) whatever
ASCII it held (spaces, ``$ & < > '``) sits right at the cut, the *scar*. Each scar's
*region* is the doubtful characters on both sides of it (scars sharing a token are read
together); every reading of a region in which each dropped block touches a scar is
scored (``corpus.passages``) plus a channel cost, and the best one wins. Double quotes
are left to ``corpus.quotes``, which sees the whole paragraph.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import product

from corpus.passages import Judge, context, token_end, token_start
from corpus.symbols import NOISE_ASCII

MAX_RUN = 4
"""The longest noise run seen in the seed (symbols plus ASCII)."""
MAX_REACH = 4
"""How many doubtful characters on each side of a scar may belong to its run."""
MAX_DOUBTFUL = 8
"""At most this many doubtful characters are judged together (2**8 readings)."""
DROP_SPACE_AT_SCAR = -0.9
"""Cost of calling a space next to a scar noise: real spaces border runs far more often."""
DROP_SIGN_AT_SCAR = 0.0
"""Cost of calling ``$ & < > '`` next to a scar noise: there, they mostly are."""
OVERLONG_RUN = -4.0
"""Cost per character beyond MAX_RUN in one run."""
DROPPABLE = frozenset(NOISE_ASCII) - {'"'}
"""Double quotes are judged by the quote pass, with the whole paragraph to pair them in."""


def judge_scars(
    text: str, scars: list[tuple[int, int]], judge: Judge
) -> tuple[list[int], list[int]]:
    """The noise characters around the scars, and the double quotes that touch a scar."""
    drops: list[int] = []
    dropped: set[int] = set()
    quotes: list[int] = []
    for start, end, boundaries in _scar_regions(text, scars):
        verdict = _judge_region(text, start, end, boundaries, judge, dropped)
        drops.extend(verdict)
        dropped.update(verdict)
        quotes.extend(i for i in range(start, end) if text[i] == '"')
    return drops, quotes


def _scar_regions(text: str, scars: list[tuple[int, int]]) -> list[tuple[int, int, dict[int, int]]]:
    """Group scars with the doubtful ASCII characters around them.

    Each region is ``(start, end, {boundary: symbols cut})`` where boundaries are
    indices of ``text`` in ``[start, end]`` at which symbols were removed. Scars whose
    regions share a token are merged, so that ``and< e xpand`` is read as a whole.
    """
    regions: list[tuple[int, int, dict[int, int]]] = []
    reach = -1
    for position, count in scars:
        start = position
        while start > 0 and position - start < MAX_REACH and text[start - 1] in NOISE_ASCII:
            start -= 1
        end = position
        while end < len(text) and end - position < MAX_REACH and text[end] in NOISE_ASCII:
            end += 1
        if regions and start <= reach:
            previous_start, previous_end, boundaries = regions[-1]
            merged = (previous_start, max(end, previous_end), {**boundaries, position: count})
            if _droppable_count(text, merged[0], merged[1]) <= MAX_DOUBTFUL:
                regions[-1] = merged
                reach = max(reach, token_end(text, merged[1]))
                continue
        regions.append((start, end, {position: count}))
        reach = token_end(text, end)
    return regions


def _droppable_count(text: str, start: int, end: int) -> int:
    return sum(1 for char in text[start:end] if char in DROPPABLE)


def _readings(region: str, boundaries: dict[int, int]) -> list[tuple[bool, ...]]:
    """Drop masks for a region: only doubtful characters drop, each dropped block touches
    a scar."""
    slots = [index for index, char in enumerate(region) if char in DROPPABLE]
    masks = []
    for choice in product((False, True), repeat=len(slots)):
        mask = [False] * len(region)
        for slot, drop in zip(slots, choice, strict=True):
            mask[slot] = drop
        ok = True
        index = 0
        length = len(region)
        while index < length and ok:
            if not mask[index]:
                index += 1
                continue
            block_end = index
            while block_end < length and mask[block_end]:
                block_end += 1
            if not any(index <= b <= block_end for b in boundaries):
                ok = False
            index = block_end
        if ok:
            masks.append(tuple(mask))
    return masks


def _run_cost(mask: tuple[bool, ...], cut: dict[int, int]) -> float:
    """Penalty for runs (dropped ASCII plus the symbols cut beside them) longer than MAX_RUN.

    ``cut`` maps region boundaries to the number of symbols removed there.
    """
    total = 0.0
    index = 0
    length = len(mask)
    # Walk the boundaries and dropped blocks together as one sequence of run pieces.
    run = cut.get(0, 0)
    while index < length:
        if mask[index]:
            run += 1
        else:
            total += OVERLONG_RUN * max(0, run - MAX_RUN)
            run = 0
        index += 1
        run += cut.get(index, 0)
    total += OVERLONG_RUN * max(0, run - MAX_RUN)
    return total


def _judge_region(
    text: str,
    start: int,
    end: int,
    boundaries: dict[int, int],
    judge: Judge,
    dropped: set[int],
) -> list[int]:
    """The indices of the region's characters that are noise, by the best reading.

    ``dropped`` holds the earlier verdicts, so the context to the left reads as cleaned.
    """
    region = text[start:end]
    if not any(char in DROPPABLE for char in region):
        return []
    if not judge.afford(2 ** _droppable_count(text, start, end)):
        # Out of budget (hostile input): signs touching the scar go, spaces stay.
        return [start + i for i, char in enumerate(region) if char in DROPPABLE - {" "}]
    left, right = context(text, start, end)
    while left > 0 and left - 1 in dropped:  # the space before was noise: read on
        left = token_start(text, left - 1)
    before = text[left:start]
    if any(index in dropped for index in range(left, start)):
        before = "".join(char for i, char in enumerate(before, left) if i not in dropped)
    after = text[end:right]
    best_score = float("-inf")
    best: tuple[int, ...] = ()
    relative = tuple(sorted((b - start, n) for b, n in boundaries.items()))
    for kept, cost, drops in _scored_readings(region, relative):
        score = judge.passage(before + kept + after) + cost
        if score > best_score:
            best_score, best = score, drops
    return [start + index for index in best]


@lru_cache(maxsize=4096)
def _scored_readings(
    region: str, boundaries: tuple[tuple[int, int], ...]
) -> tuple[tuple[str, float, tuple[int, ...]], ...]:
    """Each reading of a region as (kept text, channel cost, dropped indices).

    Regions repeat endlessly (a space, ``' ``, ``" ``), so this is cached.
    """
    cut = dict(boundaries)
    readings = []
    for mask in _readings(region, cut):
        kept = "".join(char for char, drop in zip(region, mask, strict=True) if not drop)
        cost = sum(
            DROP_SPACE_AT_SCAR if char == " " else DROP_SIGN_AT_SCAR
            for char, drop in zip(region, mask, strict=True)
            if drop
        )
        cost += _run_cost(mask, cut)
        drops = tuple(index for index, drop in enumerate(mask) if drop)
        readings.append((kept, cost, drops))
    return tuple(readings)
