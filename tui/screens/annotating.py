"""The main screen's annotating keys: ``t``, ``1``-``9``, ``a``, ``d``, ``u``, ``ctrl+r``.

Each asks the session (:class:`tui.session.Session`) for the change, through a dialog
where one is needed (the tag picker, the note editor, a confirmation), and hands what
the session answers to the screen's ``_do``, which saves it in a worker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.screens.session_screen import SessionScreen
from tui.session import Edit, NoteClash, Update
from tui.widgets.annotation_list import AnnotationList
from tui.widgets.reader import Reader

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
        return self.session.annotation(interview_id, found[0].id) if found else None

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

        def chosen(tags: list[str] | None) -> None:
            if tags is None:
                return
            if target is not None:
                reader.clear_selection()
                self._retag(session.retag(target, tags), target)
            elif tags:
                self._do(session.tag(reader.interview, reader.target, tags))
                reader.clear_selection()

        codebook = [(t.path, t.count) for t in session.tag_infos]
        recent = session.recent_tags[:9]
        if target is None:
            span = reader.target
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
        from tui.screens.note_editor import NoteEditor

        reader = self.reader
        target = self._annotation_here()
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

    def _resolve(self, clash: NoteClash) -> None:
        """Someone changed the note the user just wrote: show theirs, edit ours again."""
        from tui.screens.note_editor import NoteEditor

        reader = self.reader
        current = clash.current

        def done(note: str | None) -> None:
            if note is not None:
                self._do(self.session.note(reader.interview, reader.target, current, note))

        theirs = current.note or "(no note)"
        quote = f"Saved meanwhile by {current.author}:\n{theirs}"
        title = "The note was changed elsewhere: yours below (ctrl+s saves it over theirs)"
        self.app.push_screen(NoteEditor(clash.mine, quote, title=title), done)

    def action_delete(self) -> None:
        target = self._annotation_here()
        if target is None:
            self.notify("No annotation under the cursor.", severity="warning", timeout=3)
            return
        self._do(self.session.delete(target))

    def action_undo(self) -> None:
        self._do(self.session.undo())

    def action_redo(self) -> None:
        self._do(self.session.redo())
