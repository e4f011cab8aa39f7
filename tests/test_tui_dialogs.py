"""The reader's dialogs, each driven by keys in a tiny host app, as a user would."""

from __future__ import annotations

from typing import Any

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static, TextArea

from tui.screens.confirm import Confirm
from tui.screens.help import HelpEntry, HelpScreen, help_entries
from tui.screens.note_editor import NoteEditor

NO_RESULT = object()


class Host(App[None]):
    """Pushes one dialog on mount and keeps what it dismissed with."""

    def __init__(self, dialog: ModalScreen[Any]) -> None:
        super().__init__()
        self.dialog = dialog
        self.result: object = NO_RESULT

    def compose(self) -> ComposeResult:
        yield Static("host")

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self._done)

    def _done(self, result: object) -> None:
        self.result = result


def screen_text(app: App[Any]) -> str:
    """All the text the current screen shows, as plain strings."""
    parts = []
    for widget in app.screen.query(Static):
        parts.append(str(widget.render()))
    return "\n".join(parts)


# Confirm ---------------------------------------------------------------------------------


async def test_confirm_y_answers_yes() -> None:
    app = Host(Confirm("Delete it?"))
    async with app.run_test() as pilot:
        await pilot.press("y")
    assert app.result is True


async def test_confirm_n_and_escape_answer_no() -> None:
    for key in ("n", "escape"):
        app = Host(Confirm("Delete it?"))
        async with app.run_test() as pilot:
            await pilot.press(key)
        assert app.result is False, key


async def test_confirm_enter_on_default_button_is_the_safe_answer() -> None:
    app = Host(Confirm("Discard?"))
    async with app.run_test() as pilot:
        await pilot.press("enter")
    assert app.result is False


async def test_confirm_shows_question_literally() -> None:
    app = Host(Confirm("Delete [bold]x[/bold]?\x1b[2J"))
    async with app.run_test() as pilot:
        await pilot.pause()
        assert "Delete [bold]x[/bold]?" in screen_text(app)
        assert "\x1b" not in screen_text(app)


# Help ------------------------------------------------------------------------------------


async def test_help_lists_every_binding_and_closes_on_escape_q_and_question_mark() -> None:
    bindings = [
        Binding("j,down", "next_sentence", "Next sentence"),
        Binding("t", "tag", "Tag selection"),
        Binding("ctrl+x", "internal", "", show=False),
    ]
    entries = [*help_entries(bindings, "Reader"), HelpEntry("q", "Quit", "App")]
    assert [(e.keys, e.description) for e in entries[:2]] == [
        ("j / down", "Next sentence"),
        ("t", "Tag selection"),
    ]
    for key in ("escape", "q", "question_mark"):
        app = Host(HelpScreen(entries))
        async with app.run_test() as pilot:
            table = app.screen.query_one(DataTable)
            assert table.row_count == 3
            rows = [[str(cell) for cell in table.get_row_at(n)] for n in range(3)]
            assert ["t", "Tag selection", "Reader"] in rows
            assert ["q", "Quit", "App"] in rows
            await pilot.press(key)
        assert app.result is None, key


async def test_help_scrolls_a_long_table_in_a_small_terminal() -> None:
    entries = [HelpEntry(f"k{n}", f"Action {n}", "Many") for n in range(60)]
    app = Host(HelpScreen(entries))
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.screen.query_one(DataTable)
        await pilot.press("ctrl+end")
        await pilot.pause()
        assert table.cursor_row == 59
        assert table.scroll_y > 0


async def test_help_uses_the_apps_key_display() -> None:
    app = Host(HelpScreen([]))
    async with app.run_test():
        entries = help_entries(
            [Binding("question_mark", "help", "Help")], "App", app.get_key_display
        )
    assert entries == [HelpEntry("?", "Help", "App")]


# Note editor -----------------------------------------------------------------------------


async def test_note_editor_ctrl_s_saves_the_edited_text() -> None:
    app = Host(NoteEditor("first line", quote="The passage."))
    async with app.run_test() as pilot:
        await pilot.press("enter", *"second", "ctrl+s")
    assert app.result == "first line\nsecond"


async def test_note_editor_escape_without_changes_cancels_at_once() -> None:
    app = Host(NoteEditor("unchanged"))
    async with app.run_test() as pilot:
        await pilot.press("escape")
        assert not isinstance(app.screen, ModalScreen)
    assert app.result is None


async def test_note_editor_escape_after_typing_asks_and_can_keep_editing() -> None:
    app = Host(NoteEditor(""))
    async with app.run_test() as pilot:
        await pilot.press(*"draft", "escape")
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")  # keep editing
        assert isinstance(app.screen, NoteEditor)
        assert app.result is NO_RESULT
        await pilot.press(*" more", "ctrl+s")
    assert app.result == "draft more"


async def test_note_editor_escape_after_typing_can_discard() -> None:
    app = Host(NoteEditor("old"))
    async with app.run_test() as pilot:
        await pilot.press("x", "escape", "y")
    assert app.result is None


async def test_note_editor_shows_quote_and_note_literally() -> None:
    app = Host(NoteEditor("[b]note\x1b[31m[/b]", quote="[red]quoted[/red] \x1b]0;t\x07text"))
    async with app.run_test() as pilot:
        await pilot.pause()
        assert "[red]quoted[/red] text" in screen_text(app)
        editor = app.screen.query_one(TextArea)
        assert editor.text == "[b]note[/b]"
