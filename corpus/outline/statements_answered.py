"""Statements answered: in written Q&A whose paragraphs alternate question and answer, the
asker's other paragraphs that speak to the interviewee and draw a full reply are questions
too ("I've looked at your list of publications ..."), though they ask nothing in words.

Used by :mod:`corpus.outline.unlabelled` on plain paragraphs (not captions), once the
questions that ask in words are known: their alternation is what says who holds which
paragraph.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from corpus.outline.said import has_question_mark
from corpus.outline.turn_cues import addressed, backchannel, carries_on

#: Alternating paragraphs are believed after this many questions; a statement they put
#: is a question when its reply is this long.
_MIN_ALTERNATING = 3
_MIN_REPLY_WORDS = 8


def with_statements(
    said: Sequence[str],
    puts: Sequence[bool],
    words: Sequence[int],
    chosen: list[tuple[int, int]],
    max_question_words: int,
) -> list[tuple[int, int]]:
    """``chosen`` (first and last paragraph of each question) with the statements answered
    added, where paragraphs alternate (every question an even number of paragraphs after
    the last); a question that asks nothing of the listener ("But now I'm curious: what
    would you have done?") is not one. ``puts``: which paragraphs put a question."""
    firsts = [first for first, _ in chosen]
    if len(firsts) < _MIN_ALTERNATING or any((b - a) % 2 for a, b in pairwise(firsts)):
        return chosen
    found = set(firsts)
    for index in range(firsts[0] % 2, len(said) - 1, 2):
        reply = said[index + 1]
        if (
            index not in found
            and not (puts[index] or has_question_mark(said[index]))
            and words[index] <= max_question_words
            and addressed(said[index])
            and not backchannel(said[index])
            and words[index + 1] >= _MIN_REPLY_WORDS
            and not carries_on(reply)
        ):
            found.add(index)
    return [(index, index) for index in sorted(found)]
