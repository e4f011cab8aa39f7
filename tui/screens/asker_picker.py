"""``I``: who asks in this interview: one of its speakers, or as the text decides.

The choice is remembered per interview (``tui.interviewers``), and the interview is
outlined again in place: its readers show it anew, the cursor where it was.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from corpus import Interview
from tui.interviewers import as_the_text_says, remember, with_interviewers
from tui.screens.dialog import Dialog
from tui.text import plain

if TYPE_CHECKING:
    from tui.screens.main import MainScreen

BY_THE_TEXT = "(as the text says)"


class AskerPicker(Dialog[tuple[str, ...] | None]):
    """Pick the interviewer: ``(name,)``, ``()`` for the text's own choice, None on escape."""

    DEFAULT_CSS = """
    AskerPicker OptionList {
        height: auto;
        max-height: 16;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="asker.cancel"),
    ]

    def __init__(self, title: str, speakers: Sequence[str], askers: Sequence[str]) -> None:
        super().__init__()
        self._title = title
        self._speakers = list(speakers)
        self._askers = set(askers)

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(plain(f"Who asks in {self._title}?"), id="title")
            yield OptionList(
                Option(plain(BY_THE_TEXT)),
                *(
                    Option(plain(name + ("  (asks now)" if name in self._askers else "")))
                    for name in self._speakers
                ),
            )
            yield Static(plain("↑/↓ choose · enter set · esc keep"), id="hint")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        index = event.option_index
        self.dismiss(() if index == 0 else (self._speakers[index - 1],))

    def action_cancel(self) -> None:
        self.dismiss(None)


def ask_who_asks(main: MainScreen) -> None:
    """Open the picker over the active reader's interview and apply the choice."""
    interview = main.reader.interview
    outline = interview.outline
    if not outline.speakers:
        main.status.update_status(message="no speaker labels in this interview")
        return

    def chosen(names: tuple[str, ...] | None) -> None:
        if names is not None:
            _set_interviewer(main, interview, names)

    main.app.push_screen(AskerPicker(interview.title, outline.speakers, outline.askers), chosen)


def _set_interviewer(main: MainScreen, interview: Interview, names: tuple[str, ...]) -> None:
    try:
        remember(interview.id, names)
    except OSError as error:
        main.notify(plain(f"cannot remember who asks: {error}"), severity="warning")
    index = [i.id for i in main.interviews].index(interview.id)
    reoutlined = with_interviewers([interview], names)[0] if names else as_the_text_says(interview)
    main.session.interviews[index] = reoutlined
    main.pending_jump = (interview.id, main.reader.navigator.inside(main.reader.caret))
    main.show_pair(*main.session.shown_indices())
    who = ", ".join(names) if names else "as the text says"
    main.status.update_status(message=f"asking: {who}")
