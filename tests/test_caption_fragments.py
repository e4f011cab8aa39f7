"""An automatic transcript breaks sentences across its cues, often after one capitalised
word ("Depending" / "on the data.", "So" / "I think ..."). Such a line is no speaker's
name over a turn: the words after it run on in lower case. A real name alone on its line
is followed by its speaker's words, which open a sentence."""

from __future__ import annotations

from pathlib import Path

from corpus import build_outline, load_interview


def _vtt(lines: list[str]) -> str:
    return "WEBVTT\n\n" + "\n".join(
        f"00:00:{2 * n:02d}.000 --> 00:00:{2 * n + 2:02d}.000\n{line}\n"
        for n, line in enumerate(lines)
    )


CUES = [
    "Welcome to the show, it's great to have you here.",
    "Thanks for having me.",
    "So how did the notebook project start?",
    "So",
    "I think it started with my PhD work on reproducibility.",
    "Notebooks ran cells in any order.",
    "Depending",
    "on the data, you got different results.",
    "Interesting. And what did you try first?",
    "So",
    "we first wrote a linter for notebooks.",
    "But",
    "it only told people what was wrong.",
    "It was not enough.",
    "Depending",
    "on the notebook, it found hundreds of problems.",
    "Okay. Why a new notebook then?",
    "So",
    "a new file format was the only way to fix it for good.",
]


def test_a_word_broken_off_its_sentence_is_no_speakers_name(tmp_path: Path) -> None:
    path = tmp_path / "talk.vtt"
    path.write_text(_vtt(CUES), encoding="utf-8")
    outline = load_interview(path).outline
    assert outline.speakers == ()
    texts = [question.text for question in outline.questions]
    assert any(text.startswith("So how did the notebook project start?") for text in texts)
    assert any("And what did you try first?" in text for text in texts)


def test_a_name_alone_over_its_speakers_sentences_still_labels_turns() -> None:
    text = (
        "Jane Doe\nHow did the notebook project start?\n\n"
        "Sam Roe\nIt started with my PhD work on reproducibility.\n\n"
        "Jane Doe\nAnd what did you try first?\n\n"
        "Sam Roe\nA linter for notebooks.\n"
    )
    outline = build_outline(text)
    assert [q.asker for q in outline.questions] == ["Jane Doe", "Jane Doe"]
    assert [q.answerer for q in outline.questions] == ["Sam Roe", "Sam Roe"]
