"""The annotation list: the focused interview's annotations in text order, or (``i``)
those of every interview on screen, each row led by its interview's name.

Each row shows the tags (in their colours), the quote, the first line of the note and
the author; enter asks for a jump (:class:`AnnotationList.Jump`, naming the interview).
``f`` opens a filter box that keeps only annotations with a tag containing what is
typed; the title then says how many of how many it shows. All of it is untrusted text,
built with :func:`tui.text.plain`.

The rows are drawn with the line API (only the visible ones, built on demand), so a list
of thousands of annotations costs nothing until it is scrolled: an ``OptionList`` would
build every row up front on each change.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar, Protocol

from rich.style import Style
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Input, Static

from tui.layout import fit_words
from tui.text import plain, tag_colour
from tui.widgets.reader import Marked


class Listed(Marked, Protocol):
    """What the list needs of an annotation: what the reader marks, and its words."""

    @property
    def interview(self) -> str: ...
    @property
    def exact(self) -> str: ...
    @property
    def note(self) -> str: ...
    @property
    def author(self) -> str: ...


#: Cells an interview's name may take at the head of a row (every-interview list).
SOURCE_WIDTH = 14


def row(annotation: Listed, colours: Mapping[str, str], width: int = 120, source: str = "") -> Text:
    """One annotation as a line of the list, fitted to ``width`` cells at word ends;
    ``source`` (the interview's name) leads the row when the list shows several."""
    head = Text(end="")
    if source:
        head.append_text(plain(fit_words(source, SOURCE_WIDTH), "dim"))
        head.append(" ")
    for tag in annotation.tags:
        head.append_text(plain(tag, f"bold {tag_colour(tag, colours.get(tag))}"))
        head.append(" ")
    tail = Text(" · ", "dim", end="")
    tail.append_text(plain(annotation.author, "dim"))
    note = annotation.note.strip().splitlines()[0] if annotation.note.strip() else ""
    room = max(8, width - head.cell_len - tail.cell_len - 2)
    quote_room = max(8, room * 2 // 3) if note else room
    text = head
    quote = fit_words(annotation.exact, quote_room)
    text.append_text(plain(f"“{quote}”"))
    if note:
        text.append(" — ", "dim")
        note_room = max(8, width - text.cell_len - tail.cell_len - 3)
        text.append_text(plain(fit_words(note, note_room), "italic"))
    text.append_text(tail)
    text.no_wrap = True
    text.overflow = "ellipsis"
    return text


_HIGHLIGHT = Style(reverse=True)
_HIGHLIGHT_IDLE = Style(underline=True)


class AnnotationRows(ScrollView, can_focus=True):
    """The rows themselves: a cursor row, enter to choose it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "move(1)", "Next annotation", show=False, id="list.down"),
        Binding("up,k", "move(-1)", "Previous annotation", show=False, id="list.up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="list.page_down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="list.page_up"),
        Binding("home,g", "edge(0)", "First", show=False, id="list.first"),
        Binding("end,G", "edge(1)", "Last", show=False, id="list.last"),
        Binding("enter", "choose", "Jump", id="list.jump"),
    ]

    DEFAULT_CSS = """
    AnnotationRows {
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-size-vertical: 1;
    }
    """

    @dataclass
    class Chosen(Message):
        """Enter on row ``index``."""

        index: int

    highlighted: reactive[int] = reactive(0, always_update=True)
    """The cursor row (0 when the list is empty)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows: list[Listed] = []
        self._sources: Mapping[str, str] = {}
        """Interview id -> name, to lead each row (empty: one interview, no names)."""
        self._colours: Mapping[str, str] = {}
        self._empty = "no annotations yet: press t"
        self._cache: dict[int, Strip] = {}

    def set_rows(
        self,
        rows: Sequence[Listed],
        colours: Mapping[str, str],
        empty: str,
        sources: Mapping[str, str] | None = None,
    ) -> None:
        self._rows = list(rows)
        self._sources = sources or {}
        self._colours = colours
        self._empty = empty
        self._cache.clear()
        # No width: rows are cut to the view's, and a width would change on the first
        # resize, laying the screen out again after the first frame.
        self.virtual_size = Size(0, max(1, len(self._rows)))
        self.highlighted = min(self.highlighted, max(0, len(self._rows) - 1))
        self.refresh()

    @property
    def row_count(self) -> int:
        return len(self._rows)

    def row_text(self, index: int) -> str:
        """The plain text of row ``index`` (for tests and screen readers)."""
        return self._row(index, 120).plain

    def _row(self, index: int, width: int) -> Text:
        listed = self._rows[index]
        return row(listed, self._colours, width, self._sources.get(listed.interview, ""))

    def validate_highlighted(self, value: int) -> int:
        return min(max(0, value), max(0, len(self._rows) - 1))

    def watch_highlighted(self, old: int, new: int) -> None:
        for index in (old, new):
            self._cache.pop(index, None)
        self.refresh()
        height = self.scrollable_content_region.height or 1
        top = int(self.scroll_y)
        if new < top:
            self.scroll_to(y=new, animate=False)
        elif new >= top + height:
            self.scroll_to(y=new - height + 1, animate=False)

    def action_move(self, step: int) -> None:
        self.highlighted += step

    def action_page(self, direction: int) -> None:
        self.highlighted += direction * max(1, self.scrollable_content_region.height - 1)

    def action_edge(self, end: int) -> None:
        self.highlighted = len(self._rows) - 1 if end else 0

    def action_choose(self) -> None:
        if self._rows:
            self.post_message(self.Chosen(self.highlighted))

    def on_click(self, event: events.Click) -> None:
        index = int(self.scroll_y) + event.y
        if 0 <= index < len(self._rows):
            self.highlighted = index
            self.post_message(self.Chosen(index))

    def on_focus(self) -> None:
        self._cache.pop(self.highlighted, None)
        self.refresh()

    def on_blur(self) -> None:
        self._cache.pop(self.highlighted, None)
        self.refresh()

    def render_lines(self, crop: Region) -> list[Strip]:
        self._base = self.rich_style
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        index = int(self.scroll_y) + y
        width = self.scrollable_content_region.width
        base = self._base
        if not self._rows:
            if index == 0:
                text = Text(self._empty, "dim", end="")
                strip = Strip(text.render(self.app.console), text.cell_len).apply_style(base)
                return strip.crop_extend(0, width, base)
            return Strip.blank(width, base)
        if index >= len(self._rows):
            return Strip.blank(width, base)
        cached = self._cache.get(index)
        if cached is None:
            text = self._row(index, width)
            text.truncate(width, overflow="ellipsis")
            if index == self.highlighted:
                text.stylize(_HIGHLIGHT if self.has_focus else _HIGHLIGHT_IDLE)
            segments = list(text.render(self.app.console))
            cached = Strip(segments).apply_style(base).crop_extend(0, width, base)
            self._cache[index] = cached
        return cached

    def on_resize(self) -> None:
        self._cache.clear()  # rows are fitted to the width

    _base: Style = Style()


class ListTitle(Static):
    """The list's title line: its counts, then the interview's name fitted (at a word) to
    the width the line has when drawn. A resize only redraws it: updating a ``Static``
    lays the whole screen out again, a second layout after the first frame."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._head = Text("Annotations", end="")
        self._name: str | None = None

    def show(self, head: Text, name: str | None) -> None:
        """``head`` (the counts), then ``: name`` unless ``name`` is None."""
        self._head, self._name = head, name
        self.refresh()

    def render(self) -> Text:
        header = self._head.copy()
        if self._name is not None:
            header.append(": ", "bold")
            room = self.size.width - 2 - header.cell_len  # 1 cell of padding each side
            header.append_text(plain(fit_words(self._name, room) if room > 8 else ""))
        return header


class AnnotationList(Vertical):
    """The annotations of one interview (or of all shown); enter jumps to one; ``f``
    filters by tag; ``i`` switches between this interview and every interview."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f", "filter", "Filter", id="list.filter"),
        Binding("i", "toggle_every", "All/this", id="list.every"),
    ]

    @dataclass
    class Jump(Message):
        """The user asked to go to the annotation ``annotation_id`` at ``start`` of
        interview ``interview``."""

        annotation_id: str
        start: int
        interview: str

    every: reactive[bool] = reactive(False, init=False)
    """List the annotations of every interview given to ``show``, not only the focused one."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._annotations: list[Listed] = []
        self._every: list[Listed] = []
        self._titles: dict[str, str] = {}
        self._colours: Mapping[str, str] = {}
        self._shown: list[Listed] = []
        self._title = ""
        self._given: tuple[object, ...] | None = None
        """What ``show`` was last given."""

    def compose(self) -> ComposeResult:
        yield ListTitle(id="list-title")
        # The filter box is mounted when first asked for (``f``), under the title: an
        # Input costs the first frame several milliseconds (styles, its CSS) to stay hidden.
        yield AnnotationRows(id="list-rows")

    def _filter_box(self) -> Input | None:
        found = self.query("#list-filter")
        return found.first(Input) if found else None

    @property
    def rows(self) -> AnnotationRows:
        return self.query_one(AnnotationRows)

    @property
    def shown(self) -> list[Listed]:
        """The annotations listed now (after the tag filter)."""
        return self._shown

    @property
    def current(self) -> Listed | None:
        """The annotation on the highlighted row (None when the list is empty)."""
        index = self.rows.highlighted
        return self._shown[index] if 0 <= index < len(self._shown) else None

    @property
    def tag_filter(self) -> str:
        box = self._filter_box()
        return box.value.strip().lower() if box is not None and box.display else ""

    def show(
        self,
        title: str,
        annotations: Sequence[Listed],
        colours: Mapping[str, str],
        every: Mapping[str, tuple[str, Sequence[Listed]]] | None = None,
    ) -> None:
        """Show ``annotations`` of the interview called ``title``; ``every`` maps each
        interview on screen (id) to its name and annotations, for the every-interview
        list (``i``)."""
        every = every or {}
        given = (
            title,
            list(annotations),
            dict(colours),
            [(k, t, list(a)) for k, (t, a) in every.items()],
        )
        if given == self._given:
            return  # a reload that found nothing new: nothing to rebuild
        self._given = given
        self._annotations = list(annotations)
        self._every = [a for _title, group in every.values() for a in group]
        self._titles = {key: name for key, (name, _group) in every.items()}
        self._colours = colours
        self._title = title
        self._rebuild()

    def _listed(self) -> list[Listed]:
        """What the list shows before the tag filter: this interview's, or every one's."""
        return self._every if self.every and self._titles else self._annotations

    def _show_header(self) -> None:
        """``Annotations (N): <title>`` on one line, or ``(3 of 12, tag policy)`` when
        filtered: the counts first, so that a long title is what gets cut (at a word),
        never a count."""
        total = len(self._listed())
        count = f"{len(self._shown)} of {total}" if self.tag_filter else f"{total}"
        scope = ", every interview" if self.every and self._titles else ""
        header = Text(f"Annotations ({count}{scope}", "bold", end="")
        if self.tag_filter:
            header.append(", tag ", "bold")
            header.append_text(plain(fit_words(self.tag_filter, 24), "bold"))
        header.append(")", "bold")
        self.query_one(ListTitle).show(header, None if scope else self._title)

    def _rebuild(self) -> None:
        wanted = self.tag_filter
        self._shown = [
            a for a in self._listed() if not wanted or any(wanted in t.lower() for t in a.tags)
        ]
        empty = "no annotation with that tag" if wanted else "no annotations yet: press t"
        sources = self._titles if self.every else None
        self.rows.set_rows(self._shown, self._colours, empty, sources)
        self._show_header()

    def watch_every(self) -> None:
        self._rebuild()

    def action_toggle_every(self) -> None:
        """List every interview's annotations, or only the focused interview's."""
        self.every = not self.every

    async def action_filter(self) -> None:
        box = self._filter_box()
        if box is None:
            box = Input(placeholder="filter by tag (escape closes)", id="list-filter")
            await self.mount(box, before=self.rows)
        box.display = True
        box.focus()

    @on(Input.Changed, "#list-filter")
    def _filter_changed(self) -> None:
        self._rebuild()

    @on(Input.Submitted, "#list-filter")
    def _filter_done(self) -> None:
        self.rows.focus()

    def on_key(self, event: events.Key) -> None:
        box = self._filter_box()
        if event.key == "escape" and box is not None and box.has_focus:
            event.stop()
            box.value = ""
            box.display = False
            self._rebuild()
            self.rows.focus()

    @on(AnnotationRows.Chosen)
    def _chosen(self, event: AnnotationRows.Chosen) -> None:
        event.stop()
        if 0 <= event.index < len(self._shown):
            chosen = self._shown[event.index]
            self.post_message(self.Jump(chosen.id, chosen.start, chosen.interview))
