"""Transcription tools' time stamps in text and Word exports, moved out of the words.

Otter writes each turn under a line ``Speaker 1  0:05``, Rev ``Jane Doe (00:01:02):``,
Descript ``[00:00:02] Jane Doe: ...``, Sonix ``Jane Doe: [00:00:02] ...``, Trint a line
``[00:00:02] Jane Doe`` over the turn, a hearing's record or a recorder's export
``00:12:03 Jane Doe`` bare, f4transkript and MAXQDA ``#00:01:02-3#`` at the end of a
turn, Google Meet a line ``00:05:00`` every few minutes. Left in, the times would be
read as words (in a question's text, in a sentence) and shown as the interview. Here each
goes into ``Document.times`` at the offset of the words it stamps, a name line and the
turn under it become one paragraph ``Name: words`` (as the subtitle and Word readers write
turns), and a time line alone is dropped. A convention is taken for one only when it recurs
(two lines or more): a single "[10:30]" in a sentence stays words; a bare time before a
name is taken only when some name comes twice (speakers speak again, an agenda's
"10:30 Opening Remarks" lines do not).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache

from corpus.reading.formats import Document
from corpus.times import BRACKETED, TIME, TIME_ONLY, seconds

#: Any time at all: a file without one has no stamps (and its reading stays this cheap).
_A_TIME = re.compile(r"\d:\d\d")
#: ``#00:01:02-3#`` (f4transkript, MAXQDA), wherever it stands in a line.
#: A running time, bare: ``00:12:03``, ``12:03``, ``00:12:03.5``.
_RUNNING = r"\d{1,2}(?::\d{2}){1,2}(?:[.,]\d+)?"
_HASH_TIME = re.compile(r"[ \t]*#(?P<time>\d{1,2}:\d{2}:\d{2})(?:[-.,]\d+)?#")


@cache
def _bare_header() -> re.Pattern[str]:
    """``00:12:03 Jane Doe`` over the turn or ``00:12:03 Jane Doe: words`` (a hearing's
    record, a recorder's export): a running time bare, not a time of day ("2:41 P.M. EST"
    is a dateline)."""
    from corpus.outline.name_lines import NAME

    return re.compile(
        rf"(?P<time>{_RUNNING})(?![ \t]*[AaPp]\.?[Mm]\b)[ \t]+(?P<name>{NAME})"
        r"(?::[ \t]*(?P<rest>.*)|[ \t]*)"
    )


@cache
def _header_kinds() -> tuple[re.Pattern[str], ...]:
    """The tools' name-and-time lines, a speaker's name written as a name line writes it."""
    from corpus.outline.name_lines import NAME

    return (
        # ``Speaker 1  0:05`` (Otter), ``Jane Doe<tab>0:05`` (Teams' Word transcript): a
        # name, a tab or two spaces or more, a time, nothing else.
        re.compile(rf"(?P<name>{NAME})(?:[ \t]{{2,}}|\t)(?P<time>{TIME})[ \t]*"),
        # ``Jane Doe (00:01):`` (Rev), the words on the line below or after it.
        re.compile(rf"(?P<name>{NAME}) \((?P<time>{TIME})\):[ \t]*(?P<rest>.*)"),
        # ``[00:00:02] Jane Doe: words`` (Descript) or ``[00:00:02] Jane Doe`` alone (Trint),
        # a video editor's ``[01:01:40:13 - 01:01:45:19] Jane Doe``.
        re.compile(rf"(?P<time>{BRACKETED})[ \t]+(?P<name>{NAME})(?::[ \t]*(?P<rest>.*)|[ \t]*)"),
        # ``Jane Doe: [00:00:02] words`` (Sonix); a Word file's bold ``Jane Doe`` then ``0:05``.
        re.compile(rf"(?P<name>{NAME}):[ \t]*\[?(?P<time>{TIME})\]?(?:[ \t]+(?P<rest>.*))?"),
    )


@dataclass(frozen=True, slots=True)
class _Header:
    name: str
    seconds: float
    rest: str
    """The turn's words on the header's own line ("" when they are on the next line)."""


def lift_stamps(document: Document) -> Document:
    """``document`` with tools' time stamps moved into ``Document.times`` (see the module);
    the lines it marks as headings still marked where they moved to."""
    text = document.text
    if not _A_TIME.search(text):
        return document
    lines = text.split("\n")
    kinds = [kind for kind in _header_kinds() if sum(_names(kind, lines).values()) >= 2]
    if max(_names(_bare_header(), lines).values(), default=0) >= 2:
        kinds.append(_bare_header())
    hashes = sum(len(_HASH_TIME.findall(line)) for line in lines) >= 2
    alone = _count(TIME_ONLY, lines) >= 2
    if not kinds and not hashes and not alone:
        return document
    parts: list[str] = []
    times: list[tuple[int, float]] = []
    moved: dict[int, int] = {}  # where an untouched line starts: before -> after
    length = 0
    before = 0
    pending: _Header | None = None
    for line, header in zip(lines, _headers(lines, kinds), strict=True):
        starts, before = before, before + len(line) + 1
        if alone and TIME_ONLY.fullmatch(line):
            times.append((length + 1 if parts else 0, seconds(line)))
            continue
        if header is not None:
            if pending is not None:  # a name line with no words under it
                length = _emit(parts, length, f"{pending.name}:")
            times.append((length, header.seconds))
            if not header.rest:
                pending = header
                continue
            line = f"{header.name}: {header.rest}"
        elif pending is not None:
            if not line.strip():
                continue  # the blank line between a name line and its words
            line = f"{pending.name}: {line.strip()}"
        else:
            moved[starts] = length + 1 if parts else 0
        pending = None
        if hashes:
            line = _lift_hashes(line, length + 1 if parts else 0, times)
        length = _emit(parts, length, line)
    if pending is not None:
        length = _emit(parts, length, f"{pending.name}:")
    headings = tuple((moved[at], level) for at, level in document.headings if at in moved)
    return replace(document, text="".join(parts), times=_ordered(times), headings=headings)


def _headers(lines: list[str], kinds: list[re.Pattern[str]]) -> Iterator[_Header | None]:
    for line in lines:
        found = next((m for kind in kinds if (m := kind.fullmatch(line.rstrip()))), None)
        if found is None or not _named(found.group("name")):
            yield None
            continue
        rest = (found.groupdict().get("rest") or "").strip()
        yield _Header(found.group("name").strip(), seconds(found.group("time")), rest)


def _named(name: str) -> bool:
    """``name`` names a speaker as a name line would (not "Note", not a sentence)."""
    from corpus.outline.name_lines import MAX_NAME_WORDS, name_like

    words = name.split()
    return name[-1:] not in ".?!,;" and len(words) <= MAX_NAME_WORDS and name_like(" ".join(words))


def _names(pattern: re.Pattern[str], lines: list[str]) -> Counter[str]:
    """The names ``pattern`` reads with a time, each with how many lines it heads."""
    matches = (pattern.fullmatch(line.rstrip()) for line in lines)
    return Counter(
        found.group("name").strip() for found in matches if found and _named(found.group("name"))
    )


def _count(pattern: re.Pattern[str], lines: list[str]) -> int:
    return sum(1 for line in lines if pattern.fullmatch(line.rstrip()))


def _emit(parts: list[str], length: int, line: str) -> int:
    """Append ``line`` (a newline before it unless it is the first); the new length."""
    if parts:
        parts.append("\n")
        length += 1
    parts.append(line)
    return length + len(line)


def _lift_hashes(line: str, start: int, times: list[tuple[int, float]]) -> str:
    """``line`` without its ``#00:01:02-3#`` stamps, each time kept where it stood (the
    time the words after it start)."""
    kept: list[str] = []
    last = 0
    for found in _HASH_TIME.finditer(line):
        kept.append(line[last : found.start()])
        offset = start + sum(map(len, kept))
        times.append((offset, seconds(found.group("time"))))
        last = found.end()
    kept.append(line[last:])
    return "".join(kept)


def _ordered(times: list[tuple[int, float]]) -> tuple[tuple[int, float], ...]:
    """One time per offset (the last: an end stamp gives way to the next turn's start)."""
    kept: list[tuple[int, float]] = []
    for offset, at in sorted(times, key=lambda pair: pair[0]):
        if kept and kept[-1][0] == offset:
            kept[-1] = (offset, at)
        else:
            kept.append((offset, at))
    return tuple(kept)
