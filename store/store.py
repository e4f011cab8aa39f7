"""AnnotationStore: the one object the reader and the command line talk to.

Every change is a read-modify-write under the cross-process lock: bring the in-memory
view up to date with what other processes wrote, decide, append the change durably to the
journal, then apply it in memory. A method that changes something returns only after the
change is on disk. Reads are served from memory; :meth:`refresh` cheaply notices (by file
size, mtime and inode) that another process wrote and reads just what it appended.
"""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from corpus import Interview
from store import codebook
from store.anchoring import annotation_at, reanchored
from store.changes import edited, withdrawn
from store.codec import to_doc, unpack
from store.durable import durable_copy
from store.errors import StoreError
from store.journal import LOCK_TIMEOUT, Document, JournalFile, Op, Tables, replayed
from store.merging import ImportResult, merged_into, plan_import
from store.model import Annotation, Change, Status, TagInfo
from store.schema import SCHEMA_VERSION, backup_path, empty_tables, migrate, version_of
from store.tagpaths import check_colour, check_text, is_within, normalise_tag, normalise_tags
from store.view import ANNOTATIONS, CODEBOOK, CompactRows, View, gc_paused

COMPACT_MIN_BYTES = 512 * 1024
"""The journal is folded into the main file once it is this big and bigger than a quarter
of the main file: the rewrite then costs a fixed multiple of the appends it replaces
(amortised O(1) per change), and opening never replays more than a quarter extra."""
COMPACT_FRACTION = 4
CLOSE_COMPACT_MAX_BYTES = 1024 * 1024
"""On close, small databases are compacted so that plain TinyDB sees everything."""


def source_of(interview: Interview) -> str:
    """The absolute path of the interview's file, or "" if it is not a file on disk."""
    try:
        return str(interview.path.resolve()) if interview.path.is_file() else ""
    except OSError:
        return ""


def now_iso() -> str:
    """The current UTC time as ISO 8601 with milliseconds, e.g. ``2026-01-02T03:04:05.678Z``."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class AnnotationStore:
    """Annotations and the codebook of one database file; use :meth:`open`."""

    def __init__(self, path: Path, *, lock_timeout: float = LOCK_TIMEOUT) -> None:
        self.path = path
        # Through a symlink, the rename of a compaction must replace the file it points to.
        self._file = JournalFile(
            Path(os.path.realpath(path)), lock_timeout=lock_timeout, rows=CompactRows()
        )
        self._mutex = threading.RLock()
        self._view = View(path, empty_tables())
        self._closed = False
        self.compaction_problem: str | None = None
        """Why the last automatic compaction failed (changes are safe in the journal)."""

    # -- opening and closing ----------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str, *, lock_timeout: float = LOCK_TIMEOUT) -> AnnotationStore:
        """Open (creating file and directory if missing); StoreError if it is not usable."""
        path = Path(path)
        if path.is_dir():
            raise StoreError(f"{path}: is a directory; pass a file path with --db")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(
                f"{path}: cannot create its directory ({error.strerror}); pass another --db"
            ) from None
        store = cls(path, lock_timeout=lock_timeout)
        with store._file.locked():
            store._file.remove_leftovers()
            store._load_all()
        return store

    def close(self) -> None:
        """Release the database; a small one is compacted first so plain TinyDB sees it all."""
        with self._mutex:
            if self._closed:
                return
            self._closed = True
            if self._file.journal_bytes > 0 and self._main_size() < CLOSE_COMPACT_MAX_BYTES:
                # Housekeeping only: every change is already durable in the journal.
                with self._file.locked():
                    self._sync()
                    self._compact_after_change()

    def __enter__(self) -> AnnotationStore:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # -- reading ------------------------------------------------------------------------

    def refresh(self) -> bool:
        """Catch up with other processes; True if they changed the database since last look."""
        with self._mutex:
            if not self._file.stale():
                return False
            with self._file.locked():
                return self._sync()

    def get(self, annotation_id: str) -> Annotation | None:
        """The annotation with this id, or None."""
        with self._mutex:
            return self._view.get(annotation_id)

    def annotations(
        self,
        *,
        interview: str | None = None,
        tag: str | None = None,
        author: str | None = None,
        status: Status | None = None,
    ) -> list[Annotation]:
        """Annotations matching every filter given, in text order (interview, start, end).

        ``tag`` matches that tag and the tags below it (``policy`` finds ``policy/tax``).
        """
        root = normalise_tag(tag) if tag is not None else None
        with self._mutex:
            found = [
                a
                for a in self._view.all(interview)
                if (author is None or a.author == author)
                and (status is None or a.status == status)
                and (root is None or any(is_within(t, root) for t in a.tags))
            ]
        found.sort(key=lambda a: (a.interview, a.start, a.end, a.created, a.id))
        return found

    def at_span(self, interview: str, start: int, end: int) -> Annotation | None:
        """The annotation on exactly this passage (the one :meth:`add` merges into), or None."""
        with self._mutex:
            return self._view.at_span(interview, start, end)

    def __len__(self) -> int:
        return len(self._view)

    def tags(self) -> list[TagInfo]:
        """Every tag in use or in the codebook, with its use count, sorted by path."""
        with self._mutex:
            counts = self._view.tag_counts()
            paths = set(counts) | set(self._view.tag_keys())
            return [self._tag_info(path, counts.get(path, 0)) for path in sorted(paths)]

    def _tag_info(self, path: str, count: int) -> TagInfo:
        doc = self._view.tag_doc(path)
        return TagInfo(path, doc.get("description"), doc.get("colour"), count)

    # -- changing annotations -----------------------------------------------------------

    def add(
        self,
        interview: Interview,
        start: int,
        end: int,
        *,
        tags: Sequence[str] = (),
        note: str = "",
        author: str,
    ) -> Change:
        """Annotate ``interview.text[start:end]``; durable on return.

        If that exact passage is already annotated, the tags (and a new note) are merged
        into the existing annotation instead of making a second one.
        """
        text = interview.text
        if not 0 <= start < end <= len(text):
            raise StoreError(
                f"{interview.id}: passage {start}..{end} is not inside the text "
                f"(0..{len(text)}); select some text first"
            )
        clean_tags = normalise_tags(tags)
        check_text(note, "note")
        author = " ".join(check_text(author, "author").split())
        if not author:
            raise StoreError("author is empty; pass --author NAME or set $GLOSS_AUTHOR")

        def decide() -> tuple[Annotation | None, Annotation | None]:
            stamp = now_iso()
            old = self._view.at_span(interview.id, start, end)
            if old is not None:
                return old, merged_into(old, clean_tags, note, stamp) or old
            new = annotation_at(
                interview,
                start,
                end,
                annotation_id=uuid.uuid4().hex,
                tags=clean_tags,
                note=note,
                author=author,
                stamp=stamp,
                source=source_of(interview),
            )
            return None, new

        return self._change_one(decide)

    def edit(
        self,
        annotation_id: str,
        *,
        add: Sequence[str] = (),
        remove: Sequence[str] = (),
        note: tuple[str, str] | None = None,
    ) -> Change:
        """Add and remove tags and take the note from ``note[0]`` to ``note[1]``, checked
        against the annotation as it is now (see :func:`store.changes.edited`).

        :class:`NoteConflict` if the note is neither of the two: nothing is changed.
        """
        added, removed = normalise_tags(add), normalise_tags(remove)
        if note is not None:
            check_text(note[1], "note")

        def decide() -> tuple[Annotation | None, Annotation | None]:
            old = self._require(annotation_id)
            path = self.path
            return old, edited(path, old, add=added, remove=removed, note=note, stamp=now_iso())

        return self._change_one(decide)

    def retag(
        self, annotation_id: str, *, add: Sequence[str] = (), remove: Sequence[str] = ()
    ) -> Change:
        """Add and remove tags; tags others added or renamed meanwhile stay as they are."""
        return self.edit(annotation_id, add=add, remove=remove)

    def set_note(self, annotation_id: str, *, old: str, new: str) -> Change:
        """Change the note from ``old`` (what the editor showed) to ``new``.

        :class:`NoteConflict` (carrying the current annotation) if someone else changed
        the note since: nothing is saved, the caller shows both texts and asks.
        """
        return self.edit(annotation_id, note=(old, new))

    def delete(self, annotation_id: str) -> Change:
        """Remove an annotation (the Change's ``before`` is it as it was). Durable on return."""
        return self._change_one(lambda: (self._require(annotation_id), None))

    def withdraw(self, annotation_id: str, *, tags: Sequence[str], note: str) -> Change | None:
        """Take ``tags`` and ``note`` (if still that text) off; delete it if nothing is left.

        Undo of a new annotation: what others added since stays. None if it is gone already.
        """

        def decide() -> tuple[Annotation | None, Annotation | None]:
            old = self._view.get(annotation_id)
            if old is None:
                return None, None
            return old, withdrawn(old, tags=tags, note=note, stamp=now_iso())

        return self._change_maybe(decide)

    def restore(self, annotation: Annotation) -> Change:
        """Put ``annotation`` back as given if its id is not stored (undo of a delete);
        if it is, nothing changes (someone put it back already)."""

        def decide() -> tuple[Annotation | None, Annotation | None]:
            current = self._view.get(annotation.id)
            return (current, current) if current is not None else (None, annotation)

        return self._change_one(decide)

    def import_annotations(self, incoming: Iterable[Annotation]) -> ImportResult:
        """Merge annotations from an export by id, in one durable batch, without duplicates.

        A known id is replaced only by a newer version (by ``updated``); an unknown id on a
        passage that is already annotated has its tags and note merged into that one.
        """
        batch = list(incoming)
        result: list[ImportResult] = []

        def change() -> list[Op]:
            ops, outcome = plan_import(self._view, batch, now_iso())
            result[:] = [outcome]
            return ops

        self._commit(change)
        return result[0]

    def anchor(self, interview: Interview) -> list[Annotation]:
        """Re-anchor this interview's annotations if its text changed; returns the orphaned.

        New positions, quotes and statuses are stored. An annotation that cannot be found
        is marked ``orphaned`` and kept unchanged otherwise, never deleted; it is tried
        again on every later call.
        """
        self.refresh()
        stale = [
            a
            for a in self.annotations(interview=interview.id)
            if a.fingerprint != interview.fingerprint or a.orphaned
        ]
        # The searching happens outside the lock (it can take a while on a long text with
        # many annotations); only annotations nobody changed meanwhile are updated.
        found = [(old, reanchored(old, interview)) for old in stale]

        def change() -> list[Op]:
            return [
                self._view.put(new)
                for old, new in found
                if new != old and self._view.get(old.id) == old
            ]

        if found:
            self._commit(change)
        return self.annotations(interview=interview.id, status="orphaned")

    # -- the codebook -------------------------------------------------------------------

    def set_tag(
        self, path: str, *, description: str | None = None, colour: str | None = None
    ) -> TagInfo:
        """Describe and/or colour a tag (None leaves a field as is, "" clears it)."""
        tag = normalise_tag(path)
        if description:
            check_text(description, f"description of {tag!r}")
        if colour:
            colour = check_colour(colour)

        def change() -> list[Op]:
            key = self._view.tag_key(tag)
            doc: Document = dict(self._view.tag_doc(tag)) or {"path": tag}
            if description is not None:
                doc["description"] = description or None
            if colour is not None:
                doc["colour"] = colour or None
            return [(CODEBOOK, key or self._view.new_key(), doc)]

        self._commit(change)
        with self._mutex:
            return self._tag_info(tag, self._view.tag_counts().get(tag, 0))

    def rename_tag(self, old: str, new: str) -> int:
        """Rename a tag and the tags below it everywhere; returns annotations changed."""
        source, target = normalise_tag(old), normalise_tag(new)

        def change() -> list[Op]:
            self._require_tag(source)
            if target == source:
                return []
            if codebook.tag_exists(self._view, target):
                raise StoreError(
                    f"tag {target!r} already exists; use 'gloss tags merge {source} {target}' "
                    "to combine the two"
                )
            return codebook.move_ops(self._view, source, target, now_iso())

        return self._commit(change)

    def merge_tags(self, source: str, target: str) -> int:
        """Move every use of ``source`` (and below) onto ``target``; returns annotations changed."""
        old, new = normalise_tag(source), normalise_tag(target)

        def change() -> list[Op]:
            self._require_tag(old)
            if new == old:
                return []
            if is_within(new, old):
                raise StoreError(
                    f"tag {old!r} cannot be merged into {new!r}, which is below it; rename "
                    f"it instead ('gloss tags rename {old} {new}')"
                )
            return codebook.move_ops(self._view, old, new, now_iso())

        return self._commit(change)

    def delete_tag(self, path: str, *, force: bool = False) -> int:
        """Remove a tag (and those below it); refused while in use unless ``force``."""
        root = normalise_tag(path)

        def change() -> list[Op]:
            self._require_tag(root)
            users = codebook.users_of(self._view, root)
            if users and not force:
                raise StoreError(
                    f"tag {root!r} is used by {users} annotation(s); pass --force to "
                    "remove it from them, or merge it into another tag"
                )
            return codebook.delete_ops(self._view, root, now_iso())

        return self._commit(change)

    def _require_tag(self, tag: str) -> None:
        if not codebook.tag_exists(self._view, tag):
            raise StoreError(f"tag {tag!r}: no such tag in {self.path}; see 'gloss tags'")

    # -- the machinery ------------------------------------------------------------------

    def compact(self) -> None:
        """Fold the journal into the main file now (temporary file, fsync, atomic rename)."""
        with self._mutex, self._file.locked():
            self._sync()
            self._file.write_main(self._view.for_writing())

    def _change_one(
        self, decide: Callable[[], tuple[Annotation | None, Annotation | None]]
    ) -> Change:
        """:meth:`_change_maybe` of a change that always has an annotation to show."""
        change = self._change_maybe(decide)
        assert change is not None
        return change

    def _change_maybe(
        self, decide: Callable[[], tuple[Annotation | None, Annotation | None]]
    ) -> Change | None:
        """Commit what ``decide`` makes of one annotation (before, after), read and
        decided under the lock; None if both are None (it was not there, nor is it now)."""
        result: list[Change] = []

        def change() -> list[Op]:
            before, after = decide()
            if before is None and after is None:
                return []  # not there and staying away: nothing to say
            result.append(Change.between(before, after))
            if before == after:
                return []
            if after is None:
                assert before is not None
                return [(ANNOTATIONS, self._view.key_of(before.id) or "", None)]
            return [self._view.put(after)]

        self._commit(change)
        return result[0] if result else None

    def _commit(self, change: Callable[[], list[Op]]) -> int:
        """Run ``change`` on an up-to-date view under the lock, then persist its operations.

        Returns the number of annotations the operations touched.
        """
        with self._mutex:
            if self._closed:
                raise StoreError(f"{self.path}: the database was closed; open it again")
            with self._file.locked():
                self._sync()
                ops = change()
                if not ops:
                    return 0
                self._file.append(ops)
                for op in ops:
                    self._view.apply(op)
                limit = max(COMPACT_MIN_BYTES, self._main_size() // COMPACT_FRACTION)
                if self._file.journal_bytes > limit:
                    self._compact_after_change()
            return sum(1 for table, _, _ in ops if table == ANNOTATIONS)

    def _compact_after_change(self) -> None:
        """Compact as housekeeping: the changes are already durable in the journal.

        If the rewrite fails (a full disk, say) the change must not be reported as lost:
        the journal still holds everything, the next change tries again, and the reason
        is kept in :attr:`compaction_problem` for the UI to show.
        """
        try:
            self._file.write_main(self._view.for_writing())
        except StoreError as error:
            self.compaction_problem = str(error)
        else:
            self.compaction_problem = None

    def _main_size(self) -> int:
        try:
            return self.path.stat().st_size
        except FileNotFoundError:
            return 0

    def _sync(self) -> bool:
        """Bring memory up to date with the files (under the lock); True if anything changed."""
        tail = self._file.read_tail()
        if tail is None:
            self._load_all()
            return True
        for op in tail:
            self._view.apply(op)
        return bool(tail)

    def _load_all(self) -> None:
        with gc_paused():
            self._load_all_unpaused()

    def _load_all_unpaused(self) -> None:
        snapshot = self._file.read_all()
        if snapshot.main is None:
            # A new database; a journal without its main file (moved away?) is kept, not lost.
            view = View(self.path, replayed(empty_tables(), snapshot.ops))
            self._file.write_main(view.for_writing())
            self._view = view
            return
        version = version_of(_as_documents(snapshot.main), self.path)
        if version < SCHEMA_VERSION:
            tables, ops = self._migrate(_as_documents(snapshot.main, unpacked=True), version), []
        else:
            tables, ops = snapshot.main, snapshot.ops
        # Indexing once after replaying is much cheaper than keeping indexes current
        # through every operation.
        self._view = View(self.path, replayed(tables, ops))

    def _migrate(self, main: dict[str, Any], version: int) -> Tables:
        try:
            tables = migrate(main, version)
        except (KeyError, ValueError, TypeError) as error:
            raise StoreError(
                f"{self.path}: a schema {version} database that cannot be migrated "
                f"(missing {error}); it was left untouched, repair it or pass another --db"
            ) from None
        backup = backup_path(self.path, version)
        try:
            durable_copy(self.path, backup)
        except OSError as error:
            raise StoreError(
                f"{self.path}: cannot write the backup {backup.name} before migrating "
                f"({error.strerror}); it was left untouched, free some space or check "
                "permissions"
            ) from None
        self._file.write_main(tables)
        return tables

    def _require(self, annotation_id: str) -> Annotation:
        found = self._view.get(annotation_id)
        if found is None:
            raise StoreError(
                f"annotation {annotation_id}: not in {self.path}; it may have been deleted "
                "meanwhile, see 'gloss list'"
            )
        return found


def _as_documents(main: Any, *, unpacked: bool = False) -> Any:
    """``main`` as :func:`version_of` judges it, or (``unpacked``) a migration reads it.

    Rows packed as they were read were well-formed documents (JSON never yields a tuple):
    for the judgement they are left out, as what the reader kept as it was (a dict of an
    unusual shape, or not a dict at all) is what it is about; for a migration they are
    documents again.
    """
    if not isinstance(main, dict) or not isinstance(main.get(ANNOTATIONS), dict):
        return main
    rows = main[ANNOTATIONS]
    if unpacked:
        plain = {
            key: to_doc(unpack(row)) if type(row) is tuple else row for key, row in rows.items()
        }
        return {**main, ANNOTATIONS: plain}
    return {**main, ANNOTATIONS: {key: row for key, row in rows.items() if type(row) is not tuple}}
