"""Word files (.docx) as the text of an interview.

Researchers' transcripts often arrive as Word documents: speaker names in bold at the
start of a paragraph, headings in Word's heading styles, sometimes a two-column table of
speaker and words. Read with python-docx, in document order: each paragraph a paragraph,
a bold leading name written as ``Name:``, a heading its own line, a table row of a short
name and words a turn ``Name: words`` (other cells a paragraph each).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

from corpus.errors import CorpusError

#: A bold lead-in longer than this many words is emphasis, not a speaker's name.
_MAX_LABEL_WORDS = 5


def read_word(data: bytes, name: str) -> str:
    """The text of a .docx file's bytes, paragraphs apart; CorpusError if it is not one."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
        paragraphs = list(_paragraphs(document))
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
    text = "\n\n".join(p for p in paragraphs if p)
    return f"{text}\n" if text else ""


def _paragraphs(document: Any) -> Iterator[str]:
    from docx.table import Table

    for block in document.iter_inner_content():
        if isinstance(block, Table):
            yield from _table(block)
        else:
            yield _paragraph(block)


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


def _bold(run: Any) -> bool:
    if run.bold is not None:
        return bool(run.bold)
    style = run.style
    return bool(style is not None and style.font.bold)


def _table(table: Any) -> Iterator[str]:
    """A table's rows: ``Name: words`` for a short name beside words, else each cell."""
    seen: set[Any] = set()  # the cells' elements, kept alive so identity holds
    for row in table.rows:
        cells = []
        for cell in row.cells:
            if cell._tc in seen:  # a merged cell repeats in each row it spans
                continue
            seen.add(cell._tc)
            cells.append("\n".join(_paragraph(p) for p in cell.paragraphs if p.text.strip()))
        filled = [cell for cell in cells if cell]
        if len(filled) == 2 and _is_name(filled[0]):
            yield f"{filled[0].rstrip(':').strip()}: {filled[1]}"
        else:
            yield from filled


def _is_name(cell: str) -> bool:
    words = cell.rstrip(":").split()
    return 0 < len(words) <= _MAX_LABEL_WORDS and "\n" not in cell and cell[-1] not in ".?!"
