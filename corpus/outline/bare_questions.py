"""Questions without a label before labelled answers: ``How did you start?`` then ``Jane:``.

Written interviews often label only the interviewees: each question stands alone as a
paragraph, and each answer opens with its speaker's name (two interviewees may answer the
same question in turn). Read as labelled talk, such a question would run on from the
answer before it and make its speaker look like the one who asks. Here a paragraph is a
bare question when it has no label, puts a question to the other side (it ends with a
question mark, :mod:`corpus.outline.turn_cues`), is short, a labelled turn follows it and
a whole labelled turn (or the introduction) comes before it: after a label alone on its
line, a line that stops mid-sentence or another paragraph of a turn, the question is
that turn's. The document bears the convention out when such paragraphs come back: at
least two, one before every fourth labelled turn or more, and more of them than labelled
paragraphs that hold a question mark (where the labelled speakers ask, an unlabelled
question is the rest of a labelled asker's turn), and whoever speaks before them speaks
of themself, as answers do, not to the listener, as an asker's lead-in does.

A question the file's format marks as a heading (``### How did you start?`` over
``SK: ...``, :func:`corpus.outline.marked.asked_marks`) needs none of that: the mark
already sets it apart from the turn before, so two or more such marks before labelled
turns make each of them a bare question, unless those turns mostly end asking (chapter
titles over a host's questions).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection, Sequence
from typing import Protocol

from corpus.outline.labels import Role
from corpus.outline.said import QUESTION_MARKS
from corpus.outline.turn_cues import asks_the_listener, speaks_to_the_listener
from corpus.outline.turns import SpeakerLabel

#: A bare question is at most this many words.
MAX_BARE_WORDS = 80
_MIN_BARE = 2
#: Bare questions come before at least one labelled turn in this many.
_TURNS_PER_QUESTION = 4
_CLOSERS = "\"'”’)]*_ "
_SENTENCE_END = frozenset(".?!…。？！:")


class _Paragraph(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def spoken(self) -> SpeakerLabel | None: ...


def bare_questions(text: str, lines: Sequence[_Paragraph], asked: Collection[int] = ()) -> set[int]:
    """Indexes of the unlabelled question paragraphs before labelled answers, if the
    document keeps that convention; else an empty set. ``asked`` holds where the marks
    that put a question start."""
    put = _put_as_headings(text, lines, asked)
    return _unmarked(text, lines) | (put if len(put) >= _MIN_BARE else set())


def _put_as_headings(text: str, lines: Sequence[_Paragraph], asked: Collection[int]) -> set[int]:
    """The unlabelled lines a question mark starts in, each right before a labelled turn
    that is not an asker's (``Q:`` would be the question itself); none where the turns
    after them mostly ask themselves (a podcast's chapter titles over the host's
    questions)."""
    starts = sorted(asked)
    found: set[int] = set()
    for index, line in enumerate(lines[:-1]):
        following = lines[index + 1].spoken
        at = bisect_left(starts, line.start)
        if (
            line.spoken is None
            and at < len(starts)
            and starts[at] < line.end
            and following is not None
            and following.role is not Role.ASKER
        ):
            found.add(index)
    replies = [lines[index + 1] for index in found]
    asking = sum(_ends_asking(text, reply) for reply in replies)
    return found if 2 * asking < len(found) else set()


def _ends_asking(text: str, line: _Paragraph) -> bool:
    return text[line.start : line.end].rstrip(_CLOSERS)[-1:] in QUESTION_MARKS


def _unmarked(text: str, lines: Sequence[_Paragraph]) -> set[int]:
    """The bare questions no format marks, where the document keeps the convention."""
    turns = sum(1 for line in lines if line.spoken is not None)
    if turns == 0 or any(line.spoken.role is not None for line in lines if line.spoken):
        return set()  # no labels, or the questions have their own (Q:, Interviewer:)
    first_label = next(i for i, line in enumerate(lines) if line.spoken is not None)
    found = {
        index
        for index in range(1, len(lines) - 1)
        if lines[index].spoken is None
        and lines[index + 1].spoken is not None
        and (index < first_label or _closed_turn(text, lines[index - 1]))
        and _bare_question(text, lines[index])
    }
    if len(found) < _MIN_BARE or len(found) * _TURNS_PER_QUESTION < turns:
        return set()
    before = {lines[index - 1].spoken for index in found} - {None}
    speakers = {label.speaker for label in before if label is not None}
    for speaker in speakers:
        said = " ".join(
            text[line.spoken.text_start : line.end]
            for line in lines
            if line.spoken is not None and line.spoken.speaker == speaker
        )
        if speaks_to_the_listener(said):
            return set()  # the paragraph before is an asker's lead-in ("You joined ...")
    asking = sum(
        1
        for line in lines
        if line.spoken is not None
        and any(mark in text[line.spoken.text_start : line.end] for mark in QUESTION_MARKS)
    )
    # Where labelled turns ask as often, a labelled asker's question runs on (unlabelled).
    return found if asking < len(found) else set()


def _closed_turn(text: str, line: _Paragraph) -> bool:
    """The paragraph before is a whole labelled turn that ends a sentence: not a label
    alone on its line ("MSM:", whose words the next paragraph is), not a paragraph
    running on, not an unlabelled paragraph of a longer turn (counsel's statement before
    "Is that all correct?")."""
    spoken = line.spoken
    if spoken is None or not text[spoken.text_start : line.end].strip():
        return False
    return text[line.start : line.end].rstrip(_CLOSERS)[-1:] in _SENTENCE_END


def _bare_question(text: str, line: _Paragraph) -> bool:
    value = text[line.start : line.end]
    return (
        value[:1].isupper()
        and value.rstrip(_CLOSERS)[-1:] in QUESTION_MARKS
        and len(value.split()) <= MAX_BARE_WORDS
        and asks_the_listener(value)
    )
