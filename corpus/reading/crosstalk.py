"""Another speaker's few words inside a speaker's talk, moved out of the way.

Captions keep the order in which words were heard, so a listener's "Yeah." can cut a
sentence in two, or sit between two sentences of someone who holds the floor. Read as
text, each such word would end one turn and start another. Each cue keeps its time; only
where it stands in the document changes (:func:`crosstalk_after`).
"""

from __future__ import annotations

from dataclasses import replace

from corpus.reading.subtitle_cues import ASIDE_WORDS, PAUSE, Cue, unfinished

#: Someone who has talked this long (seconds) holds the floor: a listener's few words then
#: are a back-channel ("Yeah."), not a turn.
_HELD = 5.0


def crosstalk_after(cues: list[Cue]) -> list[Cue]:
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
        if unfinished(cue.text) and _goes_on(cue.text, resumed.text):
            moved[index + 1 : after + 1] = [resumed, *aside]
        elif _back_channel(moved, index, aside, resumed):
            end = after
            while end + 1 < len(moved) and moved[end + 1].speaker == cue.speaker:
                end += 1
            moved[index + 1 : end + 1] = [*moved[after : end + 1], *aside]
            _apart_from_a_question(moved, end + 1)
        index += 1
    return moved


def _apart_from_a_question(cues: list[Cue], at: int) -> None:
    """A back-channel just moved before ``cues[at]`` stays a turn of its own when its
    speaker's turn that goes on from ``cues[at]`` ends in a question."""
    if not 0 < at < len(cues) or cues[at].speaker != cues[at - 1].speaker:
        return
    last = at
    while last + 1 < len(cues) and cues[last + 1].speaker == cues[at].speaker:
        last += 1
    if cues[last].text.endswith("?"):
        cues[at] = replace(cues[at], new_turn=True)


def _interjects(cue: Cue, speaker: str | None) -> bool:
    """A few words of someone else's that ask nothing."""
    return (
        cue.speaker not in (None, speaker)
        and len(cue.text.split()) <= ASIDE_WORDS
        and not cue.text.endswith("?")
    )


def _back_channel(cues: list[Cue], index: int, aside: list[Cue], resumed: Cue) -> bool:
    """``aside`` (after ``cues[index]``, before ``resumed``) is said while the speaker of
    ``cues[index]`` holds the floor: after a sentence that asks nothing, with no pause
    before or after it, once the speaker has talked for ``_HELD`` seconds."""
    cue = cues[index]
    if cue.text.endswith("?") or unfinished(cue.text):
        return False
    if not 0 <= aside[0].start - cue.start < cue.end - cue.start + PAUSE:
        return False  # said before the sentence (moved here already) or after a pause
    if not 0 <= resumed.start - aside[-1].end < PAUSE:
        return False  # a pause, or one caption's two speakers in the order they spoke
    first = index
    while first > 0 and cues[first - 1].speaker == cue.speaker:
        first -= 1
    return cue.end - cues[first].start >= _HELD


def _goes_on(text: str, following: str) -> bool:
    """``following`` carries on the sentence ``text`` left open: it starts in lower case, or
    ``text`` stops at a comma or a dash."""
    return following[:1].islower() or text.rstrip().endswith((",", "-", "—", "–"))
