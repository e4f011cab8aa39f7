"""Questions from the floor: after a talk or a company's remarks, someone hands the floor
over again and again, many people ask and one speaker answers. In a transcript naming no
one, the hand-overs are read as the structure, the questions after them are given to the
floor ("audience"), and the talk's own rhetorical questions are none."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus import load_interview
from corpus.outline.floor_questions import FLOOR, handovers
from corpus.outline.output import outline_dict

TRANSCRIPTS = Path(__file__).parent / "transcripts"


def _marks(units: list[str]) -> list[bool]:
    return ["?" in unit for unit in units]


@pytest.mark.parametrize(
    "handover",
    [
        "Our next question is from Jane Roe with the Courier. Please proceed.",
        "We have time for a few questions.",
        "Any other questions?",
    ],
)
def test_talk_about_the_next_question_hands_the_floor_over(handover: str) -> None:
    units = ["That is where the survey stands today.", handover, "How big was the sample?"]
    units += ["Forty people.", "Next question, please.", "Who paid for it?"]
    units += ["The council did.", "Next question, please.", "When does it end?"]
    assert handovers(units, _marks(units)) == [1, 4, 7]


def test_a_hand_over_said_once_in_other_words_is_no_session() -> None:
    # one announcement alone, or words about a question that do not recur, open no floor
    units = ["That is where the survey stands today.", "We have time for a few questions."]
    units += ["How big was the sample?", "Forty people.", "Next question, please."]
    units += ["Who paid for it?"]
    assert handovers(units, _marks(units)) == []


@pytest.mark.parametrize(
    "own",
    [
        "I have a question about the sample.",  # the asker's own
        "Thanks for taking my question.",
        "Thank you for the question.",  # the answerer's
        "Do you think questions like that were asked of the survey team at the time?",
    ],
)
def test_a_question_of_ones_own_hands_nothing_over(own: str) -> None:
    units = ["That is where the survey stands today.", own, "How big was the sample?"]
    units += ["Forty people.", own, "Who paid for it?"]
    assert handovers(units, _marks(units)) == []


def test_a_conversation_that_frames_its_talk_as_questions_hands_nothing_over() -> None:
    units = ["We looked at the taxi data.", "And the question is how we divide it up."]
    units += ["Do you split it by the hour?", "Yes, by the hour."]
    units += ["So the question is when people tip.", "Do they tip at night?", "Mostly."]
    assert handovers(units, _marks(units)) == []


def test_good_question_after_a_question_is_the_answer_not_a_hand_over() -> None:
    units = ["How big was the sample?", "Good question.", "Why did it shrink?"]
    units += ["It did not.", "How big was the team?", "Good question.", "Who paid?"]
    assert handovers(units, _marks(units)) == []


def _srt(cues: list[str]) -> str:
    return "\n".join(
        f"{n + 1}\n00:{(3 * n) // 60:02d}:{(3 * n) % 60:02d},000 --> "
        f"00:{(3 * n + 3) // 60:02d}:{(3 * n + 3) % 60:02d},000\n{cue}\n"
        for n, cue in enumerate(cues)
    )


TALK = [
    "Thank you all for coming tonight.",
    "I want to talk about how we measured the glacier, and what thirty years of it taught us.",
    "So why does a glacier retreat at all?",
    "It loses more ice in summer than it gains in winter.",
    "That balance has tipped over the last thirty years, faster than anyone expected.",
    "We measured the ice front every spring from the same rock.",
    "Same camera.",
    "What did we find?",
    "The front moved back forty metres in a good year, and more than a hundred in a bad one.",
    "The satellite images agree with the photographs.",
    "That is why we trust the long record, and why we keep going back.",
    "That is where the survey stands today.",
    "Thank you.",
    "We have time for a few questions.",
    "Next question, in the front.",
    "How did you keep the camera in the same place for thirty years?",
    "We bolted a plate to the rock, so the camera sits on it in the same spot every spring.",
    "We checked it against two markers on the far shore.",
    "Once the plate came loose, and we had to drill it again.",
    "That cost us a whole season of photographs, which still hurts when I look at the record.",
    "Next question, in the back.",
    "Do the satellite images ever disagree with your photographs?",
    "Only in cloudy years, when the satellite sees nothing at all.",
    "Then the photographs are all we have, and we are glad of every one of them.",
    "In clear years the two agree to within a few metres.",
    "Better than we hoped.",
]


def test_questions_from_the_floor_are_the_audiences(tmp_path: Path) -> None:
    path = tmp_path / "talk.srt"
    path.write_text(_srt(TALK), encoding="utf-8")
    interview = load_interview(path)
    outline = interview.outline
    texts = [question.text for question in outline.questions]
    assert texts == [
        "How did you keep the camera in the same place for thirty years?",
        "Do the satellite images ever disagree with your photographs?",
    ]
    assert [question.asker for question in outline.questions] == [FLOOR, FLOOR]
    assert outline.speakers == (FLOOR,) and outline.askers == (FLOOR,)
    asked = outline_dict(interview)["sections"][0]["questions"]
    assert [question["speaker"] for question in asked] == [FLOOR, FLOOR]
    # the reader says who speaks inside a question from the floor
    turn = outline.turn_at(outline.questions[1].start + 3)
    assert turn is not None and turn.speaker == FLOOR


PODCAST = [
    "Welcome to the show, it's great to have you here.",
    "Thanks for having me.",
    "So how did the survey start?",
    "We measured the ice front every spring from the same rock.",
    "The question was always whether the camera moved,",
    "so we bolted a plate to the rock and checked it every year.",
    "That gave us thirty years of photographs to compare.",
    "Interesting. And what did the satellites add?",
    "They gave us the whole glacier, not just its front.",
    "The big question now is how fast the front will go,",
    "and for that we need the next ten years of photographs.",
    "Nobody can model it well enough yet to say for sure.",
]


def test_a_conversation_that_speaks_of_questions_has_no_floor(tmp_path: Path) -> None:
    path = tmp_path / "podcast.srt"
    path.write_text(_srt(PODCAST), encoding="utf-8")
    outline = load_interview(path).outline
    assert outline.questions
    assert all(question.asker == "" for question in outline.questions)
    assert outline.speakers == ()


def test_the_real_earnings_calls_questions_come_from_the_floor() -> None:
    """Two recognisers' transcripts of earnings calls' question sessions, punctuated and
    not: the analysts the operator puts through ask, the floor is their speaker."""
    for name in ("tsv_earnings21_rev_group_q4_2020_qa.tsv", "tsv_earnings21_new_home_q3_2020.tsv"):
        outline = load_interview(TRANSCRIPTS / name).outline
        assert outline.questions
        assert {question.asker for question in outline.questions} == {FLOOR}
    punctuated = load_interview(TRANSCRIPTS / "tsv_earnings21_rev_group_q4_2020_qa.tsv").outline
    texts = [question.text for question in punctuated.questions]
    assert not any(text.startswith("Our next question") for text in texts)
    assert any(text.startswith("Hi. Good morning. I guess a couple") for text in texts)
