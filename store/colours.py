"""The colour of a tag, one rule for the reader's screen and the reports it writes.

A tag is drawn in its codebook colour if that is a colour, else in a palette colour
chosen by a stable hash of its path, so a code looks the same on screen and on paper.
Rich parses colours (names such as ``dark_green`` as well as ``#rrggbb``); it is no UI,
and it is imported only when a colour is asked for (``gloss outline`` never loads it).
"""

from __future__ import annotations

import zlib

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
    from rich.color import Color, ColorParseError  # only when a colour is asked for

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


def tag_hex(path: str, codebook_colour: str | None = None) -> str:
    """:func:`tag_colour` as ``#rrggbb``, for places that do not know Rich's names
    (HTML, CSS); only hex digits, so it is safe inside a style attribute."""
    from rich.color import Color

    return Color.parse(tag_colour(path, codebook_colour)).get_truecolor().hex
