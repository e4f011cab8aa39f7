"""The first noise pass: the ASCII characters touching a place where symbols were cut out.

A noise run is contiguous, so once its symbols are cut (``corpus.cleaning.symbols``) whatever
ASCII it held (spaces, ``$ & < > '``) sits right at the cut, the *scar*. Each scar's
*region* is the doubtful characters on both sides of it (scars sharing a token are read
together). Every reading of a region is scored (``corpus.cleaning.passages``) plus its channel
cost (``corpus.cleaning.channel``: cheap where a dropped block touches a scar), and the best one
wins. Double quotes are left to ``corpus.cleaning.quotes``, which sees the whole paragraph.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import product

from corpus.cleaning.channel import (
    DROP_SIGN_AT_SCAR,
    DROP_SPACE_ALONE,
    DROP_SPACE_AT_SCAR,
    MAX_RUN,
    OVERLONG_RUN,
    drop_alone,
)
from corpus.cleaning.passages import COMMON_SHORT, Judge, context, token_end, token_start
from corpus.cleaning.symbols import NOISE_ASCII

MAX_REACH = 4
"""How many doubtful characters on each side of a scar may belong to its run."""
MAX_DOUBTFUL = 8
"""At most this many doubtful characters are judged together (2**8 readings)."""
MAX_READ_BACK = 8
"""Tokens read back past dropped spaces: a line of nothing but noise would read back to
its start from every region."""
DROPPABLE = frozenset(NOISE_ASCII) - {'"'}
"""Double quotes are judged by the quote pass, with the whole paragraph to pair them in."""


def judge_scars(
    text: str, scars: list[tuple[int, int]], judge: Judge
) -> tuple[list[int], list[int]]:
    """The noise characters around the scars, and the characters of the scar regions that
    were kept (the later passes still treat those as near noise)."""
    drops: list[int] = []
    dropped: set[int] = set()
    kept: list[int] = []
    for start, end, boundaries in _scar_regions(text, scars):
        if start == end:
            continue  # symbols cut from inside a word: nothing left to judge
        verdict = _judge_region(text, start, end, boundaries, judge, dropped)
        if verdict:
            drops.extend(verdict)
            dropped.update(verdict)
        kept.extend(i for i in range(start, end) if i not in dropped and text[i] in NOISE_ASCII)
    return drops, kept


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


def _readings(region: str, boundaries: dict[int, int]) -> list[tuple[tuple[bool, ...], float]]:
    """Drop masks for a region (only doubtful characters drop), each with its channel cost.

    A dropped block touching a scar is part of that run and cheap; a block away from any
    scar must be a pure-ASCII run of its own (``support>> ∏≈regions``: ``>>`` sits on the
    far side of a real space) and costs what such runs cost.
    """
    slots = [index for index, char in enumerate(region) if char in DROPPABLE]
    length = len(region)
    readings = []
    for choice in product((False, True), repeat=len(slots)):
        mask = [False] * length
        for slot, drop in zip(slots, choice, strict=True):
            mask[slot] = drop
        cost = 0.0
        index = 0
        while index < length:
            if not mask[index]:
                index += 1
                continue
            block_end = index
            while block_end < length and mask[block_end]:
                block_end += 1
            block = region[index:block_end]
            if any(index <= b <= block_end for b in boundaries):
                cost += sum(DROP_SPACE_AT_SCAR if c == " " else DROP_SIGN_AT_SCAR for c in block)
            else:
                cost += sum(drop_alone(c, n > 0) for n, c in enumerate(block))
            index = block_end
        readings.append((tuple(mask), cost))
    return readings


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
    doubtful = _droppable_count(text, start, end)
    if not doubtful:
        return []
    # A reading costs in proportion to the region's length (merged regions can be long).
    if not judge.afford(2**doubtful * (1 + len(region) // 8)):
        # Out of budget (hostile input): signs touching the scar go, spaces stay.
        return [start + i for i, char in enumerate(region) if char in DROPPABLE - {" "}]
    left, right = context(text, start, end)
    for _ in range(MAX_READ_BACK):
        if left == 0 or left - 1 not in dropped:
            break
        left = token_start(text, left - 1)  # the space before was noise: read on
    before = text[left:start]
    if dropped and not dropped.isdisjoint(range(left, start)):
        before = "".join(char for i, char in enumerate(before, left) if i not in dropped)
    after = text[end:right]
    glued = _glued_fragment(text, end, right, judge)
    if glued:  # every reading then covers the next token too, glued or not
        after = text[end : token_end(text, right + 1)]
    best_score = float("-inf")
    best: tuple[int, ...] = ()
    relative = tuple(sorted((b - start, n) for b, n in boundaries.items()))
    for kept, cost, drops in _scored_readings(region, relative):
        # Quotes in the region are the quote pass's business: read the words without them.
        head = before + kept.replace('"', "")
        score = judge.passage(head + after)
        if glued:
            score = max(score, judge.passage(head + glued) + DROP_SPACE_ALONE)
        score += cost
        if score > best_score:
            best_score, best = score, drops
    return [start + index for index in best]


def _glued_fragment(text: str, start: int, end: int, judge: Judge) -> str:
    """The fragment at ``text[start:end]`` glued to the next token, if that makes a word.

    ``full$" p lay``: read alone, the fragment ``p`` makes keeping the space before it
    look wrong, though the last pass will glue ``p lay`` back into ``play``.
    """
    fragment = text[start:end]
    if not (fragment.isalpha() and len(fragment) <= 2) or fragment in ("a", "A", "I"):
        return ""
    if fragment.lower() in COMMON_SHORT or end >= len(text) or text[end] != " ":
        return ""
    following = text[end + 1 : token_end(text, end + 1)]
    word = fragment + following.rstrip(".,;:?!")
    return fragment + following if word.isalpha() and judge.vocabulary.knows(word) else ""


@lru_cache(maxsize=4096)
def _scored_readings(
    region: str, boundaries: tuple[tuple[int, int], ...]
) -> tuple[tuple[str, float, tuple[int, ...]], ...]:
    """Each reading of a region as (kept text, channel cost, dropped indices).

    Regions repeat endlessly (a space, ``' ``, ``" ``), so this is cached.
    """
    cut = dict(boundaries)
    readings = []
    for mask, cost in _readings(region, cut):
        kept = "".join(char for char, drop in zip(region, mask, strict=True) if not drop)
        cost += _run_cost(mask, cut)
        drops = tuple(index for index, drop in enumerate(mask) if drop)
        readings.append((kept, cost, drops))
    return tuple(readings)
