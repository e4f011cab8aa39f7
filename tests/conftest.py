"""Shared fixtures: the user's seed interviews and a private database per test."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.errors import NoWidget
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "corpus" / "bundled"
NOISY_SEED = BUNDLED / "000_c9713b0c270de763.txt"
CLEAN_SEED = BUNDLED / "004_2a78cebe821b9ac3.txt"

#: The session tests' fixtures (interviews, path, store, session); a module's own win.
pytest_plugins = ["tests.session_fixtures", "tests.backends"]


def run_gloss(
    *args: str, prefix: Sequence[str] = (), cwd: Path = ROOT
) -> subprocess.CompletedProcess[str]:
    """Run the real command line in a child process, as a user would (``prefix`` runs it
    under another tool, e.g. ``setpriv``); ``$GLOSS_DB`` is left out so ``--db`` decides."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("GLOSS_DB", None)
    return subprocess.run(
        [*prefix, sys.executable, "-m", "tui", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )


@pytest.fixture(scope="session")
def _clean_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache of cleaned texts for the whole run: tests share it, the user's is untouched."""
    return tmp_path_factory.mktemp("clean-cache")


@pytest.fixture(autouse=True)
def _isolated_user(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, _clean_cache: Path) -> None:
    """No test may touch the real user's database or depend on the caller's environment."""
    monkeypatch.setenv("GLOSS_CACHE_DIR", str(_clean_cache))
    monkeypatch.setenv("GLOSS_DB", str(tmp_path / "user-data" / "annotations.json"))
    monkeypatch.setenv("GLOSS_AUTHOR", "tester")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))  # who asks, per interview
    monkeypatch.delenv("NO_COLOR", raising=False)


# -- waiting on the app, bounded --------------------------------------------------------
#
# A step in a test (a key, a resize, a change in the file) is done when the user could
# see it. ``pilot.pause()`` waits for the app to look idle, but that is judged by CPU
# time: on a loaded machine the process is idle because it gets no CPU, and the pause
# ends before the screen has changed. So a test waits for what it checks, with a bound.

#: How often :func:`wait_until` looks again (seconds): a poll, never a fixed wait.
POLL = 0.02
#: How long a test waits for anything before failing (seconds): far above any real wait.
BOUND = 10.0


async def wait_until(
    pilot: Pilot[Any],
    condition: Callable[[], object],
    *,
    what: str = "",
    seen: Callable[[], object] | None = None,
    timeout: float = BOUND,
) -> None:
    """Let the app run until ``condition()`` holds; fail (never hang) after ``timeout`` s.

    The failure names ``what`` was awaited and shows what was there instead: ``seen()``,
    or else the screen as the user sees it.
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            shown = seen() if seen is not None else "\n".join(screen_lines(pilot.app))
            raise AssertionError(
                f"not within {timeout:g} s: {what or condition}\n-- seen instead --\n{shown}"
            )
        await pilot.pause(POLL)


async def settle(app: App[Any], pilot: Pilot[Any]) -> None:
    """Let the app's workers (store calls) end and the screen catch up, within a bound.

    For letting one step finish before the next; what a test then checks it waits for
    with :func:`wait_until`. A worker cancelled by a newer one (the once-a-second watch
    of the store, when a loaded machine makes one outlast the second) counts as ended.
    """
    await pilot.pause()
    await wait_until(
        pilot,
        lambda: all(worker.is_finished for worker in app.workers),
        what="the app's workers to end",
        seen=lambda: [
            f"{worker.name} ({worker.group}): {worker.state.name}" for worker in app.workers
        ],
    )
    await pilot.pause()


def screen_text(app: App[Any]) -> str:
    """The current screen as the user sees it, as one string (see :func:`screen_lines`)."""
    return "\n".join(screen_lines(app))


def screen_lines(app: App[Any]) -> list[str]:
    """The current screen as the user sees it, one string per row (no styles).

    Each visible widget's drawn lines are laid where the screen puts them, back to
    front, clipped as the screen clips them: a text picture of the terminal.
    """
    screen = app.screen
    width, height = screen.size
    rows = [[" "] * width for _ in range(height)]
    placed = []
    for widget in screen.walk_children(with_self=True):
        try:
            geometry = screen.find_widget(widget)
        except NoWidget:
            continue  # not displayed
        placed.append((geometry.order, widget, geometry.region, geometry.clip))
    whole = Region(0, 0, width, height)  # mid-resize, the layout may be the old size's
    for _order, widget, region, clip in sorted(placed, key=lambda p: p[0]):
        visible = region.intersection(clip).intersection(whole)
        if not visible:
            continue
        crop = visible.translate(-region.offset)
        for y, strip in enumerate(widget.render_lines(crop)):
            x = visible.x
            for char in strip.text:  # cells: wide characters are rare in gloss's chrome
                if x < visible.right:
                    rows[visible.y + y][x] = char
                x += 1
    return ["".join(row).rstrip() for row in rows]


def shown_text(widget: Widget) -> list[str]:
    """The lines of ``widget`` as drawn on the screen now (borders included)."""
    region = Region(0, 0, widget.outer_size.width, widget.outer_size.height)
    return [strip.text for strip in widget.render_lines(region)]
