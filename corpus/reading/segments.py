"""Speech-to-text segment files (Whisper's ``.tsv`` and ``.json``) as the text of an interview.

Whisper, faster-whisper and WhisperX write what they heard as timed segments: a ``.tsv``
of ``start``, ``end`` (milliseconds) and ``text`` columns, or a ``.json`` whose
``segments`` each hold ``start``, ``end`` (seconds) and ``text`` (WhisperX adds a
``speaker``). Read as text, the times would be words of the interview. Here each segment
is a cue, as in a subtitle file (:mod:`corpus.reading.subtitles`): its words a line of the
text (a speaker's segments one ``Name: words`` paragraph when speakers are given), its
start time in ``Document.times``, never in the text.
"""

from __future__ import annotations

from typing import Annotated

import msgspec
from msgspec import Meta

from corpus.errors import CorpusError
from corpus.reading.decode import decode_bytes
from corpus.reading.formats import Document
from corpus.reading.subtitles import TimedWords, timed_document


class _Segment(msgspec.Struct):
    """One segment of Whisper's ``.json``: seconds from the start, and what was heard
    (WhisperX adds who said it; a speaker that is not a name is left out)."""

    start: Annotated[float, Meta(ge=0)]
    end: Annotated[float, Meta(ge=0)]
    text: str
    speaker: object = None


class _Transcript(msgspec.Struct):
    segments: list[_Segment]


#: Whisper's ``.tsv`` header (the columns it writes, in order).
_TSV_HEADER = ("start", "end", "text")


def read_segments(data: bytes, name: str, suffix: str) -> Document:
    """The text and segment times of a Whisper ``.tsv`` or ``.json`` file; CorpusError if
    the file is not one."""
    text = decode_bytes(data, name)
    segments = _tsv(text, name) if suffix == ".tsv" else _json(text, name)
    if not any(words.text.strip() for words in segments):
        raise CorpusError(
            f"{name}: holds no transcribed words; check that it is the transcript "
            "(Whisper's .tsv or .json output) and not an empty export"
        )
    return timed_document(segments)


def _tsv(text: str, name: str) -> list[TimedWords]:
    """Rows of ``start<TAB>end<TAB>text`` after an optional header: milliseconds, as Whisper
    writes them, unless a time has a decimal point (seconds)."""
    rows = [line.split("\t", 2) for line in text.splitlines() if line.strip()]
    if rows and tuple(cell.strip().lower() for cell in rows[0]) == _TSV_HEADER:
        rows = rows[1:]
    parsed: list[tuple[str, str, str]] = []
    for number, row in enumerate(rows, 1):
        if len(row) != 3:
            raise CorpusError(
                f"{name}: is not a speech-to-text .tsv (row {number} is not start, end and "
                "text separated by tabs); export the transcript again as Whisper's tsv"
            )
        parsed.append((row[0].strip(), row[1].strip(), row[2]))
    seconds = any("." in start or "." in end for start, end, _ in parsed)
    scale = 1.0 if seconds else 1000.0
    return [
        TimedWords(
            _time(start, name, number) / scale, _time(end, name, number) / scale, words, None
        )
        for number, (start, end, words) in enumerate(parsed, 1)
    ]


def _time(value: str, name: str, number: int) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not seconds >= 0:  # also refuses nan
        raise CorpusError(
            f"{name}: is not a speech-to-text .tsv (row {number} has {value[:20]!r} for a "
            "time); export the transcript again as Whisper's tsv"
        ) from None
    return seconds


def _json(text: str, name: str) -> list[TimedWords]:
    """``{"segments": [{"start": s, "end": s, "text": "..."}, ...]}`` (or the bare list),
    decoded against the segment shape: any other field is ignored."""
    try:
        value = msgspec.json.decode(text, type=_Transcript | list[_Segment])
    except msgspec.ValidationError as error:
        raise CorpusError(
            f"{name}: is not a speech-to-text JSON transcript ({error}); "
            "export the transcript again as Whisper's json"
        ) from None
    except msgspec.DecodeError:
        raise CorpusError(
            f"{name}: is not valid JSON; export the transcript again as Whisper's json"
        ) from None
    segments = value.segments if isinstance(value, _Transcript) else value
    return [
        TimedWords(s.start, s.end, s.text, s.speaker if isinstance(s.speaker, str) else None)
        for s in segments
    ]
