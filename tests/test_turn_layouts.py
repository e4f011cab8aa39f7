"""Turns laid out over several lines: a label set over two lines (a time above the name),
a label alone on its line repeated for each paragraph, a surname alone on its line
(issue 11, item 1).

What a reader notices: the outline comes out, each question and answer shows its own
words and none of a label's, and each turn has its speaker.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus import build_outline
from corpus.model import Outline
from tests.conftest import run_gloss

TIMED_LABELS = (
    "00:12:03\nJane Doe:\nWhy did you come to the city?\n\n"
    "00:12:10\nJohn Roe:\nFor the work, at first.\n\n"
    "00:12:20\nJane Doe:\nAnd then what happened?\n\n"
    "00:12:30\nJohn Roe:\nI stayed on and married.\n"
)


def labels_out_of_the_words(outline: Outline, text: str) -> None:
    """No question's or answer's text holds a speaker's label."""
    for question in outline.questions:
        shown = [question.text, text[question.answer.start : question.answer.end]]
        for words in shown:
            for speaker in outline.speakers:
                assert speaker not in words, (speaker, words)


@pytest.mark.parametrize("blank", ["\n", "\n\n"])
@pytest.mark.parametrize("colon", [":", ""])
def test_a_label_set_over_two_lines_a_time_above_the_name(colon: str, blank: str) -> None:
    text = TIMED_LABELS.replace(":\n", colon + "\n").replace("\n", blank)
    outline = build_outline(text)
    assert outline.speakers == ("Jane Doe", "John Roe")
    assert [q.text for q in outline.questions] == [
        "Why did you come to the city?",
        "And then what happened?",
    ]
    answers = [text[q.answer.start : q.answer.end].strip() for q in outline.questions]
    assert answers == ["For the work, at first.", "I stayed on and married."]
    labels_out_of_the_words(outline, text)
    assert [turn.speaker for turn in outline.turns] == ["Jane Doe", "John Roe"] * 2


def test_gloss_outline_of_labels_set_over_two_lines_prints_the_questions(
    tmp_path: Path,
) -> None:
    path = tmp_path / "timed.txt"
    path.write_text(TIMED_LABELS, encoding="utf-8")
    result = run_gloss("outline", str(path), "--json")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    printed = json.dumps(json.loads(result.stdout))
    assert "Why did you come to the city?" in printed
    assert "And then what happened?" in printed
