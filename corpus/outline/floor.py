"""Who holds the floor around an asker's turn: the turns before and after it that show it
puts nothing to the interviewee.

A cold open before the guest's first words, a sound check a call's moderator answers,
the floor passed to another asker or called
to the next speaker by their label, the asker carrying on their own sentence, a statement
that answers the interviewee's question back, thanks as the talk ends, the floor given
for a prepared statement: the document's order of speakers tells each of these, whatever
the turn's own words.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from itertools import islice, pairwise

from corpus.outline.interruptions import DASHES, SHORT
from corpus.outline.said import Said, count_asking, has_question_mark, puts_question, sentences
from corpus.outline.turn_text import WORD, TurnText

#: An interviewee's question back to the asker is a turn of at most this many sentences.
_ASKED_BACK = 3
#: A prepared statement runs to this many words and this many times the speaker's median turn.
_PREPARED_WORDS = 300
_PREPARED_TIMES = 3


def answers_the_interviewee(turns: Sequence[Said], index: int, askers: Collection[str]) -> bool:
    """A statement right after the interviewee asked something: the tables turned. The
    interviewee's question is a short turn of its own ("Of just the things you learn?"),
    not the rhetorical question that closes a long answer ("... or would there be long
    delays?"), which the asker's next statement does not answer."""
    if index == 0:
        return False
    before = turns[index - 1]
    if before.speaker in askers or not before.speaker or not has_question_mark(before.text):
        return False
    parts = sentences(before.text)
    return 0 < len(parts) <= _ASKED_BACK and has_question_mark(parts[-1])


def carries_on(text: str, turns: Sequence[Said], index: int) -> bool:
    """The asker goes on with their own sentence after the interviewee put a word in: the
    turn opens with a dash and the asker's turn before last was theirs."""
    return (
        index >= 2
        and text.lstrip(" \"“'‘").startswith((*DASHES, "…", "..."))
        and turns[index - 2].speaker == turns[index].speaker
        and turns[index - 1].speaker != turns[index].speaker
    )


def floor_passed(turns: Sequence[Said], index: int, askers: Collection[str]) -> bool:
    """A turn that gives the floor to another asker: the interviewee replies with a short
    question of their own, and another asker speaks next (a town hall's moderator
    introducing an audience member, the President asking her "What do you teach?")."""
    if index + 2 >= len(turns):
        return False
    reply, after = turns[index + 1], turns[index + 2]
    return (
        reply.speaker not in askers
        and len(reply.text.split()) <= SHORT
        and has_question_mark(reply.text)
        and after.speaker in askers
        and after.speaker != turns[index].speaker
    )


def calls_next(turns: Sequence[Said], index: int, said: TurnText) -> bool:
    """The turn (with its unlabelled paragraphs) ends by calling the next speaker by their
    label, and nothing before that asks: a chair or a court giving the floor (``...
    General Verrilli.`` before ``GENERAL VERRILLI:``, ``Ms. Doe?`` before ``MS. DOE:``)."""
    text = said.text
    after = index + 1
    while after < len(turns) and not turns[after].speaker:
        text = f"{text} {turns[after].text}"
        after += 1
    if after >= len(turns):
        return False
    parts = list(said.sentences) if after == index + 1 else sentences(text)
    while parts and not any(c.islower() for c in parts[-1]):
        parts.pop()  # a section title in capitals that the turn ran on into
    called = [word.casefold() for word in WORD.findall(parts[-1])] if parts else []
    label = {word.casefold() for word in WORD.findall(turns[after].speaker)}
    return (
        bool(called)
        and set(called) <= label
        and not any(puts_question(part) or has_question_mark(part) for part in parts[:-1])
    )


def before_any_answer(turns: Sequence[Said], index: int, askers: Collection[str]) -> bool:
    """Nobody but the askers has spoken yet: a podcast's cold open, sponsor read and
    introduction before the guest's first words."""
    return all(turn.speaker in askers for turn in islice(turns, index))


def talk_is_over(turns: Sequence[Said], index: int, askers: Collection[str]) -> bool:
    """The interviewee says nothing more of length after the turn at ``index``: its thanks
    close the conversation."""
    return all(
        turn.speaker in askers or len(turn.text.split()) <= SHORT
        for turn in islice(turns, index + 1, None)
    )


def first_answer(turns: Sequence[Said], index: int, askers: Collection[str]) -> bool:
    """The turn at ``index`` is its speaker's first: the guest's first words after the
    host's introduction, the witness's statement after the chair gives the floor."""
    speaker = turns[index].speaker
    return speaker not in askers and all(turn.speaker != speaker for turn in islice(turns, index))


def prepared(turns: Sequence[Said], index: int) -> bool:
    """A prepared statement: many times longer than the speaker's usual turn."""
    speaker = turns[index].speaker
    lengths = sorted(len(turn.text.split()) for turn in turns if turn.speaker == speaker)
    length = len(turns[index].text.split())
    return length >= _PREPARED_WORDS and length >= _PREPARED_TIMES * lengths[len(lengths) // 2]


def bystanders(turns: Sequence[Said], askers: Collection[str]) -> set[str]:
    """Speakers who neither ask nor answer at length while someone else does: every reply
    of theirs to an asker is short and no turn of theirs puts a question, as a call's
    moderator who only gives the floor answers a reporter's sound check ("Can you hear me
    now?" - "We can."); a question they answer was not put to the interviewee."""
    at_length: set[str] = set()
    replied: set[str] = set()
    for before, turn in pairwise(turns):
        if before.speaker in askers and turn.speaker and turn.speaker not in askers:
            replied.add(turn.speaker)
            if len(turn.text.split()) > SHORT:
                at_length.add(turn.speaker)
    if not at_length:
        return set()  # a short interview's one interviewee ("In May.")
    short = replied - at_length
    return short - {
        turn.speaker for turn in turns if turn.speaker in short and count_asking(turn.text)
    }
