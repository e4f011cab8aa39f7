"""Paragraphs of clean text: one per line, unless the file is hard-wrapped.

Most interview files keep one paragraph per line (both bundled seeds do), and there every
line break ends a paragraph: headings and label lines stand alone. Files saved from email
or old archives are instead hard-wrapped at a fixed width (60-100 columns); there a line
break inside a paragraph is only where the words ran out of room. A document counts as
hard-wrapped when its wrap width (the width nine lines in ten stay within, so that one
long URL does not count) is a plausible 50-100 columns and most lines come close to it.
Then a line runs on into the next exactly when the next line's first word would not have
fitted after it (which is how word wrap breaks lines), unless the next line opens with a
speaker label or a list number.
"""

from __future__ import annotations

import re
from collections.abc import Container

from corpus.model import Span
from corpus.outline.labels import answer_label, asker_label, name_label

#: Wrapping widths seen in practice; wider lines mean one paragraph per line.
MIN_WRAP_WIDTH = 50
MAX_WRAP_WIDTH = 100
#: A wrapped line is at most this many characters short of the widest line ...
_NEAR_FULL = 15
#: ... and this share of the lines (of a document this long) must be so.
_MIN_FULL_SHARE = 0.5
_MIN_LINES = 6

#: A line's text without surrounding whitespace (group 1).
_LINE = re.compile(r"(?m)^[^\S\n]*(\S(?:[^\n]*\S)?)")
#: List items start a new paragraph even in wrapped text: ``1.``, ``(2)``, bullets.
#: Function words of titles, which names do not hold (unlike ``de``, ``van``); a title's
#: line ending in one runs on.
_FUNCTION_WORDS = "a an the of to in on at by for from with and or"
TITLE_FUNCTION_WORDS = frozenset(_FUNCTION_WORDS.split())
_LIST_ITEM = re.compile(r"[ \t]*(?:\d{1,2}[.)、]|[(（]\d{1,2}[)）]|[-*•·][ \t])")


def paragraph_spans(text: str) -> tuple[Span, ...]:
    """The paragraphs of ``text`` in order, surrounding whitespace excluded."""
    return tuple(Span(start, end) for start, end in paragraph_layout(text)[0])


def is_hard_wrapped(text: str) -> bool:
    """Whether ``text`` is wrapped at a fixed width (so single line breaks join lines)."""
    return paragraph_layout(text)[1]


def paragraph_layout(
    text: str, breaks: Container[int] = frozenset()
) -> tuple[list[tuple[int, int]], bool]:
    """The paragraphs of ``text`` as ``(start, end)`` pairs, and whether it is
    hard-wrapped: one pass, no objects per paragraph (texts may have 100 000 lines).

    A line starting at an offset in ``breaks`` (a speaker's label found in the document)
    always starts a paragraph."""
    lines = _trimmed_lines(text)
    if not lines:
        return [], False
    width = _wrap_width(text, lines)
    if width is None:
        return lines, False
    paragraphs: list[tuple[int, int]] = []
    start, end = lines[0]
    for next_start, next_end in lines[1:]:
        if next_start not in breaks and _soft_break(text, end, next_start, next_end, width):
            end = next_end
        else:
            paragraphs.append((start, end))
            start, end = next_start, next_end
    paragraphs.append((start, end))
    return paragraphs, True


def _trimmed_lines(text: str) -> list[tuple[int, int]]:
    return [match.span(1) for match in _LINE.finditer(text)]


def _wrap_width(text: str, lines: list[tuple[int, int]]) -> int | None:
    """The width ``text`` is wrapped at, or None when it keeps one paragraph per line."""
    if len(lines) < _MIN_LINES:
        return None
    widths = [_width(text, start, end) for start, end in lines]
    width = sorted(widths)[(len(widths) - 1) * 9 // 10]
    if not MIN_WRAP_WIDTH <= width <= MAX_WRAP_WIDTH:
        return None
    full = sum(1 for w in widths if w >= width - _NEAR_FULL)
    return width if full >= _MIN_FULL_SHARE * len(widths) else None


def _width(text: str, start: int, end: int) -> int:
    """Columns from the start of ``start``'s line (indent included) to ``end``."""
    return end - (text.rfind("\n", 0, start) + 1)


def _soft_break(text: str, end: int, next_start: int, next_end: int, width: int) -> bool:
    """Whether the line ending at ``end`` runs on into the line at ``next_start``."""
    if text.count("\n", end, next_start) > 1:
        return False  # a blank line between them
    if _LIST_ITEM.match(text, next_start, next_end) or _opens_turn(text, next_start, next_end):
        return False
    first_word = len(text[next_start:next_end].split(maxsplit=1)[0])
    return _width(text, end, end) + 1 + first_word > width or _title_runs_on(
        text, end, next_start, next_end
    )


def _title_runs_on(text: str, end: int, next_start: int, next_end: int) -> bool:
    """A title in capitals set over two centred lines, the first ending in a comma or a
    function word: ``STATEMENT OF JANE ROE, CHAIRMAN,`` / ``BOARD OF GOVERNORS``."""
    line_start = text.rfind("\n", 0, end) + 1
    last_word = text[line_start:end].rsplit(maxsplit=1)[-1]
    if text[end - 1] != "," and last_word.lower() not in TITLE_FUNCTION_WORDS:
        return False
    return not any(c.islower() for c in text[line_start:end]) and not any(
        c.islower() for c in text[next_start:next_end]
    )


def _opens_turn(text: str, start: int, end: int) -> bool:
    return (
        asker_label(text, start, end) is not None
        or answer_label(text, start, end) is not None
        or name_label(text, start, end) is not None
    )
