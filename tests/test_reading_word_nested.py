"""Words Word keeps inside other things: numbered paragraphs in a table's cells, a text
box's paragraphs, a table inside a table's cell. Each is read where it stands, as Word
shows it (files built with python-docx and Word's own XML for boxes and lists)."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import parse_xml

from corpus import load_interview
from tests.test_reading_word_numbering import add_list

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NAMESPACES = (
    f'xmlns:w="{_W}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
QUESTION = "What would you change about the market?"
ITEMS = ["Longer hours in summer.", "A roof over the fish stalls.", "Cheaper pitches."]


def numbered(paragraph: object, num_id: int) -> None:
    """Give ``paragraph`` Word's numbering (a list and a level), as Word writes it."""
    paragraph._p.get_or_add_pPr().append(  # type: ignore[attr-defined]
        parse_xml(
            f'<w:numPr xmlns:w="{_W}"><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'
        )
    )


def test_numbered_paragraphs_in_a_table_cell_keep_their_numbers(tmp_path: Path) -> None:
    """A table of turns whose answer cell holds a numbered list: the numbers are read, so
    the answer's items are its measures."""
    document = docx.Document()
    num_id = add_list(document, [("decimal", "%1.")])
    rows = [
        ("Interviewer", "How long have you had the stall?"),
        ("Grower", "Since 1994, when my father gave it up."),
        ("Interviewer", QUESTION),
        ("Grower", "Three things, really."),
    ]
    table = document.add_table(rows=len(rows), cols=2)
    for r, (name, words) in enumerate(rows):
        table.cell(r, 0).text, table.cell(r, 1).text = name, words
    for words in ITEMS:
        numbered(table.cell(3, 1).add_paragraph(words), num_id)
    path = tmp_path / "market.docx"
    document.save(str(path))

    interview = load_interview(path)
    assert "Grower: Three things, really.\n1. Longer hours in summer.\n2. A roof" in interview.text
    question = next(q for q in interview.outline.questions if q.text == QUESTION)
    assert [(m.ordinal, m.text) for m in question.measures] == list(enumerate(ITEMS, start=1))


def text_box(paragraph: object, lines: list[str]) -> None:
    """Anchor a text box holding ``lines`` in ``paragraph``, as Word 2010 and later write
    one: a drawing, and the same box again as a VML picture for older readers."""
    content = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in lines)
    box = f"<w:txbxContent>{content}</w:txbxContent>"
    run = parse_xml(
        f"<w:r {_NAMESPACES}><mc:AlternateContent>"
        '<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic>'
        '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f"<wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r>"
    )
    paragraph._p.append(run)  # type: ignore[attr-defined]


def test_a_text_boxs_words_are_read_once_after_its_anchor(tmp_path: Path) -> None:
    """A layout template puts the turns in text boxes: once read they are the interview
    (before, a file with words only in boxes was refused as holding none)."""
    document = docx.Document()
    document.add_paragraph("Market study, interview 4")
    text_box(
        document.add_paragraph(),
        ["Interviewer: How long have you had the stall?", "Grower: Since 1994, in the rain."],
    )
    text_box(
        document.add_paragraph("Page two."),
        ["Interviewer: Why did you stay so long?", "Grower: The regulars, mostly."],
    )
    path = tmp_path / "boxes.docx"
    document.save(str(path))

    interview = load_interview(path)
    assert interview.text.count("How long have you had the stall?") == 1  # not twice over
    assert interview.text.index("Page two.") < interview.text.index("Why did you stay")
    assert [q.text for q in interview.outline.questions] == [
        "How long have you had the stall?",
        "Why did you stay so long?",
    ]
    assert {q.answerer for q in interview.outline.questions} == {"Grower"}


def test_a_table_inside_a_tables_cell_is_read(tmp_path: Path) -> None:
    """A page layout's one-cell table around the table of turns: the inner rows are read
    as turns, in order."""
    document = docx.Document()
    outer = document.add_table(rows=1, cols=1)
    cell = outer.cell(0, 0)
    cell.text = "Interview 4, the market"
    inner = cell.add_table(rows=4, cols=2)
    rows = [
        ("Interviewer", "How long have you had the stall?"),
        ("Grower", "Since 1994, when my father gave it up."),
        ("Interviewer", "Why did you stay so long?"),
        ("Grower", "The regulars, mostly, and the rain."),
    ]
    for r, (name, words) in enumerate(rows):
        inner.cell(r, 0).text, inner.cell(r, 1).text = name, words
    path = tmp_path / "nested.docx"
    document.save(str(path))

    interview = load_interview(path)
    assert [q.text for q in interview.outline.questions] == [
        "How long have you had the stall?",
        "Why did you stay so long?",
    ]
    assert [q.answerer for q in interview.outline.questions] == ["Grower", "Grower"]
