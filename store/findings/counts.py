"""How much of each code there is, per interview or per coder, rolled up to parent codes.

Two figures per cell: passages (annotations carrying the code or a code below it, each
counted once however many of those codes it carries) and characters coded (the length of
the union of those passages in each interview, so two coders marking the same words, or
a passage coded ``a/b`` and ``a/c``, count those characters once for ``a``). A parent
code's figures are therefore those of its subtree, not a sum of its children's.

Orphaned annotations are left out (their place in the text is unknown) and counted in
:attr:`CountTable.orphaned`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from store.agreement import merged
from store.findings.codes import ancestors, tree_key
from store.model import Annotation

By = Literal["interview", "author"]
BY: tuple[By, ...] = ("interview", "author")


@dataclass(frozen=True, slots=True)
class Tally:
    """Passages and characters coded in one cell."""

    passages: int = 0
    characters: int = 0


@dataclass(frozen=True, slots=True)
class CodeCounts:
    """One row of the matrix: a code (or a parent of codes) and its figures."""

    code: str
    depth: int
    """0 for a top-level code, 1 for one below it, ..."""
    used: bool
    """True if passages carry this code itself, not only codes below it."""
    total: Tally
    cells: tuple[Tally, ...]
    """One per column of the table, in :attr:`CountTable.columns` order."""


@dataclass(frozen=True, slots=True)
class CountTable:
    """A code x interview (or code x coder) matrix, codes in tree order."""

    by: By
    columns: tuple[str, ...]
    """Interview ids or coder names, sorted."""
    rows: tuple[CodeCounts, ...]
    passages: int
    """Annotations counted (each once), orphaned ones left out."""
    orphaned: int
    """Orphaned annotations left out."""

    def row(self, code: str) -> CodeCounts | None:
        """The row of ``code``, or None if nothing carries it."""
        return next((r for r in self.rows if r.code == code), None)


def count_codes(annotations: Iterable[Annotation], *, by: By = "interview") -> CountTable:
    """The matrix of ``annotations`` (filter them first for one coder or interview)."""
    if by not in BY:
        raise ValueError(f"count by {by!r}: use one of {', '.join(BY)}")
    # spans[code][(interview, coder)]: the passages of the code's subtree.
    spans: dict[str, dict[tuple[str, str], list[tuple[int, int]]]] = defaultdict(dict)
    used: set[str] = set()
    subtree_memo: dict[tuple[str, ...], set[str]] = {}
    orphaned = counted = 0
    for a in annotations:
        if a.orphaned:
            orphaned += 1
            continue
        counted += 1
        codes = subtree_memo.get(a.tags)
        if codes is None:
            codes = subtree_memo[a.tags] = {p for t in a.tags for p in ancestors(t)}
            used.update(a.tags)
        cell = (a.interview, a.author)
        span = (a.start, a.end)
        for code in codes:
            per_code = spans[code]
            found = per_code.get(cell)
            if found is None:
                per_code[cell] = [span]
            else:
                found.append(span)
    columns = sorted({key[0 if by == "interview" else 1] for s in spans.values() for key in s})
    rows = [
        _row(code, spans[code], columns, by, code in used) for code in sorted(spans, key=tree_key)
    ]
    return CountTable(by, tuple(columns), tuple(rows), counted, orphaned)


def _row(
    code: str,
    cells: dict[tuple[str, str], list[tuple[int, int]]],
    columns: list[str],
    by: By,
    used: bool,
) -> CodeCounts:
    per_interview: dict[str, list[tuple[int, int]]] = defaultdict(list)
    passages: dict[str, int] = defaultdict(int)
    characters: dict[str, int] = defaultdict(int)
    for (interview, coder), spans in cells.items():
        per_interview[interview].extend(spans)
        if by == "author":
            passages[coder] += len(spans)
            characters[coder] += _length(spans)
        else:
            passages[interview] += len(spans)
    interview_chars = {i: _length(s) for i, s in per_interview.items()}
    if by == "interview":
        characters.update(interview_chars)
    total = Tally(sum(passages.values()), sum(interview_chars.values()))
    return CodeCounts(
        code=code,
        depth=code.count("/"),
        used=used,
        total=total,
        cells=tuple(Tally(passages.get(c, 0), characters.get(c, 0)) for c in columns),
    )


def _length(spans: list[tuple[int, int]]) -> int:
    """Characters in the union of ``spans``."""
    if len(spans) == 1:
        start, end = spans[0]
        return max(0, end - start)
    return sum(end - start for start, end in merged(spans))
