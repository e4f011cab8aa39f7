"""Merging annotations that arrive from elsewhere (an export, another machine).

The rules keep a database free of duplicates whatever is imported, however often: an id
already present is replaced only by a newer version of itself (a higher ``revision``, or
the same revision ``updated`` later); a new id on a passage its coder (``author``)
annotated already merges its tags and note into that coder's annotation, as a second
``add`` by them would. A newer version that moves onto a passage its coder annotated
under another id is merged with that annotation the same way (the other id goes), so no
coder ever has two annotations of one passage. Another coder's annotation of the same
passage stays separate: who coded what is part of the data.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from store.codec import to_doc
from store.journal import Op
from store.model import Annotation
from store.view import ANNOTATIONS, PassageKey, View


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import did, for the user to read."""

    added: int = 0
    updated: int = 0
    merged: int = 0
    unchanged: int = 0


def merge_notes(old: str, new: str) -> str:
    """Both notes, the new one after a blank line, unless it adds nothing."""
    if not new or new in old:
        return old
    return f"{old}\n\n{new}" if old else new


def merged_into(old: Annotation, tags: Iterable[str], note: str, stamp: str) -> Annotation | None:
    """``old`` with ``tags`` and ``note`` merged in, updated at ``stamp``, as a second
    annotation of its passage is merged; None if that changes nothing."""
    merged_tags = tuple(sorted(set(old.tags) | set(tags)))
    merged_note = merge_notes(old.note, note)
    if (merged_tags, merged_note) == (old.tags, old.note):
        return None
    return replace(old, tags=merged_tags, note=merged_note, updated=stamp)


def plan_import(
    view: View, batch: Sequence[Annotation], stamp: str
) -> tuple[list[Op], ImportResult]:
    """The operations that merge ``batch`` into ``view``, and what they amount to."""
    plan = _Plan(view, stamp)
    for new in batch:
        plan.take(new)
    return plan.ops(), ImportResult(**plan.counts)


def is_newer(new: Annotation, old: Annotation) -> bool:
    """True if ``new`` is a later version of ``old``: by revision, then by ``updated``."""
    return new != old and (new.revision, new.updated) > (old.revision, old.updated)


def _span(annotation: Annotation) -> PassageKey:
    return (annotation.interview, annotation.start, annotation.end, annotation.author)


class _Plan:
    """The batch merged so far over the view: annotations changed (None: deleted) and
    which of them holds each passage now."""

    def __init__(self, view: View, stamp: str) -> None:
        self.view = view
        self.stamp = stamp
        self.pending: dict[str, Annotation | None] = {}
        self.spans: dict[PassageKey, str | None] = {}
        self.counts = {"added": 0, "updated": 0, "merged": 0, "unchanged": 0}

    def current(self, annotation_id: str) -> Annotation | None:
        if annotation_id in self.pending:
            return self.pending[annotation_id]
        return self.view.get(annotation_id)

    def holder(self, span: PassageKey, other_than: str = "") -> Annotation | None:
        """The annotation on ``span`` now (as the batch left it), if not ``other_than``."""
        if span in self.spans:
            holder_id = self.spans[span]
        else:
            stored = self.view.at_span(*span)
            holder_id = stored.id if stored is not None else None
        found = self.current(holder_id) if holder_id is not None else None
        if found is None or _span(found) != span or found.id == other_than:
            return None
        return found

    def set(self, annotation: Annotation) -> None:
        old = self.current(annotation.id)
        if old is not None and self.holder(_span(old)) == old:
            self.spans[_span(old)] = None
        self.pending[annotation.id] = annotation
        self.spans[_span(annotation)] = annotation.id

    def drop(self, annotation: Annotation) -> None:
        self.pending[annotation.id] = None
        if self.holder(_span(annotation)) == annotation:
            self.spans[_span(annotation)] = None

    def take(self, new: Annotation) -> None:
        old = self.current(new.id)
        if old is not None:
            if not is_newer(new, old):
                self.counts["unchanged"] += 1
                return
            twin = self.holder(_span(new), other_than=new.id)
            if twin is None:
                self.set(new)
                self.counts["updated"] += 1
                return
            # The newer version moves onto a passage its coder annotated under another
            # id: the two become one, as a second add of the passage would make them.
            self.drop(twin)
            self.set(merged_into(new, twin.tags, twin.note, self.stamp) or new)
            self.counts["merged"] += 1
            return
        twin = self.holder(_span(new))
        if twin is None:
            self.set(new)
            self.counts["added"] += 1
            return
        merged = merged_into(twin, new.tags, new.note, self.stamp)
        if merged is None:
            self.counts["unchanged"] += 1
        else:
            self.set(merged)
            self.counts["merged"] += 1

    def ops(self) -> list[Op]:
        """The batch as operations. A changed annotation's revision is past both the
        stored one and the incoming one, so revisions only grow from machine to machine."""
        ops: list[Op] = []
        for annotation_id, annotation in self.pending.items():
            stored = self.view.get(annotation_id)
            key = self.view.key_of(annotation_id)
            if annotation is None:
                if key is not None:
                    ops.append((ANNOTATIONS, key, None))
                continue
            if annotation == stored:
                continue
            if stored is not None:
                revision = max(annotation.revision, stored.revision + 1)
                annotation = replace(annotation, revision=revision)
            ops.append((ANNOTATIONS, key or self.view.new_key(), to_doc(annotation)))
        return ops
