"""What every store offers, whatever keeps its data, and the one way to open one.

The reader, the command line, the exports and the agreement figures talk to a
:class:`Store`: the TinyDB file (:class:`store.store.AnnotationStore`, the default) or a
PostgreSQL server (:class:`store.postgres.PostgresStore`), picked by :func:`open_store`
from what ``--db`` (or ``$GLOSS_DB``) names. Both share the rules
(:class:`store.rules.Rules`), so a change means the same on either; the tests run the
store's tests over both.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Protocol, Self

from corpus import Interview
from store.anchoring import Reanchoring
from store.copying import Contents
from store.merging import ImportResult
from store.model import Annotation, Change, Status, TagInfo

SERVER_SCHEMES = ("postgresql://", "postgres://")
"""How ``--db`` names a PostgreSQL database (any libpq URI); anything else is a file."""


def is_server(db: str | Path) -> bool:
    """True if ``db`` names a PostgreSQL database rather than a file."""
    return isinstance(db, str) and db.lower().startswith(SERVER_SCHEMES)


class Store(Protocol):
    """Annotations and the codebook of one database; every change durable on return."""

    @property
    def path(self) -> Path | str:
        """Where the data is, for messages: a file, or the server (never its password)."""
        ...

    @property
    def read_only(self) -> bool:
        """True if it can be read but never changed (a file in a read-only place)."""
        ...

    @property
    def compaction_problem(self) -> str | None:
        """Why the last housekeeping failed (the changes themselves are safe), or None."""
        ...

    @property
    def changes_seen(self) -> int:
        """Grows each time other processes' changes were taken in (a reader holding
        copies compares it to know when to read everything again)."""
        ...

    # -- reading

    def get(self, annotation_id: str) -> Annotation | None: ...

    def annotations(
        self,
        *,
        interview: str | None = None,
        tag: str | None = None,
        author: str | None = None,
        status: Status | None = None,
    ) -> list[Annotation]: ...

    def at_span(
        self, interview: str, start: int, end: int, *, author: str
    ) -> Annotation | None: ...

    def __len__(self) -> int: ...

    def tags(self) -> list[TagInfo]: ...

    def resolve_tag(self, path: str) -> str | None: ...

    def tag_moves(self) -> dict[str, str | None]: ...

    def contents(self) -> Contents: ...

    # -- changing

    def add(
        self,
        interview: Interview,
        start: int,
        end: int,
        *,
        tags: Sequence[str] = (),
        note: str = "",
        author: str,
    ) -> Change: ...

    def edit(
        self,
        annotation_id: str,
        *,
        add: Sequence[str] = (),
        remove: Sequence[str] = (),
        note: tuple[str, str] | None = None,
    ) -> Change: ...

    def retag(
        self, annotation_id: str, *, add: Sequence[str] = (), remove: Sequence[str] = ()
    ) -> Change: ...

    def set_note(self, annotation_id: str, *, old: str, new: str) -> Change: ...

    def delete(self, annotation_id: str, *, revision: int | None = None) -> Change: ...

    def withdraw(self, annotation_id: str, *, tags: Sequence[str], note: str) -> Change | None: ...

    def restore(self, annotation: Annotation) -> Change: ...

    def import_annotations(
        self, incoming: Iterable[Annotation], tags: Iterable[TagInfo] = ()
    ) -> ImportResult: ...

    def copy_in(self, contents: Contents) -> int: ...

    def anchor(self, interview: Interview) -> list[Annotation]: ...

    def reanchor(self, interview: Interview) -> Reanchoring: ...

    def set_tag(
        self, path: str, *, description: str | None = None, colour: str | None = None
    ) -> TagInfo: ...

    def rename_tag(self, old: str, new: str) -> int: ...

    def merge_tags(self, source: str, target: str) -> int: ...

    def delete_tag(self, path: str, *, force: bool = False) -> int: ...

    # -- the machinery

    def refresh(self) -> bool:
        """Catch up with everything other processes committed; True if anything changed."""
        ...

    def poll(self) -> bool:
        """:meth:`refresh` as cheaply as the backend can (a reader's once-a-second
        watch): a server store only looks at its LISTEN socket, so a change may be
        seen a moment after its commit."""
        ...

    def compact(self) -> None: ...

    def close(self) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None: ...


def open_store(db: str | Path, *, reading: bool = False) -> Store:
    """The store ``db`` names: a PostgreSQL URI (``postgresql://``, ``postgres://``) or
    a TinyDB file. ``reading`` refuses a database that is not there instead of making
    it (see :meth:`store.database.Database.open`). StoreError if it cannot be used."""
    if is_server(db):
        from store.postgres import PostgresStore  # psycopg is loaded only for a server

        return PostgresStore.open(str(db), reading=reading)
    from store.store import AnnotationStore

    return AnnotationStore.open(Path(db).expanduser(), reading=reading)
