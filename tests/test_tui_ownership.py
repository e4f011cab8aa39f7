"""Ownership in the reader, as the user sees it: another coder's annotation under the
cursor is named in the status line; t tags that passage as the user's own coding; a and
d on it ask first (or are refused with others = "refuse"); c chooses whose codings show."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from textual.pilot import Pilot

from store import Annotation, AnnotationStore
from tests.conftest import screen_lines, shown_text, wait_until
from tests.test_tui_app import WIDE, seeds, settle
from tui.app import GlossApp, make_app
from tui.widgets.annotation_list import AnnotationList


@pytest.fixture
def store(tmp_path: Path) -> Iterator[AnnotationStore]:
    opened = AnnotationStore.open(tmp_path / "team.json")
    yield opened
    opened.close()


def bobs_first_sentence(store: AnnotationStore) -> Annotation:
    interview = seeds()[0]
    first = interview.sentences[0]
    return store.add(
        interview, first.start, first.end, tags=["bob-tag"], note="bob's note", author="bob"
    ).annotation


@asynccontextmanager
async def reading(
    store: AnnotationStore, others: str = "ask", size: tuple[int, int] = WIDE
) -> AsyncIterator[tuple[GlossApp, Pilot[None]]]:
    app = make_app(seeds(), store, author="ana", others=others)
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        yield app, pilot


def status_line(app: GlossApp) -> str:
    return next(line for line in screen_lines(app) if " by ana" in line)


def saved(app: GlossApp, said: str) -> bool:
    """The status line says ``said`` and that it is on disk (not "saving…")."""
    line = status_line(app)
    return said in line and "  saved  by " in line


def asked(app: GlossApp, question: str) -> bool:
    """A confirmation asking ``question`` is up and drawn."""
    drawn = type(app.screen).__name__ == "Confirm" and question in " ".join(shown(app).split())
    return drawn


def editing(app: GlossApp) -> str:
    """The note editor's text as drawn, once it is up ("" before)."""
    return shown(app) if type(app.screen).__name__ == "NoteEditor" else ""


def shown(app: GlossApp) -> str:
    return "\n".join(screen_lines(app))


async def test_the_status_line_names_the_coder_under_the_cursor(store: AnnotationStore):
    bobs_first_sentence(store)
    async with reading(store) as (app, pilot):
        assert "here: bob" in status_line(app)
        await pilot.press("j")
        await wait_until(pilot, lambda: "here:" not in status_line(app), what="cursor moved on")


async def test_t_on_another_coders_passage_makes_my_own_coding(store: AnnotationStore) -> None:
    bobs = bobs_first_sentence(store)
    async with reading(store) as (app, pilot):
        await pilot.press("t")
        # The picker is pushed before it is drawn, and the status line under it repainted
        # after that: wait (bounded) for both, as the user then sees them.
        await wait_until(
            pilot,
            lambda: "Tag this passage" in shown(app) and "bob's stays theirs" in shown(app),
            what="the picker over the status line's word",
        )
        assert type(app.screen).__name__ == "TagPicker"
        await pilot.press(*"mine", "enter")
        # The save runs in a worker started once the picker has closed: wait for its word.
        await wait_until(pilot, lambda: "here: you, bob" in status_line(app), what="saved")
        await settle(app, pilot)
        stored = {a.author: (a.start, a.end, a.tags) for a in store.annotations()}
        assert stored == {
            "bob": (bobs.start, bobs.end, ("bob-tag",)),
            "ana": (bobs.start, bobs.end, ("mine",)),
        }
        # t again on that passage edits my own coding there, never bob's.
        await pilot.press("t")
        await wait_until(pilot, lambda: "Tags of this passage" in shown(app), what="the picker")
        await pilot.press(*"more", "enter")
        await wait_until(pilot, lambda: saved(app, "+more"), what="the retag saved")
        await settle(app, pilot)
        stored = {a.author: a.tags for a in store.annotations()}
        assert stored == {"bob": ("bob-tag",), "ana": ("mine", "more")}


async def test_d_on_another_coders_annotation_asks_first(store: AnnotationStore) -> None:
    bobs = bobs_first_sentence(store)
    async with reading(store) as (app, pilot):
        await pilot.press("d")
        await wait_until(pilot, lambda: asked(app, "Delete it anyway?"), what="the question")
        assert "This is bob's coding. Delete it anyway?" in " ".join(shown(app).split())
        await pilot.press("n")
        await wait_until(pilot, lambda: "left bob's coding" in status_line(app), what="the answer")
        await settle(app, pilot)
        await wait_until(
            pilot, lambda: store.get(bobs.id) is not None, what="store.get(bobs.id) is not None"
        )
        assert "left bob's coding as it is" in status_line(app)
        await pilot.press("d")
        await wait_until(pilot, lambda: asked(app, "Delete it anyway?"), what="the question")
        await pilot.press("y")
        await wait_until(pilot, lambda: saved(app, "deleted bob-tag"), what="the delete saved")
        await settle(app, pilot)
        await wait_until(
            pilot, lambda: store.get(bobs.id) is None, what="store.get(bobs.id) is None"
        )


async def test_a_on_another_coders_annotation_asks_then_edits_theirs(store: AnnotationStore):
    bobs = bobs_first_sentence(store)
    async with reading(store) as (app, pilot):
        await pilot.press("a")
        await wait_until(pilot, lambda: asked(app, "Edit it anyway?"), what="the question")
        await pilot.press("y")
        await wait_until(pilot, lambda: "bob's note" in editing(app), what="the note editor")
        await pilot.press(*" (ana agrees)", "ctrl+s")
        await wait_until(pilot, lambda: saved(app, "note saved"), what="the note saved")
        await settle(app, pilot)
        found = store.get(bobs.id)
        assert found is not None and found.note == "bob's note (ana agrees)"


@pytest.mark.parametrize("key", ["a", "d"])
async def test_refuse_leaves_another_coders_annotation_alone(
    store: AnnotationStore, key: str
) -> None:
    bobs = bobs_first_sentence(store)
    async with reading(store, others="refuse") as (app, pilot):
        await pilot.press(key)
        await wait_until(pilot, lambda: "not yours to" in status_line(app), what="the refusal")
        await settle(app, pilot)
        await wait_until(
            pilot,
            lambda: type(app.screen).__name__ == "MainScreen",
            what="type(app.screen).__name__ == 'MainScreen'",
        )
        assert "bob's coding: not yours to" in status_line(app)
        assert store.get(bobs.id) == bobs


async def test_c_chooses_whose_codings_are_shown(store: AnnotationStore) -> None:
    bobs_first_sentence(store)
    interview = seeds()[0]
    third = interview.sentences[2]
    store.add(interview, third.start, third.end, tags=["ana-tag"], author="ana")
    async with reading(store) as (app, pilot):

        def listed() -> str:
            return " ".join(shown_text(app.main.query_one(AnnotationList).rows))

        assert "bob-tag" in listed() and "ana-tag" in listed()
        await pilot.press("c")
        await wait_until(pilot, lambda: "(your codings)" in status_line(app), what="mine only")
        assert "1 annotation" in status_line(app)
        assert "bob-tag" not in listed() and "ana-tag" in listed()
        assert "here:" not in status_line(app)  # bob's is not shown: not under the cursor
        await pilot.press("c")
        await wait_until(pilot, lambda: "(bob's codings)" in status_line(app), what="bob's only")
        assert "bob-tag" in listed() and "ana-tag" not in listed()
        await pilot.press("c")
        await wait_until(pilot, lambda: "2 annotations" in status_line(app), what="everyone's")
        assert "codings)" not in status_line(app)
        assert "bob-tag" in listed() and "ana-tag" in listed()


async def test_c_and_the_ownership_rows_are_in_the_help(store: AnnotationStore) -> None:
    async with reading(store) as (app, pilot):
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: type(app.screen).__name__ == "HelpScreen")
        rows = {(e.keys, e.description) for e in app.screen.entries}  # type: ignore[attr-defined]
        assert ("c", "Whose codings: everyone's, mine, each coder's") in rows
        assert ("t on another's", "Tags the passage as your own coding") in rows
        assert ("a / d on another's", 'Asks first (others = "refuse" in config.toml)') in rows
