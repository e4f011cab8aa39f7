"""Which codes meet: their passages overlap, or (as an option) share a question.

Two codes co-occur where a passage coded with one overlaps a passage coded with the other
(by at least one character; passages that only touch do not), in the same interview.
A passage coded with both meets itself, so it counts too. Each cell of the matrix is the
list of those meetings, so a reader can go from a figure to the passages behind it:

- ``overlap``: one meeting per pair of overlapping passages (a passage carrying both
  codes is one meeting on its own); its count is the number of such pairs.
- ``question``: one meeting per question-and-answer in which both codes have a passage
  (by where the passage starts), holding every passage of each code there; its count is
  the number of such questions. This needs the interviews' texts (their outlines):
  passages whose question cannot be found are left out and counted in ``unplaced``.

Codes are exact tag paths (``policy/tax`` and ``policy/aid`` meet; ``policy`` is not
rolled up here). Orphaned annotations are left out (their place is unknown).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import combinations
from typing import Literal

from store.findings.codes import tree_key
from store.findings.texts import InterviewTexts
from store.model import Annotation

Scope = Literal["overlap", "question"]
SCOPES: tuple[Scope, ...] = ("overlap", "question")
Pair = tuple[str, str]
"""Two codes, the first before the second in tree order."""


@dataclass(frozen=True, slots=True)
class Cooccurrence:
    """One place two codes meet."""

    interview: str
    first: tuple[Annotation, ...]
    """The passages there coded with the pair's first code."""
    second: tuple[Annotation, ...]
    """The passages there coded with the pair's second code (may be the same ones)."""
    question_index: int | None = None
    """With scope ``question``: the question they share (index into the outline)."""
    question: str | None = None


@dataclass(frozen=True, slots=True)
class CooccurrenceMatrix:
    """Codes that meet, and where; symmetric, so each pair is kept once."""

    scope: Scope
    codes: tuple[str, ...]
    """Every code in scope (meeting another or not), in tree order."""
    cells: Mapping[Pair, tuple[Cooccurrence, ...]] = field(default_factory=dict)
    """Only pairs that meet; keys in :func:`pair` order."""
    unplaced: int = 0
    """Passages left out: orphaned, or (scope ``question``) whose question is unknown."""

    def count(self, a: str, b: str) -> int:
        """How often ``a`` and ``b`` meet (0 for a code with itself or codes that never meet)."""
        return len(self.behind(a, b))

    def behind(self, a: str, b: str) -> tuple[Cooccurrence, ...]:
        """The meetings of ``a`` and ``b`` (``first`` holds ``a``'s passages)."""
        if a == b:
            return ()
        found = self.cells.get(pair(a, b), ())
        if pair(a, b) == (a, b):
            return found
        return tuple(
            Cooccurrence(m.interview, m.second, m.first, m.question_index, m.question)
            for m in found
        )

    def pairs(self) -> list[tuple[str, str, int]]:
        """``(a, b, count)`` for every pair that meets, most frequent first."""
        counted = [(a, b, len(found)) for (a, b), found in self.cells.items()]
        return sorted(counted, key=lambda t: (-t[2], tree_key(t[0]), tree_key(t[1])))


def pair(a: str, b: str) -> Pair:
    """``a`` and ``b`` in the order the matrix keeps them (tree order)."""
    return (a, b) if tree_key(a) <= tree_key(b) else (b, a)


def cooccur(
    annotations: Iterable[Annotation],
    *,
    scope: Scope = "overlap",
    texts: InterviewTexts | None = None,
) -> CooccurrenceMatrix:
    """The co-occurrence matrix of ``annotations`` (filter them first for one coder).

    ``texts`` finds each passage's question for scope ``question`` (default: a fresh
    :class:`InterviewTexts`); scope ``overlap`` needs no text.
    """
    if scope not in SCOPES:
        raise ValueError(f"co-occurrence scope {scope!r}: use one of {', '.join(SCOPES)}")
    by_interview: dict[str, list[Annotation]] = defaultdict(list)
    unplaced = 0
    codes: set[str] = set()
    for a in annotations:
        if a.orphaned:
            unplaced += 1
            continue
        if a.tags:
            by_interview[a.interview].append(a)
            codes.update(a.tags)
    cells: dict[Pair, list[Cooccurrence]] = defaultdict(list)
    if scope == "overlap":
        for interview, found in by_interview.items():
            _overlaps(interview, found, cells)
    else:
        unplaced += _questions(by_interview, texts or InterviewTexts(), cells)
    return CooccurrenceMatrix(
        scope,
        tuple(sorted(codes, key=tree_key)),
        {key: tuple(found) for key, found in cells.items()},
        unplaced,
    )


def _overlaps(
    interview: str, annotations: list[Annotation], cells: dict[Pair, list[Cooccurrence]]
) -> None:
    """Add the meetings of every pair of overlapping passages of one interview (a sweep
    by start: each passage meets those still open when it starts)."""
    annotations.sort(key=lambda a: (a.start, a.end))
    open_: list[Annotation] = []
    for a in annotations:
        open_ = [b for b in open_ if b.end > a.start]
        for x, y in combinations(a.tags, 2):
            first, second = pair(x, y)
            cells[(first, second)].append(Cooccurrence(interview, (a,), (a,)))
        for b in open_:
            if a.start >= a.end or b.start >= b.end:
                continue
            seen: set[Pair] = set()
            for x in a.tags:
                for y in b.tags:
                    if x == y:
                        continue
                    key = pair(x, y)
                    if key in seen:
                        continue
                    seen.add(key)
                    firsts = (a,) if key[0] == x else (b,)
                    seconds = (b,) if key[0] == x else (a,)
                    cells[key].append(Cooccurrence(interview, firsts, seconds))
        open_.append(a)


def _questions(
    by_interview: Mapping[str, list[Annotation]],
    texts: InterviewTexts,
    cells: dict[Pair, list[Cooccurrence]],
) -> int:
    """Add one meeting per question two codes share; returns the passages left unplaced."""
    unplaced = 0
    for interview, passages in sorted(by_interview.items()):
        # (question index, its text) -> code -> the passages coded with it there
        questions: dict[tuple[int, str], dict[str, list[Annotation]]] = {}
        for a in sorted(passages, key=lambda a: (a.start, a.end)):
            place = texts.place(a)
            if place.question_index is None or place.question is None:
                unplaced += 1
                continue
            per_code = questions.setdefault((place.question_index, place.question), {})
            for tag in a.tags:
                per_code.setdefault(tag, []).append(a)
        for (index, question), per_code in sorted(questions.items()):
            for x, y in combinations(sorted(per_code, key=tree_key), 2):
                cells[(x, y)].append(
                    Cooccurrence(interview, tuple(per_code[x]), tuple(per_code[y]), index, question)
                )
    return unplaced
