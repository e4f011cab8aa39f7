"""Who answers, read from who speaks after whom: the speakers who reply to the others'
questions more than they put their own.

A rhetorical question inside an answer makes nobody an asker, and neither does one that
closes a turn when the next speaker passes over it; what tells the sides apart is who
takes up whose questions. So a hearing's other witnesses, a focus group's participants,
a second respondent beside the first and a podcast's second guest answer, whatever their
labels, and however many questions of their own they drop along the way.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from corpus.outline.said import Said, puts_question, sentences

#: An interviewee says at least this fraction (its inverse) of what the one who says most does.
INTERVIEWEE_SHARE = 4
#: An answer taken as one to a question runs to at least this many words.
ANSWER_WORDS = 30
#: An aside is a turn of at most this many words.
_ASIDE_WORDS = 8
#: A speaker of this many turns or more who mostly replies to questions answers.
_REPLYING_TURNS = 3
#: One turn this long that ends asking nothing is a statement (a witness's), not a question.
_STATEMENT_WORDS = 200
#: How much of a turn's end is read for the question it leaves to the next speaker.
_EDGE = 300


def ends_asking(text: str) -> bool:
    """Whether a turn's last sentences put a question (a rhetorical one inside does not)."""
    return any(puts_question(part) for part in sentences(text[-_EDGE:])[-2:])


def _opens_asking(text: str) -> bool:
    """Whether a turn's first sentence puts a question ("Where should people go, then?")."""
    first = sentences(text[:_EDGE])[:1]
    return bool(first) and puts_question(first[0])


def endings(turns: Sequence[Said]) -> list[bool]:
    """Whether each turn ends asking, read once for the rules below."""
    return [ends_asking(turn.text) for turn in turns]


def replying(turns: Sequence[Said], ending: Sequence[bool]) -> set[str]:
    """A panel's other answerers: in a hearing each witness answers a member in turn,
    so a witness other than the one who says most speaks mostly right after a turn that
    ends asking, and has a turn that ends asking seldom; or gives one long statement
    whose questions are all rhetorical (none ends a turn)."""
    turns_of: dict[str, int] = {}
    words: dict[str, int] = {}
    replies: dict[str, int] = {}
    closing: dict[str, int] = {}
    before: str | None = None
    before_asks = False
    for turn, asks in zip(turns, ending, strict=True):
        if not turn.speaker:
            continue
        turns_of[turn.speaker] = turns_of.get(turn.speaker, 0) + 1
        words[turn.speaker] = words.get(turn.speaker, 0) + len(turn.text.split())
        if asks:
            closing[turn.speaker] = closing.get(turn.speaker, 0) + 1
        if before is not None and before != turn.speaker and before_asks:
            replies[turn.speaker] = replies.get(turn.speaker, 0) + 1
        before, before_asks = turn.speaker, asks
    return {
        s
        for s, count in turns_of.items()
        if (
            count >= _REPLYING_TURNS
            and 2 * replies.get(s, 0) > count
            and 3 * closing.get(s, 0) < count
        )
        or (closing.get(s, 0) == 0 and count == 1 and words[s] >= _STATEMENT_WORDS)
    }


def answering_more(
    turns: Sequence[Said], ending: Sequence[bool], words: dict[str, int]
) -> set[str]:
    """Speakers who answer others' questions more often than others answer theirs: a
    focus group's participant whose one question ("Did anyone else notice?") a neighbour
    takes up, a second respondent whose rhetorical question the interviewer's next
    question passes over. A turn takes a question up when it follows another speaker's
    turn that ends asking and does not open with a question of its own; a question is
    answered when the reply runs past an aside and either ends asking nothing itself or
    runs on at length."""
    most = max(words.values(), default=0)
    put: dict[str, int] = {}
    took: dict[str, int] = {}
    for (before, turn), (before_asks, asks) in zip(pairwise(turns), pairwise(ending), strict=True):
        if not before.speaker or not turn.speaker or before.speaker == turn.speaker:
            continue
        if not before_asks:
            continue
        if not _opens_asking(turn.text):  # the next question is no answer to this one
            took[turn.speaker] = took.get(turn.speaker, 0) + 1
        said = len(turn.text.split())
        if said > _ASIDE_WORDS and (not asks or said >= ANSWER_WORDS):
            put[before.speaker] = put.get(before.speaker, 0) + 1
    return {
        s
        for s, count in took.items()
        if count > put.get(s, 0) and words[s] * INTERVIEWEE_SHARE >= most
    }


def asides_only(
    turns: Sequence[Said], ending: Sequence[bool], speakers: list[str], most: int
) -> set[str]:
    """A panel's other speakers who say as much as an interviewee and ask only in short
    asides ("The pitchers before or after the calls?" put to a fellow panellist), or not
    at all (a podcast's second guest): they answer at length, their asides put no question
    to the panel. A turn asks when it ends asking (a question quoted inside an answer
    does not)."""
    words = dict.fromkeys(speakers, 0)
    long_asking = set()
    asking = set()
    answering = set()
    for turn, asks in zip(turns, ending, strict=True):
        if turn.speaker not in words:
            continue
        count = len(turn.text.split())
        words[turn.speaker] += count
        if asks:
            asking.add(turn.speaker)
            if count > _ASIDE_WORDS:
                long_asking.add(turn.speaker)
        elif count >= ANSWER_WORDS:
            answering.add(turn.speaker)
    return {s for s in answering - long_asking if words[s] * INTERVIEWEE_SHARE >= most}
