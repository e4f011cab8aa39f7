"""The main screen: outline, two readers, annotation list, status line.

It composes the widgets and routes their messages; the state they show and the rules
of every change live in :class:`tui.session.Session`, which says what each operation
changed so that this screen only applies it. Store calls run in thread workers so the
UI never waits on the disk: the status line says "saving…" until the store has returned
(the change is durable then). A timer asks the store every second whether someone else
changed the database, and everything is read again only when they did.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.widgets import Footer

from corpus import Interview, Span
from tui.interviewers import speaker_at
from tui.keys import SCREEN
from tui.screens.annotating import AnnotatingScreen
from tui.session import Session, Update
from tui.widgets.annotation_list import AnnotationList
from tui.widgets.key_footer import KeyFooter
from tui.widgets.outline import OutlineTree
from tui.widgets.quick_tags import QuickTags
from tui.widgets.reader import Reader
from tui.widgets.search_bar import SearchBar
from tui.widgets.status import StatusLine

if TYPE_CHECKING:
    from store import Annotation, Store

#: Below this width the screen shows one reader at a time and panels on demand.
NARROW = 120
#: How often to ask the store whether another process changed the database (seconds).
SYNC_INTERVAL = 1.0


def _inside(reader: Reader) -> int:
    """The offset the outline follows for the reader's cursor sentence."""
    return reader.navigator.inside(reader.caret)


def _words(text: str, span: Span | None) -> int:
    """How many words ``span`` of ``text`` holds (0 for no selection)."""
    return len(text[span.start : span.end].split()) if span else 0


class MainScreen(AnnotatingScreen):
    """Reading and annotating up to two interviews side by side."""

    BINDINGS: ClassVar[list[BindingType]] = list(SCREEN)
    AUTO_FOCUS = "Reader"
    """The first reader has focus from the first frame (its keys in the footer, its border)."""

    def __init__(
        self,
        interviews: Sequence[Interview],
        store: Store,
        *,
        author: str,
        db_path: Path | None = None,
        others: str = "ask",
    ) -> None:
        super().__init__()
        self.session = Session(interviews, store, author=author, others=others)
        self.store = store
        self.author = author
        self.db_path = db_path
        self.active_index = 0
        self._comparing = False
        self.pending_jump: tuple[str, int] | None = None
        """(interview, offset) to go to once a new pair of interviews is shown."""

    @property
    def interviews(self) -> list[Interview]:
        return self.session.interviews

    @property
    def shown(self) -> list[Interview]:
        return self.session.shown

    @property
    def annotations(self) -> dict[str, list[Annotation]]:
        """The shown interviews' annotations, per interview id."""
        return self.session.annotations

    @property
    def recent_tags(self) -> list[str]:
        return self.session.recent_tags

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
            # The search box is mounted when first asked for (``/``): an Input costs the
            # first frame several milliseconds (styles, its CSS) to stay hidden.
            yield StatusLine(id="status")
            yield QuickTags(id="quick-tags")
            # Its first keys in the look of the window's width (see _layout_for): at 80
            # columns they are built once, not built wide and then again compact.
            narrow = self.app.size.width < NARROW
            yield KeyFooter(compact=narrow, show_command_palette=not narrow)

    def on_mount(self) -> None:
        self.status.update_status(author=self.author)
        self.query_one(QuickTags).display = False  # until there is a recent tag
        self._show_outline()
        self._show_list()  # empty until the store has answered; drawn in the first frame
        self.readers[0].focus()
        self._update_status()
        self._layout_for(self.size.width)
        self._load()
        self.set_interval(SYNC_INTERVAL, self._poll, name="sync")

    @property
    def status(self) -> StatusLine:
        return self.query_one(StatusLine)

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
        return self._last_active()

    def _last_active(self) -> Reader:
        readers = self.readers
        return readers[min(self.active_index, len(readers) - 1)]

    def reader_for(self, interview_id: str) -> Reader | None:
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

    def _show_outline(self) -> None:
        session = self.session
        counts = {i.id: session.question_counts(i) for i in self.shown}
        totals = {i.id: len(session.visible(i.id)) for i in self.shown}
        outline = self.query_one(OutlineTree)
        outline.show(self.shown, counts, session.pairs, totals)
        outline.follow(self.reader.interview.id, _inside(self.reader))

    def _update_status(self, reader: Reader | None = None) -> None:
        reader = reader or self.reader
        interview = reader.interview
        speaking = speaker_at(interview, _inside(reader))
        self.status.update_status(
            speaker=speaking[0] if speaking else "",
            asks=bool(speaking and speaking[1]),
            interview=interview.title,
            question=reader.question + 1,
            questions=len(interview.outline.questions),
            annotations=len(self.session.visible(interview.id)),
            selected=_words(interview.text, reader.selection),
            here=self.session.coders_at(reader.annotations_at_cursor()),
        )

    def _show_list(self, reader: Reader | None = None) -> None:
        interview = (reader or self.reader).interview
        session = self.session
        every = {i.id: (i.title, session.visible(i.id)) for i in self.shown}
        self.query_one(AnnotationList).show(
            interview.title, session.visible(interview.id), session.colours, every
        )

    def _show_quick_tags(self) -> None:
        self.query_one(QuickTags).show(self.session.recent_tags, self.session.colours)

    def _asked(self) -> None:
        self._show_quick_tags()  # a tag is recent from the moment it is asked for

    # ------------------------------------------------------------------ widget messages

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
        # A closing dialog gives focus back to a reader a new pair (p, I) is replacing.
        if not isinstance(focused, Reader) or focused not in self.readers:
            return
        if focused is not self._last_active():
            self._activate(focused)

    @on(OutlineTree.Jump)
    def _outline_jump(self, event: OutlineTree.Jump) -> None:
        reader = self.reader_for(event.place.interview)
        if reader is not None:
            reader.go_to_offset(event.place.offset)
            self._activate(reader)

    @on(AnnotationList.Jump)
    def _list_jump(self, event: AnnotationList.Jump) -> None:
        self.jump_to(event.interview, event.start)

    def jump_to(self, interview_id: str, offset: int) -> None:
        """Move the reader showing ``interview_id`` (else the active one) to ``offset``."""
        reader = self.reader_for(interview_id) or self.reader
        reader.go_to_offset(offset)
        self._activate(reader)

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

    def _apply(self, update: Update) -> None:
        """Show what an operation of the session changed."""
        session = self.session
        self._show_quick_tags()
        for reader in self.readers:
            if reader.interview.id in update.interviews or update.codebook:
                annotations = session.visible(reader.interview.id)
                reader.set_annotations(annotations, session.colours)
            if update.hits:
                reader.set_search_hits(session.search.of(self.readers.index(reader)))
        if update.codebook:
            self._follow_in_picker()
        if update.interviews or update.codebook:
            self._show_list()
            self._show_outline()
            self._update_status()
        if update.go_to is not None:
            readers = self.readers
            reader = readers[min(update.go_to.reader, len(readers) - 1)]
            reader.go_to_offset(update.go_to.offset)
            if reader is not self.reader and (update.go_to.activate or self.has_class("-narrow")):
                self._activate(reader)
        if update.save is not None:
            self.status.update_status(save=update.save, message=update.message)
        elif update.message:
            self.status.update_status(message=update.message)
        if update.notice:
            error = update.severity == "error"
            self.notify(
                update.notice,
                title="Not saved" if error else "",
                severity=update.severity,
                timeout=update.timeout,
            )
        if update.clash is not None:
            self._resolve_note(update.clash)
        if update.reload:
            self._load()
        if update.conflict is not None:
            self._resolve(update)

    # ------------------------------------------------------------------ search, similar

    async def action_search(self) -> None:
        found = self.query(SearchBar)
        if found:
            bar = found.first()
        else:
            bar = SearchBar(id="search")
            await self.query_one("#chrome").mount(bar, before=self.status)
        bar.open()

    @on(SearchBar.Search)
    def _search(self, event: SearchBar.Search) -> None:
        self.reader.focus()
        here = (self.active_index, self.reader.cursor_span.start)
        self._apply(self.session.search.find(self.shown, event.query, here=here))

    @on(SearchBar.Closed)
    def _search_closed(self) -> None:
        self.reader.focus()

    def action_search_next(self) -> None:
        self._apply(self.session.search.step(1))

    def action_search_prev(self) -> None:
        self._apply(self.session.search.step(-1))

    def action_similar(self) -> None:
        reader = self.reader
        self._apply(self.session.similar(self.readers.index(reader), reader.question))

    # ------------------------------------------------------------------ the rest

    def action_whose(self) -> None:
        """Show everyone's codings, the user's, then each other coder's in turn."""
        update = self.session.next_whose()
        whose = self.session.whose
        self.status.update_status(whose="" if whose is None else self.session.whose_label())
        self._apply(update)

    def action_raw(self) -> None:
        reader = self.reader
        reader.raw = not reader.raw
        self.status.update_status(message="raw text" if reader.raw else "clean text")

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
        from tui.screens.export_dialog import open_export

        def exported(message: str) -> None:
            self.status.update_status(message=message)

        open_export(self, self.store, self.interviews, exported)

    def action_findings(self, kind: str) -> None:
        """Retrieval, counts or co-occurrence (``tui.screens.findings_open``)."""
        from tui.screens.findings_open import open_findings

        open_findings(self, kind)

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen, main_help_entries

        entries = main_help_entries(self.app, self.session.recent_tags, self.session.others)
        self.app.push_screen(HelpScreen(entries, title="gloss keys"))

    def action_choose(self) -> None:
        if len(self.interviews) <= 2:
            self.notify("Only two interviews are open; give more files to choose.", timeout=3)
            return
        from tui.screens.chooser import InterviewChooser

        def chosen(pair: tuple[int, int] | None) -> None:
            if pair is not None and pair != self.session.shown_indices():
                self.show_pair(*pair)

        titles = [f"{i.title} ({i.id})" if i.title != i.id else i.id for i in self.interviews]
        self.app.push_screen(InterviewChooser(titles, self.session.shown_indices()), chosen)

    def action_interviewer(self) -> None:
        """Set who asks in the active reader's interview, remembered for next time."""
        from tui.screens.asker_picker import ask_who_asks

        ask_who_asks(self)

    def action_compare(self) -> None:
        """Compare two coders (asked for) on the interview in the active reader."""
        from tui.screens.compare import ask_for_coders

        ask_for_coders(self, self.store, self.compare)

    def compare(self, coders: tuple[str, str], interview: Interview | None = None) -> None:
        """Show ``coders``' codings of ``interview`` (the active reader's) side by side."""
        from tui.screens.compare import CompareScreen

        def closed(_: None) -> None:
            self._comparing = False
            self._load()  # what was copied or undone there

        self._comparing = True
        shown = CompareScreen(interview or self.reader.interview, self.session, coders=coders)
        self.app.push_screen(shown, closed)

    def show_pair(self, left: int, right: int) -> None:
        """Show interviews ``left`` and ``right`` (indices into ``interviews``)."""
        self.session.show(left, right)
        box = self.query_one("#readers", Horizontal)
        readers = [Reader(i, id=f"reader-{n}-{i.id}") for n, i in enumerate(self.shown)]
        removed = box.remove_children()

        async def replace() -> None:
            # The new readers reuse the old ones' ids: mount them once those are gone.
            await removed
            await box.mount_all(readers)
            self.active_index = 0
            self.call_after_refresh(self._after_pair)

        self.call_next(replace)

    def _after_pair(self) -> None:
        self.readers[0].focus()
        self._layout_for(self.size.width)
        self._show_outline()
        self._load()
        if self.pending_jump is not None:
            self.jump_to(*self.pending_jump)
            self.pending_jump = None
