"""A subtitle file's captions, parsed by webvtt-py after checks of its own.

webvtt-py reads WebVTT and SRT, but quietly loses words in two kinds of damaged file: an
SRT file cut inside its last timing line drops that cue, and a cue whose timing line is
gone is dropped (WebVTT) or run into the cue before (SRT). It also takes a time such as
``00:00:99,000`` (99 seconds) as if it were well written, though minutes and seconds run to
59 only: a tool that writes it is broken, and its times cannot be trusted. All of these
are refused here with one line naming the file, the line and what to do, as are the files
webvtt-py itself refuses.
"""

from __future__ import annotations

import io
import re

from corpus.errors import CorpusError

#: A cue's timing line: ``00:00:01.000 --> 00:00:02.500`` (SRT: commas), settings after it.
_STAMP = r"(?:\d+:)?\d{2}:\d{2}[.,]\d{3}"
_TIMING = re.compile(rf"\s*{_STAMP}\s+-->\s+{_STAMP}(?:\s|$)")
#: A time's fields: hours perhaps, minutes, seconds and milliseconds.
_FIELDS = re.compile(r"(?:(?P<hours>\d+):)?(?P<minutes>\d{2}):(?P<seconds>\d{2})[.,](?P<ms>\d{3})")
#: Minutes and seconds run from 00 to 59.
_SIXTY = 60
#: WebVTT blocks that are no cues: comments, style sheets, regions.
_NOT_CUES = ("NOTE", "STYLE", "REGION")


def parse_captions(text: str, name: str, suffix: str) -> list[object]:
    """The captions of a subtitle file's text; CorpusError naming ``name`` if damaged."""
    import webvtt
    from webvtt.errors import MalformedCaptionError, MalformedFileError

    kind = "WebVTT" if suffix == ".vtt" else "SRT"
    fmt = "vtt" if suffix == ".vtt" else "srt"
    for number, line in enumerate(text.splitlines(), start=1):
        if _broken_timing(line):  # webvtt-py drops a last SRT cue cut inside its timing line
            raise CorpusError(
                f"{name}: line {number} is not a valid {kind} cue timing "
                f"({line.strip()[:60]!r}, the file may be cut short); fix the cue or export "
                "the subtitles again"
            )
        _check_clock(line, name, number)
    untimed = _untimed_block(text, suffix)
    if untimed is not None:  # webvtt-py drops such a block or runs it into the cue before
        raise CorpusError(
            f"{name}: is not a valid {kind} file (a cue has no timing line: "
            f"{untimed.strip()[:60]!r}); give the cue its '00:00:01{',' if fmt == 'srt' else '.'}"
            "000 --> ...' line or export the subtitles again"
        )
    try:
        captions = webvtt.WebVTT.from_buffer(io.StringIO(text), format=fmt, strict=True).captions
    except MalformedCaptionError as error:
        raise CorpusError(
            f"{name}: is not a valid {kind} file (a cue's timing is broken: {_first_line(error)}); "
            "fix the cue or export the subtitles again"
        ) from None
    except MalformedFileError:
        raise CorpusError(
            f"{name}: is not a valid {kind} file (no cue with a start and end time where one "
            "should be); check the file or export the subtitles again"
        ) from None
    if not captions:  # a subtitle file holds its words in cues: none is a failed export
        raise CorpusError(
            f"{name}: is a {kind} file without a single cue (no words with times); "
            "export the subtitles again, or save the words as a .txt file"
        )
    return list(captions)


def _untimed_block(text: str, suffix: str) -> str | None:
    """The first lines of a block of lines (blank lines apart) that should be a cue but has
    no timing line; None when every cue has one. WebVTT's header, notes, styles and
    regions are no cues."""
    blocks = [block for block in re.split(r"\r?\n[ \t]*\r?\n", text.strip()) if block.strip()]
    if suffix == ".vtt":
        blocks = blocks[1:]  # the WEBVTT header
    for block in blocks:
        if "-->" in block or block.lstrip().startswith(_NOT_CUES):
            continue
        return " / ".join(block.strip().splitlines()[:2])
    return None


def _check_clock(line: str, name: str, number: int) -> None:
    """CorpusError when a timing line holds a time whose minutes or seconds are 60 or more
    (``00:00:99,000``): the fix is the same time written as it should be."""
    if "-->" not in line:
        return
    for found in _FIELDS.finditer(line):
        minutes, seconds = int(found["minutes"]), int(found["seconds"])
        if minutes < _SIXTY and seconds < _SIXTY:
            continue
        field = "seconds" if seconds >= _SIXTY else "minutes"
        total = (int(found["hours"] or 0) * _SIXTY + minutes) * _SIXTY + seconds
        hours, rest = divmod(total, _SIXTY * _SIXTY)
        mark = found.group()[-4]  # the comma or full stop before the milliseconds
        fixed = f"{hours:02d}:{rest // _SIXTY:02d}:{rest % _SIXTY:02d}{mark}{found['ms']}"
        raise CorpusError(
            f"{name}: line {number} has the cue time {found.group()!r}, whose {field} are 60 "
            f"or more (minutes and seconds run 00 to 59); write it as {fixed!r} or export "
            "the subtitles again"
        )


def _broken_timing(line: str) -> bool:
    """A cue timing line (``... --> ...``) that is not two whole times."""
    return "-->" in line and not _TIMING.match(line)


def _first_line(error: Exception) -> str:
    return str(error).splitlines()[0][:80] if str(error) else type(error).__name__
