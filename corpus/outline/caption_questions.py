"""A question in caption lines that opens on no reaction: asked straight, answered at length.

In a transcript that names no speaker (:mod:`corpus.outline.unlabelled`) an interviewer
often asks without first reacting to the answer ("Okay, cool. ..."): "Was Python your
first programming language?", "What was the motivation behind it?", or after a lead-in
put to the listener ("You probably run into different research groups ... And do you see
a difference?"). Such a question is read from the shape of the talk around it, not from
its words alone:

- it is short (its lead-in included) and its last unit asks with a question mark, neither
  about the speaker ("What do we do with all this data?", "why do we need ...?") nor
  quoted ("and you're like, how did that happen?");
- it does not carry on the talk before it ("But where did the money come from?");
- the talk after it opens as a reply, not by carrying on ("Because ...", "And ..."), and
  runs on well past the question's length before the next question: an answer;
- no question of the speaker's own stands just before it: a speaker who asks themself
  "why do we need ...?" is in the middle of an answer, and the questions around are theirs.

Rhetorical questions inside a long answer thus stay in it: they follow or precede the
speaker's own questions, carry on the answer's words, or are answered by "And ...".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from corpus.outline.said import has_question_mark, sentences
from corpus.outline.turn_cues import (
    addressed,
    backchannel,
    carries_on,
    quoted,
    speaks_to_the_listener,
    tagged,
)

#: A question asked straight is this many words, its lead-in included ...
MIN_BARE_WORDS = 5
MAX_BARE_WORDS = 60
#: ... after this much talk since the last question (an answer) ...
_MIN_PRIOR_WORDS = 20
#: ... and the talk after it up to the next question this long, and this many times longer.
_MIN_ANSWER_WORDS = 12
_ANSWER_FACTOR = 1.5
#: How far back (in words) a question of the speaker's own shows an answer under way.
_OWN_QUESTION_REACH = 60
_MIN_ASKING_WORDS = 3
#: A marked reply turn of this many words answers the question before it.
_MIN_REPLY_TURN_WORDS = 5
_SHORT_UNIT = 4
_CLOSERS = "\"'”’)]*_ "
_WORD = re.compile(r"[\w'’-]+")
#: The speaker, alone or with others ("we", "us"); fillers ("I mean", "I guess") aside.
_SPEAKER = re.compile(
    r"\b(?:I|I['’](?:m|ve|d|ll)|me|my|mine|myself|we|we['’](?:re|ve|d|ll)|us|our|ours)\b", re.I
)
_FILLERS = re.compile(r"\bI (?:mean|guess|think|suppose)\b|\byou know\b", re.I)


def asks_plainly(said: str) -> bool:
    """``said`` ends on a question put to the listener with a question mark, of three
    words or more: not about the speaker or "us" ("why do we need ...?"), not quoted, not
    a statement with a tag ("There were BBSs in those days, right?": the reply must
    confirm it)."""
    parts = sentences(said)
    if not parts:
        return False
    last = parts[-1]
    if not last.rstrip(_CLOSERS).endswith(("?", "？")):
        return False
    return (
        len(_WORD.findall(last)) >= _MIN_ASKING_WORDS
        and not quoted(last)
        and not tagged(last)
        and not asks_of_us(last)
    )


def asks_of_us(said: str) -> bool:
    """The last question of ``said`` is about the speaker or "us", not the listener:
    "So what are these neurons doing?" said by "we", "why do we need a chief data
    scientist?"; not "What do you have in store for us?" (the unit speaks to the
    listener)."""
    if _SPEAKER.search(said) is None:
        return False
    asking = [part for part in sentences(said) if has_question_mark(part)]
    if not asking or addressed(said):
        return False  # "you made these wrappers and the thought went, why do I ...?"
    return _SPEAKER.search(_FILLERS.sub(" ", asking[-1])) is not None


def straight_questions(
    said: Sequence[str], words: Sequence[int], chosen: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """``chosen`` (first and last unit of each question found so far) and the questions
    asked straight in the talk between them, in order."""
    taken = {unit for first, last in chosen for unit in range(first, last + 1)}
    marks = [has_question_mark(value) for value in said]
    plain = _Plain(said, marks)
    found = list(chosen)
    index = 0
    while index < len(said):
        if index in taken or not plain[index]:
            index += 1
            continue
        last = index
        while last + 1 < len(said) and plain[last + 1] and last + 1 not in taken:
            last += 1  # "Who are you? How did you get into Python?": one question
        first = _lead_in(said, words, marks, taken, index)
        if _asked_straight(said, words, (marks, plain), taken, first, last):
            found.append((first, last))
            taken.update(range(first, last + 1))
        index = last + 1
    return sorted(found)


class _Plain:
    """Which units ask plainly (:func:`asks_plainly`), read when first needed: most
    questions are found already, and the rest of the talk asks nothing."""

    def __init__(self, said: Sequence[str], marks: Sequence[bool]) -> None:
        self._said = said
        self._marks = marks
        self._known: dict[int, bool] = {}

    def __getitem__(self, index: int) -> bool:
        if index not in self._known:
            self._known[index] = self._marks[index] and asks_plainly(self._said[index])
        return self._known[index]


def _lead_in(
    said: Sequence[str], words: Sequence[int], marks: Sequence[bool], taken: set[int], index: int
) -> int:
    """Where a question asked at unit ``index`` starts: the units just before it that
    speak to the listener ("You probably run into different research groups.")."""
    first, total = index, words[index]
    while (
        first > 0
        and first - 1 not in taken
        and not marks[first - 1]
        and total + words[first - 1] <= MAX_BARE_WORDS
        and speaks_to_the_listener(said[first - 1])
    ):
        first -= 1
        total += words[first]
    return first


def _asked_straight(
    said: Sequence[str],
    words: Sequence[int],
    asking: tuple[Sequence[bool], _Plain],
    taken: set[int],
    first: int,
    last: int,
) -> bool:
    """The units ``first``..``last`` are a question the talk around bears out: short, not
    carrying on, after an answer's worth of talk with no question of the speaker's own,
    and answered at length by a reply (``asking``: which units hold a question mark, and
    which ask plainly)."""
    marks, plain = asking
    total = sum(words[first : last + 1])
    if not MIN_BARE_WORDS <= total <= MAX_BARE_WORDS or carries_on(said[first]):
        return False
    before = first
    while before > 0 and before - 1 not in taken and not marks[before - 1]:
        before -= 1
    prior = " ".join(said[before:first])
    if sum(words[before:first]) < _MIN_PRIOR_WORDS or speaks_to_the_listener(prior):
        return False  # no answer before it, or the asker's own lead-in
    if _own_question_before(said, words, marks, plain, first):
        return False
    reply = last + 1
    while reply < len(said) and reply not in taken and backchannel(said[reply]):
        reply += 1
    end = reply
    while end < len(said) and end not in taken and not marks[end]:
        end += 1
    if reply >= end or not opens_reply(said, words, reply):
        return False  # no reply, a question put back, or the asker going on
    return sum(words[reply:end]) >= max(_MIN_ANSWER_WORDS, _ANSWER_FACTOR * total)


def opens_reply(said: Sequence[str], words: Sequence[int], reply: int) -> bool:
    """Unit ``reply`` opens a reply to a question: it is no question put back, does not
    carry on the asker's words ("And ...") and does not go on speaking to the listener, as
    an asker or a narrator does ("Nobody knows what you're doing.", "There he is. You're
    listening to ..."; a short first unit is read with the next)."""
    if has_question_mark(said[reply]) or carries_on(said[reply]):
        return False
    last = reply + 1 if words[reply] <= _SHORT_UNIT and reply + 1 < len(said) else reply
    return not speaks_to_the_listener(" ".join(said[reply : last + 1]))


def _own_question_before(
    said: Sequence[str],
    words: Sequence[int],
    marks: Sequence[bool],
    plain: _Plain,
    first: int,
) -> bool:
    """A question of the speaker's own ("why do we need ...?", a quoted one) stands within
    reach before unit ``first``: an answer is under way there."""
    reach = 0
    for unit in range(first - 1, -1, -1):
        if marks[unit] and not plain[unit]:
            return True
        reach += words[unit]
        if reach >= _OWN_QUESTION_REACH:
            return False
    return False


def answered_in_turn(
    said: Sequence[str], words: Sequence[int], turns: Sequence[bool], reply: int, end: int
) -> bool:
    """A question the cues mark the next turn after (``turns[reply]``) is answered by that
    turn, short or long ("Correct. That's all viewport size ..."), unless it is a
    back-channel alone and the asker goes on ("..., right?" / "Right." / "So that's
    where ...": rhetorical). ``end`` is where the next question starts."""
    last = reply + 1
    while last < end and not turns[last]:
        last += 1
    if all(backchannel(value) for value in said[reply:last]) or carries_on(said[reply]):
        return False
    return sum(words[reply:last]) >= _MIN_REPLY_TURN_WORDS
