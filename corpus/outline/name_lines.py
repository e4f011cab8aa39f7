"""A speaker's name on a line of its own, the turn in the lines or paragraphs below.

Exports of press conferences and hearings put each speaker on a heading line: a Markdown
``### Jane Doe`` or ``**JANE DOE**`` (read as the bare line), a reporter often with their
outlet after a comma, in brackets or after a dash (``Tom Reyes, Daily Courier``, ``Tom
Reyes (WNYT)``, ``Tom Reyes - WNYT``), a hearing's speaker after the time they spoke
(``00:12:03 Assemblymember Jones``, ``[1:02:03] CHAIR SMITH``). Such a line is only a
candidate here; :mod:`corpus.outline.turns` believes it when the document bears the
convention out (the same name on two lines, or a one-off that a recurring speaker of the
same style answers).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from corpus.outline.labels import NOT_NAMES
from corpus.times import TIME_ONLY, TS

#: A timestamp before a label, with an optional dash or bar after it.
LEAD = rf"(?:{TS}[^\S\n]*(?:[-–—|][^\S\n]*)?)?"
_WORD = r"[^\W\d_][\w'’.&-]*"
#: Up to twelve words (a long first label), a number last ("Speaker 2").
NAME = rf"{_WORD}(?:[^\S\n]+(?:{_WORD}|\d{{1,3}})){{0,11}}"

#: What may follow a name on its line: an outlet or office after a comma, in brackets or
#: after a spaced dash; no sentence ends inside it (brackets may hold "D-Calif.").
_AFFILIATION = (
    r"(?:,[^\S\n]*[^\W_][^\n.?!:;()]{0,59}"
    r"|[^\S\n]*\([^()\n]{1,60}\)"
    r"|[^\S\n]+[-–—|][^\S\n]+[^\W_][^\n.?!:;()]{0,59})"
)
_ALONE = re.compile(
    rf"[^\S\n]*{LEAD}(?P<name>{NAME})(?P<affiliation>{_AFFILIATION})?"
    rf"(?:[^\S\n]+{TS})?[^\S\n]*(?P<colon>:)?[^\S\n]*"
)
#: What sets an outlet off from a name: a comma, a bracket, a dash or a bar.
_SEPARATOR = re.compile(r",|\(|[^\S\n][-–—|][^\S\n]")
_PARTICLES_WORDS = "of the and for de van von der den al bin da la le du di del y on at in to"
PARTICLES = frozenset(_PARTICLES_WORDS.split())
#: Names of up to this many words are ordinary labels; longer ones must end in a known name.
MAX_NAME_WORDS = 4
_MAX_ALONE_CHARS = 48
#: A name with its outlet and time may run this long.
_MAX_AFFILIATED_CHARS = 110


class NameLine(NamedTuple):
    """A name line's speaker; ``colon`` when it ends in one (``Tom Reyes, WNYT:``)."""

    name: str
    colon: bool


def name_line(text: str, start: int, end: int) -> NameLine | None:
    """The speaker a line ``text[start:end]`` holding only a name (with an outlet or a
    time) names; None for any other line."""
    if end - start > _MAX_AFFILIATED_CHARS or text[end - 1] in ".?!,;":
        return None
    if end - start > _MAX_ALONE_CHARS and not _SEPARATOR.search(text, start, end):
        return None  # too long for a name alone, and no outlet set off (most prose lines)
    match = _ALONE.fullmatch(text, start, end)
    if match is None or TIME_ONLY.fullmatch(text, start, end):
        return None  # "1:32:15 PM" is a time, not a speaker "PM" after one
    name = " ".join(match.group("name").split())
    words = name.split()
    if not name_like(name) or len(words) > MAX_NAME_WORDS:
        return None
    if match.group("affiliation") is None:
        if match.group("colon") or end - start > _MAX_ALONE_CHARS:
            return None
    elif len(words) < 2 and match.group("affiliation").startswith(","):
        # "Jobs, Growth and Trade" is a title; "Reporter (WNYT)" may be a speaker.
        return None
    return NameLine(name, match.group("colon") is not None)


@lru_cache(maxsize=4096)  # a document's speakers' names recur on thousands of lines
def name_like(name: str) -> bool:
    """Capitalised words or name particles, not a word like ``Note``; digits only last."""
    words = name.split()
    if not words or words[0].lower() in NOT_NAMES or words[-1].lower() in PARTICLES:
        return False
    if not words[0][0].isupper():
        return False
    return all(
        word[0].isupper() or word.lower() in PARTICLES or (word.isdigit() and i == len(words) - 1)
        for i, word in enumerate(words)
    )
