"""A yes/no question asked before something that cannot be taken back (discarding a note).

It returns a plain bool so the caller decides; "no" has the focus, so a stray enter is safe.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from tui.screens.dialog import Dialog
from tui.text import plain


class Confirm(Dialog[bool]):
    """Ask ``question``; dismiss with True for yes, False for no or escape."""

    DEFAULT_CSS = """
    Confirm > #dialog {
        width: 60;
        padding: 1 2;
        border: thick $warning;
    }
    Confirm #question {
        width: 100%;
        margin-bottom: 1;
    }
    Confirm #buttons {
        width: 100%;
        height: auto;
        align-horizontal: right;
    }
    Confirm Button {
        margin-left: 2;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n", "answer(False)", "No", id="confirm.no"),
        Binding("escape", "answer(False)", "Cancel", id="confirm.cancel"),
    ]

    def __init__(self, question: str, *, yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self._question = question
        self._yes = yes
        self._no = no

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(plain(self._question), id="question")
            with Horizontal(id="buttons"):
                yield Button(plain(f"{self._yes} (y)"), id="yes", variant="warning")
                yield Button(plain(f"{self._no} (n)"), id="no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def action_answer(self, answer: bool) -> None:
        """Close with ``answer``."""
        self.dismiss(answer)

    @on(Button.Pressed, "#yes")
    def _yes_pressed(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def _no_pressed(self) -> None:
        self.dismiss(False)
