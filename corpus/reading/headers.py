"""A speaker's header line: a name and the time its turn began, as tools write the two.

Speech-to-text, podcast and meeting tools head each turn with its speaker and its time in
layouts that look unlike each other but fill the same three slots, a time, a name, a time:

    [00:00:02] Jane Doe: words              a time, the name, a colon (Descript)
    [00:00:02] Jane Doe                     the words on the lines below (Trint)
    00:12:03 Jane Doe                       a bare running time (a hearing's record)
    [00:00:02] **Jane Doe**: words          a bold name after the time
    [Jane Doe] [02:13] words                a name in brackets, the time after it
    [Jane Doe] words                        a name in brackets and no time
    00:00:05 <v Jane Doe>words              a subtitle voice tag after the time
    **Jane Doe** [02:13]                    a bold name, the time after it
    Jane Doe (00:01:02): words              the time in brackets after it (Rev)
    Jane Doe (00:01:02) - words             ... and a dash
    Jane Doe – 00:01:02 / Jane Doe  0:05    the words below (Otter, Zoom, Teams)
    Jane Doe: [00:00:02] words              the time after the colon (Sonix)
    Speaker 0: 00:00:00                     ... the words below

:func:`read_header` reads a line by this one grammar. A line it reads is only a candidate:
whether a document heads its turns so is for :mod:`corpus.reading.stamps` to decide from
how the same names recur in the same layout.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from corpus.times import TS, seconds

#: A word of a name: a letter first; ``SPEAKER_01`` and ``O'Neil`` are words too.
_WORD = r"[^\W\d_][\w'’.&-]*"
#: A name: up to twelve words, a number after a word ("Speaker 2") but never a time's first
#: field ("Jane Doe 00:00:03" is Jane Doe at 00:00:03).
_NAME = rf"{_WORD}(?:[ \t]+(?:{_WORD}|\d{{1,3}}(?![\d.,]|:\d))){{0,11}}"
#: A time of day's half (``2:41 P.M.``): bare before a name, a dateline, not a header.
_TIME_OF_DAY = re.compile(r"[AaPp]\.?[Mm]\b")
#: A dash, en or em dash, or bar setting a time off from a name.
_DASH = r"[-–—|]"


@cache
def _grammar() -> re.Pattern[str]:
    return re.compile(
        rf"""[ \t]*
        (?:(?P<lead>{TS})[ \t]*(?:{_DASH}[ \t]*)?)?
        (?:\\?\[(?P<bracketed>{_NAME})\\?\]
          |<v(?:\.[\w.-]+)*[ \t]+(?P<voice>[^<>\n]{{1,60}}?)[ \t]*>
          |\*\*(?P<bold>{_NAME})[ \t]*(?P<bold_colon>[:：])?\*\*
          |(?P<plain>{_NAME}))
        [ \t]*(?P<colon>[:：](?=[ \t]|$))?[ \t]*
        (?:(?:{_DASH}[ \t]*)?(?P<trail>{TS})(?!\w)
          [ \t]*(?P<after>[:：]|{_DASH}(?=[ \t]|$))?[ \t]*)?
        (?P<rest>.*)""",
        re.VERBOSE,
    )


@dataclass(frozen=True, slots=True)
class Header:
    """A header line's speaker, its time (None for a bracketed name alone) and words."""

    name: str
    seconds: float | None
    rest: str
    """The turn's words on the header's own line ("" when they are on the lines below)."""
    layout: tuple[str, str, str]
    """The slots the line fills, (time before, how the name is written, time after):
    lines in one layout are one convention, and recur as one."""


def read_header(line: str) -> Header | None:
    """The header ``line`` is by the grammar (see the module), or None."""
    found = _grammar().fullmatch(line.rstrip()) if line and not line.isspace() else None
    if found is None:
        return None
    lead, trail = found.group("lead"), found.group("trail")
    if lead is not None and lead[0].isdigit() and _TIME_OF_DAY.search(lead):
        return None  # "2:41 P.M. EST": a dateline's time of day, not a running time
    rest = found.group("rest").strip()
    if found.group("bracketed") is not None:
        style, name = "brackets", found.group("bracketed")
    elif found.group("voice") is not None:
        # A subtitle voice tag in a text export ("00:00:05 <v Jane Doe>words"), the same
        # speaker's tag again inside the line dropped with it.
        style, name = "voice", found.group("voice")
        rest = re.sub(rf"<v(?:\.[\w.-]+)*[ \t]+{re.escape(name)}[ \t]*>", "", rest).strip()
        name = f"Speaker {name}" if name.isdigit() else name  # a diarizer's <v 1>
    elif found.group("bold") is not None:
        style, name = "bold", found.group("bold")
    else:
        style, name = "plain", found.group("plain")
        if trail is None and (lead is None or (rest and found.group("colon") is None)):
            # a name without a time is a label, the outline's to read; "00:12 Then we
            # left" a time and a sentence (a name after a time ends its line or a colon)
            return None
        if trail is not None and rest and not (found.group("after") or found.group("colon")):
            return None  # "Jane Doe 00:05 words": a time inside a sentence
    name = " ".join(name.split())
    if not _named(name):
        return None
    time = lead or trail
    layout = (
        "time" if lead else "",
        style + (":" if found.group("colon") or found.group("bold_colon") else ""),
        "time" if trail else "",
    )
    return Header(name, seconds(time) if time else None, rest, layout)


@lru_cache(maxsize=4096)  # a document's few names head thousands of lines
def _named(name: str) -> bool:
    """``name`` names a speaker as a name line would (not "Note", not a sentence)."""
    from corpus.outline.name_lines import MAX_NAME_WORDS, name_like

    return name[-1:] not in ".?!,;" and len(name.split()) <= MAX_NAME_WORDS and name_like(name)
