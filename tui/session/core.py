"""A reading session: what the main screen shows and every change the user asks for.

The screen composes widgets and routes their messages; this holds the state they show
(the shown interviews, their annotations indexed per interview, the codebook and its
colours, recent tags, question pairs, search hits, pending saves) and the rules of each
operation. No Textual (checked by import-linter), so it is tested without a screen.

A change is two steps. On the UI thread, ``tag``/``retag``/``note``/``delete``/``undo``/
``redo`` check the request, remember what must be remembered at once (recent tags, one
more pending save) and return an :class:`Edit`; a worker thread then calls :meth:`save`,
which makes it in the store through :class:`~store.history.History` and applies the
:class:`~store.model.Change` the store returns to the annotations held here. Only when
another process changed the database (:meth:`refresh`) or a save failed is everything
read again (:meth:`load`). Every operation returns an :class:`Update` saying what changed
(which interviews' annotations, the codebook, the hits, a message, where to move) so the
screen only applies it.
"""

from __future__ import annotations

import threading
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace

from corpus import Interview, Span
from store import Annotation, Store, StoreError, TagInfo
from store.errors import Conflict, Missing, NoteConflict, Offline
from store.history import History
from store.model import Change
from tui.session import search
from tui.session.coders import Coders
from tui.session.updates import Edit, NoteClash, Update
from tui.wording import anchoring_notice


class Session(Coders):
    """The state behind the main screen and the operations that change it.

    Methods that touch the store (:meth:`load`, :meth:`refresh`, :meth:`save`) are
    synchronous and thread-safe: run them in a worker, apply the :class:`Update` on the
    UI thread. Everything else is quick and belongs on the UI thread.
    """

    def __init__(
        self,
        interviews: Sequence[Interview],
        store: Store,
        *,
        author: str,
        others: str = "ask",
    ):
        self.interviews = list(interviews)
        self.store = store
        self.author = author
        self.others = others
        """``a`` and ``d`` on another coder's annotation: ``ask`` first, or ``refuse``."""
        self.whose: str | None = None
        """Whose codings the readers, the list and the counts show: None for everyone's,
        else one coder's (the user's own: ``author``)."""
        self.history = History(store)
        self.shown: list[Interview] = self.interviews[:2]
        self.annotations: dict[str, list[Annotation]] = {}
        """Per shown interview, in text order. Replaced, never changed in place."""
        self.tag_infos: list[TagInfo] = []
        self.colours: dict[str, str] = {}
        self.recent_tags: list[str] = []
        self.pairs: search.Pairs = search.pair(self.shown)
        self.search = search.Search()
        """The latest search's hits (``/``, ``n``, ``N``)."""
        self.pending = 0
        """Changes asked for and not yet saved (the status line says "saving…")."""
        self._lock = threading.RLock()
        """One store operation at a time (held while the store works: never on the UI thread)."""
        self._pending_lock = threading.Lock()
        self._anchored: set[str] = set()
        self._seen = store.changes_seen
        self._failing = False
        self._compaction_said: str | None = None
        self._moves: dict[str, str | None] = {}
        """Tags renamed, merged or deleted (the store's record, as last read): where to."""

    # -- what is shown ---------------------------------------------------------------------

    def show(self, left: int, right: int) -> None:
        """Show interviews ``left`` and ``right`` (indices into ``interviews``)."""
        self.shown = [self.interviews[left], self.interviews[right]]
        self.search = search.Search()
        self.pairs = search.pair(self.shown)

    def shown_indices(self) -> tuple[int, int]:
        ids = [i.id for i in self.interviews]
        return ids.index(self.shown[0].id), ids.index(self.shown[-1].id)

    def annotation(self, interview_id: str, annotation_id: str) -> Annotation | None:
        return next((a for a in self.annotations_of(interview_id) if a.id == annotation_id), None)

    def question_counts(self, interview: Interview) -> list[int]:
        """How many annotations start in each question of ``interview``."""
        starts = [q.start for q in interview.outline.questions]
        counts = [0] * len(starts)
        for annotation in self.visible(interview.id):
            number = bisect_right(starts, annotation.start) - 1
            if number >= 0:
                counts[number] += 1
        return counts

    # -- reading the store (worker thread) -------------------------------------------------

    def load(self) -> Update:
        """Re-anchor the shown interviews (once each) and read their annotations and the
        codebook: everything, as at the start or after another process changed it."""
        with self._lock:
            try:
                shown = list(self.shown)
                anchored = [self.store.reanchor(i) for i in shown if i.id not in self._anchored]
                orphans = [o for result in anchored for o in result.orphaned]
                moved = sum(result.moved for result in anchored)
                self._anchored.update(i.id for i in shown)
                self._seen = self.store.changes_seen
                loaded = {i.id: self.store.annotations(interview=i.id) for i in shown}
                tags = self.store.tags()
                moves = self.store.tag_moves()
            except StoreError as error:
                return self._failed(error, reload=False)
            self.annotations = loaded
            self._follow_codebook(tags, moves)
            if not self.recent_tags:
                newest = sorted(
                    (a for group in loaded.values() for a in group),
                    key=lambda a: a.updated,
                    reverse=True,
                )
                self._remember([t for a in newest for t in a.tags], at_end=True)
            notice = anchoring_notice(moved, len(orphans))
            return Update(
                frozenset(loaded),
                codebook=True,
                notice=notice,
                severity="warning" if orphans else "information",
                timeout=8,
            )

    def refresh(self) -> Update | None:
        """Catch up with other processes: a full :meth:`load` if they changed anything,
        None if not. A database that cannot be read is said once, not every second."""
        try:
            changed = self.store.poll()
        except StoreError as error:
            if self._failing:
                return None
            self._failing = True
            if isinstance(error, Offline):  # a server: changes are refused until it is back
                error = Offline(f"offline: {error}")
            return self._failed(error, reload=False)
        if self._failing:
            self._failing = False
            return replace(self.load(), message="the database is reachable again", save="saved")
        if changed or self.store.changes_seen != self._seen:
            return self.load()
        return None

    # -- asking for changes (UI thread) ----------------------------------------------------

    def tag(self, interview: Interview, span: Span, tags: Sequence[str]) -> Edit | Update:
        """Tag ``span`` (a merge into the annotation already on exactly that passage)."""
        clean = _clean([self.current_name(t) for t in tags])
        if not clean:
            return Update()
        if span.end <= span.start:
            return Update(notice="Nothing to tag here.", severity="warning")
        self._remember(clean)
        return self._begin(
            Edit("add", f"tagged {', '.join(clean)}", interview, span, tags=tuple(clean))
        )

    def quick_tag(self, interview: Interview, span: Span, number: int) -> Edit | Update:
        """Tag with recent tag ``number`` (1-9)."""
        if number > len(self.recent_tags):
            return Update(
                notice=f"No recent tag {number} yet: tag with t first.", severity="warning"
            )
        return self.tag(interview, span, [self.recent_tags[number - 1]])

    def retag(self, target: Annotation, tags: Sequence[str]) -> Edit | Update:
        """Give ``target`` exactly ``tags``: the tags the user added and removed, as such,
        so a tag someone else added or renamed meanwhile stays."""
        chosen = _clean([self.current_name(t) for t in tags])
        seen = _clean([self.current_name(t) for t in target.tags])
        added = tuple(t for t in chosen if t not in seen)
        removed = tuple(t for t in seen if t not in chosen)
        if not added and not removed:
            return Update(message="tags unchanged")
        self._remember(added)
        said = " ".join([*(f"+{t}" for t in added), *(f"−{t}" for t in removed)])
        empty = not chosen and not target.note.strip()
        edit = Edit(
            "edit",
            f"retagged {said}",
            annotation_id=target.id,
            tags=added,
            remove=removed,
            leaves_empty=empty,
        )
        return edit if empty else self._begin(edit)

    def keep_untagged(self, edit: Edit) -> Edit:
        """The retag ``edit`` that leaves no tags, made anyway (the user chose to keep it)."""
        return self._begin(replace(edit, describe=f"{edit.describe} (kept untagged)"))

    def note(
        self, interview: Interview, span: Span, target: Annotation | None, text: str
    ) -> Edit | None:
        """Write ``text`` as the note of ``target`` (or of a new annotation on ``span``);
        None if it is the note already."""
        if target is not None:
            if text == target.note:
                return None
            # With its passage: if the annotation is deleted elsewhere before this is
            # saved, the note is kept on that passage (see ``_make_or_keep``).
            passage = Span(target.start, target.end)
            return self._begin(
                Edit("edit", "note saved", interview, passage, annotation_id=target.id,
                     note=(target.note, text))
            )  # fmt: skip
        return self._begin(Edit("add", "note saved", interview, span, note=("", text)))

    def delete(self, target: Annotation) -> Edit:
        """Delete ``target`` as the user saw it (refused if it changed since)."""
        said = f"deleted {', '.join(target.tags) or 'note'}"
        return self._begin(Edit("delete", said, annotation_id=target.id, revision=target.revision))

    def undo(self) -> Edit:
        return self._begin(Edit("undo", "undoing…"))

    def redo(self) -> Edit:
        return self._begin(Edit("redo", "redoing…"))

    def _begin(self, edit: Edit) -> Edit:
        with self._pending_lock:
            self.pending += 1
        return edit

    # -- making changes (worker thread) ----------------------------------------------------

    def save(self, edit: Edit) -> Update:
        """Make ``edit`` in the store (durable on return) and apply what the store did."""
        with self._lock:
            seen = self.store.changes_seen
            try:
                said, change = self._make_or_keep(edit)
            except NoteConflict as conflict:
                with self._pending_lock:
                    self.pending = max(0, self.pending - 1)
                return Update(
                    message="the note was changed elsewhere: yours is not saved yet",
                    save="unsaved",
                    clash=NoteClash(conflict.current, conflict.new),
                    reload=True,
                )
            except Conflict as conflict:
                return self._conflicted(edit, conflict)
            except StoreError as error:
                return self._failed(error, reload=True)
            with self._pending_lock:
                self.pending = max(0, self.pending - 1)
            outside = self.store.changes_seen != seen
            touched = self._apply(change) if change is not None else frozenset()
            problem = self._compaction_problem()
            update = Update(
                touched,
                codebook=bool(touched),
                message=problem or said,
                save="saved" if not self.pending else None,
                # Changes of other processes came in with ours: read everything.
                reload=outside,
            )
            if not outside:
                self._seen = self.store.changes_seen
            return update

    def _make_or_keep(self, edit: Edit) -> tuple[str, Change | None]:
        """``_make(edit)``; a note written on an annotation deleted elsewhere meanwhile is
        kept, as the user's own annotation of the same passage (undoable), not lost."""
        try:
            return self._make(edit)
        except Missing:
            if edit.kind != "edit" or not edit.note or edit.interview is None or not edit.span:
                raise
        kept = Edit("add", "", edit.interview, edit.span, note=("", edit.note[1]))
        _, change = self._make(kept)
        return "note kept as your own annotation: the one it was on was deleted elsewhere", change

    def _make(self, edit: Edit) -> tuple[str, Change | None]:
        history = self.history
        if edit.kind == "add":
            assert edit.interview is not None and edit.span is not None
            note = edit.note[1] if edit.note else ""
            span = edit.span
            change = history.add(
                edit.interview, span.start, span.end, tags=edit.tags, note=note, author=self.author
            )
            return edit.describe, change
        if edit.kind == "edit":
            change = history.update(
                edit.annotation_id, add=edit.tags, remove=edit.remove, note=edit.note
            )
            return edit.describe, change
        if edit.kind == "delete":
            return edit.describe, history.delete(edit.annotation_id, revision=edit.revision)
        undo = edit.kind == "undo"
        change = history.undo() if undo else history.redo()
        if change is None:
            return f"nothing to {edit.kind}", None
        return f"{'undid' if undo else 'redid'} {change.step.describe}", change

    def _apply(self, change: Change) -> frozenset[str]:
        """Put the store's ``change`` into the annotations and the codebook counts."""
        touched: set[str] = set()
        for old in (change.before, change.after):
            if old is not None and old.interview in self.annotations:
                touched.add(old.interview)
        for interview_id in touched:
            kept = [
                a
                for a in self.annotations[interview_id]
                if change.before is None or a.id != change.before.id
            ]
            after = change.after
            if after is not None and after.interview == interview_id:
                kept = [a for a in kept if a.id != after.id]
                kept.append(after)
            kept.sort(key=lambda a: (a.start, a.end, a.created, a.id))
            self.annotations = {**self.annotations, interview_id: kept}
        counts = {t.path: t.count for t in self.tag_infos}
        for tag in change.removed_tags:
            counts[tag] = max(0, counts.get(tag, 0) - 1)
        for tag in change.added_tags:
            counts[tag] = counts.get(tag, 0) + 1
        known = {t.path: t for t in self.tag_infos}
        self.tag_infos = [
            replace(known[p], count=n) if p in known else TagInfo(p, None, None, n)
            for p, n in sorted(counts.items())
        ]
        return frozenset(touched)

    def _conflicted(self, edit: Edit, conflict: Conflict) -> Update:
        """Nothing was changed: an undo or redo says why; a delete asks (a note's
        :class:`NoteClash` is handed over by :meth:`save`)."""
        with self._pending_lock:
            self.pending = max(0, self.pending - 1)
        save = "saved" if not self.pending else None
        if edit.kind in ("undo", "redo"):
            said = f"nothing {edit.kind}ne: {conflict}"
            return Update(message=said, notice=said, severity="warning", timeout=8, save=save)
        said = "not saved: changed elsewhere meanwhile"
        return Update(message=said, save=save, reload=True, conflict=conflict, conflicted=edit)

    def keep_mine(self, clash: NoteClash) -> Edit:
        """Write the user's note over the one saved elsewhere (a new step from theirs)."""
        current = clash.current
        return self._begin(
            Edit("edit", "note saved over theirs", annotation_id=current.id,
                 note=(current.note, clash.mine))
        )  # fmt: skip

    def _failed(self, error: StoreError, *, reload: bool) -> Update:
        with self._pending_lock:
            self.pending = 0
        return Update.failure(error, reload=reload)

    def _compaction_problem(self) -> str:
        """The store's compaction problem, once (until it changes or goes away)."""
        problem = self.store.compaction_problem
        if problem == self._compaction_said:
            return ""
        self._compaction_said = problem
        return f"saved, but the database could not be compacted: {problem}" if problem else ""

    def _follow_codebook(self, tags: list[TagInfo], moves: dict[str, str | None]) -> None:
        """Take the codebook just read; tags renamed, merged or deleted elsewhere (as the
        store records them) take their new name in the recent tags, or leave them."""
        self._moves = moves
        self._set_codebook(tags)
        if moves:
            followed = (moves.get(t, t) for t in self.recent_tags)
            self.recent_tags = list(dict.fromkeys(t for t in followed if t is not None))

    def current_name(self, tag: str) -> str:
        """``tag`` as it is called now, if it was renamed or merged elsewhere (a tag
        chosen in a picker opened before a rename gets the new name, never the old back)."""
        return self._moves.get(tag) or tag

    def name_now(self, tag: str) -> str | None:
        """``tag`` as it is called now; None if it was deleted elsewhere."""
        return self._moves.get(tag, tag)

    def _set_codebook(self, tags: list[TagInfo]) -> None:
        self.tag_infos = tags
        self.colours = {t.path: t.colour for t in tags if t.colour}

    def _remember(self, tags: Sequence[str], *, at_end: bool = False) -> None:
        """Put ``tags`` first among the recent tags (the picker's top rows, keys 1-9);
        ``at_end``: after those already there (the newest annotations at start)."""
        for tag in tags if at_end else reversed(tags):
            if at_end:
                if tag not in self.recent_tags:
                    self.recent_tags.append(tag)
                continue
            if tag in self.recent_tags:
                self.recent_tags.remove(tag)
            self.recent_tags.insert(0, tag)

    def similar(self, reader: int, question: int) -> Update:
        """Where the other reader goes for question ``question`` of reader ``reader``."""
        return search.similar(self.shown, self.pairs, reader, question)


def _clean(tags: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(t.strip() for t in tags if t.strip()))
