"""Word files (.docx) read through python-docx: labels however Word split their runs,
tables of turns with a header and a time column, and a real transcript typed into Word."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE

from corpus import interview_from_text, load_interview
from tests.conftest import ROOT

KERNIGHAN = ROOT / "tests" / "transcripts" / "oral_history_unix_kernighan_1989.txt"


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def typed_into_word(source: Path, target: Path) -> list[str]:
    """``source``'s paragraphs as a Word file: each ``Label:`` in bold, split over two
    runs as Word often does; returns the paragraphs (lines joined) the file holds."""
    document = docx.Document()
    typed = []
    for block in paragraphs(source.read_text(encoding="utf-8")):
        text = " ".join(block.split())
        paragraph = document.add_paragraph()
        label, colon, rest = text.partition(":")
        if colon and len(label.split()) <= 2 and label[:1].isupper():
            paragraph.add_run(label[:2]).bold = True
            paragraph.add_run(label[2:] + ":").bold = True
            paragraph.add_run(rest)
        else:
            paragraph.add_run(text)
        typed.append(text)
    document.save(str(target))
    return typed


def test_a_real_transcript_typed_into_word_reads_back_turn_for_turn(tmp_path: Path) -> None:
    path = tmp_path / "kernighan.docx"
    typed = typed_into_word(KERNIGHAN, path)
    interview = load_interview(path)
    assert paragraphs(interview.text) == typed
    assert interview.clean.raw == interview.text  # what `r` shows: the words, no XML
    assert interview.times == ()
    # The same words give the same outline, whether they come from Word or from text.
    as_text = interview_from_text("kernighan", "\n\n".join(typed) + "\n")
    assert interview.outline == as_text.outline


def labelled(path: Path, runs: list[tuple[str, bool | None]], style: str | None = None) -> None:
    """A one-paragraph Word file whose runs are ``(text, bold)``; ``style`` names a
    bold character style given to the bold-less runs."""
    document = docx.Document()
    if style:
        document.styles.add_style(style, WD_STYLE_TYPE.CHARACTER).font.bold = True
    paragraph = document.add_paragraph()
    for text, bold in runs:
        run = paragraph.add_run(text, style=style if bold is None else None)
        if bold is not None:
            run.bold = bold
    document.save(str(path))


@pytest.mark.parametrize(
    ("runs", "style", "expected"),
    [
        ([("Ann Lee", True), (": Where did you grow up?", False)], None, "Ann Lee: Where"),
        ([("Ann", True), (" ", False), ("Lee:", True), (" Where?", False)], None, "Ann Lee: "),
        ([("Interviewer\t", True), ("Where did you grow up?", False)], None, "Interviewer: "),
        ([("Ann Lee:", None), (" Where did you grow up?", False)], "Speaker Name", "Ann Lee: "),
        ([("Where did you grow up?", True)], None, "Where did you grow up?"),
        ([("It was ", False), ("very", True), (" cold.", False)], None, "It was very cold."),
        (
            [("This whole bold sentence is no label", True), (" at all.", False)],
            None,
            "This whole bold sentence is no label at all.",
        ),
    ],
    ids=[
        "colon-outside-bold",
        "label-over-runs",
        "tab-after-label",
        "bold-character-style",
        "all-bold-question",
        "bold-inside",
        "long-bold-lead",
    ],
)
def test_a_bold_lead_is_a_label_however_the_runs_fall(
    tmp_path: Path, runs: list[tuple[str, bool | None]], style: str | None, expected: str
) -> None:
    path = tmp_path / "one.docx"
    labelled(path, runs, style)
    (text,) = paragraphs(load_interview(path).text)
    assert text.startswith(expected)
    assert "  " not in text and "\t" not in text


def table_of_turns(path: Path) -> None:
    """A transcription service's layout: a header row, then time | speaker | words."""
    document = docx.Document()
    document.add_paragraph("Interview 7, transcribed")
    rows = [
        ("Time", "Speaker", "Text"),
        ("00:00:05", "Interviewer", "When did you start farming?"),
        ("00:00:09", "Farmer", "In 1988, with my father."),
        ("00:01:02", "Interviewer", "And now?"),
        ("", "Farmer", "Now my daughter runs it."),
    ]
    table = document.add_table(rows=len(rows), cols=3)
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    document.save(str(path))


def test_a_table_with_a_header_and_a_time_column(tmp_path: Path) -> None:
    path = tmp_path / "table.docx"
    table_of_turns(path)
    interview = load_interview(path)
    assert paragraphs(interview.text) == [
        "Interview 7, transcribed",
        "Interviewer: When did you start farming?",
        "Farmer: In 1988, with my father.",
        "Interviewer: And now?",
        "Farmer: Now my daughter runs it.",
    ]
    text = interview.text
    assert "00:0" not in text  # the times are kept beside the text, not in it
    assert interview.time_at(text.index("Interviewer: When")) == 5.0
    assert interview.time_at(text.index("Farmer: In 1988")) == 9.0
    assert interview.time_at(text.index("Farmer: Now")) == 62.0  # the last time given
    assert "Speaker" not in text  # the header row is the layout's, not the interview's
    assert interview.time_at(text.index("Interview 7")) is None
    questions = [q.text for q in interview.outline.questions]
    assert any(q.startswith("When did you start farming?") for q in questions)


def test_a_first_row_that_is_a_turn_is_not_taken_for_a_header(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=3, cols=2)
    for r, (who, words) in enumerate(
        [("Interviewer", "Hello Ann"), ("Ann", "Hello."), ("Interviewer", "Ready?")]
    ):
        table.cell(r, 0).text = who
        table.cell(r, 1).text = words
    path = tmp_path / "turns.docx"
    document.save(str(path))
    assert paragraphs(load_interview(path).text) == [
        "Interviewer: Hello Ann",
        "Ann: Hello.",
        "Interviewer: Ready?",
    ]


HEARING = ROOT / "tests" / "transcripts" / "hearing_uk_covid_inquiry_2024-03-07.txt"
HEARING_DOCX = HEARING.with_name("docx_hearing_uk_covid_inquiry_2024-03-07.docx")


def test_a_word_file_from_another_writer_holds_the_words_of_its_source() -> None:
    """pandoc's Word file of the hearing: bold label runs with the colon outside, a
    Heading 1, italic stage directions; read, it is the published text without markup."""
    source = [
        re.sub(r"\n=+$", "", block).replace("**", "").strip("*")
        for block in paragraphs(HEARING.read_text(encoding="utf-8"))
    ]
    interview = load_interview(HEARING_DOCX)
    assert paragraphs(interview.clean.raw) == source
    assert "Lady Hallett: Good morning." in paragraphs(interview.text)
