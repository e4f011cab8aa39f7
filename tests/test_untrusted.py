"""One rule for untrusted text: the cleaner, the screen, the store and the CLI agree on it."""

from __future__ import annotations

import pytest

from corpus import clean_text, escape_unsafe, has_unsafe, show_unsafe, strip_unsafe
from store import StoreError
from store.tagpaths import normalise_tag
from tui.text import neutralise

HOSTILE = [
    "a\x1b[2Jb",  # CSI
    "a\x1b]0;owned title\x07b",  # OSC ended by BEL
    "a\x1b]8;;http://evil\x1b\\b",  # OSC ended by ST
    "a\x9b31mb",  # 8-bit CSI
    "a\x9d0;title\x07b",  # 8-bit OSC
    "a\x1b(Bb",  # charset designation
    "ab\x1b",  # lone ESC at the end
    "a\x00\x07\x08\x0b\x0c\x7f\x85b",  # C0, DEL, C1
    "a\u202e\u2066\u200fb",  # bidi controls
    "a\u200b\u00ad\ufeff\u2060b",  # zero-width, soft hyphen, BOM, word joiner
]


@pytest.mark.parametrize("text", HOSTILE)
def test_escape_sequences_and_invisible_characters_are_removed_whole(text: str) -> None:
    assert has_unsafe(text)
    assert strip_unsafe(text) == "ab"


@pytest.mark.parametrize("text", HOSTILE)
def test_the_cleaner_and_the_screen_remove_the_same_things(text: str) -> None:
    assert clean_text(text).text == strip_unsafe(text) == neutralise(text)


def test_an_unterminated_string_stops_at_the_line_end() -> None:
    assert strip_unsafe("a\x1b]0;title\nnext line") == "a\nnext line"


def test_tab_newline_and_ordinary_unicode_are_safe() -> None:
    text = "Q: what?\n\tA: 3.8% ✘↑©™ ₹ —— 中文 é"
    assert not has_unsafe(text)
    assert strip_unsafe(text) == show_unsafe(text) == escape_unsafe(text) == text


def test_crlf_becomes_lf() -> None:
    assert strip_unsafe("one\r\ntwo") == "one\ntwo"


def test_shown_text_keeps_every_offset() -> None:
    hostile = "ab\x1b[31mcd\u202eef\x7f\u200b"
    shown = show_unsafe(hostile)
    assert len(shown) == len(hostile)
    assert shown == "ab\u241b[31mcd\ufffdef\u2421\ufffd"
    assert not has_unsafe(shown)


def test_escaped_text_names_each_character() -> None:
    assert escape_unsafe("evil \x1b[2J \u202e note") == "evil \\x1b[2J \\u202e note"
    assert not has_unsafe(escape_unsafe("".join(HOSTILE)))


@pytest.mark.parametrize("text", HOSTILE)
def test_a_tag_with_anything_unsafe_is_refused(text: str) -> None:
    with pytest.raises(StoreError, match="control character"):
        normalise_tag(f"policy/{text}")


@pytest.mark.parametrize("text", ["a\tb", "a\nb", "a\u2028b", "a\udcffb"])
def test_a_tag_is_one_line_of_valid_text(text: str) -> None:
    with pytest.raises(StoreError, match="control character"):
        normalise_tag(text)
