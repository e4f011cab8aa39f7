"""What the reading session hands the screen: an :class:`Edit` to save in a worker,
an :class:`Update` to apply, a :class:`GoTo` to move a reader. Small frozen values."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from corpus import Interview, Span
from store import Annotation, StoreError
from store.errors import Conflict

EditKind = Literal["add", "edit", "delete", "undo", "redo"]
Severity = Literal["information", "warning", "error"]


@dataclass(frozen=True, slots=True)
class GoTo:
    """Move reader ``reader`` (index among the shown) to clean ``offset``."""

    reader: int
    offset: int
    activate: bool = True
    """Make that reader the active one (False: only in a narrow window)."""


@dataclass(frozen=True, slots=True)
class NoteClash:
    """A note the user wrote that was not saved: someone changed it meanwhile."""

    current: Annotation
    """The annotation as it is now (``current.note`` is the other text)."""
    mine: str
    """What the user wrote."""


@dataclass(frozen=True, slots=True)
class Update:
    """What one operation changed, for the screen to apply."""

    interviews: frozenset[str] = frozenset()
    """Interviews whose annotations changed (repaint their reader, the list, counts)."""
    codebook: bool = False
    """The tags or their colours changed."""
    hits: bool = False
    """The search hits changed."""
    message: str = ""
    """For the status line."""
    notice: str = ""
    """For a notification."""
    severity: Severity = "information"
    timeout: float = 3.0
    """Seconds the notification stays."""
    save: Literal["saved", "unsaved", "error"] | None = None
    """``saved``: the last pending change is durable; ``unsaved``: it was not made (the
    user is asked); ``error``: a change failed."""
    clash: NoteClash | None = None
    """Show both notes and ask (the user's was not saved)."""
    go_to: GoTo | None = None
    reload: bool = False
    """Read everything again (a change failed: what is stored is not what is shown)."""
    conflict: Conflict | None = None
    """The annotation changed elsewhere since the user saw it, so ``conflicted`` (a
    delete) was not made: the screen says what it holds now and asks."""
    conflicted: Edit | None = None

    @classmethod
    def failure(cls, error: StoreError, *, reload: bool = False) -> Update:
        """A store call failed: said in the status line and in a notification."""
        text = str(error)
        return cls(
            message=text, notice=text, severity="error", timeout=8, save="error", reload=reload
        )


@dataclass(frozen=True, slots=True)
class Edit:
    """One change the user asked for, to be made by :meth:`Session.save` in a worker."""

    kind: EditKind
    describe: str
    """What the status line says while it is saved (and after, unless it says more)."""
    interview: Interview | None = None
    span: Span | None = None
    annotation_id: str = ""
    revision: int | None = None
    """``delete``: the revision the user saw."""
    tags: tuple[str, ...] = ()
    """``add``: the tags to give; ``edit``: the tags to add."""
    remove: tuple[str, ...] = ()
    note: tuple[str, str] | None = None
    """``edit``: the note from ``note[0]`` to ``note[1]``; ``add``: ``note[1]``."""
    leaves_empty: bool = False
    """An ``edit`` that leaves no tags and no note: ask whether to delete instead."""
