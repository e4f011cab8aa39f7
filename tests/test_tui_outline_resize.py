"""The outline keeps its drawn lines through a resize that leaves its width alone (start-up
skips Textual's redraw of the whole tree), and still shows exactly what a fresh start at
the new size shows, for a new height and for a new width."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from corpus import load_interview
from store import AnnotationStore
from tests.conftest import CLEAN_SEED, NOISY_SEED
from tui.app import make_app
from tui.widgets.outline import OutlineTree


@pytest.fixture
def store(tmp_path: Path) -> Iterator[AnnotationStore]:
    opened = AnnotationStore.open(tmp_path / "notes.json")
    yield opened
    opened.close()


async def outline_lines(store: AnnotationStore, size: tuple[int, int]) -> list[str]:
    """The outline's visible lines in an app started at ``size``."""
    app = make_app([load_interview(NOISY_SEED), load_interview(CLEAN_SEED)], store, author="t")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        tree = app.screen.query_one(OutlineTree)
        return [tree.render_line(y).text for y in range(tree.size.height)]


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
        await pilot.pause()
        shown = [tree.render_line(y).text for y in range(tree.size.height)]
    assert any(line.strip() for line in shown)
    assert shown == expected
