"""Annotations as a REFI-QDA 1.0 project (``.qdpx``), checked against the standard's
schema before a byte is written.

Coders become users, tag paths nested codes (with the codebook's colours and
descriptions), each interview a text source whose plain text, in ``Sources/``, is the
clean text gloss shows (UTF-8), and each annotation a selection whose start and end
positions count Unicode code points of that text, with one coding per tag by its coder.
A note is written twice, as the standard and the tools read it: a ``Note`` (the memo)
that the selection refers to with a ``NoteRef``, and the selection's ``Description``,
which QualCoder, ATLAS.ti and MAXQDA show as the coding's comment. GUIDs are derived from
stable ids and the zip's entries carry a fixed date, so the same database gives the
same bytes.

An annotation whose interview's text cannot be read, or whose passage is no longer at
its offsets (orphaned, or the file changed since: run ``gloss reanchor``), cannot be
placed in a text; it is left out and counted, never written at a wrong place.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from xml.etree import ElementTree as ET

from corpus import Interview
from store.colours import tag_hex
from store.model import Annotation, TagInfo
from store.refi.ids import derived, selection_guid
from store.refi.schema import NS, InvalidProject, parse_valid
from store.tagpaths import SEPARATOR

QDE = "project.qde"
SOURCES = "Sources"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
NAME_LENGTH = 80
"""A selection's ``name`` is the start of its quote, as the tools show it in lists."""
# Characters XML 1.0 cannot hold, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

Find = Callable[[Annotation], Interview | None]


@dataclass(frozen=True, slots=True)
class LeftOut:
    """Annotations of one interview that could not be placed in its text, and why."""

    interview: str
    count: int
    reason: str


@dataclass(frozen=True, slots=True)
class Project:
    """A project ready to write: the zip's bytes, how many annotations it holds, and
    those left out."""

    data: bytes
    written: int
    left_out: tuple[LeftOut, ...]


def write_project(
    annotations: Sequence[Annotation],
    codebook: Iterable[TagInfo],
    find: Find,
    *,
    name: str,
) -> Project:
    """The project of ``annotations`` (and every tag of ``codebook``); ``find`` gives an
    annotation's interview. InvalidProject if the XML fails the schema (a bug: nothing
    is written then)."""
    placed, left_out = _placed(annotations, find)
    root = ET.Element("Project", {"name": _xml(name) or "gloss", "origin": _origin()})
    root.set("xmlns", NS)
    if placed:
        stamp = max(a.updated for _, group in placed for a in group)
        root.set("modifiedDateTime", stamp)
    authors = sorted({a.author for _, group in placed for a in group})
    if authors:
        users = ET.SubElement(root, "Users")
        for author in authors:
            ET.SubElement(users, "User", {"guid": derived("user", author), "name": _xml(author)})
    tags = {tag.path: tag for tag in codebook}
    paths = set(tags) | {t for _, group in placed for a in group for t in a.tags}
    if paths:
        codes = ET.SubElement(ET.SubElement(root, "CodeBook"), "Codes")
        _add_codes(codes, _tree(paths), "", tags)
    notes: list[ET.Element] = []
    if placed:
        sources = ET.SubElement(root, "Sources")
        for interview, group in placed:
            sources.append(_source(interview, group, notes))
    if notes:
        ET.SubElement(root, "Notes").extend(notes)
    ET.indent(root)  # one element a line: a person can read and diff the file
    xml = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    parse_valid(xml)  # refuse to write a project the tools would refuse
    texts = {_text_name(interview): interview.text for interview, _ in placed}
    written = sum(len(group) for _, group in placed)
    return Project(_zip(xml, texts), written, tuple(left_out))


def _placed(
    annotations: Sequence[Annotation], find: Find
) -> tuple[list[tuple[Interview, list[Annotation]]], list[LeftOut]]:
    """The annotations grouped by interview, in text order, and those left out."""
    by_interview: dict[str, list[Annotation]] = {}
    for annotation in annotations:
        by_interview.setdefault(annotation.interview, []).append(annotation)
    placed: list[tuple[Interview, list[Annotation]]] = []
    left_out: list[LeftOut] = []
    for interview_id in sorted(by_interview):
        group = by_interview[interview_id]
        interview = next((found for a in group if (found := find(a)) is not None), None)
        if interview is None:
            left_out.append(LeftOut(interview_id, len(group), "its text cannot be found"))
            continue
        text = interview.text
        fits = [a for a in group if not a.orphaned and text[a.start : a.end] == a.exact]
        if len(fits) < len(group):
            reason = "orphaned or moved since the text changed (run 'gloss reanchor')"
            left_out.append(LeftOut(interview_id, len(group) - len(fits), reason))
        if fits:
            fits.sort(key=lambda a: (a.start, a.end, a.author, a.id))
            placed.append((interview, fits))
    return placed, left_out


def _tree(paths: Iterable[str]) -> dict[str, dict[str, object]]:
    """The paths and every path above them as a nested dict of segment names."""
    tree: dict[str, dict[str, object]] = {}
    for path in paths:
        level: dict[str, object] = tree  # type: ignore[assignment]
        for segment in path.split(SEPARATOR):
            level = level.setdefault(segment, {})  # type: ignore[assignment]
    return tree


def _add_codes(
    parent: ET.Element, tree: dict[str, dict[str, object]], prefix: str, tags: dict[str, TagInfo]
) -> None:
    for segment in sorted(tree):
        path = f"{prefix}{segment}"
        code = ET.SubElement(
            parent,
            "Code",
            {"guid": derived("code", path), "name": _xml(segment), "isCodable": "true"},
        )
        tag = tags.get(path)
        colour = tag_hex(path, tag.colour) if tag is not None and tag.colour else None
        if colour is not None:
            code.set("color", colour)
        if tag is not None and tag.description:
            ET.SubElement(code, "Description").text = _xml(tag.description)
        _add_codes(code, tree[segment], path + SEPARATOR, tags)  # type: ignore[arg-type]


def _source(interview: Interview, group: list[Annotation], notes: list[ET.Element]) -> ET.Element:
    guid = derived("interview", interview.id)
    source = ET.Element(
        "TextSource",
        {"guid": guid, "name": _xml(interview.id), "plainTextPath": f"internal://{guid}.txt"},
    )
    for annotation in group:
        user = derived("user", annotation.author)
        selection = ET.SubElement(
            source,
            "PlainTextSelection",
            {
                "guid": selection_guid(annotation.id),
                "name": _xml(_shortened(annotation.exact)),
                "startPosition": str(annotation.start),
                "endPosition": str(annotation.end),
                "creatingUser": user,
                "creationDateTime": annotation.created,
                "modifyingUser": user,
                "modifiedDateTime": annotation.updated,
            },
        )
        if annotation.note:
            ET.SubElement(selection, "Description").text = _xml(annotation.note)
        for tag in annotation.tags:
            coding = ET.SubElement(
                selection,
                "Coding",
                {
                    "guid": derived("coding", annotation.id, tag),
                    "creatingUser": user,
                    "creationDateTime": annotation.created,
                },
            )
            ET.SubElement(coding, "CodeRef", {"targetGUID": derived("code", tag)})
        if annotation.note:
            note_guid = derived("note", annotation.id)
            ET.SubElement(selection, "NoteRef", {"targetGUID": note_guid})
            notes.append(_note(note_guid, annotation, user))
    return source


def _note(guid: str, annotation: Annotation, user: str) -> ET.Element:
    note = ET.Element(
        "Note",
        {
            "guid": guid,
            "name": _xml(f"{annotation.author}: {_shortened(annotation.exact, 40)}"),
            "creatingUser": user,
            "creationDateTime": annotation.created,
            "modifyingUser": user,
            "modifiedDateTime": annotation.updated,
        },
    )
    ET.SubElement(note, "PlainTextContent").text = _xml(annotation.note)
    return note


def _zip(xml: bytes, texts: dict[str, str]) -> bytes:
    """The package: ``project.qde``, then each text, entries dated alike (same bytes)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for member, data in [(QDE, xml)] + [
            (f"{SOURCES}/{name}", texts[name].encode("utf-8")) for name in sorted(texts)
        ]:
            info = zipfile.ZipInfo(member, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            package.writestr(info, data)
    return buffer.getvalue()


def _text_name(interview: Interview) -> str:
    return f"{derived('interview', interview.id)}.txt"


def _shortened(text: str, length: int = NAME_LENGTH) -> str:
    line = " ".join(text.split())
    return line if len(line) <= length else line[: length - 1] + "…"


def _xml(text: str) -> str:
    """``text`` with the few characters XML 1.0 cannot hold replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def _origin() -> str:
    try:
        return f"gloss {version('gloss')}"
    except PackageNotFoundError:
        return "gloss"


__all__ = ["InvalidProject", "LeftOut", "Project", "write_project"]
