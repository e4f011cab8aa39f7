"""A REFI-QDA project as any tool writes it, read into plain values: its codebook, its
text sources with their texts, and each coder's codings of each passage.

The project is checked against the schema first. Then the variations between tools:
the coder is on the coding or only on its selection (else the source's, else the
project's creator); one selection carries several codes, or several coders' codings;
a note is the selection's ``Description`` (QualCoder, ATLAS.ti, MAXQDA), a ``Note`` it
or its coding refers to with ``NoteRef`` (the standard), or a ``Note`` joined to it by
a ``Link`` (NVivo); a text's positions count Unicode code points (ATLAS.ti counts a
CRLF as one, so its texts are read with LF line ends). Pictures, PDFs, audio and video
are left out and said so. Code names become tag path segments: a ``/`` in a name is
written ``∕`` (U+2215), so a name never splits into two levels.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from xml.etree.ElementTree import Element

from corpus import CorpusError
from corpus.reading.decode import decode_bytes
from store.errors import StoreError
from store.refi.package import Package
from store.refi.schema import NS
from store.tagpaths import SEPARATOR, check_colour, normalise_tag

SLASH = "\u2215"
"""Stands for ``/`` inside a code name (DIVISION SLASH: it looks the same)."""
UNKNOWN = "unknown"
"""The coder of a coding whose project names no user for it at all."""
_NON_TEXT = {"PictureSource": "picture", "PDFSource": "PDF", "AudioSource": "audio",
             "VideoSource": "video"}  # fmt: skip


class ReadError(ValueError):
    """A project that is valid XML but cannot be read as one: what is wrong, and where."""


@dataclass(frozen=True, slots=True)
class Code:
    path: str
    colour: str | None
    description: str | None


@dataclass(frozen=True, slots=True)
class Passage:
    """One coder's codings and note of one selection."""

    selection: str
    start: int
    end: int
    author: str
    tags: tuple[str, ...]
    note: str
    created: datetime | None
    modified: datetime | None
    shared: bool
    """Other coders coded the same selection (each gets an annotation of their own)."""


@dataclass(frozen=True, slots=True)
class Source:
    guid: str
    name: str
    text: str
    passages: tuple[Passage, ...]


@dataclass(frozen=True, slots=True)
class ReadProject:
    origin: str
    codes: tuple[Code, ...]
    sources: tuple[Source, ...]
    left_out: tuple[str, ...]
    """What gloss cannot hold, for the user to read (``2 picture sources``)."""


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def _key(guid: str | None) -> str:
    return (guid or "").strip().strip("{}").lower()


def read_project(root: Element, package: Package) -> ReadProject:
    """The project whose valid XML is ``root``; ReadError naming what cannot be read."""
    return _Reader(root, package).read()


class _Reader:
    def __init__(self, root: Element, package: Package) -> None:
        self.root = root
        self.package = package
        self.origin = root.get("origin") or ""
        self.base_path = root.get("basePath")
        self.users = {
            _key(user.get("guid")): user.get("name") or user.get("id") or _key(user.get("guid"))
            for user in root.iterfind(f"{_q('Users')}/{_q('User')}")
        }
        self.codes: dict[str, Code] = {}
        self.left_out: dict[str, int] = {}

    def read(self) -> ReadProject:
        for code in self.root.iterfind(f"{_q('CodeBook')}/{_q('Codes')}/{_q('Code')}"):
            self._code(code, "")
        self.notes = self._notes()
        self.links: dict[str, list[str]] = {}
        for link in self.root.iterfind(f"{_q('Links')}/{_q('Link')}"):
            ends = [_key(link.get("originGUID")), _key(link.get("targetGUID"))]
            for here, there in (ends, ends[::-1]):
                if there in self.notes:
                    self.links.setdefault(here, []).append(there)
        sources = []
        for element in self.root.iterfind(f"{_q('Sources')}/*"):
            kind = element.tag.removeprefix(f"{{{NS}}}")
            if kind == "TextSource":
                sources.append(self._source(element))
            else:
                self._leave_out(f"{_NON_TEXT.get(kind, kind)} source")
        unique = {code.path: code for code in self.codes.values()}
        left = tuple(f"{n} {what}{'' if n == 1 else 's'}" for what, n in self.left_out.items())
        return ReadProject(self.origin, tuple(unique.values()), tuple(sources), left)

    def _leave_out(self, what: str) -> None:
        self.left_out[what] = self.left_out.get(what, 0) + 1

    # -- the codebook ---------------------------------------------------------------------

    def _code(self, element: Element, prefix: str) -> None:
        raw = element.get("name", "")
        segment = " ".join(raw.replace(SEPARATOR, SLASH).split()) or "unnamed"
        try:
            path = normalise_tag(prefix + segment)
        except StoreError as error:
            raise ReadError(f"code {raw!r}: {error}") from None
        colour = element.get("color")
        description = _text(element.find(_q("Description"))).strip() or None
        self.codes[_key(element.get("guid"))] = Code(
            path, check_colour(colour) if colour else None, description
        )
        for child in element.iterfind(_q("Code")):
            self._code(child, path + SEPARATOR)

    # -- notes ----------------------------------------------------------------------------

    def _notes(self) -> dict[str, str]:
        notes: dict[str, str] = {}
        for note in self.root.iterfind(f"{_q('Notes')}/{_q('Note')}"):
            content = note.find(_q("PlainTextContent"))
            if content is not None:
                text = _text(content)
            elif note.get("plainTextPath"):
                text = self._decoded(note.get("plainTextPath", ""), f"note {note.get('guid')}")
            else:
                text = _text(note.find(_q("Description")))
            notes[_key(note.get("guid"))] = text.strip()
        return notes

    def _noted(self, element: Element) -> list[str]:
        """The notes ``element`` refers to (NoteRef) or is linked with (Link)."""
        guids = [_key(ref.get("targetGUID")) for ref in element.iterfind(_q("NoteRef"))]
        guids += self.links.get(_key(element.get("guid")), [])
        return [self.notes[guid] for guid in guids if self.notes.get(guid)]

    # -- sources --------------------------------------------------------------------------

    def _source(self, element: Element) -> Source:
        guid = element.get("guid", "")
        name = element.get("name") or guid
        content = element.find(_q("PlainTextContent"))
        if content is not None:
            text = _text(content)
        elif element.get("plainTextPath"):
            text = self._decoded(element.get("plainTextPath", ""), f"source {name!r}")
        else:
            raise ReadError(f"source {name!r}: has neither PlainTextContent nor plainTextPath")
        if "ATLAS" in self.origin.upper():
            text = text.replace("\r\n", "\n")  # ATLAS.ti counts a CRLF as one character
        fallback = element.get("creatingUser") or self.root.get("creatingUserGUID")
        passages: list[Passage] = []
        for selection in element.iterfind(_q("PlainTextSelection")):
            passages += self._passages(selection, name, len(text), fallback)
        if element.find(_q("Coding")) is not None:
            self._leave_out("coding of a whole source")
        for note_guid in (_key(r.get("targetGUID")) for r in element.iterfind(_q("NoteRef"))):
            passages += self._annotation_notes(note_guid, name, len(text))
        return Source(guid, name, text, tuple(passages))

    def _passages(
        self, selection: Element, source: str, length: int, fallback: str | None
    ) -> list[Passage]:
        guid = selection.get("guid", "")
        start, end = int(selection.get("startPosition", 0)), int(selection.get("endPosition", 0))
        if not 0 <= start < end <= length:
            raise ReadError(
                f"source {source!r}: selection {guid} at {start}..{end} is not inside its "
                f"text of {length} characters"
            )
        user = self._user(
            selection.get("creatingUser") or selection.get("modifyingUser") or fallback
        )
        created = _moment(selection.get("creationDateTime"))
        modified = _moment(selection.get("modifiedDateTime")) or created
        notes = [_text(selection.find(_q("Description"))).strip(), *self._noted(selection)]
        by_author: dict[str, tuple[set[str], list[str]]] = {}
        for coding in selection.iterfind(_q("Coding")):
            author = self._user(coding.get("creatingUser")) if coding.get("creatingUser") else user
            target = _key(coding.find(_q("CodeRef")).get("targetGUID"))  # type: ignore[union-attr]
            code = self.codes.get(target)
            if code is None:
                raise ReadError(
                    f"source {source!r}: selection {guid} is coded with {target}, which is "
                    "not a code of its codebook"
                )
            tags, coding_notes = by_author.setdefault(author, (set(), []))
            tags.add(code.path)
            coding_notes += self._noted(coding)
        if not by_author:
            by_author[user] = (set(), [])
        note_owner = user if user in by_author else next(iter(by_author))
        shared = len(by_author) > 1
        passages = []
        for author, (tags, coding_notes) in by_author.items():
            texts = (notes if author == note_owner else []) + coding_notes
            note = "\n\n".join(dict.fromkeys(t for t in texts if t))
            # A selection without codes or note stays: a highlight (ATLAS.ti's quotation).
            found = (guid, start, end, author, tuple(sorted(tags)), note)
            passages.append(Passage(*found, created, modified, shared))
        return passages

    def _annotation_notes(self, note_guid: str, source: str, length: int) -> list[Passage]:
        """QualCoder's annotations: a Note holding the passage it is about, referred to by
        the source."""
        note = next(
            (n for n in self.root.iterfind(f"{_q('Notes')}/{_q('Note')}")
             if _key(n.get("guid")) == note_guid),
            None,
        )  # fmt: skip
        if note is None or not self.notes.get(note_guid):
            return []
        author = self._user(note.get("creatingUser") or note.get("modifyingUser"))
        found = []
        for selection in note.iterfind(_q("PlainTextSelection")):
            start = int(selection.get("startPosition", 0))
            end = int(selection.get("endPosition", 0))
            if not 0 <= start < end <= length:
                raise ReadError(f"source {source!r}: note {note_guid} at {start}..{end} is "
                                f"not inside its text of {length} characters")  # fmt: skip
            moment = _moment(note.get("modifiedDateTime") or note.get("creationDateTime"))
            found.append(Passage(selection.get("guid", note_guid), start, end, author, (),
                                 self.notes[note_guid], moment, moment, False))  # fmt: skip
        return found

    def _user(self, guid: str | None) -> str:
        if not guid:
            return UNKNOWN
        return " ".join(self.users.get(_key(guid), f"user {_key(guid)[:8]}").split()) or UNKNOWN

    def _decoded(self, location: str, what: str) -> str:
        try:
            data = self.package.read(location, self.base_path)
            return decode_bytes(data, location)
        except CorpusError as error:
            raise ReadError(f"{what}: {error}") from None
        except ValueError as error:  # PackageError
            raise ReadError(f"{what}: {error}") from None


def _text(element: Element | None) -> str:
    return "".join(element.itertext()) if element is not None else ""


def _moment(stamp: str | None) -> datetime | None:
    if not stamp:
        return None
    try:
        moment = datetime.fromisoformat(stamp.strip())
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
