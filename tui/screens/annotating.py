"""The main screen's annotating keys: ``t``, ``1``-``9``, ``a``, ``d``, ``u``, ``ctrl+r``.

Each asks the session (:class:`tui.session.Session`) for the change, through a dialog
where one is needed (the tag picker, the note editor, a confirmation), and hands what
the session answers to the screen's ``_do``, which saves it in a worker.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from corpus import Span
from tui.screens.session_screen import SessionScreen
from tui.session import Edit, NoteClash, Update
from tui.widgets.annotation_list import AnnotationList
from tui.widgets.reader import Reader
from tui.widgets.status import StatusLine

if TYPE_CHECKING:
    from store import Annotation


class AnnotatingScreen(SessionScreen):
    """The base of :class:`tui.screens.main.MainScreen`: its annotating actions."""

    @property
    def reader(self) -> Reader:
        """The reader the actions apply to."""
        raise NotImplementedError

    def _annotation_here(self) -> Annotation | None:
        """What ``a``, ``d`` and ``t`` act on: the highlighted row when the annotation
        list has focus, else the innermost annotation under the reader's cursor."""
        interview_id = self.reader.interview.id
        listing = self.query_one(AnnotationList)
        if listing.rows.has_focus:
            listed = listing.current
            return self.session.annotation(interview_id, listed.id) if listed else None
        found = self.reader.annotations_at_cursor()
        # The user's own coding first: another coder's on the same words stays theirs.
        mine = [a for a in found if a.author == self.session.author] or found
        return self.session.annotation(interview_id, mine[0].id) if mine else None

    def _tagged_here(self, reader: Reader) -> Annotation | None:
        """The annotation ``t`` edits: the list's or the cursor's, or the selection's own.

        A selection that is not exactly an annotated passage is a new passage to tag.
        """
        selection = reader.selection
        if selection is None or self.query_one(AnnotationList).rows.has_focus:
            return self._annotation_here()
        return self.session.at_span(reader.interview.id, selection)

    def action_tag(self) -> None:
        """Tag the selection or cursor sentence; on an annotated passage, edit its tags."""
        from tui.screens.tag_picker import TagPicker

        reader = self.reader
        target = self._tagged_here(reader)
        session = self.session
        span = reader.target
        title = ""
        if target is not None and session.foreign(target):
            # Another coder's passage: tagged as the user's own coding, theirs untouched.
            title = f"Tag as your own coding ({target.author}'s stays theirs)"
            target, span = session.mine_for(target)

        if target is None and span.end <= span.start:  # an empty interview: no passage
            self._say("Nothing to tag here.")
            return

        def chosen(tags: list[str] | None) -> None:
            if tags is None:
                return
            if target is not None:
                reader.clear_selection()
                self._retag(session.retag(target, tags), target)
            elif tags:
                self._do(session.tag(reader.interview, span, tags))
                reader.clear_selection()

        codebook = [(t.path, t.count) for t in session.tag_infos]
        recent = session.recent_tags[:9]
        if title:
            self._say(title)
        if target is None:
            quote = reader.interview.text[span.start : span.end]
            picker = TagPicker(codebook, recent, colours=session.colours, quote=quote)
        else:
            picker = TagPicker(
                codebook, recent, colours=session.colours, current=target.tags, quote=target.exact
            )
        self.app.push_screen(picker, chosen)

    def _retag(self, asked: Edit | Update, target: Annotation) -> None:
        """Save a retag; one that leaves no tags and no note asks first."""
        if not isinstance(asked, Edit) or not asked.leaves_empty:
            self._do(asked)
            return
        edit = asked

        def answered(delete_it: bool | None) -> None:
            if delete_it:
                self._do(self.session.delete(target))
            else:
                self._do(self.session.keep_untagged(edit))

        from tui.screens.confirm import Confirm

        question = "This passage now has no tags and no note. Delete its annotation, or keep it?"
        self.app.push_screen(Confirm(question, yes="Delete", no="Keep untagged"), answered)

    def action_quick_tag(self, number: int) -> None:
        reader = self.reader
        asked = self.session.quick_tag(reader.interview, reader.target, number)
        if isinstance(asked, Edit):
            reader.clear_selection()
        self._do(asked)

    def action_note(self) -> None:
        target = self._annotation_here()
        if target is not None and self.session.foreign(target):
            self._on_others(target, "edit", self._note_on)
            return
        self._note_on(target)

    def _note_on(self, target: Annotation | None) -> None:
        from tui.screens.note_editor import NoteEditor

        reader = self.reader
        span = reader.target

        def done(note: str | None) -> None:
            if note is not None:
                asked = self.session.note(reader.interview, span, target, note)
                if asked is not None:
                    reader.clear_selection()
                    self._do(asked)

        quote = reader.interview.text[span.start : span.end]
        if target is not None:
            quote = target.exact
        self.app.push_screen(NoteEditor(target.note if target else "", quote), done)

    def action_delete(self) -> None:
        target = self._annotation_here()
        if target is None:
            self.notify("No annotation under the cursor.", severity="warning", timeout=3)
            return
        self._on_others(target, "delete", lambda t: self._do(self.session.delete(t)))

    def _on_others(self, target: Annotation, verb: str, act: Callable[[Annotation], None]) -> None:
        """``act`` on ``target``; on another coder's coding ask first (or refuse, as
        ``others`` in config.toml says)."""
        owner = self.session.foreign(target)
        if owner is None:
            act(target)
            return
        refused = self.session.refused(target, verb)
        if refused is not None:
            self._do(refused)
            return
        from tui.screens.confirm import Confirm

        def answered(yes: bool | None) -> None:
            if yes:
                act(target)
            else:
                self._say(f"left {owner}'s coding as it is")

        question = f"This is {owner}'s coding. {verb.capitalize()} it anyway?"
        self.app.push_screen(Confirm(question, yes=verb.capitalize(), no="Leave it"), answered)

    # -- changed elsewhere meanwhile ---------------------------------------------------------

    def _follow_in_picker(self) -> None:
        """The codebook was read again: an open tag picker offers what is there now."""
        if self.app.screen is self:
            return
        from tui.screens.tag_picker import TagPicker

        picker = self.app.screen
        if isinstance(picker, TagPicker):
            session = self.session
            codebook = [(t.path, t.count) for t in session.tag_infos]
            picker.follow_codebook(
                codebook, session.recent_tags[:9], session.colours, session.name_now
            )

    def _say(self, message: str) -> None:
        self.query_one(StatusLine).update_status(message=message)

    def _resolve(self, update: Update) -> None:
        """A delete met a change made elsewhere: say what the annotation holds now, ask."""
        conflict = update.conflict
        if conflict is not None and update.conflicted is not None:
            self._resolve_delete(conflict.current, update.conflicted.describe)

    def _resolve_note(self, clash: NoteClash) -> None:
        """The note the user wrote met one saved elsewhere meanwhile (neither is lost):
        keep mine (over theirs, undoably), keep theirs, or edit both in the editor."""
        from tui.screens.conflict import NoteConflictDialog, both_notes
        from tui.screens.note_editor import NoteEditor

        current = clash.current
        session = self.session

        def kept_theirs() -> None:
            self.query_one(StatusLine).update_status(
                save="saved", message="kept their note; yours was not saved"
            )

        def merged(text: str | None) -> None:
            if text is None:
                kept_theirs()
                return
            interview = next(i for i in session.interviews if i.id == current.interview)
            span = Span(current.start, current.end)
            self._do(session.note(interview, span, current, text))

        def chosen(choice: str | None) -> None:
            if choice == "mine":
                self._do(session.keep_mine(clash))
            elif choice == "both":
                editor = NoteEditor(
                    both_notes(current.note, clash.mine),
                    current.exact,
                    title="Note: both texts, theirs first; edit them into one",
                )
                self.app.push_screen(editor, merged)
            else:
                kept_theirs()

        dialog = NoteConflictDialog(current.note, clash.mine, quote=current.exact)
        self.app.push_screen(dialog, chosen)

    def _resolve_delete(self, current: Annotation, asked: str) -> None:
        from tui.screens.confirm import Confirm

        def answered(delete_it: bool | None) -> None:
            if delete_it:
                self._do(self.session.delete(current))
            else:
                self._say("not deleted: kept as it is now")

        tags = ", ".join(current.tags) or "no tags"
        note = " ".join(current.note.split())
        note = f"; note: {note[:60]}{'…' if len(note) > 60 else ''}" if note else ""
        question = (
            f"This annotation was changed elsewhere since you saw it. "
            f"Now: {tags}{note}. Delete it anyway?"
        )
        self.app.push_screen(Confirm(question, yes="Delete", no="Keep"), answered)

    def action_undo(self) -> None:
        self._do(self.session.undo())

    def action_redo(self) -> None:
        self._do(self.session.redo())
