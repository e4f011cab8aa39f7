"""Questions in a transcript that names no speaker: the turns read from the text itself.

Auto-captions and many published podcast transcripts carry no speaker labels at all
(``00:01:02 words`` lines, subtitle cues without voices), and written Q&A puts each
question on a line of its own with the answer as the prose below it. There who asks is
known only by reading, so the rules read the shape of the talk:

- *units* (:mod:`corpus.outline.talk_units`): runs of lines that belong together; in
  caption-style text a line that stops mid-sentence runs on into the next. A speaker's
  turn starts at a unit's start.
- *a question* is a unit with a sentence that puts something to the other side (a
  question mark on a sentence of three words or more, or a request such as "Tell us
  about ..."), neither about the speaker ("What can I do with it?") nor quoted ("and
  you're like, how did that happen?"), that an answer follows: after any back-channel
  ("Yeah.") the next unit does not carry on the same thought ("And ...", "Because ...":
  such units still belong to the question), and the talk up to the next question is
  longer than the question.
- in caption-style text, where a unit is a caption line and not a turn, the question
  must also open like a new turn: with a reaction to what was just said ("Okay, cool.",
  "Interesting.", "Yeah, I mean, ..."; not "So yeah, ..." going on), within the few units
  before its question mark and with no earlier question and its answer in between; the
  question starts there and is addressed to the listener ("you", "your"; never "you
  know"), or asks plainly ("Nice. Was that in Fortran?": not of "us", not a statement
  with a tag) and the talk after opens as a reply; a statement put to the listener that
  the reply agrees with ("I see. So you model the future." - "Yeah, exactly.") asks too.
  A reaction right after a question is the reply's ("Yeah, so whenever I ..."), not a new
  turn's. A rhetorical question inside an answer rarely opens a turn or speaks to the
  listener. A paragraph that is the question alone
  (written Q&A) needs no such opening.
- where the cues mark a change of speaker (a unit after a blank line in captions that
  mostly run on), the unit opens a turn as a reaction would; a question the next marked
  turn replies to is answered by it, short or long, unless that turn is a back-channel alone.
- a caption question asked straight, with no reaction before it, is read from the talk
  around it (:mod:`corpus.outline.caption_questions`): short, after an answer's worth of
  talk, answered at length.
- where plain paragraphs alternate question and answer one for one, the asker's other
  paragraphs addressed to the interviewee that draw a full reply are questions too
  (:mod:`corpus.outline.statements_answered`).
- the headings are read again once the questions are known: a title line right before
  a question heads a section.
- a document shows this shape at least twice, or none of it is believed.

- a recogniser's raw words with (almost) no punctuation are read by word order instead
  (:mod:`corpus.outline.unpunctuated`).

Used by :mod:`corpus.outline.structure` only when the document bears out no speaker
label at all.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

from corpus.model import Question, Span, Spanned
from corpus.outline.caption_questions import (
    answered_in_turn,
    asks_of_us,
    asks_plainly,
    opens_reply,
    straight_questions,
)
from corpus.outline.floor_questions import FLOOR, MIN_HANDOVERS, floor_questions, handovers
from corpus.outline.headings import find_headings
from corpus.outline.labels import Label, Role
from corpus.outline.measures import find_measures
from corpus.outline.said import has_question_mark
from corpus.outline.speakers import Line
from corpus.outline.statements_answered import with_statements
from corpus.outline.talk_units import Unit, caption_style, unit_blocks, unit_text
from corpus.outline.turn_cues import (
    addressed,
    agrees,
    asks_the_listener,
    backchannel,
    carries_on,
    confirms,
    reacts,
)
from corpus.outline.unpunctuated import spoken_questions, unpunctuated

#: A question is at most this many words (a caption question from its opening).
MAX_QUESTION_WORDS = 150
#: How many units before its question mark a caption question may open.
_OPENING_REACH = 12
#: A unit of this many words at most that reacts is the reaction alone ("That's awesome.").
_REACTION_ALONE = 4
#: The talk after a question is longer than the question by this factor, and this long.
_ANSWER_FACTOR = 1.2
_MIN_ANSWER_WORDS = 5
#: A statement the reply confirms or agrees with asks when the reply is this long.
_MIN_REPLY_WORDS = 8
#: Fewer questions than this and the document is not read as an interview.
_MIN_QUESTIONS = 2


@dataclass(frozen=True, slots=True)
class FoundQuestion:
    """A question read from unlabelled text, and where its first line starts."""

    question: Question
    line_start: int


def read_unlabelled(
    text: str,
    lines: Sequence[Line],
    headings: set[int],
    *,
    wrapped: bool,
    marks: Collection[tuple[int, int]] = (),
) -> tuple[list[FoundQuestion], set[int]]:
    """The questions of a document without speaker labels, and its headings read again
    now that the questions are known: a title line right before a question heads a
    section (written Q&A's "Early years" over its questions)."""
    found = unlabelled_questions(text, lines, headings, wrapped=wrapped)
    if not found:
        return found, headings
    starts = {item.line_start for item in found}
    asking = [
        replace(line, asker=Label(Role.ASKER, "", line.start, line.start))
        if line.start in starts
        else line
        for line in lines
    ]
    again = find_headings(text, asking, marks)
    if again == headings:
        return found, headings
    return unlabelled_questions(text, lines, again, wrapped=wrapped), again


def unlabelled_questions(
    text: str, lines: Sequence[Spanned], headings: Collection[int], *, wrapped: bool
) -> list[FoundQuestion]:
    """The questions of a document without speaker labels, with their answers, in order."""
    if unpunctuated(text):
        body = [line for index, line in enumerate(lines) if index not in headings]
        return _from_the_floor(
            text,
            body,
            [
                FoundQuestion(question, line_start)
                for question, line_start in spoken_questions(text, body, wrapped=wrapped)
            ],
        )
    captions = caption_style(text, lines)
    blocks = unit_blocks(text, lines, headings, captions)
    found: list[FoundQuestion] = []
    for units, end in blocks:
        found += _block_questions(text, units, end, captions, wrapped)
    return found if len(found) >= _MIN_QUESTIONS else []


def _from_the_floor(
    text: str, lines: Sequence[Spanned], found: list[FoundQuestion]
) -> list[FoundQuestion]:
    """Questions read from unpunctuated speech, those after the floor is handed over to
    many askers (:mod:`corpus.outline.floor_questions`) given to the floor."""
    said = [" ".join(text[line.start : line.end].split()) for line in lines]
    # Without question marks, a line asks where a question read from word order starts.
    starts = sorted(item.question.start for item in found)
    asks = [_starts_within(starts, line.start, line.end) for line in lines]
    given = handovers(said, asks)
    if len(given) < MIN_HANDOVERS:
        return found
    opened = lines[given[0]].start
    return [
        FoundQuestion(replace(item.question, asker=FLOOR), item.line_start)
        if item.question.start > opened
        else item
        for item in found
    ]


def _starts_within(starts: Sequence[int], start: int, end: int) -> bool:
    """Whether any of the sorted ``starts`` falls in ``[start, end)``: a bisection, as
    asking every start of every line was quadratic in a long call (0.35 s of 0.9 s at 1 MB)."""
    index = bisect_left(starts, start)
    return index < len(starts) and starts[index] < end


def _block_questions(
    text: str, units: list[Unit], end: int, captions: bool, wrapped: bool
) -> list[FoundQuestion]:
    """Questions among ``units``, decided from the last back: each answer runs to the
    next question believed, and is weighed against its question."""
    said = [unit_text(text, unit) for unit in units]
    words = [unit.words for unit in units]
    puts = [asks_the_listener(value) for value in said]
    turns = [unit.turn for unit in units]
    chosen: list[tuple[int, int]] = []  # (first unit, last unit) of each question
    next_start = len(units)
    index = len(units) - 1
    while index >= 0:
        opening = _question_opening(said, puts, words, index, captions, turns)
        last = _carried_on(said, index, next_start) if captions else index
        if opening is not None and _answered(said, units, last, next_start):
            chosen.append((opening, last))
            next_start = index = opening
        index -= 1
    chosen.reverse()
    if captions:
        chosen = straight_questions(said, words, chosen)
    else:
        chosen = with_statements(said, puts, words, chosen, MAX_QUESTION_WORDS)
    asks = [put or has_question_mark(value) for put, value in zip(puts, said, strict=True)]
    chosen, floor = floor_questions(said, words, asks, chosen)
    found = []
    for number, (first, last) in enumerate(chosen):
        if last + 1 >= len(units):
            continue  # nothing after it to answer it
        answer_end = units[chosen[number + 1][0] - 1].end if number + 1 < len(chosen) else end
        answer = Span(units[last + 1].text_start, answer_end)
        question = Question(
            text=" ".join(said[first : last + 1]),
            start=units[first].text_start,
            end=units[last].end,
            answer=answer,
            measures=find_measures(text, answer.start, answer.end, wrapped=wrapped),
            asker=FLOOR if floor is not None and first > floor else "",
        )
        found.append(FoundQuestion(question, units[first].start))
    return found


def _question_opening(
    said: list[str],
    puts: list[bool],
    words: list[int],
    index: int,
    captions: bool,
    turns: Sequence[bool] = (),
) -> int | None:
    """The unit a question ending at unit ``index`` opens on, if it is one (``puts``:
    which units put a question). In captions a statement the reply confirms ("..., right?"
    - "That's right. He's the first ...") asks too, addressed or not, and so does one put
    to the listener that the reply agrees with ("... you want to ask it questions." -
    "Yeah, absolutely.")."""
    if not captions:
        return index if puts[index] and words[index] <= MAX_QUESTION_WORDS else None
    confirmed = (
        index + 1 < len(said)
        and (
            (has_question_mark(said[index]) and confirms(said[index + 1]))
            or (addressed(said[index]) and agrees(said[index + 1]))
        )
        and sum(words[index + 1 : index + 3]) >= _MIN_REPLY_WORDS
    )
    if not (puts[index] or confirmed):
        return None
    total = 0
    for first in range(index, max(-1, index - _OPENING_REACH), -1):
        total += words[first]
        if total > MAX_QUESTION_WORDS:
            return None
        if first < index - 1 and puts[first] and not puts[first + 1]:
            return None  # an earlier question, and talk since: its answer
        if reacts(said[first]) or (first < len(turns) and turns[first]):
            if words[first] <= _REACTION_ALONE and _goes_on(said[first + 1]):
                return None  # "Right." heard, then the speaker goes on: "And then ..."
            if first < index and first and puts[first - 1]:
                return None  # the reply to the question just put ("Yeah, so whenever I ...")
            if confirmed:
                return first
            if asks_of_us(said[index]):
                return None  # "So what are these neurons doing?" in an answer asks of "us"
            if addressed(" ".join(said[first : index + 1])):
                return first
            # Asked plainly, not carrying on ("But where did it come from?"), not a reply
            # to a question just put.
            plain = (
                asks_plainly(said[index])
                and not carries_on(said[index])
                and not (first and has_question_mark(said[first - 1]))
            )
            return first if plain and _replied(said, words, index) else None
    return None


def _goes_on(value: str) -> bool:
    """Carries on the talk before, to no one ("And then in weather science, ...")."""
    return carries_on(value) and not addressed(value)


def _replied(said: list[str], words: list[int], index: int) -> bool:
    """The talk after unit ``index``, back-channel aside, opens as a reply."""
    reply = index + 1
    while reply < len(said) and backchannel(said[reply]):
        reply += 1
    return reply < len(said) and opens_reply(said, words, reply)


def _carried_on(said: list[str], index: int, next_start: int) -> int:
    """The last unit of the question asked at ``index``: the units after it that carry on
    its words ("But I'd be interested in ...") belong to it."""
    last = index
    while last + 1 < next_start and carries_on(said[last + 1]):
        last += 1
    return last


def _answered(said: list[str], units: list[Unit], index: int, next_start: int) -> bool:
    """Talk follows the question ending at unit ``index`` up to the next question, longer
    than it, and opens as a reply (after any back-channel), not carrying on its words."""
    first = index + 1
    while first < next_start and backchannel(said[first]):
        first += 1  # "Yeah." before the answer proper
    agreed = first > index + 1 and agrees(said[index + 1])
    if first >= next_start or (carries_on(said[first]) and not agreed):
        return False  # "Yeah, absolutely. And ..." goes on from an agreement, not the question
    if index + 1 < next_start and units[index + 1].turn:
        turns = [unit.turn for unit in units]
        return answered_in_turn(said, [unit.words for unit in units], turns, index + 1, next_start)
    words = sum(unit.words for unit in units[first:next_start])
    return words >= max(_MIN_ANSWER_WORDS, _ANSWER_FACTOR * units[index].words)
