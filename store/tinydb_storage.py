"""Querying a gloss database with TinyDB's own API, journal included.

The main file alone is a plain TinyDB database, but it lags behind by whatever the
journal holds until the next compaction. ``TinyDB(path, storage=GlossStorage)`` reads
main file plus journal under the lock, so ad-hoc queries (``Query().tags.any(...)``) see
exactly what gloss sees. It is read-only: TinyDB writes by rewriting the whole database
without holding a lock between its read and its write, which would lose other people's
changes; changes go through :class:`store.AnnotationStore`.

    >>> from tinydb import TinyDB, Query
    >>> db = TinyDB("annotations.json", storage=GlossStorage)
    >>> db.table("annotations").search(Query().author == "ann")
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from store.errors import StoreError
from store.journal import JournalFile, replayed
from store.schema import SCHEMA_VERSION, version_of


class GlossStorage(Storage):
    """A read-only TinyDB storage over a gloss database file and its journal."""

    def __init__(self, path: str | Path) -> None:
        self._file = JournalFile(Path(path))

    def read(self) -> dict[str, dict[str, Any]] | None:
        with self._file.locked():
            snapshot = self._file.read_all()
        if snapshot.main is None:
            return None
        if version_of(snapshot.main, self._file.path) != SCHEMA_VERSION:
            raise StoreError(
                f"{self._file.path}: an older gloss database; open it once with gloss to "
                "migrate it, then query it"
            )
        return replayed(snapshot.main, snapshot.ops)

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        raise StoreError(
            f"{self._file.path}: GlossStorage is read-only; change annotations through "
            "store.AnnotationStore or the gloss command line"
        )
