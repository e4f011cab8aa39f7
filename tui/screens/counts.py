"""The counts screen (``#``): a code x interview matrix of passages and characters coded.

Each cell is ``passages/characters`` for the code and the codes below it (parent codes
roll up their subtree; :mod:`store.findings.counts`); ``b`` switches the columns between
interviews and coders.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import DataTable, Static

from store.errors import StoreError
from tui.keys import COUNTS
from tui.screens.findings_base import FindingsScreen
from tui.session.findings import CountsView, cell_text, code_label
from tui.text import plain
from tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from store import Store


class CountsScreen(FindingsScreen):
    """Passages and characters coded per code and interview (or coder)."""

    BINDINGS: ClassVar[list[BindingType]] = list(COUNTS)
    AUTO_FOCUS = "#counts"

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.view: CountsView | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="findings-title")
        yield DataTable(id="counts", cursor_type="cell", zebra_stripes=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.set_title("counting…")
        self._count()

    @work(thread=True, exclusive=True, group="findings")
    def _count(self) -> None:
        try:
            view = CountsView(self.store.annotations())
            view.table()
        except StoreError as error:
            self.app.call_from_thread(self.set_title, str(error))
            return
        self.app.call_from_thread(self._show, view)

    def _show(self, view: CountsView) -> None:
        self.view = view
        self._draw()

    def _draw(self) -> None:
        assert self.view is not None
        table = self.view.table()
        grid = self.query_one("#counts", DataTable)
        grid.clear(columns=True)
        if not table.rows:
            self.set_title("no codes yet: tag passages first · q closes")
            return
        grid.fixed_columns = 1
        grid.add_column(plain("code"), key="code")
        grid.add_column(plain("total"), key="total")
        for column in table.columns:
            grid.add_column(plain(column), key=f"column:{column}")
        for row in table.rows:
            grid.add_row(
                plain(code_label(row.code), "" if row.used else "italic"),
                plain(cell_text(row.total), "bold"),
                *(plain(cell_text(c)) for c in row.cells),
                key=row.code,
            )
        self.set_title(self.view.title())

    def action_toggle_by(self) -> None:
        """Columns by interview, or by coder."""
        if self.view is not None:
            self.view.toggle()
            self._draw()
