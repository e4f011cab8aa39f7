"""A subtitle file's captions as cues, each with the speaker who says it.

Recording and meeting tools name a cue's speaker by a voice tag (``<v Jane Doe>``) or a
``Name:`` prefix; broadcast captions mark a change of speaker with ``>>``. Who says each
cue is read here, apart from how cues become paragraphs (:mod:`corpus.reading.subtitles`),
because every later step (crosstalk, paragraphs, pauses) needs each cue's speaker settled.

Captions also run two speakers into one cue, the second label on a later line
(``Control takes a lot of work.`` / ``Man: Right.``): the cue is cut there, and when the
cue carried on a turn and the label's words are a short aside, the next cue that names
nobody goes back to the speaker broken in on. A known speaker's name with no space after
its colon (``DiBona:...version``, a sentence resumed) is their label too.

Subtitles that name nobody often open a new speaker's words with a dash (``- Ready?`` /
``- Yes.``, two speakers in one cue): in a file with several such lines each dash starts
a turn as ``>>`` does, and the dash is dropped from the words.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, replace

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
ASIDE_WORDS = 3
#: The end of a sentence at the end of a cue (closing quotes and brackets aside).
_SENTENCE_END = re.compile(r"[.?!…][\"'”’)\]]*$")
#: Without speakers, a pause this long (seconds) between cues starts a new paragraph
#: where the words either side bear out a new turn (:mod:`corpus.reading.pauses`); a
#: shorter one either side of another speaker's few words leaves them in the flow of talk.
PAUSE = 2.0


@dataclass(frozen=True, slots=True)
class Cue:
    """One cue's words and times (seconds), as a subtitle file or a recogniser gives them."""

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


def speaker_cues(captions: list[object]) -> list[Cue]:
    """Every caption's cues in order, each with its speaker: a label said once dropped, the
    speaker an aside broke in on given the next cue back, and a cue naming nobody said by
    the last speaker."""
    dashes = _uses_dashes(captions)
    cues = [cue for caption in captions for cue in _cues(caption, dashes)]
    return _carried_speakers(_resumed(_confirmed_labels(cues)))


def _carried_speakers(cues: list[Cue]) -> list[Cue]:
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


def _confirmed_labels(cues: list[Cue]) -> list[Cue]:
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


def _cues(caption: object, dashes: bool = False) -> list[Cue]:
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
        return [Cue(start, end, speaker, new_turn, plain(" ".join(lines)))]
    pieces = [[lines[0]]]
    for line in lines[1:]:
        if _LABEL.fullmatch(plain(line)) or _changes(line, dashes):
            pieces.append([])
        pieces[-1].append(line)
    cues: list[Cue] = []
    for index, piece in enumerate(pieces):
        # A ">>" inside the cue also marks a change of speaker.
        inner = _changes(piece[0], dashes) if index else None
        words = plain(" ".join(piece)[inner.end() :] if inner else " ".join(piece))
        label = _LABEL.fullmatch(words)
        named = label.group("label") if label else None
        words = label.group("rest").strip() if label else words
        opens = new_turn if index == 0 else inner is not None
        # An aside breaks in on a turn the cue carries on (its first line names nobody);
        # after a cue that opens with a label ("Sauer: Um..." / "Hammant: Well, no.")
        # the last label holds.
        aside = index > 0 and not cues[0].labelled and len(words.split()) <= ASIDE_WORDS
        cues.append(Cue(start, end, named, opens, words, label is not None, aside))
    return cues


def _changes(line: str, dashes: bool) -> re.Match[str] | None:
    """The ``>>`` (or, in a file that uses them, the dash) that opens ``line`` as a new
    speaker's words."""
    return _CHANGE.match(line) or (_DASH.match(line) if dashes else None)


def _resumed(cues: list[Cue]) -> list[Cue]:
    """After an aside inside a cue (``Control takes work.`` / ``Man: Right.``) the speaker
    it broke in on goes on: captions label a change of speaker, not a return from an
    interjection, so the next unlabelled cue is given back to them."""
    result: list[Cue] = []
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


def unfinished(text: str) -> bool:
    """The cue stops inside a sentence: no full stop, question or exclamation mark at its end."""
    return bool(text) and not _SENTENCE_END.search(text)


def _strip_tags(text: str) -> str:
    return re.sub(r"<[^>\n]*>", "", text)


def plain(text: str) -> str:
    """Cue text as plain words: tags and entities resolved, lines joined by one space."""
    return " ".join(html.unescape(_strip_tags(text)).split())
