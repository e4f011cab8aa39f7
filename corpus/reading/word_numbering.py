"""Word's automatic list numbers, rendered as Word shows them.

python-docx gives a numbered paragraph's words without its ``1.`` or ``a)``: the number
lives in the paragraph's numbering properties (``w:numPr``: a list and a level) and the
numbering part (each level's format, text such as ``%1.`` and start). An answer's
numbered list would then show no numbers, so the outline could not see its items. This
counts each list's levels in document order, as Word does (a level restarts after a
higher one, a list with its own start override counts apart), and renders each
paragraph's marker. A missing or damaged numbering part gives no markers, never an error.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from functools import cache
from typing import Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_NS = {"w": _W[1:-1]}
_PLACEHOLDER = re.compile(r"%([1-9])")
_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip
#: A bullet is written as a Markdown bullet, which gloss's text readers keep as text.
BULLET = "- "


@dataclass(frozen=True, slots=True)
class _Level:
    start: int
    format: str
    text: str
    restart: int | None
    """The 1-based level after which this one restarts (None: after any higher one)."""


@dataclass(frozen=True, slots=True)
class _List:
    counter: str
    """Whose counts it uses: lists sharing a definition share counts unless overridden."""
    levels: dict[int, _Level]


class Numbering:
    """The list markers of one document's paragraphs, asked for in document order."""

    def __init__(self, document: Any) -> None:
        try:
            self._lists = _lists(document)
            self._style_lists = _style_lists(document)
        except Exception:  # a damaged numbering part or styles: the text reads unnumbered
            self._lists, self._style_lists = {}, {}
        self._counts: dict[str, dict[int, int]] = {}

    def marker(self, paragraph: Any) -> str:
        """The marker Word shows before ``paragraph`` (``"2. "``, ``"a) "``, ``"- "``),
        or ``""``; counts it, so each numbered paragraph is asked about once, in order."""
        found = _num_properties(paragraph._p) or self._style_numbering(paragraph)
        own_level = str(_xpath(paragraph._p, "string(w:pPr/w:numPr/w:ilvl/@w:val)"))
        if found is not None and own_level.isdigit():  # a style's list at the paragraph's level
            found = found[0], int(own_level)
        if found is None:
            return ""
        num_id, level_index = found
        numbered = self._lists.get(num_id)
        level = numbered.levels.get(level_index) if numbered else None
        if numbered is None or level is None:
            return ""
        counts = self._counts.setdefault(numbered.counter, {})
        counts[level_index] = counts.get(level_index, level.start - 1) + 1
        for deeper in [index for index in counts if index > level_index]:
            restart = numbered.levels[deeper].restart if deeper in numbered.levels else None
            if restart is None or (restart and level_index < restart):
                del counts[deeper]
        if level.format == "bullet":
            return BULLET
        if level.format == "none" or not level.text.strip():
            return ""

        def number(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            shown = numbered.levels.get(index)
            if shown is None:
                return ""
            return _format(counts.get(index, shown.start), shown.format)

        return _PLACEHOLDER.sub(number, level.text).strip() + " "

    def _style_numbering(self, paragraph: Any) -> tuple[str, int] | None:
        style = _xpath(paragraph._p, "string(w:pPr/w:pStyle/@w:val)")
        return self._style_lists.get(str(style)) if style else None


def _num_properties(element: Any) -> tuple[str, int] | None:
    """A paragraph's (or style's) own list and level; None if it has none or list 0."""
    num_id = str(_xpath(element, "string(w:pPr/w:numPr/w:numId/@w:val)"))
    level = str(_xpath(element, "string(w:pPr/w:numPr/w:ilvl/@w:val)"))
    if not num_id or num_id == "0":
        return None
    return num_id, int(level) if level.isdigit() else 0


def _numbering_element(document: Any) -> Any:
    try:
        return document.part.numbering_part.element
    except Exception:  # no numbering part (NotImplementedError in python-docx), or unreadable
        return None


def _lists(document: Any) -> dict[str, _List]:
    """Each list id's levels, from the numbering part; empty without a usable one."""
    root = _numbering_element(document)
    if root is None:
        return {}
    definitions = {
        str(node.get(f"{_W}abstractNumId")): node for node in root.iterchildren(f"{_W}abstractNum")
    }
    lists: dict[str, _List] = {}
    for num in root.iterchildren(f"{_W}num"):
        num_id = str(num.get(f"{_W}numId"))
        definition_id = str(_xpath(num, "string(w:abstractNumId/@w:val)"))
        definition = definitions.get(definition_id)
        if definition is None:
            continue
        levels = {level.ilvl: level.data for level in _levels(definition)}
        overrides = _xpath(num, "w:lvlOverride[w:startOverride]")
        for override in overrides:
            index = _int(override.get(f"{_W}ilvl"), -1)
            start = _int(_xpath(override, "string(w:startOverride/@w:val)"), 1)
            if index in levels:
                old = levels[index]
                levels[index] = _Level(start, old.format, old.text, old.restart)
        counter = f"num {num_id}" if overrides else f"abstract {definition_id}"
        lists[num_id] = _List(counter, levels)
    return lists


@dataclass(frozen=True, slots=True)
class _IndexedLevel:
    ilvl: int
    data: _Level


def _levels(definition: Any) -> list[_IndexedLevel]:
    levels = []
    for lvl in definition.iterchildren(f"{_W}lvl"):

        def value(tag: str, lvl: Any = lvl) -> str:
            return str(_xpath(lvl, f"string(w:{tag}/@w:val)"))

        restart = value("lvlRestart")
        levels.append(
            _IndexedLevel(
                _int(lvl.get(f"{_W}ilvl"), 0),
                _Level(
                    _int(value("start"), 0),
                    value("numFmt") or "decimal",
                    value("lvlText"),
                    _int(restart, 0) if restart else None,
                ),
            )
        )
    return levels


def _style_lists(document: Any) -> dict[str, tuple[str, int]]:
    """Each paragraph style's list and level (``List Number`` numbers its paragraphs),
    through the styles it is based on."""
    try:
        styles = document.styles.element
    except Exception:
        return {}
    by_id = {str(s.get(f"{_W}styleId")): s for s in styles.iterchildren(f"{_W}style")}
    found: dict[str, tuple[str, int]] = {}
    for style_id, style in by_id.items():
        seen = {style_id}
        while style is not None:
            own = _num_properties(style)
            explicit_none = _xpath(style, "string(w:pPr/w:numPr/w:numId/@w:val)")
            if own is not None or explicit_none == "0":
                if own is not None:
                    found[style_id] = own
                break
            parent = str(_xpath(style, "string(w:basedOn/@w:val)"))
            style = by_id.get(parent) if parent not in seen else None
            seen.add(parent)
    return found


_NUMBERING_PART = "word/numbering.xml"
_EMPTY_NUMBERING = f'<w:numbering xmlns:w="{_NS["w"]}"/>'.encode()


def with_usable_numbering(data: bytes) -> bytes:
    """``data``, or the same package with an empty numbering part where its own is
    referenced but missing or not XML: list numbers are lost, not the transcript."""
    from lxml import etree

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
            relations = package.read("word/_rels/document.xml.rels")
            if b'Target="numbering.xml"' not in relations and b"/word/numbering.xml" not in (
                relations
            ):
                return data
            if _NUMBERING_PART in names:
                try:
                    etree.fromstring(package.read(_NUMBERING_PART))
                    return data
                except etree.XMLSyntaxError:
                    pass
            repaired = io.BytesIO()
            with zipfile.ZipFile(repaired, "w", zipfile.ZIP_DEFLATED) as copy:
                for item in package.infolist():
                    if item.filename != _NUMBERING_PART:
                        copy.writestr(item, package.read(item))
                copy.writestr(_NUMBERING_PART, _EMPTY_NUMBERING)
            return repaired.getvalue()
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, RuntimeError):
        return data  # not a package this can mend: the reader says what is wrong


def _xpath(element: Any, expression: str) -> Any:
    """``expression`` (prefix ``w:``) on any element, python-docx's own or plain lxml."""
    return _compiled(expression)(element)


@cache
def _compiled(expression: str) -> Any:
    from lxml import etree

    return etree.XPath(expression, namespaces=_NS)


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _format(count: int, fmt: str) -> str:
    """``count`` in one of Word's number formats (other formats as decimal)."""
    if fmt in ("lowerLetter", "upperLetter") and count > 0:
        letter = chr(ord("a") + (count - 1) % 26) * ((count - 1) // 26 + 1)
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt in ("lowerRoman", "upperRoman") and count > 0:
        roman = ""
        for value, numeral in _ROMAN:
            while count >= value:
                roman += numeral
                count -= value
        return roman if fmt == "lowerRoman" else roman.upper()
    if fmt == "decimalZero":
        return f"{count:02d}"
    return str(count)
