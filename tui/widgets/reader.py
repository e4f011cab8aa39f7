"""The reader: one interview, laid out for reading, with a sentence cursor and a selection.

It is a line-API widget (like Textual's ``Log``): the text is wrapped once per width by
:mod:`tui.layout` and ``render_line`` styles one screen line at a time from that layout,
the cursor, the selection, the annotations and the search hits (how a line looks is
:class:`tui.widgets.paint.LinePainter`'s). A keypress only restyles the lines whose look
changed, so the reader stays fast with thousands of annotations.

The reader decides nothing about annotations: it shows the marks it is given and posts
messages (:class:`Reader.Moved`, :class:`Reader.SelectionChanged`) that the screen acts on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar, Protocol

from rich.style import Style
from textual import events
from textual.binding import BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip

from corpus import Interview, Span
from tui.keys import READER
from tui.layout import GUTTER, Layout, lay_out_interview
from tui.navigation import Caret, Navigator
from tui.overlaps import ordered
from tui.textual_private import SteadyScrollbars
from tui.widgets.paint import LinePainter, Placed, bounds


class Marked(Placed, Protocol):
    """What the reader needs of an annotation: what the painter needs, and its id."""

    @property
    def id(self) -> str: ...


class Reader(SteadyScrollbars, can_focus=True):
    """One interview's text with a sentence cursor, a selection and highlighted annotations."""

    BINDINGS: ClassVar[list[BindingType]] = list(READER)

    DEFAULT_CSS = """
    Reader {
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-size-vertical: 1;
    }
    """

    @dataclass
    class Moved(Message):
        """The cursor moved to another sentence."""

        reader: Reader
        offset: int
        """Clean offset of the cursor sentence's start."""

        @property
        def control(self) -> Reader:
            return self.reader

    @dataclass
    class SelectionChanged(Message):
        """The selection was started, extended, adjusted or cleared (``span`` is None);
        the status line counts its words."""

        reader: Reader
        span: Span | None

        @property
        def control(self) -> Reader:
            return self.reader

    raw: reactive[bool] = reactive(False)
    """Show the raw file text instead of the clean text."""

    def __init__(self, interview: Interview, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.interview = interview
        self.navigator = Navigator(interview)
        """Where each key takes the cursor and the selection (the reader only paints)."""
        self.caret = Caret()
        """The cursor sentence and the selection."""
        self._painter = LinePainter(self.navigator)
        """How each line looks: the marks, hits and flagged passages (the reader draws)."""
        self._base: Style | None = None
        self._annotations: list[Marked] = []
        self._given: tuple[list[Marked], dict[str, str]] = ([], {})
        """What ``set_annotations`` was last given."""
        self._layout: Layout | None = None
        self._cache: dict[int, Strip] = {}

    # ----------------------------------------------------------------- public API

    @property
    def text_layout(self) -> Layout:
        """The current layout (computed on first use at the current width)."""
        if self._layout is None:
            self._layout = self._lay_out()
            self.virtual_size = Size(self._layout.width, len(self._layout.lines))
            self._cache.clear()
            self._painter.forget_runs()
        return self._layout

    def _lay_out(self) -> Layout:
        region = self.scrollable_content_region
        width = region.width or self.size.width or 80
        bar = self.styles.scrollbar_size_vertical
        if not self.show_vertical_scrollbar and self.styles.overflow_y == "auto" and region:
            # A text taller than the view is about to get a scrollbar: lay it out at the
            # width it will have then, not once without the bar and again with it.
            layout = lay_out_interview(self.interview, width - bar, raw=self.raw)
            if len(layout.lines) > region.height:
                return layout
        return lay_out_interview(self.interview, width, raw=self.raw)

    @property
    def cursor(self) -> int:
        """Index of the cursor sentence in ``interview.sentences``."""
        return self.caret.sentence

    @property
    def cursor_span(self) -> Span:
        """The sentence under the cursor (the whole text for a text without sentences)."""
        return self.navigator.cursor_span(self.caret)

    @property
    def selection(self) -> Span | None:
        return self.caret.selection

    @property
    def target(self) -> Span:
        """What an action applies to: the selection, else the cursor sentence."""
        return self.navigator.target(self.caret)

    @property
    def question(self) -> int:
        """Index of the question the cursor is in (-1: before the first)."""
        return self.navigator.question(self.caret)

    def annotations_at_cursor(self) -> list[Marked]:
        """Annotations overlapping the target, innermost (shortest) first."""
        target = self.target
        found = [
            a
            for a in self._annotations
            if a.start < max(target.end, target.start + 1) and target.start < a.end
        ]
        return sorted(found, key=lambda a: (a.end - a.start, a.start))

    def set_annotations(
        self, annotations: Sequence[Marked], colours: dict[str, str] | None = None
    ) -> None:
        """Show these annotations; ``colours`` maps tag -> codebook colour."""
        listed = list(annotations)
        given = (listed, dict(colours or {}))
        if given == self._given:
            return  # a reload that found nothing new: nothing to restyle
        self._given = given
        # The store lists them in text order: then this is the given list, not a copy.
        self._annotations = ordered(listed, bounds)
        self._painter.set_marks(self._annotations, given[1])
        self._repaint()

    def set_search_hits(self, hits: Sequence[Span]) -> None:
        self._painter.set_hits(hits)
        self._repaint()

    def set_flagged(self, spans: Sequence[Span]) -> None:
        """Mark these passages: a ``≠`` in the gutter of their lines, their text styled."""
        if not self._painter.set_flagged(spans):
            return  # a reload that changed nothing: nothing to redraw
        self._cache.clear()
        self.refresh()

    def go_to_offset(self, offset: int) -> None:
        """Move the cursor to the sentence at (or just before) clean ``offset``."""
        self._go(self.navigator.to_offset(self.caret, offset))

    def clear_selection(self) -> None:
        self._go(self.navigator.clear(self.caret), moved=False)

    def set_selection(self, span: Span | None) -> None:
        """Select ``span`` (clean offsets), e.g. to restore it after an action."""
        self._go(self.navigator.set_selection(self.caret, span), moved=False)

    # ----------------------------------------------------------------- actions

    def action_cursor_down(self) -> None:
        self._go(self.navigator.down(self.caret))

    def action_cursor_up(self) -> None:
        self._go(self.navigator.up(self.caret))

    def action_top(self) -> None:
        self._go(self.navigator.top(self.caret))

    def action_bottom(self) -> None:
        self._go(self.navigator.bottom(self.caret))

    def action_next_question(self) -> None:
        self._jump(self.navigator.next_question(self.caret, 1))

    def action_prev_question(self) -> None:
        self._jump(self.navigator.next_question(self.caret, -1))

    def action_next_measure(self) -> None:
        self._jump(self.navigator.next_measure(self.caret, 1))

    def action_prev_measure(self) -> None:
        self._jump(self.navigator.next_measure(self.caret, -1))

    def action_page_down(self) -> None:
        self._page(1)

    def action_page_up(self) -> None:
        self._page(-1)

    def action_select(self) -> None:
        """Start a selection at the cursor sentence (or restart it there)."""
        self._go(self.navigator.select(self.caret), moved=False)

    def action_clear_selection(self) -> None:
        self.clear_selection()

    def action_end_word(self, direction: int) -> None:
        """Move the selection's end by one word (starts a selection if there is none)."""
        self._go(self.navigator.word(self.caret, "end", direction), moved=False)

    def action_start_word(self, direction: int) -> None:
        """Move the selection's start by one word (starts a selection if there is none)."""
        self._go(self.navigator.word(self.caret, "start", direction), moved=False)

    # ----------------------------------------------------------------- movement

    def _jump(self, caret: Caret | None) -> None:
        if caret is None:
            self.notify("No questions or measures found in this interview.", severity="warning")
            return
        self._go(caret)

    def _page(self, direction: int) -> None:
        height = self.scrollable_content_region.height - 1
        self._go(self.navigator.page(self.caret, direction, self.text_layout, height, raw=self.raw))

    def _go(self, caret: Caret, *, moved: bool = True) -> None:
        """Show ``caret``: restyle the lines whose look changed, scroll, tell the screen.

        ``moved``: a cursor step (the screen hears :class:`Moved` even at an end, as a
        key that did nothing still says where the cursor is).
        """
        old = self.caret
        self.caret = caret
        if old.sentence != caret.sentence:
            self._refresh_span(self.navigator.cursor_span(old))
        if old.selection != caret.selection:
            if old.selection:
                self._refresh_span(old.selection)
            if caret.selection:
                self._refresh_span(caret.selection)
            self.post_message(self.SelectionChanged(self, caret.selection))
        if moved:
            new = self.cursor_span
            self._refresh_span(new)
            self._scroll_to_cursor()
            self.post_message(self.Moved(self, new.start))

    def _scroll_to_cursor(self) -> None:
        layout = self.text_layout
        lines = layout.lines_between(*self._shown(self.cursor_span))
        height = self.scrollable_content_region.height
        top = int(self.scroll_y)
        if lines.start < top + 1:
            self.scroll_to(y=max(0, lines.start - 2), animate=False)
        elif lines.stop > top + height - 1:
            self.scroll_to(y=max(0, min(lines.start - 2, lines.stop - height + 2)), animate=False)

    def _shown(self, span: Span) -> tuple[int, int]:
        """A clean span in the offsets of what is shown (raw offsets in raw mode)."""
        return self.navigator.shown_span(span, raw=self.raw)

    # ----------------------------------------------------------------- painting

    def _repaint(self) -> None:
        self._cache.clear()
        self._painter.forget_runs()
        self.refresh()

    def _refresh_span(self, span: Span) -> None:
        if self._layout is None:
            return
        start, end = self._shown(span)
        lines = self._layout.lines_between(start, end)
        for index in lines:
            self._cache.pop(index, None)
        self.refresh_lines(lines.start, len(lines))

    def notify_style_update(self) -> None:
        """The theme or CSS changed: every cached line was drawn in the old style."""
        super().notify_style_update()
        self._cache.clear()

    def on_focus(self) -> None:
        self._refresh_span(self.cursor_span)

    def on_blur(self) -> None:
        self._refresh_span(self.cursor_span)

    def watch_raw(self) -> None:
        self._layout = None
        self._cache.clear()
        self._painter.show_raw(self.raw)
        self.refresh()
        self.call_after_refresh(self._scroll_to_cursor)  # the new layout has other lines

    def on_resize(self, event: events.Resize) -> None:
        width = self.scrollable_content_region.width
        if self._layout is None or self._layout.width != width:
            self._layout = None
            self._cache.clear()
            _ = self.text_layout
            self._scroll_to_cursor()

    def on_click(self, event: events.Click) -> None:
        """A click moves the cursor to the sentence under the pointer."""
        layout = self.text_layout
        y = event.y + int(self.scroll_y)
        if not 0 <= y < len(layout.lines):
            return
        line = layout.lines[y]
        offset = line.start + max(0, min(event.x - GUTTER, len(line.text) - 1))
        self.go_to_offset(self.navigator.clean_offset(offset, raw=self.raw))

    def render_lines(self, crop: Region) -> list[Strip]:
        # The widget's base style is the same for every line of one pass: look it up once.
        self._base = self.rich_style
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        layout = self.text_layout
        index = int(self.scroll_y) + y
        width = self.scrollable_content_region.width
        base = self._base if self._base is not None else self.rich_style
        if index >= len(layout.lines):
            return Strip.blank(width, base)
        strip = self._cache.get(index)
        if strip is None:
            segments = self._painter.line(
                index,
                layout.lines[index],
                base,
                cursor=self.cursor_span,
                selection=self.caret.selection,
                focused=self.has_focus,
            )
            strip = Strip(segments).crop_extend(0, width, base)
            self._cache[index] = strip
        return strip
