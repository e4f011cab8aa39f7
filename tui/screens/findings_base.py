"""What the three findings screens share: a title line over their content, the footer,
closing, and the passage list that opens a passage in the reader.

Each findings screen is pushed over the main screen and dismissed with the passage to
open there (a :class:`~store.findings.RetrievedPassage`), or None. Store calls run in
thread workers; what they found is kept in a view of :mod:`tui.session.findings`, which
the screen only draws. Every text from the database is drawn with :func:`tui.text.plain`.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from store.findings import RetrievedPassage
from tui.session.findings import passage_heading
from tui.text import plain

QUOTE_LINES = 4
"""A long passage is shown up to this many lines in a list (the reader shows it all)."""


class FindingsScreen(Screen[RetrievedPassage | None]):
    """Base of the retrieval, counts and co-occurrence screens."""

    DEFAULT_CSS = """
    FindingsScreen #findings-title {
        height: auto;
        max-height: 3;
        padding: 0 1;
        background: $boost;
        text-style: bold;
    }
    FindingsScreen OptionList, FindingsScreen DataTable {
        height: 1fr;
    }
    FindingsScreen #behind {
        height: 45%;
        border-top: hkey $foreground 20%;
    }
    FindingsScreen Footer {
        dock: none;
    }
    """

    def set_title(self, text: str) -> None:
        self.query_one("#findings-title", Static).update(plain(text))

    def action_close(self) -> None:
        """Back to the reader."""
        self.dismiss(None)


def passage_prompt(passage: RetrievedPassage, partner: RetrievedPassage | None = None) -> Text:
    """A passage as a list entry: where it is and who coded it, its words, its note."""
    text = Text(end="")
    text.append_text(plain(passage_heading(passage), "bold"))
    text.append("\n")
    text.append_text(_quote(passage.quote))
    if passage.note:
        text.append("\n")
        text.append_text(plain("note: " + " ".join(passage.note.split()), "italic"))
    if partner is not None and partner.annotation_id != passage.annotation_id:
        text.append("\n")
        text.append_text(plain("meets " + passage_heading(partner), "bold"))
        text.append("\n")
        text.append_text(_quote(partner.quote))
    return text


def _quote(quote: str) -> Text:
    lines = quote.splitlines() or [""]
    shown = lines[:QUOTE_LINES] + (["…"] if len(lines) > QUOTE_LINES else [])
    return plain("\n".join("  " + line for line in shown))


def show_passages(
    options: OptionList,
    passages: Sequence[RetrievedPassage],
    partners: Sequence[RetrievedPassage] | None = None,
) -> None:
    """Fill ``options`` with one entry per passage (its index as id), separated by rules."""
    options.clear_options()
    entries: list[Option | None] = []
    for index, passage in enumerate(passages):
        if index:
            entries.append(None)
        partner = partners[index] if partners is not None else None
        entries.append(Option(passage_prompt(passage, partner), id=str(index)))
    options.add_options(entries)
    if passages:
        options.highlighted = 0
