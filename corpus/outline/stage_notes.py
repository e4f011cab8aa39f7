"""A transcriber's notes after a question: ``[crosstalk]``, ``[recording paused]``,
``(laughs)``, on the question's line or a line of their own before the answer.

They are not the asker's words: a question's text and span end before them, whichever
reading found the question (labelled turns or unlabelled talk). The notes stay in the
clean text, where the reader shows them.
"""

from __future__ import annotations

from dataclasses import replace

from corpus.model import Question

#: A transcriber's note is at most this long ("[recording paused]", "(laughs)").
_NOTE_CHARS = 60
#: What ends a question's own words (or a note before) before a note that follows them.
_WORDS_END = "?？.!…\"”'’)]"


def before_notes(text: str, start: int, end: int) -> int:
    """Where the question's own words end: before the transcriber's notes that follow
    them (``Where were you born? [crosstalk]``, ``(laughs)`` on a line of its own). A
    note is taken off only after the words' end punctuation or on a line of its own, so
    a question's own bracket (``... the plan (phase two)``) stays, and a turn that is
    nothing but a note stays whole."""
    while True:
        end = _rstrip(text, start, end)
        if end - start < 2 or text[end - 1] not in ")]":
            return end
        opening = text.rfind("(" if text[end - 1] == ")" else "[", start, end - 1)
        if opening < 0 or end - opening > _NOTE_CHARS or _holds_bracket(text, opening, end):
            return end
        before = _rstrip(text, start, opening)
        if before <= start or not (text[before - 1] in _WORDS_END or "\n" in text[before:opening]):
            return end
        end = before


def _holds_bracket(text: str, opening: int, end: int) -> bool:
    """The note holds another bracket or a line break: no single note."""
    return any(char in "()[]\n" for char in text[opening + 1 : end - 1])


def without_notes(text: str, question: Question) -> Question:
    """``question`` with the notes after its words out of its span and its text (its text
    keeps its own spacing: only the notes' words come off its end)."""
    end = before_notes(text, question.start, question.end)
    if end == question.end:
        return question
    notes = " ".join(text[end : question.end].split())
    if not question.text.endswith(notes):
        return question  # the text was put together otherwise: leave both as found
    return replace(question, end=end, text=question.text[: -len(notes)].rstrip())


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
