"""The rules of a store, whatever keeps its data: what each change means.

Each coder's work stays theirs: an annotation holds one coder's tags and note (its
``author``), and a second ``add`` of a passage merges only into that coder's own
annotation of it. Each change is stated as what the user did (add these tags, remove
those, the note from A to B, delete what I saw) and decided under the lock against what
is stored now (:mod:`store.changes`), so that changes made elsewhere meanwhile combine
and a real conflict raises a :class:`~store.errors.Conflict` instead of being lost. Every
change to one annotation returns a :class:`~store.model.Change`: it as it was before and
after, both read under the lock.

:class:`Rules` decides on an in-memory :class:`~store.view.View` kept current by a
backend's machinery, which provides ``_view``, ``_mutex``, ``_commit`` (decide under the
backend's lock on an up-to-date view, then make it durable) and ``refresh``: the TinyDB
file (:class:`store.database.Database`, giving :class:`store.store.AnnotationStore`) or a
PostgreSQL server (:mod:`store.postgres`). Both therefore share every rule.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from operator import attrgetter

from corpus import Interview
from store import codebook
from store.anchoring import Reanchoring, annotation_at, reanchored
from store.changes import edited, now_iso, withdrawn
from store.codebook_rules import CodebookRules
from store.copying import Contents, contents_of, copy_ops
from store.errors import Conflict, Missing, StoreError, short_quote
from store.journal import Op
from store.machinery import Where
from store.merging import ImportResult, merged_into, plan_import
from store.model import Annotation, Change, Status, TagInfo
from store.tagpaths import check_text, is_within, normalise_tag, normalise_tags
from store.view import ANNOTATIONS

__all__ = ["TEXT_ORDER", "Rules", "Where", "now_iso", "source_of"]

TEXT_ORDER = attrgetter("interview", "start", "end", "created", "id")
"""The order :meth:`Rules.annotations` lists annotations in."""


def source_of(interview: Interview) -> str:
    """The absolute path of the interview's file, or "" if it is not a file on disk."""
    try:
        return str(interview.path.resolve()) if interview.path.is_file() else ""
    except OSError:
        return ""


class Rules(CodebookRules[Where]):
    """Annotations and the codebook over a backend's machinery (see the module doc)."""

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

    def contents(self) -> Contents:
        """Everything held (annotations, codebook with tombstones), for ``gloss copy``."""
        with self._mutex:
            return contents_of(self._view)

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

    def copy_in(self, contents: Contents) -> int:
        """Make this database hold exactly ``contents`` (another database's, as read),
        in one durable batch; returns the records written (0 if it held them all).
        Refused if it holds anything ``contents`` has not (see :mod:`store.copying`)."""
        written: list[int] = []

        def change() -> list[Op]:
            ops = copy_ops(self._view, contents, self.path)
            written[:] = [len(ops)]
            return ops

        self._commit(change)
        return written[0] if written else 0

    def anchor(self, interview: Interview) -> list[Annotation]:
        """Re-anchor this interview's annotations if its text changed; returns the orphaned
        (:meth:`reanchor` says how many moved too)."""
        return list(self.reanchor(interview).orphaned)

    def reanchor(self, interview: Interview) -> Reanchoring:
        """Re-anchor this interview's annotations if its text changed.

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
        moved: list[int] = [0]

        def change() -> list[Op]:
            written = [new for old, new in found if new != old and self._view.get(old.id) == old]
            moved[0] = sum(new.status == "reanchored" for new in written)
            return [self._view.put(new) for new in written]

        if found:
            self._commit(change)
        orphaned = self.annotations(interview=interview.id, status="orphaned")
        return Reanchoring(moved[0], tuple(orphaned))

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
            raise Missing(
                f"annotation {annotation_id}: not in {self.path}; it may have been deleted "
                "meanwhile, see 'gloss list'"
            )
        return found


def _holds(annotation: Annotation) -> str:
    """What an annotation holds, for a message: its coder, tags and whether it has a note."""
    tags = ", ".join(annotation.tags) or "no tags"
    note = "a note" if annotation.note else "no note"
    return f"{annotation.author or 'no author'}: {tags}; {note}"
