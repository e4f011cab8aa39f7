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

from corpus.outline.field_names import named_speakers, people

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
_ASKING_KEY = re.compile(r"(?i)\b(?:interviewers?|interviewed by|hosts?|moderators?)\b")


@dataclass(frozen=True, slots=True)
class Metadata:
    """The block's extent and its fields, in order; ``end`` is 0 when there is none."""

    start: int = 0
    end: int = 0
    fields: tuple[tuple[str, str], ...] = ()
    restated: tuple[tuple[int, int], ...] = ()
    """Where the block is restated further on (an oral history's later sessions, each
    opening with the same fields): no turns either."""

    def holds(self, offset: int) -> bool:
        """``offset`` lies in the block or in one of its restatements."""
        return self.start <= offset < self.end or any(a <= offset < b for a, b in self.restated)

    def interviewers(self, speakers: Collection[str] = (), text: str = "") -> list[str]:
        """The people the block gives as who interviews, each name in natural order,
        read against the body's ``speakers`` and the rest of ``text``
        (:mod:`corpus.outline.field_names`)."""
        elsewhere = text[: self.start] + "\n" + text[self.end :]
        others = "\n".join(value for key, value in self.fields if not _ASKING_KEY.search(key))
        values = [value for key, value in self.fields if _ASKING_KEY.search(key)]
        for start, end in self.restated:  # a later session may have another interviewer
            for line in _LINE.finditer(text, start, end):
                field = _FIELD.fullmatch(text, line.start(), line.end())
                if field is not None and _ASKING_KEY.search(field["key"]) and field["value"]:
                    values.append(field["value"].strip())
        names: list[str] = []
        for value in dict.fromkeys(values):
            names += people(value, speakers, elsewhere, others)
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
    if len(fields) < _MIN_FIELDS or not text[end:].strip():  # the block heads a transcript
        return Metadata()
    restated = _restatements(text, end, [key for key, _ in fields])
    if restated is None:
        return Metadata()
    return Metadata(start, end, tuple(fields), restated)


def _restatements(text: str, offset: int, keys: list[str]) -> tuple[tuple[int, int], ...] | None:
    """Where the block's fields come again after ``offset``: blocks of lines holding two of
    its keys or more (a later session's heading). None if a key labels a line on its own,
    as a speaker's label would: then the keys were labels, not fields."""
    pattern = re.compile(
        r"(?m)^[ \t]*(?P<key>" + "|".join(map(re.escape, keys)) + r")[ \t]*:(?P<value>[^\n]*)"
    )
    blocks: dict[tuple[int, int], None] = {}
    for match in pattern.finditer(text, offset):
        start = text.rfind("\n\n", offset, match.start())
        start = offset if start < 0 else start + 2
        end = text.find("\n\n", match.start())
        end = len(text) if end < 0 else end
        found = list(pattern.finditer(text, start, end))
        restated = (
            len(found) >= _MIN_FIELDS
            and len({field["key"] for field in found}) == len(found)  # each key once
            and not any("?" in field["value"] for field in found)
        )
        if not restated:
            return None
        blocks[(start, end)] = None
    return tuple(blocks)


def interviewers_among(
    speakers: Collection[str], metadata: Metadata, text: str = ""
) -> frozenset[str]:
    """The body's speakers the block names as interviewers: by their last name
    (``KWAN`` for David Kwan), their whole name, or their initials (``DK``)."""
    return frozenset(
        speaker
        for name in metadata.interviewers(speakers, text)
        for speaker in named_speakers(speakers, name)
    )
