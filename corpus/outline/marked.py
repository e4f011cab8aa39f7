"""Headings a file's format marked: Markdown's ``#`` and underlines, Word's heading styles.

The readers take the marks out of the text (the reader shows ``Early life``, not ``##
Early life``) and keep beside it where each marked line starts and its level
(``Document.headings``). A mark is the writer's own word that a line heads something, so
it is believed, except where the line is plainly something else:

- a line ending with a question mark is a question put as a heading (written Q&A:
  ``### What hardware do you use?`` over its answer), left to the question rules, and
  so is every mark of a level whose marks are mostly such questions (``### Tell us
  about the first commission.`` among them);
- a line whose words recur is a speaker's name over each of their turns
  (``### Jerod Santo``) or a running header, not a section's title;
- the document's title: the first line of the text when it is the one mark of the
  lowest level (``# Interview with Ada`` over ``## Early years``, ``## Work``), or a
  mark repeating the title the text opens with (front matter's ``title:`` over a ``#``
  line of the same words).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Collection, Sequence

from corpus.model import Spanned


def marked_lines(lines: Sequence[Spanned], marks: Collection[tuple[int, int]]) -> dict[int, int]:
    """Index of each line a mark ``(offset, level)`` falls in, and the mark's level."""
    if not marks:
        return {}
    starts = [line.start for line in lines]
    found: dict[int, int] = {}
    for offset, level in marks:
        index = bisect_right(starts, offset) - 1
        if index >= 0 and offset < lines[index].end:
            found.setdefault(index, level)
    return found


def believed_mark(
    text: str,
    lines: Sequence[Spanned],
    index: int,
    levels: dict[int, int],
    recurring: Counter[str],
) -> bool:
    """The marked line ``index`` heads a section (see the module's exceptions)."""
    line = lines[index]
    value = text[line.start : line.end]
    if _asks(value) or recurring[value] > 1:
        return False
    level = levels[index]
    same = [at for at, other in levels.items() if other == level]
    asking = sum(_asks(text[lines[at].start : lines[at].end]) for at in same)
    if 2 * asking >= len(same):
        return False  # the level of questions put as headings
    return not _is_title(text, line.start, value, index, levels)


def asked_marks(text: str, marks: Collection[tuple[int, int]]) -> frozenset[int]:
    """Offsets of the marks that put a question (``### What hardware do you use?``): a
    line ending with a question mark, or any mark of a level whose marks mostly do."""
    by_level: dict[int, list[int]] = {}
    for offset, level in marks:
        by_level.setdefault(level, []).append(offset)
    asked: set[int] = set()
    for offsets in by_level.values():
        asking = [offset for offset in offsets if _asks(_line_at(text, offset))]
        asked.update(offsets if 2 * len(asking) >= len(offsets) else asking)
    return frozenset(asked)


def _line_at(text: str, offset: int) -> str:
    end = text.find("\n", offset)
    return text[offset : end if end >= 0 else len(text)]


def _asks(value: str) -> bool:
    return value.rstrip().endswith(("?", "？"))


def _is_title(text: str, start: int, value: str, index: int, levels: dict[int, int]) -> bool:
    opening = text.lstrip()
    first_line = opening.split("\n", 1)[0].strip()
    if text[:start].strip():  # not the first line: a title only if it repeats the opening
        return " ".join(value.split()) == " ".join(first_line.split())
    others = [level for at, level in levels.items() if at != index]
    level = levels[index]
    return all(level < other for other in others) and (level == 1 or bool(others))
