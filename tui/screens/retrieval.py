"""The retrieval screen (``R``): pick a code, read every passage of it and its sub-codes.

Codes are listed as a tree with the passages each holds (rolled up to parents); enter
lists that code's passages across every interview in the database, each with its
interview, question, coder and note; ``c`` shows one coder's at a time; enter on a
passage opens it in the reader (loading its interview if it is not shown).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from store.errors import StoreError
from store.findings import InterviewTexts, count_codes, retrieve
from tui.keys import RETRIEVAL
from tui.screens.findings_base import FindingsScreen, show_passages
from tui.session.findings import PassageList, code_label
from tui.text import plain
from tui.widgets.key_footer import KeyFooter
from tui.wording import counted

if TYPE_CHECKING:
    from store import Store


class RetrievalScreen(FindingsScreen):
    """Every passage of a code and its sub-codes, across interviews."""

    BINDINGS: ClassVar[list[BindingType]] = list(RETRIEVAL)
    AUTO_FOCUS = "#codes"

    def __init__(self, store: Store, texts: InterviewTexts) -> None:
        super().__init__()
        self.store = store
        self.texts = texts
        self.view: PassageList | None = None
        """The passages of the code picked; None while the codes are listed."""

    def compose(self) -> ComposeResult:
        yield Static(id="findings-title")
        yield OptionList(id="codes")
        yield OptionList(id="passages")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#passages").display = False
        self.set_title("reading the codes…")
        self._load_codes()

    @work(thread=True, exclusive=True, group="findings")
    def _load_codes(self) -> None:
        try:
            rows = count_codes(self.store.annotations()).rows
        except StoreError as error:
            self.app.call_from_thread(self.set_title, str(error))
            return
        self.app.call_from_thread(self._show_codes, [(r.code, r.total.passages) for r in rows])

    def _show_codes(self, codes: list[tuple[str, int]]) -> None:
        options = self.query_one("#codes", OptionList)
        options.clear_options()
        if not codes:
            self.set_title("no codes yet: tag passages first · q closes")
            return
        width = max(len(code_label(code)) for code, _ in codes)
        options.add_options(
            Option(plain(f"{code_label(code).ljust(width)}  {count:>5}"), id=code)
            for code, count in codes
        )
        options.highlighted = 0
        self.set_title(
            f"pick a code ({counted(len(codes), 'code')}; passages with the codes below "
            "each) · enter lists its passages"
        )

    @on(OptionList.OptionSelected, "#codes")
    def _code_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.set_title(f"retrieving {event.option.id}…")
            self._retrieve(event.option.id)

    @work(thread=True, exclusive=True, group="findings")
    def _retrieve(self, code: str) -> None:
        try:
            found = retrieve(self.store, code, texts=self.texts)
        except StoreError as error:
            self.app.call_from_thread(self.set_title, str(error))
            return
        self.app.call_from_thread(self._show_passages, PassageList(code, found))

    def _show_passages(self, view: PassageList) -> None:
        self.view = view
        self._draw()
        self.query_one("#codes").display = False
        passages = self.query_one("#passages", OptionList)
        passages.display = True
        passages.focus()

    def _draw(self) -> None:
        assert self.view is not None
        show_passages(self.query_one("#passages", OptionList), self.view.shown())
        self.set_title(self.view.title())

    @on(OptionList.OptionSelected, "#passages")
    def _passage_chosen(self, event: OptionList.OptionSelected) -> None:
        if self.view is not None and event.option.id is not None:
            self.dismiss(self.view.shown()[int(event.option.id)])

    def action_next_coder(self) -> None:
        """Everyone's passages, then each coder's in turn."""
        if self.view is not None:
            self.view.next_coder()
            self._draw()

    def action_back(self) -> None:
        """From the passages back to the codes; from the codes back to the reader."""
        if self.view is None:
            self.dismiss(None)
            return
        self.view = None
        self.query_one("#passages").display = False
        codes = self.query_one("#codes", OptionList)
        codes.display = True
        codes.focus()
        self.set_title("pick a code · enter lists its passages")
