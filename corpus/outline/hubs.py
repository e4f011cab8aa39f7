"""Who answers many askers: the shape of a press conference or a hearing.

There the askers each put a question or two and the one (or few) who answer speak after
nearly every one of them; an asker replies, if at all, to the answerers only. So the
answerers are found from who speaks after whom, whatever the turns' lengths or the
rhetorical questions in the answers (these made a conference's answerer look like its
one asker), and a one-off speaker the answerer replies to is an asker even when their
turn is a statement ("Follow-up on the spur: the contractor says it is late."), unless
the next one-off speaker asks right after them: an official the answerer hands a question
to answers it.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from corpus.outline.answerers import ends_asking
from corpus.outline.said import Said, count_asking

#: Speaking after this many different speakers makes one an answerer.
_HUB = 3
#: How much of a turn's end is read for the question it leaves to the next speaker.
_END = 400
#: An asker in a press conference speaks this often at most (a moderator more often).
_ONE_OFF_TURNS = 2


def answering_hubs(turns: Sequence[Said]) -> set[str]:
    """The speakers who speak after three others or more, and after at least half as many
    as the one who follows most: in a two-person interview nobody does; in a press
    conference the answerer follows every reporter, each reporter only the answerer
    (and a moderator). Whether the turn before put a question is not asked: a
    reporter's may be a statement the answerer takes up. But most of the turns an
    answerer follows do ask: a panel's moderator, who follows each panellist, follows
    answers."""
    followed: dict[str, set[str]] = {}
    for before, turn in pairwise(turns):
        if turn.speaker and before.speaker and before.speaker != turn.speaker:
            followed.setdefault(turn.speaker, set()).add(before.speaker)
    most = max((len(others) for others in followed.values()), default=0)
    wide = {
        speaker
        for speaker, others in followed.items()
        if len(others) >= _HUB and 2 * len(others) >= most
    }
    # Only the turns the widely following speakers follow are read for questions.
    after_questions: dict[str, int] = {}
    after_turns: dict[str, int] = {}
    for before, turn in pairwise(turns):
        if turn.speaker in wide and before.speaker and before.speaker != turn.speaker:
            after_turns[turn.speaker] = after_turns.get(turn.speaker, 0) + 1
            asked = count_asking(before.text[-_END:]) > 0
            after_questions[turn.speaker] = after_questions.get(turn.speaker, 0) + asked
    return {
        speaker
        for speaker in wide
        if 2 * after_questions[speaker] >= after_turns[speaker]
        and not _mostly_asking(turns, speaker)
    }


def _mostly_asking(turns: Sequence[Said], speaker: str) -> bool:
    """Most of the speaker's turns end asking and they say less than the others do on
    average: a panel's moderator, who speaks after each panellist as an answerer speaks
    after each reporter, but briefly and to put the next question ("Anybody else want
    to jump in?", "Antoine, do you have opinions?"). A minister who closes her long
    answers on questions of her own ("Could we have done better? Perhaps.") answers."""
    own = [turn for turn in turns if turn.speaker == speaker]
    if 2 * sum(ends_asking(turn.text) for turn in own) <= len(own):
        return False
    words: dict[str, int] = {}
    for turn in turns:
        if turn.speaker:
            words[turn.speaker] = words.get(turn.speaker, 0) + len(turn.text.split())
    others = [count for other, count in words.items() if other != speaker]
    return bool(others) and words.get(speaker, 0) * len(others) < sum(others)


def answered_once(turns: Sequence[Said], hubs: set[str]) -> set[str]:
    """Speakers of one or two turns, not answerers, whom an answerer replies to; not the
    one who opens the document (a chair or a moderator who gives the answerer the floor)."""
    if not hubs:
        return set()
    count: dict[str, int] = {}
    for turn in turns:
        count[turn.speaker] = count.get(turn.speaker, 0) + 1
    opener = next((turn.speaker for turn in turns if turn.speaker), "")
    answered = {
        before.speaker
        for before, turn in pairwise(turns)
        if before.speaker
        and before.speaker != opener
        and before.speaker not in hubs
        and turn.speaker in hubs
        and count[before.speaker] <= _ONE_OFF_TURNS
    }
    return answered - _fellow_answerers(turns, answered)


def _fellow_answerers(turns: Sequence[Said], answered: set[str]) -> set[str]:
    """Of ``answered``, those who put no question and after whom another of them speaks:
    an official the answerer hands a question to ("Dan, do you want to add?") answers it,
    and the next reporter asks after them; a reporter's turn is followed by an answer."""
    asking = {
        turn.speaker
        for turn in turns
        if turn.speaker in answered and count_asking(turn.text[-_END:]) > 0
    }
    return {
        before.speaker
        for before, turn in pairwise(turns)
        if before.speaker in answered
        and before.speaker not in asking
        and turn.speaker in answered
        and turn.speaker != before.speaker
    }
