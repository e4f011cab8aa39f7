"""store: annotations in TinyDB that survive crashes, concurrent writers and changed texts.

Pure Python, no UI. May import corpus, never tui or textual. The core API is re-exported
here; the exporters live in ``store.export`` (``export_annotations``), reading exports
back in ``store.importing``, and a read-only TinyDB storage in ``store.tinydb_storage``.

Files of a database ``annotations.json``: the main file (a plain TinyDB database),
``annotations.json.journal`` (changes since the last compaction, one JSON line each) and
``annotations.json.lock``. Copy or back up the first two together, or run
``gloss compact`` first so that the main file alone holds everything.
"""

from store.errors import Conflict, NoteConflict, StoreError
from store.locate import Headings, locate
from store.merging import ImportResult
from store.model import STATUSES, Annotation, Change, ChangeKind, Status, TagInfo
from store.settings import resolve_author, resolve_db_path
from store.store import AnnotationStore

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
    "StoreError",
    "TagInfo",
    "locate",
    "resolve_author",
    "resolve_db_path",
]
