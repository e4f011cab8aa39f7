"""Subtitle files (WebVTT, SRT) as the text of an interview, with each cue's start time.

Recording and meeting tools write transcripts as subtitles: short cues, a few words each,
each with its times, the speaker given by a voice tag (``<v Jane Doe>``) or a ``Name:``
prefix. Read as text, the cue numbers and times would drown the words. Here the cues of
one speaker become one paragraph, ``Name: words``, so the outline sees labelled turns
(cues that name no speaker at all keep a line each, for :mod:`corpus.outline.unlabelled`);
markup inside cues (``<b>``, ``<i>``, ``<c.loud>``) is dropped, and the times go into
``Document.times`` instead of the text. webvtt-py parses both formats.

Captions also run two speakers into one cue, the second label on a later line
(``Control takes a lot of work.`` / ``Man: Right.``): the cue is cut there, and when the
cue carried on a turn and the label's words are a short aside, the next cue that names
nobody goes back to the speaker broken in on. A known speaker's name with no space after
its colon (``DiBona:...version``, a sentence resumed) is their label too.

Subtitles that name nobody often open a new speaker's words with a dash (``- Ready?`` /
``- Yes.``, two speakers in one cue): in a file with several such lines each dash starts
a turn as ``>>`` does, and the dash is dropped from the words. A pause between cues that
name nobody starts a new paragraph only where the words either side bear out a change of
speaker (:mod:`corpus.reading.pauses`).
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, replace

from corpus.reading.captions import parse_captions
from corpus.reading.decode import decode_bytes
from corpus.reading.formats import Document
from corpus.reading.pauses import pause_opens_turn

#: A speaker label at the start of a cue: up to four words and a colon, alone on its line
#: or before the words: ``Sauer:``, ``MS. PSAKI:``, ``Jane Doe:``, a recording tool's
#: ``Speaker 1:``, a display name with a note in brackets (``Ann Lee (she/her):``) or in
#: lower case (``ann.lee:``), a diarizer's ``SPEAKER_00:`` or, as WhisperX writes it, in
#: brackets (``[SPEAKER_00]:``). Only a label that opens two cues or more is taken for one.
_NAME = r"(?P<label>[^\W_][\w.'’-]*(?: [^\W_][\w.'’-]*){0,3}(?: \([^()\n]{1,40}\))?)"
_LABEL = re.compile(r"(?P<open>\[)?" + _NAME + r"(?(open)\]) ?:(?:\s+|$)(?P<rest>.*)", re.S)
#: A label with no space after its colon, ``DiBona:...version``: taken only for a name
#: that labels other cues (else ``10:30`` or ``http://`` would be speakers).
_TIGHT_LABEL = re.compile(_NAME + r":(?P<rest>[^\s/\d].*)", re.S)
#: A voice tag opening a cue: ``<v Jane Doe>`` or ``<v.loud Jane Doe>``.
_VOICE = re.compile(r"\s*<v(?:\.[\w.-]+)*\s+(?P<name>[^>]+)>")
#: A diarizer's voice that is a number only (``<v 0>``, ``<v 1>``): its speaker's id.
_NUMBERED_VOICE = re.compile(r"\d{1,3}")
#: Broadcast captions mark a change of speaker with ``>>`` (the name unknown).
_CHANGE = re.compile(r"\s*(?:>>|&gt;&gt;)\s*")
#: Subtitles without names mark a change of speaker by a dash opening a cue or a cue's
#: line (``- Are you ready?`` / ``- Yes.``): a hyphen or en dash before the words.
_DASH = re.compile(r"\s*[-–‐](?=\s*[^\W\d_]|\s*[\"'“‘¿¡])\s*")
#: The dash is read as a change of speaker only in a file that uses it so: this many
#: lines opened by one at least (one stray ``-`` is a hyphen or a list, not a convention).
_DASHED_LINES = 3
#: Up to this many words by someone else inside a speaker's turn are an aside: a label
#: inside a cue ("Man: Right."), a cue of its own inside a sentence ("Yeah.", "Oh,").
_ASIDE_WORDS = 3
#: The end of a sentence at the end of a cue (closing quotes and brackets aside).
_SENTENCE_END = re.compile(r"[.?!…][\"'”’)\]]*$")
#: Without speakers, a pause this long (seconds) between cues starts a new paragraph
#: where the words either side bear out a new turn (:mod:`corpus.reading.pauses`); a
#: shorter one either side of another speaker's few words leaves them in the flow of talk.
_PAUSE = 2.0
#: The sentence after a pause is read over this many cues at most.
_SENTENCE_CUES = 4
#: Someone who has talked this long (seconds) holds the floor: a listener's few words then
#: are a back-channel ("Yeah."), not a turn.
_HELD = 5.0


@dataclass(frozen=True, slots=True)
class _Cue:
    start: float
    end: float
    speaker: str | None
    """The cue's speaker when it names one; None when it carries on the last speaker's turn."""
    new_turn: bool
    text: str
    labelled: bool = False
    """The speaker came from a ``Name:`` in the cue's text (not a voice tag)."""
    aside: bool = False
    """A few labelled words after another speaker's inside one cue (``Man: Right.``)."""


def read_subtitles(data: bytes, name: str, suffix: str) -> Document:
    """The text and cue times of a ``.vtt`` or ``.srt`` file's bytes; CorpusError if broken."""
    captions = parse_captions(decode_bytes(data, name), name, suffix)
    dashes = _uses_dashes(captions)
    cues = [cue for caption in captions for cue in _cues(caption, dashes)]
    cues = _resumed(_confirmed_labels(cues))
    cues = _crosstalk_after(_carried_speakers(cues))
    return _document([cue for cue in cues if cue.text or cue.speaker])


def _carried_speakers(cues: list[_Cue]) -> list[_Cue]:
    """Each cue with the speaker it is said by: a cue naming nobody carries on the last
    speaker's turn (``>>`` alone starts an unknown speaker's)."""
    speaker: str | None = None
    carried = []
    for cue in cues:
        if cue.speaker is not None:
            speaker = cue.speaker
        elif cue.new_turn:
            speaker = None
        carried.append(cue if cue.speaker is not None else replace(cue, speaker=speaker))
    return carried


def _crosstalk_after(cues: list[_Cue]) -> list[_Cue]:
    """Another speaker's few words inside a speaker's talk make no turn there, each cue
    keeping its time. A sentence cut by them reads whole: in "So how did" / "Yeah." / "the
    desk cope?" the interjection moves after the cue that finishes the sentence. A
    back-channel said, without a pause either side, between two sentences of someone who
    has held the floor a while ("... a PR in the end." / "Yeah." / "And I'll plan that
    out.") moves after that speaker's run of cues, where it opens its speaker's next turn
    (a turn of its own before a question they put, so the question reads from its start).
    A question ("And then?") is a turn of its own, never an interjection, and so is the
    reply to one."""
    moved = list(cues)
    index = 0
    while index < len(moved) - 2:
        cue = moved[index]
        after = index + 1
        while after < len(moved) and _interjects(moved[after], cue.speaker):
            after += 1
        if cue.speaker is None or not index + 1 < after < len(moved):
            index += 1
            continue
        resumed = moved[after]
        if resumed.speaker != cue.speaker:
            index += 1
            continue
        aside = moved[index + 1 : after]
        if _unfinished(cue.text) and _goes_on(cue.text, resumed.text):
            moved[index + 1 : after + 1] = [resumed, *aside]
        elif _back_channel(moved, index, aside, resumed):
            end = after
            while end + 1 < len(moved) and moved[end + 1].speaker == cue.speaker:
                end += 1
            moved[index + 1 : end + 1] = [*moved[after : end + 1], *aside]
            _apart_from_a_question(moved, end + 1)
        index += 1
    return moved


def _apart_from_a_question(cues: list[_Cue], at: int) -> None:
    """A back-channel just moved before ``cues[at]`` stays a turn of its own when its
    speaker's turn that goes on from ``cues[at]`` ends in a question."""
    if not 0 < at < len(cues) or cues[at].speaker != cues[at - 1].speaker:
        return
    last = at
    while last + 1 < len(cues) and cues[last + 1].speaker == cues[at].speaker:
        last += 1
    if cues[last].text.endswith("?"):
        cues[at] = replace(cues[at], new_turn=True)


def _interjects(cue: _Cue, speaker: str | None) -> bool:
    """A few words of someone else's that ask nothing."""
    return (
        cue.speaker not in (None, speaker)
        and len(cue.text.split()) <= _ASIDE_WORDS
        and not cue.text.endswith("?")
    )


def _back_channel(cues: list[_Cue], index: int, aside: list[_Cue], resumed: _Cue) -> bool:
    """``aside`` (after ``cues[index]``, before ``resumed``) is said while the speaker of
    ``cues[index]`` holds the floor: after a sentence that asks nothing, with no pause
    before or after it, once the speaker has talked for ``_HELD`` seconds."""
    cue = cues[index]
    if cue.text.endswith("?") or _unfinished(cue.text):
        return False
    if not 0 <= aside[0].start - cue.start < cue.end - cue.start + _PAUSE:
        return False  # said before the sentence (moved here already) or after a pause
    if not 0 <= resumed.start - aside[-1].end < _PAUSE:
        return False  # a pause, or one caption's two speakers in the order they spoke
    first = index
    while first > 0 and cues[first - 1].speaker == cue.speaker:
        first -= 1
    return cue.end - cues[first].start >= _HELD


def _goes_on(text: str, following: str) -> bool:
    """``following`` carries on the sentence ``text`` left open: it starts in lower case, or
    ``text`` stops at a comma or a dash."""
    return following[:1].islower() or text.rstrip().endswith((",", "-", "—", "–"))


def _unfinished(text: str) -> bool:
    """The cue stops inside a sentence: no full stop, question or exclamation mark at its end."""
    return bool(text) and not _SENTENCE_END.search(text)


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
        _Cue(seg.start, seg.end, seg.speaker, False, _plain(seg.text), seg.speaker is not None)
        for seg in segments
    ]
    return _document([cue for cue in cues if cue.text or cue.speaker])


def _confirmed_labels(cues: list[_Cue]) -> list[_Cue]:
    """Cues whose ``Name:`` opens only one cue in the file lose it as a speaker: a speaker
    speaks more than once, but "Look: ..." or "Note: ..." in a sentence is a one-off. A
    speaker's name with no space after its colon is their label too."""
    counts = Counter(cue.speaker for cue in cues if cue.labelled)
    confirmed = []
    for cue in cues:
        if cue.labelled and counts[cue.speaker] < 2:
            cue = replace(
                cue, speaker=None, labelled=False, text=f"{cue.speaker}: {cue.text}".rstrip()
            )
        tight = _TIGHT_LABEL.fullmatch(cue.text) if cue.speaker is None else None
        if tight is not None and counts[tight.group("label")] >= 2:
            cue = replace(
                cue, speaker=tight.group("label"), text=tight.group("rest"), labelled=True
            )
        confirmed.append(cue)
    return confirmed


def _uses_dashes(captions: list[object]) -> bool:
    """The file marks changes of speaker by dashes: several cue lines open with one."""
    lines = (line for caption in captions for line in str(getattr(caption, "text", "")).split("\n"))
    return sum(_DASH.match(_strip_tags(line)) is not None for line in lines) >= _DASHED_LINES


def _voice_name(voice: str) -> str:
    """The speaker a voice tag names: ``<v 1>`` (a diarizer numbers its voices) is
    ``Speaker 1``, as other tools write it, so the number reads as a speaker's label."""
    voice = " ".join(voice.split())
    return f"Speaker {voice}" if _NUMBERED_VOICE.fullmatch(voice) else voice


def _cues(caption: object, dashes: bool = False) -> list[_Cue]:
    """A caption's cue; several when a line inside it opens with another speaker's label
    (``Control takes work.`` / ``Man: Right.``) or, in a file that uses ``dashes``, with a
    dash (``- Are you ready?`` / ``- Yes.``)."""
    from webvtt.models import Caption

    assert isinstance(caption, Caption)
    raw = caption.raw_text
    speaker: str | None = None
    new_turn = False
    voice = _VOICE.match(raw)
    if voice:
        speaker = _voice_name(voice.group("name"))
    change = _CHANGE.match(raw)
    if change is None and dashes and _DASH.match(_strip_tags(raw)):
        raw = _strip_tags(raw)
        change = _DASH.match(raw)
    if change:
        new_turn = True
        raw = raw[change.end() :]
    start = caption.start_time.in_milliseconds() / 1000
    end = caption.end_time.in_milliseconds() / 1000
    lines = (caption.text if not change else _strip_tags(raw)).split("\n")
    if speaker is not None:
        return [_Cue(start, end, speaker, new_turn, _plain(" ".join(lines)))]
    pieces = [[lines[0]]]
    for line in lines[1:]:
        if _LABEL.fullmatch(_plain(line)) or _changes(line, dashes):
            pieces.append([])
        pieces[-1].append(line)
    cues: list[_Cue] = []
    for index, piece in enumerate(pieces):
        # A ">>" inside the cue also marks a change of speaker.
        inner = _changes(piece[0], dashes) if index else None
        words = _plain(" ".join(piece)[inner.end() :] if inner else " ".join(piece))
        label = _LABEL.fullmatch(words)
        named = label.group("label") if label else None
        words = label.group("rest").strip() if label else words
        opens = new_turn if index == 0 else inner is not None
        # An aside breaks in on a turn the cue carries on (its first line names nobody);
        # after a cue that opens with a label ("Sauer: Um..." / "Hammant: Well, no.")
        # the last label holds.
        aside = index > 0 and not cues[0].labelled and len(words.split()) <= _ASIDE_WORDS
        cues.append(_Cue(start, end, named, opens, words, label is not None, aside))
    return cues


def _changes(line: str, dashes: bool) -> re.Match[str] | None:
    """The ``>>`` (or, in a file that uses them, the dash) that opens ``line`` as a new
    speaker's words."""
    return _CHANGE.match(line) or (_DASH.match(line) if dashes else None)


def _resumed(cues: list[_Cue]) -> list[_Cue]:
    """After an aside inside a cue (``Control takes work.`` / ``Man: Right.``) the speaker
    it broke in on goes on: captions label a change of speaker, not a return from an
    interjection, so the next unlabelled cue is given back to them."""
    result: list[_Cue] = []
    speaker: str | None = None
    before: str | None = None
    for cue in cues:
        last = result[-1] if result else None
        if cue.speaker is None and not cue.new_turn and last and last.aside and last.labelled:
            cue = replace(cue, speaker=before)
        if cue.speaker != speaker and (cue.speaker is not None or cue.new_turn):
            before, speaker = speaker, cue.speaker
        result.append(cue)
    return result


def _strip_tags(text: str) -> str:
    return re.sub(r"<[^>\n]*>", "", text)


def _plain(text: str) -> str:
    """Cue text as plain words: tags and entities resolved, lines joined by one space."""
    return " ".join(html.unescape(_strip_tags(text)).split())


def _document(cues: list[_Cue]) -> Document:
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
            and cue.start - last_end >= _PAUSE
            and (not punctuated or pause_opens_turn(previous, _sentence_from(cues, index)))
        )
        if parts and (changed or cue.new_turn or paused):
            parts.append("\n\n")
            length += 2
        elif parts:
            # Without speakers each cue keeps a line (the outline reads turns from them),
            # but a question cut across cues is one line.
            joined = has_speakers or (asks and _unfinished(previous))
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


def _sentence_from(cues: list[_Cue], index: int) -> str:
    """The words from ``cues[index]`` to the end of the sentence it opens (a few cues at
    most): what follows a pause, read as a whole."""
    words = []
    for cue in cues[index : index + _SENTENCE_CUES]:
        words.append(cue.text)
        if not _unfinished(cue.text):
            break
    return " ".join(words)


def _asking(cues: list[_Cue]) -> list[bool]:
    """For each cue, whether the sentence it is part of ends in a question mark (in this
    cue or in the cues after it that carry the sentence on)."""
    asking = [False] * len(cues)
    carried = False
    for index in range(len(cues) - 1, -1, -1):
        text = cues[index].text
        carried = text.endswith("?") or (_unfinished(text) and carried)
        asking[index] = carried
    return asking


def _punctuated(cues: list[_Cue]) -> bool:
    """A file that punctuates: a third of its cues end a sentence (captions
    in capitals without punctuation end none, and their cue ends say nothing)."""
    return 3 * sum(not _unfinished(cue.text) for cue in cues if cue.text) >= len(cues)


def _dedupe(times: list[tuple[int, float]]) -> tuple[tuple[int, float], ...]:
    """One time per offset (the first), so the map stays a function of the offset."""
    kept: list[tuple[int, float]] = []
    for offset, seconds in times:
        if not kept or offset > kept[-1][0]:
            kept.append((offset, seconds))
    return tuple(kept)
