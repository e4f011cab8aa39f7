"""``I``: who asks in this interview: one of its speakers, or as the text decides."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.screens.dialog import Dialog
from tui.text import plain

BY_THE_TEXT = "(as the text says)"


class AskerPicker(Dialog[tuple[str, ...] | None]):
    """Pick the interviewer: ``(name,)``, ``()`` for the text's own choice, None on escape."""

    DEFAULT_CSS = """
    AskerPicker OptionList {
        height: auto;
        max-height: 16;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="asker.cancel"),
    ]

    def __init__(self, title: str, speakers: Sequence[str], askers: Sequence[str]) -> None:
        super().__init__()
        self._title = title
        self._speakers = list(speakers)
        self._askers = set(askers)

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(plain(f"Who asks in {self._title}?"), id="title")
            yield OptionList(
                Option(plain(BY_THE_TEXT)),
                *(
                    Option(plain(name + ("  (asks now)" if name in self._askers else "")))
                    for name in self._speakers
                ),
            )
            yield Static(plain("↑/↓ choose · enter set · esc keep"), id="hint")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        index = event.option_index
        self.dismiss(() if index == 0 else (self._speakers[index - 1],))

    def action_cancel(self) -> None:
        self.dismiss(None)
