"""Word files (.docx) as the text of an interview.

Researchers' transcripts often arrive as Word documents: speaker names in bold at the
start of a paragraph, headings in Word's heading styles, sometimes a table with a column
of speakers (and one of times) beside the words. Read with python-docx, in document
order: each paragraph a paragraph, a bold leading name written as ``Name:`` (at the
start of each line a line break opens, too), a heading its own line, a table row of a short
name and words a turn ``Name: words`` (other cells a paragraph each; a table inside a cell
is read within it), a text box's paragraphs after the paragraph it is anchored in. A
table's time column goes into ``Document.times``, like a subtitle cue's start, not into
the text; so does the header row of a table of turns ("Speaker | Text": the layout's
words, not the interview's, and no title). Where each heading starts goes into
``Document.headings``, with its level. Words in tracked insertions and content controls
are read (a corrected transcript keeps its corrections); deleted words, comments, page
headers and footers are not (the project name and page numbers are not the interview).
Word's automatic list numbers are written before their paragraphs (``1. ``, ``a) ``, a
bullet as ``- ``), in table cells too, as a text file shows them, so an answer's numbered
list is seen.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

from corpus.errors import CorpusError
from corpus.reading.formats import Document
from corpus.reading.word_numbering import Numbering, with_usable_numbering
from corpus.times import TIME_ONLY
from corpus.times import seconds as time_seconds

#: A bold lead-in longer than this many words is emphasis, not a speaker's name.
_MAX_LABEL_WORDS = 5

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PARAGRAPH, _TABLE, _CONTENT_CONTROL, _CONTENT, _TEXT_BOX = (
    f"{_W}{tag}" for tag in ("p", "tbl", "sdt", "sdtContent", "txbxContent")
)
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
#: A paragraph's runs wherever they sit in it, but not deleted or moved-away ones (nor
#: those of a text box anchored in it, whose paragraphs are read as paragraphs: see
#: :func:`_pieces`).
_RUNS = ".//w:r[not(ancestor::w:del) and not(ancestor::w:moveFrom)]"


#: The first bytes of an OLE compound file: an old binary Word .doc, or an encrypted .docx.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def refuse_ole(data: bytes, name: str) -> None:
    """CorpusError if ``data`` is an OLE compound file: Word writes a password-protected
    .docx as one (its package encrypted in a stream named ``EncryptedPackage``), and an
    old .doc is one; neither can be read without Word."""
    if not data.startswith(OLE_MAGIC):
        return
    if "EncryptedPackage".encode("utf-16-le") in data:
        raise CorpusError(
            f"{name}: is a password-protected Word file; open it in Word, remove the "
            "password (File > Info > Protect Document) and save it again as .docx"
        )
    raise CorpusError(
        f"{name}: is an old binary Word .doc file; open it in Word or LibreOffice "
        "and save it as .docx (Word Document), or export it as plain text"
    )


def read_word(data: bytes, name: str) -> Document:
    """The text of a .docx file's bytes, paragraphs apart; CorpusError if it is not one
    or holds no words."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if not data:
        raise CorpusError(
            f"{name}: is an empty file (0 bytes), not a Word document; "
            "save the transcript again from Word as .docx"
        )
    refuse_ole(data, name)
    try:
        document = docx.Document(io.BytesIO(with_usable_numbering(data)))
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
    blocks = [block for block in blocks if block[0]]
    if not blocks:
        raise CorpusError(
            f"{name}: is a Word file with no words in its text (they may be in shapes or "
            "pictures); put them in the text, or export it as plain text"
        )
    return _document(blocks)


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
    yield from _blocks_in(document.element.body, document, Numbering(document))


def _blocks_in(
    parent: Any, document: Any, numbering: Numbering
) -> Iterator[tuple[str, float | None, int]]:
    """The blocks of ``parent`` (the body, a table cell, a text box) in document order:
    a text box's paragraphs right after the paragraph it is anchored in."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for element in _block_elements(parent):
        if element.tag == _TABLE:
            table = Table(element, document)
            yield from ((text, s, 0) for text, s in _table(table, document, numbering))
            continue
        paragraph = Paragraph(element, document)
        yield _numbered(paragraph, numbering), None, _heading_level(paragraph)
        for box in _text_boxes(element):
            yield from _blocks_in(box, document, numbering)


def _numbered(paragraph: Any, numbering: Numbering) -> str:
    """A paragraph's text, Word's list number before it as a text file would show it."""
    text, marker = _paragraph(paragraph), numbering.marker(paragraph)
    if marker and text and not _is_heading(paragraph) and not _opens_turn(paragraph):
        return marker + text
    return text


def _text_boxes(paragraph: Any) -> Iterator[Any]:
    """The text boxes anchored in ``paragraph`` (``w:txbxContent``), each once: Word writes
    a box twice, as a drawing and as an old VML picture for older readers (its
    ``mc:Fallback``), and a box inside another box is read with that box."""
    for box in paragraph.iter(_TEXT_BOX):
        outer = box.getparent()
        while outer is not None and outer is not paragraph:
            if outer.tag in (_FALLBACK, _TEXT_BOX):
                break
            outer = outer.getparent()
        else:
            yield box


def _block_elements(parent: Any) -> Iterator[Any]:
    """The paragraphs and tables of ``parent`` in order, those inside block content
    controls (``w:sdt``, which Word and transcription templates wrap text in) too."""
    for child in parent.iterchildren():
        if child.tag in (_PARAGRAPH, _TABLE):
            yield child
        elif child.tag == _CONTENT_CONTROL:
            for content in child.iterchildren(_CONTENT):
                yield from _block_elements(content)


def _paragraph(paragraph: Any) -> str:
    """A paragraph's text, a bold leading name on any of its lines written as ``Name:``."""
    if _is_heading(paragraph):
        return "".join(text for text, _ in _pieces(paragraph)).strip()
    lines: list[list[tuple[str, bool]]] = [[]]
    for text, bold in _pieces(paragraph):
        first, *others = text.split("\n")
        lines[-1].append((first, bold))
        lines.extend([(other, bold)] for other in others)
    lines = [[piece for piece in pieces if piece[0]] for pieces in lines]
    labelled = _labelled_lines(lines)
    return "\n".join(line for line in labelled if line).strip()


def _opens_turn(paragraph: Any) -> bool:
    """Whether a paragraph starts with a bold speaker's name: a number Word puts before
    each turn numbers the turns (as a QDA table's row numbers do), not a list's items."""
    first: list[tuple[str, bool]] = []
    for text, bold in _pieces(paragraph):
        first.append((text.split("\n")[0], bold))
        if "\n" in text:
            break
    return bool(_lead([piece for piece in first if piece[0]])[0])


def _labelled_lines(lines: list[list[tuple[str, bool]]]) -> Iterator[str]:
    """Each line, a short bold lead on it written as ``Name: words``; a bold name alone
    on its line takes the next line's words as its turn."""
    pending = ""
    for pieces in lines:
        label, rest = _lead(pieces)
        if pending:
            yield f"{pending}: {' '.join((label + ' ' + rest).split())}".rstrip()
            pending = ""
        elif label and rest:
            yield f"{label}: {rest}"
        elif label:
            pending = label
        else:
            yield rest
    if pending:
        yield pending


def _lead(pieces: list[tuple[str, bool]]) -> tuple[str, str]:
    """A line's speaker label (its bold lead, if short and no sentence) and its other words."""
    lead = 0
    while lead < len(pieces) and (pieces[lead][1] or (lead and not pieces[lead][0].strip())):
        lead += 1
    label = "".join(text for text, _ in pieces[:lead]).strip()
    rest = "".join(text for text, _ in pieces[lead:]).strip()
    name = label.rstrip(":").strip()
    if not name or len(name.split()) > _MAX_LABEL_WORDS or name[-1] in ".?!,;":
        return "", "".join(text for text, _ in pieces).strip()
    return name, rest.lstrip(":").strip()


def _pieces(paragraph: Any) -> Iterator[tuple[str, bool]]:
    """A paragraph's runs as ``(text, bold)``, in order: those in hyperlinks, content
    controls and tracked insertions too, not deleted ones nor a text box's own paragraphs."""
    from docx.text.run import Run

    own = paragraph._p
    for element in own.xpath(_RUNS):
        if next(element.iterancestors(_PARAGRAPH)) is not own:
            continue  # a run of a text box's own paragraph
        run = Run(element, paragraph)
        yield run.text, _bold(run)


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


def _table(table: Any, document: Any, numbering: Numbering) -> Iterator[tuple[str, float | None]]:
    """A table's rows: ``Name: words`` (and the row's time) for a short name beside
    words, no header row, any other row each cell a paragraph. A column
    of row numbers (QDA tools number each turn) is left out, as a time column is."""
    rows = list(_rows(table, document, numbering))
    numbered = [len(words) > 1 and words[0].isdigit() for words, _ in rows]
    if sum(numbered) >= max(2, len(rows) // 2):
        rows = [
            (words[1:] if number else words, s)
            for (words, s), number in zip(rows, numbered, strict=True)
        ]
    labels = [words[0] for words, _ in rows[1:] if len(words) == 2 and _is_name(words[0])]
    speakers = set(labels)
    # Someone speaks twice (their label's time aside): a table of turns.
    turns = len(set(map(_without_numbers, labels))) < len(labels)
    for index, (words, seconds) in enumerate(rows):
        header = index == 0 and seconds is None and len(words) > 1 and turns
        if header and all(map(_is_name, words)) and words[0] not in speakers:
            continue  # "Speaker | Time | Text" over turns: layout, not a turn nor a title
        if len(words) == 2 and _is_name(words[0]):
            yield f"{words[0].rstrip(':').strip()}: {words[1]}", seconds
        else:
            yield from ((cell, None) for cell in words)


def _rows(
    table: Any, document: Any, numbering: Numbering
) -> Iterator[tuple[list[str], float | None]]:
    """Each row's filled cells other than a time, and the time one of its cells holds. A
    cell's words are all its blocks: numbered paragraphs with their numbers, the rows of
    a table inside it, its text boxes."""
    seen: set[Any] = set()  # the cells' elements, kept alive so identity holds
    for row in table.rows:
        cells = []
        for cell in row.cells:
            if cell._tc in seen:  # a merged cell repeats in each row it spans
                continue
            seen.add(cell._tc)
            blocks = _blocks_in(cell._tc, document, numbering)
            cells.append("\n".join(text for text, _, _ in blocks if text.strip()))
        filled = [cell for cell in cells if cell]
        seconds = next((s for s in map(_seconds, filled) if s is not None), None)
        yield [cell for cell in filled if _seconds(cell) is None], seconds


def _without_numbers(label: str) -> str:
    """A label without its words that hold a digit (a time stamped beside the name)."""
    return " ".join(word for word in label.split() if not any(map(str.isdigit, word)))


def _is_name(cell: str) -> bool:
    words = cell.rstrip(":").split()
    return 0 < len(words) <= _MAX_LABEL_WORDS and "\n" not in cell and cell[-1] not in ".?!"


def _seconds(cell: str) -> float | None:
    """The seconds a cell that holds only a time stands for; None for any other cell."""
    return time_seconds(cell) if TIME_ONLY.fullmatch(cell.strip()) else None
