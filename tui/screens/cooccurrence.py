"""The co-occurrence screen (``X``): which codes meet, and the passages where they do.

A matrix of codes (:mod:`store.findings.cooccurrence`): each cell counts the pairs of
overlapping passages of its two codes, or with ``s`` the questions both codes have a
passage in; ``c`` shows one coder's codings at a time. Enter on a cell lists the
passages behind it below the matrix; enter on one of them opens it in the reader.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import DataTable, OptionList, Static

from store.errors import StoreError
from store.findings import InterviewTexts, RetrievedPassage
from tui.keys import COOCCURRENCE
from tui.screens.findings_base import FindingsScreen, show_passages
from tui.session.findings import CooccurrenceView
from tui.text import plain
from tui.widgets.key_footer import KeyFooter
from tui.wording import counted

if TYPE_CHECKING:
    from store import Store


class CooccurrenceScreen(FindingsScreen):
    """The co-occurrence matrix and the passages behind a cell."""

    BINDINGS: ClassVar[list[BindingType]] = list(COOCCURRENCE)
    AUTO_FOCUS = "#matrix"

    def __init__(self, store: Store, texts: InterviewTexts) -> None:
        super().__init__()
        self.store = store
        self.texts = texts
        self.view: CooccurrenceView | None = None
        self.passages: list[RetrievedPassage] = []
        """The passages listed under the matrix (behind the cell chosen)."""

    def compose(self) -> ComposeResult:
        yield Static(id="findings-title")
        yield DataTable(id="matrix", cursor_type="cell")
        yield OptionList(id="behind")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#behind").display = False
        self.set_title("finding the codes that meet…")
        self._compute(None)

    @work(thread=True, exclusive=True, group="findings")
    def _compute(self, view: CooccurrenceView | None) -> None:
        """Read the annotations (first time) and work out the matrix, off the UI thread."""
        try:
            if view is None:
                view = CooccurrenceView(self.store.annotations(), self.texts)
            view.matrix()
        except StoreError as error:
            self.app.call_from_thread(self.set_title, str(error))
            return
        self.app.call_from_thread(self._show, view)

    def _show(self, view: CooccurrenceView) -> None:
        self.view = view
        matrix = view.matrix()
        grid = self.query_one("#matrix", DataTable)
        grid.clear(columns=True)
        self._hide_behind()
        if not matrix.codes:
            self.set_title("no codes yet: tag passages first · q closes")
            return
        grid.fixed_columns = 1
        grid.add_column(plain("code"), key="code")
        for number, code in enumerate(matrix.codes, start=1):
            grid.add_column(plain(str(number)), key=code)
        for number, a in enumerate(matrix.codes, start=1):
            cells = [
                plain("·" if a == b else str(matrix.count(a, b) or ""), "bold")
                for b in matrix.codes
            ]
            grid.add_row(plain(f"{number:>2} {a}"), *cells, key=a)
        grid.focus()
        self.set_title(f"{view.title()} · enter on a cell lists its passages")

    @on(DataTable.CellSelected, "#matrix")
    def _cell_chosen(self, event: DataTable.CellSelected) -> None:
        if self.view is None:
            return
        a, b = event.cell_key.row_key.value, event.cell_key.column_key.value
        if a is None or b is None or b == "code":
            return
        pairs = self.view.behind(a, b)
        if not pairs:
            self.notify(plain(f"{a} and {b} do not meet"), timeout=3)
            return
        self.passages = [first for first, _ in pairs]
        behind = self.query_one("#behind", OptionList)
        show_passages(behind, self.passages, [second for _, second in pairs])
        behind.border_title = plain(f"{a} × {b}: {counted(len(pairs), 'meeting')}")
        behind.display = True
        behind.focus()

    @on(OptionList.OptionSelected, "#behind")
    def _passage_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.dismiss(self.passages[int(event.option.id)])

    def _hide_behind(self) -> None:
        self.passages = []
        self.query_one("#behind").display = False

    def action_next_scope(self) -> None:
        """Overlapping passages, or a shared question."""
        if self.view is not None:
            self.view.next_scope()
            self.set_title("finding the codes that meet…")
            self._compute(self.view)

    def action_next_coder(self) -> None:
        """Everyone's codings, then each coder's in turn."""
        if self.view is not None:
            self.view.next_coder()
            self._compute(self.view)

    def action_back(self) -> None:
        """From the passages back to the matrix; from the matrix back to the reader."""
        if self.query_one("#behind").display:
            self._hide_behind()
            self.query_one("#matrix").focus()
            return
        self.dismiss(None)
