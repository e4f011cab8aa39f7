"""store: annotations in TinyDB (or on a PostgreSQL server) that survive crashes,
concurrent writers and changed texts. :func:`open_store` opens either (``store.backend``).

Pure Python, no UI. May import corpus, never tui or textual. The core API is re-exported
here; the exporters live in ``store.export`` (``export_annotations``), reading exports
back in ``store.importing``. :func:`open_tinydb` gives users' scripts a read-only
``tinydb.TinyDB`` over the live database (``store.tinydb_storage``).

Files of a database ``annotations.json``: the main file (a plain TinyDB database),
``annotations.json.journal`` (changes since the last compaction, one checked line each,
see :mod:`store.journal_format`) and
``annotations.json.lock``. Copy or back up the first two together, or run
``gloss compact`` first so that the main file alone holds everything.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from store.backend import Store, open_store
from store.errors import Conflict, NoteConflict, StoreError
from store.locate import Headings, locate
from store.merging import ImportResult
from store.model import STATUSES, Annotation, Change, ChangeKind, Status, TagInfo
from store.settings import resolve_author, resolve_db, resolve_db_path
from store.store import AnnotationStore

if TYPE_CHECKING:
    from tinydb import TinyDB


def open_tinydb(path: str | Path) -> TinyDB:
    """A read-only TinyDB over the gloss database at ``path``, journal included.

    TinyDB itself is imported only here: gloss does not need it to start. A codebook
    document with a ``moved_to`` field is a tombstone (the tag was renamed there, or
    deleted if None), not a live tag: query ``~Query().moved_to.exists()`` for the tags.
    """
    from store.tinydb_storage import open_tinydb as open_read_only

    return open_read_only(path)


__all__ = [
    "STATUSES",
    "Annotation",
    "AnnotationStore",
    "Change",
    "ChangeKind",
    "Conflict",
    "Headings",
    "ImportResult",
    "NoteConflict",
    "Status",
    "Store",
    "StoreError",
    "TagInfo",
    "locate",
    "open_store",
    "open_tinydb",
    "resolve_author",
    "resolve_db",
    "resolve_db_path",
]
