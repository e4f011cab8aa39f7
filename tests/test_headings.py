"""Section headings in the conventions transcripts use, judged from the document's shape.

Each convention is checked on a small written transcript; the real transcripts whose
gold outlines list headings are scored against that gold (``tests/transcripts/``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus import build_outline, load_interview
from corpus.outline.output import outline_dict
from corpus.outline.scoring import gold_from_dict, score_outline

TRANSCRIPTS = Path(__file__).parent / "transcripts"


def headings(text: str) -> list[str | None]:
    outline = build_outline(text)
    for section in outline.sections:  # a heading is the text where its section starts
        if section.heading is not None:
            start = section.start
            assert " ".join(text[start : start + len(section.heading) + 5].split()).startswith(
                section.heading
            )
    return [section.heading for section in outline.sections]


def test_markdown_headings_without_their_marks() -> None:
    text = (
        "# Interview with Ada\n"
        "## Early years\n"
        "**Q:** Where did you grow up?\n"
        "**Ada:** In London.\n"
        "## Work ##\n"
        "**Q:** What came next?\n"
        "**Ada:** The engine.\n"
    )
    assert headings(text)[-2:] == ["Early years", "Work"]


def test_an_underlined_line_is_a_heading() -> None:
    text = (
        "Q: Shall we begin?\n"
        "A: Yes.\n"
        "1. Ms Jane Doe\n"
        "==============\n"
        "Jane Doe affirmed.\n"
        "Q: Please give your full name.\n"
        "A: Jane Sarah Doe.\n"
    )
    assert headings(text) == [None, "1. Ms Jane Doe"]


@pytest.mark.parametrize("number", ["1.", "2.3", "II.", "B."])
def test_numbered_and_lettered_section_titles(number: str) -> None:
    text = (
        "Q: First things first?\n"
        "A: Yes, indeed.\n"
        f"{number} Early Life and Education\n"
        "Mr. Doe was born in Ohio and studied in Boston.\n"
        "Q: Where were you born?\n"
        "A: In Ohio.\n"
    )
    assert headings(text) == [None, f"{number} Early Life and Education"]


def test_items_of_a_numbered_list_are_not_headings() -> None:
    text = (
        "Q: What will you do?\n"
        "A: Three things.\n"
        "1. Lower Taxes\n"
        "2. Better Schools\n"
        "3. Safer Streets\n"
        "Q: When?\n"
        "A: Soon.\n"
    )
    assert headings(text) == [None]


def test_a_title_case_line_before_a_turn_heads_a_section() -> None:
    text = (
        "Lady Chair: Good morning.\n"
        "Counsel: May I call the witness.\n"
        "Questions From Counsel to the Inquiry\n"
        "Counsel: Please give your full name?\n"
        "Witness: Jane Doe.\n"
        "Counsel: Thank you. Were you in post in 2020?\n"
        "Witness: I was.\n"
    )
    assert "Questions From Counsel to the Inquiry" in headings(text)


def test_a_heading_may_hold_a_full_stop() -> None:
    text = (
        "Q: Tell me about the lab.\n"
        "A: It is small.\n"
        "Ph.D. Students\n"
        "Q: How many students do you have?\n"
        "A: Four.\n"
        "Postdoctoral Fellows\n"
        "Q: And fellows?\n"
        "A: Two.\n"
    )
    assert headings(text) == [None, "Ph.D. Students", "Postdoctoral Fellows"]


def test_articles_under_their_titles_with_bylines() -> None:
    text = (
        "The Weekly Star for March 27, 2024\n"
        "Town Hosts Small Business Meeting\n"
        "By Jane Smith\n"
        "The town hosted its meeting on Thursday, with forty firms attending.\n"
        "Smith supports the communications office.\n"
        "Five Questions with Ada Lovelace\n"
        "By John Smith\n"
        "Ada Lovelace works on engines.\n"
        "Question: What drives you?\n"
        "Lovelace: Curiosity.\n"
    )
    outline = build_outline(text)
    assert outline.title == "The Weekly Star for March 27, 2024"
    assert headings(text) == [
        "Town Hosts Small Business Meeting",
        "Five Questions with Ada Lovelace",
    ]
    assert len(outline.sections[0].questions) == 0
    assert len(outline.sections[1].questions) == 1


def test_a_definition_lists_term_is_no_heading() -> None:
    text = (
        "Q: Which subprojects matter most?\n"
        "A: Let me pick up two of them.\n"
        "KWOK\n"
        ": KWOK is a component in which you can create a cluster of thousands of nodes.\n"
        "Kueue\n"
        ": Kueue is a job queueing controller, deciding when a job should wait or start.\n"
        "Q: And the descheduler?\n"
        "A: It evicts pods.\n"
    )
    assert headings(text) == [None]


@pytest.mark.parametrize("short", ["Not really", "Yeah", "I think so", "In Ohio mostly"])
def test_a_short_answer_line_without_end_punctuation_is_not_a_heading(short: str) -> None:
    text = f"Q: Did you like school?\nA: It was fine.\n{short}\nQ: And university?\nA: Better.\n"
    assert headings(text) == [None]
    (first, _second) = build_outline(text).questions
    assert text[first.answer.start : first.answer.end].endswith(short)


@pytest.mark.parametrize("line", ["1:44 P.M. EST", "Houston, TX – 3 August 2015"])
def test_a_date_or_time_line_is_not_a_heading(line: str) -> None:
    text = f"Interview with Ada\n{line}\nQ: Where were you?\nA: Home.\nQ: Why?\nA: Rain.\n"
    assert None in headings(text)
    assert line not in headings(text)


def test_section_titles_in_capitals_head_their_sections() -> None:
    text = (
        "Q: Shall we start?\nA: Yes.\n"
        "THE ECONOMY\nQ: How are jobs?\nA: Growing.\n"
        "FOREIGN POLICY\nQ: And trade?\nA: Talks go on.\n"
    )
    assert headings(text) == [None, "THE ECONOMY", "FOREIGN POLICY"]


_BORN = "Q: Where were you born?\nA: In Leeds.\n"
_STUDY = "Q: What did you study?\nA: Law.\n"


@pytest.mark.parametrize(
    "text",
    [
        f"{_BORN}PRIME MINISTER\n{_STUDY}PRIME MINISTER\nQ: Why?\nA: My father.\n",  # recurs
        f"{_BORN}OK\n{_STUDY}",  # talk
        f"{_BORN}12:00 P.M. EDT\n{_STUDY}",  # a time of day
        f"{_BORN}{_STUDY}END\n",  # no turn follows
        f"LEADER OF THE OPPOSITION\n{_BORN}{_STUDY}",  # above the turns
    ],
)
def test_capitals_that_are_no_section_title(text: str) -> None:
    assert headings(text) == [None]


def test_a_title_in_capitals_over_prose_as_hearing_prints_set_it() -> None:
    statement = (
        "    Mr. Doe. Thank you, Madam Chair. I am pleased to present the report today.\n"
        "    The economy has grown, though prices rose faster than the committee wished.\n"
    )
    text = (
        "    The Chair. The witness is now recognized for his statement.\n\n"
        "STATEMENT OF THE HONORABLE JOHN DOE, CHAIRMAN,\n"
        "            BOARD OF GOVERNORS OF THE RESERVE\n\n" + statement
    )
    found = [h for h in headings(text) if h is not None]
    assert found == ["STATEMENT OF THE HONORABLE JOHN DOE, CHAIRMAN,"]


def test_capitals_in_a_header_block_are_no_heading() -> None:
    text = (
        "LEADER OF THE OPPOSITION\n"
        "TRANSCRIPT OF DOORSTOP RADIO, ADELAIDE\n"
        "Subjects: Refugees; party factions; the new tax on goods and services and how it works\n"
        "JOURNALIST: Mr Doe, what are your impressions of the plan?\n"
        "DOE: I think the Government needs to be realistic about this.\n"
    )
    assert [h for h in headings(text) if h is not None] == []


def test_a_header_block_of_keys_and_values_holds_no_heading() -> None:
    text = (
        "Transcript of doorstop\n"
        "Subjects: Kosovar Refugees, ALP Factions, GST\n"
        "Media Contact: Jane Doe\n"
        "Location: Adelaide\n"
        "Q: How are you?\nA: Well.\nQ: And the party?\nA: United.\n"
    )
    assert headings(text) == [None]


def test_a_numbered_part_title_above_the_turns_is_still_read() -> None:
    text = "Q: Ready?\nA: Yes.\nPart One: Early Years\nQ: Where?\nA: Leeds.\n"
    assert headings(text) == [None, "Part One: Early Years"]


def test_a_short_title_over_a_bulleted_block_is_a_heading() -> None:
    text = (
        "Q: Anything else?\nA: No, thanks.\n"
        "Media inquiries\n• Minister's Office: 6277 7500\n• Media Liaison: 6261 1555\n"
    )
    assert headings(text) == [None, "Media inquiries"]
    text = "Q: What do you need?\nA: Money.\nTime\n- more\n+ less\n"
    assert headings(text) == [None]  # the lines after it do not open with one same mark


@pytest.mark.parametrize(
    "name",
    [
        "nasa_marshall_star_take5_2024-03-27",
        "hearing_uk_covid_inquiry_2024-03-07",
        "docx_hearing_uk_covid_inquiry_2024-03-07",
        "oral_history_nasa_whitson_2015",
        "wh_interview_fox_sports_2025-02-16",
        "written_k8s_sig_scheduling_spotlight_2024",
        "written_k8s_sig_node_spotlight_2021",
        "written_usesthis_aaron_swartz_2009",
    ],
)
def test_real_transcripts_headings_match_their_gold(name: str) -> None:
    gold = gold_from_dict(json.loads((TRANSCRIPTS / f"{name}.gold.json").read_text("utf-8")))
    outline = outline_dict(load_interview(TRANSCRIPTS / gold.file))
    score = score_outline(gold, outline).headings
    assert (score.gold, score.found, score.matched) == (len(gold.headings),) * 3
