"""The notes at the end of a transcript: a numbered list of sources, not an answer's items.

Archived oral histories and edited interviews end with their endnotes (``1. Ibid., p.
4.``, ``[2] Interview with ..., 1998.``), after the last answer. Read as the last answer's
paragraphs they would give it measures. The document marks them: a run of numbered lines
that closes it, numbered 1, 2, 3 ..., either in brackets (``[1]``, a footnote's mark) or
under a short title line of their own ("Notes") that the run follows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from corpus.outline.frontmatter import headline_like

_NUMBERED = re.compile(r"[ \t]*(?:\[(?P<bracketed>\d{1,3})\]|(?P<dotted>\d{1,3})[.)])[ \t]+\S")
#: A title above the notes is a short line.
_MAX_TITLE_WORDS = 4


def notes_start(text: str, lines: Sequence[tuple[int, int]]) -> int | None:
    """The index of the first of ``lines`` (trimmed spans) that is notes, if the document
    ends with notes."""
    index = len(lines)
    numbers: list[int] = []
    bracketed = True
    while index > 0:
        start, end = lines[index - 1]
        match = _NUMBERED.match(text, start, end)
        if match is None:
            break
        numbers.append(int(match.group("bracketed") or match.group("dotted")))
        bracketed = bracketed and match.group("bracketed") is not None
        index -= 1
    if not numbers or numbers[::-1] != list(range(1, len(numbers) + 1)):
        return None
    if bracketed:
        return index
    if index > 0:
        start, end = lines[index - 1]
        title = text[start:end]
        if headline_like(title) and len(title.split()) <= _MAX_TITLE_WORDS:
            return index - 1
    return None
