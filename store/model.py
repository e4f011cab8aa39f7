"""The shapes the store hands out: one annotation, one tag of the codebook.

They are frozen so that the reader, the exporters and the undo history can hold on to an
annotation without the store changing it under them; a change makes a new value.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Status = Literal["anchored", "reanchored", "orphaned"]
STATUSES: tuple[Status, ...] = ("anchored", "reanchored", "orphaned")


@dataclass(frozen=True, slots=True)
class Annotation:
    """A passage of one interview with one coder's tags and note.

    ``author`` is the coder whose tags and note these are: another coder tagging the
    same passage gets an annotation of their own.

    ``start``/``end`` index the clean text the annotation was last anchored on (the one
    whose hash is ``fingerprint``); ``exact``/``prefix``/``suffix`` are the W3C-style quote
    selector that finds the passage again when that text changes; ``raw_start``/``raw_end``
    are the same passage in the interview file as read.
    """

    id: str
    interview: str
    fingerprint: str
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    raw_start: int
    raw_end: int
    tags: tuple[str, ...]
    note: str
    author: str
    created: str
    """UTC ISO 8601."""
    updated: str
    """UTC ISO 8601."""
    status: Status = "anchored"
    source: str = ""
    """The interview file's absolute path when annotated, to find its text again for
    exports; empty when unknown. Bundled interviews are found by ``interview`` id."""
    revision: int = 1
    """1 when made, one more with every stored change: lets a caller say which version
    it saw (``AnnotationStore.delete(..., revision=)``)."""

    @property
    def quote(self) -> str:
        """The annotated passage as last anchored."""
        return self.exact

    @property
    def orphaned(self) -> bool:
        return self.status == "orphaned"


@dataclass(frozen=True, slots=True)
class TagInfo:
    """One tag of the codebook: its path, optional description and colour, and its use."""

    path: str
    description: str | None
    colour: str | None
    count: int
    """How many annotations carry exactly this tag."""


ChangeKind = Literal["add", "tag", "retag", "note", "edit", "delete", "unchanged"]
"""``add``: a new annotation; ``tag``: tags (and a note) merged into an existing one;
``retag``/``note``/``edit``: its tags, its note, or both changed; ``delete``;
``unchanged``: the store already held what was asked for."""


@dataclass(frozen=True, slots=True)
class Change:
    """What one store call did to one annotation: as it was before and after.

    Both sides are read under the store lock inside the same read-modify-write, so they
    are exactly what the database held (None: the annotation did not exist).
    ``reverts`` is the change that an undo or redo took back.
    """

    kind: ChangeKind
    before: Annotation | None
    after: Annotation | None
    reverts: Change | None = None

    def __post_init__(self) -> None:
        if self.before is None and self.after is None:
            raise ValueError("a change needs a before or an after")

    @classmethod
    def between(
        cls, before: Annotation | None, after: Annotation | None, reverts: Change | None = None
    ) -> Change:
        """The change that took ``before`` to ``after``, its kind worked out."""
        return cls(classify(before, after), before, after, reverts)

    @property
    def changed(self) -> bool:
        return self.before != self.after

    @property
    def annotation(self) -> Annotation:
        """The annotation concerned (as it is after the change, or as it was if deleted)."""
        found = self.after or self.before
        assert found is not None  # __post_init__
        return found

    @property
    def step(self) -> Change:
        """The user's own step this change made, undid or redid (itself if neither)."""
        return self.reverts.step if self.reverts is not None else self

    @property
    def added_tags(self) -> tuple[str, ...]:
        before = self.before.tags if self.before is not None else ()
        return tuple(t for t in self.after.tags if t not in before) if self.after else ()

    @property
    def removed_tags(self) -> tuple[str, ...]:
        after = self.after.tags if self.after is not None else ()
        return tuple(t for t in self.before.tags if t not in after) if self.before else ()

    @property
    def describe(self) -> str:
        """A short phrase for the status line, e.g. ``retag +policy, -trust`` or ``delete``.

        A retag names what it added and removed, so "undid retag -trust" reads right.
        """
        if self.kind == "tag":
            added = self.added_tags
            return f"tag {', '.join(added)}" if added else "tag"
        if self.kind == "retag":
            parts = [f"+{t}" for t in self.added_tags] + [f"-{t}" for t in self.removed_tags]
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
    if before == after:
        return "unchanged"
    tags_changed = before.tags != after.tags
    note_changed = before.note != after.note
    grew = set(before.tags) <= set(after.tags) and (
        not note_changed or after.note.startswith(before.note)
    )
    if tags_changed and grew:
        return "tag"  # tags only grew (a second add of the passage merged into it)
    if tags_changed and note_changed:
        return "edit"
    if note_changed:
        return "note"
    return "retag"
