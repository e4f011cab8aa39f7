"""An archive's metadata block at the top of a transcript: fields, not speakers' turns.

Oral histories and archived interviews open with a few ``Key: value`` lines
(``Interviewee: ...``, ``Interviewer: ...``, ``Date: ...``, ``Location: ...``), a long
value sometimes carried on to the next line, before the body's own labels (``SMITH:``,
``Q:``). They look like speaker labels, but the document tells them apart: each key
labels one line only, never a turn again, its value is short and asks nothing, and they
stand together at the top. The block is no turn and no heading; what it says of who
interviews names the body's asker (``Interviewer: David Kwan`` for ``KWAN:`` or ``DK:``).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

_FIELD = re.compile(
    r"[ \t]*(?P<key>[A-Z][\w'’.()/-]*(?:[ \t]+[\w'’.()/-]+){0,3})[ \t]*:"
    r"(?:[ \t]+(?P<value>\S[^\n]*))?[ \t]*"
)
_LINE = re.compile(r"[^\n]+")
#: Lines before the block that may title the document.
_LEADING_LINES = 2
#: A field's value (and a line carrying it on) is no longer than this.
_MAX_VALUE = 120
#: The fewest fields that make a block, and the most.
_MIN_FIELDS = 2
_MAX_FIELDS = 24
#: Words that join the names of several interviewers in one value.
_JOINERS = re.compile(r"\s*(?:,|;|&|\band\b|/)\s*")
_ASKING_KEY = re.compile(r"(?i)\b(?:interviewers?|interviewed by|hosts?|moderators?)\b")


@dataclass(frozen=True, slots=True)
class Metadata:
    """The block's extent and its fields, in order; ``end`` is 0 when there is none."""

    start: int = 0
    end: int = 0
    fields: tuple[tuple[str, str], ...] = ()

    def interviewers(self) -> list[str]:
        """The names the block gives for who interviews."""
        names: list[str] = []
        for key, value in self.fields:
            if _ASKING_KEY.search(key):
                names += [name for name in _JOINERS.split(value) if name]
        return names


def find_metadata(text: str) -> Metadata:
    """The metadata block at the top of ``text``, if the document has one."""
    fields: list[tuple[str, str]] = []
    start = end = 0
    leading = 0
    carried = False  # the line before was a field (or carried one on)
    for line in _LINE.finditer(text):
        content = line.group().strip()
        if not content:
            carried = False
            continue
        field = _FIELD.fullmatch(text, line.start(), line.end())
        value = (field.group("value") or "").strip() if field is not None else ""
        if field is not None and len(value) <= _MAX_VALUE and "?" not in value:
            if field.group("key") in (key for key, _ in fields) or len(fields) == _MAX_FIELDS:
                return Metadata()  # a label that recurs: speakers' turns, not fields
            start = start if fields else line.start()
            fields.append((field.group("key"), value))
            end, carried = line.end(), True
        elif carried and len(content) <= _MAX_VALUE and "?" not in content:
            key, value = fields[-1]
            fields[-1] = (key, f"{value} {content}".strip())
            end = line.end()
        elif (
            not fields and field is None and leading < _LEADING_LINES and len(content) <= _MAX_VALUE
        ):
            leading += 1  # a title above the block (a labelled turn is no title)
        else:
            break
    if (
        len(fields) < _MIN_FIELDS
        or not text[end:].strip()  # the block heads a transcript
        or _keys_recur(text[end:], [key for key, _ in fields])
    ):
        return Metadata()
    return Metadata(start, end, tuple(fields))


def _keys_recur(rest: str, keys: list[str]) -> bool:
    """A key labels a line after the block, as a speaker's label would."""
    pattern = re.compile(r"(?m)^[ \t]*(?:" + "|".join(map(re.escape, keys)) + r")[ \t]*:")
    return pattern.search(rest) is not None


def interviewers_among(speakers: Collection[str], metadata: Metadata) -> frozenset[str]:
    """The body's speakers the block names as interviewers: by their last name
    (``KWAN`` for David Kwan), their whole name, or their initials (``DK``)."""
    found = set()
    for name in metadata.interviewers():
        words = _words(name)
        if not words:
            continue
        initials = "".join(word[0] for word in words)
        for speaker in speakers:
            label = _words(speaker)
            if not label:
                continue
            if label == words[-len(label) :] or (len(label) == 1 and label[0] == initials):
                found.add(speaker)
    return frozenset(found)


def _words(name: str) -> list[str]:
    return re.sub(r"[^\w\s-]", " ", name.casefold()).split()
