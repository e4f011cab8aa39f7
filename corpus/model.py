"""The shapes corpus hands to the rest of gloss.

Everything is frozen: one parse of an interview is shared by the reader, the store and
the exporters, and nobody may change it under the others. Offsets always index the
*clean* text unless a name says ``raw``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol


class Spanned(Protocol):
    """Anything that holds a half-open ``[start, end)`` of the clean text (a line, a
    paragraph, a span): all that the rules which only place things need of it."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range ``[start, end)`` of the clean text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, offset: int) -> bool:
        return self.start <= offset < self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class Measure:
    """An enumerated item of an answer ("The first is to ...", "(2) ...", "Secondly, ...")."""

    ordinal: int
    text: str
    """The enumerating sentence or item, clean, whitespace collapsed."""
    start: int
    end: int
    """From the item's first character to the next item or the end of the answer."""


@dataclass(frozen=True, slots=True)
class Question:
    """An interviewer's question and the answer that follows it."""

    text: str
    """The question without its label (``Q:``), continuation lines joined by one space
    (the asker's label over a later paragraph of the question left out too)."""
    start: int
    end: int
    """The question's own text, label excluded, continuation lines included."""
    answer: Span
    """The answer's text, label excluded, up to the next question or heading."""
    measures: tuple[Measure, ...] = ()
    asker: str = ""
    """The question's speaker: its label as written, e.g. ``Q``, ``Reporter``, ``MS. PSAKI``
    (markup and colon dropped)."""
    answerer: str = ""
    """The answer's speaker: its label as written, e.g. ``Answer``, ``Minister Li``; empty
    if the answer has no label."""


@dataclass(frozen=True, slots=True)
class Turn:
    """One speaker's stretch of talk: from its label to the next speaker's label.

    Every labelled turn is here, questions or not (thanks, back-channel, a moderator giving
    the floor), so a reader can say who speaks at any offset.
    """

    speaker: str
    """The label as written, markup and colon dropped (``MS. PSAKI``, ``Q``, ``Jane Doe``)."""
    label: Span
    """Where the label stands (a timestamp next to it included)."""
    start: int
    end: int
    """The turn's own text, label excluded, up to the next turn, heading or the end."""


@dataclass(frozen=True, slots=True)
class Section:
    """A block of questions under one heading; ``heading`` is None before the first one."""

    heading: str | None
    start: int
    end: int
    questions: tuple[Question, ...] = ()
    measures: tuple[Measure, ...] = ()
    """Items enumerated between the heading and the first question (a witness's
    statement under its title)."""


@dataclass(frozen=True, slots=True)
class Outline:
    """The structure of one interview, found in its clean text."""

    title: str | None = None
    title_span: Span | None = None
    dateline: str | None = None
    byline: str | None = None
    intro: Span | None = None
    sections: tuple[Section, ...] = ()
    speakers: tuple[str, ...] = ()
    """Every speaker, in order of first turn."""
    askers: tuple[str, ...] = ()
    """The speakers who put questions to the interviewee(s), in order of first turn."""
    turns: tuple[Turn, ...] = ()
    """Every labelled turn, in text order."""
    intro_measures: tuple[Measure, ...] = ()
    """Items enumerated before any question (an opening statement's list)."""
    _questions: tuple[Question, ...] = field(init=False, repr=False, compare=False)
    _question_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _turn_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Gathered once: a transcript of 20,000 questions is asked for them per keypress.
        questions = tuple(q for s in self.sections for q in s.questions)
        object.__setattr__(self, "_questions", questions)
        object.__setattr__(self, "_question_starts", tuple(q.start for q in questions))
        object.__setattr__(self, "_turn_starts", tuple(t.label.start for t in self.turns))

    @property
    def questions(self) -> tuple[Question, ...]:
        return self._questions

    @property
    def measures(self) -> tuple[Measure, ...]:
        """Every measure in text order: those listed before any question, then each
        section's opening and each question's (what the reader steps through with ``}``
        and ``{``)."""
        return self.intro_measures + tuple(
            m
            for section in self.sections
            for m in (*section.measures, *(m for q in section.questions for m in q.measures))
        )

    @property
    def question_starts(self) -> tuple[int, ...]:
        """Where each question starts, in order (for bisecting)."""
        return self._question_starts

    def turn_at(self, offset: int) -> Turn | None:
        """The turn holding clean ``offset`` (its label included); None outside every turn."""
        index = bisect_right(self._turn_starts, offset) - 1
        if index < 0:
            return None
        turn = self.turns[index]
        return turn if offset < max(turn.end, turn.label.end) else None


@dataclass(frozen=True, slots=True)
class CleanText:
    """Clean text plus, for each clean character, where it came from in the raw text.

    ``raw_offsets`` has ``len(text) + 1`` entries: ``raw_offsets[i]`` is the raw index of
    ``text[i]`` and the last entry is ``len(raw)``, so a clean span ``[s, e)`` maps to the
    raw span ``[raw_offsets[s], raw_offsets[e])``. Nothing is lost: the raw text is kept.
    """

    text: str
    raw: str
    raw_offsets: Sequence[int] = field(repr=False)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw-text span a clean span came from."""
        if end > start:
            return self.raw_offsets[start], self.raw_offsets[end - 1] + 1
        return self.raw_offsets[start], self.raw_offsets[start]


@dataclass(frozen=True, slots=True)
class Interview:
    """One interview file, read, cleaned and outlined."""

    id: str
    """Stable id: the file name without its extension."""
    path: Path
    clean: CleanText
    outline: Outline
    sentences: tuple[Span, ...]
    fingerprint: str
    """A hash of the clean text; annotations record it to notice changed texts."""
    times: tuple[tuple[int, float], ...] = ()
    """For subtitle files, ``(clean offset, seconds)`` where each cue starts, in order."""
    headings: tuple[tuple[int, int], ...] = ()
    """``(clean offset, level)`` of the lines the file's format marks as headings
    (Markdown, Word); the outline reads them again from here (``--interviewer``)."""

    @property
    def text(self) -> str:
        return self.clean.text

    @property
    def title(self) -> str:
        return self.outline.title or self.id

    def time_at(self, offset: int) -> float | None:
        """When the cue holding clean ``offset`` starts, in seconds; None without times."""
        index = bisect_right(self.times, offset, key=lambda pair: pair[0]) - 1
        return self.times[index][1] if index >= 0 else None
