"""AnnotationStore: the one object the reader and the command line talk to.

Each coder's work stays theirs: an annotation holds one coder's tags and note (its
``author``), and a second ``add`` of a passage merges only into that coder's own
annotation of it. Each change is stated as what the user did (add these tags, remove
those, the note from A to B, delete what I saw) and decided under the lock against what
is stored now (:mod:`store.changes`), so that changes made elsewhere meanwhile combine
and a real conflict raises a :class:`~store.errors.Conflict` instead of being lost. Every
change to one annotation returns a :class:`~store.model.Change`: it as it was before and
after, both read under the lock. The machinery (lock, journal, catching up) is
:class:`store.database.Database`.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from operator import attrgetter

from corpus import Interview
from store import codebook
from store.anchoring import annotation_at, reanchored
from store.changes import edited, withdrawn
from store.database import Database
from store.errors import Conflict, StoreError, short_quote
from store.journal import Op
from store.merging import ImportResult, merged_into, plan_import
from store.model import Annotation, Change, Status, TagInfo
from store.tagpaths import check_colour, check_text, is_within, normalise_tag, normalise_tags
from store.view import ANNOTATIONS

TEXT_ORDER = attrgetter("interview", "start", "end", "created", "id")
"""The order :meth:`AnnotationStore.annotations` lists annotations in."""


def source_of(interview: Interview) -> str:
    """The absolute path of the interview's file, or "" if it is not a file on disk."""
    try:
        return str(interview.path.resolve()) if interview.path.is_file() else ""
    except OSError:
        return ""


def now_iso() -> str:
    """The current UTC time as ISO 8601 with milliseconds, e.g. ``2026-01-02T03:04:05.678Z``."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class AnnotationStore(Database):
    """Annotations and the codebook of one database file; use :meth:`open`."""

    # -- reading ------------------------------------------------------------------------

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
        # Whether a set of tags is within ``root``, decided once per distinct set (a
        # project has few): the filter runs over every annotation of the database.
        within: dict[tuple[str, ...], bool] = {}

        def has_root(tags: tuple[str, ...]) -> bool:
            found = within.get(tags)
            if found is None:
                found = within[tags] = any(is_within(t, root) for t in tags) if root else True
            return found

        with self._mutex:
            found = [
                a
                for a in self._view.all(interview)
                if (author is None or a.author == author)
                and (status is None or a.status == status)
                and (root is None or has_root(a.tags))
            ]
        found.sort(key=TEXT_ORDER)
        return found

    def at_span(self, interview: str, start: int, end: int, *, author: str) -> Annotation | None:
        """``author``'s annotation of exactly this passage (the one :meth:`add` by them
        merges into), or None."""
        with self._mutex:
            return self._view.at_span(interview, start, end, author)

    def __len__(self) -> int:
        return len(self._view)

    def tags(self) -> list[TagInfo]:
        """Every tag in use or in the codebook, with its use count, sorted by path."""
        with self._mutex:
            counts = self._view.tag_counts()
            paths = set(counts) | set(self._view.tag_keys())
            return [self._tag_info(path, counts.get(path, 0)) for path in sorted(paths)]

    def resolve_tag(self, path: str) -> str | None:
        """``path`` as it is called now: itself unless renamed or merged (then where to,
        following chains) or deleted (None); tags moved elsewhere leave a tombstone."""
        with self._mutex:
            return codebook.resolve(self._view, normalise_tag(path))

    def tag_moves(self) -> dict[str, str | None]:
        """Every tag renamed, merged or deleted and not in use again: old -> now (None)."""
        with self._mutex:
            return codebook.moves(self._view)

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
        """Annotate ``interview.text[start:end]`` as ``author``; durable on return.

        If ``author`` annotated exactly that passage already, the tags (and a new note)
        are merged into their annotation (kind ``tag``) instead of making a second one.
        Another coder's annotation of the passage is never touched: ``author`` gets an
        annotation of their own (kind ``add``).
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
            old = self._view.at_span(interview.id, start, end, author)
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

    def delete(self, annotation_id: str, *, revision: int | None = None) -> Change:
        """Remove an annotation (the Change's ``before`` is it as it was). Durable on return.

        ``revision`` is the one the caller saw: if the annotation changed since, nothing
        is deleted and :class:`Conflict` says what it holds now. None deletes whatever
        is there (forced).
        """

        def decide() -> tuple[Annotation | None, Annotation | None]:
            current = self._require(annotation_id)
            if revision is not None and current.revision != revision:
                raise Conflict(
                    f"{self.path}: the annotation on {short_quote(current)} in "
                    f"{current.interview} was changed since it was shown (now "
                    f"{_holds(current)}); it was not deleted, look at it and delete it again",
                    current,
                )
            return current, None

        return self._change_one(decide)

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

    def import_annotations(
        self, incoming: Iterable[Annotation], tags: Iterable[TagInfo] = ()
    ) -> ImportResult:
        """Merge annotations from an export by id, in one durable batch, without duplicates.

        The rules are :mod:`store.merging`'s: a known id is replaced only by a newer
        version (by ``revision``, then ``updated``); an id new here on a passage its coder
        annotated already has its tags and note merged into that annotation. Each tag of
        ``tags`` (another tool's codebook) joins the codebook in the same batch; a tag
        already there keeps its description and colour, gaps filled from the import.
        """
        batch = list(incoming)
        entries = list(tags)
        result: list[ImportResult] = []

        def change() -> list[Op]:
            ops, outcome = plan_import(self._view, batch, now_iso())
            result[:] = [outcome]
            return ops + codebook.filled_ops(self._view, entries)

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

        self._commit(lambda: [codebook.describe_op(self._view, tag, description, colour)])
        with self._mutex:
            return self._tag_info(tag, self._view.tag_counts().get(tag, 0))

    def rename_tag(self, old: str, new: str) -> int:
        """Rename a tag and the tags below it everywhere; returns annotations changed."""
        source, target = normalise_tag(old), normalise_tag(new)
        return self._change_tag(
            source, lambda: codebook.rename_ops(self._view, source, target, now_iso())
        )

    def merge_tags(self, source: str, target: str) -> int:
        """Move every use of ``source`` (and below) onto ``target``; returns annotations changed."""
        old, new = normalise_tag(source), normalise_tag(target)
        return self._change_tag(old, lambda: codebook.merge_ops(self._view, old, new, now_iso()))

    def delete_tag(self, path: str, *, force: bool = False) -> int:
        """Remove a tag (and those below it); refused while in use unless ``force``."""
        root = normalise_tag(path)
        return self._change_tag(
            root, lambda: codebook.remove_ops(self._view, root, now_iso(), force=force)
        )

    def _change_tag(self, tag: str, decide: Callable[[], list[Op]]) -> int:
        """Commit what ``decide`` makes of an existing ``tag``, decided under the lock."""

        def change() -> list[Op]:
            if not codebook.tag_exists(self._view, tag):
                raise StoreError(f"tag {tag!r}: no such tag in {self.path}; see 'gloss tags'")
            return decide()

        return self._commit(change)

    # -- the machinery ------------------------------------------------------------------

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
            if after is not None:
                after = self._view.revised(after)
            result.append(Change.between(before, after))
            if before == after:
                return []
            if after is None:
                assert before is not None
                return [(ANNOTATIONS, self._view.key_of(before.id) or "", None)]
            return [self._view.put(after)]

        self._commit(change)
        return result[0] if result else None

    def _require(self, annotation_id: str) -> Annotation:
        found = self._view.get(annotation_id)
        if found is None:
            raise StoreError(
                f"annotation {annotation_id}: not in {self.path}; it may have been deleted "
                "meanwhile, see 'gloss list'"
            )
        return found


def _holds(annotation: Annotation) -> str:
    """What an annotation holds, for a message: its coder, tags and whether it has a note."""
    tags = ", ".join(annotation.tags) or "no tags"
    note = "a note" if annotation.note else "no note"
    return f"{annotation.author or 'no author'}: {tags}; {note}"
