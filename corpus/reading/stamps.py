"""Transcription tools' time stamps in text, Markdown and Word exports, moved out of the words.

Tools head each turn with its speaker and its time: Otter ``Speaker 1  0:05`` over the
turn, Rev ``Jane Doe (00:01:02):``, Descript ``[00:00:02] Jane Doe: ...``, Sonix ``Jane
Doe: [00:00:02] ...``, a hearing's record ``00:12:03 Jane Doe`` bare, podcast pages
``[Jane Doe] [02:13] ...`` or ``**Jane Doe** [02:13]``, all read by one grammar
(:mod:`corpus.reading.headers`); f4transkript and MAXQDA write ``#00:01:02-3#`` at the end
of a turn, Google Meet a line ``00:05:00`` every few minutes. Left in, the times would be
read as words (in a question's text, in a sentence) and shown as the interview. Here each
goes into ``Document.times`` at the offset of the words it stamps, a header and the turn
under it become one paragraph ``Name: words`` (as the subtitle and Word readers write
turns), a speaker's long turn cut in blocks, each with its time, stays one turn, and a
time line alone is dropped. A layout is taken for a convention only when the same name
heads two of its lines or more: a single "[10:30]" in a sentence stays words, an agenda's
"10:30 Opening Remarks" lines name nobody twice, and ``[Laughter]`` opening a few
paragraphs stays a note; a time of day before a name ("2:41 P.M. EST") is a dateline,
never a header.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from corpus.reading.formats import Document
from corpus.reading.headers import Header, read_header
from corpus.times import TIME_ONLY, TS, seconds

#: Any time at all, or a line opening with a bracket or bold: a file without either has no
#: stamps and no bracketed names (and its reading stays this cheap).
_MAY_HAVE_HEADERS = re.compile(r"\d:\d\d|^[ \t]*(?:\[|\*\*)", re.M)
#: ``#00:01:02-3#`` (f4transkript, MAXQDA), wherever it stands in a line.
_HASH_TIME = re.compile(r"[ \t]*#(?P<time>\d{1,2}:\d{2}:\d{2})(?:[-.,]\d+)?#")
#: A line of words that opens with a time (no speaker named): ``00:06:40 Oh, did you?``.
_TIMED_WORDS = re.compile(rf"[ \t]*(?P<time>{TS})(?![ \t]*[AaPp]\.?[Mm]\b)[ \t]+(?P<words>\S.*)")
#: A name in brackets inside a line: ``[Laughter]`` as a note, not a speaker's header.
_BRACKETED_INSIDE = re.compile(r"(?<=\S)[ \t]*\\?\[(?P<name>[^\[\]\n]{1,60})\\?\]")


def lift_stamps(document: Document) -> Document:
    """``document`` with tools' time stamps moved into ``Document.times`` (see the module);
    the lines it marks as headings still marked where they moved to."""
    text = document.text
    if not _MAY_HAVE_HEADERS.search(text):
        return document
    lines = text.split("\n")
    headers = _believed(text, lines, [read_header(line) for line in lines])
    hashes = sum(len(_HASH_TIME.findall(line)) for line in lines) >= 2
    alone = _count(TIME_ONLY, lines) >= 2
    if not any(headers) and not hashes and not alone:
        return document
    parts: list[str] = []
    times: list[tuple[int, float]] = []
    moved: dict[int, int] = {}  # where an untouched line starts: before -> after
    length = 0
    before = 0
    pending: str | None = None  # the label the next line of words opens with
    speaking: str | None = None  # who the last header named
    heading_lines = {at for at, _ in document.headings}
    # Headers that open with the time: a line that opens with one and names nobody goes on
    # with the last speaker ("00:06:40 Oh, did you?" under "00:06:35 <v Jane Doe>...").
    led = any(header is not None and header.layout[0] for header in headers)
    for line, header in zip(lines, headers, strict=True):
        starts, before = before, before + len(line) + 1
        if alone and TIME_ONLY.fullmatch(line):
            times.append((length + 1 if parts else 0, seconds(line)))
            continue
        if header is None and led and speaking is not None:
            timed = _TIMED_WORDS.fullmatch(line)
            if timed is not None:
                times.append((length + 1 if parts else 0, seconds(timed["time"])))
                line = timed["words"]
        if header is not None:
            if pending:  # a name line with no words under it
                length = _emit(parts, length, pending)
            if header.seconds is not None:
                times.append((length, header.seconds))
            # A speaker's long turn cut in blocks, each with its time, is one turn.
            pending = "" if header.name == speaking else f"{header.name}:"
            speaking = header.name
            if not header.rest:
                continue
            line = f"{pending} {header.rest}".lstrip()
        elif pending is not None:
            if not line.strip():
                continue  # the blank line between a name line and its words
            line = f"{pending} {line.strip()}".lstrip()
        else:
            moved[starts] = length + 1 if parts else 0
            if starts in heading_lines:
                speaking = None  # a new part: its first turn names its speaker again
        pending = None
        if hashes:
            line = _lift_hashes(line, length + 1 if parts else 0, times)
        length = _emit(parts, length, line)
    if pending:
        length = _emit(parts, length, pending)
    headings = tuple((moved[at], level) for at, level in document.headings if at in moved)
    return replace(document, text="".join(parts), times=_ordered(times), headings=headings)


def _believed(text: str, lines: list[str], found: list[Header | None]) -> list[Header | None]:
    """The headers the document bears out, the others None: a layout is a convention
    where one of its names heads two lines or more. A name in brackets with no time has a
    note's shape too (``[Laughter]``): that layout is one where two names each head two
    lines or more and its lines open half the paragraphs at least (notes open a few), and
    its names are those that head two, never in brackets inside a line as notes are."""
    counts = Counter((h.layout, h.name) for h in found if h is not None)
    recurring = Counter(layout for (layout, _), count in counts.items() if count >= 2)
    notes = (
        {m.group("name").strip() for m in _BRACKETED_INSIDE.finditer(text)}
        if any(layout[1].startswith("brackets") and not layout[2] for layout in recurring)
        else set()
    )
    untimed = sum(1 for h in found if h is not None and h.seconds is None)
    believed: list[Header | None] = []
    for header in found:
        if header is None or (header.layout, header.name) not in counts:
            believed.append(None)
        elif header.seconds is not None:
            believed.append(header if recurring[header.layout] else None)
        elif header.layout[1] != "brackets":
            believed.append(None)  # "**Jane Doe**: words" is a label, the outline's to read
        else:
            ok = (
                recurring[header.layout] >= 2
                and 2 * untimed >= _openings(lines)
                and counts[(header.layout, header.name)] >= 2
                and header.name not in notes
            )
            believed.append(header if ok else None)
    return believed


def _openings(lines: list[str]) -> int:
    """How many paragraphs open: lines after a blank line (or each line, in a text with
    no blank lines)."""
    blank = [not line.strip() for line in lines]
    if not any(blank):
        return len(lines)
    return sum(1 for at, line in enumerate(lines) if not blank[at] and (at == 0 or blank[at - 1]))


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
