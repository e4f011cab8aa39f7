"""What a new user met in the reader, as they see it on screen (issue 8, item 10).

A search hit stands out inside its sentence; a filtered list says how many it shows; the
list can show every interview's annotations and jump to the right reader; the quick-tag
line says what 1-9 apply; the footer fits at 80x24; annotated lines carry a gutter mark
that is not the cursor's, with and without colour.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from textual.pilot import Pilot

from corpus import Interview, load_interview
from store import AnnotationStore
from tests.conftest import (
    CLEAN_SEED,
    NOISY_SEED,
    screen_lines,
    screen_text,
    settle,
    wait_until,
)
from tui.app import GlossApp, make_app
from tui.widgets.annotation_list import AnnotationRows
from tui.widgets.key_footer import KeyFooter
from tui.widgets.reader import Reader
from tui.widgets.status import StatusLine

WIDE = (160, 45)
NARROW = (80, 24)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[AnnotationStore]:
    opened = AnnotationStore.open(tmp_path / "notes.json")
    yield opened
    opened.close()


def seeds() -> list[Interview]:
    return [load_interview(NOISY_SEED), load_interview(CLEAN_SEED)]


@asynccontextmanager
async def running(
    store: AnnotationStore, size: tuple[int, int] = WIDE, interviews: list[Interview] | None = None
) -> AsyncIterator[tuple[GlossApp, Pilot[None]]]:
    app = make_app(interviews or seeds(), store, author="tester")
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        yield app, pilot


def row_of(app: GlossApp, widget_type: type) -> str:
    """The screen row where the (first) widget of ``widget_type`` is drawn ("" if off it)."""
    lines = screen_lines(app)
    y = app.screen.query_one(widget_type).region.y
    return lines[y] if 0 <= y < len(lines) else ""  # mid-resize it may be below the screen


def list_lines(app: GlossApp) -> list[str]:
    """The annotation list's title and rows as on screen."""
    rows = app.screen.query_one(AnnotationRows).region
    lines = screen_lines(app)
    return [line[rows.x : rows.right] for line in lines[rows.y - 1 : rows.bottom]]


def list_title(app: GlossApp) -> str:
    """The annotation list's title line as on screen."""
    title = app.screen.query_one("#list-title").region
    return screen_lines(app)[title.y][title.x : title.right]


def status_row(app: GlossApp) -> str:
    """The status line as on screen."""
    return row_of(app, StatusLine)


def quick_line(app: GlossApp) -> str:
    """The quick-tag line under the status line, as on screen."""
    lines = screen_lines(app)
    y = app.screen.query_one(StatusLine).region.y + 1
    return lines[y] if y < len(lines) else ""


def focused_reader(app: GlossApp) -> Reader:
    assert isinstance(app.focused, Reader)
    return app.focused


# -- search ----------------------------------------------------------------------------


@pytest.mark.parametrize("no_color", [False, True], ids=["colour", "NO_COLOR"])
async def test_a_hit_stands_out_inside_the_cursor_sentence(
    store: AnnotationStore, monkeypatch: pytest.MonkeyPatch, no_color: bool
) -> None:
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    async with running(store) as (app, pilot):
        await pilot.press("slash", *"digital", "enter")
        await wait_until(pilot, lambda: "hit 1 of " in status_row(app), what="the search's hit")
        here = focused_reader(app)
        layout = here.text_layout
        span = here.cursor_span
        first = layout.line_of(span.start) - int(here.scroll_y)
        last = layout.line_of(span.end - 1) - int(here.scroll_y)
        drawn = [seg for y in range(first, last + 1) for seg in here.render_line(y)]
        hits = [seg for seg in drawn if seg.text.lower() == "digital"]
        rest = [seg for seg in drawn if seg.text.strip() and seg not in hits and seg.style]
        # The matched characters are reverse video (black on yellow in colour), the rest
        # of the cursor sentence is not: without colour the hit still stands out.
        assert hits and all(seg.style and seg.style.reverse for seg in hits)
        sentence = [seg for seg in rest if seg.style and seg.style.underline]
        assert sentence and not any(seg.style and seg.style.reverse for seg in sentence)


# -- the annotation list -----------------------------------------------------------------


def annotate_both(store: AnnotationStore) -> list[Interview]:
    interviews = seeds()
    left, right = (i.sentences for i in interviews)
    store.add(interviews[0], left[0].start, left[0].end, tags=["policy/tax"], author="ann")
    store.add(interviews[0], left[2].start, left[2].end, tags=["growth"], author="ann")
    store.add(interviews[1], right[3].start, right[3].end, tags=["policy/aid"], author="bo")
    return interviews


async def test_a_filtered_list_says_how_many_of_how_many_it_shows(
    store: AnnotationStore,
) -> None:
    interviews = annotate_both(store)
    async with running(store, interviews=interviews) as (app, pilot):
        assert list_title(app).startswith(f" Annotations (2): {interviews[0].title[:8]}")
        app.screen.query_one(AnnotationRows).focus()
        await pilot.press("f", *"pol")
        await wait_until(
            pilot,
            lambda: (
                "Annotations (1 of 2, tag pol)"
                in screen_lines(app)[app.screen.query_one("#list-title").region.y]
            ),
            what="the filtered count in the title",
        )
        await pilot.press("escape")
        await wait_until(
            pilot,
            lambda: list_title(app).startswith(" Annotations (2): "),
            what="the count without the filter",
        )


async def test_i_lists_every_interview_and_enter_jumps_to_the_right_reader(
    store: AnnotationStore,
) -> None:
    interviews = annotate_both(store)
    async with running(store, interviews=interviews) as (app, pilot):
        app.screen.query_one(AnnotationRows).focus()
        await pilot.press("i")
        await wait_until(
            pilot,
            lambda: list_title(app).startswith(" Annotations (3, every interview)"),
            what="the list of every interview",
        )
        title, *rows = list_lines(app)
        assert title.startswith(" Annotations (3, every interview)")
        listed = [r for r in rows if "“" in r]
        assert len(listed) == 3
        assert "policy/aid" in listed[2] and listed[2].startswith("Go all out")
        await pilot.press("G", "enter")
        await wait_until(
            pilot,
            lambda: isinstance(app.focused, Reader) and app.focused.interview == interviews[1],
            what="the right reader focused",
        )
        right = focused_reader(app)
        assert right.interview.id == interviews[1].id
        await wait_until(
            pilot,
            lambda: right.cursor_span == interviews[1].sentences[3],
            what="the cursor on the listed passage",
            seen=lambda: right.cursor_span,
        )
        # Filtering counts what the every-interview list holds.
        app.screen.query_one(AnnotationRows).focus()
        await pilot.press("f", *"policy", "enter")
        await wait_until(
            pilot,
            lambda: list_title(app).startswith(
                " Annotations (2 of 3, every interview, tag policy)"
            ),
            what="the filtered count of every interview",
        )
        await pilot.press("i")
        await wait_until(
            pilot,
            lambda: list_title(app).startswith(" Annotations (1 of 1, tag policy): Go all out"),
            what="the filtered count of this interview",
        )


# -- quick tags and the footer -----------------------------------------------------------


@pytest.mark.parametrize("size", [WIDE, NARROW], ids=["160x45", "80x24"])
async def test_the_quick_tag_line_says_what_each_number_applies(
    store: AnnotationStore, size: tuple[int, int]
) -> None:
    async with running(store, size=size) as (app, pilot):
        assert not any(line.startswith(" 1 ") for line in screen_lines(app))
        await pilot.press("t", *"policy/tax", "enter")
        await wait_until(
            pilot, lambda: quick_line(app) == " 1 policy/tax", what="the first quick tag"
        )
        await pilot.press("j", "t", *"economy/growth", "enter")
        await wait_until(
            pilot,
            lambda: quick_line(app) == " 1 economy/growth  2 policy/tax",
            what="the latest tag first",
        )
        await pilot.press("j", "2")  # applies what the line says 2 is
        await wait_until(
            pilot,
            lambda: quick_line(app) == " 1 policy/tax  2 economy/growth",
            what="the applied tag first",
        )
        await settle(app, pilot)
        tagged = focused_reader(app).interview.sentences[2]
        assert [a.tags for a in store.annotations() if a.start == tagged.start] == [("policy/tax",)]
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: "economy/growth" in screen_text(app), what="the help")
        assert type(app.screen).__name__ == "HelpScreen"
        shown = screen_text(app)
        assert "1 " in shown and "policy/tax" in shown and "economy/growth" in shown


async def test_the_quick_tag_line_gives_way_whole_entries_at_80_columns(
    store: AnnotationStore,
) -> None:
    interviews = seeds()
    first = interviews[0].sentences[0]
    tags = [f"theme/long-descriptive-name-{n}" for n in range(1, 10)]
    for tag in tags:
        store.add(interviews[0], first.start, first.end, tags=[tag], author="ann")
    async with running(store, size=NARROW, interviews=interviews) as (app, _pilot):
        row = screen_lines(app)[app.screen.query_one(StatusLine).region.y + 1]
        assert row.startswith(" 1 theme/") and row.endswith(" …")
        assert len(row) <= 80
        entries = row[1:-2].split("  ")
        assert all(e.split(" ", 1)[1] in tags for e in entries)  # no tag cut in half


@pytest.mark.parametrize("start", [NARROW, WIDE], ids=["started narrow", "resized to narrow"])
async def test_the_footer_fits_at_80x24(
    store: AnnotationStore, start: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    async with running(store, size=start) as (app, pilot):
        await pilot.resize_terminal(*NARROW)
        # The footer is laid out again for the new width after the resize is handled.
        await wait_until(
            pilot, lambda: app.screen.size == NARROW, what="the resize", seen=lambda: app.size
        )
        await wait_until(
            pilot,
            lambda: row_of(app, KeyFooter).rstrip().endswith("q Quit"),
            what="the footer ending in q Quit",
        )
        footer = row_of(app, KeyFooter)
        assert footer.rstrip().endswith("q Quit") and "palette" not in footer, footer
        await pilot.press("l", "tab")  # the list, with its own keys
        await wait_until(
            pilot, lambda: "i All/this" in row_of(app, KeyFooter), what="the list's keys"
        )
        assert isinstance(app.focused, AnnotationRows)
        footer = row_of(app, KeyFooter)
        assert "i All/this" in footer and footer.rstrip().endswith("q Quit"), footer


# -- annotated passages without colour ---------------------------------------------------


@pytest.mark.parametrize("no_color", [False, True], ids=["colour", "NO_COLOR"])
async def test_annotated_lines_have_a_gutter_mark_that_is_not_the_cursor(
    store: AnnotationStore, monkeypatch: pytest.MonkeyPatch, no_color: bool
) -> None:
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    interviews = seeds()
    right = interviews[1].sentences
    store.add(interviews[1], right[2].start, right[2].end, tags=["policy"], author="ann")
    async with running(store, size=NARROW, interviews=interviews) as (app, pilot):
        await pilot.press("w")
        await wait_until(
            pilot,
            lambda: isinstance(app.focused, Reader) and app.focused.interview == interviews[1],
            what="the other reader",
        )
        await wait_until(
            pilot,
            lambda: "┃" in screen_text(app),
            what="the annotated lines drawn",
        )
        reader = focused_reader(app)
        layout = reader.text_layout
        annotated = layout.lines_between(right[2].start, right[2].end)
        top = int(reader.scroll_y)
        lines = [reader.render_line(y).text for y in range(reader.size.height)]
        for index, line in enumerate(lines, start=top):
            if index in annotated:
                assert line[3] == "┃", line
            elif index < len(layout.lines):
                assert line[3] == " ", line
        cursor = layout.line_of(reader.cursor_span.start) - top
        assert lines[cursor].startswith("▌") and lines[cursor][3] == " "
