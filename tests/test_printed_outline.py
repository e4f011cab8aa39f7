"""The outline of a printed court transcript: its section lines, its stage notes, its bench.

Rules read the document's structure (a title set letter by letter before the turns, a
line cut off mid-sentence, the title the askers' labels share), shown on small texts in
the convention and on the Supreme Court's United States v. Texas (2016) in
tests/transcripts.
"""

from __future__ import annotations

import json
from pathlib import Path

from corpus import load_interview
from corpus.outline.structure import build_outline

TRANSCRIPTS = Path(__file__).parent / "transcripts"
ARGUMENT = TRANSCRIPTS / "scotus_oral_argument_us_v_texas_2016-04-18.txt"

BENCH = """IN THE SUPREME COURT OF THE UNITED STATES

- - - - - - - - - - - - - - - - - x ROE, ET AL., :

Petitioners : No. 99-123

APPEARANCES: JANE DOE, ESQ., Washington, D.C.; on behalf of Petitioners. JOHN ROE, ESQ., \
Boston, Mass.; on behalf of Respondent.

C O N T E N T S

ORAL ARGUMENT OF PAGE JANE DOE, ESQ. On behalf of the Petitioners 3

P R O C E E D I N G S

(10:02 a.m.)

CHIEF JUSTICE LEE: We'll hear argument this morning in Case 99-123, Roe v. Doe. Ms. Doe.

ORAL ARGUMENT OF JANE DOE ON BEHALF OF THE PETITIONERS

MS. DOE: Mr. Chief Justice, and may it please the Court: the statute reaches only \
what the agency itself decides, and nothing the States do.

The principal --

JUSTICE PARK: Does it reach the permits that the States issue under the program?

MS. DOE: No, Your Honor. The permits are the States' own, and the statute says nothing \
about them at all, as the agency has always read it.

JUSTICE WEST: Why has the agency never said so in a rule?

MS. DOE: It has, in the 1998 rule, which the court of appeals did not discuss at all \
when it held the other way.

JUSTICE KIM: The 1998 rule was withdrawn two years later.

MS. DOE: It was replaced, Justice Kim, by a rule that says the same thing in more \
words, and nobody has challenged that one.

JUSTICE KIM: Nobody has relied on the new one either.

MS. DOE: The States all have, Justice Kim, in every permit they issued since then.

CHIEF JUSTICE LEE: Thank you, counsel. Mr. Roe.

ORAL ARGUMENT OF JOHN ROE ON BEHALF OF THE RESPONDENT

MR. ROE: Mr. Chief Justice: the permits are federal in all but name.

JUSTICE WEST: So the States decide nothing under the program.

MR. ROE: Nothing that matters, Justice West.

JUSTICE KIM: Then the agency's rule is the whole case.

MR. ROE: It is, and it was withdrawn.

CHIEF JUSTICE LEE: Thank you, counsel. The case is submitted.

(Whereupon, at 11:01 a.m., the case was submitted.)
"""


def _headings(text: str) -> list[str]:
    return [section.heading for section in build_outline(text).sections if section.heading]


def test_a_title_set_letter_by_letter_before_the_turns_is_a_heading_a_contents_one_is_not() -> None:
    headings = _headings(BENCH)
    assert "P R O C E E D I N G S" in headings
    assert "C O N T E N T S" not in headings
    assert "ORAL ARGUMENT OF JANE DOE ON BEHALF OF THE PETITIONERS" in headings


def test_the_caption_and_a_line_cut_off_mid_sentence_are_no_headings() -> None:
    headings = _headings(BENCH)
    assert "IN THE SUPREME COURT OF THE UNITED STATES" not in headings
    assert "The principal --" not in headings


def test_the_caption_page_s_appearances_are_nobody_s_turn() -> None:
    assert "APPEARANCES" not in build_outline(BENCH).speakers


def test_a_justice_whose_turn_is_a_statement_asks_like_the_bench() -> None:
    outline = build_outline(BENCH)
    assert {"JUSTICE PARK", "JUSTICE WEST", "JUSTICE KIM"} <= set(outline.askers)
    assert "MS. DOE" not in outline.askers
    questions = [BENCH[q.start : q.end] for s in outline.sections for q in s.questions]
    assert "The 1998 rule was withdrawn two years later." in questions


def test_a_title_the_answerer_shares_makes_nobody_an_asker() -> None:
    hearing = (
        "Mr. Roe: Welcome. Why did the bank fail?\n\n"
        "Mr. Doe: It lent too much against too little, for too long, and nobody stopped it "
        "until the funding ran out in the autumn.\n\n"
        "Mr. Fox: What did the regulators know?\n\n"
        "Mr. Doe: They knew the ratios, and they were told twice, in writing, that the "
        "ratios were getting worse every quarter.\n\n"
        "Mr. Lee: I see.\n"
    )
    outline = build_outline(hearing)
    assert "Mr. Doe" not in outline.askers


def test_the_oral_argument_outlines_as_its_gold_says() -> None:
    gold = json.loads(ARGUMENT.with_suffix(".gold.json").read_text(encoding="utf-8"))
    outline = load_interview(ARGUMENT).outline
    assert [s.heading for s in outline.sections if s.heading] == gold["headings"]
    assert set(outline.speakers) == set(gold["speakers"])
    assert set(gold["askers"]) <= set(outline.askers)
    assert "GENERAL VERRILLI" not in outline.askers


def _questions(text: str) -> list[str]:
    outline = build_outline(text)
    return [text[q.start : q.end] for s in outline.sections for q in s.questions]


def test_calling_the_case_and_the_advocate_to_the_lectern_is_no_question() -> None:
    questions = _questions(BENCH)
    assert not any(q.startswith(("We'll hear argument", "Thank you, counsel")) for q in questions)


def test_an_advocate_who_says_little_is_asked_all_the_same() -> None:
    questions = _questions(BENCH)
    assert "So the States decide nothing under the program." in questions
    assert "Then the agency's rule is the whole case." in questions
