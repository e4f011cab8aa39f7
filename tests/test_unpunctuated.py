"""Questions in speech-to-text output without punctuation, on real machine transcripts."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from corpus import load_interview
from corpus.outline.unpunctuated import unpunctuated
from tests.conftest import ROOT

TRANSCRIPTS = ROOT / "tests" / "transcripts"
SITIME = TRANSCRIPTS / "srt_earnings21_sitime_q3_2020.srt"
NEW_HOME = TRANSCRIPTS / "tsv_earnings21_new_home_q3_2020.tsv"
EARTHSTONE = TRANSCRIPTS / "text_earnings21_earthstone_q2_2020.txt"


def questions(path: Path) -> list[str]:
    return [question.text for question in load_interview(path).outline.questions]


def test_a_question_starts_inside_a_cue_where_the_asker_reacts() -> None:
    # Fixed-length cues run across speakers: "segments going from q3 to q4 great that's
    # super" holds the end of an answer and the start of the next question.
    asked = questions(SITIME)
    assert any(text.startswith("great that's super helpful and then my followup") for text in asked)
    assert any(text.startswith("hey guys congratulations") for text in asked)
    # The greeting and self-introduction before the thanks are the question's start.
    assert asked[0].startswith("good afternoon guys this is tom o'malley")
    # The operator's "we have your next question from ..." puts nothing to anyone.
    assert not any(text.startswith("we have your next question") for text in asked)


def test_the_answer_starts_after_the_question_and_holds_no_question() -> None:
    interview = load_interview(SITIME)
    found = interview.outline.questions
    for question, following in pairwise(found):
        assert question.end <= question.answer.start <= question.answer.end
        assert question.answer.end <= following.start
    first = found[0]
    answer = interview.text[first.answer.start : first.answer.end]
    assert "mobile iot group" in answer


def test_questions_asked_inside_an_answer_do_not_split_it() -> None:
    # The executive asks himself "does that mean ... we're not pre-cashflow positive no
    # not necessarily" and "like does environment feel better ... absolutely" in answers.
    interview = load_interview(EARTHSTONE)
    text = interview.text
    for asked_in_answer in ("does that mean over the course", "does environment feel better"):
        offset = text.index(asked_in_answer)
        assert not any(q.start <= offset < q.end for q in interview.outline.questions)
        assert any(q.answer.start <= offset < q.answer.end for q in interview.outline.questions)


def test_segments_cut_at_pauses_give_each_asker_turn_once() -> None:
    asked = questions(NEW_HOME)
    assert any(text.startswith("thank you for taking my question guys") for text in asked)
    assert any(text.startswith("thanks for taking my follow-up") for text in asked)
    # The executives handing over to each other ("leonard" / "why don't you take it")
    # and the operator are no questions.
    assert not any(text.startswith(("leonard", "our next question")) for text in asked)


@pytest.mark.parametrize(
    "name",
    [
        "vtt_talkpython_081_astronomy_2016.vtt",
        "podcast_talkpython_134_climate_science_2017.txt",
        "srt_google_policy_talk_panel_qa_2008-09-10.srt",
    ],
)
def test_punctuated_captions_are_not_read_as_unpunctuated(name: str) -> None:
    assert not unpunctuated(load_interview(TRANSCRIPTS / name).text)


def test_machine_transcripts_are_read_as_unpunctuated() -> None:
    for path in (SITIME, NEW_HOME, EARTHSTONE):
        assert unpunctuated(load_interview(path).text)


def test_caption_lines_with_times_ask_the_same_and_keep_times_out_of_questions(
    tmp_path: Path,
) -> None:
    # The SRT's cues written as "HH:MM:SS words" lines, as caption tools export them.
    interview = load_interview(SITIME)
    text, times = interview.text, interview.times
    lines = []
    for (start, seconds), (end, _) in zip(times, [*times[1:], (len(text), 0.0)], strict=True):
        hours, rest = divmod(int(seconds), 3600)
        stamp = f"{hours:02d}:{rest // 60:02d}:{rest % 60:02d}"
        lines.append(f"{stamp} {' '.join(text[start:end].split())}")
    stamped = tmp_path / "sitime.txt"
    stamped.write_text("\n".join(lines) + "\n", encoding="utf-8")
    asked = questions(stamped)
    assert len(asked) >= len(questions(SITIME)) - 2
    assert asked[0].startswith("good afternoon guys this is tom o'malley")
    assert any(text.startswith("hey guys congratulations") for text in asked)
    assert not any(":" in question for question in asked)
