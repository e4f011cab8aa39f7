"""What the start-up speed work must not change: the first screen is complete and right.

The reader lays its text out once, at the width its scrollbar leaves; the footer builds
its keys once and still follows focus; the outline is built at its real width; a reload
that brings nothing new changes nothing on screen, and one that does still shows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from corpus import Interview, interview_from_text, load_interview
from store import AnnotationStore
from tests.conftest import CLEAN_SEED, NOISY_SEED, screen_lines, settle, shown_text, wait_until
from tui.app import GlossApp, make_app
from tui.screens.main import MainScreen
from tui.widgets.annotation_list import AnnotationRows
from tui.widgets.key_footer import KeyFooter
from tui.widgets.outline import OutlineTree
from tui.widgets.reader import Reader

WIDE = (160, 45)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[AnnotationStore]:
    opened = AnnotationStore.open(tmp_path / "notes.json")
    yield opened
    opened.close()


def footer_keys(app: GlossApp) -> str:
    """The footer's row as drawn."""
    return screen_lines(app)[app.screen.query_one(KeyFooter).region.y]


def seeds() -> list[Interview]:
    return [load_interview(NOISY_SEED), load_interview(CLEAN_SEED)]


async def test_first_frame_has_the_reader_focused_and_its_keys_in_the_footer(
    store: AnnotationStore,
) -> None:
    app = make_app(seeds(), store, author="tester")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()  # one settle, as the launch benchmark does
        assert isinstance(app.focused, Reader)
        assert app.focused.id == "reader-0"
        assert "Next question" in footer_keys(app)
        assert "Tag" in footer_keys(app)


async def test_footer_follows_focus(store: AnnotationStore) -> None:
    app = make_app(seeds(), store, author="tester")
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        # The footer is rebuilt after the next refresh: wait (bounded) for what it shows.
        app.screen.query_one(AnnotationRows).focus()
        await wait_until(pilot, lambda: "Jump" in footer_keys(app), what="the list's keys")
        assert "Next question" not in footer_keys(app)
        app.screen.query_one("#reader-1", Reader).focus()
        await wait_until(
            pilot, lambda: "Next question" in footer_keys(app), what="the reader's keys"
        )
        assert "Jump" not in footer_keys(app)


async def test_long_text_is_laid_out_at_the_width_beside_its_scrollbar(
    store: AnnotationStore,
) -> None:
    app = make_app(seeds(), store, author="tester")
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        for reader in app.screen.query(Reader):
            assert reader.show_vertical_scrollbar
            assert reader.text_layout.width == reader.scrollable_content_region.width
            widest = max(len(line.text.rstrip()) for line in reader.text_layout.lines)
            assert widest <= reader.scrollable_content_region.width


async def test_short_text_without_a_scrollbar_uses_the_whole_width(
    store: AnnotationStore,
) -> None:
    short = interview_from_text("short", "Title\n\nQ: How is it?\nA: Fine. Quite fine.\n")
    app = make_app([short, load_interview(CLEAN_SEED)], store, author="tester")
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        reader = app.screen.query_one("#reader-0", Reader)
        assert not reader.show_vertical_scrollbar
        assert reader.text_layout.width == reader.scrollable_content_region.width


async def test_outline_is_built_for_its_real_width(store: AnnotationStore) -> None:
    app = make_app(seeds(), store, author="tester")
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        tree = app.screen.query_one(OutlineTree)
        # Three questions of each seed are paired (one to one): a label built for a wider
        # outline would lose its "↔ Qn" at the right edge.
        questions = [line for line in shown_text(tree) if re.search(r"Q\d+ ", line)]
        assert len(questions) == 8
        paired = [line for line in questions if "↔" in line]
        assert len(paired) == 6
        assert all(re.search(r"↔ Q\d+$", line.rstrip(" ▕")) for line in paired), questions


async def test_a_reload_shows_what_another_writer_added(
    store: AnnotationStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    interviews = seeds()
    app = make_app(interviews, store, author="tester")
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        reader = screen.query_one("#reader-0", Reader)
        before = reader.render_line(0)
        real_refresh = store.refresh
        calls: list[bool] = []

        def changed() -> bool:
            """The store says "changed" once: the screen reloads and finds nothing new."""
            calls.append(real_refresh())
            return calls[-1] or len(calls) == 1

        monkeypatch.setattr(store, "refresh", changed)
        await wait_until(pilot, lambda: len(calls) >= 2, what="a reload")
        await settle(app, pilot)
        await wait_until(
            pilot, lambda: reader.render_line(0) == before, what="reader.render_line(0) == before"
        )
        other = AnnotationStore.open(tmp_path / "notes.json")
        first = interviews[0].sentences[0]
        other.add(interviews[0], first.start, first.end, tags=["seen"], author="bo")
        other.close()
        await wait_until(pilot, reader.annotations_at_cursor, what="the other writer's tag")
        await settle(app, pilot)
        await wait_until(
            pilot,
            lambda: [a.tags for a in reader.annotations_at_cursor()] == [("seen",)],
            what="[a.tags for a in reader.annotations_at_cursor()] == [('seen',)]",
        )
        assert reader.render_line(0) != before
        assert "seen" in screen.query_one(AnnotationRows).row_text(0)
