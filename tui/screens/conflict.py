"""Two notes for one passage: the one saved elsewhere since the editor opened, and mine.

Shown when saving a note meets :class:`~store.errors.NoteConflict`: nothing was saved,
and neither text may be lost without the user choosing. Both are shown literally (they
are untrusted text); the answer is ``"mine"`` (write mine over theirs), ``"theirs"``
(keep theirs, drop mine) or ``"both"`` (open the editor on both texts to merge them by
hand). Escape keeps theirs, as the hint says.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Static

from tui.layout import fit_words
from tui.screens.dialog import Dialog
from tui.text import neutralise, plain

Choice = Literal["mine", "theirs", "both"]


def both_notes(theirs: str, mine: str) -> str:
    """The text the merge editor starts with: theirs, a marked line, then mine."""
    return f"{theirs.rstrip()}\n\n--- mine ---\n{mine.strip()}"


class NoteConflictDialog(Dialog[Choice]):
    """Show ``theirs`` (the note now) and ``mine``; dismiss with the user's choice."""

    DEFAULT_CSS = """
    NoteConflictDialog > #dialog {
        width: 90;
        border: thick $warning;
    }
    NoteConflictDialog .label {
        text-style: bold;
        padding: 0 1;
        margin-top: 1;
    }
    NoteConflictDialog .text-box {
        height: auto;
        max-height: 7;
        border-left: outer $secondary;
        padding: 0 1;
    }
    NoteConflictDialog #buttons {
        width: 100%;
        height: auto;
        margin-top: 1;
    }
    NoteConflictDialog Button {
        margin-right: 2;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "choose('mine')", "Keep mine", id="conflict.mine"),
        Binding("t", "choose('theirs')", "Keep theirs", id="conflict.theirs"),
        Binding("e", "choose('both')", "Edit both", id="conflict.both"),
        Binding("escape", "choose('theirs')", "Keep theirs", id="conflict.cancel"),
    ]

    def __init__(self, theirs: str, mine: str, *, quote: str = "") -> None:
        super().__init__()
        self._theirs = neutralise(theirs)
        self._mine = neutralise(mine)
        self._quote = quote

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(
                plain("This note was changed elsewhere while you wrote yours. Nothing saved."),
                id="title",
            )
            if self._quote:
                yield Static(plain(f"“{fit_words(self._quote, 80)}”", "italic"))
            yield Static(plain("Theirs, now:"), classes="label")
            with VerticalScroll(classes="text-box", id="theirs"):
                yield Static(plain(self._theirs or "(empty)"))
            yield Static(plain("Yours:"), classes="label")
            with VerticalScroll(classes="text-box", id="mine"):
                yield Static(plain(self._mine or "(empty)"))
            with Horizontal(id="buttons"):
                yield Button(plain("Keep mine (m)"), id="keep-mine", variant="warning")
                yield Button(plain("Keep theirs (t)"), id="keep-theirs")
                yield Button(plain("Edit both (e)"), id="edit-both", variant="primary")
            yield Static(plain("escape keeps theirs (yours is not saved)"), id="hint")

    def on_mount(self) -> None:
        self.query_one("#edit-both", Button).focus()

    def action_choose(self, choice: Choice) -> None:
        self.dismiss(choice)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        choices: dict[str | None, Choice] = {
            "keep-mine": "mine",
            "keep-theirs": "theirs",
            "edit-both": "both",
        }
        choice = choices.get(event.button.id)
        if choice is not None:
            self.dismiss(choice)
