"""A pause between the cues of subtitles that name nobody is weak evidence of a new turn:
it opens one only where the words either side bear it out (a finished sentence before, a
reply after), so a speaker pausing inside their own question or answer keeps one turn."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus import load_interview
from corpus.reading.formats import read_document
from corpus.reading.pauses import pause_opens_turn

TRANSCRIPTS = Path(__file__).parent / "transcripts"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("What did you measure first?", "The ice front, every spring."),
        ("What did you measure first?", "Yeah, so we started with the ice front."),
        ("We measured it every spring.", "Okay, cool. And the camera?"),
        ("And that was the whole survey.", "Exactly."),
        ("That's a tool?", "This is a grab bag of random words."),
    ],
)
def test_a_pause_the_words_bear_out_opens_a_turn(before: str, after: str) -> None:
    assert pause_opens_turn(before, after)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # the sentence runs on over the pause: the speaker searching for words
        ("So there's a few different", "ways to run it."),
        # a statement, then more of the same speaker's talk: nothing says who
        ("Yeah, so there's a few different ways.", "The sort of traditional way, if you"),
        # a question, then the asker asks again in other words
        ("Can you do the widgets?", "Like if it's read-only, can I slide the widgets?"),
        # a question carried on after the pause
        ("Did you release it?", "And did anyone use it?"),
        ("Did you release it?", "Because I never saw it."),
    ],
)
def test_a_pause_alone_opens_no_turn(before: str, after: str) -> None:
    assert not pause_opens_turn(before, after)


def _vtt(cues: list[tuple[float, float, str]]) -> str:
    def stamp(seconds: float) -> str:
        return f"00:{int(seconds) // 60:02d}:{seconds % 60:06.3f}"

    return "WEBVTT\n\n" + "\n".join(
        f"{stamp(start)} --> {stamp(end)}\n{words}\n" for start, end, words in cues
    )


def _text(tmp_path: Path, cues: list[tuple[float, float, str]], suffix: str = ".vtt") -> str:
    path = tmp_path / f"talk{suffix}"
    path.write_text(_vtt(cues), encoding="utf-8")
    return read_document(path).text


def test_a_question_broken_by_a_pause_stays_one_paragraph(tmp_path: Path) -> None:
    text = _text(
        tmp_path,
        [
            (0.0, 3.0, "You get an app, but by default you hide all the code."),
            (3.0, 5.0, "Can you do the widgets?"),
            (8.5, 11.0, "Like if it's read-only, can I slide the widgets?"),
            (11.0, 14.0, "Yeah, you can slide the widgets and see it do stuff."),
        ],
    )
    assert "\n\n" not in text
    assert "Can you do the widgets?\nLike if it's read-only" in text


def test_a_pause_after_a_question_before_its_answer_is_a_new_paragraph(tmp_path: Path) -> None:
    text = _text(
        tmp_path,
        [
            (0.0, 3.0, "We kept the camera in a box in the hut."),
            (3.0, 5.0, "How long did the survey run?"),
            (8.0, 11.0, "Thirty years, from the same rock."),
            (11.0, 14.0, "Some springs the rock was under snow."),
        ],
    )
    assert "How long did the survey run?\n\nThirty years" in text
    assert text.count("\n\n") == 1


def test_a_pause_inside_a_sentence_breaks_no_paragraph(tmp_path: Path) -> None:
    text = _text(
        tmp_path,
        [
            (0.0, 3.0, "So there's a few different"),
            (6.0, 8.0, "ways to run a notebook."),
            (8.0, 11.0, "The first is as an app."),
        ],
    )
    assert "\n\n" not in text


def test_without_punctuation_a_pause_still_breaks_a_paragraph(tmp_path: Path) -> None:
    # no sentence ends to read: the rules for unpunctuated speech weigh the pause instead
    text = _text(
        tmp_path,
        [
            (0.0, 3.0, "we measured the ice front every spring"),
            (3.0, 5.0, "from the same rock"),
            (8.0, 11.0, "okay great and how long did that run"),
        ],
    )
    assert "from the same rock\n\nokay great" in text


def test_the_real_auto_transcript_with_pauses(tmp_path: Path) -> None:
    """Talk Python #501's automatic transcript: a pause inside the guest's answer and one
    inside the host's question open no question there."""
    outline = load_interview(TRANSCRIPTS / "vtt_talkpython_501_marimo_pauses.vtt").outline
    texts = [question.text for question in outline.questions]
    assert not any(text.startswith("The sort of traditional way") for text in texts)
    assert any("the final thing I want to talk about" in text for text in texts)
    assert not any(text.startswith("Like if it's read-only") for text in texts)
