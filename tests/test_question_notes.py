"""A transcriber's note right after a question is not the asker's words.

``[recording paused]``, ``[crosstalk]``, ``(laughs)``: set after the question, on its line
or a line of its own, before the answer's label. The question's text and span end with
the asker's words; the note stays in the clean text, where the reader shows it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus import Interview, load_interview

_ANSWERS = (
    "In Ohio, near the lake, in a small town where we grew corn.",
    "He fixed engines for the railway all his life, and so did his brother.",
)


def _load(tmp_path: Path, name: str, text: str) -> Interview:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_interview(path)


def _asked(interview: Interview) -> list[tuple[str, str]]:
    """Each question's text and what its span covers in the clean text."""
    clean = interview.clean.text
    return [(q.text, clean[q.start : q.end]) for q in interview.outline.questions]


_CASES = {
    "on the question's line, Q and A": (
        "notes.txt",
        f"Q: Where were you born? [crosstalk]\n\nA: {_ANSWERS[0]}\n\n"
        f"Q: What did your father do? (laughs)\n\nA: {_ANSWERS[1]}\n",
    ),
    "on a line of its own, names in capitals": (
        "notes.txt",
        f"INTERVIEWER: Where were you born?\n[recording paused]\nJANE DOE: {_ANSWERS[0]}\n"
        f"INTERVIEWER: What did your father do?\n\n(laughs)\n\nJANE DOE: {_ANSWERS[1]}\n",
    ),
    "Markdown bold names": (
        "notes.md",
        f"**Alan Roe:** Where were you born? [crosstalk]\n\n**Jane Doe:** {_ANSWERS[0]}\n\n"
        f"**Alan Roe:** What did your father do? (laughs) [inaudible]\n\n"
        f"**Jane Doe:** {_ANSWERS[1]}\n",
    ),
    "a cue of its own in WebVTT": (
        "notes.vtt",
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Alan Roe>Where were you born?\n\n"
        "00:00:03.000 --> 00:00:04.000\n[crosstalk]\n\n"
        f"00:00:04.000 --> 00:00:08.000\n<v Jane Doe>{_ANSWERS[0]}\n\n"
        "00:00:08.000 --> 00:00:10.000\n<v Alan Roe>What did your father do? (laughs)\n\n"
        f"00:00:10.000 --> 00:00:14.000\n<v Jane Doe>{_ANSWERS[1]}\n",
    ),
}


@pytest.mark.parametrize("case", list(_CASES))
def test_a_note_after_a_question_is_left_out_of_its_text_and_span(
    tmp_path: Path, case: str
) -> None:
    name, text = _CASES[case]
    interview = _load(tmp_path, name, text)
    asked = ["Where were you born?", "What did your father do?"]
    assert _asked(interview) == [(question, question) for question in asked]
    answers = [q.answer for q in interview.outline.questions]
    assert [interview.clean.text[a.start : a.end].strip() for a in answers] == list(_ANSWERS)
    clean = interview.clean.text
    assert ("[crosstalk]" in clean) or ("[recording paused]" in clean)
    assert "(laughs)" in clean


def test_a_note_after_an_unlabelled_question_is_left_out_too(tmp_path: Path) -> None:
    """No speaker labels at all: the questions are read from the text's shape, and the
    note after one is left out of it the same way."""
    text = (
        "Interview with Jane Doe\n\nWhere were you born? [crosstalk]\n\n"
        f"{_ANSWERS[0]}\n\nWhat did your father do? (laughs)\n\n{_ANSWERS[1]}\n\n"
        "Why did you leave the farm?\n\nThe railway closed the line and there was no work.\n"
    )
    interview = _load(tmp_path, "plain.txt", text)
    asked = ["Where were you born?", "What did your father do?", "Why did you leave the farm?"]
    assert _asked(interview) == [(question, question) for question in asked]
    assert "[crosstalk]" in interview.clean.text


def test_a_bracket_of_the_askers_own_words_stays_in_the_question(tmp_path: Path) -> None:
    text = (
        "Q: Tell us about the second plan (phase two)\n\n"
        f"A: {_ANSWERS[0]}\n\n"
        "Q: [inaudible]\n\n"
        f"A: {_ANSWERS[1]}\n\n"
        "Q: Where were you born? [crosstalk] And when did you leave?\n\n"
        f"A: {_ANSWERS[0]}\n"
    )
    assert [asked for asked, _ in _asked(_load(tmp_path, "own.txt", text))] == [
        "Tell us about the second plan (phase two)",
        "Where were you born? [crosstalk] And when did you leave?",
    ]
