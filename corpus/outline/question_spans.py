"""Where each question of a labelled transcript and its answer start and end.

A question opens with an asker's turn that puts something to the interviewee; where the
document labels the answers it runs to the next label, else lines after it still belong
to it when an answer label follows within a few short lines. An answer opens with a
non-asker's label (``A:``, ``MS. PSAKI:``, or a name such as ``Minister Li:`` right after
a question), else at the next paragraph, and runs to the next question or heading. Kept
apart from :mod:`corpus.outline.structure`, which only puts the found questions in order
under their headings.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from corpus.model import Question, Span
from corpus.outline.labels import Label, inline_answer
from corpus.outline.measures import find_measures
from corpus.outline.speakers import Line
from corpus.outline.stage_notes import before_notes

#: How many short lines may continue a question before its answer label.
MAX_QUESTION_CONTINUATIONS = 3
MAX_CONTINUATION_WORDS = 60

_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class PlacedQuestion:
    """A question found in the text, before it is grouped into a section."""

    question: Question
    label_start: int
    """Where the question's paragraph starts (its label included)."""
    answer_label: Span | None = None
    """Where the answer's label stands, if it has one."""


@dataclass(frozen=True, slots=True)
class _Body:
    """What finding the turns needs: the text, its lines, which are headings, and how
    often each one-word name label occurs."""

    text: str
    lines: list[Line]
    headings: set[int]
    name_counts: Counter[str]
    wrapped: bool
    """The text is hard-wrapped (see :mod:`corpus.outline.paragraphs`)."""
    labelled_answers: bool
    """The document labels the answers' speakers: a question runs to the next label."""

    def ends_turn(self, index: int) -> bool:
        """Line ``index`` is past the end, a heading or a new question."""
        return (
            index >= len(self.lines)
            or index in self.headings
            or self.lines[index].asker is not None
        )

    def answering_name(self, line: Line) -> Label | None:
        """A name label (``Minister Li:``) on a line where an answer is due.

        One capitalised word (``Li:``) must label another line too: a lone
        ``Specifically:`` opening an answer is prose, not a speaker.
        """
        label = line.name
        if line.spoken is not None:
            return None  # a speaker the document knows: its role is already decided
        if label is None or " " in label.name or not label.name.isascii():
            return label
        return label if self.name_counts[label.name] > 1 else None


def find_questions(
    text: str, lines: list[Line], headings: set[int], wrapped: bool, labelled_answers: bool
) -> list[PlacedQuestion]:
    """Every question with its answer span and measures, in text order."""
    names = Counter(line.name.name for line in lines if line.name)
    body = _Body(text, lines, headings, names, wrapped, labelled_answers)
    turns = []
    index = 0
    while index < len(lines):
        asker = lines[index].asker
        if asker is None:
            index += 1
            continue
        turn, index = _turn(body, index, asker)
        turns.append(turn)
    return turns


def _turn(body: _Body, index: int, asker: Label) -> tuple[PlacedQuestion, int]:
    """The question opened by ``asker`` on line ``index``; returns it and the next line."""
    text, lines = body.text, body.lines
    first = lines[index]
    question_start = _skip_spaces(text, asker.text_start, first.end)
    question_end = first.end
    answer_start: int | None = None
    answerer = ""
    answer_label: Span | None = None
    following = index + 1
    if question_start > first.end:
        # The label's words begin past its own line (a label set over lines, "00:12:03"
        # over "Jane Doe:"): the lines inside the label are the label's, not the question.
        while following < len(lines) and lines[following].end <= question_start:
            following += 1
        question_start = first.end
    if question_start == first.end and not body.ends_turn(following):
        # "Reporter:" alone on its line: the question is the next line.
        question_start, question_end = lines[following].start, lines[following].end
        following += 1

    inline = inline_answer(text, question_start, question_end)
    answer_line_end = question_end  # where an answer on a label's own line ends
    if inline is not None:
        question_end = _rstrip(text, question_start, inline.start)
        answer_start, answerer = inline.text_start, inline.name
    else:
        label, at = _answer_ahead(body, following)
        if label is not None:
            question_end = lines[at - 1].end
            answer_start, answerer = label.text_start, label.name
            answer_label = Span(label.start, label.text_start)
            answer_line_end = lines[at].end
            following = at + 1
            if answer_start >= lines[at].end:  # the label stands alone on its line
                answer_start = None

    end_index = following
    while not body.ends_turn(end_index):
        end_index += 1
    while following < end_index and _bare_answer_label(lines[following]):
        following += 1  # "Answer:" twice over: the answer starts after the last one
    if answer_start is None and following < end_index:
        label = lines[following].answerer
        answer_start = lines[following].start if label is None else label.text_start
    if answer_start is None:
        answer_start = answer_line_end = question_end
    # The answer runs to the last line of the turn, or is only what follows its label.
    answer_end = lines[end_index - 1].end if end_index > following else answer_line_end
    answer = Span(answer_start, max(answer_start, answer_end))
    question_end = before_notes(text, question_start, question_end)
    question = Question(
        text=_own_words(text, lines, index, question_start, question_end),
        start=question_start,
        end=question_end,
        answer=answer,
        measures=find_measures(text, answer.start, answer.end, wrapped=body.wrapped),
        asker=asker.name,
        answerer=answerer,
    )
    return PlacedQuestion(question, first.start, answer_label if answerer else None), end_index


def _bare_answer_label(line: Line) -> bool:
    return line.answerer is not None and line.answerer.text_start >= line.end


def _answer_ahead(body: _Body, index: int) -> tuple[Label | None, int]:
    """The answer label closing a question whose continuation may start on line ``index``.

    Up to :data:`MAX_QUESTION_CONTINUATIONS` short lines may still belong to the question;
    any number where the document labels its answers (the asker's turn runs to one).
    """
    reach = len(body.lines) if body.labelled_answers else index + 1 + MAX_QUESTION_CONTINUATIONS
    for at in range(index, min(len(body.lines), reach)):
        if body.ends_turn(at):
            break
        line = body.lines[at]
        label = line.answerer or body.answering_name(line)
        if label is not None:
            return label, at
        if not body.labelled_answers and _words(body.text, line) > MAX_CONTINUATION_WORDS:
            break
    return None, index


def _words(text: str, line: Line) -> int:
    return len(text[line.start : line.end].split())


def _own_words(text: str, lines: list[Line], index: int, start: int, end: int) -> str:
    """The words from ``start`` (on line ``index``) to ``end`` without the labels of the
    lines they run over (a question in two paragraphs, each under its asker's label),
    whitespace collapsed."""
    pieces = []
    for at in range(index, len(lines)):
        line = lines[at]
        if line.start >= end:
            break
        begin = max(start, line.start if line.spoken is None else line.spoken.text_start)
        if begin < min(end, line.end):
            pieces.append(text[begin : min(end, line.end)])
    return _SPACES.sub(" ", " ".join(pieces)).strip()


def _skip_spaces(text: str, start: int, end: int) -> int:
    while start < end and text[start] in " \t":
        start += 1
    return start


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
