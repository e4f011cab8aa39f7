"""Querying a live gloss database with TinyDB's own API, journal included, for users' scripts.

The main file alone is a plain TinyDB database, but it lags behind by whatever the
journal holds until the next compaction. :func:`open_tinydb` gives a ``tinydb.TinyDB``
whose storage reads main file plus journal under the lock at every query (with the
journal reader and replay gloss itself uses), so ad-hoc queries (``Query().tags.any(...)``)
see exactly what gloss sees, changes made meanwhile included. It is read-only: TinyDB
writes by rewriting the whole database without holding a lock between its read and its
write, which would lose other people's changes; changes go through
:class:`store.AnnotationStore` or the command line.

    >>> from tinydb import Query
    >>> from store import open_tinydb
    >>> db = open_tinydb("team.json")
    >>> db.table("annotations").search(Query().author == "ann")
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from store.errors import StoreError
from store.journal import JournalFile
from store.journal_format import replayed
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


class _LiveTinyDB(TinyDB):
    """TinyDB whose tables never answer from their query cache: others change the database."""

    def table(self, name: str, **kwargs: Any) -> Table:
        kwargs.setdefault("cache_size", 0)
        return super().table(name, **kwargs)


def open_tinydb(path: str | Path) -> TinyDB:
    """A read-only ``TinyDB`` over the gloss database at ``path`` and its journal.

    Each query reads the database as it is then. A path with no database is refused
    (a mistyped name would otherwise look like an empty database); so is any write.
    """
    path = Path(path).expanduser()
    if not path.is_file():
        raise StoreError(f"{path}: no gloss database there; check the path (see 'gloss --help')")
    return _LiveTinyDB(path, storage=GlossStorage)
