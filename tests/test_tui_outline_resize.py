"""The outline keeps its drawn lines through a resize that leaves its width alone (start-up
skips Textual's redraw of the whole tree), and still shows exactly what a fresh start at
the new size shows, for a new height and for a new width."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from corpus import interview_from_text, load_interview
from store import AnnotationStore
from tests.conftest import CLEAN_SEED, NOISY_SEED, wait_until
from tests.synthetic_transcripts import long_transcript
from tui.app import make_app
from tui.widgets.outline import OutlineTree
from tui.widgets.status import StatusLine


@pytest.fixture
def store(tmp_path: Path) -> Iterator[AnnotationStore]:
    opened = AnnotationStore.open(tmp_path / "notes.json")
    yield opened
    opened.close()


async def outline_lines(store: AnnotationStore, size: tuple[int, int]) -> list[str]:
    """The outline's visible lines in an app started at ``size``."""
    app = make_app([load_interview(NOISY_SEED), load_interview(CLEAN_SEED)], store, author="t")
    async with app.run_test(size=size) as pilot:
        tree = app.screen.query_one(OutlineTree)

        def shown() -> list[str]:
            return [tree.render_line(y).text for y in range(tree.size.height)]

        await wait_until(pilot, lambda: any(line.strip() for line in shown()), what="an outline")
        return shown()


@pytest.mark.parametrize("after", [(160, 30), (150, 45)], ids=["new height", "new width"])
async def test_outline_after_a_resize_is_what_a_fresh_start_shows(
    store: AnnotationStore, after: tuple[int, int]
) -> None:
    expected = await outline_lines(store, after)
    app = make_app([load_interview(NOISY_SEED), load_interview(CLEAN_SEED)], store, author="t")
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        tree = app.screen.query_one(OutlineTree)
        await pilot.resize_terminal(*after)

        def shown() -> list[str]:
            return [tree.render_line(y).text for y in range(tree.size.height)]

        # The outline is laid out again a refresh after the resize.
        await wait_until(pilot, lambda: shown() == expected, what=f"{expected}", seen=shown)
        assert any(line.strip() for line in shown())


async def test_hundreds_of_questions_come_in_groups_filled_where_the_reader_goes(
    store: AnnotationStore,
) -> None:
    interview = interview_from_text("long", long_transcript(450))
    app = make_app([interview], store, author="t")
    async with app.run_test(size=(160, 45)) as pilot:
        tree = app.screen.query_one(OutlineTree)
        await wait_until(
            pilot,
            lambda: any("–Q" in tree.render_line(y).text for y in range(tree.size.height)),
            what="the outline's groups",
        )
        shown = [tree.render_line(y).text for y in range(tree.size.height)]
        groups = [line.strip(" ▶▼├└│─") for line in shown if "–Q" in line]
        assert groups == ["Q1–Q100", "Q101–Q200", "Q201–Q300", "Q301–Q400", "Q401–Q450"]
        tree.focus()
        tree.cursor_line = next(y for y, line in enumerate(shown) if "Q201–Q300" in line)
        await pilot.press("enter")  # jump there: the reader moves, the outline follows
        status = app.screen.query_one(StatusLine)
        await wait_until(
            pilot, lambda: status.status.question == 201, what="Q201", seen=lambda: status.status
        )
        await wait_until(
            pilot,
            lambda: str(tree.cursor_node and tree.cursor_node.label).startswith("Q201 How will"),
            what="the outline's cursor on Q201",
            seen=lambda: tree.cursor_node,
        )
        assert tree.cursor_node is not None
        assert str(tree.cursor_node.label).startswith("Q201 How will you")
        shown = [tree.render_line(y).text for y in range(tree.size.height)]
        assert any("Q202 How will you" in line for line in shown)
