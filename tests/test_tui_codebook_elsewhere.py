"""A codebook change made by another process (``gloss tags rename`` / ``merge`` in a child
process on the same database) reaches the open reader: the quick-tag line shows the new
name within the watch's bound, and the quick key stores the new name, never the old."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import OptionList

from store import AnnotationStore
from tests.conftest import ROOT, screen_lines, shown_text, wait_until
from tests.test_tui_app import main, running, seeds, settle


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "team.json"


@pytest.fixture
def store(db: Path) -> Iterator[AnnotationStore]:
    opened = AnnotationStore.open(db)
    yield opened
    opened.close()


def gloss(*args: str) -> None:
    """The real command line, in a child process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "tui", *args], cwd=ROOT, env=env, capture_output=True,
        text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr


def quick_line(lines: list[str]) -> str:
    """The quick-tag line (``1 tag  2 tag``), or "" if it is not shown."""
    return next((line for line in lines if line.lstrip().startswith("1 ")), "")


def key_of(tag: str, line: str) -> str:
    """The number key the quick-tag line gives ``tag``."""
    words = line.split()
    return words[words.index(tag) - 1]


async def test_a_rename_from_the_cli_reaches_the_quick_keys(store: AnnotationStore, db: Path):
    interviews = seeds()
    first, second = interviews[0].sentences[:2]
    store.add(interviews[0], first.start, first.end, tags=["policy"], author="tester")
    store.add(interviews[0], second.start, second.end, tags=["growth"], author="tester")
    async with running(store, interviews) as (app, pilot):
        assert "policy" in quick_line(screen_lines(app)).split()
        await asyncio.to_thread(gloss, "tags", "rename", "policy", "politics", "--db", str(db))
        await wait_until(
            pilot,
            lambda: "politics" in quick_line(screen_lines(app)).split(),
            timeout=5,
            what="the quick-tag line shows the new name",
        )
        line = quick_line(screen_lines(app))
        assert "policy" not in line.split()
        await pilot.press("G", key_of("politics", line))
        await settle(app, pilot)
        last = interviews[0].sentences[-1]
        tags = {a.start: a.tags for a in store.annotations(interview=interviews[0].id)}
        assert tags[last.start] == ("politics",)
        assert "policy" not in {t.path for t in store.tags()}
        assert "policy" not in main(app).session.recent_tags


async def test_a_tag_merged_away_from_the_cli_leaves_the_quick_keys(
    store: AnnotationStore, db: Path
):
    interviews = seeds()
    first, second = interviews[0].sentences[:2]
    store.add(interviews[0], first.start, first.end, tags=["economy"], author="tester")
    store.add(interviews[0], second.start, second.end, tags=["policy"], author="tester")
    async with running(store, interviews) as (app, pilot):
        before = quick_line(screen_lines(app)).split()
        assert {"policy", "economy"} <= set(before)
        await asyncio.to_thread(gloss, "tags", "merge", "policy", "economy", "--db", str(db))
        await wait_until(
            pilot,
            lambda: "policy" not in quick_line(screen_lines(app)).split(),
            timeout=5,
            what="the merged-away tag leaves the quick-tag line",
        )
        line = quick_line(screen_lines(app)).split()
        assert line == ["1", "economy"]
        await pilot.press("G", "2")  # what was policy's key: nothing to apply now
        await settle(app, pilot)
        await wait_until(
            pilot,
            lambda: "policy" not in {t.path for t in store.tags()},
            what="'policy' not in {t.path for t in store.tags()}",
        )


async def test_an_open_picker_follows_a_rename_and_keeps_both(store: AnnotationStore, db: Path):
    """The issue's case: picker open, a rename from the CLI, then a tag added in the
    picker: the rename and the new tag both stay."""
    interviews = seeds()
    first = interviews[0].sentences[0]
    made = store.add(interviews[0], first.start, first.end, tags=["policy"], author="tester")
    async with running(store, interviews) as (app, pilot):
        await pilot.press("t")
        await wait_until(pilot, lambda: type(app.screen).__name__ == "TagPicker")

        def offered() -> str:
            """What the picker's list shows (the screen under it may lag behind)."""
            return " ".join(shown_text(app.screen.query_one(OptionList)))

        assert "policy" in offered()
        await asyncio.to_thread(gloss, "tags", "rename", "policy", "politics", "--db", str(db))
        await wait_until(
            pilot,
            lambda: "politics" in offered(),
            timeout=5,
            what="the open picker lists the new name",
        )
        assert "policy" not in offered()
        await pilot.press(*"extra", "enter")
        await settle(app, pilot)
        store.refresh()
        found = store.get(made.annotation.id)
        assert found is not None and found.tags == ("extra", "politics")
