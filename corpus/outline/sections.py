"""The sections of an outline: the questions grouped under the heading before them.

A section's region runs from its heading (or, for questions before any heading, from the
first question's label) to the end of its last answer; what a heading's section says
before its first question (a witness's statement under its title) gives its measures.
"""

from __future__ import annotations

import re

from corpus.model import Measure, Section, Span
from corpus.outline.headings import heading_span
from corpus.outline.measures import find_measures
from corpus.outline.question_spans import PlacedQuestion
from corpus.outline.speakers import Line

_SPACES = re.compile(r"\s+")


def group_sections(
    text: str, lines: list[Line], headings: set[int], turns: list[PlacedQuestion], wrapped: bool
) -> tuple[Section, ...]:
    """Group the questions under the heading before them (None before the first one)."""
    spans = sorted((heading_span(text, lines[i]) for i in headings), key=lambda s: s.start)
    starts = [(span.start, span.end, _collapse(text, span)) for span in spans]
    sections: list[Section] = []
    pending: list[PlacedQuestion] = []
    heading: str | None = None
    section_start: int | None = None
    heading_end = 0
    cursor = 0
    for turn in [*turns, None]:
        boundary = turn.label_start if turn is not None else len(text) + 1
        while cursor < len(starts) and starts[cursor][0] < boundary:
            if pending or heading is not None:
                opening = _opening(text, heading, heading_end, pending, starts[cursor][0], wrapped)
                sections.append(_section(heading, section_start, pending, opening))
            section_start, heading_end, heading = starts[cursor]
            pending = []
            cursor += 1
        if turn is not None:
            if section_start is None:
                section_start = turn.label_start
            pending.append(turn)
    if pending or heading is not None:
        opening = _opening(text, heading, heading_end, pending, len(text), wrapped)
        sections.append(_section(heading, section_start, pending, opening))
    return tuple(sections)


def _opening(
    text: str,
    heading: str | None,
    heading_end: int,
    turns: list[PlacedQuestion],
    until: int,
    wrapped: bool,
) -> tuple[Measure, ...]:
    """The measures of a section's opening: from its heading to its first question (or
    the next heading), as a witness's statement under its title lists them."""
    end = turns[0].label_start if turns else until
    if heading is None or end <= heading_end:
        return ()
    return find_measures(text, heading_end, end, wrapped=wrapped)


def _section(
    heading: str | None,
    start: int | None,
    turns: list[PlacedQuestion],
    measures: tuple[Measure, ...],
) -> Section:
    questions = tuple(turn.question for turn in turns)
    begin = start if start is not None else questions[0].start
    # A heading with no question after it (an article's title) still covers itself.
    end = max(
        [
            begin + len(heading or ""),
            *(max(q.end, q.answer.end) for q in questions),
            *(m.end for m in measures),
        ]
    )
    return Section(heading=heading, start=begin, end=end, questions=questions, measures=measures)


def _collapse(text: str, span: Span) -> str:
    return _SPACES.sub(" ", text[span.start : span.end]).strip()
