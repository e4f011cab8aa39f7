"""Untrusted text is shown literally and never sends anything to the terminal."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from tui.text import PALETTE, neutralise, plain, tag_colour


def render(text: object, *, colour: bool = True) -> str:
    """What a real terminal would receive when Rich prints ``text``."""
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        force_terminal=True,
        color_system="truecolor" if colour else None,
        width=200,
        legacy_windows=False,
    )
    console.print(text)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "markup",
    ["[bold]loud[/bold]", "[/]", "[red]x", "[@click=app.quit]quit[/]", "[link=http://x]y[/]"],
)
def test_markup_in_untrusted_text_is_shown_as_written(markup: str) -> None:
    text = plain(markup)
    assert text.plain == markup
    assert text.spans == []
    output = render(text, colour=False)
    assert output == markup + "\n"


def test_escape_sequences_are_removed_whole() -> None:
    hostile = "before\x1b[2J\x1b[31mred\x1b[0m\x1b]0;owned title\x07after"
    assert neutralise(hostile) == "beforeredafter"
    output = render(plain(hostile), colour=False)
    assert "\x1b" not in output
    assert output == "beforeredafter\n"


def test_osc_terminated_by_string_terminator_is_removed() -> None:
    assert neutralise("a\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\b") == "alinkb"


@pytest.mark.parametrize(
    "control",
    ["\x00", "\x07", "\x08", "\x0b", "\x0c", "\r", "\x7f", "\x80", "\x85", "\x9c"],
)
def test_c0_c1_controls_and_delete_are_dropped(control: str) -> None:
    assert neutralise(f"a{control}b") == "ab"


def test_8_bit_escape_sequences_are_removed_whole() -> None:
    assert neutralise("a\x9b31mb") == "ab"  # CSI
    assert neutralise("a\x9d0;title\nnext") == "a\nnext"  # OSC, unterminated: to the line end


@pytest.mark.parametrize("bidi", ["\u202e", "\u202d", "\u2066", "\u2067", "\u2069", "\u200f"])
def test_bidi_controls_are_dropped(bidi: str) -> None:
    assert neutralise(f"access{bidi}level") == "accesslevel"


def test_newline_tab_and_ordinary_unicode_survive() -> None:
    text = "Q: what?\n\tA: 3.8% ✘↑©™ ₹ —— 中文"
    assert neutralise(text) == text
    assert neutralise("one\r\ntwo") == "one\ntwo"


def test_keep_offsets_replaces_each_control_with_one_visible_cell() -> None:
    hostile = "ab\x1b[31mcd\u202eef\x7f"
    safe = neutralise(hostile, keep_offsets=True)
    assert len(safe) == len(hostile)
    assert safe == "ab\u241b[31mcd\ufffdef\u2421"
    # Offsets into the original still find the same words.
    assert safe[hostile.index("cd") : hostile.index("cd") + 2] == "cd"
    assert "\x1b" not in render(plain(hostile, keep_offsets=True), colour=False)


def test_plain_applies_only_our_style() -> None:
    text = plain("[bold]x[/bold]", "italic")
    assert text.plain == "[bold]x[/bold]"
    assert str(text.style) == "italic"


def test_tag_colour_is_stable_and_from_the_palette() -> None:
    first = tag_colour("emotion/anger")
    assert first in PALETTE
    assert tag_colour("emotion/anger") == first
    # Different tags spread over the palette instead of all getting one colour.
    colours = {tag_colour(f"tag-{n}") for n in range(60)}
    assert len(colours) >= len(PALETTE) - 2


def test_tag_colour_uses_a_valid_codebook_colour() -> None:
    assert tag_colour("x", "#AA3377") == "#aa3377"
    assert tag_colour("x", " Red ") == "red"
    assert tag_colour("x", "Dark  Green") == "dark_green"


@pytest.mark.parametrize("bad", ["", "   ", "red on white", "[bold]", "not-a-colour", "#12"])
def test_tag_colour_ignores_an_unusable_codebook_colour(bad: str) -> None:
    assert tag_colour("x", bad) == tag_colour("x")


def _luminance(hex_colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


@pytest.mark.parametrize("colour", PALETTE)
def test_palette_colours_read_on_dark_and_light_backgrounds(colour: str) -> None:
    lum = _luminance(colour)
    on_white = 1.05 / (lum + 0.05)
    on_black = (lum + 0.05) / 0.05
    assert on_white >= 3.0, f"{colour} too light for a light theme"
    assert on_black >= 3.0, f"{colour} too dark for a dark theme"
