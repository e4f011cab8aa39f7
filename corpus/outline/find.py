"""Finding text in an interview's clean text: a quote, a search, a word's edge.

The reader's search, the CLI's ``--quote`` and the selection's word steps all look for
text in the same clean text, so they share these rules: runs of whitespace in a query
match any run of whitespace (a quote copied across a line break still matches), case is
ignored unless asked, and offsets are always offsets of the text searched (``re``'s
case folding is per character, unlike ``str.lower``, which can change lengths).
"""

from __future__ import annotations

import re
from typing import Literal

from corpus.model import Span


def find_text(text: str, query: str, *, ignore_case: bool = True) -> list[Span]:
    """Every non-overlapping occurrence of ``query`` in ``text``, in order.

    Whitespace runs in ``query`` match any whitespace run; leading and trailing
    whitespace is ignored, and a query of only whitespace finds nothing.
    """
    words = query.split()
    if not words:
        return []
    pattern = re.compile(r"\s+".join(map(re.escape, words)), re.IGNORECASE if ignore_case else 0)
    return [Span(m.start(), m.end()) for m in pattern.finditer(text)]


def word_edge(text: str, offset: int, direction: int, *, edge: Literal["start", "end"]) -> int:
    """Where a selection edge at ``offset`` goes one word right (1) or left (-1).

    An ``end`` always lands just after a word and a ``start`` just before one, so a
    selection moved word by word never begins or ends with a space.
    """
    index = offset
    # An end skips spaces, then a word (rightwards); a start skips a word, then spaces.
    skip_space_first = (edge == "end") == (direction > 0)
    for space in (skip_space_first, not skip_space_first):
        if direction > 0:
            while index < len(text) and text[index].isspace() == space:
                index += 1
        else:
            while index > 0 and text[index - 1].isspace() == space:
                index -= 1
    return index
