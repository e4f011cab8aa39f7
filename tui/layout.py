"""Laying an interview out into screen lines that remember where they came from.

The reader draws with Textual's line API: it asks for one line at a time, so the whole
text is wrapped once per width (and per clean/raw mode) into :class:`Line` records that
carry the offsets of their characters in the source text. Per keypress the reader only
restyles the handful of visible lines; nothing here is recomputed until the width or the
text changes. Pure Python, no Textual: testable on its own.

Display text is the source text with dangerous characters replaced one for one
(:func:`tui.text.neutralise` with ``keep_offsets``), so character ``i`` of a line is
always source offset ``line.start + i``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import accumulate
from typing import Literal

from rich.cells import cell_len

from corpus import Interview
from tui.text import neutralise

Kind = Literal["title", "byline", "heading", "question", "answer", "measure", "body", "raw"]

#: Cells reserved on the left of every line: cursor bar, a two-cell label, a space.
GUTTER = 4

_PARAGRAPH = re.compile(r"[^\n]+")
_WORD = re.compile(r"\S+\s*")
#: A list marker written before a measure at its line's start: "1.", "(2)", "b)", "iv.", "-".
_WRITTEN_MARKER = re.compile(r"\(?(?:\d{1,3}|[a-zA-Z]|[ivxlcIVXLC]{1,6})[.)]|[-*•–]")


@dataclass(frozen=True, slots=True)
class Line:
    """One screen line: source text ``[start, end)`` shown as ``text`` with a gutter label."""

    start: int
    end: int
    text: str
    """Same length as ``end - start``; trailing spaces are kept so offsets stay exact."""
    kind: Kind
    label: str = ""
    """Gutter label on a block's first line: ``Q`` for questions, ``1.`` for measures."""
    blank: bool = False
    """A spacer between blocks; ``start == end`` is the offset it sits at."""


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph of the source text and what it is (title, question, measure, ...)."""

    start: int
    end: int
    kind: Kind
    label: str = ""


@dataclass(frozen=True, slots=True)
class Layout:
    """The lines of one interview at one width, and a fast offset -> line lookup."""

    lines: tuple[Line, ...]
    width: int
    starts: tuple[int, ...]

    def line_of(self, offset: int) -> int:
        """Index of the (non-blank) line showing ``offset``, or the nearest one before it."""
        index = max(0, bisect_right(self.starts, offset) - 1)
        while index > 0 and self.lines[index].blank:
            index -= 1
        return index

    def lines_between(self, start: int, end: int) -> range:
        """Indices of the lines that show any of ``[start, end)`` (at least one line)."""
        first = self.line_of(start)
        last = self.line_of(max(start, end - 1))
        return range(first, last + 1)

    @property
    def widest(self) -> int:
        return max((cell_len(line.text.rstrip()) for line in self.lines), default=0)


def fit_words(text: str, cells: int) -> str:
    """``text`` on one line in at most ``cells`` cells, cut after a whole word with "…"."""
    text = " ".join(text.split())
    if cell_len(text) <= cells:
        return text
    limit = max(1, cells - 1)
    cut = text[:limit]
    while cell_len(cut) > limit:
        cut = cut[:-1]
    if text[len(cut)] != " " and " " in cut[limit // 2 :]:  # don't end inside a word
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:-") + "…"


def _measure_label(ordinal: int, written: str) -> str:
    """The gutter's number for a measure, or none when the line opens with its own marker.

    A numbered list ("1. Plan", "a) Plan") already shows its marker before the measure's
    words; a second number in the gutter would read "1. 1. Plan".
    """
    if _WRITTEN_MARKER.fullmatch(written.strip()):
        return ""
    return f"{ordinal}." if ordinal < 10 else str(ordinal)[-2:]


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Non-empty lines of ``text`` with surrounding spaces trimmed, as offsets."""
    for match in _PARAGRAPH.finditer(text):
        line = match.group()
        stripped = line.strip()
        if not stripped:
            continue
        start = match.start() + (len(line) - len(line.lstrip()))
        yield start, start + len(stripped)


class _Spans:
    """Sorted spans asked, paragraph after paragraph, whether any overlaps or starts in one.

    Bisecting keeps the layout linear in the text: a transcript of 200,000 questions
    must not compare every paragraph with every question.
    """

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        # furthest[i]: the largest end among the first i + 1 spans (spans may overlap).
        self.furthest = list(accumulate((end for _, end in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether any span shares a character with ``[start, end)``."""
        before_end = bisect_left(self.starts, end)  # spans starting before ``end``
        return before_end > 0 and self.furthest[before_end - 1] > start

    def first_starting_in(self, start: int, end: int) -> int:
        """Index (in start order) of the first span starting in ``[start, end)``, or -1."""
        index = bisect_left(self.starts, start)
        return index if index < len(self.starts) and self.starts[index] < end else -1


def blocks(interview: Interview) -> list[Block]:
    """The paragraphs of the clean text, each classified with the help of the outline."""
    text = interview.text
    outline = interview.outline
    headings = {s.heading.strip() for s in outline.sections if s.heading}
    heading_starts = {s.start for s in outline.sections if s.heading}
    bylines = {line.strip() for line in (outline.dateline, outline.byline) if line}
    questions = _Spans((q.start, q.end) for q in outline.questions)
    # Measures in text order, the first of a paragraph giving its label.
    measures = sorted(outline.measures, key=lambda m: (m.start, m.end))
    measure_starts = _Spans((m.start, m.end) for m in measures)
    answers = _Spans((q.answer.start, q.answer.end) for q in outline.questions)
    result: list[Block] = []
    for start, end in _paragraphs(text):
        paragraph = text[start:end]
        kind: Kind = "body"
        label = ""
        if outline.title_span and outline.title_span.start < end and start < outline.title_span.end:
            kind = "title"
        elif paragraph in bylines:
            kind = "byline"
        elif paragraph in headings or start in heading_starts:
            kind = "heading"
        elif questions.overlaps(start, end):
            kind = "question"
            # Only the paragraph where the question starts gets the marker; a question
            # continued over several lines is still one question.
            label = "Q" if questions.first_starting_in(start, end) >= 0 else ""
        elif (measure := measure_starts.first_starting_in(start, end)) >= 0:
            kind = "measure"
            label = _measure_label(measures[measure].ordinal, text[start : measures[measure].start])
        elif answers.overlaps(start, end):
            kind = "answer"
        result.append(Block(start, end, kind, label))
    return result


def raw_blocks(raw: str) -> list[Block]:
    """The raw text's lines, unclassified."""
    return [Block(start, end, "raw") for start, end in _paragraphs(raw)]


def wrap(text: str, start: int, end: int, width: int) -> Iterator[tuple[int, int]]:
    """Split ``text[start:end]`` into lines of at most ``width`` cells at word boundaries.

    A word wider than the whole line is the only thing ever cut. Trailing spaces stay on
    the line they follow (they are not drawn past the width).
    """
    width = max(1, width)
    if _plain(text, start, end):
        yield from _wrap_plain(text, start, end, width)
        return
    line_start = start
    used = 0
    for match in _WORD.finditer(text, start, end):
        word = match.group().rstrip()
        # Printable ASCII (the display text has no controls left) is one cell a character.
        cells = len(word) if word.isascii() else cell_len(word)
        if used and used + cells > width:
            yield line_start, match.start()
            line_start, used = match.start(), 0
        while cells > width:  # a single word longer than a line: cut it, nothing else helps
            cut = line_start
            taken = 0
            while cut < end and taken + cell_len(text[cut]) <= width:
                taken += cell_len(text[cut])
                cut += 1
            cut = max(cut, line_start + 1)
            yield line_start, cut
            line_start = cut
            word = text[cut : match.start() + len(match.group().rstrip())]
            cells = cell_len(word)
        used += cells + (len(match.group()) - len(match.group().rstrip()))
    if line_start < end or not used:
        yield line_start, end


def _plain(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is printable ASCII: one cell a character, spaces only."""
    part = text[start:end]
    return part.isascii() and part.isprintable()


def _wrap_plain(text: str, start: int, end: int, width: int) -> Iterator[tuple[int, int]]:
    """``wrap`` for printable ASCII, a line at a time instead of a word at a time.

    A line starting at ``line_start`` holds every word ending by ``line_start + width``;
    it breaks before the first word that does not, or cuts a word longer than a line.
    """
    line_start = start
    while end - line_start > width:
        limit = line_start + width
        if text[limit] == " ":  # the words before fit; the next one opens a line
            following = limit
            while text[following] == " ":
                following += 1
            yield line_start, following
            line_start = following
            continue
        space = text.rfind(" ", line_start, limit)
        cut = space + 1 if space >= 0 else limit  # no space: a word longer than a line
        yield line_start, cut
        line_start = cut
    yield line_start, end


def lay_out(source: str, block_list: list[Block], width: int) -> Layout:
    """Wrap ``block_list`` of ``source`` to ``width`` cells (gutter included)."""
    text_width = max(8, width - GUTTER)
    shown = neutralise(source, keep_offsets=True)
    lines: list[Line] = []
    for number, block in enumerate(block_list):
        if number:
            lines.append(Line(block.start, block.start, "", block.kind, blank=True))
        for index, (start, end) in enumerate(wrap(shown, block.start, block.end, text_width)):
            label = block.label if index == 0 else ""
            lines.append(Line(start, end, shown[start:end], block.kind, label))
    if not lines:
        lines.append(Line(0, 0, "", "body", blank=True))
    return Layout(tuple(lines), width, tuple(line.start for line in lines))


def lay_out_interview(interview: Interview, width: int, *, raw: bool = False) -> Layout:
    """The interview's clean text (or raw text) laid out for reading at ``width`` cells."""
    if raw:
        return lay_out(interview.clean.raw, raw_blocks(interview.clean.raw), width)
    return lay_out(interview.text, blocks(interview), width)
