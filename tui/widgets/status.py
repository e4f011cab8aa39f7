"""The status line: where the user is and whether their work is safely on disk."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from rich.text import Text
from textual.widget import Widget

from tui.text import plain

SaveState = Literal["saved", "saving", "unsaved", "error"]

_SAVE_STYLES: dict[str, str] = {
    "saved": "green",
    "saving": "yellow",
    "unsaved": "yellow",
    "error": "bold red",
}
_SAVE_WORDS: dict[str, str] = {
    "saved": "saved",
    "saving": "saving…",
    "unsaved": "unsaved",
    "error": "NOT SAVED",
}


@dataclass(frozen=True, slots=True)
class Status:
    """Everything the status line shows."""

    interview: str = ""
    question: int = 0
    questions: int = 0
    annotations: int = 0
    selected: int = 0
    """Words in the reader's selection (0: no selection)."""
    save: SaveState = "saved"
    author: str = ""
    whose: str = ""
    """Whose codings are shown when not everyone's (``your codings``, ``bob's codings``)."""
    here: str = ""
    """The coders of the annotations under the cursor (``you, bob``)."""
    message: str = ""


class StatusLine(Widget):
    """One line under the readers; ``update_status(**changes)`` changes part of it.

    A fixed one-line widget that only repaints itself: a ``Static.update`` would ask for
    a layout pass of the whole screen on every cursor move.
    """

    DEFAULT_CSS = """
    StatusLine {
        height: 1;
        width: 1fr;
        padding: 0 1;
        background: $panel;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.status = Status()

    def update_status(self, **changes: object) -> None:
        new = replace(self.status, **changes)  # type: ignore[arg-type]
        if new != self.status:
            self.status = new
            self.refresh()

    def render(self) -> Text:
        return self.render_status()

    def render_status(self) -> Text:
        """Title first, shortened so that the rest (where, how many, saved?) and the latest
        message fit; on a very narrow line the message is cut last."""
        s = self.status
        tail = Text(no_wrap=True, end="")
        if s.questions and s.question:
            tail.append(f"  Q {s.question} of {s.questions}")
        elif s.questions:
            tail.append(f"  before Q1 of {s.questions}")
        tail.append(f"  {s.annotations} annotation{'s' if s.annotations != 1 else ''}")
        if s.whose:
            tail.append_text(plain(f" ({s.whose})", "bold"))
        if s.here:
            tail.append_text(plain(f"  here: {s.here}"))
        if s.selected:
            tail.append(f"  {s.selected} word{'s' if s.selected != 1 else ''} selected")
        tail.append("  ")
        tail.append(_SAVE_WORDS[s.save], _SAVE_STYLES[s.save])
        tail.append("  by ")
        tail.append_text(plain(s.author, "italic"))
        width = self.content_region.width or 80
        # A message ("deleted ...", "hit 2 of 5") is news: the title gives way to it.
        message = plain(s.message, "dim") if s.message else Text()
        wanted = message.cell_len + 2 if s.message else 0
        room = max(8, min(48, width - tail.cell_len - wanted - 1))
        title = s.interview if len(s.interview) <= room else s.interview[: room - 1].rstrip() + "…"
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        text.append_text(plain(title, "bold"))
        text.append_text(tail)
        if s.message:
            text.append("  ")
            text.append_text(message)
        text.truncate(width, overflow="ellipsis")
        return text
