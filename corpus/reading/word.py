"""Word files (.docx) as the text of an interview.

Researchers' transcripts often arrive as Word documents: speaker names in bold at the
start of a paragraph, headings in Word's heading styles, sometimes a table with a column
of speakers (and one of times) beside the words. Read with python-docx, in document
order: each paragraph a paragraph, a bold leading name written as ``Name:``, a heading its
own line, a table row of a short name and words a turn ``Name: words`` (other cells a
paragraph each). A table's time column goes into ``Document.times``, like a subtitle
cue's start, not into the text; a header row ("Speaker | Text") stays one plain line.
Where each heading starts goes into ``Document.headings``, with its level.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

from corpus.errors import CorpusError
from corpus.reading.formats import Document
from corpus.times import TIME_ONLY
from corpus.times import seconds as time_seconds

#: A bold lead-in longer than this many words is emphasis, not a speaker's name.
_MAX_LABEL_WORDS = 5


def read_word(data: bytes, name: str) -> Document:
    """The text of a .docx file's bytes, paragraphs apart; CorpusError if it is not one."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
        blocks = list(_blocks(document))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        reason = "not a ZIP package" if not zipfile.is_zipfile(io.BytesIO(data)) else str(error)
        raise CorpusError(
            f"{name}: is not a readable Word .docx file ({reason[:80]}); "
            "save it again from Word as .docx or export it as plain text"
        ) from None
    except SyntaxError as error:  # lxml's XMLSyntaxError: a damaged part
        raise CorpusError(
            f"{name}: is a damaged Word .docx file ({str(error)[:80]}); "
            "save it again from Word or export it as plain text"
        ) from None
    return _document([block for block in blocks if block[0]])


def _document(blocks: list[tuple[str, float | None, int]]) -> Document:
    """Paragraphs a blank line apart, the offset each timed paragraph starts at, and
    where each heading starts (with its level)."""
    parts: list[str] = []
    times: list[tuple[int, float]] = []
    headings: list[tuple[int, int]] = []
    length = 0
    for text, seconds, level in blocks:
        if parts:
            parts.append("\n\n")
            length += 2
        if seconds is not None and (not times or seconds >= times[-1][1]):
            times.append((length, seconds))
        if level:
            headings.append((length, level))
        parts.append(text)
        length += len(text)
    if parts:
        parts.append("\n")
    return Document("".join(parts), tuple(times), tuple(headings))


def _blocks(document: Any) -> Iterator[tuple[str, float | None, int]]:
    """Each paragraph's text, a table row's time, and a heading's level (else 0)."""
    from docx.table import Table

    for block in document.iter_inner_content():
        if isinstance(block, Table):
            yield from ((text, seconds, 0) for text, seconds in _table(block))
        else:
            yield _paragraph(block), None, _heading_level(block)


def _paragraph(paragraph: Any) -> str:
    """A paragraph's text, a bold leading name written as ``Name:``."""
    text: str = paragraph.text.strip()
    if not text or _is_heading(paragraph):
        return text
    lead: list[str] = []
    for run in paragraph.runs:
        if not run.text.strip() and lead:
            lead.append(run.text)
            continue
        if not _bold(run):
            break
        lead.append(run.text)
    label = "".join(lead).strip()
    rest = text[len(label) :].strip() if text.startswith(label) else ""
    if not label or not rest or len(label.split()) > _MAX_LABEL_WORDS:
        return text
    return f"{label.rstrip(':').strip()}: {rest.lstrip(':').strip()}"


def _is_heading(paragraph: Any) -> bool:
    style = str(getattr(paragraph.style, "name", "") or "")
    return style.startswith("Heading") or style == "Title"


def _heading_level(paragraph: Any) -> int:
    """N for a paragraph in Word's ``Heading N`` style, else 0 (``Title`` is the
    document's title, not a section's)."""
    style = str(getattr(paragraph.style, "name", "") or "")
    level = style.removeprefix("Heading").strip()
    return int(level) if style.startswith("Heading") and level.isdigit() else 0


def _bold(run: Any) -> bool:
    if run.bold is not None:
        return bool(run.bold)
    style = run.style
    return bool(style is not None and style.font.bold)


def _table(table: Any) -> Iterator[tuple[str, float | None]]:
    """A table's rows: ``Name: words`` (and the row's time) for a short name beside
    words, a header row as one line, any other row each cell a paragraph."""
    rows = list(_rows(table))
    speakers = {words[0] for words, _ in rows[1:] if len(words) == 2 and _is_name(words[0])}
    for index, (words, seconds) in enumerate(rows):
        header = index == 0 and seconds is None and len(words) > 1
        if header and all(map(_is_name, words)) and words[0] not in speakers:
            yield "\t".join(words), None  # "Speaker | Time | Text": not a turn
            continue
        if len(words) == 2 and _is_name(words[0]):
            yield f"{words[0].rstrip(':').strip()}: {words[1]}", seconds
        else:
            yield from ((cell, None) for cell in words)


def _rows(table: Any) -> Iterator[tuple[list[str], float | None]]:
    """Each row's filled cells other than a time, and the time one of its cells holds."""
    seen: set[Any] = set()  # the cells' elements, kept alive so identity holds
    for row in table.rows:
        cells = []
        for cell in row.cells:
            if cell._tc in seen:  # a merged cell repeats in each row it spans
                continue
            seen.add(cell._tc)
            cells.append("\n".join(_paragraph(p) for p in cell.paragraphs if p.text.strip()))
        filled = [cell for cell in cells if cell]
        seconds = next((s for s in map(_seconds, filled) if s is not None), None)
        yield [cell for cell in filled if _seconds(cell) is None], seconds


def _is_name(cell: str) -> bool:
    words = cell.rstrip(":").split()
    return 0 < len(words) <= _MAX_LABEL_WORDS and "\n" not in cell and cell[-1] not in ".?!"


def _seconds(cell: str) -> float | None:
    """The seconds a cell that holds only a time stands for; None for any other cell."""
    return time_seconds(cell) if TIME_ONLY.fullmatch(cell.strip()) else None
