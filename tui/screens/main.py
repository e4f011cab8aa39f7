"""The main screen: outline, two readers, annotation list, status line.

Widgets show and ask; this screen decides. Every store call runs in a thread worker so
the UI never waits on the disk, and the status line says "saving…" until the store has
returned (the change is durable then). A timer asks the store every second whether
someone else changed the database, and reloads when they did.
"""

from __future__ import annotations

import asyncio
from bisect import bisect_right
from collections.abc import Callable, Sequence
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Footer

from corpus import Interview, Question, Span, find_text
from corpus.similarity import pair_questions
from store.errors import StoreError
from store.history import History
from tui.keys import READER, SCREEN, remapped
from tui.widgets.annotation_list import AnnotationList
from tui.widgets.key_footer import KeyFooter
from tui.widgets.outline import OutlineTree
from tui.widgets.reader import Reader
from tui.widgets.search_bar import SearchBar
from tui.widgets.status import StatusLine

if TYPE_CHECKING:
    from store import Annotation, AnnotationStore, TagInfo
    from tui.screens.export_dialog import ExportDialog

#: Below this width the screen shows one reader at a time and panels on demand.
NARROW = 120
#: How long ``q`` waits for changes still being written before it quits anyway (seconds).
QUIT_WAIT = 15.0
#: How often to ask the store whether another process changed the database (seconds).
SYNC_INTERVAL = 1.0


def _inside(reader: Reader) -> int:
    """The offset the outline follows for the reader's cursor sentence."""
    return reader.navigator.inside(reader.caret)


def _words(text: str, span: Span | None) -> int:
    """How many words ``span`` of ``text`` holds (0 for no selection)."""
    return len(text[span.start : span.end].split()) if span else 0


class MainScreen(Screen[None]):
    """Reading and annotating up to two interviews side by side."""

    BINDINGS: ClassVar[list[BindingType]] = list(SCREEN)
    AUTO_FOCUS = "Reader"
    """The first reader has focus from the first frame (its keys in the footer, its border)."""

    def __init__(
        self,
        interviews: Sequence[Interview],
        store: AnnotationStore,
        *,
        author: str,
        db_path: Path | None = None,
    ) -> None:
        super().__init__()
        self.interviews = list(interviews)
        self.store = store
        self.author = author
        self.db_path = db_path
        self.shown: list[Interview] = self.interviews[:2]
        self.annotations: dict[str, list[Annotation]] = {}
        self.colours: dict[str, str] = {}
        self.tag_infos: list[TagInfo] = []
        self.recent_tags: list[str] = []
        self.active_index = 0
        self._hits: list[tuple[int, Span]] = []
        self._hit = -1
        self.history = History(store)
        self._pending = 0
        self._anchored_ids: set[str] = set()
        self._pairs: dict[str, dict[int, int]] = {}
        self._sync_failing = False
        self._comparing = False

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        with Horizontal(id="body"):
            yield OutlineTree(id="outline")
            with Vertical(id="centre"):
                with Horizontal(id="readers"):
                    for number, interview in enumerate(self.shown):
                        yield Reader(interview, id=f"reader-{number}")
                yield AnnotationList(id="annotations")
        with Vertical(id="chrome"):
            yield SearchBar(id="search")
            yield StatusLine(id="status")
            yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(SearchBar).display = False
        self.query_one(StatusLine).update_status(author=self.author)
        self._rebuild_outline()
        self._show_list()  # empty until the store has answered; drawn in the first frame
        self.readers[0].focus()
        self._update_status()
        self._layout_for(self.size.width)
        self._load_all()
        self.set_interval(SYNC_INTERVAL, self._poll, name="sync")

    @property
    def readers(self) -> list[Reader]:
        return list(self.query(Reader))

    @property
    def reader(self) -> Reader:
        """The reader actions apply to: the focused one, else the last focused.

        Focus is asked first: a key typed right after ``tab`` can arrive before the
        focus message that updates ``active_index``.
        """
        if isinstance(self.focused, Reader):
            return self.focused
        readers = self.readers
        return readers[min(self.active_index, len(readers) - 1)]

    def _last_active(self) -> Reader:
        readers = self.readers
        return readers[min(self.active_index, len(readers) - 1)]

    def _reader_for(self, interview_id: str) -> Reader | None:
        return next((r for r in self.readers if r.interview.id == interview_id), None)

    def on_resize(self, event: Resize) -> None:
        self._layout_for(event.size.width)

    def _layout_for(self, width: int) -> None:
        narrow = width < NARROW
        self.set_class(narrow, "-narrow")
        footer = self.query_one(Footer)
        footer.compact = narrow
        footer.show_command_palette = not narrow  # ctrl+p still works; it is in help
        for number, reader in enumerate(self.readers):
            active = number == self.active_index
            reader.set_class(active, "-active")
            # Set at once (not through CSS, which applies on the next refresh) so that a
            # key typed right after ``w`` finds the newly shown reader focusable.
            reader.display = active or not narrow

    def _rebuild_outline(self) -> None:
        pairs: dict[str, dict[int, int]] = {}
        if len(self.shown) == 2:
            left, right = self.shown
            found = pair_questions(
                [q.text for q in left.outline.questions], [q.text for q in right.outline.questions]
            )
            pairs[left.id] = {i: j for i, j, _ in found}
            pairs[right.id] = {j: i for i, j, _ in found}
        self._pairs = pairs
        counts: dict[str, list[int]] = {}
        for interview in self.shown:
            starts = [q.start for q in interview.outline.questions]
            per_question = [0] * len(starts)
            for annotation in self.annotations.get(interview.id, []):
                number = bisect_right(starts, annotation.start) - 1
                if number >= 0:
                    per_question[number] += 1
            counts[interview.id] = per_question
        totals = {i.id: len(self.annotations.get(i.id, [])) for i in self.shown}
        self.query_one(OutlineTree).show(self.shown, counts, pairs, totals)
        reader = self.reader
        self.query_one(OutlineTree).follow(reader.interview.id, _inside(reader))

    def _update_status(self, reader: Reader | None = None) -> None:
        reader = reader or self.reader
        interview = reader.interview
        self.query_one(StatusLine).update_status(
            interview=interview.title,
            question=reader.question + 1,
            questions=len(interview.outline.questions),
            annotations=len(self.annotations.get(interview.id, [])),
            selected=_words(interview.text, reader.selection),
        )

    def _show_list(self, reader: Reader | None = None) -> None:
        interview = (reader or self.reader).interview
        self.query_one(AnnotationList).show(
            interview.title, self.annotations.get(interview.id, []), self.colours
        )

    # ------------------------------------------------------------------ reader events

    @on(Reader.Moved)
    def _moved(self, event: Reader.Moved) -> None:
        self.query_one(OutlineTree).follow(event.reader.interview.id, _inside(event.reader))
        if event.reader is self.reader:
            self._update_status()

    @on(Reader.SelectionChanged)
    def _selection_changed(self, event: Reader.SelectionChanged) -> None:
        if event.reader is self.reader:
            self._update_status()

    def on_descendant_focus(self) -> None:
        focused = self.focused
        if isinstance(focused, Reader) and focused is not self._last_active():
            self._activate(focused)

    @on(OutlineTree.Jump)
    def _outline_jump(self, event: OutlineTree.Jump) -> None:
        reader = self._reader_for(event.place.interview)
        if reader is not None:
            reader.go_to_offset(event.place.offset)
            self._activate(reader)

    @on(AnnotationList.Jump)
    def _list_jump(self, event: AnnotationList.Jump) -> None:
        reader = self.reader
        reader.go_to_offset(event.start)
        reader.focus()

    def _activate(self, reader: Reader) -> None:
        """Make ``reader`` the one actions, the status line and the list are about."""
        changed = reader is not self._last_active()
        self.active_index = self.readers.index(reader)
        if changed:
            self._layout_for(self.size.width)
            self._show_list(reader)
            self._update_status(reader)
            self.query_one(OutlineTree).follow(reader.interview.id, _inside(reader))
        if self.focused is not reader:
            self.set_focus(reader)

    # ------------------------------------------------------------------ store: loading

    @work(thread=True, exclusive=True, group="load")
    def _load_all(self) -> None:
        """Re-anchor and read the shown interviews' annotations and the codebook."""
        try:
            orphans = [
                o
                for i in self.shown
                if i.id not in self._anchored_ids
                for o in self.store.anchor(i)
            ]
            self._anchored_ids.update(i.id for i in self.shown)
            loaded = {i.id: self.store.annotations(interview=i.id) for i in self.shown}
            tags = self.store.tags()
        except StoreError as error:
            self.app.call_from_thread(self._failed, error)
            return
        self.app.call_from_thread(self._loaded, loaded, tags)
        if orphans:
            self.app.call_from_thread(
                self.notify,
                f"{len(orphans)} annotation(s) no longer match the text (orphaned); "
                "list them with 'gloss list --status orphaned'",
                severity="warning",
                timeout=8,
            )

    def _loaded(self, loaded: dict[str, list[Annotation]], tags: list[TagInfo]) -> None:
        self.annotations.update(loaded)
        self.tag_infos = tags
        self.colours = {t.path: t.colour for t in tags if t.colour}
        if not self.recent_tags:
            newest = sorted(
                (a for group in loaded.values() for a in group),
                key=lambda a: a.updated,
                reverse=True,
            )
            for annotation in newest:
                for tag in annotation.tags:
                    if tag not in self.recent_tags:
                        self.recent_tags.append(tag)
        for reader in self.readers:
            reader.set_annotations(self.annotations.get(reader.interview.id, []), self.colours)
        self._show_list()
        self._rebuild_outline()
        self._update_status()

    def _poll(self) -> None:
        # An open comparison watches the store itself (two watchers of one store would
        # each miss the changes the other saw first); this screen reloads when it closes.
        if not self._comparing:
            self._sync()

    @work(thread=True, exclusive=True, group="sync")
    def _sync(self) -> None:
        try:
            changed = self.store.refresh()
        except StoreError as error:
            # Say it once, not every second, until the database can be read again.
            if not self._sync_failing:
                self._sync_failing = True
                self.app.call_from_thread(self._failed, error)
            return
        if self._sync_failing:
            self._sync_failing = False
            changed = True
        if changed:
            self.app.call_from_thread(self._load_all)

    def _failed(self, error: Exception) -> None:
        self._pending = 0
        self.query_one(StatusLine).update_status(save="error", message=str(error))
        self.notify(str(error), title="Not saved", severity="error", timeout=8)

    # ------------------------------------------------------------------ store: changes

    def _change(self, describe: str, call: Callable[[], str | None]) -> None:
        """Run ``call`` (a store change through the history) in a worker.

        ``call`` returns what to say in the status line when done (None: ``describe``).
        """
        self._pending += 1
        self.query_one(StatusLine).update_status(save="saving", message=describe)
        self._run_change(describe, call)

    @work(thread=True, group="changes")
    def _run_change(self, describe: str, call: Callable[[], str | None]) -> None:
        try:
            said = call() or describe
            loaded = {i.id: self.store.annotations(interview=i.id) for i in self.shown}
            tags = self.store.tags()
        except StoreError as error:
            self.app.call_from_thread(self._failed, error)
            self.app.call_from_thread(self._load_all)
            return
        self.app.call_from_thread(self._changed, said, loaded, tags)

    def _changed(
        self,
        describe: str,
        loaded: dict[str, list[Annotation]],
        tags: list[TagInfo],
    ) -> None:
        self._pending = max(0, self._pending - 1)
        self._loaded(loaded, tags)
        if not self._pending:
            self.query_one(StatusLine).update_status(save="saved", message=describe)

    def _tag(self, reader: Reader, tags: Sequence[str]) -> None:
        tags = [t.strip() for t in tags if t.strip()]
        if not tags:
            return
        interview = reader.interview
        span = reader.target
        if span.end <= span.start:
            self.notify("Nothing to tag here.", severity="warning")
            return
        self._remember(tags)
        author = self.author

        def call() -> str | None:
            self.history.add(interview, span.start, span.end, tags=tags, author=author)
            return None

        reader.clear_selection()
        self._change(f"tagged {', '.join(tags)}", call)

    def _remember(self, tags: Sequence[str]) -> None:
        """Put ``tags`` first among the recent tags (the picker's top rows, keys 1-9)."""
        for tag in reversed(tags):
            if tag in self.recent_tags:
                self.recent_tags.remove(tag)
            self.recent_tags.insert(0, tag)

    def _retag(self, reader: Reader, target: Annotation, tags: Sequence[str]) -> None:
        """Give ``target`` exactly ``tags`` (undoably); no tags and no note asks first."""
        tags = list(dict.fromkeys(t.strip() for t in tags if t.strip()))
        added = [t for t in tags if t not in target.tags]
        removed = [t for t in target.tags if t not in tags]
        reader.clear_selection()
        if not added and not removed:
            self.query_one(StatusLine).update_status(message="tags unchanged")
            return
        self._remember(added)
        said = " ".join([*(f"+{t}" for t in added), *(f"−{t}" for t in removed)])

        def update() -> str | None:
            self.history.update(target.id, add=added, remove=removed)
            return None

        if tags or target.note.strip():
            self._change(f"retagged {said}", update)
            return

        def delete() -> str | None:
            self.history.delete(target.id, revision=target.revision)
            return None

        def answered(delete_it: bool | None) -> None:
            if delete_it:
                self._change(f"deleted {', '.join(target.tags)}", delete)
            else:
                self._change(f"retagged {said} (kept untagged)", update)

        from tui.screens.confirm import Confirm

        question = "This passage now has no tags and no note. Delete its annotation, or keep it?"
        self.app.push_screen(Confirm(question, yes="Delete", no="Keep untagged"), answered)

    def _write_note(self, reader: Reader, target: Annotation | None, note: str) -> None:
        interview = reader.interview
        span = reader.target
        author = self.author

        def call() -> str | None:
            if target is not None:
                self.history.update(target.id, note=(target.note, note))
            else:
                self.history.add(interview, span.start, span.end, note=note, author=author)
            return None

        reader.clear_selection()
        self._change("note saved", call)

    # ------------------------------------------------------------------ actions

    def _annotation_here(self) -> Annotation | None:
        """What ``a``, ``d`` and ``t`` act on: the highlighted row when the annotation
        list has focus, else the innermost annotation under the reader's cursor."""
        by_id = {a.id: a for a in self.annotations.get(self.reader.interview.id, [])}
        listing = self.query_one(AnnotationList)
        if listing.rows.has_focus:
            listed = listing.current
            return by_id.get(listed.id) if listed is not None else None
        found = self.reader.annotations_at_cursor()
        return by_id.get(found[0].id) if found else None

    def _tagged_here(self, reader: Reader) -> Annotation | None:
        """The annotation ``t`` edits: the list's or the cursor's, or the selection's own.

        A selection that is not exactly an annotated passage is a new passage to tag.
        """
        selection = reader.selection
        if selection is None or self.query_one(AnnotationList).rows.has_focus:
            return self._annotation_here()
        return next(
            (
                a
                for a in self.annotations.get(reader.interview.id, [])
                if (a.start, a.end) == (selection.start, selection.end)
            ),
            None,
        )

    def action_tag(self) -> None:
        """Tag the selection or cursor sentence; on an annotated passage, edit its tags."""
        from tui.screens.tag_picker import TagPicker

        reader = self.reader
        target = self._tagged_here(reader)

        def chosen(tags: list[str] | None) -> None:
            if tags is None:
                return
            if target is not None:
                self._retag(reader, target, tags)
            elif tags:
                self._tag(reader, tags)

        codebook = [(t.path, t.count) for t in self.tag_infos]
        recent = self.recent_tags[:9]
        if target is None:
            span = reader.target
            quote = reader.interview.text[span.start : span.end]
            picker = TagPicker(codebook, recent, colours=self.colours, quote=quote)
        else:
            picker = TagPicker(
                codebook, recent, colours=self.colours, current=target.tags, quote=target.exact
            )
        self.app.push_screen(picker, chosen)

    def action_quick_tag(self, number: int) -> None:
        if number > len(self.recent_tags):
            self.notify(
                f"No recent tag {number} yet: tag with t first.", severity="warning", timeout=3
            )
            return
        self._tag(self.reader, [self.recent_tags[number - 1]])

    def action_note(self) -> None:
        from tui.screens.note_editor import NoteEditor

        reader = self.reader
        target = self._annotation_here()

        def done(note: str | None) -> None:
            if note is not None and (target is None or note != target.note):
                self._write_note(reader, target, note)

        quote = reader.interview.text[reader.target.start : reader.target.end]
        if target is not None:
            quote = target.exact
        self.app.push_screen(NoteEditor(target.note if target else "", quote), done)

    def action_delete(self) -> None:
        target = self._annotation_here()
        if target is None:
            self.notify("No annotation under the cursor.", severity="warning", timeout=3)
            return

        def call() -> str | None:
            self.history.delete(target.id, revision=target.revision)
            return None

        self._change(f"deleted {', '.join(target.tags) or 'note'}", call)

    def action_undo(self) -> None:
        def call() -> str | None:
            change = self.history.undo()
            return f"undid {change.step.describe}" if change else "nothing to undo"

        self._change("undoing…", call)

    def action_redo(self) -> None:
        def call() -> str | None:
            change = self.history.redo()
            return f"redid {change.step.describe}" if change else "nothing to redo"

        self._change("redoing…", call)

    def action_search(self) -> None:
        self.query_one(SearchBar).open()

    @on(SearchBar.Search)
    def _search(self, event: SearchBar.Search) -> None:
        if not event.query.strip():  # an empty search clears the highlights
            for reader in self.readers:
                reader.set_search_hits([])
            self._hits, self._hit = [], -1
            self.reader.focus()
            return
        hits: list[tuple[int, Span]] = []
        for number, reader in enumerate(self.readers):
            spans = find_text(reader.interview.text, event.query)
            reader.set_search_hits(spans)
            hits.extend((number, span) for span in spans)
        self._hits = hits
        self._hit = -1
        self.reader.focus()
        if not hits:
            self.notify(f"No match for {event.query!r}.", severity="warning", timeout=3)
            return
        self.query_one(StatusLine).update_status(message=f"{len(hits)} hits")
        here = (self.active_index, self.reader.cursor_span.start)
        self._hit = next((i for i, (n, s) in enumerate(hits) if (n, s.start) >= here), 0) - 1
        self.action_search_next()

    @on(SearchBar.Closed)
    def _search_closed(self) -> None:
        self.reader.focus()

    def action_search_next(self) -> None:
        self._go_hit(1)

    def action_search_prev(self) -> None:
        self._go_hit(-1)

    def _go_hit(self, step: int) -> None:
        if not self._hits:
            self.notify("No search yet: press / to search.", timeout=2)
            return
        self._hit = (self._hit + step) % len(self._hits)
        number, span = self._hits[self._hit]
        reader = self.readers[number]
        reader.go_to_offset(span.start)
        if reader is not self.reader:
            self._activate(reader)
        self.query_one(StatusLine).update_status(
            message=f"hit {self._hit + 1} of {len(self._hits)}"
        )

    def action_similar(self) -> None:
        readers = self.readers
        if len(readers) < 2:
            self.notify("Only one interview is open.", severity="warning", timeout=3)
            return
        here = self.reader
        other = readers[1 - readers.index(self.reader)]
        number = here.question
        if number < 0:
            self.notify("Move into a question first.", severity="warning", timeout=3)
            return
        target = self._pairs.get(here.interview.id, {}).get(number)
        if target is None:
            from corpus.similarity import most_similar

            questions: tuple[Question, ...] = other.interview.outline.questions
            target = most_similar(
                here.interview.outline.questions[number].text, [q.text for q in questions]
            )
        if target is None:
            self.notify("No similar question in the other interview.", timeout=3)
            return
        other.go_to_offset(other.interview.outline.questions[target].start)
        if self.has_class("-narrow"):
            self._activate(other)
        self.query_one(StatusLine).update_status(
            message=f"Q{number + 1} ↔ Q{target + 1} of {other.interview.title}"
        )

    def action_raw(self) -> None:
        reader = self.reader
        reader.raw = not reader.raw
        self.query_one(StatusLine).update_status(message="raw text" if reader.raw else "clean text")

    def action_switch_reader(self) -> None:
        readers = self.readers
        if len(readers) > 1:
            self._activate(readers[1 - readers.index(self.reader)])

    def action_toggle_outline(self) -> None:
        """Show or hide the outline (hidden by default when narrow, shown when wide)."""
        self.toggle_class("-show-outline" if self.has_class("-narrow") else "-hide-outline")

    def action_toggle_list(self) -> None:
        """Show or hide the annotation list (hidden by default when narrow)."""
        self.toggle_class("-show-list" if self.has_class("-narrow") else "-hide-list")

    def action_export(self) -> None:
        from tui.screens.export_dialog import ExportDialog

        by_id = {i.id: i for i in self.interviews}
        self._export(ExportDialog, by_id)

    @work(thread=True, exclusive=True, group="export")
    def _export(self, dialog: type[ExportDialog], by_id: dict[str, Interview]) -> None:
        """Read every annotation (off the UI thread), then open the export dialog."""
        try:
            annotations = self.store.annotations()
        except StoreError as error:
            self.app.call_from_thread(self._failed, error)
            return

        def exported(path: Path | None) -> None:
            if path is not None:
                self.query_one(StatusLine).update_status(message=f"exported to {path}")
                count = len(annotations)
                noun = "annotation" if count == 1 else "annotations"
                self.notify(f"Exported {count} {noun} to {path}", timeout=6)

        self.app.call_from_thread(self.app.push_screen, dialog(annotations, by_id), exported)

    def action_help(self) -> None:
        from tui.screens.help import HelpEntry, HelpScreen, help_entries

        display = self.app.get_key_display
        annotate = help_entries(remapped(SCREEN, self.app), "Annotate and view", display)
        after_tag = next((n + 1 for n, e in enumerate(annotate) if e.description == "Tag"), 0)
        annotate[after_tag:after_tag] = [
            HelpEntry(keys, description, "Annotate and view")
            for keys, description in (
                ("t on a tagged passage", "Edit its tags: tab removes or adds one"),
                ("  …no tags left", "No note either: asks delete or keep"),
            )
        ]
        entries = [
            HelpEntry("tab / shift+tab", "Focus outline, readers, list in turn", "Move"),
            *help_entries(remapped(READER, self.app), "Move and select", display),
            *annotate,
            HelpEntry("enter", "Jump to the outline node or annotation", "Outline and list"),
            HelpEntry("f", "Filter the annotation list by tag", "Outline and list"),
            HelpEntry("a / d / t", "In the list: act on the highlighted row", "Outline and list"),
            HelpEntry("ctrl+p", "Command palette: every action by name", "General"),
        ]
        self.app.push_screen(HelpScreen(entries, title="gloss keys"))

    def action_choose(self) -> None:
        if len(self.interviews) <= 2:
            self.notify("Only two interviews are open; give more files to choose.", timeout=3)
            return
        from tui.screens.chooser import InterviewChooser

        def chosen(pair: tuple[int, int] | None) -> None:
            if pair is not None and pair != self._shown_indices():
                self.show_pair(*pair)

        titles = [f"{i.title} ({i.id})" if i.title != i.id else i.id for i in self.interviews]
        self.app.push_screen(InterviewChooser(titles, self._shown_indices()), chosen)

    def action_compare(self) -> None:
        """Compare two coders (asked for) on the interview in the active reader."""
        from tui.screens.compare import ask_and_compare

        ask_and_compare(self, self.reader.interview, self.store, self.history, author=self.author)

    def compare(self, coders: tuple[str, str], interview: Interview | None = None) -> None:
        """Show ``coders``' codings of ``interview`` (the active reader's) side by side."""
        from tui.screens.compare import CompareScreen

        def closed(_: None) -> None:
            self._comparing = False
            self._load_all()  # what was copied or undone there

        self._comparing = True
        self.app.push_screen(
            CompareScreen(
                interview or self.reader.interview,
                self.store,
                self.history,
                coders=coders,
                author=self.author,
            ),
            closed,
        )

    def _shown_indices(self) -> tuple[int, int]:
        ids = [i.id for i in self.interviews]
        return ids.index(self.shown[0].id), ids.index(self.shown[-1].id)

    def show_pair(self, left: int, right: int) -> None:
        """Show interviews ``left`` and ``right`` (indices into ``interviews``)."""
        self.shown = [self.interviews[left], self.interviews[right]]
        box = self.query_one("#readers", Horizontal)
        box.remove_children()
        box.mount_all(Reader(i, id=f"reader-{n}-{i.id}") for n, i in enumerate(self.shown))
        self.active_index = 0
        self.call_after_refresh(self._after_pair)

    def _after_pair(self) -> None:
        self.readers[0].focus()
        self._layout_for(self.size.width)
        self._rebuild_outline()
        self._load_all()

    async def action_quit(self) -> None:
        """Quit; a change still being written is waited for (bounded), never dropped."""
        pending = [w for w in self.app.workers if w.group == "changes" and not w.is_finished]
        if pending:
            self.query_one(StatusLine).update_status(save="saving", message="saving, then quitting")
            with suppress(TimeoutError):
                await asyncio.wait_for(
                    asyncio.gather(*(w.wait() for w in pending), return_exceptions=True),
                    timeout=QUIT_WAIT,
                )
        self.app.exit()
