"""Printed transcripts (numbered margins, page headers and footers) read as prose.

The real file is the Supreme Court's transcript of United States v. Texas (2016) as
``pdftotext -layout`` prints it (tests/transcripts); the small pages below follow the
same conventions, single-spaced as other extractors print them.
"""

from __future__ import annotations

import re
from pathlib import Path

from corpus import load_interview
from corpus.cleaning.clean import clean_text

ARGUMENT = Path(__file__).parent / "transcripts" / "scotus_oral_argument_us_v_texas_2016-04-18.txt"


def _page(number: int, lines: list[str]) -> str:
    """A deposition page: its header, its page number, 25 numbered lines, its footer."""
    body = [f"{i:>2}  {line}".rstrip() for i, line in enumerate(lines + [""] * 25, 1)][:25]
    return "\n".join(
        [
            "          SMITH v. JONES - DEPOSITION OF ANN ROE",
            f"{number:>60}",
            *body,
            "                 Midtown Reporting Services, Inc.",
            "\f",
        ]
    )


DEPOSITION = _page(
    12,
    [
        "     Q.   Where were you on the night of the",
        "fourteenth?",
        "     A.   At home, with my sister. We watched a",
        "documentary about the harbour and the ship-",
        "yards.",
        "           MR. DOE:  Objection, form.",
        "BY MR. ROE:",
        "     Q.   Did anyone else see you there?",
        "     A.   No.",
    ],
) + _page(
    13,
    [
        "     Q.   Not a neighbour, not a friend?",
        "     A.   Not that I remember.",
    ],
)


def _maps_back(raw: str, clean: str, offsets: object) -> bool:
    """Every clean character comes from the raw character it maps to (a line break that
    runs on is a space, a soft hyphen a hyphen)."""
    allowed = {("\n", " "), ("\u00ad", "-")}
    for index, char in enumerate(clean):
        source = raw[offsets[index]]  # type: ignore[index]
        if source != char and (source, char) not in allowed:
            return False
    return True


def test_margins_page_furniture_and_layout_spacing_go_and_the_map_stays_exact() -> None:
    raw = ARGUMENT.read_text(encoding="utf-8")
    clean = clean_text(raw)
    assert "Alderson Reporting Company" not in clean.text
    assert "Subject to Final Review" not in clean.text
    assert not re.search(r"(?m)^\s*\d{1,2}\s", clean.text)
    assert "  " not in clean.text
    assert (
        "CHIEF JUSTICE ROBERTS: We'll hear argument first this morning in Case No. 15-674, "
        "United States v. Texas, et al." in clean.text
    )
    assert _maps_back(raw, clean.text, clean.raw_offsets)


def test_a_sentence_across_a_page_break_reads_whole() -> None:
    clean = clean_text(ARGUMENT.read_text(encoding="utf-8")).text
    assert (
        "JUSTICE GINSBURG: Couldn't the government simply, as was suggested in one of the "
        "briefs, have given these children -- parents of citizens or LPRs," in clean
    )


def test_indented_lines_open_paragraphs_and_a_centred_title_is_one_line() -> None:
    clean = clean_text(ARGUMENT.read_text(encoding="utf-8")).text
    paragraphs = [p for p in clean.split("\n") if p]
    assert "ORAL ARGUMENT OF GENERAL DONALD B. VERRILLI, JR. ON BEHALF OF THE PETITIONERS" in (
        paragraphs
    )
    assert "(10:04 a.m.)" in paragraphs
    assert "Five minutes, General Verrilli." in paragraphs
    assert "C O N T E N T S" in paragraphs


def test_soft_hyphens_print_hyphens_and_dashes_in_a_printed_transcript() -> None:
    clean = clean_text(ARGUMENT.read_text(encoding="utf-8")).text
    assert "No. 15-674" in clean
    assert "above-entitled" in clean
    assert "presently -- present" in clean


def test_a_deposition_page_reads_as_question_and_answer_paragraphs() -> None:
    clean = clean_text(DEPOSITION)
    paragraphs = [p for p in clean.text.split("\n") if p]
    assert paragraphs == [
        "Q. Where were you on the night of the fourteenth?",
        "A. At home, with my sister. We watched a documentary about the harbour and the shipyards.",
        "MR. DOE: Objection, form.",
        "BY MR. ROE:",
        "Q. Did anyone else see you there?",
        "A. No.",
        "Q. Not a neighbour, not a friend?",
        "A. Not that I remember.",
    ]
    assert _maps_back(DEPOSITION, clean.text, clean.raw_offsets)


def test_text_that_is_not_printed_is_left_alone() -> None:
    listing = "Shopping\n1  apples\n2  pears\n3  plums\n\nQ: And then?\nA: Home.\n"
    assert clean_text(listing).text == listing
    soft = "A hyphen\u00adation hint in a web page.\n"
    assert clean_text(soft).text == "A hyphenation hint in a web page.\n"


def test_the_outline_of_an_oral_argument_holds_the_justices_questions_whole() -> None:
    interview = load_interview(ARGUMENT)
    questions = [
        interview.clean.text[q.start : q.end]
        for section in interview.outline.sections
        for q in section.questions
    ]
    assert (
        "Couldn't the government simply, as was suggested in one of the briefs, have given "
        "these children -- parents of citizens or LPRs, given them identity cards that say "
        '"low priority," and would there be any difference between that and what this DAPA '
        "Guidance does?"
    ) in questions
    assert not any(re.search(r"\b\d{1,2} [a-z]", q) or "Alderson" in q for q in questions)
