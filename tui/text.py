"""Showing untrusted text safely, and the colour of a tag.

Interview files, notes and tag names come from outside gloss. Two things can go wrong when
such text reaches a terminal: Rich/Textual markup in it (``[bold]``, ``[/]``,
``[@click=...]``) is interpreted instead of shown, and control characters (ESC sequences,
C1 controls, bidi overrides) are sent to the terminal, where they can move the cursor,
change the title or reorder what the user reads. Every widget that shows untrusted text
builds it through :func:`plain`, which never parses markup and neutralises controls.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from corpus import show_unsafe, strip_unsafe
from store.colours import PALETTE as PALETTE  # re-exported: one rule for screen and report
from store.colours import tag_colour as tag_colour

__all__ = [
    "PALETTE",
    "neutralise",
    "plain",
    "tag_colour",
]


def neutralise(text: str, *, keep_offsets: bool = False) -> str:
    """``text`` with nothing left that a terminal would act on (``corpus.untrusted``).

    By default escape sequences are removed whole and other control characters dropped
    (``\\r\\n`` becomes ``\\n``). With ``keep_offsets=True`` every dangerous character is
    instead replaced by one visible stand-in, so the result has the same length and
    offsets into ``text`` (annotation spans, search hits) still index it.
    """
    return show_unsafe(text) if keep_offsets else strip_unsafe(text)


def plain(text: str, style: str | Style = "", *, keep_offsets: bool = False) -> Text:
    """A Rich ``Text`` that shows ``text`` literally: markup stays text, controls are gone.

    ``style`` is ours (never untrusted) and applies to the whole text. See
    :func:`neutralise` for ``keep_offsets``.
    """
    return Text(neutralise(text, keep_offsets=keep_offsets), style=style, end="")
