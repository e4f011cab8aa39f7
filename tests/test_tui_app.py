"""Pilot tests of the reader: each flow a user goes through, against a real store on disk."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from rich.color import Color
from textual.pilot import Pilot
from textual.widgets import Input
from textual.widgets.tree import TreeNode

from corpus import Interview, load_interview
from store import AnnotationStore
from tests.conftest import CLEAN_SEED, NOISY_SEED, screen_lines, settle, shown_text, wait_until
from tui.app import GlossApp, make_app
from tui.screens.main import MainScreen
from tui.widgets.annotation_list import AnnotationList
from tui.widgets.outline import OutlineTree, Place
from tui.widgets.reader import Reader
from tui.widgets.status import StatusLine

WIDE = (160, 45)
NARROW = (80, 24)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "notes.json"


@pytest.fixture
def store(db: Path) -> Iterator[AnnotationStore]:
    opened = AnnotationStore.open(db)
    yield opened
    opened.close()


def seeds() -> list[Interview]:
    return [load_interview(NOISY_SEED), load_interview(CLEAN_SEED)]


@asynccontextmanager
async def running(
    store: AnnotationStore,
    interviews: list[Interview] | None = None,
    size: tuple[int, int] = WIDE,
    *,
    notifications: bool = False,
) -> AsyncIterator[tuple[GlossApp, Pilot[None]]]:
    app = make_app(interviews or seeds(), store, author="tester")
    async with app.run_test(size=size, notifications=notifications) as pilot:
        await settle(app, pilot)
        yield app, pilot


def main(app: GlossApp) -> MainScreen:
    return app.main


def reader(app: GlossApp, number: int = 0) -> Reader:
    return main(app).readers[number]


def question_nodes(outline: OutlineTree, interview_id: str) -> list[TreeNode[Place]]:
    """The outline's question nodes of one interview, top to bottom."""
    found: list[TreeNode[Place]] = []
    pending = list(outline.root.children)
    while pending:
        node = pending.pop(0)
        parent = node.parent.data if node.parent is not None else None
        in_question = parent is not None and parent.question >= 0  # a measure
        data = node.data
        if data and data.interview == interview_id and data.question >= 0 and not in_question:
            found.append(node)
        pending[:0] = node.children
    return found


def toasts(app: GlossApp) -> list[str]:
    """The text of each notification on the screen now."""
    return [" ".join(shown_text(toast)) for toast in app.screen.query("Toast")]


def searched(r: Reader) -> bool:
    """Whether any visible line of ``r`` shows a search hit (as the user sees it)."""
    yellow = Color.parse("yellow")
    lines = range(r.scrollable_content_region.height)
    return any(
        seg.style and seg.style.reverse and seg.style.color == yellow  # black on yellow
        for y in lines
        for seg in r.render_line(y)
    )


def shown_lines(r: Reader) -> list[str]:
    """The text of the reader's visible lines as drawn (gutter included)."""
    return [r.render_line(y).text for y in range(r.scrollable_content_region.height)]


# -- moving ---------------------------------------------------------------------------


async def test_starts_with_left_reader_focused_on_first_sentence(store: AnnotationStore) -> None:
    async with running(store) as (app, _pilot):
        left = reader(app)
        assert app.focused is left
        assert left.cursor == 0
        assert left.cursor_span == left.interview.sentences[0]
        assert len(main(app).readers) == 2


async def test_j_k_move_by_sentence_and_g_G_to_the_ends(store: AnnotationStore) -> None:
    async with running(store) as (app, pilot):
        left = reader(app)
        await pilot.press("j", "j", "down")
        assert left.cursor == 3
        await pilot.press("k", "up")
        assert left.cursor == 1
        await pilot.press("G")
        assert left.cursor == len(left.interview.sentences) - 1
        await pilot.press("g")
        assert left.cursor == 0


async def test_question_and_measure_keys_jump_and_status_follows(store: AnnotationStore) -> None:
    async with running(store) as (app, pilot):
        await pilot.press("tab")  # focus the right reader (the clean seed)
        right = reader(app, 1)
        assert app.focused is right
        questions = right.interview.outline.questions
        await pilot.press("right_square_bracket")
        assert right.cursor_span.start <= questions[0].start < right.cursor_span.end + 1
        await pilot.press("right_square_bracket")
        assert right.cursor_span.start <= questions[1].start < right.cursor_span.end + 1
        await wait_until(
            pilot,
            lambda: main(app).query_one(StatusLine).status.question == 2,
            what="main(app).query_one(StatusLine).status.question == 2",
        )
        await pilot.press("left_square_bracket")
        assert main(app).query_one(StatusLine).status.question == 1
        measures = [m.start for m in questions[0].measures]
        await pilot.press("right_curly_bracket")
        assert any(right.cursor_span.start <= m < right.cursor_span.end + 1 for m in measures)


async def test_tab_cycles_outline_readers_and_list(store: AnnotationStore) -> None:
    async with running(store) as (app, pilot):
        await pilot.press("tab")
        assert app.focused is reader(app, 1)
        await pilot.press("tab")
        assert app.focused is main(app).query_one(AnnotationList).rows
        await pilot.press("tab")
        assert isinstance(app.focused, OutlineTree)
        await pilot.press("tab")
        assert app.focused is reader(app, 0)


async def test_outline_enter_jumps_the_reader(store: AnnotationStore) -> None:
    async with running(store) as (app, pilot):
        outline = main(app).query_one(OutlineTree)
        outline.focus()
        await pilot.pause()
        right = reader(app, 1)
        target = right.interview.outline.questions[2]
        node = next(
            n
            for n in question_nodes(outline, right.interview.id)
            if n.data and n.data.offset == target.start
        )
        outline.move_cursor(node)
        await pilot.press("enter")
        await wait_until(
            pilot,
            lambda: right.cursor_span.start <= target.start < right.cursor_span.end + 1,
            what="right.cursor_span.start <= target.start < right.cursor_span.end + 1",
        )
        assert app.focused is right


# -- selecting ------------------------------------------------------------------------


async def test_v_selects_moving_extends_escape_clears(store: AnnotationStore) -> None:
    async with running(store) as (app, pilot):
        left = reader(app)
        sentences = left.interview.sentences
        await pilot.press("j", "v", "j", "j")
        assert left.selection is not None
        assert left.selection.start == sentences[1].start
        assert left.selection.end == sentences[3].end
        await pilot.press("escape")
        assert left.selection is None


async def test_selection_ends_adjust_word_by_word(store: AnnotationStore) -> None:
    async with running(store) as (app, pilot):
        right = reader(app, 1)
        right.focus()
        await pilot.press("v")
        first = right.interview.sentences[0]
        await pilot.press("shift+left")
        assert right.selection is not None
        assert right.selection.end < first.end
        assert right.interview.text[right.selection.end - 1] != " "
        await pilot.press("alt+right")
        assert right.selection.start > first.start
        assert right.interview.text[right.selection.start - 1].isspace()


# -- annotating -----------------------------------------------------------------------


async def test_t_opens_the_picker_and_enter_creates_and_applies_a_tag(
    store: AnnotationStore, db: Path
) -> None:
    async with running(store) as (app, pilot):
        left = reader(app)
        await pilot.press("j", "v", "j", "t")
        await wait_until(
            pilot,
            lambda: type(app.screen).__name__ == "TagPicker",
            what="type(app.screen).__name__ == 'TagPicker'",
        )
        await pilot.press(*"economy")
        await pilot.press("enter")
        await settle(app, pilot)
        sentences = left.interview.sentences
        saved = store.annotations(interview=left.interview.id)
        assert [(a.start, a.end, a.tags) for a in saved] == [
            (sentences[1].start, sentences[2].end, ("economy",))
        ]
        assert left.selection is None
        assert main(app).query_one(StatusLine).status.save == "saved"
    # Durable: a fresh store on the same file sees it.
    with AnnotationStore.open(db) as again:
        assert [a.tags for a in again.annotations()] == [("economy",)]


async def test_number_keys_apply_recent_tags(store: AnnotationStore) -> None:
    interviews = seeds()
    store.add(interviews[0], 0, 5, tags=["older"], author="someone")
    store.add(interviews[0], 6, 10, tags=["newer"], author="someone")
    async with running(store, interviews) as (app, pilot):
        left = reader(app)
        await pilot.press("G", "1")
        await settle(app, pilot)
        await pilot.press("k", "2")
        await settle(app, pilot)
        by_start = {a.start: a.tags for a in store.annotations(interview=left.interview.id)}
        last, before = left.interview.sentences[-1], left.interview.sentences[-2]
        first_tag = by_start[last.start]
        assert first_tag in (("newer",), ("older",))
        assert by_start[before.start] != first_tag
        await pilot.press("9")  # no ninth recent tag: a warning, no change
        await settle(app, pilot)
        await wait_until(
            pilot,
            lambda: len(store.annotations(interview=left.interview.id)) == 4,
            what="len(store.annotations(interview=left.interview.id)) == 4",
        )


async def test_a_writes_a_note_on_the_annotation_under_the_cursor(store: AnnotationStore) -> None:
    interviews = seeds()
    first = interviews[0].sentences[0]
    made = store.add(
        interviews[0], first.start, first.end, tags=["intro"], author="tester"
    ).annotation
    async with running(store, interviews) as (app, pilot):
        await pilot.press("a")
        await wait_until(
            pilot,
            lambda: type(app.screen).__name__ == "NoteEditor",
            what="type(app.screen).__name__ == 'NoteEditor'",
        )
        await pilot.press(*"why this matters")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        note = store.get(made.id)
        assert note is not None and note.note == "why this matters"
        assert note.tags == ("intro",)


async def test_a_on_plain_text_creates_an_annotation_with_the_note(store: AnnotationStore) -> None:
    async with running(store) as (app, pilot):
        await pilot.press("j", "a")
        await pilot.pause()
        await pilot.press(*"first note", "ctrl+s")
        await settle(app, pilot)
        (only,) = store.annotations()
        assert only.note == "first note"
        assert only.tags == ()
        assert only.start == reader(app).interview.sentences[1].start


async def test_d_deletes_and_u_undoes_and_ctrl_r_redoes(store: AnnotationStore) -> None:
    interviews = seeds()
    first = interviews[0].sentences[0]
    store.add(interviews[0], first.start, first.end, tags=["x"], author="tester")
    async with running(store, interviews) as (app, pilot):
        await pilot.press("d")
        await settle(app, pilot)
        await wait_until(pilot, lambda: store.annotations() == [], what="store.annotations() == []")
        await pilot.press("u")
        await settle(app, pilot)
        await wait_until(
            pilot,
            lambda: [a.tags for a in store.annotations()] == [("x",)],
            what="[a.tags for a in store.annotations()] == [('x',)]",
        )
        await pilot.press("ctrl+r")
        await settle(app, pilot)
        await wait_until(pilot, lambda: store.annotations() == [], what="store.annotations() == []")


async def test_undo_a_tag_then_redo_it(store: AnnotationStore) -> None:
    async with running(store) as (app, pilot):
        await pilot.press("t", *"policy", "enter")
        await settle(app, pilot)
        await wait_until(
            pilot,
            lambda: [a.tags for a in store.annotations()] == [("policy",)],
            what="[a.tags for a in store.annotations()] == [('policy',)]",
        )
        await pilot.press("t", *"growth", "enter")  # merged into the same annotation
        await settle(app, pilot)
        await wait_until(
            pilot,
            lambda: [sorted(a.tags) for a in store.annotations()] == [["growth", "policy"]],
            what="[sorted(a.tags) for a in store.annotations()] == [['growth', 'policy']]",
        )
        await pilot.press("u")
        await settle(app, pilot)
        await wait_until(
            pilot,
            lambda: [a.tags for a in store.annotations()] == [("policy",)],
            what="[a.tags for a in store.annotations()] == [('policy',)]",
        )
        await pilot.press("u")
        await settle(app, pilot)
        await wait_until(pilot, lambda: store.annotations() == [], what="store.annotations() == []")
        await pilot.press("ctrl+r", "ctrl+r")
        await settle(app, pilot)
        await settle(app, pilot)
        await wait_until(
            pilot,
            lambda: [sorted(a.tags) for a in store.annotations()] == [["growth", "policy"]],
            what="[sorted(a.tags) for a in store.annotations()] == [['growth', 'policy']]",
        )


async def test_annotations_are_highlighted_and_listed(store: AnnotationStore) -> None:
    interviews = seeds()
    first = interviews[0].sentences[0]
    store.add(interviews[0], first.start, first.end, tags=["intro"], note="n1\nmore", author="ann")
    async with running(store, interviews) as (app, _pilot):
        left = reader(app)
        strip = left.render_line(left.text_layout.line_of(first.start) - int(left.scroll_y))
        assert any(seg.style and seg.style.bgcolor for seg in strip)
        listed = main(app).query_one(AnnotationList).rows
        assert listed.row_count == 1
        prompt = listed.row_text(0)
        assert "intro" in prompt and "n1" in prompt and "more" not in prompt and "ann" in prompt
        drawn = listed.render_line(0).text
        assert "intro" in drawn and "n1" in drawn


# -- searching ------------------------------------------------------------------------


async def test_search_finds_hits_in_both_interviews_and_n_N_move(store: AnnotationStore) -> None:
    async with running(store) as (app, pilot):
        await pilot.press("slash")
        await pilot.pause()
        await pilot.press(*"digital", "enter")
        await pilot.pause()
        screen = main(app)
        status = screen.query_one(StatusLine)

        def where() -> tuple[int, int, str]:
            """The focused reader, its cursor sentence and what the status line says."""
            here = screen.reader
            span = here.cursor_span
            text = here.interview.text[span.start : span.end]
            assert "digital" in text.lower(), text
            return screen.readers.index(here), span.start, status.status.message

        number, start, said = where()
        count = int(said.split(" of ")[1])
        assert said == f"hit 1 of {count}" or said.startswith("hit ")
        seen = {number}
        await pilot.press("n")
        next_number, next_start, next_said = where()
        assert (next_number, next_start) > (number, start) or next_said == f"hit 1 of {count}"
        await pilot.press("N")
        assert where() == (number, start, said)
        for _ in range(count):  # the hits of both interviews, in turn
            await pilot.press("n")
            seen.add(where()[0])
        assert seen == {0, 1}


# -- sync -----------------------------------------------------------------------------


async def test_changes_by_another_store_on_the_same_file_appear(
    store: AnnotationStore, db: Path
) -> None:
    async with running(store) as (app, pilot):
        other_interview = seeds()[1]
        with AnnotationStore.open(db) as other:
            other.add(other_interview, 0, 10, tags=["from-elsewhere"], author="colleague")
        right = reader(app, 1)
        await wait_until(pilot, right.annotations_at_cursor, what="sync")
        assert [a.tags for a in right.annotations_at_cursor()] == [("from-elsewhere",)]
        assert any(seg.style and seg.style.bgcolor for seg in right.render_line(0))


# -- raw and literal text ---------------------------------------------------------------


async def test_r_toggles_the_raw_text(store: AnnotationStore, tmp_path: Path) -> None:
    path = tmp_path / "noisy.txt"
    path.write_text("Interview\n\nQ: Why?\n\nA: Because  it is\tso.\n", encoding="utf-8")
    async with running(store, [load_interview(path)]) as (app, pilot):
        only = reader(app)
        await pilot.press("r")
        await wait_until(pilot, lambda: only.raw, what="only.raw")
        raw_lines = [line.text for line in only.text_layout.lines]
        assert any("Because  it is" in line for line in raw_lines)
        await pilot.press("r")
        await wait_until(pilot, lambda: not only.raw, what="not only.raw")


async def test_markup_and_escapes_in_a_file_are_shown_literally(
    store: AnnotationStore, tmp_path: Path
) -> None:
    path = tmp_path / "hostile.txt"
    path.write_text(
        "A [bold]title[/] here\n\nQ: Is [red]this[/red] red?\n\n"
        "A: No \x1b[31mred\x1b[0m at all [/].\n",
        encoding="utf-8",
    )
    async with running(store, [load_interview(path)]) as (app, pilot):
        text = "\n".join(shown_lines(reader(app)))
        assert "[bold]title[/]" in text
        assert "[red]this[/red]" in text
        assert "at all [/]." in text
        assert "\x1b" not in text
        segments = [seg for y in range(5) for seg in reader(app).render_line(y)]
        assert all("\x1b" not in seg.text for seg in segments)
        await pilot.press("r")
        await pilot.pause()
        raw = "\n".join(shown_lines(reader(app)))
        assert "\x1b" not in raw
        assert "[bold]title[/]" in raw


# -- layouts ----------------------------------------------------------------------------


def _visible_regions(app: GlossApp) -> list[tuple[str, object]]:
    screen = main(app)
    names = ["#outline", "#reader-0", "#reader-1", "AnnotationList"]
    found = []
    for name in names:
        for widget in screen.query(name):
            if widget.display and widget.region.area:
                found.append((name, widget.region))
    return found


async def test_narrow_shows_one_reader_and_panels_on_demand(store: AnnotationStore) -> None:
    async with running(store, size=NARROW) as (app, pilot):
        shown = [name for name, _ in _visible_regions(app)]
        assert shown == ["#reader-0"]
        await pilot.press("w")
        await wait_until(
            pilot,
            lambda: [name for name, _ in _visible_regions(app)] == ["#reader-1"],
            what="[name for name, _ in _visible_regions(app)] == ['#reader-1']",
        )
        assert app.focused is reader(app, 1)
        status = main(app).query_one(StatusLine).status
        assert status.interview == reader(app, 1).interview.title
        await pilot.press("o", "l")
        await wait_until(
            pilot,
            lambda: (
                [name for name, _ in _visible_regions(app)]
                == ["#outline", "#reader-1", "AnnotationList"]
            ),
            what="the outline, the reader and the list",
            seen=lambda: _visible_regions(app),
        )
        regions = _visible_regions(app)
        assert [name for name, _ in regions] == ["#outline", "#reader-1", "AnnotationList"]
        for index, (_, first) in enumerate(regions):
            for _, second in regions[index + 1 :]:
                assert not first.overlaps(second)  # type: ignore[attr-defined]
        # Every drawn reader line fits: no word is cut at the right edge.
        for line in shown_lines(reader(app, 1)):
            assert len(line.rstrip()) <= reader(app, 1).scrollable_content_region.width


async def test_wide_shows_everything_side_by_side(store: AnnotationStore) -> None:
    async with running(store) as (app, _pilot):
        regions = _visible_regions(app)
        assert [name for name, _ in regions] == [
            "#outline",
            "#reader-0",
            "#reader-1",
            "AnnotationList",
        ]
        for index, (_, first) in enumerate(regions):
            for _, second in regions[index + 1 :]:
                assert not first.overlaps(second)  # type: ignore[attr-defined]


async def test_similar_question_jumps_the_other_reader(store: AnnotationStore) -> None:
    async with running(store) as (app, pilot):
        await pilot.press("right_square_bracket", "s")
        await pilot.pause()
        screen = main(app)
        left, right = screen.readers
        label = str(question_nodes(screen.query_one(OutlineTree), left.interview.id)[0].label)
        assert "↔ Q" in label, "the first questions of the two seeds are about the same thing"
        paired = int(label.rsplit("↔ Q", 1)[1])
        target = right.interview.outline.questions[paired - 1]
        assert right.cursor_span.start <= target.start < right.cursor_span.end + 1


async def test_s_pairs_one_to_one_and_says_why_a_question_has_no_counterpart(
    store: AnnotationStore,
) -> None:
    async with running(store, notifications=True) as (app, pilot):
        screen = main(app)
        left, right = screen.readers
        labels = [
            str(node.label)
            for node in question_nodes(screen.query_one(OutlineTree), left.interview.id)
        ]
        # 000's growth plans (Q2) are closest to 004 Q1, which goes with 000 Q1: no arrow.
        assert ["↔" in label for label in labels] == [True, False, True, True]
        assert labels[0].endswith("↔ Q1")
        await pilot.press("right_square_bracket", "right_square_bracket")  # 000 Q2
        before = right.cursor_span
        await pilot.press("s")
        await wait_until(
            pilot,
            lambda: "no counterpart of its own" in "".join(screen_lines(app)),
            what="the notice",
        )
        assert right.cursor_span == before  # the other reader stays where it was
        await pilot.press("left_square_bracket", "s")  # 000 Q1 goes to 004 Q1
        target = right.interview.outline.questions[0]
        await wait_until(
            pilot,
            lambda: right.cursor_span.start <= target.start < right.cursor_span.end + 1,
            what="004 Q1",
        )


async def test_more_than_two_files_choose_the_pair(store: AnnotationStore, tmp_path: Path) -> None:
    third = tmp_path / "third.txt"
    third.write_text("Third interview\n\nQ: Anything?\n\nA: Nothing.\n", encoding="utf-8")
    interviews = [*seeds(), load_interview(third)]
    async with running(store, interviews) as (app, pilot):
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("down", "down")  # left list: the third interview
        await pilot.press("right", "up")  # right list: the first one
        await pilot.press("enter")
        await settle(app, pilot)
        ids = [r.interview.id for r in main(app).readers]
        assert ids == ["third", interviews[0].id]


@pytest.mark.parametrize("size", [WIDE, (80, 24)])
async def test_choosing_the_pair_twice_then_reading_on(
    store: AnnotationStore, tmp_path: Path, size: tuple[int, int]
) -> None:
    """The new readers replace the old ones: keys after the choice act on them, no crash."""
    third = tmp_path / "third.txt"
    third.write_text("Third interview\n\nQ: Anything?\n\nA: Nothing.\n", encoding="utf-8")
    interviews = [*seeds(), load_interview(third)]
    async with running(store, interviews, size) as (app, pilot):
        for picks, shown in [
            (("down", "right", "down"), [interviews[1].id, "third"]),
            (("up",), [interviews[0].id, "third"]),
        ]:
            await pilot.press("p")
            await pilot.pause()
            await pilot.press(*picks, "enter")
            await pilot.press("right_square_bracket", "s", "w", "j")
            await settle(app, pilot)
            assert [r.interview.id for r in main(app).readers] == shown


# -- export -----------------------------------------------------------------------------


async def test_e_exports_every_annotation_to_the_chosen_file(
    store: AnnotationStore, tmp_path: Path
) -> None:
    interviews = seeds()
    first = interviews[1].sentences[0]
    store.add(interviews[1], first.start, first.end, tags=["policy"], note="why", author="tester")
    out = tmp_path / "out.csv"
    async with running(store, interviews) as (app, pilot):
        await pilot.press("e")
        await settle(app, pilot)
        await wait_until(
            pilot,
            lambda: type(app.screen).__name__ == "ExportDialog",
            what="type(app.screen).__name__ == 'ExportDialog'",
        )
        app.screen.query_one("#path", Input).value = str(out)
        await pilot.click("#export")
        await wait_until(pilot, lambda: type(app.screen).__name__ != "ExportDialog")
        await settle(app, pilot)
        await wait_until(pilot, lambda: out.exists(), what="out.exists()")
        content = out.read_text(encoding="utf-8-sig")
        assert "policy" in content and "why" in content
        assert str(out) in main(app).query_one(StatusLine).status.message


async def test_keys_right_after_tab_act_on_the_newly_focused_reader(
    store: AnnotationStore,
) -> None:
    async with running(store) as (app, pilot):
        # One burst, as a fast typist (or a terminal paste) sends it.
        await pilot.press("tab", "j", "t")
        await pilot.pause()
        await pilot.press(*"demand", "enter")
        await settle(app, pilot)
        right = reader(app, 1).interview
        assert [(a.interview, a.tags) for a in store.annotations()] == [(right.id, ("demand",))]


# -- palette, outline, colourless terminals, failures -----------------------------------------


async def test_every_action_is_in_the_command_palette(store: AnnotationStore) -> None:
    from tui.keys import READER, SCREEN

    async with running(store) as (app, _pilot):
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for binding in [*READER, *SCREEN]:
            assert any(
                t == binding.description or t.startswith(f"{binding.description}: ") for t in titles
            ), binding.description
        # The nine quick tags come last, so they do not bury the other actions.
        assert all(t.startswith("Apply recent tag") for t in titles[-9:])
        assert not any(t.startswith("Apply recent tag") for t in titles[:-9])


async def test_palette_command_runs_the_action(store: AnnotationStore) -> None:
    async with running(store) as (app, pilot):
        command = next(c for c in app.get_system_commands(app.screen) if c.title == "Next question")
        await command.callback()  # type: ignore[misc]
        left = reader(app)
        first = left.interview.outline.questions[0]
        await wait_until(
            pilot,
            lambda: left.cursor_span.start <= first.start < left.cursor_span.end + 1,
            what="the cursor on the first question",
            seen=lambda: left.cursor_span,
        )


async def test_outline_follows_the_cursor_and_shows_pairs(store: AnnotationStore) -> None:
    async with running(store) as (app, pilot):
        outline = main(app).query_one(OutlineTree)
        await pilot.press("right_square_bracket", "right_square_bracket")
        await wait_until(
            pilot,
            lambda: (
                outline.cursor_node is not None
                and outline.cursor_node.data is not None
                and outline.cursor_node.data.question == 1
            ),
            what="the outline's cursor on the second question",
            seen=lambda: outline.cursor_node,
        )
        node = outline.cursor_node
        assert node is not None and node.data is not None
        assert node.data.question == 1
        labels = [str(n.label) for n in question_nodes(outline, reader(app).interview.id)]
        assert any("↔ Q" in label for label in labels)


async def test_cursor_and_selection_show_without_colour(
    store: AnnotationStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    async with running(store) as (app, pilot):
        left = reader(app)
        await pilot.press("v")
        await pilot.pause()
        strip = left.render_line(left.text_layout.line_of(left.cursor_span.start))
        assert strip.text.startswith("▌")
        text_segments = [s for s in strip if s.text.strip() and s.style]
        assert any(s.style and s.style.reverse for s in text_segments)


async def test_a_failed_save_says_so_on_the_status_line(
    store: AnnotationStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from store import StoreError

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise StoreError("notes.json: locked by another process for too long; try again")

    async with running(store) as (app, pilot):
        monkeypatch.setattr(store, "add", refuse)
        await pilot.press("t", *"policy", "enter")
        await settle(app, pilot)
        status = main(app).query_one(StatusLine).status
        assert status.save == "error"
        assert "locked" in status.message


async def test_raw_view_keeps_the_cursor_in_view(store: AnnotationStore) -> None:
    async with running(store) as (app, pilot):
        left = reader(app)
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("G")
        # the cursor sentence is on screen, marked in the gutter
        await wait_until(
            pilot,
            lambda: "▌" in "\n".join(shown_lines(left)),
            what="the cursor's mark on screen",
            seen=lambda: shown_lines(left),
        )
        await pilot.press("pageup")
        assert left.cursor < len(left.interview.sentences) - 1


async def test_resizing_switches_between_wide_and_narrow(store: AnnotationStore) -> None:
    async with running(store) as (app, pilot):
        await pilot.resize_terminal(*NARROW)
        await wait_until(
            pilot,
            lambda: [name for name, _ in _visible_regions(app)] == ["#reader-0"],
            what="one reader alone",
            seen=lambda: _visible_regions(app),
        )
        await pilot.resize_terminal(*WIDE)
        await wait_until(
            pilot,
            lambda: len(_visible_regions(app)) == 4,
            what="the outline, both readers and the list",
            seen=lambda: _visible_regions(app),
        )


async def test_list_filters_by_tag_and_enter_jumps(store: AnnotationStore) -> None:
    interviews = seeds()
    sentences = interviews[0].sentences
    store.add(interviews[0], sentences[0].start, sentences[0].end, tags=["growth"], author="a")
    store.add(interviews[0], sentences[5].start, sentences[5].end, tags=["policy"], author="b")
    async with running(store, interviews) as (app, pilot):
        listing = main(app).query_one(AnnotationList)
        listing.rows.focus()
        await pilot.press("f", *"pol")
        await wait_until(
            pilot,
            lambda: [a.tags for a in listing.shown] == [("policy",)],
            what="[a.tags for a in listing.shown] == [('policy',)]",
        )
        await pilot.press("enter")  # leaves the filter box for the rows
        await pilot.press("enter")  # jumps
        left = reader(app)
        await wait_until(
            pilot,
            lambda: left.cursor_span == sentences[5],
            what="the cursor on the listed passage",
            seen=lambda: left.cursor_span,
        )
        assert app.focused is left


async def test_keys_right_after_w_go_to_the_reader_now_shown(store: AnnotationStore) -> None:
    async with running(store, size=NARROW) as (app, pilot):
        await pilot.press("w", "right_square_bracket", "right_square_bracket")
        right = reader(app, 1)
        second = right.interview.outline.questions[1]
        await wait_until(
            pilot,
            lambda: right.cursor_span.start <= second.start < right.cursor_span.end + 1,
            what="the right reader's cursor on its second question",
            seen=lambda: right.cursor_span,
        )
        assert app.focused is right
        assert reader(app, 0).cursor == 0


async def test_quit_waits_for_a_change_still_being_saved(
    store: AnnotationStore, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    release = threading.Event()
    real_add = store.add

    def slow_add(*args: object, **kwargs: object) -> object:
        release.wait(timeout=30)
        return real_add(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "add", slow_add)
    async with running(store) as (app, pilot):
        await pilot.press("t", *"late", "enter")
        await wait_until(
            pilot,
            lambda: main(app).query_one(StatusLine).status.save == "saving",
            what="main(app).query_one(StatusLine).status.save == 'saving'",
        )
        # Run q's action directly: the pilot would wait for it to finish before returning.
        quitting = asyncio.create_task(main(app).action_quit())
        status = main(app).query_one(StatusLine)
        await wait_until(pilot, lambda: "quitting" in status.status.message)
        await wait_until(pilot, lambda: not quitting.done(), what="not quitting.done()")
        assert app.return_code is None
        release.set()
        await asyncio.wait_for(quitting, timeout=10)
    assert [a.tags for a in store.annotations()] == [("late",)]


async def test_changes_written_by_another_process_appear(store: AnnotationStore, db: Path) -> None:
    import subprocess
    import sys

    writer = (
        "import sys; from pathlib import Path\n"
        "from corpus import load_interview\n"
        "from store import AnnotationStore\n"
        "interview = load_interview(Path(sys.argv[2]))\n"
        "with AnnotationStore.open(Path(sys.argv[1])) as s:\n"
        "    s.add(interview, 0, 12, tags=['other-process'], author='colleague')\n"
    )
    async with running(store) as (app, pilot):
        done = await asyncio.to_thread(
            subprocess.run,
            [sys.executable, "-c", writer, str(db), str(CLEAN_SEED)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        right = reader(app, 1)
        await wait_until(pilot, right.annotations_at_cursor, what="sync")
        assert [a.tags for a in right.annotations_at_cursor()] == [("other-process",)]
        # highlighted in the reader too
        assert any(seg.style and seg.style.bgcolor for seg in right.render_line(0))


async def test_an_empty_search_clears_the_hits(store: AnnotationStore) -> None:
    async with running(store, notifications=True) as (app, pilot):
        await pilot.press("slash", *"industry", "enter")
        await wait_until(
            pilot,
            lambda: any(searched(r) for r in main(app).readers),
            what="any(searched(r) for r in main(app).readers)",
        )
        await pilot.press("slash", "enter")
        await wait_until(
            pilot,
            lambda: not any(searched(r) for r in main(app).readers),
            what="not any(searched(r) for r in main(app).readers)",
        )
        await pilot.press("n")
        await wait_until(
            pilot,
            lambda: any("press /" in t for t in toasts(app)),
            what="any('press /' in t for t in toasts(app))",
        )


async def test_o_and_l_hide_panels_when_wide(store: AnnotationStore) -> None:
    async with running(store) as (app, pilot):
        await pilot.press("o", "l")
        await wait_until(
            pilot,
            lambda: [name for name, _ in _visible_regions(app)] == ["#reader-0", "#reader-1"],
            what="[name for name, _ in _visible_regions(app)] == ['#reader-0', '#reader-1']",
        )
        await pilot.press("o")
        await wait_until(
            pilot,
            lambda: (
                [name for name, _ in _visible_regions(app)]
                == ["#outline", "#reader-0", "#reader-1"]
            ),
            what="the outline and both readers",
        )


async def test_a_failing_sync_is_reported_once(
    store: AnnotationStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from store import StoreError

    def broken() -> bool:
        raise StoreError("notes.json: cannot be read (Permission denied); check its permissions")

    calls: list[int] = []

    def counted() -> bool:
        calls.append(1)
        return broken()

    async with running(store, notifications=True) as (app, pilot):
        monkeypatch.setattr(store, "refresh", counted)
        await wait_until(pilot, lambda: len(calls) >= 3, what="three sync ticks")
        await wait_until(
            pilot, lambda: any("cannot be read" in t for t in toasts(app)), what="the toast"
        )
        shown = toasts(app)
        assert len([t for t in shown if "cannot be read" in t]) == 1, shown
        assert main(app).query_one(StatusLine).status.save == "error"


async def test_tagging_in_an_empty_interview_says_so_without_opening_the_picker(
    store: AnnotationStore, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    async with running(store, [load_interview(empty), load_interview(CLEAN_SEED)]) as (app, pilot):
        await pilot.press("t")
        await wait_until(
            pilot,
            lambda: main(app).query_one(StatusLine).status.message == "Nothing to tag here.",
            what="the status saying there is nothing to tag",
        )
        await settle(app, pilot)
        assert type(app.screen).__name__ == "MainScreen"
        assert store.annotations() == []
