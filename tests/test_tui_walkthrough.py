"""What a walk through the app in a real terminal (tmux, 160x45 and 80x24) tripped on.

Each test pins one thing a person noticed, driven the way they drove it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from corpus import Interview
from store import Annotation, AnnotationStore
from tests.conftest import wait_until
from tests.test_tui_app import NARROW, WIDE, running, seeds, settle
from tui.app import GlossApp
from tui.screens.tag_picker import TagPicker
from tui.widgets.annotation_list import AnnotationList, AnnotationRows


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


def two_annotations(store: AnnotationStore) -> tuple[list[Interview], list[Annotation]]:
    """Two annotations on the left interview; the reader's cursor starts on the first."""
    interviews = seeds()
    sentences = interviews[0].sentences
    made = [
        store.add(interviews[0], s.start, s.end, tags=[tag], author="tester").annotation
        for s, tag in ((sentences[0], "first"), (sentences[2], "second"))
    ]
    return interviews, made


async def focus_list_second_row(app: GlossApp, pilot: Pilot[None]) -> None:
    await pilot.press("shift+tab", "shift+tab")  # left reader -> outline -> list
    await wait_until(
        pilot,
        lambda: isinstance(app.focused, AnnotationRows),
        what="isinstance(app.focused, AnnotationRows)",
    )
    await pilot.press("down")


async def test_d_in_the_list_deletes_the_highlighted_row_not_the_one_under_the_cursor(
    store: AnnotationStore,
) -> None:
    interviews, (first, _second) = two_annotations(store)
    async with running(store, interviews) as (app, pilot):
        await focus_list_second_row(app, pilot)
        await pilot.press("d")
        await settle(app, pilot)
        await wait_until(
            pilot,
            lambda: [a.id for a in store.annotations()] == [first.id],
            what="[a.id for a in store.annotations()] == [first.id]",
        )


async def test_t_in_the_list_edits_the_tags_of_the_highlighted_row(
    store: AnnotationStore,
) -> None:
    interviews, (first, second) = two_annotations(store)
    async with running(store, interviews) as (app, pilot):
        await focus_list_second_row(app, pilot)
        await pilot.press("t")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, TagPicker) and picker.marked == ["second"]
        await pilot.press(*"extra", "enter")
        await settle(app, pilot)
        assert {a.id: a.tags for a in store.annotations()} == {
            first.id: ("first",),
            second.id: ("extra", "second"),
        }
