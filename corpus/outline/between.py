"""One-off labels between turns: a press conference's reporters, a hearing's public.

A label said once is believed when a recurring speaker answers it (or another such
one-off does), in the same style, as :func:`between_turns` reads the document. What
follows a label is the next label-shaped line, past a name alone on its line said once:
a section's title over the next turn is no turn of its own.
"""

from __future__ import annotations

from collections import Counter
from typing import Protocol, TypeVar

from corpus.outline.labels import Role
from corpus.outline.name_lines import MAX_NAME_WORDS

#: Two names that recur establish a style, and then a style's one-off labels count too.
ESTABLISHED = 2


class _Candidate(Protocol):
    @property
    def style(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def text_start(self) -> int: ...
    @property
    def role(self) -> Role | None: ...
    @property
    def inline(self) -> bool: ...


_C = TypeVar("_C", bound=_Candidate)


def between_turns(
    text: str,
    candidates: list[_C],
    counts: Counter[tuple[str, str]],
    established: Counter[str],
) -> set[_C]:
    """One-off labels that a recurring speaker answers, as a press conference's reporters
    or a hearing's members are: each says something, and the next label, in the same
    style, is a name that recurs (or another such one-off: a hearing's public, one
    after another before the chair speaks again). Believed when the document shows this
    twice, or once where two recurring names already establish the style (a lone case in
    a document of one recurring speaker may be a heading above that speaker's turn)."""
    found: dict[str, list[_C]] = {}
    chained: set[int] = set()
    # From the end: a one-off answered by a recurring speaker, or by another such one-off
    # (a hearing's public comment, speaker after speaker before the chair speaks again).
    for candidate, after in reversed(_next_turns(candidates, counts)):
        if (
            counts[(candidate.style, candidate.name)] == 1
            and candidate.role is None
            and not candidate.inline
            and after.style == candidate.style
            and (counts[(after.style, after.name)] >= 2 or after.start in chained)
            and len(candidate.name.split()) <= MAX_NAME_WORDS
            and text[candidate.text_start : after.start].strip()
        ):
            found.setdefault(candidate.style, []).append(candidate)
            chained.add(candidate.start)
    return {
        c
        for style, group in found.items()
        if len(group) >= ESTABLISHED or established[style] >= ESTABLISHED
        for c in group
    }


def _next_turns(candidates: list[_C], counts: Counter[tuple[str, str]]) -> list[tuple[_C, _C]]:
    """Each label-shaped line with the next one, past a name alone on its line said once
    (a section's title over the next turn: "About SIG Scheduling" over "AP: ..."), unless
    the line is itself such a name."""
    pairs: list[tuple[_C, _C]] = []
    following: _C | None = None  # the nearest later one that is no one-off name line
    for index in range(len(candidates) - 2, -1, -1):
        later = candidates[index + 1]
        if later.style != "alone" or counts[(later.style, later.name)] >= 2:
            following = later
        candidate = candidates[index]
        after = later if candidate.style == "alone" else following
        if after is not None:
            pairs.append((candidate, after))
    return pairs[::-1]
