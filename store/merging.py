"""Merging annotations that arrive from elsewhere (an export, another machine).

The rules keep a database free of duplicates whatever is imported, however often: an id
already present is replaced only by a newer version of itself (by ``updated``); a new id
on a passage its coder (``author``) annotated already merges its tags and note into that
coder's annotation, as a second ``add`` by them would. Another coder's annotation of the
same passage stays separate: who coded what is part of the data.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from store.journal import Op
from store.model import Annotation
from store.view import PassageKey, View


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
    counts = {"added": 0, "updated": 0, "merged": 0, "unchanged": 0}
    pending: dict[str, Annotation] = {}
    spans: dict[PassageKey, str] = {}
    for new in batch:
        old = pending.get(new.id) or view.get(new.id)
        if old is not None:
            outcome = "updated" if new.updated > old.updated and new != old else "unchanged"
            if outcome == "updated":
                pending[new.id] = new
            counts[outcome] += 1
            continue
        span = (new.interview, new.start, new.end, new.author)
        on_span = view.at_span(*span)
        twin_id = spans.get(span) or (on_span.id if on_span else None)
        twin = (pending.get(twin_id) or view.get(twin_id)) if twin_id else None
        if twin is not None:
            merged = merged_into(twin, new.tags, new.note, stamp)
            if merged is None:
                counts["unchanged"] += 1
            else:
                pending[twin.id] = merged
                counts["merged"] += 1
            continue
        spans[span] = new.id
        pending[new.id] = new
        counts["added"] += 1
    return [view.put(annotation) for annotation in pending.values()], ImportResult(**counts)
