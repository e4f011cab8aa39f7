"""``gloss report`` as a user runs it: the file it writes, the format its name asks for,
one line for every mistake, nothing half-written, progress only on a terminal."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from benchmarks.bench_store import build_database
from corpus import bundled_paths, load_interview
from tests.conftest import ROOT, run_gloss
from tests.report_fixtures import Team, make_team
from tui.commands.report_command import PROGRESS_FROM


@pytest.fixture
def team(tmp_path: Path) -> Team:
    return make_team(tmp_path)


def test_report_writes_html_or_markdown_by_the_name_given(team: Team, tmp_path: Path) -> None:
    html = run_gloss("report", "--db", str(team.db), "-o", str(tmp_path / "team.html"))
    assert html.returncode == 0, html.stderr
    assert html.stderr.splitlines() == [
        f"wrote the report of 6 annotations and 7 codes to {tmp_path / 'team.html'}"
    ]
    page = (tmp_path / "team.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Agreement between coders" in page
    md = run_gloss("report", "--db", str(team.db), "-o", str(tmp_path / "team.md"))
    assert md.returncode == 0, md.stderr
    text = (tmp_path / "team.md").read_text(encoding="utf-8")
    assert text.startswith("# Coding report") and "## Agreement between coders" in text
    forced = run_gloss(
        "report", "--db", str(team.db), "--format", "html", "-o", str(tmp_path / "r.txt")
    )
    assert forced.returncode == 0 and (tmp_path / "r.txt").read_text().startswith("<!DOCTYPE")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_report_to_stdout_is_markdown_and_filters_narrow_it(team: Team) -> None:
    done = run_gloss("report", "--db", str(team.db), "--author", "bob", "--tag", "policy")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("# Coding report\n\nAnnotations by bob coded policy or a code")
    assert "## Agreement" not in done.stdout  # one coder
    assert "| economy |" not in done.stdout and "odd/" not in done.stdout
    assert "### policy/tax (1 passage)" in done.stdout
    assert done.stderr == ""


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["-o", "{dir}/missing/r.html"], "the directory {dir}/missing does not exist"),
        (["-o", "{dir}/r.pdf"], "cannot tell the report format from its name"),
        (["-o", "{dir}", "--format", "html"], "is a directory"),
        (["-o", "{db}", "--format", "html"], "is the database or one of its files"),
        (["-o", "{db}.journal", "--format", "md"], "is the database or one of its files"),
        (["--tag", "polcy", "-o", "{dir}/r.html"], "code 'polcy' is not in"),
        (["--author", "zed", "-o", "{dir}/r.html"], "no annotations by 'zed'; the coders are"),
    ],
)  # fmt: skip
def test_a_mistake_is_one_line_and_exit_1_leaving_files_alone(
    team: Team, tmp_path: Path, args: list[str], says: str
) -> None:
    before = {p: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    filled = [a.format(dir=tmp_path, db=team.db) for a in args]
    done = run_gloss("report", "--db", str(team.db), *filled)
    assert done.returncode == 1
    assert len(done.stderr.splitlines()) == 1
    assert done.stderr.startswith("gloss: ") and says.format(dir=tmp_path) in done.stderr
    assert "Traceback" not in done.stderr
    assert {p: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == before


def test_a_report_that_fails_leaves_the_old_one_whole(team: Team, tmp_path: Path) -> None:
    target = tmp_path / "team.html"
    target.write_text("the old report", encoding="utf-8")
    done = run_gloss("report", "--db", str(team.db), "--tag", "nothing", "-o", str(target))
    assert done.returncode == 1
    assert target.read_text(encoding="utf-8") == "the old report"


def test_a_missing_database_is_refused_not_made(tmp_path: Path) -> None:
    done = run_gloss("report", "--db", str(tmp_path / "typo.json"), "-o", str(tmp_path / "r.html"))
    assert done.returncode == 1 and len(done.stderr.splitlines()) == 1
    assert not (tmp_path / "typo.json").exists() and not (tmp_path / "r.html").exists()


@pytest.fixture
def big(tmp_path: Path) -> Path:
    db = tmp_path / "big.json"
    build_database(db, [load_interview(p) for p in bundled_paths()], PROGRESS_FROM + 10)
    return db


def test_progress_is_drawn_on_a_terminal_and_never_in_a_pipe(big: Path, tmp_path: Path) -> None:
    piped = run_gloss("report", "--db", str(big), "-o", str(tmp_path / "piped.html"))
    assert piped.returncode == 0
    assert len(piped.stderr.splitlines()) == 1  # the summary alone
    shown = _stderr_on_a_terminal(["report", "--db", str(big), "-o", str(tmp_path / "tty.html")])
    assert "placing passages" in shown
    assert (tmp_path / "tty.html").read_bytes().startswith(b"<!DOCTYPE html>")


def _stderr_on_a_terminal(args: list[str]) -> str:
    """What the command writes to stderr when stderr is a terminal (a pseudo-terminal)."""
    leader, follower = pty.openpty()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TERM": "xterm-256color", "COLUMNS": "100"}
    env.pop("NO_COLOR", None)
    child = subprocess.Popen(
        [sys.executable, "-m", "tui", *args], cwd=ROOT, env=env,
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=follower,
    )  # fmt: skip
    os.close(follower)
    seen = bytearray()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            seen += chunk
        elif child.poll() is not None:
            break
    child.wait(timeout=10)
    os.close(leader)
    assert child.returncode == 0, seen.decode(errors="replace")
    return seen.decode("utf-8", errors="replace")


def test_a_hostile_file_name_reaches_the_summary_line_safely(team: Team, tmp_path: Path) -> None:
    target = tmp_path / "a\x1b[2Jb.html"
    done = run_gloss("report", "--db", str(team.db), "-o", str(target))
    assert done.returncode == 0
    assert "\x1b" not in done.stderr and "a\\x1b[2Jb.html" in done.stderr
