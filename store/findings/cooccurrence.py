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
    """Codes that meet, and how often; symmetric, so each pair is kept once.

    Only the counts are worked out at once; the passages behind a cell are found when
    asked for (:meth:`behind`), from an index of each code's passages.
    """

    scope: Scope
    codes: tuple[str, ...]
    """Every code in scope (meeting another or not), in tree order."""
    counts: Mapping[Pair, int] = field(default_factory=dict)
    """Only pairs that meet; keys in :func:`pair` order."""
    unplaced: int = 0
    """Passages left out: orphaned, or (scope ``question``) whose question is unknown."""
    _places: _Places | None = field(default=None, repr=False, compare=False)

    def count(self, a: str, b: str) -> int:
        """How often ``a`` and ``b`` meet (0 for a code with itself or codes that never meet)."""
        return 0 if a == b else self.counts.get(pair(a, b), 0)

    def behind(self, a: str, b: str) -> tuple[Cooccurrence, ...]:
        """The meetings of ``a`` and ``b`` (``first`` holds ``a``'s passages), in text order."""
        if a == b or self._places is None or not self.count(a, b):
            return ()
        if self.scope == "overlap":
            return tuple(_overlaps_of(self._places, a, b))
        return tuple(_questions_of(self._places, a, b))

    def pairs(self) -> list[tuple[str, str, int]]:
        """``(a, b, count)`` for every pair that meets, most frequent first."""
        counted = [(a, b, n) for (a, b), n in self.counts.items()]
        return sorted(counted, key=lambda t: (-t[2], tree_key(t[0]), tree_key(t[1])))


@dataclass(frozen=True, slots=True)
class _Question:
    """The passages of each code in one question-and-answer."""

    interview: str
    index: int
    text: str
    passages: dict[str, list[Annotation]]


@dataclass(frozen=True, slots=True)
class _Places:
    """Where each code's passages are: per interview in text order (overlap), or the
    questions holding the code (question)."""

    by_code: dict[str, dict[str, list[Annotation]]] = field(default_factory=dict)
    questions_of: dict[str, list[_Question]] = field(default_factory=dict)


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
    for a in annotations:
        if a.orphaned:
            unplaced += 1
        elif a.tags:
            by_interview[a.interview].append(a)
    for found in by_interview.values():
        found.sort(key=_by_start)
    if scope == "overlap":
        counts, places = _count_overlaps(by_interview)
    else:
        counts, places, left = _count_questions(by_interview, texts or InterviewTexts())
        unplaced += left
    codes = {t for found in by_interview.values() for a in found for t in a.tags}
    return CooccurrenceMatrix(scope, tuple(sorted(codes, key=tree_key)), counts, unplaced, places)


def _by_start(a: Annotation) -> tuple[int, int]:
    return (a.start, a.end)


def _pairs_within(tags: tuple[str, ...]) -> list[Pair]:
    """The pairs of codes one passage carrying ``tags`` makes."""
    return [pair(x, y) for x, y in combinations(tags, 2)]


def _pairs_between(first: tuple[str, ...], second: tuple[str, ...]) -> list[Pair]:
    """The pairs of codes two overlapping passages make, one code from each, each once."""
    return sorted({pair(x, y) for x in first for y in second if x != y})


def _count_overlaps(
    by_interview: Mapping[str, list[Annotation]],
) -> tuple[dict[Pair, int], _Places]:
    """Count the pairs of overlapping passages per pair of codes, in one sweep by start
    per interview (each passage meets those still open when it starts). What is counted
    is each distinct combination of tag sets; it is expanded into code pairs at the end."""
    combos: dict[tuple[tuple[str, ...], tuple[str, ...]], int] = defaultdict(int)
    places = _Places()
    for interview, found in by_interview.items():
        open_: list[Annotation] = []
        for a in found:
            start = a.start
            open_ = [b for b in open_ if b.end > start]
            tags = a.tags
            combos[(tags, ())] += 1
            for b in open_:
                combos[(b.tags, tags)] += 1
            open_.append(a)
            for tag in tags:
                places.by_code.setdefault(tag, {}).setdefault(interview, []).append(a)
    counts: dict[Pair, int] = defaultdict(int)
    for (first, second), times in combos.items():
        made = _pairs_within(first) if not second else _pairs_between(first, second)
        for key in made:
            counts[key] += times
    return dict(counts), places


def _overlaps_of(places: _Places, a: str, b: str) -> Iterable[Cooccurrence]:
    """The meetings of ``a`` and ``b``: each pair of overlapping passages once."""
    of_a, of_b = places.by_code.get(a, {}), places.by_code.get(b, {})
    for interview in sorted(set(of_a) & set(of_b)):
        seen: set[frozenset[str]] = set()
        for p in of_a[interview]:
            for q in of_b[interview]:
                if q.start >= p.end:
                    break
                if q.end <= p.start:
                    continue
                ids = frozenset((p.id, q.id))
                if ids not in seen:
                    seen.add(ids)
                    yield Cooccurrence(interview, (p,), (q,))


def _count_questions(
    by_interview: Mapping[str, list[Annotation]], texts: InterviewTexts
) -> tuple[dict[Pair, int], _Places, int]:
    """Count the questions two codes share; also returns the passages left unplaced."""
    counts: dict[Pair, int] = defaultdict(int)
    places = _Places()
    unplaced = 0
    for interview, found in sorted(by_interview.items()):
        questions: dict[int, _Question] = {}
        for a in found:
            place = texts.place(a)
            if place.question_index is None or place.question is None:
                unplaced += 1
                continue
            question = questions.get(place.question_index)
            if question is None:
                question = questions[place.question_index] = _Question(
                    interview, place.question_index, place.question, {}
                )
            for tag in a.tags:
                question.passages.setdefault(tag, []).append(a)
        for _index, question in sorted(questions.items()):
            codes = question.passages
            for tag in codes:
                places.questions_of.setdefault(tag, []).append(question)
            for x, y in combinations(sorted(codes, key=tree_key), 2):
                counts[(x, y)] += 1
    return dict(counts), places, unplaced


def _questions_of(places: _Places, a: str, b: str) -> Iterable[Cooccurrence]:
    for question in places.questions_of.get(a, []):
        passages = question.passages
        if b in passages:
            yield Cooccurrence(
                question.interview, tuple(passages[a]), tuple(passages[b]), question.index,
                question.text,
            )  # fmt: skip
