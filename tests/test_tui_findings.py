"""The findings screens as a user drives them (R, #, X) on a real database: what they
list, the coder and column toggles, and a passage opened in the reader from them."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable

from corpus import Interview, load_interview
from store import AnnotationStore
from tests.conftest import CLEAN_SEED, NOISY_SEED, ROOT, screen_lines, settle, wait_until
from tui.app import GlossApp, make_app

WIDE = (160, 45)
NARROW = (80, 24)
THIRD = ROOT / "tests" / "data" / "composed_interview.txt"
ELSEWHERE = ROOT / "tests" / "data" / "composed_interview_2.txt"


@pytest.fixture
def interviews(tmp_path: Path) -> list[Interview]:
    """The two seeds, a third open but not shown, and one only the database knows."""
    copy = tmp_path / "elsewhere.txt"
    shutil.copy(ELSEWHERE, copy)
    return [load_interview(p) for p in (NOISY_SEED, CLEAN_SEED, THIRD, copy)]


def answer(interview: Interview, question: int, skip: int = 0) -> int:
    return interview.outline.questions[question].answer.start + skip


@pytest.fixture
def db(tmp_path: Path, interviews: list[Interview]) -> Path:
    noisy, clean, third, elsewhere = interviews
    path = tmp_path / "team.json"
    with AnnotationStore.open(path) as store:
        at = answer(clean, 0)
        store.add(clean, at, at + 40, tags=["policy/tax", "economy"],
                  note="[bold]not markup[/bold]", author="ann")  # fmt: skip
        store.add(clean, at + 20, at + 60, tags=["economy"], author="bob")
        store.add(noisy, answer(noisy, 1), answer(noisy, 1, 30), tags=["policy"], author="bob")
        store.add(third, answer(third, 1), answer(third, 1, 30), tags=["policy/land"],
                  note="red line", author="ann")  # fmt: skip
        store.add(elsewhere, answer(elsewhere, 0), answer(elsewhere, 0, 25),
                  tags=["policy/far"], author="bob")  # fmt: skip
    return path


@asynccontextmanager
async def reading(
    db: Path, interviews: list[Interview], size: tuple[int, int] = WIDE
) -> AsyncIterator[tuple[GlossApp, Pilot[None]]]:
    """The reader over the first three interviews (the fourth is only in the database)."""
    store = AnnotationStore.open(db)
    app = make_app(interviews[:3], store, author="me", db_path=db)
    try:
        async with app.run_test(size=size, notifications=True) as pilot:
            await settle(app, pilot)
            yield app, pilot
    finally:
        store.close()


def screen(app: GlossApp) -> str:
    return "\n".join(screen_lines(app))


def flowing(app: GlossApp) -> str:
    """The screen's words as one line: a wrapped entry reads as it was written."""
    return " ".join(" ".join(line.strip("▊▎ ") for line in screen_lines(app)).split())


async def press(app: GlossApp, pilot: Pilot[None], *keys: str) -> None:
    await pilot.press(*keys)
    await settle(app, pilot)


async def pick_code(app: GlossApp, pilot: Pilot[None], code: str) -> None:
    """On the retrieval screen, move to ``code``'s row and press enter."""
    await press(app, pilot, "R")
    await wait_until(pilot, lambda: "economy " in screen(app), what="the codes")
    rows = [line.strip("▊▎ ") for line in screen_lines(app)]
    listed = [row.split()[0] for row in rows[2:] if row and row.split()[-1].isdigit()]
    await press(app, pilot, *["down"] * listed.index(code), "enter")
    await wait_until(pilot, lambda: "and the codes below it" in screen(app), what="passages")


# -- retrieval ------------------------------------------------------------------------


async def test_retrieval_lists_every_passage_of_a_code_with_its_place_and_coder(
    db: Path, interviews: list[Interview]
) -> None:
    _noisy, clean, _third, elsewhere = interviews
    async with reading(db, interviews) as (app, pilot):
        await press(app, pilot, "R")
        await wait_until(pilot, lambda: "economy " in screen(app), what="the codes")
        assert "pick a code" in screen(app)
        codes = [line.strip("▊▎ ") for line in screen_lines(app)[2:9]]
        # a tree with each code's passages, sub-codes rolled up into their parent
        assert codes[:3] == ["economy      2", "policy       4", "far        1"]
        await pick_code(app, pilot, "policy")
        shown = flowing(app)
        assert "policy and the codes below it: 4 passages in 4 interviews · every coder" in shown
        question = " ".join(clean.outline.questions[0].text.split())
        assert f"{clean.title[:47]}… · Q1: {question} · ann · policy/tax" in shown
        assert "note: [bold]not markup[/bold]" in shown  # shown as typed, never as markup
        assert f"{elsewhere.title[:47]}… · Q1" in shown  # read from its file
        await press(app, pilot, "c")
        await wait_until(
            pilot,
            lambda: "2 passages in 2 interviews · ann's codings" in flowing(app),
            what="ann's codings",
        )
        assert " · bob · " not in flowing(app)


async def test_enter_opens_a_passage_of_an_interview_not_shown(
    db: Path, interviews: list[Interview]
) -> None:
    third = interviews[2]
    async with reading(db, interviews) as (app, pilot):
        await pick_code(app, pilot, "land")
        await press(app, pilot, "enter")
        await wait_until(pilot, lambda: "here: ann" in screen(app), what="the reader on it")
        status = next(row for row in screen_lines(app) if "here: ann" in row)
        assert third.title[:20] in status
        assert "red line" in screen(app)  # its annotation in the list


async def test_enter_reads_an_interview_that_was_not_open(
    db: Path, interviews: list[Interview]
) -> None:
    elsewhere = interviews[3]
    async with reading(db, interviews) as (app, pilot):
        await pick_code(app, pilot, "far")
        await press(app, pilot, "enter")
        await wait_until(pilot, lambda: "here: bob" in screen(app), what="the reader on it")
        assert elsewhere.title[:20] in next(r for r in screen_lines(app) if "here: bob" in r)


async def test_escape_goes_back_to_the_codes_then_to_the_reader(
    db: Path, interviews: list[Interview]
) -> None:
    async with reading(db, interviews) as (app, pilot):
        await pick_code(app, pilot, "economy")
        await press(app, pilot, "escape")
        await wait_until(pilot, lambda: "pick a code" in screen(app), what="the codes")
        await press(app, pilot, "escape")
        await wait_until(
            pilot,
            lambda: "pick a code" not in screen(app) and "Annotations" in screen(app),
            what="the reader",
        )


# -- counts ---------------------------------------------------------------------------


def matrix_rows(app: GlossApp) -> dict[str, list[str]]:
    """The counts screen's rows as shown: code -> its cells."""
    return {line.split()[0]: line.split()[1:] for line in screen_lines(app)[1:9] if line}


async def test_counts_matrix_rolls_up_and_switches_to_coders(
    db: Path, interviews: list[Interview]
) -> None:
    async with reading(db, interviews) as (app, pilot):
        await press(app, pilot, "number_sign")
        await wait_until(pilot, lambda: "economy" in matrix_rows(app), what="the matrix")
        assert "per code and interview" in screen(app)
        rows = matrix_rows(app)
        # economy: ann's 40 and bob's 40 characters overlap by 20 in the clean seed
        assert rows["economy"][0] == "2/60"
        assert rows["policy"][0] == "4/125"
        await press(app, pilot, "b")
        # The header and the rows are drawn as they come: wait for both.
        await wait_until(
            pilot,
            lambda: (
                matrix_rows(app).get("code") == ["total", "ann", "bob"]
                and matrix_rows(app).get("economy") == ["2/60", "1/40", "1/40"]
            ),
            what="the counts per coder",
        )


# -- co-occurrence --------------------------------------------------------------------


async def test_cooccurrence_cell_lists_the_passages_behind_it_and_opens_one(
    db: Path, interviews: list[Interview]
) -> None:
    async with reading(db, interviews) as (app, pilot):
        await press(app, pilot, "X")
        await wait_until(pilot, lambda: "1 economy" in screen(app), what="the matrix")
        lines = screen_lines(app)
        assert lines[1].split() == ["code", "1", "2", "3", "4", "5"]
        economy = lines[2].split()
        assert economy[:2] == ["1", "economy"]
        # economy meets policy/tax twice: on ann's passage itself, and bob's overlapping one
        codes = [line.split()[1] for line in lines[2:7]]
        assert economy[2:] == ["·", "2"] and codes[4] == "policy/tax"
        await press(app, pilot, "right", "right", "right", "right", "right", "enter")
        await wait_until(
            pilot,
            lambda: "economy × policy/tax: 2 meetings" in screen(app),
            what="the cell's passages",
        )
        assert "meets " in screen(app)  # bob's passage shown with ann's it overlaps
        await press(app, pilot, "escape")
        await wait_until(pilot, lambda: "1 economy" in screen(app), what="the matrix again")
        assert "meetings" not in screen(app)
        await press(app, pilot, "enter", "enter")
        await wait_until(pilot, lambda: "here: " in screen(app), what="the reader on it")


async def test_cooccurrence_by_question_and_by_coder(db: Path, interviews: list[Interview]) -> None:
    async with reading(db, interviews) as (app, pilot):
        await press(app, pilot, "X")
        await wait_until(pilot, lambda: "codes that meet" in screen(app))
        await press(app, pilot, "s")
        await wait_until(pilot, lambda: "shared questions · every coder" in screen(app))
        await press(app, pilot, "c")
        await wait_until(pilot, lambda: "ann's codings" in screen(app))


# -- in a small window, in the help and the palette -----------------------------------


async def test_the_findings_screens_fit_80_columns(db: Path, interviews: list[Interview]) -> None:
    async with reading(db, interviews, size=NARROW) as (app, pilot):
        await pick_code(app, pilot, "policy")
        await wait_until(
            pilot, lambda: "c Coder" in screen_lines(app)[-1], what="the passages' keys"
        )
        lines = screen_lines(app)
        assert "policy and the codes below it" in lines[0]
        assert "c Coder" in lines[-1] and "q Close" in lines[-1]
        await press(app, pilot, "q", "number_sign")
        await wait_until(pilot, lambda: "per code" in screen(app))
        assert all(len(line) <= 80 for line in screen_lines(app))


async def test_help_and_palette_name_the_findings_keys(
    db: Path, interviews: list[Interview]
) -> None:
    async with reading(db, interviews) as (app, pilot):
        await press(app, pilot, "question_mark")
        await wait_until(pilot, lambda: "Help" in screen(app), what="the help")
        table = app.screen.query_one("#keys", DataTable)

        def at_the_end() -> bool:
            last = table.cursor_row == table.row_count - 1
            return last and table.scroll_y == table.max_scroll_y

        seen: list[str] = []
        for _ in range(6):  # the key table is longer than the dialog: page through it
            page = screen_lines(app)
            seen += [" ".join(line.split()) for line in page]
            await press(app, pilot, "pagedown")
            await wait_until(
                pilot,
                lambda page=page: screen_lines(app) != page or at_the_end(),
                what="the next page of keys",
            )
        assert any("R Retrieve: every passage of a code" in row for row in seen)
        assert any("# Counts: codes x interviews" in row for row in seen)
        assert any("X Co-occurrence of codes" in row for row in seen)
        await press(app, pilot, "escape", "ctrl+p")
        await press(app, pilot, *"co-occurrence")
        await wait_until(
            pilot, lambda: "Co-occurrence of codes" in screen(app), what="the palette's match"
        )
        await press(app, pilot, "enter")
        await wait_until(pilot, lambda: "codes that meet" in screen(app), what="the screen")
