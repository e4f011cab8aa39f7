"""AnnotationStore: the store on a TinyDB file, the default backend.

The rules (what a change means) are :class:`store.rules.Rules`; the machinery (lock,
journal, catching up) is :class:`store.database.Database`. :func:`store.backend.open_store`
picks this or the PostgreSQL store from ``--db``.
"""

from __future__ import annotations

from pathlib import Path

from store.database import Database
from store.rules import Rules, now_iso, source_of

__all__ = ["AnnotationStore", "now_iso", "source_of"]


class AnnotationStore(Database, Rules[Path]):
    """Annotations and the codebook of one database file; use :meth:`open`."""
