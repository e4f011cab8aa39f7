"""Choosing which two of several open interviews the readers show (or two coders to compare).

``gloss a.txt b.txt c.txt`` opens three interviews but the screen has two readers; this
dialog picks the pair: two lists side by side, ``←``/``→`` (or ``tab``) between them,
``↑``/``↓`` within, ``enter`` to show the pair.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.screens.dialog import Dialog
from tui.text import plain


class InterviewChooser(Dialog[tuple[int, int] | None]):
    """Pick the (left, right) interview indexes; None on escape."""

    DEFAULT_CSS = """
    InterviewChooser > #dialog {
        width: 100;
    }
    InterviewChooser #sides {
        height: auto;
    }
    InterviewChooser .side {
        width: 1fr;
        height: auto;
    }
    InterviewChooser .side-label {
        padding: 0 1;
        color: $text-muted;
    }
    InterviewChooser OptionList {
        height: auto;
        max-height: 16;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="chooser.cancel"),
        Binding("left", "side('left')", "Left reader", id="chooser.left"),
        Binding("right", "side('right')", "Right reader", id="chooser.right"),
    ]

    def __init__(
        self,
        titles: Sequence[str],
        current: tuple[int, int] = (0, 1),
        *,
        title: str = "Show which interviews?",
        noun: str = "interviews",
    ) -> None:
        super().__init__()
        if len(titles) < 2:
            raise ValueError(f"choosing a pair needs at least two {noun}")
        self._titles = list(titles)
        self._current = current
        self._title = title
        self._noun = noun

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(plain(self._title), id="title")
            with Horizontal(id="sides"):
                for side in ("left", "right"):
                    with Vertical(classes="side"):
                        yield Static(plain(f"{side.capitalize()} reader"), classes="side-label")
                        yield OptionList(
                            *(
                                Option(plain(f"{n + 1}. {title}"))
                                for n, title in enumerate(self._titles)
                            ),
                            id=side,
                        )
            yield Static("", id="message")
            yield Static(plain("↑/↓ choose · ←/→ or tab switch side · enter show"), id="hint")

    def on_mount(self) -> None:
        left, right = self._current
        self.query_one("#left", OptionList).highlighted = left
        self.query_one("#right", OptionList).highlighted = right
        self.query_one("#left", OptionList).focus()

    @property
    def pair(self) -> tuple[int, int]:
        """The highlighted (left, right) pair."""
        left = self.query_one("#left", OptionList).highlighted
        right = self.query_one("#right", OptionList).highlighted
        return (left or 0, right or 0)

    def action_side(self, side: str) -> None:
        """Move to the ``left`` or ``right`` list."""
        self.query_one(f"#{side}", OptionList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        left, right = self.pair
        if left == right:
            self.query_one("#message", Static).update(
                plain(f"choose two different {self._noun} (←/→ to switch side)")
            )
            return
        self.dismiss((left, right))

    def action_cancel(self) -> None:
        """Keep the interviews shown now."""
        self.dismiss(None)
