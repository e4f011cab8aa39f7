"""The annotation list: the focused interview's annotations in text order.

Each row shows the tags (in their colours), the quote, the first line of the note and
the author; enter asks for a jump (:class:`AnnotationList.Jump`). ``f`` opens a filter
box that keeps only annotations with a tag containing what is typed. All of it is
untrusted text, built with :func:`tui.text.plain`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar, Protocol

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.text import plain, tag_colour


class Listed(Protocol):
    """What the list needs of an annotation."""

    @property
    def id(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def tags(self) -> tuple[str, ...]: ...
    @property
    def exact(self) -> str: ...
    @property
    def note(self) -> str: ...
    @property
    def author(self) -> str: ...


def _one_line(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def row(annotation: Listed, colours: Mapping[str, str]) -> Text:
    """One annotation as a line of the list."""
    text = Text(no_wrap=True, overflow="ellipsis", end="")
    for tag in annotation.tags:
        text.append_text(plain(tag, f"bold {tag_colour(tag, colours.get(tag))}"))
        text.append(" ")
    text.append_text(plain("“" + _one_line(annotation.exact, 70) + "”"))
    note = annotation.note.strip().splitlines()[0] if annotation.note.strip() else ""
    if note:
        text.append(" — ", "dim")
        text.append_text(plain(_one_line(note, 50), "italic"))
    text.append(" · ", "dim")
    text.append_text(plain(annotation.author, "dim"))
    return text


class AnnotationList(Vertical):
    """The annotations of one interview; enter jumps to one; ``f`` filters by tag."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f", "filter", "Filter by tag", id="list.filter"),
    ]

    @dataclass
    class Jump(Message):
        """The user asked to go to the annotation ``annotation_id`` at ``start``."""

        annotation_id: str
        start: int

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._annotations: list[Listed] = []
        self._colours: Mapping[str, str] = {}
        self._shown: list[Listed] = []

    def compose(self) -> ComposeResult:
        yield Static("Annotations", id="list-title")
        yield Input(placeholder="filter by tag (escape closes)", id="list-filter")
        yield OptionList(id="list-options")

    def on_mount(self) -> None:
        self.query_one("#list-filter", Input).display = False

    @property
    def options(self) -> OptionList:
        return self.query_one("#list-options", OptionList)

    @property
    def tag_filter(self) -> str:
        box = self.query_one("#list-filter", Input)
        return box.value.strip().lower() if box.display else ""

    def show(self, title: str, annotations: Sequence[Listed], colours: Mapping[str, str]) -> None:
        """Show ``annotations`` of the interview called ``title``."""
        self._annotations = list(annotations)
        self._colours = colours
        header = Text("Annotations: ", "bold", end="")
        header.append_text(plain(title))
        self.query_one("#list-title", Static).update(header)
        self._rebuild()

    def _rebuild(self) -> None:
        wanted = self.tag_filter
        self._shown = [
            a for a in self._annotations if not wanted or any(wanted in t.lower() for t in a.tags)
        ]
        options = self.options
        highlighted = options.highlighted
        options.clear_options()
        if self._shown:
            options.add_options(Option(row(a, self._colours), id=a.id) for a in self._shown)
            if highlighted is not None:
                options.highlighted = min(highlighted, len(self._shown) - 1)
        else:
            empty = "no annotation with that tag" if wanted else "no annotations yet: press t"
            options.add_option(Option(Text(empty, "dim"), disabled=True))

    def action_filter(self) -> None:
        box = self.query_one("#list-filter", Input)
        box.display = True
        box.focus()

    @on(Input.Changed, "#list-filter")
    def _filter_changed(self) -> None:
        self._rebuild()

    @on(Input.Submitted, "#list-filter")
    def _filter_done(self) -> None:
        self.options.focus()

    def on_key(self, event: object) -> None:
        from textual.events import Key

        box = self.query_one("#list-filter", Input)
        if isinstance(event, Key) and event.key == "escape" and box.has_focus:
            event.stop()
            box.value = ""
            box.display = False
            self._rebuild()
            self.options.focus()

    @on(OptionList.OptionSelected, "#list-options")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        index = event.option_index
        if 0 <= index < len(self._shown):
            chosen = self._shown[index]
            self.post_message(self.Jump(chosen.id, chosen.start))
