"""The HTML report in a real browser (Debian's headless Chromium): what the page holds
once parsed and laid out, and that the screenshot shows something.

Chromium is required under CI (``CI=true``: the test fails without it); on a machine
without it the test is skipped.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from tests.report_fixtures import HOSTILE_NAME, HOSTILE_TAG, Team, make_team
from tests.test_report import Page
from tui.cli import main

CHROMIUM = Path("/usr/bin/chromium")
WINDOW = (1280, 2000)


def chromium() -> Path:
    """Debian's chromium, or skip (fail under CI, where it must be installed)."""
    found = CHROMIUM if CHROMIUM.exists() else shutil.which("chromium")
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is not installed: apt-get install -y chromium (see .ci/run)")
        pytest.skip("chromium is not installed (apt-get install -y chromium)")
    return Path(found)


def headless(page: Path, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run headless Chromium on ``page`` in a fresh profile, no network services."""
    profile.mkdir()
    return subprocess.run(
        [
            str(chromium()), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--hide-scrollbars", f"--user-data-dir={profile}",
            f"--window-size={WINDOW[0]},{WINDOW[1]}", *args, page.as_uri(),
        ],
        capture_output=True, text=True, timeout=120, cwd=profile,
    )  # fmt: skip


@pytest.fixture
def written(tmp_path: Path) -> tuple[Team, Path]:
    team = make_team(tmp_path)
    page = tmp_path / "report.html"
    assert main(["report", "--db", str(team.db), "-o", str(page)]) == 0
    return team, page


def test_chromium_shows_the_codes_passages_and_tables(
    written: tuple[Team, Path], tmp_path: Path
) -> None:
    team, page = written
    dumped = headless(page, tmp_path / "profile-dom", "--dump-dom")
    assert dumped.returncode == 0, dumped.stderr[-2000:]
    dom = Page(dumped.stdout)
    assert "script" not in dom.tags and "img" not in dom.tags
    assert dom.tags.count("table") == 4  # codebook, by interview, co-occurrence, agreement
    assert dom.tags.count("article") == 6 + 1 + 1  # each passage under each of its codes
    for shown in ("Codebook", "Codes by interview", "Co-occurring codes",
                  "Agreement between coders", "Passages by code", "policy/tax", HOSTILE_TAG,
                  HOSTILE_NAME, "What government does or should do.", team.seed.title):  # fmt: skip
        assert shown in dom.text, shown


def test_chromium_draws_the_page(written: tuple[Team, Path], tmp_path: Path) -> None:
    _, page = written
    shot = tmp_path / "report.png"
    drawn = headless(page, tmp_path / "profile-shot", f"--screenshot={shot}")
    assert drawn.returncode == 0, drawn.stderr[-2000:]
    with Image.open(shot) as image:
        assert image.size == WINDOW
        grey = image.convert("L")
        darkest, lightest = grey.getextrema()
        inked = sum(grey.histogram()[:200])  # pixels clearly darker than the white page
        colours = len(image.convert("RGB").getcolors(maxcolors=1 << 20) or [])
    assert lightest > 240 and darkest < 60  # dark text on a light page
    assert inked > 0.01 * WINDOW[0] * WINDOW[1]
    assert colours > 50  # text, rules, swatches and shaded cells, not one flat colour
