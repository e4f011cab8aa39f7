"""Writing the note of an annotation: a multi-line editor under the passage it is about.

``ctrl+s`` saves and ``escape`` cancels; a cancel that would lose typing asks first, since
a note can be minutes of thought. The passage is shown literally above the editor so the
user sees what they are writing about.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static, TextArea

from tui.screens.confirm import Confirm
from tui.screens.dialog import Dialog
from tui.text import neutralise, plain


class NoteEditor(Dialog[str | None]):
    """Edit ``note``; dismiss with the new text on save, None on cancel."""

    DEFAULT_CSS = """
    NoteEditor > #dialog {
        width: 90;
    }
    NoteEditor #quote-box {
        height: auto;
        max-height: 6;
        border-left: outer $secondary;
        padding: 0 1;
        margin-bottom: 1;
    }
    NoteEditor #quote {
        text-style: italic;
    }
    NoteEditor TextArea {
        height: 12;
        min-height: 4;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save note", priority=True, id="note.save"),
        Binding("escape", "cancel", "Cancel", priority=True, id="note.cancel"),
    ]

    def __init__(self, note: str = "", quote: str = "", *, title: str = "Note") -> None:
        super().__init__()
        # A note from the database is untrusted: it may carry terminal controls.
        self._original = neutralise(note)
        self._quote = quote
        self._title = title

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(plain(self._title), id="title")
            if self._quote:
                with VerticalScroll(id="quote-box"):
                    yield Static(plain(self._quote), id="quote")
            yield TextArea(self._original, id="note", soft_wrap=True, tab_behavior="indent")
            yield Static(plain("ctrl+s save · escape cancel"), id="hint")

    def on_mount(self) -> None:
        editor = self.query_one("#note", TextArea)
        editor.focus()
        editor.move_cursor(editor.document.end)

    @property
    def text(self) -> str:
        """The note as it stands in the editor."""
        return self.query_one("#note", TextArea).text

    @property
    def changed(self) -> bool:
        """True if the user changed the note."""
        return self.text != self._original

    def action_save(self) -> None:
        """Close with the edited note (once the editor has every key typed before)."""
        self.after_typing(self.query_one("#note", TextArea), self._save)

    def _save(self) -> None:
        self.dismiss(self.text)

    def action_cancel(self) -> None:
        """Close without saving, asking first if that would lose changes."""
        self.after_typing(self.query_one("#note", TextArea), self._cancel)

    def _cancel(self) -> None:
        if not self.changed:
            self.dismiss(None)
            return

        def discard(answer: bool | None) -> None:
            if answer:
                self.dismiss(None)

        self.app.push_screen(
            Confirm("Discard the changes to this note?", yes="Discard", no="Keep editing"),
            discard,
        )
