"""Word transcripts as transcription services and QDA tools lay them out, read end to end
(the real reader, ``gloss outline --json``): tables of turns with merged cells and text
around them, bold names after line breaks, page headers and footers, comments, tracked
changes; and the Word files gloss cannot read, each refused in one line saying what to do."""

from __future__ import annotations

import io
import json
import subprocess
from pathlib import Path

import docx
import msoffcrypto.format.ooxml
import pytest
from docx.oxml.ns import qn
from lxml import etree

from corpus import CorpusError, load_interview
from corpus.reading.word import OLE_MAGIC
from tests.conftest import run_gloss


def gloss(*args: str) -> subprocess.CompletedProcess[str]:
    return run_gloss(*args)


def outline_json(path: Path) -> dict[str, object]:
    result = gloss("outline", "--json", str(path))
    assert result.returncode == 0, result.stderr
    parsed: dict[str, object] = json.loads(result.stdout)
    return parsed


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def fill(table: object, rows: list[tuple[str, ...]]) -> None:
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value  # type: ignore[attr-defined]


def service_transcript(path: Path) -> None:
    """A transcription service's delivery: the project in the page header, page numbers
    in the footer, a title and a consent note before the table, a header row, a time
    column, a speaker cell merged down over two of her rows, a note row merged across the
    table, a closing note after it, and a researcher's comment on an answer."""
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "Project ORCHARD - confidential"
    section.footer.paragraphs[0].text = "Page 1 of 1"
    document.add_paragraph("Interview 12 with a fruit grower")
    document.add_paragraph("Consent was recorded before the interview began.")
    rows = [
        ("Time", "Speaker", "Text"),
        ("00:00:04", "Interviewer", "How long have you grown apples here?"),
        ("00:00:09", "Grower", "Since 1994, when we bought the orchard."),
        ("00:00:20", "", "We replanted half of it in 2010."),
        ("00:00:31", "Interviewer", "Why did you replant?"),
        ("", "", "[recording paused]"),
        ("00:01:02", "Grower", "The old trees stopped bearing."),
    ]
    table = document.add_table(rows=len(rows), cols=3)
    fill(table, rows)
    table.cell(2, 1).merge(table.cell(3, 1)).text = "Grower"  # one speaker, two rows
    table.cell(5, 0).merge(table.cell(5, 2)).text = "[recording paused]"
    answer = table.cell(6, 2).paragraphs[0]
    document.add_comment(answer.runs, text="Check the year he means", author="RA")
    document.add_paragraph("End of interview.")
    document.save(str(path))


def test_a_service_table_reads_as_turns_in_document_order(tmp_path: Path) -> None:
    path = tmp_path / "orchard.docx"
    service_transcript(path)
    interview = load_interview(path)
    text = interview.text
    assert paragraphs(text) == [
        "Interview 12 with a fruit grower",
        "Consent was recorded before the interview began.",
        "Interviewer: How long have you grown apples here?",
        "Grower: Since 1994, when we bought the orchard.",
        "We replanted half of it in 2010.",
        "Interviewer: Why did you replant?",
        "[recording paused]",
        "Grower: The old trees stopped bearing.",
        "End of interview.",
    ]
    for chrome in ("ORCHARD", "Page 1", "Check the year", "00:0", "Speaker"):
        assert chrome not in text
    assert interview.time_at(text.index("Interviewer: How long")) == 4.0
    assert interview.time_at(text.index("Grower: The old")) == 62.0

    outline = outline_json(path)
    assert outline["speakers"] == ["Interviewer", "Grower"]
    assert outline["askers"] == ["Interviewer"]
    questions = [q for s in outline["sections"] for q in s["questions"]]  # type: ignore[attr-defined]
    assert [q["text"].split("?")[0] for q in questions] == [
        "How long have you grown apples here",
        "Why did you replant",
    ]
    for question in questions:  # offsets index the clean text
        assert " ".join(text[question["start"] : question["end"]].split()) == question["text"]
        assert question["answer"]["speaker"] == "Grower"
    second_answer = questions[0]["answer"]
    assert "replanted half" in text[second_answer["start"] : second_answer["end"]]


def test_two_column_table_without_header_and_a_bold_lead_outside_it(tmp_path: Path) -> None:
    document = docx.Document()
    intro = document.add_paragraph()
    intro.add_run("Note").bold = True
    intro.add_run(" the names are changed.")
    table = document.add_table(rows=3, cols=2)
    fill(
        table,
        [
            ("Interviewer:", "What did the flood take from you?"),
            ("P4:", "The ground floor, and every photograph we had."),
            ("Interviewer:", "Did you stay?"),
        ],
    )
    closing = document.add_paragraph()
    closing.add_run("P4").bold = True
    closing.add_run(" We stayed. Where would we go?")
    path = tmp_path / "flood.docx"
    document.save(str(path))
    assert paragraphs(load_interview(path).text) == [
        "Note: the names are changed.",
        "Interviewer: What did the flood take from you?",
        "P4: The ground floor, and every photograph we had.",
        "Interviewer: Did you stay?",
        "P4: We stayed. Where would we go?",
    ]
    outline = outline_json(path)
    assert {"Interviewer", "P4"} <= set(outline["speakers"])  # type: ignore[arg-type]
    questions = [q["text"] for s in outline["sections"] for q in s["questions"]]  # type: ignore[attr-defined]
    assert "Did you stay?" in questions


def test_bold_names_after_line_breaks_in_one_paragraph_are_labels(tmp_path: Path) -> None:
    """Some tools put a whole exchange in one paragraph, a line break before each name,
    or the name alone on its line above the words."""
    document = docx.Document()
    paragraph = document.add_paragraph()
    for name, words in [
        ("Interviewer", " What brought you to the city?"),
        ("Ama Owusu", " Work. My cousin had a stall at the market."),
        ("Interviewer", " And did you keep the stall?"),
    ]:
        paragraph.add_run(name).bold = True
        paragraph.add_run(words).add_break()
    alone = document.add_paragraph()
    alone.add_run("Ama Owusu").bold = True
    alone.runs[-1].add_break()
    alone.add_run("For eleven years. Really? Yes, eleven.")
    emphasis = document.add_paragraph()
    emphasis.add_run("Really?").bold = True
    emphasis.add_run(" Yes, that long.")
    path = tmp_path / "market.docx"
    document.save(str(path))
    assert paragraphs(load_interview(path).text) == [
        "Interviewer: What brought you to the city?\n"
        "Ama Owusu: Work. My cousin had a stall at the market.\n"
        "Interviewer: And did you keep the stall?",
        "Ama Owusu: For eleven years. Really? Yes, eleven.",
        "Really? Yes, that long.",  # a bold sentence is emphasis, not a name
    ]
    outline = outline_json(path)
    assert outline["speakers"] == ["Interviewer", "Ama Owusu"]
    questions = [q for s in outline["sections"] for q in s["questions"]]  # type: ignore[attr-defined]
    assert [(q["text"], q["speaker"]) for q in questions] == [
        ("What brought you to the city?", "Interviewer"),
        ("And did you keep the stall?", "Interviewer"),
    ]


def tracked(paragraph: object, tag: str, words: str) -> None:
    """A run of ``words`` inside a tracked change (``w:ins`` or ``w:del``)."""
    change = etree.SubElement(paragraph._p, qn(tag))  # type: ignore[attr-defined]
    change.set(qn("w:id"), "1")
    change.set(qn("w:author"), "Editor")
    run = etree.SubElement(change, qn("w:r"))
    etree.SubElement(run, qn("w:delText" if tag == "w:del" else "w:t")).text = words


def test_tracked_insertions_and_content_controls_are_read_deletions_are_not(
    tmp_path: Path,
) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("Interviewer: When did the mill close? In ")
    tracked(paragraph, "w:del", "1979")
    tracked(paragraph, "w:ins", "1981")
    paragraph.add_run("?")
    body = document.element.body
    control = etree.SubElement(body, qn("w:sdt"))
    content = etree.SubElement(control, qn("w:sdtContent"))
    content.append(document.add_paragraph("Worker: In 1981, in the spring.")._p)
    body.append(body.find(qn("w:sectPr")))  # the section properties stay last
    path = tmp_path / "mill.docx"
    document.save(str(path))
    assert paragraphs(load_interview(path).text) == [
        "Interviewer: When did the mill close? In 1981?",
        "Worker: In 1981, in the spring.",
    ]


def encrypted_docx(path: Path) -> None:
    plain = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Interviewer: Is this private?")
    document.save(plain)
    plain.seek(0)
    with path.open("wb") as out:
        msoffcrypto.format.ooxml.OOXMLFile(plain).encrypt("secret", out)


def bad_word_files(folder: Path) -> dict[str, str]:
    """Word files gloss cannot read, each with the words its refusal must hold."""
    encrypted_docx(folder / "locked.docx")
    # The start of a Word 97-2003 file: an OLE compound file holding a WordDocument stream.
    old = OLE_MAGIC + bytes(504) + "WordDocument".encode("utf-16-le") + bytes(2048)
    (folder / "minutes.doc").write_bytes(old)
    (folder / "renamed.docx").write_bytes(old)
    docx.Document().save(str(folder / "blank.docx"))
    (folder / "zero.docx").write_bytes(b"")
    (folder / "rich.doc").write_bytes(b"{\\rtf1\\ansi Interviewer: hello}")
    return {
        "locked.docx": "remove the password",
        "minutes.doc": "save it as .docx",
        "renamed.docx": "save it as .docx",
        "blank.docx": "no words",
        "zero.docx": "empty file",
        "rich.doc": "Rich Text",
    }


def test_word_files_gloss_cannot_read_are_refused_with_what_to_do(tmp_path: Path) -> None:
    for name, advice in bad_word_files(tmp_path).items():
        path = tmp_path / name
        with pytest.raises(CorpusError, match=advice):
            load_interview(path)
        result = gloss("outline", "--json", str(path))
        assert result.returncode != 0, name
        assert result.stdout == ""
        (line,) = result.stderr.splitlines()
        assert name in line and advice in line
        assert "Traceback" not in result.stderr


def test_the_reader_refuses_them_before_the_screen_and_saves_nothing(tmp_path: Path) -> None:
    advice = bad_word_files(tmp_path)
    db = tmp_path / "notes.json"
    for name in ("locked.docx", "minutes.doc"):
        result = gloss("--db", str(db), str(tmp_path / name))
        assert result.returncode != 0
        (line,) = result.stderr.splitlines()
        assert name in line and advice[name] in line
        assert "Traceback" not in result.stderr
    assert not db.exists()  # refused before the database is opened


def test_a_doc_that_is_really_a_docx_or_text_is_read(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Interviewer: Which year?")
    document.add_paragraph("Ann: 1990.")
    document.save(str(tmp_path / "renamed.doc"))
    (tmp_path / "typed.doc").write_text("Interviewer: Which year?\n\nAnn: 1990.\n")
    for name in ("renamed.doc", "typed.doc"):
        assert paragraphs(load_interview(tmp_path / name).text) == [
            "Interviewer: Which year?",
            "Ann: 1990.",
        ]


def test_a_qda_tools_numbered_rows_leave_their_numbers_out(tmp_path: Path) -> None:
    """A QDA tool's export: # | Time | Speaker | Text, each turn numbered."""
    document = docx.Document()
    rows = [
        ("#", "Time", "Speaker", "Text"),
        ("1", "0:00:03", "Interviewer", "What did you study first?"),
        ("2", "0:00:07", "Respondent", "Chemistry, for two years."),
        ("3", "0:00:15", "Interviewer", "Why did you leave it?"),
        ("4", "0:00:19", "Respondent", "I missed people."),
    ]
    fill(document.add_table(rows=len(rows), cols=4), rows)
    path = tmp_path / "numbered.docx"
    document.save(str(path))
    interview = load_interview(path)
    assert paragraphs(interview.text) == [
        "Interviewer: What did you study first?",
        "Respondent: Chemistry, for two years.",
        "Interviewer: Why did you leave it?",
        "Respondent: I missed people.",
    ]
    assert interview.time_at(interview.text.index("Respondent: I missed")) == 19.0
    outline = outline_json(path)
    assert outline["speakers"] == ["Interviewer", "Respondent"]
    questions = [q["text"] for s in outline["sections"] for q in s["questions"]]  # type: ignore[attr-defined]
    assert questions == ["What did you study first?", "Why did you leave it?"]


def test_a_header_row_over_stamped_names_is_no_title_and_a_details_table_stays_whole(
    tmp_path: Path,
) -> None:
    document = docx.Document()
    details = document.add_table(rows=2, cols=2)
    fill(details, [("Interviewee", "Ann Lee"), ("Place", "Leeds")])
    rows = [
        ("Speaker", "Transcript"),
        ("Interviewer (00:00:03)", "What did you study first?"),
        ("Respondent (00:00:07)", "Chemistry, for two years."),
        ("Interviewer (00:00:15)", "Why did you leave it?"),
        ("Respondent (00:00:19)", "I missed people."),
    ]
    fill(document.add_table(rows=len(rows), cols=2), rows)
    path = tmp_path / "stamped.docx"
    document.save(str(path))
    interview = load_interview(path)
    assert paragraphs(interview.text)[:3] == [
        "Interviewee: Ann Lee",
        "Place: Leeds",
        "Interviewer: What did you study first?",
    ]
    assert interview.time_at(interview.text.index("Respondent: I missed")) == 19.0
    outline = outline_json(path)
    assert outline["title"] != "Speaker Transcript"
    questions = [q["text"] for s in outline["sections"] for q in s["questions"]]  # type: ignore[attr-defined]
    assert questions == ["What did you study first?", "Why did you leave it?"]
