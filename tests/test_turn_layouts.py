"""Turns laid out over several lines: a label set over two lines (a time above the name),
a label alone on its line repeated for each paragraph, a surname alone on its line
(issue 11, item 1).

What a reader notices: the outline comes out, each question and answer shows its own
words and none of a label's, and each turn has its speaker.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from corpus import build_outline, load_interview
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


# -- sessions and slates (issue 11: an oral history's sessions joined in one file) ---------

TRANSCRIPTS = Path(__file__).parent / "transcripts"
SESSIONS = [
    "oral_history_nasa_caldwell_johnson_3_sessions.txt",
    "oral_history_nasa_nygren_2_sessions.txt",
]


def spoken(text: str, start: int, end: int) -> str:
    return text[start:end]


@pytest.mark.parametrize("name", SESSIONS)
def test_a_later_sessions_heading_block_is_no_ones_talk(name: str) -> None:
    interview = load_interview(TRANSCRIPTS / name)
    text, outline = interview.text, interview.outline
    block_lines = ("Edited Oral History Transcript", "Interviewed by")
    assert text.count("Edited Oral History Transcript") >= 2  # a block restated
    for turn in outline.turns:
        assert not any(line in spoken(text, turn.start, turn.end) for line in block_lines)
    for question in outline.questions:
        answer = spoken(text, question.answer.start, question.answer.end)
        assert not any(line in answer for line in block_lines), answer[-200:]
    assert all(section.heading is None for section in outline.sections)


def test_the_slates_opening_sessions_are_no_questions_but_a_slate_that_asks_is() -> None:
    caldwell = load_interview(TRANSCRIPTS / SESSIONS[0]).outline
    asked = [q.text for q in caldwell.questions]
    assert not any(q.startswith(("This is an interview with", "All right. For")) for q in asked)
    assert any(q.startswith("As a matter of fact, the given name") for q in asked)
    assert "How’d that happen?" in asked
    nygren = load_interview(TRANSCRIPTS / SESSIONS[1]).outline
    asked = [q.text for q in nygren.questions]
    assert not any(q.startswith("Today is July 23, 1998") for q in asked)
    # The second session's slate goes on to ask how and when: that turn is a question.
    assert any(q.startswith("Today is March 9th, 2006") for q in asked)
    assert len(asked) == 2


SLATE = (
    "{asker}: Today is the 4th of June, 2019, and I am sitting with Ana Lima at her home "
    "in Porto for the town's oral history project. Recording for the archive is {asker} "
    "Reis.{ending}\n\n"
    "Lima: {reply}\n\n"
    "{asker}: And your father, what did he do?\n\n"
    "Lima: He ran the bakery on the square until 1990.\n"
)


@pytest.mark.parametrize(
    ("ending", "reply", "is_question"),
    [
        ("", "[Looking at the photograph] ... and that was my mother's shop.", False),
        (" Shall we start, Ana?", "My mother opened the shop in 1962, the year I was born.", False),
        (" Where were you born, Ana?", "I was born in Porto, in the old town.", True),
        (" Tell me about your mother's shop.", "It sold bread and cakes, and it still does.", True),
    ],
)
def test_a_slate_is_no_question_unless_it_asks_what_the_reply_takes_up(
    ending: str, reply: str, is_question: bool
) -> None:
    for asker in ("Marta", "Silva"):
        text = SLATE.format(asker=asker, ending=ending, reply=reply)
        outline = build_outline(text)
        assert outline.askers == (asker,)
        asked = [q.text for q in outline.questions]
        assert ("And your father, what did he do?" in asked) is True
        assert any(q.startswith("Today is the 4th of June") for q in asked) is is_question


def test_the_same_opening_turn_later_in_the_talk_is_still_read_as_a_question() -> None:
    # A turn that names the interviewee and the year, but does not open a session.
    text = (
        "Reis: Where were you born?\n\nLima: In Porto, in 1950.\n\n"
        "Reis: You were there with Ana Lima's cousin in 1962, at the shop.\n\n"
        "Lima: Yes, my cousin worked there for two summers.\n"
    )
    asked = [q.text for q in build_outline(text).questions]
    assert asked == [
        "Where were you born?",
        "You were there with Ana Lima's cousin in 1962, at the shop.",
    ]


# -- labels alone on their lines, one per paragraph (Rev style, bitcointranscripts) ---------

ALONE = [
    ("podcast_stephan_livera_194_raspiblitz_2020.md", ("Stephan Livera", "Rootzoll", "Openoms")),
    ("podcast_stephan_livera_302_seedsigner_2021.md", ("Stephan Livera", "Seedsigner")),
]


@pytest.mark.parametrize(("name", "speakers"), ALONE)
@pytest.mark.parametrize("line_end", ["\n", "\r\n"])
def test_a_label_alone_on_its_line_over_each_paragraph_is_its_speakers_turn(
    tmp_path: Path, name: str, speakers: tuple[str, ...], line_end: str
) -> None:
    published = (TRANSCRIPTS / name).read_text(encoding="utf-8")
    path = tmp_path / name
    path.write_bytes(published.replace("\n", line_end).encode("utf-8"))
    interview = load_interview(path)
    text, outline = interview.text, interview.outline
    assert outline.speakers == speakers
    assert outline.askers == ("Stephan Livera",)
    # Every label line opens a turn of its speaker, one per paragraph, in order.
    labels = re.findall(r"(?m)^([A-Z][\w ]+):$", published)
    assert [turn.speaker for turn in outline.turns] == labels
    for turn in outline.turns:
        words = spoken(text, turn.start, turn.end)
        assert words.strip() == words and not words.startswith(f"{turn.speaker}:")
    labelled = [f"{speaker}:" for speaker in speakers]
    for question in outline.questions:
        assert question.asker == "Stephan Livera"
        assert not any(label in question.text for label in labelled), question.text


def test_a_question_over_two_labelled_paragraphs_shows_its_words_only() -> None:
    interview = load_interview(TRANSCRIPTS / ALONE[0][0])
    split = [q for q in interview.outline.questions if "newcoiner" in q.text]
    assert len(split) == 1
    shown = split[0].text
    assert shown.startswith("Yeah. I guess for me, when I’m speaking to a newcoiner")
    assert "future hardware trends, right? So I think right now most people" in shown
    assert shown.endswith("like the open hardware?")
    assert "Stephan Livera" not in shown


def test_a_question_split_under_the_askers_label_twice_keeps_no_label_in_its_text() -> None:
    text = (
        "Interviewer:\r\nSo tell me how you started.\r\n\r\nMaria Lopez:\r\nAt a small shop.\r\n"
        "\r\nInterviewer:\r\nDid it work out?\r\n\r\nInterviewer:\r\nI mean, were you happy?\r\n"
        "\r\nMaria Lopez:\r\nMostly, yes.\r\n"
    )
    outline = build_outline(text)
    assert [q.text for q in outline.questions] == [
        "So tell me how you started.",
        "Did it work out? I mean, were you happy?",
    ]
    assert [q.answerer for q in outline.questions] == ["Maria Lopez", "Maria Lopez"]
