"""Line styling: annotation runs (innermost colour, overlaps underlined), overlays, and a
whole line drawn by the reader's painter without a screen."""

from __future__ import annotations

from typing import NamedTuple

from rich.style import Style

from corpus import Span, interview_from_text
from tui.layout import lay_out_interview
from tui.navigation import Navigator
from tui.widgets.paint import (
    ANNOTATED_MARK,
    CURSOR,
    OVERLAP,
    SELECTION,
    LinePainter,
    mark_runs,
    segments,
)


class Tagged(NamedTuple):
    """An annotation as the painter sees it."""

    start: int
    end: int
    tags: tuple[str, ...]


def style_of(colour: str) -> Style:
    return Style(bgcolor=colour)


def test_no_marks_no_runs() -> None:
    assert mark_runs([], 0, 10, style_of) == []


def test_overlap_is_underlined_and_takes_the_inner_colour() -> None:
    runs = mark_runs([(0, 10, "red"), (4, 6, "blue")], 0, 10, style_of)
    assert [(a, b) for a, b, _ in runs] == [(0, 4), (4, 6), (6, 10)]
    outer, inner, after = (style for _, _, style in runs)
    assert outer == style_of("red") and not outer.underline
    assert inner.bgcolor == style_of("blue").bgcolor and inner.underline
    assert after == style_of("red")


def test_runs_are_clipped_to_the_line() -> None:
    runs = mark_runs([(0, 100, "red")], 40, 60, style_of)
    assert [(a, b) for a, b, _ in runs] == [(40, 60)]


def test_segments_join_back_to_the_text_and_layer_overlays() -> None:
    text = "hello brave new world"
    runs = mark_runs([(106, 111, "red")], 100, 100 + len(text), style_of)
    cut = segments(text, 100, Style(), runs, [(100, 105, CURSOR), (112, 121, SELECTION)])
    assert "".join(s.text for s in cut) == text
    by_text = {s.text: s.style for s in cut}
    assert by_text["hello"] is not None and by_text["hello"].underline  # the cursor
    assert by_text["brave"] is not None and by_text["brave"].bgcolor is not None
    assert by_text["new world"] is not None and by_text["new world"].reverse
    assert OVERLAP.underline


def test_the_painter_draws_a_line_with_its_mark_hit_and_gutter_without_a_screen() -> None:
    text = "Q: What is the plan?\nA: The first is to increase the supply.\n"
    interview = interview_from_text("paint", text)
    painter = LinePainter(Navigator(interview))
    answer = text.index("The first")
    painter.set_marks([Tagged(answer, answer + len("The first"), ("policy",))], {"policy": "red"})
    painter.set_hits([Span(text.index("supply"), text.index("supply") + len("supply"))])
    lines = lay_out_interview(interview, 80).lines
    index = next(i for i, line in enumerate(lines) if "supply" in line.text)
    line = lines[index]
    drawn = painter.line(index, line, Style(), cursor=Span(0, 1), selection=None, focused=True)
    by_text = {s.text: s.style for s in drawn}
    assert "".join(s.text for s in drawn).endswith(line.text)
    assert ANNOTATED_MARK in by_text  # the gutter says the line is annotated
    assert by_text["The first"] is not None and by_text["The first"].bgcolor is not None
    assert by_text["supply"] is not None and by_text["supply"].reverse  # the search hit


def test_in_raw_mode_a_mark_is_drawn_where_its_words_are_in_the_raw_text() -> None:
    text = "Q: What is the plan?\nA: Be\u00adcause it is the first step.\n"
    interview = interview_from_text("raw", text)
    assert interview.text != text  # the soft hyphen is gone: raw offsets are one further
    start = interview.text.index("the first")
    painter = LinePainter(Navigator(interview))
    painter.set_marks([Tagged(start, start + len("the first"), ("policy",))], {"policy": "red"})
    painter.show_raw(True)
    lines = lay_out_interview(interview, 80, raw=True).lines
    index = next(i for i, line in enumerate(lines) if "the first" in line.text)
    drawn = painter.line(
        index, lines[index], Style(), cursor=Span(0, 1), selection=None, focused=False
    )
    marked = [s.text for s in drawn if s.style is not None and s.style.bgcolor is not None]
    assert marked == ["the first"]
