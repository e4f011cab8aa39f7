"""Choosing which two of several open interviews the readers show (``p``).

A small modal list: enter on one interview picks the left reader, enter on another picks
the right one; escape keeps what is shown. Titles are untrusted text, shown literally.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from corpus import Interview
from tui.text import plain


class PairChooser(ModalScreen[tuple[int, int] | None]):
    """Pick two interviews: dismisses with their indices (left, right) or None."""

    DEFAULT_CSS = """
    PairChooser {
        align: center middle;
    }
    PairChooser > Vertical {
        width: 80;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: thick $primary;
        background: $surface;
        padding: 0 1;
    }
    PairChooser #chooser-title {
        text-style: bold;
    }
    PairChooser OptionList {
        height: auto;
        max-height: 16;
        border: none;
    }
    PairChooser #chooser-hint {
        color: $text-muted;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="chooser.cancel"),
    ]

    def __init__(self, interviews: Sequence[Interview], shown: Sequence[Interview]) -> None:
        super().__init__()
        self.interviews = list(interviews)
        self._shown = {i.id for i in shown}
        self.left: int | None = None

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Choose the LEFT interview", id="chooser-title")
            yield OptionList(
                *(Option(self._row(n, i)) for n, i in enumerate(self.interviews)),
                id="chooser-list",
            )
            yield Static("enter picks · escape keeps the current pair", id="chooser-hint")

    def _row(self, number: int, interview: Interview) -> Text:
        text = Text(f"{number + 1:>2}. ", "dim", end="")
        text.append_text(plain(interview.title, "bold"))
        text.append("  ")
        text.append_text(plain(interview.id, "dim"))
        if interview.id in self._shown:
            text.append("  (shown)", "green")
        return text

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        index = event.option_index
        if self.left is None:
            self.left = index
            self.query_one("#chooser-title", Static).update("Choose the RIGHT interview")
            options = self.query_one(OptionList)
            options.disable_option_at_index(index)
            options.highlighted = 0 if index != 0 else min(1, len(self.interviews) - 1)
            return
        self.dismiss((self.left, index))

    def action_cancel(self) -> None:
        self.dismiss(None)
