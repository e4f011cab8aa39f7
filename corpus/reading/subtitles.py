"""Subtitle files (WebVTT, SRT) as the text of an interview, with each cue's start time.

Recording and meeting tools write transcripts as subtitles: short cues, a few words each,
each with its times, the speaker given by a voice tag (``<v Jane Doe>``) or a ``Name:``
prefix. Read as text, the cue numbers and times would drown the words. Here the cues of
one speaker become one paragraph, ``Name: words``, so the outline sees labelled turns
(cues that name no speaker at all keep a line each, for :mod:`corpus.outline.unlabelled`);
markup inside cues (``<b>``, ``<i>``, ``<c.loud>``) is dropped, and the times go into
``Document.times`` instead of the text. webvtt-py parses both formats. Who says each cue
is read by :mod:`corpus.reading.subtitle_cues`, another speaker's few words are moved out
of a sentence by :mod:`corpus.reading.crosstalk`.

A pause between cues that name nobody starts a new paragraph only where the words either
side bear out a change of speaker (:mod:`corpus.reading.pauses`).
"""

from __future__ import annotations

from dataclasses import dataclass

from corpus.reading.captions import parse_captions
from corpus.reading.crosstalk import crosstalk_after
from corpus.reading.decode import decode_bytes
from corpus.reading.formats import Document
from corpus.reading.pauses import pause_opens_turn
from corpus.reading.subtitle_cues import PAUSE, Cue, plain, speaker_cues, unfinished

#: The sentence after a pause is read over this many cues at most.
_SENTENCE_CUES = 4


def read_subtitles(data: bytes, name: str, suffix: str) -> Document:
    """The text and cue times of a ``.vtt`` or ``.srt`` file's bytes; CorpusError if broken."""
    captions = parse_captions(decode_bytes(data, name), name, suffix)
    cues = crosstalk_after(speaker_cues(captions))
    return _document([cue for cue in cues if cue.text or cue.speaker])


@dataclass(frozen=True, slots=True)
class TimedWords:
    """One timed stretch of words from a speech-to-text tool (a Whisper segment): when it
    starts and ends (seconds), its words, and its speaker when the tool names one."""

    start: float
    end: float
    text: str
    speaker: str | None = None


def timed_document(segments: list[TimedWords]) -> Document:
    """Timed segments as subtitle cues are read: a speaker's segments one ``Name: words``
    paragraph, segments that name nobody a line each, the start times in the time map."""
    cues = [
        Cue(seg.start, seg.end, seg.speaker, False, plain(seg.text), seg.speaker is not None)
        for seg in segments
    ]
    return _document([cue for cue in cues if cue.text or cue.speaker])


def _document(cues: list[Cue]) -> Document:
    """Cues to paragraphs: one per turn, ``Speaker: words``, and each cue's start offset."""
    parts: list[str] = []
    times: list[tuple[int, float]] = []
    length = 0
    speaker: str | None = None
    last_end: float | None = None
    has_speakers = any(cue.speaker for cue in cues)
    punctuated = not has_speakers and _punctuated(cues)
    asking = _asking(cues) if punctuated else [False] * len(cues)
    previous = ""
    for index, (cue, asks) in enumerate(zip(cues, asking, strict=True)):
        changed = cue.speaker is not None and cue.speaker != speaker
        paused = (
            not has_speakers
            and last_end is not None
            and cue.start - last_end >= PAUSE
            and (not punctuated or pause_opens_turn(previous, _sentence_from(cues, index)))
        )
        if parts and (changed or cue.new_turn or paused):
            parts.append("\n\n")
            length += 2
        elif parts:
            # Without speakers each cue keeps a line (the outline reads turns from them),
            # but a question cut across cues is one line.
            joined = has_speakers or (asks and unfinished(previous))
            parts.append(" " if joined else "\n")
            length += 1
        if cue.speaker is not None:
            speaker = cue.speaker
        elif cue.new_turn:
            speaker = None
        if not times or times[-1][1] != cue.start:  # a cue cut in two keeps one time
            times.append((length, cue.start))
        # A speaker's new turn right after their own (a back-channel) is labelled again.
        labelled = changed or (cue.new_turn and cue.speaker is not None)
        piece = f"{speaker}: {cue.text}".rstrip() if labelled and speaker else cue.text
        parts.append(piece)
        length += len(piece)
        last_end = cue.end
        previous = cue.text
    if parts:
        parts.append("\n")
    return Document("".join(parts), _dedupe(times))


def _sentence_from(cues: list[Cue], index: int) -> str:
    """The words from ``cues[index]`` to the end of the sentence it opens (a few cues at
    most): what follows a pause, read as a whole."""
    words = []
    for cue in cues[index : index + _SENTENCE_CUES]:
        words.append(cue.text)
        if not unfinished(cue.text):
            break
    return " ".join(words)


def _asking(cues: list[Cue]) -> list[bool]:
    """For each cue, whether the sentence it is part of ends in a question mark (in this
    cue or in the cues after it that carry the sentence on)."""
    asking = [False] * len(cues)
    carried = False
    for index in range(len(cues) - 1, -1, -1):
        text = cues[index].text
        carried = text.endswith("?") or (unfinished(text) and carried)
        asking[index] = carried
    return asking


def _punctuated(cues: list[Cue]) -> bool:
    """A file that punctuates: a third of its cues end a sentence (captions
    in capitals without punctuation end none, and their cue ends say nothing)."""
    return 3 * sum(not unfinished(cue.text) for cue in cues if cue.text) >= len(cues)


def _dedupe(times: list[tuple[int, float]]) -> tuple[tuple[int, float], ...]:
    """One time per offset (the first), so the map stays a function of the offset."""
    kept: list[tuple[int, float]] = []
    for offset, seconds in times:
        if not kept or offset > kept[-1][0]:
            kept.append((offset, seconds))
    return tuple(kept)
