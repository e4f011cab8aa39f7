"""Times as transcripts write them: the one grammar of a time and of a timestamp.

Transcripts and the tools that make them stamp turns with the time they began: ``07:53``,
``00:01:02.5``, a time of day (``1:32:15 PM``), a video editor's frames (``01:01:40:13``),
in brackets (``[07:53]``, Markdown's ``\\[07:53\\]``), in parentheses, or as a range of two
(``[01:01:40:13 - 01:01:45:19]``). The outline reads labels with such times beside them
(:mod:`corpus.outline.name_lines`); the reading room moves a tool's times out of the text
into the time map (:mod:`corpus.reading.stamps`, :mod:`corpus.reading.word`). Both read
them with these patterns, and :func:`seconds` says what a time stands for.
"""

from __future__ import annotations

import re

#: A time: ``07:53``, ``00:01:02.5``, ``1:32:15 PM``, a video editor's ``01:01:40:13``.
TIME = r"\d{1,2}(?::\d{2}){1,3}(?:[.,]\d+)?(?:[ ]?[AaPp]\.?[Mm]\b\.?)?"
#: A time in brackets, Markdown's escaped ones too (``[07:53]``, ``\\[07:53\\]``), or a range
#: of two (``[01:01:40:13 - 01:01:45:19]``).
BRACKETED = rf"\\?\[{TIME}(?:[^\S\n]*[-–—][^\S\n]*{TIME})?\\?\]"
#: A timestamp: bracketed, in parentheses (``(00:01:02)``) or bare (``00:01:02.5``).
TS = rf"(?:{BRACKETED}|\({TIME}\)|{TIME})"
#: A line that is only a timestamp.
TIME_ONLY = re.compile(rf"[^\S\n]*{TS}[^\S\n]*")

_PARTS = re.compile(
    r"(?P<clock>\d{1,2}(?::\d{2}){1,3})(?:[.,](?P<fraction>\d+))?[ ]?(?P<half>[AaPp])?"
)


def seconds(stamp: str) -> float:
    """The seconds a time (the first of a range) stands for: ``1:02:03.5`` is 3723.5, a
    time of day the seconds since midnight (``1:00 PM`` 46800), frames are left out."""
    found = _PARTS.search(stamp)
    if found is None:
        raise ValueError(f"not a time: {stamp!r}")
    fields = [int(part) for part in found.group("clock").split(":")][:3]  # frames left out
    half = (found.group("half") or "").lower()
    if half:  # a time of day: hours and minutes, perhaps seconds
        fields[0] = fields[0] % 12 + (12 if half == "p" else 0)
        fields += [0] * (3 - len(fields))
    total = 0.0
    for field in fields:
        total = total * 60 + field
    fraction = found.group("fraction")
    return total + (float(f"0.{fraction}") if fraction else 0.0)
