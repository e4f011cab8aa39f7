"""What a user's change does to one annotation, decided against what is there now.

A change arrives as what the user did (add these tags, remove those, the note from A to
B, take back my own step) and the store runs these functions under its lock on the
annotation as it is at that moment. Independent changes made elsewhere meanwhile
therefore combine (a tag renamed by a colleague stays renamed when I add mine), and a
real conflict (the note I opened was rewritten) raises instead of being overwritten.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from store.errors import NoteConflict
from store.model import Annotation


def stamp(moment: datetime) -> str:
    """``moment`` in gloss's own form (UTC, milliseconds, ``Z``), so that stamps compare."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


_last_stamp = datetime.min.replace(tzinfo=UTC)
_stamp_lock = threading.Lock()


def now_iso() -> str:
    """The current UTC time as ISO 8601 with milliseconds, e.g. ``2026-01-02T03:04:05.678Z``:
    the ``updated`` (and ``created``) stamp of a change.

    Strictly increasing within a process: two changes made in the same millisecond (a
    script, a fast typist) still stamp in the order they were made, so "newest first"
    means what it says.
    """
    global _last_stamp
    with _stamp_lock:
        now = datetime.now(UTC)
        moment = now.replace(microsecond=now.microsecond // 1000 * 1000)
        _last_stamp = max(moment, _last_stamp + timedelta(milliseconds=1))
        return stamp(_last_stamp)


def edited(
    path: Path | str,
    current: Annotation,
    *,
    add: Iterable[str] = (),
    remove: Iterable[str] = (),
    note: tuple[str, str] | None = None,
    stamp: str,
) -> Annotation:
    """``current`` with tags added and removed and the note taken from ``old`` to ``new``.

    Removing a tag that is gone already is no error. The note changes only if it is still
    ``old`` (or already ``new``); otherwise :class:`NoteConflict`, and nothing changes.
    """
    tags = tuple(sorted((set(current.tags) - set(remove)) | set(add)))
    text = current.note
    if note is not None:
        old, new = note
        if text not in (old, new):
            raise NoteConflict(path, current, old, new)
        text = new
    return changed(current, tags, text, stamp)


def withdrawn(
    current: Annotation, *, tags: Iterable[str], note: str, stamp: str
) -> Annotation | None:
    """``current`` without ``tags`` and without ``note`` if it is still that text.

    How a new annotation's own step is taken back: None (delete it) when nothing is left
    that someone else added since, else what they added stays.
    """
    kept = tuple(t for t in current.tags if t not in set(tags))
    text = "" if note and current.note == note else current.note
    if not kept and not text:
        return None
    return changed(current, kept, text, stamp)


def changed(current: Annotation, tags: tuple[str, ...], note: str, stamp: str) -> Annotation:
    """``current`` with these tags and note, a new revision if that changes anything."""
    if (tags, note) == (current.tags, current.note):
        return current
    return replace(current, tags=tags, note=note, updated=stamp)
