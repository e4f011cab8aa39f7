"""Which question of an outline holds an offset: the one rule the status line, the
``s`` jump, the outline counts and the exports' "question" column all use."""

from __future__ import annotations

from bisect import bisect_right

from corpus.model import Outline, Question


def question_index(outline: Outline, offset: int, *, strict: bool = False) -> int:
    """Index of the question at ``offset`` in ``outline.questions`` (-1: none).

    That is the last question starting at or before ``offset``: text after an answer
    (a heading, a closing remark) still belongs to the question before it. With
    ``strict``, only the question's own text and its answer count.
    """
    found = bisect_right(outline.question_starts, offset) - 1
    questions = outline.questions
    if strict and found >= 0 and not _holds(questions[found], offset):
        return -1
    return found


def _holds(question: Question, offset: int) -> bool:
    return question.start <= offset < max(question.end, question.answer.end)
