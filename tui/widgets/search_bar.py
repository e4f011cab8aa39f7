"""The search box: ``/`` opens it under the readers, enter searches, escape closes it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input


class SearchBar(Input):
    """A one-line input that asks for a search of both interviews."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close search", show=False, id="search.close"),
    ]

    @dataclass
    class Search(Message):
        """Search both interviews for ``query`` (case-insensitive, literal)."""

        query: str

    @dataclass
    class Closed(Message):
        """The box was closed without a new search."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(
            placeholder="search both interviews; enter to search, escape to close", id=id
        )

    def open(self) -> None:
        """Show the box, empty (``n``/``N`` repeat the last search; enter on nothing clears)."""
        self.value = ""
        self.display = True
        self.focus()

    def action_close(self) -> None:
        self.display = False
        self.post_message(self.Closed())

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.display = False
        self.post_message(self.Search(event.value))
