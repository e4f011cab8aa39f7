"""Word's automatic list numbers read as a text file would show them (the real reader,
``gloss outline --json``): files built with python-docx and real numbering definitions."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from corpus import load_interview
from tests.conftest import run_gloss

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def add_list(document: object, formats: list[tuple[str, str]], start: int | None = None) -> int:
    """A new list definition with one level per ``(numFmt, lvlText)``; its list id. With
    ``start``, a second list id on the same definition restarting at it is returned."""
    numbering = document.part.numbering_part.element  # type: ignore[attr-defined]
    ids = [int(n.get(qn("w:abstractNumId"))) for n in numbering.findall(qn("w:abstractNum"))]
    definition = max(ids) + 1
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate(formats)
    )
    numbering.insert(
        0, parse_xml(f'<w:abstractNum {_W} w:abstractNumId="{definition}">{levels}</w:abstractNum>')
    )
    return add_num(document, definition, start)


def add_num(document: object, definition: int, start: int | None = None) -> int:
    numbering = document.part.numbering_part.element  # type: ignore[attr-defined]
    num_id = max(int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))) + 1
    override = (
        f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride>'
        if start is not None
        else ""
    )
    numbering.append(
        parse_xml(
            f'<w:num {_W} w:numId="{num_id}"><w:abstractNumId w:val="{definition}"/>'
            f"{override}</w:num>"
        )
    )
    return num_id


def item(document: object, text: str, num_id: int, level: int = 0) -> None:
    paragraph = document.add_paragraph(text)  # type: ignore[attr-defined]
    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {_W}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>')
    )


def turn(document: object, name: str, words: str) -> object:
    paragraph = document.add_paragraph()  # type: ignore[attr-defined]
    paragraph.add_run(f"{name}:").bold = True
    paragraph.add_run(f" {words}")
    return paragraph


def market_interview(path: Path) -> None:
    """The asker's question holds a numbered list; the answer a nested one (1., a), ...)."""
    document = docx.Document()
    asked = add_list(document, [("decimal", "%1."), ("lowerLetter", "%2)")])
    answered = add_list(document, [("decimal", "%1."), ("lowerLetter", "%2)")])
    turn(document, "Interviewer", "How long have you had the stall?")
    turn(document, "Grower", "Since 1994, when my father gave it up.")
    turn(document, "Interviewer", "What would you change about the market? Think about:")
    item(document, "the stalls,", asked)
    item(document, "the hours.", asked)
    turn(document, "Grower", "Three things, really.")
    item(document, "Longer hours in summer, so people come after work.", answered)
    item(document, "A roof over the fish stalls:", answered)
    item(document, "over the cold counters,", answered, 1)
    item(document, "and over the queue.", answered, 1)
    item(document, "Cheaper pitches for new growers.", answered)
    turn(document, "Interviewer", "Why the roof?")
    turn(document, "Grower", "Rain ruins the fish.")
    document.save(str(path))


def outline_json(path: Path) -> dict[str, object]:
    result = run_gloss("outline", "--json", str(path))
    assert result.returncode == 0, result.stderr
    parsed: dict[str, object] = json.loads(result.stdout)
    return parsed


def test_the_numbering_is_real_word_numbering() -> None:
    """The files these tests build number their paragraphs as Word does: numPr in the
    paragraph, the format and text in the numbering part, not typed numbers."""
    document = docx.Document()
    num_id = add_list(document, [("decimal", "%1.")])
    item(document, "Longer hours.", num_id)
    paragraph = document.paragraphs[0]
    assert paragraph.text == "Longer hours."  # python-docx alone loses the number
    assert paragraph._p.pPr.numPr.numId.val == num_id
    numbering = document.part.numbering_part.element.xml
    assert '<w:numFmt w:val="decimal"/>' in numbering and '<w:lvlText w:val="%1."/>' in numbering


def test_an_answers_numbered_list_gives_measures_and_the_questions_does_not(
    tmp_path: Path,
) -> None:
    path = tmp_path / "market.docx"
    market_interview(path)
    text = load_interview(path).text
    assert "\n\n1. Longer hours in summer" in text
    assert "\n\n2. A roof over the fish stalls:\n\na) over the cold counters," in text
    assert "\n\nb) and over the queue.\n\n3. Cheaper pitches" in text  # a) b) then 3.
    assert "\n\n1. the stalls,\n\n2. the hours." in text

    outline = outline_json(path)
    assert outline["askers"] == ["Interviewer"]
    questions = [q for s in outline["sections"] for q in s["questions"]]  # type: ignore[attr-defined]
    market = next(q for q in questions if q["text"].startswith("What would you change"))
    assert "1. the stalls, 2. the hours." in market["text"]  # the question's list: no measures
    measures = [(m["ordinal"], m["text"]) for m in market["measures"]]
    assert [m for m in measures if m[1].startswith(("Longer", "A roof", "Cheaper"))] == [
        (1, "Longer hours in summer, so people come after work."),
        (2, "A roof over the fish stalls:"),
        (3, "Cheaper pitches for new growers."),
    ]
    assert not [m for m in measures if m[1].startswith("the ")]  # the question's items
    for measure in market["measures"]:  # offsets index the clean text
        assert text[measure["start"] : measure["end"]].strip().startswith(measure["text"][:10])


def test_lists_continue_or_restart_as_word_numbers_them(tmp_path: Path) -> None:
    """Paragraphs in the 'List Number' style count on through the document, as in Word;
    a list with a start override counts from it; bullets read as Markdown bullets;
    Roman numerals and capital letters; a number before each speaker's turn is left out."""
    document = docx.Document()
    document.add_paragraph("Speed.", style="List Number")
    document.add_paragraph("Price.", style="List Number")
    document.add_paragraph("Asked later:")
    document.add_paragraph("Support.", style="List Number")  # Word shows 3.
    roman = add_list(document, [("upperRoman", "%1)"), ("upperLetter", "(%2)")])
    item(document, "First part.", roman)
    item(document, "A detail.", roman, 1)
    item(document, "Second part.", roman)
    item(document, "Another detail.", roman, 1)  # restarts at (A) under II)
    again = add_num(document, 7, start=1)  # 'List Number''s definition, restarted
    item(document, "Again from one.", again)
    document.add_paragraph("A point.", style="List Bullet")
    turns = add_list(document, [("decimal", "%1.")])
    numbered_turn = turn(document, "Interviewer", "Why?")
    numbered_turn._p.get_or_add_pPr().append(  # type: ignore[attr-defined]
        parse_xml(f'<w:numPr {_W}><w:ilvl w:val="0"/><w:numId w:val="{turns}"/></w:numPr>')
    )
    path = tmp_path / "lists.docx"
    document.save(str(path))
    assert [p.strip() for p in load_interview(path).text.split("\n\n")] == [
        "1. Speed.",
        "2. Price.",
        "Asked later:",
        "3. Support.",
        "I) First part.",
        "(A) A detail.",
        "II) Second part.",
        "(A) Another detail.",
        "1. Again from one.",
        "- A point.",
        "Interviewer: Why?",
    ]


def replace_part(data: bytes, name: str, content: bytes | None) -> bytes:
    """The package ``data`` with part ``name`` replaced (or removed, for None)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as copy:
        for entry in source.infolist():
            if entry.filename != name:
                copy.writestr(entry, source.read(entry))
            elif content is not None:
                copy.writestr(entry, content)
    return out.getvalue()


def test_a_missing_or_broken_numbering_part_still_reads_without_numbers(tmp_path: Path) -> None:
    path = tmp_path / "market.docx"
    market_interview(path)
    data = path.read_bytes()
    broken = {
        "missing": None,
        "not-xml": b"<w:numbering",
        "dangling": (
            f'<w:numbering {_W}><w:num w:numId="9"><w:abstractNumId w:val="x"/></w:num>'
            '<w:abstractNum w:abstractNumId="x"><w:lvl w:ilvl="z"><w:start w:val="?"/>'
            "</w:lvl></w:abstractNum></w:numbering>"
        ).encode(),
    }
    for kind, content in broken.items():
        damaged = tmp_path / f"{kind}.docx"
        damaged.write_bytes(replace_part(data, "word/numbering.xml", content))
        result = run_gloss("outline", "--json", str(damaged))
        assert result.returncode == 0, (kind, result.stderr)
        assert "Traceback" not in result.stderr
        text = load_interview(damaged).text
        assert "\n\nLonger hours in summer" in text, kind
        assert "Grower: Rain ruins the fish." in text
