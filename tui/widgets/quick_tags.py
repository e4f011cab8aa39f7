"""The quick-tag line: which tag each of the keys 1-9 applies, ``1 policy/tax  2 growth``.

The keys apply the recent tags, which change as the user tags; without this line a user
has to remember the order (or open the picker) to know what ``3`` will do. It shows only
once there is a recent tag, and keeps to one line: the entries that do not fit give way
to ``…`` whole, never cut inside a tag. Tag names are untrusted text
(:func:`tui.text.plain`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.text import Text
from textual.widget import Widget

from tui.text import plain, tag_colour


def quick_tags_line(tags: Sequence[str], colours: Mapping[str, str], width: int) -> Text:
    """``1 tag  2 tag …`` for the first nine ``tags``, whole entries within ``width``."""
    line = Text(no_wrap=True, end="")
    for number, tag in enumerate(tags[:9], start=1):
        entry = Text(end="")
        entry.append(f"{number} ", "bold")
        entry.append_text(plain(tag, tag_colour(tag, colours.get(tag))))
        gap = "  " if number > 1 else ""
        more = 2 if number < min(len(tags), 9) else 0  # room for " …" after it
        if line.cell_len + len(gap) + entry.cell_len + more > width:
            line.append(" …" if number > 1 else "…", "dim")
            break
        line.append(gap)
        line.append_text(entry)
    line.truncate(width, overflow="ellipsis")
    return line


class QuickTags(Widget):
    """One line over the footer: the tag each number key applies (hidden while none)."""

    DEFAULT_CSS = """
    QuickTags {
        height: 1;
        width: 1fr;
        padding: 0 1;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.tags: tuple[str, ...] = ()
        """The tags keys 1-9 apply, in order."""
        self._colours: dict[str, str] = {}

    def show(self, tags: Sequence[str], colours: Mapping[str, str]) -> None:
        """Show the first nine of ``tags`` (the recent tags) in their colours."""
        tags, colours = tuple(tags[:9]), dict(colours)
        if (tags, colours) == (self.tags, self._colours):
            return
        self.tags, self._colours = tags, colours
        self.display = bool(tags)
        self.refresh()

    def render(self) -> Text:
        return quick_tags_line(self.tags, self._colours, self.content_region.width or 80)
