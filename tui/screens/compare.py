"""Adjudication side by side: one interview twice, coder A's codings left, coder B's right.

The passages where their tags differ (:mod:`store.differences`) are flagged in both
readers (a ``≠`` in the gutter, the text in italic); ``n``/``N`` take both readers to the
next or previous one, and ``c`` copies the coding under the cursor from the other side
into the current author's own, as an edit of the reading session under this screen (so
``u`` undoes it, here or back in the reader). The two readers move together. Like the
main screen, every store call runs in a thread worker and a timer picks up changes other
people make to the database.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen

from corpus import Interview, Span
from store.differences import Differences, differences
from store.errors import StoreError
from tui.keys import COMPARE, READER, remapped
from tui.session import Edit, Session, Update
from tui.text import plain
from tui.widgets.compare_status import CompareStatus
from tui.widgets.key_footer import KeyFooter
from tui.widgets.reader import Reader

if TYPE_CHECKING:
    from store import Annotation, Store

#: How often to ask the store whether another process changed the database (seconds).
SYNC_INTERVAL = 1.0


class CompareScreen(Screen[None]):
    """Two coders' codings of one interview side by side, their differences flagged."""

    BINDINGS: ClassVar[list[BindingType]] = list(COMPARE)
    AUTO_FOCUS = "#side-a"

    DEFAULT_CSS = """
    CompareScreen #sides {
        height: 1fr;
    }
    CompareScreen #chrome {
        height: auto;
    }
    CompareScreen #chrome Footer {
        dock: none;
    }
    """

    def __init__(self, interview: Interview, session: Session, *, coders: tuple[str, str]) -> None:
        super().__init__()
        self.interview = interview
        self.session = session
        """The reading session under it: its store, author, history and recent tags."""
        self.store = session.store
        self.author = session.author
        self.coders = coders
        self.annotations: tuple[list[Annotation], list[Annotation]] = ([], [])
        self.mine: list[Annotation] = []
        """The current author's own annotations of the interview (to copy into)."""
        self.differences = Differences([])
        self.colours: dict[str, str] = {}
        self._landed: tuple[int, int] | None = None
        """(difference index, cursor sentence) of the last jump, while the cursor stays."""
        self._seen = -1
        """The store's ``changes_seen`` when the codings were last read."""
        self._sync_failing = False

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        with Horizontal(id="sides"):
            for side, coder in zip("ab", self.coders, strict=True):
                reader = Reader(self.interview, id=f"side-{side}")
                reader.border_title = plain(f"{side.upper()}: {coder}")
                yield reader
        with Vertical(id="chrome"):
            yield CompareStatus(id="compare-status")
            yield KeyFooter()

    def on_mount(self) -> None:
        self.status.update_state(coder_a=self.coders[0], coder_b=self.coders[1], author=self.author)
        self._load_codings()
        self.set_interval(SYNC_INTERVAL, self._sync, name="compare-sync")

    @property
    def status(self) -> CompareStatus:
        return self.query_one(CompareStatus)

    @property
    def readers(self) -> tuple[Reader, Reader]:
        return self.query_one("#side-a", Reader), self.query_one("#side-b", Reader)

    @property
    def reader(self) -> Reader:
        """The focused side (the left one if neither has focus)."""
        return self.focused if isinstance(self.focused, Reader) else self.readers[0]

    # ------------------------------------------------------------------ loading

    @work(thread=True, exclusive=True, group="compare-load")
    def _load_codings(self) -> None:
        """Read both coders' annotations and the codebook; work out the differences."""
        try:
            self.store.anchor(self.interview)
            self._seen = self.store.changes_seen
            found = self.store.annotations(interview=self.interview.id)
            tags = self.store.tags()
        except StoreError as error:
            self.app.call_from_thread(self._failed, str(error))
            return
        sides: tuple[list[Annotation], list[Annotation]] = tuple(  # type: ignore[assignment]
            [a for a in found if a.author == coder and not a.orphaned] for coder in self.coders
        )
        mine = [a for a in found if a.author == self.author]
        colours = {t.path: t.colour for t in tags if t.colour}
        self.app.call_from_thread(self._loaded, sides, mine, differences(*sides), colours)

    def _loaded(
        self,
        sides: tuple[list[Annotation], list[Annotation]],
        mine: list[Annotation],
        found: Differences,
        colours: dict[str, str],
    ) -> None:
        self.annotations, self.mine, self.differences, self.colours = sides, mine, found, colours
        for reader, coded in zip(self.readers, sides, strict=True):
            reader.set_annotations(coded, colours)
            reader.set_flagged([Span(d.start, d.end) for d in found])
        self._landed = None
        here = found.at(self.reader.cursor_span.start)
        self.status.update_state(differences=len(found), difference=0 if here is None else here + 1)

    @work(thread=True, exclusive=True, group="compare-sync")
    def _sync(self) -> None:
        """Read the codings again when another process changed the database."""
        try:
            changed = self.store.poll()
        except StoreError as error:
            if not self._sync_failing:  # said once, not every second
                self._sync_failing = True
                self.app.call_from_thread(self._failed, str(error))
            return
        if self._sync_failing:
            self._sync_failing = False
            changed = True
        # Also what another watcher of this store (the main screen's session) caught up with.
        if changed or self.store.changes_seen != self._seen:
            self.app.call_from_thread(self._load_codings)

    def _failed(self, error: str) -> None:
        self.status.update_state(save="error", message=error)
        self.notify(error, title="Not saved", severity="error", timeout=8, markup=False)

    # ------------------------------------------------------------------ moving together

    @on(Reader.Moved)
    def _moved(self, event: Reader.Moved) -> None:
        """The other side follows the focused one (its own moves are echoes: ignored)."""
        if event.reader is not self.reader:
            return
        readers = self.readers
        other = readers[1 - readers.index(event.reader)]
        if other.cursor != event.reader.cursor:
            other.go_to_offset(event.offset)
        if self._landed is not None and self._landed[1] != event.reader.cursor:
            self._landed = None
            here = self.differences.at(event.offset)
            self.status.update_state(difference=0 if here is None else here + 1, message="")

    def action_next_difference(self) -> None:
        self._step(1)

    def action_prev_difference(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        found = self.differences
        if not found:
            self.status.update_state(message="the two codings agree on this interview")
            return
        cursor = self.reader.cursor_span
        if self._landed is not None:
            origin = found[self._landed[0]].start
        else:
            origin = cursor.start - 1 if direction > 0 else cursor.start
        index = found.after(origin) if direction > 0 else found.before(origin)
        wrapped = index is None
        if index is None:
            index = 0 if direction > 0 else len(found) - 1
        difference = found[index]
        # Land on the sentence holding its first word, not the one a leading space ends.
        text, landing = self.interview.text, difference.start
        while landing < difference.end - 1 and text[landing].isspace():
            landing += 1
        for reader in self.readers:
            reader.go_to_offset(landing)
        self._landed = (index, self.reader.cursor)
        said = []
        if difference.only_a:
            said.append(f"only {self.coders[0]}: {', '.join(difference.only_a)}")
        if difference.only_b:
            said.append(f"only {self.coders[1]}: {', '.join(difference.only_b)}")
        if wrapped:
            said.append("(wrapped)")
        self.status.update_state(difference=index + 1, message=" · ".join(said))

    def action_switch_side(self) -> None:
        readers = self.readers
        readers[1 - readers.index(self.reader)].focus()

    # ------------------------------------------------------------------ copying

    def action_copy(self) -> None:
        """Copy the other side's coding under the cursor into the current author's own."""
        readers = self.readers
        side = readers.index(self.reader)
        source = 1 - side if self.coders[side] == self.author else side
        coder = self.coders[source]
        if coder == self.author:
            self.notify("Both sides are your own codings.", severity="warning", timeout=3)
            return
        target = self.reader.target
        here = [
            a
            for a in self.annotations[source]
            if a.tags and a.start < max(target.end, target.start + 1) and target.start < a.end
        ]
        if not here:
            self.notify(f"{coder} has no coding here.", severity="warning", timeout=3, markup=False)
            return
        chosen = min(here, key=lambda a: (a.end - a.start, a.start))
        self.reader.clear_selection()
        held = next((a for a in self.mine if (a.start, a.end) == (chosen.start, chosen.end)), None)
        if held is not None and set(chosen.tags) <= set(held.tags):
            self.status.update_state(message=f"you have {coder}'s tags here already")
            return
        asked = self.session.tag(self.interview, Span(chosen.start, chosen.end), chosen.tags)
        if isinstance(asked, Edit):
            asked = replace(asked, describe=f"copied {', '.join(chosen.tags)} from {coder}")
        self._do(asked)

    def action_undo(self) -> None:
        self._do(self.session.undo())

    def action_redo(self) -> None:
        self._do(self.session.redo())

    def _do(self, asked: Edit | Update) -> None:
        """Save an :class:`Edit` through the session in a worker, or show an :class:`Update`."""
        if isinstance(asked, Edit):
            self.status.update_state(save="saving", message=asked.describe)
            self._save(asked)
        else:
            self._show(asked)

    @work(thread=True, group="changes")
    def _save(self, edit: Edit) -> None:
        update = self.session.save(edit)
        self.app.call_from_thread(self._show, update)
        self.app.call_from_thread(self._load_codings)

    def _show(self, update: Update) -> None:
        """Say what a change did (the status line, a notification for news or errors)."""
        if update.save is not None:
            self.status.update_state(save=update.save)
        if update.message:
            self.status.update_state(message=update.message)
        if update.notice:
            self.notify(
                update.notice, severity=update.severity, timeout=update.timeout, markup=False
            )

    # ------------------------------------------------------------------ the rest

    def action_help(self) -> None:
        from tui.screens.help import HelpEntry, HelpScreen, help_entries

        display = self.app.get_key_display
        entries = [
            *help_entries(remapped(COMPARE, self.app), "Compare", display),
            HelpEntry(
                "c", "Copies from the side you are on, or the other if it is yours", "Compare"
            ),
            HelpEntry("≠ in the gutter", "The coders' tags differ on that line", "Compare"),
            *help_entries(
                remapped(READER, self.app), "Move and select (both sides move together)", display
            ),
            HelpEntry("ctrl+p", "Command palette: every action by name", "General"),
        ]
        self.app.push_screen(HelpScreen(entries, title="gloss keys: comparing two coders"))

    def action_close(self) -> None:
        """Back to the reader (changes already made are saved)."""
        self.dismiss(None)


def coders_of(annotations: list[Annotation]) -> list[str]:
    """The coders of these annotations, by name."""
    return sorted({a.author for a in annotations}, key=lambda coder: (coder.casefold(), coder))


def ask_for_coders(
    screen: Screen[None], store: Store, then: Callable[[tuple[str, str]], None]
) -> None:
    """Ask which two of the database's coders to compare, then call ``then`` with them."""
    from tui.screens.chooser import InterviewChooser

    def found(coders: list[str]) -> None:
        if len(coders) < 2:
            screen.notify(
                "Comparing needs two coders; this database has "
                + (f"only {coders[0]}'s codings." if coders else "no codings yet."),
                severity="warning",
                timeout=4,
                markup=False,
            )
            return

        def chosen(pair: tuple[int, int] | None) -> None:
            if pair is not None:
                then((coders[pair[0]], coders[pair[1]]))

        screen.app.push_screen(
            InterviewChooser(coders, (0, 1), title="Compare which two coders?", noun="coders"),
            chosen,
        )

    def read() -> None:
        try:
            coders = coders_of(store.annotations())
        except StoreError as error:
            screen.app.call_from_thread(
                partial(screen.notify, str(error), severity="error", markup=False)
            )
            return
        screen.app.call_from_thread(found, coders)

    screen.run_worker(read, thread=True, exclusive=True, group="compare-coders")
