"""The in-memory view of one database: its tables plus the indexes the store needs.

Memory decides the shape as much as time. A 50k-annotation database is 33 MB of JSON;
held as parsed dicts (four per annotation) it took about 150 MB. So each annotation is
held once, as a tuple of its field values (:data:`store.codec.Packed`) made while the
file is read (:class:`store.rows.CompactRows`), and becomes the frozen :class:`Annotation` the
store hands out when first asked for, replacing its tuple. Only a document of an unusual
shape (a field gloss does not know, say) stays a dict, decoded when asked for. The
indexes hold keys and ids that the rows hold already, not copies of the documents.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any, NamedTuple

from store.codec import (
    AUTHOR,
    END,
    ID,
    INTERVIEW,
    POSITION,
    START,
    TAGS,
    from_doc,
    pack,
    to_doc,
    unpack,
)
from store.errors import StoreError
from store.journal import Document, Op, Row, Tables
from store.journal_format import Entry
from store.model import Annotation
from store.rows import ANNOTATIONS as ANNOTATIONS  # re-exported: the table names
from store.rows import CODEBOOK as CODEBOOK
from store.rows import identity_of

MOVED_TO = "moved_to"
"""A codebook document with this field is a tombstone: the tag was renamed or merged
to that path (None: deleted); it is no live tag."""

PassageKey = tuple[str, int, int, str]
"""(interview, start, end, author): one coder's annotation of one passage."""


class Unusual(NamedTuple):
    """What the indexes need of an annotation document kept as a dict."""

    id: str
    interview: str
    start: int
    end: int
    author: str


class View:
    """Tables as loaded from main file plus journal, kept current by :meth:`apply`."""

    def __init__(self, path: Path | str, tables: Tables) -> None:
        self._path = path
        self._tables = tables
        for name in (ANNOTATIONS, CODEBOOK):
            tables.setdefault(name, {})
        self._rows: dict[str, Row] = tables[ANNOTATIONS]
        """Document key -> packed tuple, Annotation, or (an unusual document) dict."""
        self._key_of: dict[str, str] = {}
        """Annotation id -> document key."""
        self._unusual: dict[str, Unusual] = {}
        """Document key -> index facts, for the documents kept as dicts."""
        self._decoded: dict[str, Annotation] = {}
        """Document key -> the Annotation of an unusual document, once asked for."""
        self._by_span: dict[PassageKey, str] | None = None
        """(interview, start, end, author) -> annotation id; built when first asked for
        (adding needs it, reading and exporting do not: 5 MiB at 50k annotations)."""
        self._tag_key: dict[str, str] = {}
        """Codebook path -> document key, live tags and tombstones alike (the identity)."""
        self._moved: dict[str, str | None] = {}
        """Tombstones: a path renamed or merged away (-> where to) or deleted (-> None)."""
        self._tag_counts: dict[str, int] = {}
        self._next_key = 1
        self._index_all()
        for key, doc in tables[CODEBOOK].items():
            self._index_tag(key, doc)
        keys = [int(key) for key in self._rows if key.isdigit()]
        self._next_key = max([self._next_key, *(k + 1 for k in keys)])

    def _index_all(self) -> None:
        """Index every annotation: the open-time hot loop, kept lean.

        Rows packed while the file was read take the fast path; a document still a dict
        (after a migration, or of an unusual shape) is packed here if it can be, and
        anything else (a duplicate id, a damaged document) goes through
        :meth:`_index_annotation`.
        """
        rows, key_of, counts = self._rows, self._key_of, self._tag_counts
        memo: dict[Any, Any] = {}
        for key, row in list(rows.items()):
            if type(row) is not tuple:
                row = pack(row, memo)
                if type(row) is not tuple:
                    self._index_annotation(key, row, bump=False)  # StoreError if damaged
                    continue
                rows[key] = row
            if row[ID] in key_of:
                self._index_annotation(key, row, bump=False)
                continue
            key_of[row[ID]] = key
            for tag in row[TAGS]:
                counts[tag] = counts.get(tag, 0) + 1

    # -- lookups ------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._key_of)

    def get(self, annotation_id: str) -> Annotation | None:
        key = self._key_of.get(annotation_id)
        return None if key is None else self._annotation(key, self._rows[key])

    def all(self, interview: str | None = None) -> list[Annotation]:
        """Every annotation (of one interview), in no particular order."""
        found = []
        for key, row in self._rows.items():
            if type(row) is Annotation:
                if interview is None or row.interview == interview:
                    found.append(row)
            elif interview is None or self._identity(key, row)[1][0] == interview:
                found.append(self._annotation(key, row))
        return found

    def at_span(self, interview: str, start: int, end: int, author: str) -> Annotation | None:
        """``author``'s annotation of exactly this passage, or None."""
        if self._by_span is None:
            self._by_span = {}
            for key, row in self._rows.items():
                owner, span = self._identity(key, row)
                self._by_span.setdefault(span, owner)
        annotation_id = self._by_span.get((interview, start, end, author))
        return None if annotation_id is None else self.get(annotation_id)

    def key_of(self, annotation_id: str) -> str | None:
        return self._key_of.get(annotation_id)

    def interviews(self) -> set[str]:
        return {self._identity(key, row)[1][0] for key, row in self._rows.items()}

    def tag_key(self, path: str) -> str | None:
        """The document key of ``path``'s codebook entry, live or tombstone."""
        return self._tag_key.get(path)

    def tag_keys(self) -> dict[str, str]:
        """Live codebook paths (no tombstones) and their document keys."""
        return {p: k for p, k in self._tag_key.items() if p not in self._moved}

    def codebook_docs(self) -> dict[str, Document]:
        """Every codebook entry, live or tombstone, by path."""
        table = self._tables[CODEBOOK]
        return {path: table[key] for path, key in self._tag_key.items()}

    def tag_moves(self) -> dict[str, str | None]:
        """The tombstones: old path -> where it went (None: deleted)."""
        return dict(self._moved)

    def tag_counts(self) -> dict[str, int]:
        """How many annotations carry each tag (tags in use only)."""
        return dict(self._tag_counts)

    def tag_doc(self, path: str) -> Document:
        """The live codebook entry of ``path`` ({} if none, or a tombstone)."""
        key = self._tag_key.get(path) if path not in self._moved else None
        doc: Document = self._tables[CODEBOOK][key] if key is not None else {}
        return doc

    def new_key(self) -> str:
        """A fresh TinyDB document id (keys are shared by all tables, which TinyDB allows)."""
        key = str(self._next_key)
        self._next_key += 1
        return key

    def revised(self, annotation: Annotation) -> Annotation:
        """``annotation`` with the revision after the stored one, if it differs from it.

        Every stored change counts: a caller that saw revision N knows whether it still
        looks at what is there.
        """
        current = self.get(annotation.id)
        if current is None or current == annotation:
            return annotation
        return replace(annotation, revision=current.revision + 1)

    def put(self, annotation: Annotation) -> Op:
        """The operation that stores ``annotation`` (under its key, or a new one), as
        the next revision of what is stored (:meth:`revised`)."""
        key = self.key_of(annotation.id) or self.new_key()
        return (ANNOTATIONS, key, to_doc(self.revised(annotation)))

    def for_writing(self) -> Tables:
        """The tables, every annotation as an Annotation or a document, for ``json``.

        Packed rows are unpacked first (a tuple would be written as a JSON list), which
        costs no memory: each Annotation replaces its tuple.
        """
        for key, row in self._rows.items():
            if type(row) is tuple:
                self._rows[key] = unpack(row)
        return self._tables

    def _annotation(self, key: str, row: Row) -> Annotation:
        """The Annotation of a row: unpacked (once, in place) or decoded (once, cached)."""
        if type(row) is Annotation:
            return row
        if type(row) is tuple:
            annotation = self._rows[key] = unpack(row)
            return annotation
        decoded = self._decoded.get(key)
        if decoded is None:
            try:
                decoded = from_doc(row)
            except (KeyError, ValueError, TypeError) as error:
                raise self._damaged(key, error) from None
            self._decoded[key] = decoded
        return decoded

    def _identity(self, key: str, row: Row) -> tuple[str, PassageKey]:
        """The id and the passage of an indexed row."""
        if type(row) is tuple:
            return row[ID], (row[INTERVIEW], row[START], row[END], row[AUTHOR])
        if type(row) is Annotation:
            return row.id, (row.interview, row.start, row.end, row.author)
        facts = self._unusual[key]
        return facts.id, (facts.interview, facts.start, facts.end, facts.author)

    # -- changes ------------------------------------------------------------------------

    def entries(self, ops: list[Op]) -> list[Entry]:
        """``ops`` (about to be applied) as journal entries: each names its record.

        A deletion of a key that holds nothing changes nothing and is left out.
        """
        named: dict[tuple[str, str], str | None] = {}
        entries: list[Entry] = []
        for table, key, doc in ops:
            if doc is not None:
                name = identity_of(table, doc)
            elif (table, key) in named:
                name = named[(table, key)]
            else:
                held = self._tables.get(table, {}).get(key)
                name = None if held is None else identity_of(table, held)
            named[(table, key)] = name
            if name is None and doc is not None:
                raise StoreError(f"{self._path}: a {table} record without its name cannot be saved")
            if name is not None:
                entries.append((table, key, doc, name))
        return entries

    def resolve(self, entry: Entry) -> Op | None:
        """The operation an entry read from the journal makes here: on the key its
        record is under, or (a new record) its own key if free, else a fresh one; None
        if it deletes what is not here."""
        table, key, doc, name = entry
        if name is None:
            return table, key, doc  # an old journal's deletion: by key
        if table == ANNOTATIONS:
            found = self._key_of.get(name)
        else:
            found = self._tag_key.get(name) if table == CODEBOOK else None
        if found is not None:
            return table, found, doc
        if doc is None:
            return None
        held = self._tables.get(table, {}).get(key)
        return table, key if held is None else self.new_key(), doc

    def apply(self, op: Op) -> None:
        """Set or delete one document and keep the indexes in step."""
        table, key, doc = op
        if table == ANNOTATIONS:
            self._unindex_annotation(key)
            if doc is not None:
                doc = pack(doc, {})
        elif table == CODEBOOK:
            old = self._tables[CODEBOOK].get(key)
            if old is not None and self._tag_key.get(old.get("path", "")) == key:
                del self._tag_key[old["path"]]
                self._moved.pop(old["path"], None)
        rows = self._tables.setdefault(table, {})
        if doc is None:
            rows.pop(key, None)
            return
        rows[key] = doc
        if table == ANNOTATIONS:
            self._index_annotation(key, doc)
        elif table == CODEBOOK:
            self._index_tag(key, doc)

    def _unindex_annotation(self, key: str) -> None:
        row = self._rows.get(key)
        if row is None or (not _packed_or_made(row) and key not in self._unusual):
            return
        annotation_id, span = self._identity(key, row)
        self._unusual.pop(key, None)
        self._decoded.pop(key, None)
        if self._key_of.get(annotation_id) != key:
            return
        del self._key_of[annotation_id]
        self._count_tags(_tags_of(row), -1)
        if self._by_span is not None and self._by_span.get(span) == annotation_id:
            del self._by_span[span]

    def _index_annotation(self, key: str, row: Row, *, bump: bool = True) -> None:
        if not _packed_or_made(row):
            self._unusual[key] = self._facts(key, row)
        annotation_id, span = self._identity(key, row)
        previous = self._key_of.get(annotation_id)
        if previous is not None and previous != key:
            # The same annotation under a second key (two processes restored it at once):
            # the newest document wins and the older copy goes.
            self._unindex_annotation(previous)
            self._rows.pop(previous, None)
        self._key_of[annotation_id] = key
        self._count_tags(_tags_of(row), 1)
        if self._by_span is not None:
            self._by_span.setdefault(span, annotation_id)
        if bump:
            self._bump(key)

    def _facts(self, key: str, doc: Document) -> Unusual:
        """What the indexes need of a document kept as a dict; StoreError if damaged."""
        try:
            position = next(
                selector for selector in doc["selector"] if selector.get("type") == POSITION
            )
            return Unusual(
                str(doc["id"]),
                str(doc["interview"]),
                int(position["start"]),
                int(position["end"]),
                str(doc.get("author", "")),
            )
        except (
            KeyError,
            IndexError,
            ValueError,
            TypeError,
            StopIteration,
            AttributeError,
        ) as error:
            raise self._damaged(key, error) from None

    def _count_tags(self, tags: tuple[str, ...], step: int) -> None:
        counts = self._tag_counts
        for tag in tags:
            left = counts.get(tag, 0) + step
            if left > 0:
                counts[tag] = left
            else:
                counts.pop(tag, None)

    def _index_tag(self, key: str, doc: Document) -> None:
        path = doc.get("path")
        if isinstance(path, str):
            self._tag_key[path] = key
            if MOVED_TO in doc:
                target = doc[MOVED_TO]
                self._moved[path] = target if isinstance(target, str) else None
            else:
                self._moved.pop(path, None)
        self._bump(key)

    def _bump(self, key: str) -> None:
        if key.isdigit():
            self._next_key = max(self._next_key, int(key) + 1)

    def _damaged(self, key: str, error: BaseException) -> StoreError:
        return StoreError(
            f"{self._path}: annotation #{key} is damaged ({type(error).__name__}: {error}); "
            "repair the file or pass another --db"
        )


def _packed_or_made(row: Row) -> bool:
    """True for a packed tuple or an Annotation, False for a document kept as it was."""
    return type(row) is tuple or type(row) is Annotation


def _tags_of(row: Row) -> tuple[str, ...]:
    """The tags a row counts for (of a document kept as a dict, its string tags)."""
    if type(row) is tuple:
        tags: tuple[str, ...] = row[TAGS]
        return tags
    if type(row) is Annotation:
        return row.tags
    found = row.get("tags")
    return tuple(tag for tag in found if isinstance(tag, str)) if isinstance(found, list) else ()
