"""Undo and redo for the changes made in one reader session.

Every change the reader makes goes through :class:`History`, which does it in the store
and remembers the annotation as it was before and after. Undo puts the *before* back and
redo the *after*: a created annotation is deleted, a deleted one restored exactly (same
id, so older history entries still find it), a retag or note edit reverted field by
field. A tag added to a passage that was already annotated merges into that annotation,
so undoing it restores the earlier tags instead of deleting the annotation.

Undo reverts only the fields the change touched (tags, note), so a re-anchoring or a
note written by someone else in the same database since is not thrown away with it.
Each step is durable on return, like every store call: run them in a worker thread.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from corpus import Interview
from store.errors import StoreError
from store.model import Annotation
from store.store import AnnotationStore

ChangeKind = Literal["add", "tag", "retag", "note", "edit", "delete"]
"""``add``: a new annotation; ``tag``: tags merged into an existing one by ``add``;
``retag``/``note``/``edit``: its tags, its note, or both replaced; ``delete``."""

DEFAULT_LIMIT = 10_000
"""Changes kept for undo; the oldest are forgotten beyond this."""


@dataclass(frozen=True, slots=True)
class Change:
    """One change to one annotation: how it was before and after (None: did not exist)."""

    kind: ChangeKind
    before: Annotation | None
    after: Annotation | None

    def __post_init__(self) -> None:
        if self.before is None and self.after is None:
            raise ValueError("a change needs a before or an after")

    @property
    def annotation(self) -> Annotation:
        """The annotation concerned (as it is after the change, or as it was if deleted)."""
        found = self.after or self.before
        assert found is not None  # __post_init__
        return found

    @property
    def describe(self) -> str:
        """A short phrase for the status line, e.g. ``retag +policy, -trust`` or ``delete``.

        A retag names what it added and removed, so "undid retag -trust" reads right.
        """
        if self.before is not None and self.after is not None and self.kind in ("tag", "retag"):
            added = [t for t in self.after.tags if t not in self.before.tags]
            removed = [t for t in self.before.tags if t not in self.after.tags]
            if self.kind == "tag":  # tags only grew
                return f"tag {', '.join(added)}" if added else "tag"
            parts = [f"+{t}" for t in added] + [f"-{t}" for t in removed]
            return f"retag {', '.join(parts)}" if parts else "retag"
        tags = ", ".join(self.annotation.tags)
        if self.kind == "add" and tags:
            return f"add {tags}"
        return self.kind


def classify(before: Annotation | None, after: Annotation | None) -> ChangeKind:
    """The kind of change that turns ``before`` into ``after``."""
    if before is None:
        return "add"
    if after is None:
        return "delete"
    tags_changed = before.tags != after.tags
    note_changed = before.note != after.note
    if tags_changed and note_changed:
        return "edit"
    if note_changed:
        return "note"
    # Tags only grew: that is tagging (e.g. a tag merged into the passage's annotation).
    return "tag" if set(before.tags) < set(after.tags) else "retag"


class History:
    """The session's changes to an :class:`AnnotationStore`, with undo and redo.

    Use its ``add``/``update``/``delete`` instead of the store's to make a change
    undoable. Thread-safe: one step runs at a time.
    """

    def __init__(self, store: AnnotationStore, *, limit: int = DEFAULT_LIMIT) -> None:
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

    def record(self, before: Annotation | None, after: Annotation | None) -> Change | None:
        """Remember a change already made in the store; None if nothing changed."""
        if before == after:
            return None
        change = Change(classify(before, after), before, after)
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
    ) -> Annotation:
        """:meth:`AnnotationStore.add`, undoably (a merge is undone to the earlier tags)."""
        with self._lock:
            self.store.refresh()
            before = self.store.at_span(interview.id, start, end)
            after = self.store.add(interview, start, end, tags=tags, note=note, author=author)
            if before is not None and before.id != after.id:
                before = None  # not merged after all: someone else's passage moved away
            self.record(before, after)
            return after

    def update(
        self,
        annotation_id: str,
        *,
        tags: Sequence[str] | None = None,
        note: str | None = None,
    ) -> Annotation:
        """:meth:`AnnotationStore.update`, undoably."""
        with self._lock:
            self.store.refresh()
            before = self.store.get(annotation_id)
            after = self.store.update(annotation_id, tags=tags, note=note)
            self.record(before, after)
            return after

    def delete(self, annotation_id: str) -> Annotation:
        """:meth:`AnnotationStore.delete`, undoably (undo restores it exactly)."""
        with self._lock:
            removed = self.store.delete(annotation_id)
            self.record(removed, None)
            return removed

    # -- undo and redo --------------------------------------------------------------------

    def undo(self) -> Change | None:
        """Revert the latest change; returns it, or None if there is nothing to undo.

        StoreError if it cannot be reverted (the annotation was deleted in another
        session meanwhile); that change is then dropped, so older ones stay reachable.
        """
        with self._lock:
            if not self._undo:
                return None
            change = self._undo.pop()
            self._apply(change.after, change.before)
            self._redo.append(change)
            return change

    def redo(self) -> Change | None:
        """Make the latest undone change again; returns it, or None if there is none."""
        with self._lock:
            if not self._redo:
                return None
            change = self._redo.pop()
            self._apply(change.before, change.after)
            self._undo.append(change)
            return change

    def _apply(self, current: Annotation | None, target: Annotation | None) -> None:
        """Take the store from ``current`` to ``target`` for one annotation."""
        self.store.refresh()
        if target is None:
            assert current is not None
            if self.store.get(current.id) is not None:
                self.store.delete(current.id)
            return  # already gone (deleted elsewhere): the effect is there
        if current is None:
            self.store.restore(target)
            return
        if self.store.get(target.id) is None:
            raise StoreError(
                f"{self.store.path}: the annotation on {_short(target.exact)!r} in "
                f"{target.interview} was deleted in another session; that step was skipped"
            )
        self.store.update(
            target.id,
            tags=target.tags if target.tags != current.tags else None,
            note=target.note if target.note != current.note else None,
        )


def _short(text: str, width: int = 40) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
