"""Untrusted text written into Markdown (CommonMark and pandoc) as the words it is.

Every character that Markdown, pandoc's extensions (``@`` citations, ``$`` maths,
``^``/``~`` super- and subscripts) or a pipe table would act on gets a backslash, a line
that would start a list, heading or definition is escaped at its start, and control
characters are shown as visible escapes: ``<script>`` stays text, a ``|`` in a note
cannot break a table. ``gloss report`` and ``gloss retrieve`` both write through here.
"""

from __future__ import annotations

import re

from corpus import escape_unsafe

_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#|~&$^@!])")
"""Characters escaped wherever they are (any ASCII punctuation may take a backslash)."""
_LINE_START = re.compile(r"^([-+=:]|\d+(?=[.)]))")
"""What would start a list item, a setext underline or a definition at a line's start."""


def md(text: str) -> str:
    """``text`` on one line (for a table cell or a heading), escaped."""
    return _escaped_line(" ".join(text.split()))


def md_lines(text: str, prefix: str = "") -> str:
    """``text`` keeping its line breaks as separate lines of one paragraph, each escaped
    and starting with ``prefix`` (``"> "`` in a block quote); blank lines are dropped."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(prefix + _escaped_line(line) for line in lines if line)


def md_code(text: str) -> str:
    """``text`` as an inline code span, shown exactly (inside one, backslashes do not
    escape): fenced by one backtick more than its longest run of them, on one line."""
    flat = escape_unsafe(" ".join(text.split()))
    longest = max((len(run) for run in re.findall(r"`+", flat)), default=0)
    fence = "`" * (longest + 1)
    padded = f" {flat} " if flat.startswith("`") or flat.endswith("`") else flat
    return f"{fence}{padded}{fence}"


def _escaped_line(line: str) -> str:
    line = _SPECIAL.sub(r"\\\1", escape_unsafe(line))
    # "- x", "+ x", "1. x", "1) x", ": x", "===": escape the marker (the lines are stripped).
    start = _LINE_START.match(line)
    if start is None:
        return line
    at = start.end() if start.group(1)[0].isdigit() else 0
    return line[:at] + "\\" + line[at:]
