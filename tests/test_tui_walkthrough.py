"""What a walk through the app in a real terminal (tmux, 160x45 and 80x24) tripped on.

Each test pins one thing a person noticed, driven the way they drove it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Static

from store import AnnotationStore
from tests.test_tui_app import NARROW, WIDE, running, seeds
from tui.widgets.annotation_list import AnnotationList


@pytest.fixture
def store(tmp_path: Path) -> Iterator[AnnotationStore]:
    opened = AnnotationStore.open(tmp_path / "notes.json")
    yield opened
    opened.close()


@pytest.mark.parametrize("size", [WIDE, NARROW])
async def test_list_header_keeps_the_count_and_cuts_a_long_title_at_a_word(
    store: AnnotationStore, size: tuple[int, int]
) -> None:
    interviews = seeds()
    right = interviews[1]  # its title is long: it does not fit 80 columns
    first = right.sentences[3]
    store.add(right, first.start, first.end, tags=["policy"], author="tester")
    async with running(store, interviews, size=size) as (app, pilot):
        if size == NARROW:
            await pilot.press("l")  # the list is shown on demand when narrow
        await pilot.press("w")  # the right reader
        await pilot.pause()
        listing = app.main.query_one(AnnotationList)
        title = listing.query_one("#list-title", Static)
        shown = str(title.render())
        assert shown.startswith("Annotations (1): ")
        assert "\n" not in shown and len(shown) <= title.size.width
        if size == NARROW:
            assert shown.endswith("…")
            cut = shown.removeprefix("Annotations (1): ").removesuffix("…")
            assert right.title.startswith(cut)
            assert right.title[len(cut)] == " "  # cut between words
