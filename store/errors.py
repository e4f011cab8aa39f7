"""The errors the store raises: each message is a full sentence a user can act on.

The conflicts carry what a screen needs to show both sides and ask, besides the message.
"""

from __future__ import annotations

from store.model import Annotation


class StoreError(Exception):
    """The annotation database cannot be used; ``str(error)`` names the file and what to do."""


class LockUnavailable(StoreError):
    """The lock file cannot be made (a read-only file system or directory): the
    database can be read without it, never changed."""


class Offline(StoreError):
    """The database server cannot be reached (now): nothing was changed, and a reader
    says it is offline until the server is back (see :mod:`store.postgres`)."""


class Missing(StoreError):
    """The annotation asked for is not in the database (deleted meanwhile, most likely
    by another process): nothing was changed."""


class Conflict(StoreError):
    """The annotation changed since the caller saw it, so the change was not made.

    ``current`` is the annotation as it is now; nothing was changed.
    """

    def __init__(self, message: str, current: Annotation) -> None:
        super().__init__(message)
        self.current = current


class NoteConflict(Conflict):
    """A note was changed elsewhere since the editor opened it: nothing was saved.

    ``current`` holds the other text (``current.note``), ``old`` the note the editor
    opened with and ``new`` the text the user wrote; show both and ask.
    """

    def __init__(self, path: object, current: Annotation, old: str, new: str) -> None:
        super().__init__(
            f"{path}: the note on {short_quote(current)} in {current.interview} was "
            "changed elsewhere since it was opened; nothing was saved, compare both texts "
            "and save again",
            current,
        )
        self.old = old
        self.new = new


def short_quote(annotation: Annotation, width: int = 40) -> str:
    """The annotated passage on one line, cut to ``width``, quoted: for messages."""
    flat = " ".join(annotation.exact.split())
    return repr(flat if len(flat) <= width else flat[: width - 1] + "…")
