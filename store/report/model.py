"""What a report holds, apart from how it is written out (HTML or Markdown).

A report is assembled once from the database (:mod:`store.report.assemble`) and then
rendered by :mod:`store.report.html` or :mod:`store.report.markdown`; both read only
these frozen values, so the two formats always say the same thing. Text from the
database is held as it is: each renderer makes it safe for its own format.
"""

from __future__ import annotations

from dataclasses import dataclass

from store.agreement import TagAgreement
from store.findings import RetrievedPassage


@dataclass(frozen=True, slots=True)
class Code:
    """One code of the codebook, with what the report counts of it."""

    path: str
    description: str
    colour: str
    """``#rrggbb``: the codebook's colour, else the reader's palette colour for it."""
    passages: int
    """Annotations carrying exactly this code."""
    with_subcodes: int
    """Annotations carrying this code or one below it (each counted once)."""
    characters: int
    """Characters coded with this code or one below it (each character once)."""
    interviews: int
    """Interviews with a passage of this code or one below it."""
    coders: tuple[str, ...]
    """Who applied this code or one below it, sorted."""

    @property
    def depth(self) -> int:
        return self.path.count("/")

    @property
    def name(self) -> str:
        """The last part of the path, shown indented under its parent."""
        return self.path.rsplit("/", 1)[-1]


@dataclass(frozen=True, slots=True)
class CodePassages:
    """The passages of exactly one code, in interview then text order."""

    code: Code
    passages: tuple[RetrievedPassage, ...]
    """Each with its interview's title, the question it is under, its coder and note;
    a passage with several codes is listed under each (``tags`` holds them all)."""


@dataclass(frozen=True, slots=True)
class Matrix:
    """Counts with labelled rows and columns: ``cells[row][column]``."""

    rows: tuple[str, ...]
    columns: tuple[str, ...]
    cells: tuple[tuple[int, ...], ...]

    @property
    def largest(self) -> int:
        return max((max(row, default=0) for row in self.cells), default=0)


@dataclass(frozen=True, slots=True)
class InterviewInfo:
    """One interview the report covers."""

    id: str
    title: str


@dataclass(frozen=True, slots=True)
class Agreement:
    """The agreement table of every coder in the report, as ``gloss agree`` gives it."""

    coders: tuple[str, ...]
    rows: tuple[TagAgreement, ...]
    interviews: tuple[str, ...]
    """The interviews pooled (those every coder annotated, whose text could be read)."""
    characters: int
    left_out: tuple[str, ...]
    """Why interviews were left out, one sentence each (not every coder annotated it,
    its text cannot be read, or it changed since it was coded)."""


@dataclass(frozen=True, slots=True)
class Report:
    """Everything a report shows, in the order it shows it."""

    database: str
    generated: str
    """UTC, ``YYYY-MM-DD HH:MM``."""
    scope: str
    """Which annotations, in words: "All annotations", "Annotations by ana coded policy
    or a code below it"."""
    annotations: int
    coders: tuple[str, ...]
    interviews: tuple[InterviewInfo, ...]
    codes: tuple[Code, ...]
    """In tree order (a parent before its children), ancestors included."""
    by_interview: Matrix
    """Passages per code (rows, with sub-codes) and interview (columns)."""
    cooccurrence: Matrix
    """Per pair of codes (exact paths; those that meet another), how many pairs of their
    passages overlap (``store.findings.cooccur``)."""
    orphaned: int
    """Passages whose place was lost: listed under their codes, left out of the matrices."""
    passages: tuple[CodePassages, ...]
    agreement: Agreement | None
    """None with fewer than two coders."""
    agreement_missing: str = ""
    """Why there is no agreement table although there are several coders ("" if there is
    one or if one coder alone)."""


def shorten(text: str, limit: int) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
