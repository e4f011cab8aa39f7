"""The comparison's status line: whose codings are on which side, and where the user is."""

from __future__ import annotations

from dataclasses import dataclass, replace

from rich.text import Text
from textual.widget import Widget

from tui.text import plain
from tui.widgets.status import SaveState

_SAVE: dict[str, tuple[str, str]] = {
    "saved": ("saved", "green"),
    "saving": ("saving…", "yellow"),
    "unsaved": ("unsaved", "yellow"),
    "error": ("NOT SAVED", "bold red"),
}


@dataclass(frozen=True, slots=True)
class CompareState:
    """Everything the comparison's status line shows."""

    coder_a: str = ""
    coder_b: str = ""
    difference: int = 0
    """1-based number of the difference the readers are on; 0: none chosen yet."""
    differences: int = 0
    save: SaveState = "saved"
    author: str = ""
    message: str = ""


class CompareStatus(Widget):
    """``A ann ◂ left · right ▸ B bo  difference 3 of 12  saved  by me  message``."""

    DEFAULT_CSS = """
    CompareStatus {
        height: 1;
        width: 1fr;
        padding: 0 1;
        background: $panel;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.state = CompareState()

    def update_state(self, **changes: object) -> None:
        new = replace(self.state, **changes)  # type: ignore[arg-type]
        if new != self.state:
            self.state = new
            self.refresh()

    def render(self) -> Text:
        s = self.state
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        text.append("left ")
        text.append_text(plain(s.coder_a, "bold"))
        text.append(" · right ")
        text.append_text(plain(s.coder_b, "bold"))
        if not s.differences:
            text.append("  no differences")
        elif s.difference:
            text.append(f"  difference {s.difference} of {s.differences}")
        else:
            text.append(f"  {s.differences} difference{'s' if s.differences != 1 else ''}")
        word, style = _SAVE[s.save]
        text.append("  ")
        text.append(word, style)
        text.append("  by ")
        text.append_text(plain(s.author, "italic"))
        if s.message:
            text.append("  ")
            text.append_text(plain(s.message, "dim"))
        text.truncate(self.content_region.width or 80, overflow="ellipsis")
        return text
