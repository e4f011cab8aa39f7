"""Line styling: annotation runs (innermost colour, overlaps underlined) and overlays."""

from __future__ import annotations

from rich.style import Style

from tui.widgets.paint import CURSOR, OVERLAP, SELECTION, mark_runs, segments


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
