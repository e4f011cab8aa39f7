"""What the findings screens show and their rules, without Textual (tested without a screen).

Three views over :mod:`store.findings`: the passages of one code (filtered by coder), the
counts matrix (columns by interview or by coder), the co-occurrence matrix (by overlap or
shared question, filtered by coder) and the passages behind one of its cells. The
screens only draw what these say and run the store calls they name in workers. Also
here: which two interviews to show so that a passage opened from a findings screen is in
the active reader.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from store.findings import (
    CooccurrenceMatrix,
    CountTable,
    InterviewTexts,
    RetrievedPassage,
    Tally,
    cooccur,
    count_codes,
    passage_of,
)
from store.findings.cooccurrence import SCOPES, Scope
from store.findings.counts import By
from store.model import Annotation
from tui.wording import counted


def next_coder(coders: Sequence[str], current: str | None) -> str | None:
    """Everyone (None), then each coder in turn, then everyone again."""
    if current is None:
        return coders[0] if coders else None
    later = list(coders).index(current) + 1 if current in coders else len(coders)
    return coders[later] if later < len(coders) else None


def whose(coder: str | None) -> str:
    return "every coder" if coder is None else f"{coder}'s codings"


@dataclass
class PassageList:
    """The passages of one code and its sub-codes, optionally one coder's."""

    code: str
    passages: list[RetrievedPassage]
    coder: str | None = None

    @property
    def coders(self) -> list[str]:
        return sorted({p.coder for p in self.passages})

    def next_coder(self) -> None:
        self.coder = next_coder(self.coders, self.coder)

    def shown(self) -> list[RetrievedPassage]:
        return [p for p in self.passages if self.coder is None or p.coder == self.coder]

    def title(self) -> str:
        """``policy (and below): 12 passages in 3 interviews · every coder``."""
        shown = self.shown()
        interviews = len({p.interview for p in shown})
        return (
            f"{self.code} and the codes below it: {counted(len(shown), 'passage')} in "
            f"{counted(interviews, 'interview')} · {whose(self.coder)}"
        )


TITLE_LIMIT = 48
"""An interview's title is cut to this many characters in a passage's heading (some are
whole headlines); the question, which says more, is kept whole."""


def passage_heading(p: RetrievedPassage) -> str:
    """``title · Q3: question… · coder · codes``: where a passage is and who coded it."""
    if p.question_index is not None and p.question is not None:
        where = f"Q{p.question_index + 1}: {' '.join(p.question.split())}"
    elif p.located:
        where = "outside any question"
    else:
        where = "question unknown"
    status = "" if p.status == "anchored" else f" · {p.status}"
    title = p.title if len(p.title) <= TITLE_LIMIT else p.title[: TITLE_LIMIT - 1] + "…"
    return f"{title} · {where} · {p.coder} · {', '.join(p.matched)}{status}"


def code_label(code: str) -> str:
    """A code as a row of a tree: indented by depth, its last segment."""
    depth = code.count("/")
    return "  " * depth + code.rsplit("/", 1)[-1]


def cell_text(tally: Tally) -> str:
    """``12/3.4k``: passages and characters coded; ``·`` for none."""
    if not tally.passages:
        return "·"
    chars = tally.characters
    size = f"{chars / 1000:.1f}k" if chars >= 1000 else str(chars)
    return f"{tally.passages}/{size}"


@dataclass
class CountsView:
    """The counts matrix of every annotation, by interview or by coder."""

    annotations: list[Annotation]
    by: By = "interview"
    _tables: dict[str, CountTable] = field(default_factory=dict, repr=False)

    def toggle(self) -> None:
        self.by = "author" if self.by == "interview" else "interview"

    def table(self) -> CountTable:
        found = self._tables.get(self.by)
        if found is None:
            found = self._tables[self.by] = count_codes(self.annotations, by=self.by)
        return found

    def title(self) -> str:
        table = self.table()
        columns = "interview" if self.by == "interview" else "coder"
        left = f"; {counted(table.orphaned, 'orphaned')} left out" if table.orphaned else ""
        return (
            f"passages/characters per code and {columns} (parent codes roll up their "
            f"subtree) · {counted(table.passages, 'passage')}{left}"
        )


@dataclass
class CooccurrenceView:
    """The co-occurrence matrix, by scope and coder, and the passages behind a cell."""

    annotations: list[Annotation]
    texts: InterviewTexts
    scope: Scope = "overlap"
    coder: str | None = None
    _matrices: dict[tuple[str, str | None], CooccurrenceMatrix] = field(
        default_factory=dict, repr=False
    )

    @property
    def coders(self) -> list[str]:
        return sorted({a.author for a in self.annotations})

    def next_scope(self) -> None:
        self.scope = SCOPES[(SCOPES.index(self.scope) + 1) % len(SCOPES)]

    def next_coder(self) -> None:
        self.coder = next_coder(self.coders, self.coder)

    def matrix(self) -> CooccurrenceMatrix:
        """The matrix for the scope and coder now (computed once each; may read texts)."""
        key = (self.scope, self.coder)
        found = self._matrices.get(key)
        if found is None:
            chosen = [a for a in self.annotations if self.coder is None or a.author == self.coder]
            found = self._matrices[key] = cooccur(chosen, scope=self.scope, texts=self.texts)
        return found

    def behind(self, a: str, b: str) -> list[tuple[RetrievedPassage, RetrievedPassage]]:
        """The passages behind cell (a, b): per meeting, the first passage of each code."""
        return [
            (passage_of(m.first[0], a, self.texts), passage_of(m.second[0], b, self.texts))
            for m in self.matrix().behind(a, b)
        ]

    def title(self) -> str:
        matrix = self.matrix()
        what = "overlapping passages" if self.scope == "overlap" else "shared questions"
        why = "orphaned" if self.scope == "overlap" else "not under a question, or orphaned"
        left = (
            f"; {counted(matrix.unplaced, 'passage')} left out ({why})" if matrix.unplaced else ""
        )
        return f"codes that meet: {what} · {whose(self.coder)}{left}"


def pair_showing(
    interview_ids: Sequence[str], shown: tuple[int, int], active: int, target: str
) -> tuple[int, int] | None:
    """Which two interviews to show so that ``target`` is in reader ``active`` (0 or 1):
    it takes the active reader's place, the other reader keeps its interview. None if
    ``target`` is shown already (the caller only moves there) or not among the open ones.
    """
    if target not in interview_ids:
        return None
    index = list(interview_ids).index(target)
    if index in shown:
        return None
    left, right = shown
    if left == right:  # only one interview was open: it stays, beside the new one
        return (left, index)
    return (index, right) if active == 0 else (left, index)
