"""The in-memory view of one database: its tables plus the indexes the store needs.

Opening a 50k-annotation database must take well under a second, and building 50k
frozen dataclasses is most of that, so documents are indexed by what lookups need (id,
interview, span) and turned into :class:`Annotation` objects only when asked for, then
cached until their document changes.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

from store.codec import POSITION, from_doc, to_doc
from store.errors import StoreError
from store.journal import Document, Op, Tables
from store.model import Annotation

ANNOTATIONS = "annotations"
CODEBOOK = "codebook"


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many small objects at once.

    Parsing a big database allocates hundreds of thousands of dicts that all survive;
    without this the collector runs over them again and again (about half the open time).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class Entry(NamedTuple):
    """Where an annotation's document is and what the indexes need from it."""

    key: str
    interview: str
    start: int
    end: int


class View:
    """Tables as loaded from main file plus journal, kept current by :meth:`apply`."""

    def __init__(self, path: Path, tables: Tables) -> None:
        self._path = path
        self.tables = tables
        for name in (ANNOTATIONS, CODEBOOK):
            tables.setdefault(name, {})
        self._entries: dict[str, Entry] = {}
        self._id_at: dict[str, str] = {}
        self._by_span: dict[tuple[str, int, int], str] = {}
        self._cache: dict[str, Annotation] = {}
        self._tag_key: dict[str, str] = {}
        self._tag_counts: dict[str, int] = {}
        self._next_key = 1
        self._index_all(tables[ANNOTATIONS])
        for key, doc in tables[CODEBOOK].items():
            self._index_tag(key, doc)
        keys = [int(key) for key in tables[ANNOTATIONS] if key.isdigit()]
        self._next_key = max([self._next_key, *(k + 1 for k in keys)])

    def _index_all(self, rows: dict[str, Document]) -> None:
        """Index every annotation document: the open-time hot loop, kept lean.

        Documents of the common, well-formed shape take the fast path; anything else
        (a duplicate id, a damaged document) goes through :meth:`_index_annotation`.
        """
        entries, id_at, by_span = self._entries, self._id_at, self._by_span
        for key, doc in list(rows.items()):
            try:
                annotation_id = doc["id"]
                interview = doc["interview"]
                position = doc["selector"][0]
                if position["type"] != POSITION:
                    raise KeyError("type")  # another order of selectors: the careful path
                start, end = position["start"], position["end"]
            except (KeyError, IndexError, TypeError):
                self._index_annotation(key, doc, bump=False)  # careful; StoreError if damaged
                continue
            if (
                type(start) is not int
                or type(end) is not int
                or type(annotation_id) is not str
                or type(interview) is not str
                or annotation_id in entries
            ):
                self._index_annotation(key, doc, bump=False)
                continue
            entries[annotation_id] = Entry(key, interview, start, end)
            self._count_tags(doc, 1)
            id_at[key] = annotation_id
            by_span.setdefault((interview, start, end), annotation_id)

    # -- lookups ------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, annotation_id: str) -> Annotation | None:
        entry = self._entries.get(annotation_id)
        if entry is None:
            return None
        cached = self._cache.get(annotation_id)
        if cached is None:
            doc = self.tables[ANNOTATIONS][entry.key]
            try:
                cached = from_doc(doc)
            except (KeyError, ValueError, TypeError) as error:
                raise self._damaged(entry.key, error) from None
            self._cache[annotation_id] = cached
        return cached

    def all(self, interview: str | None = None) -> list[Annotation]:
        """Every annotation (of one interview), in no particular order."""
        ids = [i for i, e in self._entries.items() if interview is None or e.interview == interview]
        with gc_paused():
            found = [self.get(annotation_id) for annotation_id in ids]
        return [a for a in found if a is not None]

    def at_span(self, interview: str, start: int, end: int) -> Annotation | None:
        annotation_id = self._by_span.get((interview, start, end))
        return None if annotation_id is None else self.get(annotation_id)

    def key_of(self, annotation_id: str) -> str | None:
        entry = self._entries.get(annotation_id)
        return None if entry is None else entry.key

    def interviews(self) -> set[str]:
        return {entry.interview for entry in self._entries.values()}

    def tag_key(self, path: str) -> str | None:
        return self._tag_key.get(path)

    def tag_keys(self) -> dict[str, str]:
        """Codebook paths and their document keys."""
        return dict(self._tag_key)

    def tag_counts(self) -> dict[str, int]:
        """How many annotations carry each tag (tags in use only)."""
        return dict(self._tag_counts)

    def tag_doc(self, path: str) -> Document:
        key = self._tag_key.get(path)
        return self.tables[CODEBOOK][key] if key is not None else {}

    def new_key(self) -> str:
        """A fresh TinyDB document id (keys are shared by all tables, which TinyDB allows)."""
        key = str(self._next_key)
        self._next_key += 1
        return key

    def put(self, annotation: Annotation) -> Op:
        """The operation that stores ``annotation`` (under its key, or a new one)."""
        return (ANNOTATIONS, self.key_of(annotation.id) or self.new_key(), to_doc(annotation))

    # -- changes ------------------------------------------------------------------------

    def apply(self, op: Op) -> None:
        """Set or delete one document and keep the indexes in step."""
        table, key, doc = op
        if table == ANNOTATIONS:
            self._unindex_annotation(key)
        elif table == CODEBOOK:
            old = self.tables[CODEBOOK].get(key)
            if old is not None and self._tag_key.get(old.get("path", "")) == key:
                del self._tag_key[old["path"]]
        rows = self.tables.setdefault(table, {})
        if doc is None:
            rows.pop(key, None)
            return
        rows[key] = doc
        if table == ANNOTATIONS:
            self._index_annotation(key, doc)
        elif table == CODEBOOK:
            self._index_tag(key, doc)

    def _unindex_annotation(self, key: str) -> None:
        old_id = self._id_at.pop(key, None)
        if old_id is None:
            return
        entry = self._entries.pop(old_id)
        self._cache.pop(old_id, None)
        self._count_tags(self.tables[ANNOTATIONS].get(key, {}), -1)
        span = (entry.interview, entry.start, entry.end)
        if self._by_span.get(span) == old_id:
            del self._by_span[span]

    def _index_annotation(self, key: str, doc: Document, *, bump: bool = True) -> None:
        try:
            annotation_id = str(doc["id"])
            position = next(
                selector for selector in doc["selector"] if selector.get("type") == POSITION
            )
            entry = Entry(key, str(doc["interview"]), int(position["start"]), int(position["end"]))
        except (
            KeyError,
            IndexError,
            ValueError,
            TypeError,
            StopIteration,
            AttributeError,
        ) as error:
            raise self._damaged(key, error) from None
        previous = self._entries.get(annotation_id)
        if previous is not None and previous.key != key:
            # The same annotation under a second key (two processes restored it at once):
            # the newest document wins and the older copy goes.
            self._unindex_annotation(previous.key)
            self.tables[ANNOTATIONS].pop(previous.key, None)
        self._entries[annotation_id] = entry
        self._count_tags(doc, 1)
        self._id_at[key] = annotation_id
        self._by_span.setdefault((entry.interview, entry.start, entry.end), annotation_id)
        if bump:
            self._bump(key)

    def _count_tags(self, doc: Document, step: int) -> None:
        tags = doc.get("tags")
        if not isinstance(tags, list):
            return
        counts = self._tag_counts
        for tag in tags:
            if isinstance(tag, str):
                left = counts.get(tag, 0) + step
                if left > 0:
                    counts[tag] = left
                else:
                    counts.pop(tag, None)

    def _index_tag(self, key: str, doc: Document) -> None:
        path = doc.get("path")
        if isinstance(path, str):
            self._tag_key[path] = key
        self._bump(key)

    def _bump(self, key: str) -> None:
        if key.isdigit():
            self._next_key = max(self._next_key, int(key) + 1)

    def _damaged(self, key: str, error: BaseException) -> StoreError:
        return StoreError(
            f"{self._path}: annotation #{key} is damaged ({type(error).__name__}: {error}); "
            "repair the file or pass another --db"
        )
