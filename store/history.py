"""Undo and redo for the changes made in one reader session.

Every change the reader makes goes through :class:`History`, which makes it in the store
and keeps the :class:`~store.model.Change` the store returns: the annotation before and
after, both read under the store lock in the same read-modify-write, so the history is
exact even while other processes write.

Undo reverts exactly the user's own step and nothing anyone did since, each revert one
checked change in the store (see :mod:`store.changes`):

- a new annotation loses the tags and note this step gave it, and is deleted only if
  nothing else is left on it (what others added since stays);
- tags merged into an annotation (a second ``add`` of its passage), or a retag, are taken
  back tag by tag; tags added, removed or renamed elsewhere meanwhile stay as they are;
- a note goes back to what it was only if it is still what this step wrote; otherwise a
  :class:`~store.errors.Conflict` says so and nothing changes;
- a deleted annotation comes back exactly (same id), unless it is back already.

Redo reverts what the undo did, by the same rules. A step that cannot be reverted raises
:class:`~store.errors.StoreError` and is dropped, so older steps stay reachable. Each step
is durable on return, like every store call: run them in a worker thread.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Sequence
from dataclasses import replace

from corpus import Interview
from store.backend import Store
from store.errors import Conflict, NoteConflict, short_quote
from store.model import Change

DEFAULT_LIMIT = 10_000
"""Changes kept for undo; the oldest are forgotten beyond this."""


class History:
    """The session's changes to a :class:`~store.backend.Store`, with undo and redo.

    Use its ``add``/``update``/``delete`` instead of the store's to make a change
    undoable. Thread-safe: one step runs at a time.
    """

    def __init__(self, store: Store, *, limit: int = DEFAULT_LIMIT) -> None:
        self.store = store
        self._undo: deque[Change] = deque(maxlen=limit)
        self._redo: list[Change] = []
        self._lock = threading.RLock()

    # -- state ----------------------------------------------------------------------------

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @property
    def next_undo(self) -> Change | None:
        """The change :meth:`undo` would revert."""
        with self._lock:
            return self._undo[-1] if self._undo else None

    @property
    def next_redo(self) -> Change | None:
        """The change :meth:`redo` would make again."""
        with self._lock:
            return self._redo[-1] if self._redo else None

    def clear(self) -> None:
        """Forget every change (e.g. when another database is opened)."""
        with self._lock:
            self._undo.clear()
            self._redo.clear()

    # -- changes --------------------------------------------------------------------------

    def record(self, change: Change | None) -> Change | None:
        """Remember a change already made in the store; None if it changed nothing."""
        if change is None or not change.changed:
            return None
        with self._lock:
            self._undo.append(change)
            self._redo.clear()
        return change

    def add(
        self,
        interview: Interview,
        start: int,
        end: int,
        *,
        tags: Sequence[str] = (),
        note: str = "",
        author: str,
    ) -> Change | None:
        """:meth:`AnnotationStore.add`, undoably; None if the passage held it all already."""
        with self._lock:
            change = self.store.add(interview, start, end, tags=tags, note=note, author=author)
            return self.record(change)

    def update(
        self,
        annotation_id: str,
        *,
        add: Sequence[str] = (),
        remove: Sequence[str] = (),
        note: tuple[str, str] | None = None,
    ) -> Change | None:
        """:meth:`AnnotationStore.edit` (tags added and removed, the note from ``note[0]``
        to ``note[1]``), undoably; None if nothing changed.

        :class:`~store.errors.NoteConflict` if the note was changed elsewhere meanwhile.
        """
        with self._lock:
            return self.record(self.store.edit(annotation_id, add=add, remove=remove, note=note))

    def delete(self, annotation_id: str, *, revision: int | None = None) -> Change | None:
        """:meth:`AnnotationStore.delete`, undoably (undo restores it exactly).

        :class:`~store.errors.Conflict` if ``revision`` (the one the user saw) is not the
        stored one any more: nothing is deleted.
        """
        with self._lock:
            return self.record(self.store.delete(annotation_id, revision=revision))

    # -- undo and redo --------------------------------------------------------------------

    def undo(self) -> Change | None:
        """Revert the latest step; returns what the store did (its ``step`` is the user's
        step undone), or None if there is nothing to undo.

        StoreError (a :class:`~store.errors.Conflict` when the annotation changed in a way
        that forbids it) if it cannot be reverted: nothing changes and that step is
        dropped, so older ones stay reachable.
        """
        with self._lock:
            if not self._undo:
                return None
            done = self._taken_back(self._undo.pop())
            self._redo.append(done)
            return done

    def redo(self) -> Change | None:
        """Make the latest undone step again (by reverting what the undo did); returns
        what the store did, or None if there is nothing to redo."""
        with self._lock:
            if not self._redo:
                return None
            done = self._taken_back(self._redo.pop())
            self._undo.append(done)
            return done

    def _named_now(self, tags: Sequence[str]) -> list[str]:
        """``tags`` as the codebook calls them now (renames and merges followed, deleted
        tags left out)."""
        named = (self.store.resolve_tag(tag) for tag in tags)
        return list(dict.fromkeys(tag for tag in named if tag is not None))

    def _taken_back(self, change: Change) -> Change:
        """:meth:`_revert`, refused when it would change nothing: what the step did is
        gone already (taken off or renamed elsewhere), and "undid" would not be true."""
        done = self._revert(change)
        if not done.changed:
            current = done.annotation
            raise Conflict(
                f"{change.step.describe} on {short_quote(current)} in {current.interview} "
                "is not there any more (changed elsewhere since); that step was skipped",
                current,
            )
        return done

    def _revert(self, change: Change) -> Change:
        """Take back ``change`` as far as it is still there; what the store did."""
        before, after = change.before, change.after
        self.store.refresh()  # tags renamed or merged elsewhere are followed to their names now
        if after is None:
            assert before is not None
            done = self.store.restore(before)
        elif before is None:
            withdrawn = self.store.withdraw(
                after.id, tags=self._named_now(after.tags), note=after.note
            )
            # Gone already (deleted elsewhere): the effect of the undo is there.
            done = withdrawn or Change.between(after, None)
        else:
            note = (after.note, before.note) if after.note != before.note else None
            try:
                had = set(self._named_now(before.tags))
                done = self.store.edit(
                    after.id,
                    add=self._named_now(change.removed_tags),
                    # A tag of this step merged since into one the passage had before is
                    # not this step's to take off.
                    remove=[t for t in self._named_now(change.added_tags) if t not in had],
                    note=note,
                )
            except NoteConflict as conflict:
                raise Conflict(
                    f"{self.store.path}: the note on {short_quote(after)} in "
                    f"{after.interview} was changed elsewhere since; it was left as it is "
                    "and that step was skipped",
                    conflict.current,
                ) from None
        return replace(done, reverts=change)
