"""store: annotations in TinyDB that survive crashes, concurrent writers and changed texts.

Pure Python, no UI. May import corpus, never tui or textual. The public API is
re-exported here; other packages import from ``store`` only.
"""

from store.errors import StoreError
from store.merging import ImportResult
from store.model import STATUSES, Annotation, Status, TagInfo
from store.settings import resolve_author, resolve_db_path
from store.store import AnnotationStore

__all__ = [
    "STATUSES",
    "Annotation",
    "AnnotationStore",
    "ImportResult",
    "Status",
    "StoreError",
    "TagInfo",
    "resolve_author",
    "resolve_db_path",
]
