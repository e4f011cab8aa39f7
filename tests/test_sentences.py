"""Sentence spans: the reader's cursor stops exactly where a reader expects a sentence to end."""

from __future__ import annotations

import re
import textwrap
from itertools import pairwise
from pathlib import Path

import pytest

from corpus import load_interview, split_sentences
from corpus.outline.paragraphs import is_hard_wrapped, paragraph_spans
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
        assert not re.search(r"\n[ \t]*\n", text[span.start : span.end])  # no paragraph break
        for offset in range(span.start, span.end):
            covered[offset] += 1
    for offset, char in enumerate(text):
        allowed = {0, 1} if char.isspace() else {1}
        assert covered[offset] in allowed, f"{offset} ({char!r}) covered {covered[offset]} times"


@pytest.mark.parametrize("path", [CLEAN_SEED, NOISY_SEED], ids=["004", "000"])
def test_seed_sentences_cover_the_text(path: Path) -> None:
    interview = load_interview(path)
    covers_every_non_space_once(interview.text)
    # One paragraph per line: no sentence of the seeds crosses a line break.
    assert not any("\n" in interview.text[s.start : s.end] for s in interview.sentences)
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


PARAGRAPHS = [
    "Q: What was the status of the industrial economy in the past year? How to promote "
    "steady industrial growth in 2023?",
    "Answer: Over the past year, we have worked with various regions and departments to "
    "respond to the impact of various unexpected factors. From January to November 2022, the "
    "added value of industries rose by 3.8% year-on-year, and industry continued to play the "
    'role of a "ballast stone" in stabilizing the macroeconomic market.',
    "It is undeniable that the operation of the industrial economy still faces difficulties "
    "and challenges. We have the confidence, conditions and ability to promote the steady "
    "recovery of the industrial economy. See https://www.miit.gov.cn/zwgk/zcjd/art/2023/"
    "art_5a8c3b6e2d0b4f6c9e7d1a2b3c4d5e6f.html for more.",
]
#: As saved from an email client: wrapped at 72 columns, a blank line between paragraphs.
WRAPPED = (
    "\n\n".join(
        textwrap.fill(p, 72, break_on_hyphens=False, break_long_words=False) for p in PARAGRAPHS
    )
    + "\n"
)


def test_hard_wrapped_sentences_run_over_line_breaks() -> None:
    assert [" ".join(s.split()) for s in sentences(WRAPPED)] == [
        "Q: What was the status of the industrial economy in the past year?",
        "How to promote steady industrial growth in 2023?",
        "Answer: Over the past year, we have worked with various regions and departments to "
        "respond to the impact of various unexpected factors.",
        "From January to November 2022, the added value of industries rose by 3.8% "
        'year-on-year, and industry continued to play the role of a "ballast stone" in '
        "stabilizing the macroeconomic market.",
        "It is undeniable that the operation of the industrial economy still faces "
        "difficulties and challenges.",
        "We have the confidence, conditions and ability to promote the steady recovery of "
        "the industrial economy.",
        "See https://www.miit.gov.cn/zwgk/zcjd/art/2023/"
        "art_5a8c3b6e2d0b4f6c9e7d1a2b3c4d5e6f.html for more.",
    ]
    assert WRAPPED.count("\n") > 10
    covers_every_non_space_once(WRAPPED)


def test_short_lines_are_not_mistaken_for_wrapping() -> None:
    text = "Heading one\nQ: Why?\nA: Because.\nHeading two\nQ: How?\nA: Like so.\n"
    assert not is_hard_wrapped(text)
    assert sentences(text) == [line for line in text.splitlines()]


def test_one_paragraph_per_line_files_are_not_wrapped() -> None:
    assert not is_hard_wrapped(load_interview(CLEAN_SEED).text)
    assert not is_hard_wrapped(load_interview(NOISY_SEED).text)
    assert is_hard_wrapped(WRAPPED * 2)


def test_wrapped_lines_never_join_a_label_or_list_item() -> None:
    text = (
        "Answer: We will focus on the following aspects of the work this year and the\n"
        "1. Stabilize growth in key industries across all regions and all departments\n"
        "2. Build a modern industrial system across all regions and all departments,\n"
        "Q: What are the most important things for the industrial economy this year?\n"
        "A: The most important things for the industrial economy this year are many\n"
        "and they are hard to list in full, but we will do our best to list them all.\n"
    )
    assert is_hard_wrapped(text)
    spans = paragraph_spans(text)
    assert [text[s.start : s.start + 3] for s in spans] == ["Ans", "1. ", "2. ", "Q: ", "A: "]
