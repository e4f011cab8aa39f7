"""Showing untrusted text safely, and the colour of a tag.

Interview files, notes and tag names come from outside gloss. Two things can go wrong when
such text reaches a terminal: Rich/Textual markup in it (``[bold]``, ``[/]``,
``[@click=...]``) is interpreted instead of shown, and control characters (ESC sequences,
C1 controls, bidi overrides) are sent to the terminal, where they can move the cursor,
change the title or reorder what the user reads. Every widget that shows untrusted text
builds it through :func:`plain`, which never parses markup and neutralises controls.
"""

from __future__ import annotations

import zlib

from rich.color import Color, ColorParseError
from rich.style import Style
from rich.text import Text

from corpus import show_unsafe, strip_unsafe

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


#: Tag colours for when the codebook sets none. Each has a contrast ratio of at least
#: 3:1 against both black and white (WCAG relative luminance), so a tag reads the same
#: on dark and light themes; neighbours differ in hue so adjacent tags are told apart.
PALETTE: tuple[str, ...] = (
    "#4e79a7",  # blue
    "#e15759",  # red
    "#59a14f",  # green
    "#b07aa1",  # purple
    "#d95f02",  # orange
    "#1f9e89",  # teal
    "#7570b3",  # indigo
    "#e7298a",  # magenta
    "#a6761d",  # ochre
    "#2b8cbe",  # sky
    "#9c755f",  # brown
    "#af8700",  # mustard
)


def _is_colour(text: str) -> bool:
    """True if Rich reads ``text`` as exactly one colour."""
    try:
        Color.parse(text)
    except ColorParseError:
        return False
    return True


def tag_colour(path: str, codebook_colour: str | None = None) -> str:
    """The colour to draw tag ``path`` in: the codebook's, if it is a valid colour.

    Otherwise a palette colour picked by a stable hash of the path (the same in every
    session and process, unlike ``hash()``). A child tag (``emotion/anger``) gets its own
    colour; the codebook can give a family one colour if the user wants that. The
    codebook colour is untrusted text, so it is accepted only if it parses as a single
    colour (``"red on white"`` or ``"[bold]"`` fall back to the palette).
    """
    if codebook_colour:
        # "Dark Green" as a user may type it is Rich's "dark_green".
        candidate = "_".join(codebook_colour.lower().split())
        if _is_colour(candidate):
            return candidate
    return PALETTE[zlib.crc32(path.encode("utf-8")) % len(PALETTE)]
