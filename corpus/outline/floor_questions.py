"""Questions from the floor: a talk or a call whose questions come from many askers.

After a talk, a press statement or a company's prepared remarks, someone hands the
floor over, again and again: a moderator or an operator announces each asker ("Our next
question is from ...", "We have time for a few questions."), people at microphones or on
the line ask, and the speaker answers. In a transcript that names nobody
(:mod:`corpus.outline.unlabelled`) these hand-overs are the structure to read:

- *a hand-over* is short talk about the next question that is no one's own question: it
  speaks of a question or questions, but not as the asker ("my question", "I have a
  question", "thanks for taking my question") nor as the answerer ("thank you for the
  question"; "Good question." follows a question, a hand-over follows an answer), asks
  nothing itself unless it is a short call ("Any other questions?"), and asking follows
  it. Above all it recurs: whoever hands the floor over says so in the same words each
  time ("Our next question is from ...", "Next question."), so a hand-over's words about
  the question (the word before it or after it) are said in another hand-over too; a
  conversation that only speaks of questions now and then ("that's a good question
  for ...", "a couple of questions") hands nothing over. Two or more hand-overs make the
  talk a session of questions from the floor.
- *the asker's turn* opens right after a hand-over; a greeting the answerer returns
  ("Good morning, everyone." - "Hey, thanks.") is set aside when the question follows it.
  It runs over the asker's talk that asks, several questions at once included ("One, ...
  And my second question, can you ...?"), up to the answer: the first long stretch of talk
  that asks nothing.
- its asker is the floor, one of many, whose names the transcript does not give: the
  question's speaker is :data:`FLOOR`. Questions read otherwise after the first hand-over
  (an asker's follow-up: "OK, that's helpful. And then ...") are the floor's too; those
  read before it, in the talk itself, are the talk's own (rhetorical) and are dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

#: The speaker given to a question from the floor (the transcript names no one).
FLOOR = "audience"

_WORDS = re.compile(r"[\w'’-]+")
#: Words beside "question" that every sentence uses: they make no announcement's shape.
_FUNCTION_TEXT = """the a an this that these those is are was were be been of to and or as it
    its in on at with so"""
_FUNCTION_WORDS = frozenset(_FUNCTION_TEXT.split())
#: Talk about a question or questions.
_QUESTION_WORD = re.compile(r"(?i)\bquestions?\b")
#: ... as the asker or the answerer: in the first person, or thanking.
_OWN = re.compile(r"(?i)\b(?:I|I['’](?:m|d|ve|ll)|me|my|mine|thanks?|thank you)\b")
#: A hand-over is short: an announcement, at most this many words; one that asks is a
#: call for questions ("Any other questions?"), shorter still.
_HANDOVER_WORDS = 40
_CALL_WORDS = 6
#: The asker's talk that asks follows a hand-over within this many units.
_ASKING_REACH = 4
#: Fewer hand-overs than this and the floor is not believed to be open.
MIN_HANDOVERS = 2
#: A greeting and its reply before the question: at most this many words each.
_GREETING_WORDS = 15
_REPLY_WORDS = 8
#: The answer: talk this long (in words) that asks nothing.
_ANSWER_WORDS = 40
#: A follow-up question put without a hand-over is at most this long (in words).
_FOLLOW_UP_WORDS = 60
#: An asker's turn from the floor is at most this long (in words).
_MAX_TURN_WORDS = 250


def handovers(said: Sequence[str], asks: Sequence[bool]) -> list[int]:
    """The units that hand the floor over to the next asker (``asks``: which units ask):
    those of the candidates whose words about the question recur in another one."""
    words = [len(value.split()) for value in said]
    candidates = {
        index: _wording(value)
        for index, value in enumerate(said)
        if _QUESTION_WORD.search(value)
        and not _OWN.search(value)
        and words[index] <= _HANDOVER_WORDS
        and (not asks[index] or words[index] <= _CALL_WORDS)
        and not (index and asks[index - 1])
        and any(asks[index + 1 : index + 1 + _ASKING_REACH])
    }
    said_so = Counter(wording for found in candidates.values() for wording in found)
    recurring = [
        index
        for index, found in candidates.items()
        if any(said_so[wording] >= MIN_HANDOVERS for wording in found)
    ]
    # Once the floor is seen handed over in the same words, the other hand-overs count
    # too ("Our first question is from ..." before "Our next question is from ...").
    return list(candidates) if len(recurring) >= MIN_HANDOVERS else []


def _wording(value: str) -> set[tuple[str, str]]:
    """The words either side of "question(s)" in ``value`` that say something of it ("next
    question", "other questions", "question from"), the shape an announcement repeats;
    words every sentence uses ("the question is", "a question") say nothing."""
    words = _WORDS.findall(value.casefold())
    found = set()
    for at, word in enumerate(words):
        if word in ("question", "questions"):
            if at and words[at - 1] not in _FUNCTION_WORDS:
                found.add((words[at - 1], "question"))
            if at + 1 < len(words) and words[at + 1] not in _FUNCTION_WORDS:
                found.add(("question", words[at + 1]))
    return found


def floor_questions(
    said: Sequence[str],
    words: Sequence[int],
    asks: Sequence[bool],
    chosen: list[tuple[int, int]],
) -> tuple[list[tuple[int, int]], int | None]:
    """``chosen`` (first and last unit of each question) with the questions from the
    floor put in, and the unit where the floor opens (None where it does not)."""
    given = handovers(said, asks)
    if len(given) < MIN_HANDOVERS:
        return chosen, None
    floor = given[0]
    taken: list[tuple[int, int]] = []
    for at, handover in enumerate(given):
        if at + 1 < len(given) and given[at + 1] == handover + 1:
            continue  # the operator's next words hand over too ("Please press star one ...")
        until = given[at + 1] if at + 1 < len(given) else len(said)
        turn = _askers_turn(said, words, asks, handover + 1, until)
        if turn is not None:
            taken.append(turn)
    taken += _follow_ups(words, asks, floor, taken)
    kept = [
        (first, last)
        for first, last in chosen
        if first > floor and not any(a <= last and first <= b for a, b in taken)
    ]
    return sorted(kept + taken), floor


def _follow_ups(
    words: Sequence[int], asks: Sequence[bool], floor: int, taken: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The asker's next questions, put without a hand-over: a short turn that asks right
    after a long answer and draws a long answer in turn."""
    found = []
    for index in range(floor + 2, len(words) - 1):
        if (
            asks[index]
            and words[index] <= _FOLLOW_UP_WORDS
            and _quiet(words, asks, range(index - 1, floor, -1)) >= _ANSWER_WORDS
            and _quiet(words, asks, range(index + 1, len(words))) >= _ANSWER_WORDS
            and not any(a <= index <= b for a, b in taken)
        ):
            found.append((index, index))
    return found


def _quiet(words: Sequence[int], asks: Sequence[bool], units: range) -> int:
    """How many words are said over ``units``, in their order, before one that asks."""
    total = 0
    for index in units:
        if asks[index]:
            break
        total += words[index]
        if total >= _ANSWER_WORDS:
            break
    return total


def _askers_turn(
    said: Sequence[str], words: Sequence[int], asks: Sequence[bool], opening: int, until: int
) -> tuple[int, int] | None:
    """The first and last unit of the question asked right after a hand-over, if one is."""
    if opening >= until:
        return None
    if (
        opening + 2 < until
        and not asks[opening]
        and not asks[opening + 1]
        and words[opening] <= _GREETING_WORDS
        and words[opening + 1] <= _REPLY_WORDS
    ):
        opening += 2  # "Good morning, everyone." - "Hey, thanks." - the question
    last = None
    total = quiet = 0
    for index in range(opening, until):
        total += words[index]
        if total > _MAX_TURN_WORDS:
            break
        if asks[index]:
            last, quiet = index, 0
        elif last is not None:
            quiet += words[index]
            if quiet >= _ANSWER_WORDS:
                break  # the answer
    return (opening, last) if last is not None else None
