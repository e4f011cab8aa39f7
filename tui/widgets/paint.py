"""How a reader line is styled: annotation colours, overlaps, cursor, selection, hits.

Offsets and Rich styles, no widget and no Textual (checked by import-linter): a
:class:`LinePainter` holds one reader's marks, search hits and flagged passages, caches
the annotation runs of each line (they change only with the annotations or the layout)
and lays the per-keypress overlays (cursor, selection, search hits) over them when the
reader draws a line.
Every mark also has a non-colour cue (a gutter bar on annotated lines, underline for
overlaps, reverse for the selection and for search hits, bold underline for the cursor)
so a terminal without colour (``NO_COLOR``) still shows it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from itertools import pairwise
from typing import NamedTuple, Protocol

from rich.color import Color
from rich.segment import Segment
from rich.style import Style

from corpus import Span
from tui.layout import Line
from tui.navigation import Navigator
from tui.overlaps import Overlaps
from tui.text import tag_colour

#: (start, end, style): a stretch of a line in shown offsets.
Run = tuple[int, int, Style]
#: (start, end, colour): an annotation in shown offsets with its tag colour.
Mark = tuple[int, int, str]
#: The colour of an annotation without tags.
UNTAGGED = "grey50"


class Placed(Protocol):
    """What the painter needs of an annotation: where it is and its tags."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def tags(self) -> tuple[str, ...]: ...


class _RawPlace(NamedTuple):
    """An annotation at its raw offsets, for painting the raw file text."""

    start: int
    end: int
    tags: tuple[str, ...]


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


class LinePainter:
    """The look of one reader's lines: its annotation marks, search hits and flagged
    passages, each found per line by overlap, with each line's annotation runs cached.

    Marks, hits and flags are given in clean offsets; in raw mode (``raw``) they are
    painted at their raw offsets. The reader keeps the layout and the drawn strips.
    """

    def __init__(self, navigator: Navigator) -> None:
        self.navigator = navigator
        self.raw = False
        self._marks: Sequence[Placed] = []
        self._shown_marks: Overlaps[Placed] = Overlaps([], bounds)
        """The marks in the offsets of what is shown (raw offsets in raw mode). The
        annotations themselves, no copy per annotation: a line's :data:`Mark` tuples are
        made when it is drawn."""
        self._codebook: Mapping[str, str] = {}
        self._tag_colours: dict[str, str] = {}
        """Each tag's colour, worked out once per :meth:`set_marks`."""
        self._runs: dict[int, list[Run]] = {}
        """Per line index: the annotation styling of that line (see :func:`mark_runs`)."""
        self._mark_styles: dict[str, Style] = {}
        self._hits: Overlaps[Span] = Overlaps([], _span_bounds)
        self._flagged: Overlaps[Span] = Overlaps([], _span_bounds)
        """Passages marked in the gutter and the text (e.g. where two coders differ)."""

    def set_marks(self, marks: Sequence[Placed], codebook: Mapping[str, str]) -> None:
        """Paint these annotations (clean offsets), each in its first tag's colour
        (``codebook``: tag -> the codebook's colour for it)."""
        self._marks = marks
        self._codebook = codebook
        self._tag_colours = {}
        self._place_marks()

    def show_raw(self, raw: bool) -> None:
        """Paint at raw offsets (``raw``) or clean ones."""
        self.raw = raw
        self._place_marks()

    def _place_marks(self) -> None:
        """Put the marks in shown offsets; forget every line's cached styling."""
        shown: Sequence[Placed] = self._marks
        if self.raw:
            raw_span = self.navigator.interview.clean.raw_span
            shown = sorted(
                (_RawPlace(*raw_span(m.start, m.end), m.tags) for m in self._marks),
                key=lambda m: (m.start, m.end, self._colour_of(m)),
            )
        self._shown_marks = Overlaps(shown, bounds)
        self._runs.clear()

    def forget_runs(self) -> None:
        """The lines changed (a new layout): their cached styling no longer fits."""
        self._runs.clear()

    def set_hits(self, hits: Sequence[Span]) -> None:
        self._hits = Overlaps(hits, _span_bounds)

    def set_flagged(self, spans: Sequence[Span]) -> bool:
        """Flag these passages; False when they are the ones already flagged."""
        flagged = Overlaps(spans, _span_bounds)
        if flagged.items == self._flagged.items:
            return False
        # An overlay, like the cursor: the lines' annotation runs stay valid.
        self._flagged = flagged
        return True

    def line(
        self,
        index: int,
        line: Line,
        base: Style,
        *,
        cursor: Span,
        selection: Span | None,
        focused: bool,
    ) -> list[Segment]:
        """Line ``index`` of the layout: the gutter (cursor bar, label, mark) and its text."""
        shown_cursor = self._shown(cursor)
        in_cursor = (
            not line.blank
            and line.start < max(shown_cursor[1], shown_cursor[0] + 1)
            and shown_cursor[0] < line.end
        )
        bar_style = CURSOR_BAR if focused else CURSOR_BAR_IDLE
        bar = Segment("▌" if in_cursor else " ", base + bar_style)
        label = Segment(f"{line.label:>2}", base + LABEL)
        if not line.blank and self._flags_on(line):
            result = [bar, label, Segment(FLAG_MARK, base + FLAG_GUTTER)]
        else:
            mark, mark_style = gutter_mark(self._marks_on(line))
            result = [bar, label, Segment(mark, base + mark_style)]
        if line.text:
            overlays = self._overlays(line, shown_cursor if focused else None, selection)
            kind = base + KIND_STYLES[line.kind]
            result.extend(
                segments(line.text, line.start, kind, self._runs_of(index, line), overlays)
            )
        return result

    def _runs_of(self, index: int, line: Line) -> list[Run]:
        runs = self._runs.get(index)
        if runs is None:
            marks = self._marks_on(line)
            runs = self._runs[index] = mark_runs(marks, line.start, line.end, self._style_of)
        return runs

    def _overlays(
        self, line: Line, cursor: tuple[int, int] | None, selection: Span | None
    ) -> list[Run]:
        """This keypress's styling of the line, over its cached annotation runs."""
        overlays: list[Run] = [(*self._shown(span), FLAGGED) for span in self._flags_on(line)]
        if cursor is not None:
            overlays.append((cursor[0], cursor[1], CURSOR))
        if selection is not None:
            overlays.append((*self._shown(selection), SELECTION))
        overlays.extend(  # last: a hit shows inside the cursor sentence and the selection
            (*self._shown(hit), SEARCH) for hit in self._hits_on(line.start, line.end)
        )
        return overlays

    def _shown(self, span: Span) -> tuple[int, int]:
        return self.navigator.shown_span(span, raw=self.raw)

    def _marks_on(self, line: Line) -> list[Mark]:
        """The marks touching the line, in order, as (start, end, colour) in shown offsets."""
        colour = self._colour_of
        found = self._shown_marks.between(line.start, line.end)
        return [(m.start, m.end, colour(m)) for m in found]

    def _colour_of(self, mark: Placed) -> str:
        if not mark.tags:
            return UNTAGGED
        tag = mark.tags[0]
        colour = self._tag_colours.get(tag)
        if colour is None:
            colour = self._tag_colours[tag] = tag_colour(tag, self._codebook.get(tag))
        return colour

    def _style_of(self, colour: str) -> Style:
        style = self._mark_styles.get(colour)
        if style is None:
            style = self._mark_styles[colour] = mark_style(colour)
        return style

    def _flags_on(self, line: Line) -> list[Span]:
        """Flagged passages overlapping the line (clean offsets)."""
        if not self._flagged:
            return []
        clean = self.navigator.clean_offset
        start, end = clean(line.start, raw=self.raw), clean(line.end, raw=self.raw)
        return self._flagged.between(start, max(end, start + 1))

    def _hits_on(self, start: int, end: int) -> list[Span]:
        if self.raw:
            return [h for h in self._hits.items if _overlap(self._shown(h), start, end)]
        return self._hits.between(start, end)


def bounds(mark: Placed) -> tuple[int, int]:
    """Where ``mark`` starts and ends: the key that orders and indexes annotations."""
    return mark.start, mark.end


def _span_bounds(span: Span) -> tuple[int, int]:
    return span.start, span.end


def _overlap(span: tuple[int, int], start: int, end: int) -> bool:
    return span[0] < end and start < span[1]
