"""How a reader line is styled: annotation colours, overlaps, cursor, selection, hits.

Pure functions over offsets and Rich styles, no widget: the reader caches the annotation
runs of each line (they change only with the annotations or the layout) and lays the
per-keypress overlays (cursor, selection, search hits) over them when it draws a line.
Every mark also has a non-colour cue (a gutter bar on annotated lines, underline for
overlaps, reverse for the selection and for search hits, bold underline for the cursor)
so a terminal without colour (``NO_COLOR``) still shows it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise

from rich.color import Color
from rich.segment import Segment
from rich.style import Style

#: (start, end, style): a stretch of a line in shown offsets.
Run = tuple[int, int, Style]
#: (start, end, colour): an annotation in shown offsets with its tag colour.
Mark = tuple[int, int, str]

KIND_STYLES: dict[str, Style] = {
    "title": Style(bold=True, color="bright_white"),
    "byline": Style(italic=True, dim=True),
    "heading": Style(bold=True, underline=True),
    "question": Style(bold=True, color="cyan"),
    "measure": Style(),
    "answer": Style(),
    "body": Style(),
    "raw": Style(),
}
LABEL = Style(bold=True, color="cyan")
CURSOR_BAR = Style(bold=True, color="yellow")
CURSOR_BAR_IDLE = Style(dim=True)
CURSOR = Style(bold=True, underline=True, bgcolor="grey23")
SELECTION = Style(reverse=True)
#: Black on yellow, written as yellow on black reversed: without colour it is still
#: reverse video, apart from the cursor sentence it sits in. Laid over the cursor, so
#: the matched characters stand out inside the highlighted sentence.
SEARCH = Style(color="yellow", bgcolor="black", reverse=True, bold=True)
OVERLAP = Style(underline=True)
#: A flagged passage (where two coders differ): a gutter mark, and the text in italic, so
#: it shows without colour too.
FLAG_MARK = "≠"
FLAG_GUTTER = Style(bold=True, color="magenta")
FLAGGED = Style(italic=True)
#: A line with an annotated passage: a bar in the gutter in its tag colour (a glyph, so
#: it shows without colour too, and not the cursor's ``▌``).
ANNOTATED_MARK = "┃"


def gutter_mark(marks: Sequence[Mark]) -> tuple[str, Style]:
    """The gutter cell beside a line's text: the annotated bar, or a space."""
    if not marks:
        return " ", Style()
    return ANNOTATED_MARK, Style(color=marks[0][2])


def mark_style(colour: str) -> Style:
    """A readable background for a tag colour: the colour darkened towards black."""
    base = Color.parse(colour).get_truecolor()
    dark = Color.from_rgb(base.red * 0.45, base.green * 0.45, base.blue * 0.45)
    return Style(bgcolor=dark)


def mark_runs(
    marks: Sequence[Mark], start: int, end: int, style_of: Callable[[str], Style]
) -> list[Run]:
    """The annotation styling of ``[start, end)`` as ordered, non-overlapping runs.

    A sweep over the marks' ends: each stretch takes the colour of the annotation that
    began last (the innermost, usually) as its background, and is underlined where two
    or more annotations overlap, so overlaps show without colour too.
    """
    if not marks:
        return []
    events: list[tuple[int, int, int]] = []  # (offset, 0 = an end / 1 = a start, mark)
    for number, (mark_start, mark_end, _colour) in enumerate(marks):
        events.append((max(mark_start, start), 1, number))
        events.append((min(mark_end, end), 0, number))
    events.sort()
    runs: list[Run] = []
    stack: list[int] = []
    ended: set[int] = set()
    active = 0
    previous = start
    for offset, is_start, number in events:
        if offset > previous and active:
            while stack[-1] in ended:
                stack.pop()
            style = style_of(marks[stack[-1]][2])
            if active > 1:
                style = style + OVERLAP
            runs.append((previous, offset, style))
        previous = max(previous, offset)
        if is_start:
            stack.append(number)
            active += 1
        else:
            ended.add(number)
            active -= 1
    return runs


def segments(
    text: str, start: int, base: Style, runs: Sequence[Run], overlays: Sequence[Run]
) -> list[Segment]:
    """``text`` (shown offsets ``start`` on) cut wherever its style changes.

    ``runs`` are non-overlapping and ordered (see :func:`mark_runs`); ``overlays`` are
    laid on top in order, so a later one wins where they disagree.
    """
    end = start + len(text)
    points = {start, end}
    for run_start, run_end, _style in runs:
        points.add(run_start)
        points.add(run_end)
    for over_start, over_end, _style in overlays:
        if start < over_start < end:
            points.add(over_start)
        if start < over_end < end:
            points.add(over_end)
    result = []
    run = 0
    for a, b in pairwise(sorted(points)):
        style = base
        while run < len(runs) and runs[run][1] <= a:
            run += 1
        if run < len(runs) and runs[run][0] <= a:
            style = style + runs[run][2]
        for over_start, over_end, extra in overlays:
            if over_start <= a and b <= over_end:
                style = style + extra
        result.append(Segment(text[a - start : b - start], style))
    return result
