"""The status line: where the user is and whether their work is safely on disk."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Generic, Literal, TypeVar

from rich.text import Text
from textual.widget import Widget

from tui.interviewers import ROLE_LABELS
from tui.text import plain
from tui.wording import counted

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
    speaker: str = ""
    """Who speaks at the cursor, as the text labels them (empty outside a turn)."""
    asks: bool = False
    """Whether that speaker is one who asks (else they answer)."""
    message: str = ""


State = TypeVar("State")
"""The frozen dataclass a one-line bar shows."""


class OneLine(Widget, Generic[State]):
    """A fixed one-line bar showing a frozen ``state``; ``update_state(**changes)`` changes it.

    It only repaints itself: a ``Static.update`` would ask for a layout pass of the whole
    screen on every cursor move.
    """

    DEFAULT_CSS = """
    OneLine {
        height: 1;
        width: 1fr;
        padding: 0 1;
        background: $panel;
    }
    """

    def __init__(self, state: State, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.state = state

    def update_state(self, **changes: object) -> None:
        new = replace(self.state, **changes)  # type: ignore[type-var]
        if new != self.state:
            self.state = new
            self.refresh()


def save_word(save: SaveState) -> tuple[str, str]:
    """The word and style that say whether the user's work is on disk."""
    return _SAVE_WORDS[save], _SAVE_STYLES[save]


class StatusLine(OneLine[Status]):
    """One line under the readers; ``update_status(**changes)`` changes part of it."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(Status(), id=id)

    @property
    def status(self) -> Status:
        return self.state

    def update_status(self, **changes: object) -> None:
        self.update_state(**changes)

    def render(self) -> Text:
        return self.render_status()

    def render_status(self) -> Text:
        """Title first, shortened so that the rest (where, how many, saved?) and the latest
        message fit; on a very narrow line the message is cut last."""
        s = self.state
        tail = Text(no_wrap=True, end="")
        if s.questions and s.question:
            tail.append(f"  Q {s.question} of {s.questions}")
        elif s.questions:
            tail.append(f"  before Q1 of {s.questions}")
        if s.speaker and s.speaker.lower() in ROLE_LABELS:  # Q:, Answer: name no one
            tail.append("  question" if s.asks else "  answer")
        elif s.speaker:
            name = s.speaker if len(s.speaker) <= 24 else s.speaker[:23].rstrip() + "…"
            tail.append("  ")
            tail.append_text(plain(name, "italic"))
            tail.append(" asks" if s.asks else " answers")
        tail.append(f"  {counted(s.annotations, 'annotation')}")
        if s.whose:
            tail.append_text(plain(f" ({s.whose})", "bold"))
        if s.here:
            tail.append_text(plain(f"  here: {s.here}"))
        if s.selected:
            tail.append(f"  {counted(s.selected, 'word')} selected")
        tail.append("  ")
        tail.append(*save_word(s.save))
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
