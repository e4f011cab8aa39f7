"""Sentence spans: the reader's cursor stops exactly where a reader expects a sentence to end."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import pytest

from corpus import load_interview, split_sentences
from tests.conftest import CLEAN_SEED, NOISY_SEED


def sentences(text: str) -> list[str]:
    return [text[span.start : span.end] for span in split_sentences(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The meeting on Dec. 3 agreed on the plan.",
        "Mr. Li and Mrs. Wang met Dr. Zhang and Prof. Chen.",
        "Trade with the U.S. grew while the U.K. market shrank.",
        "The No. 1 priority is growth.",
        "Support key sectors, e.g. steel, and i.e. the base.",
        "Output rose 4.5% to 1.15 trillion yuan.",
        "We waited... And then it came.",
        "Growth continued … And then it stopped.",
        "He met J. K. Rowling in London.",
        "The talks begin at 9 a.m. Beijing time.",
        "See p. 4 and Fig. 2 for details.",
        "Li Jun (Vol. 3) wrote about it.",
    ],
)
def test_no_split_inside(text: str) -> None:
    assert sentences(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It grew. It shrank.", ["It grew.", "It shrank."]),
        ("Why? Because! Fine.", ["Why?", "Because!", "Fine."]),
        ('He said "take the lead." Then he left.', ['He said "take the lead."', "Then he left."]),
        (
            'Work to "take the lead". Each region acts.',
            ['Work to "take the lead".', "Each region acts."],
        ),
        ("It ended (at last.) Next.", ["It ended (at last.)", "Next."]),
        (
            "Sales hit 478,000 in 2022. 2023 is the first year.",
            ["Sales hit 478,000 in 2022.", "2023 is the first year."],
        ),
        ('It grew. "We are confident," he said.', ["It grew.", '"We are confident," he said.']),
        ("The vote was No. The rest agreed.", ["The vote was No.", "The rest agreed."]),
        (
            "They arrived in Dec. The weather was cold.",
            ["They arrived in Dec.", "The weather was cold."],
        ),
        ("我们很有信心。下一步怎么做？", ["我们很有信心。", "下一步怎么做？"]),
    ],
)
def test_splits(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_lowercase_after_period_does_not_start_a_sentence() -> None:
    text = "It is in the 14th plan. my country has grown."
    assert sentences(text) == [text]


def test_every_line_is_its_own_paragraph() -> None:
    text = (
        " Confident and capable of recovery\n\n  Q: What was the status?\n"
        "How to grow in 2023?\n  Answer: It grew. It will grow\nmore next year."
    )
    assert sentences(text) == [
        "Confident and capable of recovery",
        "Q: What was the status?",
        "How to grow in 2023?",
        "Answer: It grew.",
        "It will grow",
        "more next year.",
    ]


def test_empty_and_blank_text() -> None:
    assert split_sentences("") == ()
    assert split_sentences("  \n\n\t \n") == ()


def covers_every_non_space_once(text: str) -> None:
    spans = split_sentences(text)
    covered = [0] * len(text)
    for previous, span in pairwise(spans):
        assert previous.end <= span.start
    for span in spans:
        assert span.start < span.end
        assert not text[span.start].isspace()
        assert not text[span.end - 1].isspace()
        assert "\n" not in text[span.start : span.end]
        for offset in range(span.start, span.end):
            covered[offset] += 1
    for offset, char in enumerate(text):
        allowed = {0, 1} if char.isspace() else {1}
        assert covered[offset] in allowed, f"{offset} ({char!r}) covered {covered[offset]} times"


@pytest.mark.parametrize("path", [CLEAN_SEED, NOISY_SEED], ids=["004", "000"])
def test_seed_sentences_cover_the_text(path: Path) -> None:
    interview = load_interview(path)
    covers_every_non_space_once(interview.text)
    assert interview.sentences == split_sentences(interview.text)


def test_clean_seed_sentences_by_hand() -> None:
    text = load_interview(CLEAN_SEED).text
    found = sentences(text)
    assert found[:2] == [
        "Xinhua News Agency, Beijing, January 2.",
        "Title: Go all out to stabilize the industry and solidly forge new advantages——"
        "Interview with Minister of Industry and Information Technology Jin Zhuanglong",
    ]
    assert "Xinhua News Agency reporter Zhang Xinxin" in found
    assert "How to promote the steady growth of industry?" in found
    assert "Q: What was the status of the industrial economy in the past year?" in found
    assert "How to promote steady industrial growth in 2023?" in found
    assert (
        "The first is to increase the supply and implementation of policies to stabilize growth."
        in found
    )
    # Every sentence ends with a terminator unless it is a heading, title or byline line.
    unterminated = [s for s in found if not re.search(r"[.?!:\"”)]$", s)]
    assert all(len(s.split()) <= 30 for s in unterminated), unterminated


def test_long_text_is_covered() -> None:
    paragraph = (
        "On Dec. 3, Mr. Li said output rose 4.5% to 1.15 trillion yuan in the U.S. market. "
        'The No. 1 goal is to "take the lead"! Why? Because growth matters... '
        "It will continue.\n"
    )
    text = paragraph * 200
    covers_every_non_space_once(text)
    assert len(split_sentences(text)) == 4 * 200
