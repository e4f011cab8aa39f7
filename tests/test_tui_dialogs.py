"""The reader's dialogs, each driven by keys in a tiny host app, as a user would."""

from __future__ import annotations

import csv
import json
import os
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import (
    Checkbox,
    DataTable,
    Input,
    OptionList,
    ProgressBar,
    RadioButton,
    RadioSet,
    Static,
    TextArea,
)

from corpus import Interview, interview_from_text
from store import Annotation, AnnotationStore, TagInfo
from tests.conftest import screen_lines, screen_text, wait_until
from tui.screens.chooser import InterviewChooser
from tui.screens.confirm import Confirm
from tui.screens.export_dialog import ExportDialog
from tui.screens.help import HelpEntry, HelpScreen, help_entries
from tui.screens.note_editor import NoteEditor
from tui.screens.tag_picker import TagPicker, rank_tags

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
        await wait_until(
            pilot,
            lambda: "Delete [bold]x[/bold]?" in screen_text(app),
            what="'Delete [bold]x[/bold]?' in screen_text(app)",
        )
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
            rows = [[str(cell) for cell in table.get_row_at(n)] for n in range(table.row_count)]
            assert rows == [  # each group under its heading
                ["Reader", ""],
                ["j / down", "Next sentence"],
                ["t", "Tag selection"],
                ["App", ""],
                ["q", "Quit"],
            ]
            await pilot.press(key)
        assert app.result is None, key


async def test_help_scrolls_a_long_table_in_a_small_terminal() -> None:
    entries = [HelpEntry(f"k{n}", f"Action {n}", "Many") for n in range(60)]
    app = Host(HelpScreen(entries))
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.screen.query_one(DataTable)
        await pilot.press("ctrl+end")
        await wait_until(pilot, lambda: table.cursor_row == 60, what="table.cursor_row == 60")
        assert table.scroll_y > 0


async def test_help_uses_the_apps_key_display() -> None:
    app = Host(HelpScreen([]))
    async with app.run_test():
        entries = help_entries(
            [Binding("question_mark", "help", "Help")], "App", app.get_key_display
        )
    assert entries == [HelpEntry("?", "Help", "App")]


def test_help_folds_numbered_keys_into_one_row() -> None:
    numbered = [Binding(str(n), f"quick({n})", f"Apply recent tag {n}") for n in range(1, 10)]
    bindings = [Binding("t", "tag", "Tag"), *numbered, Binding("a", "note", "Note")]
    assert help_entries(bindings, "A") == [
        HelpEntry("t", "Tag", "A"),
        HelpEntry("1–9", "Apply recent tag N", "A"),
        HelpEntry("a", "Note", "A"),
    ]


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
        await wait_until(
            pilot,
            lambda: "[red]quoted[/red] text" in screen_text(app),
            what="'[red]quoted[/red] text' in screen_text(app)",
        )
        editor = app.screen.query_one(TextArea)
        assert editor.text == "[b]note[/b]"


# Tag picker ------------------------------------------------------------------------------

CODEBOOK = [
    ("policy/tax-relief", 5),
    ("policy/subsidy", 2),
    ("economy/growth", 9),
    ("emotion/confidence", 1),
    ("smes", 3),
]


def picker_rows(app: App[Any]) -> list[str]:
    option_list = app.screen.query_one(OptionList)
    return [str(option_list.get_option_at_index(n).prompt) for n in range(option_list.option_count)]


def highlighted(app: App[Any]) -> str:
    option_list = app.screen.query_one(OptionList)
    assert option_list.highlighted is not None
    return str(option_list.get_option_at_index(option_list.highlighted).prompt)


async def test_picker_shows_recent_tags_first_when_nothing_is_typed() -> None:
    app = Host(TagPicker(CODEBOOK, recent=["smes", "emotion/confidence"]))
    async with app.run_test() as pilot:
        await pilot.pause()
        rows = picker_rows(app)
        assert [row.split()[1] for row in rows[:3]] == [
            "smes",
            "emotion/confidence",
            "economy/growth",  # then the codebook, most used first
        ]
        assert "recent" in rows[0]
        await pilot.press("enter")
    assert app.result == ["smes"]


async def test_picker_filters_as_you_type_and_enter_applies_the_best_match() -> None:
    app = Host(TagPicker(CODEBOOK))
    async with app.run_test() as pilot:
        await pilot.press(*"tax")
        assert "policy/tax-relief" in highlighted(app)
        assert not any("economy/growth" in row for row in picker_rows(app))
        await pilot.press("enter")
    assert app.result == ["policy/tax-relief"]


async def test_picker_finds_letters_in_order_and_typos() -> None:
    assert rank_tags("plcysub", CODEBOOK)[0] == "policy/subsidy"
    assert rank_tags("ecnomy", CODEBOOK)[0] == "economy/growth"
    assert rank_tags("zzzz", CODEBOOK) == []


async def test_picker_up_down_move_the_highlight() -> None:
    app = Host(TagPicker(CODEBOOK))
    async with app.run_test() as pilot:
        await pilot.press(*"policy/")
        assert "create" not in " ".join(picker_rows(app))
        first = highlighted(app)
        await pilot.press("down")
        second = highlighted(app)
        assert first != second
        await pilot.press("up", "up")  # stops at the top
        assert highlighted(app) == first
        await pilot.press("down", "enter")
    assert app.result is not None
    assert app.result[0] in second


async def test_picker_creates_a_new_tag_when_nothing_matches() -> None:
    app = Host(TagPicker(CODEBOOK))
    async with app.run_test() as pilot:
        await pilot.press(*"  trust / in  gov ")
        rows = picker_rows(app)
        assert rows == ["  + create 'trust/in gov'"]
        await pilot.press("enter")
    assert app.result == ["trust/in gov"]


async def test_picker_offers_create_first_but_keeps_a_good_match_highlighted() -> None:
    app = Host(TagPicker(CODEBOOK))
    async with app.run_test() as pilot:
        await pilot.press(*"policy")
        rows = picker_rows(app)
        assert "create 'policy'" in rows[0]
        assert "policy/" in highlighted(app)
        await pilot.press("up", "enter")
    assert app.result == ["policy"]


async def test_picker_marks_several_tags_and_applies_them_all() -> None:
    app = Host(TagPicker(CODEBOOK))
    async with app.run_test() as pilot:
        await pilot.press(*"growth", "tab")
        assert highlighted(app).startswith("✓")
        await pilot.press(*["backspace"] * 6, *"subsidy", "tab")
        assert "economy/growth, policy/subsidy" in screen_text(app)
        await pilot.press(*["backspace"] * 7, *"smes", "enter")
    assert app.result == ["economy/growth", "policy/subsidy", "smes"]


async def test_picker_tab_again_unmarks() -> None:
    app = Host(TagPicker(CODEBOOK))
    async with app.run_test() as pilot:
        await pilot.press(*"smes", "tab", "tab")
        assert not highlighted(app).startswith("✓")
        await pilot.press(*["backspace"] * 4, *"growth", "enter")
    assert app.result == ["economy/growth"]


async def test_picker_refuses_a_bad_name_with_an_inline_message() -> None:
    app = Host(TagPicker([]))
    async with app.run_test() as pilot:
        await pilot.press(*"a//b")
        assert "empty segment" in screen_text(app)
        await pilot.press("enter")
        assert isinstance(app.screen, TagPicker)  # still open
        assert picker_rows(app) == []
        await pilot.press("backspace", "backspace", "backspace", "enter")
    assert app.result == ["a"]


async def test_picker_complains_about_a_trailing_slash_only_on_enter() -> None:
    app = Host(TagPicker([]))
    async with app.run_test() as pilot:
        await pilot.press(*"policy/")
        assert "empty segment" not in screen_text(app)
        await pilot.press("enter")
        assert isinstance(app.screen, TagPicker)
        assert "empty segment" in screen_text(app)


async def test_picker_enter_with_nothing_typed_and_no_tags_asks_for_a_name() -> None:
    app = Host(TagPicker([]))
    async with app.run_test() as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, TagPicker)
        assert "type a tag name" in screen_text(app)
        await pilot.press("escape")
    assert app.result is None


async def test_picker_escape_cancels() -> None:
    app = Host(TagPicker(CODEBOOK, recent=["smes"]))
    async with app.run_test() as pilot:
        await pilot.press(*"pol", "tab", "escape")
    assert app.result is None


async def test_picker_shows_tag_names_literally() -> None:
    app = Host(TagPicker([("[bold]loud[/bold]", 1)]))
    async with app.run_test() as pilot:
        await wait_until(
            pilot,
            lambda: "[bold]loud[/bold]" in picker_rows(app)[0],
            what="'[bold]loud[/bold]' in picker_rows(app)[0]",
        )


# Export ----------------------------------------------------------------------------------

NOW = datetime(2026, 3, 4, 5, 6)


@pytest.fixture
def exported(tmp_path: Path) -> tuple[list[Annotation], dict[str, Interview]]:
    """Real annotations in a real database, with ``=`` formula bait in their notes."""
    interview = interview_from_text("talk", "Growth returned. Firms were helped. Then it rained.")
    with AnnotationStore.open(tmp_path / "db.json") as store:
        for n, sentence in enumerate(interview.sentences):
            store.add(
                interview, sentence.start, sentence.end, tags=[f"t{n}"], note="=1+1", author="ann"
            )
        annotations = store.annotations()
    return annotations, {interview.id: interview}


async def test_export_default_path_follows_the_format(
    tmp_path: Path, exported: tuple[list[Annotation], dict[str, Interview]]
) -> None:
    annotations, interviews = exported
    dialog = ExportDialog(annotations, interviews, now=NOW)
    app = Host(dialog)
    async with app.run_test(size=(100, 30)) as pilot:
        path = app.screen.query_one("#path", Input)
        assert path.value == "~/gloss-export-20260304-0506.csv"
        app.screen.query_one("#format-jsonl", RadioButton).value = True
        await wait_until(
            pilot,
            lambda: path.value == "~/gloss-export-20260304-0506.jsonl",
            what="path.value == '~/gloss-export-20260304-0506.jsonl'",
        )
        assert app.screen.query_one("#excel", Checkbox).disabled
        await pilot.press("escape")
    assert app.result is None


async def test_export_enter_writes_the_file_and_returns_its_path(
    tmp_path: Path, exported: tuple[list[Annotation], dict[str, Interview]]
) -> None:
    annotations, interviews = exported
    app = Host(ExportDialog(annotations, interviews, directory=tmp_path, now=NOW, linger=0))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.result is not NO_RESULT)
    target = tmp_path / "gloss-export-20260304-0506.csv"
    assert app.result == target
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["quote"] for row in rows] == [a.exact for a in annotations]
    assert {row["note"] for row in rows} == {"'=1+1"}  # formulas neutralised by default
    assert not list(tmp_path.glob("*.part"))  # no temporary file left behind


async def test_export_as_w3c_json_ld_chosen_by_keys(
    tmp_path: Path, exported: tuple[list[Annotation], dict[str, Interview]]
) -> None:
    """The last format, reached from the path with shift+tab and arrows, writes .jsonld."""
    annotations, interviews = exported
    app = Host(ExportDialog(annotations, interviews, directory=tmp_path, now=NOW, linger=0))
    async with app.run_test(size=(100, 30)) as pilot:
        assert "W3C JSON-LD" in str(app.screen.query_one("#format-w3c", RadioButton).label)
        await pilot.press("shift+tab", "right", "right", "right", "enter")
        await pilot.pause()
        path = app.screen.query_one("#path", Input)
        assert path.value == str(tmp_path / "gloss-export-20260304-0506.jsonld")
        await pilot.press("tab", "enter")
        await wait_until(pilot, lambda: app.result is not NO_RESULT)
    target = tmp_path / "gloss-export-20260304-0506.jsonld"
    assert app.result == target
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["type"] == "AnnotationCollection"
    items = document["first"]["items"]
    assert [item["target"]["selector"][0]["exact"] for item in items] == [
        a.exact for a in annotations
    ]
    assert {body["value"] for item in items for body in item["body"]} >= {"t0", "=1+1"}


async def test_export_as_a_refi_qda_project_chosen_by_keys(
    tmp_path: Path, exported: tuple[list[Annotation], dict[str, Interview]]
) -> None:
    """REFI-QDA, the last format: a .qdpx zip whose selections quote the annotations and
    whose codebook holds the database's tags (an unused one too)."""
    annotations, interviews = exported
    codebook = [TagInfo("t0", "First sentence", "#ff0000", 1), TagInfo("spare", None, None, 0)]
    dialog = ExportDialog(
        annotations, interviews, codebook=codebook, directory=tmp_path, now=NOW, linger=30
    )
    app = Host(dialog)
    async with app.run_test(size=(100, 30)) as pilot:
        assert "REFI-QDA" in str(app.screen.query_one("#format-qdpx", RadioButton).label)
        await pilot.press("shift+tab", "right", "right", "right", "right", "enter")
        await pilot.pause()
        await pilot.press("tab", "enter")
        await wait_until(pilot, lambda: "Wrote" in screen_text(app))
        assert f"Wrote {len(annotations)} annotations to" in screen_text(app)
    target = tmp_path / "gloss-export-20260304-0506.qdpx"
    package = zipfile.ZipFile(target)
    root = ElementTree.fromstring(package.read("project.qde"))
    ns = {"q": "urn:QDA-XML:project:1.0"}
    (member,) = [name for name in package.namelist() if name.startswith("Sources/")]
    text = package.read(member).decode("utf-8")
    quotes = [
        text[int(s.get("startPosition", 0)) : int(s.get("endPosition", 0))]
        for s in root.iterfind(".//q:PlainTextSelection", ns)
    ]
    assert quotes == [a.exact for a in annotations]
    codes = {c.get("name"): c.get("color") for c in root.iterfind(".//q:Code", ns)}
    assert codes == {"spare": None, "t0": "#ff0000", "t1": None, "t2": None}
    assert not list(tmp_path.glob("*.part"))


async def test_export_file_gets_ordinary_permissions(
    tmp_path: Path, exported: tuple[list[Annotation], dict[str, Interview]]
) -> None:
    annotations, interviews = exported
    previous = os.umask(0o022)
    try:
        app = Host(ExportDialog(annotations, interviews, directory=tmp_path, now=NOW, linger=0))
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("enter")
            await wait_until(pilot, lambda: app.result is not NO_RESULT)
    finally:
        os.umask(previous)
    target = tmp_path / "gloss-export-20260304-0506.csv"
    assert target.stat().st_mode & 0o777 == 0o644  # not private like a temporary file


async def test_export_options_reach_the_file(
    tmp_path: Path, exported: tuple[list[Annotation], dict[str, Interview]]
) -> None:
    annotations, interviews = exported
    app = Host(ExportDialog(annotations, interviews, directory=tmp_path, now=NOW, linger=0))
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.query_one("#excel", Checkbox).value = True
        app.screen.query_one("#neutralise", Checkbox).value = False
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.result is not NO_RESULT)
    data = (tmp_path / "gloss-export-20260304-0506.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert b",=1+1," in data


async def test_export_shows_the_path_written_and_a_full_progress_bar(
    tmp_path: Path, exported: tuple[list[Annotation], dict[str, Interview]]
) -> None:
    annotations, interviews = exported
    app = Host(ExportDialog(annotations, interviews, directory=tmp_path, now=NOW, linger=30))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await wait_until(pilot, lambda: "Wrote" in screen_text(app))
        lines = screen_lines(app)
        assert f"Wrote {len(annotations)} annotations to" in "\n".join(lines)
        written = tmp_path / "gloss-export-20260304-0506.csv"
        # The path wraps inside the dialog: read it across its lines, as the user does.
        assert str(written) in "".join(line.strip(" █") for line in lines)
        bar = app.screen.query_one(ProgressBar)
        assert bar.percentage == 1.0


async def test_export_closes_by_itself_after_showing_the_path(
    tmp_path: Path, exported: tuple[list[Annotation], dict[str, Interview]]
) -> None:
    annotations, interviews = exported
    app = Host(ExportDialog(annotations, interviews, directory=tmp_path, now=NOW, linger=0.05))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.result is not NO_RESULT)
        assert not isinstance(app.screen, ExportDialog)
    assert app.result == tmp_path / "gloss-export-20260304-0506.csv"


async def test_export_to_a_missing_folder_is_one_line_and_the_dialog_stays(
    tmp_path: Path, exported: tuple[list[Annotation], dict[str, Interview]]
) -> None:
    annotations, interviews = exported
    app = Host(ExportDialog(annotations, interviews, directory=tmp_path / "nope", now=NOW))
    async with app.run_test(size=(100, 30)) as pilot:
        # The dialog is pushed on mount and focuses its path once mounted: wait for that.
        await wait_until(pilot, lambda: isinstance(app.focused, Input), what="the path focused")
        await pilot.press("enter")
        await wait_until(pilot, lambda: "no such folder" in screen_text(app), what="the error")
        assert isinstance(app.screen, ExportDialog)
        # Fixing the path and pressing enter again works.
        path = app.screen.query_one("#path", Input)
        path.value = str(tmp_path / "out.json")
        app.screen.query_one("#format-json", RadioButton).value = True
        formats = app.screen.query_one("#format", RadioSet)
        await wait_until(
            pilot,
            lambda: (
                formats.pressed_button is not None and formats.pressed_button.id == "format-json"
            ),
            what="JSON chosen",
        )
        await pilot.press("enter")
        await wait_until(pilot, lambda: "Wrote" in screen_text(app))
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))


@pytest.mark.skipif(not Path("/sys").is_dir(), reason="needs a read-only /sys (Linux)")
async def test_export_to_an_unwritable_folder_is_one_line_and_can_be_retried(
    tmp_path: Path, exported: tuple[list[Annotation], dict[str, Interview]]
) -> None:
    # /sys refuses new files even to root, unlike a chmod-ed folder.
    annotations, interviews = exported
    app = Host(ExportDialog(annotations, interviews, directory=Path("/sys"), now=NOW))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await wait_until(pilot, lambda: "cannot write" in screen_text(app))
        assert isinstance(app.screen, ExportDialog)
        status = str(app.screen.query_one("#status", Static).render())
        assert "\n" not in status
        path = app.screen.query_one("#path", Input)
        assert not path.disabled
        path.value = str(tmp_path / "ok.csv")
        await pilot.press("enter")
        await wait_until(pilot, lambda: "Wrote" in screen_text(app))
    assert (tmp_path / "ok.csv").exists()


def _too_long(tmp_path: Path) -> Path:
    return tmp_path / ("x" * 300 + ".csv")


def _through_a_file(tmp_path: Path) -> Path:
    # A path *through* a file ("file.txt/out.csv") fails for root too.
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    return blocker / "out.csv"


@pytest.mark.parametrize(
    ("bad_path", "said"),
    [(_too_long, "cannot be used"), (_through_a_file, "no such folder")],
)
async def test_export_to_an_impossible_path_is_one_line_and_the_dialog_stays(
    tmp_path: Path,
    exported: tuple[list[Annotation], dict[str, Interview]],
    bad_path: Callable[[Path], Path],
    said: str,
) -> None:
    annotations, interviews = exported
    app = Host(ExportDialog(annotations, interviews, now=NOW))
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.query_one("#path", Input).value = str(bad_path(tmp_path))
        await pilot.press("enter")
        await wait_until(
            pilot,
            lambda: isinstance(app.screen, ExportDialog),
            what="isinstance(app.screen, ExportDialog)",
        )
        assert said in screen_text(app)


async def test_export_asks_before_replacing_an_existing_file(
    tmp_path: Path, exported: tuple[list[Annotation], dict[str, Interview]]
) -> None:
    target = tmp_path / "gloss-export-20260304-0506.csv"
    target.write_text("precious")
    annotations, interviews = exported
    app = Host(ExportDialog(annotations, interviews, directory=tmp_path, now=NOW, linger=0))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")
        assert target.read_text() == "precious"
        await pilot.press("enter", "y")
        await wait_until(pilot, lambda: app.result is not NO_RESULT)
    assert app.result == target
    assert "Firms were helped." in target.read_text(encoding="utf-8")


# Interview chooser -----------------------------------------------------------------------

TITLES = ["Jin interview", "Li [bold]interview[/bold]", "Third one"]


async def test_chooser_starts_on_the_current_pair_and_enter_keeps_it() -> None:
    app = Host(InterviewChooser(TITLES, current=(0, 2)))
    async with app.run_test() as pilot:
        await pilot.press("enter")
    assert app.result == (0, 2)


async def test_chooser_picks_each_side_with_arrows() -> None:
    app = Host(InterviewChooser(TITLES))
    async with app.run_test() as pilot:
        await pilot.press("down", "down")  # left reader: third
        await pilot.press("right", "up")  # right reader: first
        await pilot.press("enter")
    assert app.result == (2, 0)


async def test_chooser_refuses_the_same_interview_twice() -> None:
    app = Host(InterviewChooser(TITLES))
    async with app.run_test() as pilot:
        await pilot.press("down", "enter")
        assert isinstance(app.screen, InterviewChooser)
        assert "two different interviews" in screen_text(app)
        await pilot.press("escape")
    assert app.result is None


async def test_chooser_shows_titles_literally() -> None:
    app = Host(InterviewChooser(TITLES))
    async with app.run_test() as pilot:
        await pilot.pause()
        prompts = [str(o.prompt) for o in app.screen.query_one("#left", OptionList).options]
        assert prompts[1] == "2. Li [bold]interview[/bold]"


async def test_picker_acts_on_what_is_typed_even_before_the_list_caught_up() -> None:
    # A paste or a fast typist: tab and enter arrive before Input.Changed is handled.
    picker = TagPicker(CODEBOOK, recent=["smes"])
    app = Host(picker)
    async with app.run_test() as pilot:
        await pilot.pause()
        picker.query_one(Input).value = "subsidy"
        picker.action_toggle_mark()  # same turn: no Changed message handled yet
        await wait_until(
            pilot,
            lambda: picker.marked == ["policy/subsidy"],
            what="picker.marked == ['policy/subsidy']",
        )
        picker.query_one(Input).value = "growth"
        await pilot.press("enter")
    assert app.result == ["policy/subsidy", "economy/growth"]


async def test_picker_ctrl_space_marks_like_tab() -> None:
    # Terminals send ctrl+space as NUL, which Textual names ctrl+@.
    app = Host(TagPicker(CODEBOOK))
    async with app.run_test() as pilot:
        await pilot.press(*"smes", "ctrl+@")
        await pilot.press(*["backspace"] * 4, *"growth", "enter")
    assert app.result == ["smes", "economy/growth"]


def burst(app: App[Any], keys: list[str]) -> None:
    """Send ``keys`` at once, as a paste, a fast typist or ``tmux send-keys`` does.

    ``pilot.press`` waits for each key to be handled; a real terminal does not.
    """
    for key in keys:
        event = events.Key(key, key if len(key) == 1 else None)
        event.set_sender(app)
        app.post_message(event)


async def test_note_editor_ctrl_s_right_after_typing_saves_every_key() -> None:
    app = Host(NoteEditor("", "a quote"))
    async with app.run_test() as pilot:
        await pilot.pause()
        burst(app, [*"typed in a hurry", "ctrl+s"])
        await wait_until(pilot, lambda: app.result is not NO_RESULT)
    assert app.result == "typed in a hurry"


async def test_note_editor_escape_right_after_typing_still_asks() -> None:
    app = Host(NoteEditor("", "a quote"))
    async with app.run_test() as pilot:
        await pilot.pause()
        burst(app, [*"half a thought", "escape"])
        await wait_until(pilot, lambda: isinstance(app.screen, Confirm))
        assert isinstance(app.screen, Confirm)


async def test_picker_tab_right_after_typing_marks_what_was_typed() -> None:
    app = Host(TagPicker(CODEBOOK))
    async with app.run_test() as pilot:
        await pilot.pause()
        burst(app, [*"subsidy", "tab"])
        picker = app.screen
        assert isinstance(picker, TagPicker)
        await wait_until(pilot, lambda: picker.marked)
        assert picker.marked == ["policy/subsidy"]
