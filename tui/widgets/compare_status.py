"""The comparison's status line: whose codings are on which side, and where the user is."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text

from tui.text import plain
from tui.widgets.status import OneLine, SaveState, save_word
from tui.wording import counted


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


class CompareStatus(OneLine[CompareState]):
    """``A ann ◂ left · right ▸ B bo  difference 3 of 12  saved  by me  message``."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(CompareState(), id=id)

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
            text.append(f"  {counted(s.differences, 'difference')}")
        text.append("  ")
        text.append(*save_word(s.save))
        text.append("  by ")
        text.append_text(plain(s.author, "italic"))
        if s.message:
            text.append("  ")
            text.append_text(plain(s.message, "dim"))
        text.truncate(self.content_region.width or 80, overflow="ellipsis")
        return text
