"""What the main screen looks like, wide and in a plain 80x24 SSH window.

Textual is pinned exactly (pyproject), so these SVG snapshots stay stable; refresh them
with ``pytest tests/test_snapshots.py --snapshot-update`` after a deliberate change and
look at the report before committing.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Static

from corpus import load_interview
from store import AnnotationStore
from store.anchoring import annotation_at
from tests.conftest import CLEAN_SEED, NOISY_SEED, ROOT, settle
from tui.app import GlossApp, make_app
from tui.screens.export_dialog import ExportDialog


@pytest.fixture
def app(tmp_path: Path) -> Iterator[GlossApp]:
    interviews = [load_interview(NOISY_SEED), load_interview(CLEAN_SEED)]
    store = AnnotationStore.open(tmp_path / "snap.json")
    # Two overlapping annotations and one on the other interview, so highlights show.
    left = interviews[0].sentences
    store.add(interviews[0], left[0].start, left[1].end, tags=["recovery"], author="ann")
    store.add(interviews[0], left[1].start, left[1].end, tags=["policy"], author="bo")
    right = interviews[1].sentences
    store.add(interviews[1], right[2].start, right[2].end, tags=["policy"], note="n", author="ann")
    yield make_app(interviews, store, author="tester")
    store.close()


async def _settle(pilot: Any) -> None:
    await settle(pilot.app, pilot)


def test_main_screen_wide(snap_compare: Any, app: GlossApp) -> None:
    assert snap_compare(app, terminal_size=(160, 45), run_before=_settle)


def test_main_screen_narrow(snap_compare: Any, app: GlossApp) -> None:
    assert snap_compare(app, terminal_size=(80, 24), run_before=_settle)


def test_main_screen_selection(snap_compare: Any, app: GlossApp) -> None:
    async def select(pilot: Any) -> None:
        await _settle(pilot)
        await pilot.press("right_square_bracket", "v", "j", "j")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(160, 45), run_before=select)


def test_narrow_with_outline_and_list_shown(snap_compare: Any, app: GlossApp) -> None:
    async def panels(pilot: Any) -> None:
        await _settle(pilot)
        await pilot.press("o", "l")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=panels)


def test_narrow_search_hit_and_every_interviews_list(snap_compare: Any, app: GlossApp) -> None:
    """The hit inside its sentence, the quick-tag line, the list of every interview (i)."""

    async def search(pilot: Any) -> None:
        await _settle(pilot)
        await pilot.press("slash", *"growth", "enter", "l", "tab", "i")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=search)


@pytest.fixture
def comparing(tmp_path: Path) -> Iterator[GlossApp]:
    """ann and bo's codings of the noisy interview side by side."""
    interviews = [load_interview(NOISY_SEED)]
    store = AnnotationStore.open(tmp_path / "team.json")
    s = interviews[0].sentences
    store.add(interviews[0], s[0].start, s[1].end, tags=["recovery"], author="ann")
    store.add(interviews[0], s[1].start, s[1].end, tags=["policy"], author="bo")
    store.add(interviews[0], s[4].start, s[5].end, tags=["policy"], author="bo")
    yield make_app(interviews, store, author="tester", compare=("ann", "bo"))
    store.close()


@pytest.mark.parametrize("size", [(160, 45), (80, 24)])
def test_comparing_two_coders(
    snap_compare: Any, comparing: GlossApp, size: tuple[int, int]
) -> None:
    async def next_difference(pilot: Any) -> None:
        await _settle(pilot)
        await pilot.press("n", "n")
        await pilot.pause()

    assert snap_compare(comparing, terminal_size=size, run_before=next_difference)


@pytest.fixture
def opening(tmp_path: Path) -> Iterator[GlossApp]:
    """A press call whose official lists four parts of a plan before any question."""
    interview = load_interview(
        ROOT / "tests" / "transcripts" / "wh_background_press_call_2021-03-30.txt"
    )
    store = AnnotationStore.open(tmp_path / "opening.json")
    yield make_app([interview], store, author="tester")
    store.close()


@pytest.mark.parametrize("size", [(160, 45), (80, 24)])
def test_measures_before_the_questions_in_the_outline(
    snap_compare: Any, opening: GlossApp, size: tuple[int, int]
) -> None:
    """``(before the questions)`` and its four items above Q1; ``}`` on the first one (the
    gutter says ``1.``); at 80 columns the outline is shown with ``o``."""

    async def first_measure(pilot: Any) -> None:
        await _settle(pilot)
        if size[0] < 100:
            await pilot.press("o")
        await pilot.press("right_curly_bracket")
        await _settle(pilot)

    assert snap_compare(opening, terminal_size=size, run_before=first_measure)


class ExportHost(App[None]):
    """The export dialog alone, its default path fixed (``~``, a set time)."""

    def compose(self) -> ComposeResult:
        yield Static("")

    def on_mount(self) -> None:
        interview = load_interview(CLEAN_SEED)
        annotation = annotation_at(
            interview, 0, 40, annotation_id="a", tags=("t",), note="", author="ann",
            stamp="2026-03-04T05:06:00.000Z",
        )  # fmt: skip
        self.push_screen(
            ExportDialog([annotation], {interview.id: interview}, now=datetime(2026, 3, 4, 5, 6))
        )


def test_export_dialog_offers_every_format(snap_compare: Any) -> None:
    """CSV, JSON, JSONL, W3C JSON-LD and REFI-QDA on one line of an 80-column window;
    REFI-QDA chosen (the path's extension follows: .qdpx)."""

    async def choose_refi(pilot: Any) -> None:
        await pilot.pause()
        await pilot.press("shift+tab", "right", "right", "right", "right", "enter")
        await pilot.pause()

    assert snap_compare(ExportHost(), terminal_size=(80, 24), run_before=choose_refi)
