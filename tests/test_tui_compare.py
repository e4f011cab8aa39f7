"""The comparison mode as a user drives it: two coders' codings side by side, on a real db."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from textual.pilot import Pilot

from corpus import Interview, load_interview
from store import AnnotationStore
from tests.conftest import (
    CLEAN_SEED,
    screen_lines,
    screen_text,
    settle,
    shown_text,
    wait_until,
)
from tui.app import GlossApp, make_app
from tui.screens.compare import CompareScreen
from tui.screens.help import HelpScreen
from tui.widgets.reader import Reader

WIDE = (160, 45)


@pytest.fixture
def interview() -> Interview:
    return load_interview(CLEAN_SEED)


@pytest.fixture
def db(tmp_path: Path, interview: Interview) -> Iterator[Path]:
    """ann and bo coded sentences 3-4, 10, 12-13 of the interview differently.

    Worked out by hand, the passages where their tags differ are four: sentence 3 (bo
    also has trust), the rest of ann's passage to the end of sentence 4 (only ann has
    policy), sentence 10 (only ann: recovery), sentences 12-13 (only bo: recovery).
    """
    path = tmp_path / "team.json"
    s = interview.sentences
    with AnnotationStore.open(path) as store:
        store.add(interview, s[3].start, s[4].end, tags=["policy"], author="ann")
        store.add(interview, s[3].start, s[3].end, tags=["policy", "trust"], author="bo")
        store.add(interview, s[10].start, s[10].end, tags=["recovery"], author="ann")
        store.add(interview, s[12].start, s[13].end, tags=["recovery"], author="bo")
        store.add(interview, s[20].start, s[20].end, tags=["same"], author="ann")
        # bo cut sentence 20 in two, with ann's tag: per character they agree there.
        middle = (s[20].start + s[20].end) // 2
        store.add(interview, s[20].start, middle, tags=["same"], author="bo")
        store.add(interview, middle, s[20].end, tags=["same"], author="bo")
    yield path


@asynccontextmanager
async def comparing(
    db: Path,
    interview: Interview,
    *,
    author: str = "me",
    size: tuple[int, int] = WIDE,
) -> AsyncIterator[tuple[GlossApp, Pilot[None]]]:
    store = AnnotationStore.open(db)
    app = make_app([interview], store, author=author, db_path=db, compare=("ann", "bo"))
    try:
        async with app.run_test(size=size, notifications=True) as pilot:
            await settle(app, pilot)
            yield app, pilot
    finally:
        store.close()


def status(app: GlossApp) -> str:
    """The comparison's status line as shown."""
    return next((row for row in screen_lines(app) if " · right " in row), "")


def toasts(app: GlossApp) -> list[str]:
    """The text of each notification on the screen now."""
    return [" ".join(" ".join(shown_text(toast)).split()) for toast in app.screen.query("Toast")]


async def shows(pilot: Pilot[None], *said: str) -> None:
    """Wait (bounded) until the comparison's status line says each of ``said``."""
    app = pilot.app
    assert isinstance(app, GlossApp)
    await wait_until(
        pilot, lambda: all(part in status(app) for part in said), what=f"status line {said}"
    )


def cursor_rows(app: GlossApp) -> list[str]:
    """The rows of the screen where a reader's cursor bar is, as shown."""
    return [row for row in screen_lines(app) if "▌" in row]


def sides(app: GlossApp) -> tuple[Reader, Reader]:
    screen = app.screen
    assert isinstance(screen, CompareScreen)
    return screen.readers


def line_text(reader: Reader, offset: int) -> str:
    """The screen line (gutter included) showing clean ``offset``, as drawn."""
    index = reader.text_layout.line_of(offset)
    return reader.render_line(index - int(reader.scroll_y)).text


async def test_status_says_who_is_on_which_side_and_how_many_differences(
    db: Path, interview: Interview
) -> None:
    async with comparing(db, interview) as (app, _pilot):
        shown = status(app)
        assert "left ann · right bo" in shown
        assert "4 differences" in shown
        assert "by me" in shown
        left, right = sides(app)
        assert left.border_title == "A: ann" and right.border_title == "B: bo"


async def test_n_and_shift_n_take_both_readers_to_each_difference(
    db: Path, interview: Interview
) -> None:
    s = interview.sentences
    async with comparing(db, interview) as (app, pilot):
        left, right = sides(app)
        await pilot.press("n")
        await shows(pilot, "difference 1 of 4")
        assert "only bo: trust" in status(app)
        assert left.cursor_span == right.cursor_span == s[3]
        # On screen: both cursor bars are on lines marked as a difference.
        rows = cursor_rows(app)
        assert rows and all(row.count("≠") == 2 for row in rows)
        await pilot.press("n")
        await shows(pilot, "difference 2 of 4")
        assert "only ann: policy" in status(app)
        assert left.cursor_span == right.cursor_span == s[4]
        await pilot.press("n", "n")
        await shows(pilot, "difference 4 of 4")
        assert left.cursor_span == right.cursor_span == s[12]
        await pilot.press("n")
        await shows(pilot, "difference 1 of 4", "wrapped")
        await pilot.press("N")
        await shows(pilot, "difference 4 of 4")


async def test_the_sides_move_together_and_differences_are_marked_in_the_gutter(
    db: Path, interview: Interview
) -> None:
    s = interview.sentences
    async with comparing(db, interview) as (app, pilot):
        left, right = sides(app)
        await pilot.press("j", "j")
        await wait_until(
            pilot,
            lambda: left.cursor_span == right.cursor_span == s[2],
            what="both cursors on sentence 2",
            seen=lambda: (left.cursor_span, right.cursor_span),
        )
        for reader in (left, right):
            assert line_text(reader, s[3].start)[3] == "≠"  # a difference
            assert line_text(reader, s[20].start)[3] != "≠"  # both coders agree there
            assert line_text(reader, s[2].start)[3] != "≠"  # nobody coded it


async def test_differences_show_without_colour(
    db: Path, interview: Interview, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    s = interview.sentences
    async with comparing(db, interview) as (app, pilot):
        left, _right = sides(app)
        await pilot.press("n")
        await shows(pilot, "difference 1 of 4")
        index = left.text_layout.line_of(s[10].start) - int(left.scroll_y)
        strip = left.render_line(index)
        assert strip.text[3] == "≠"
        assert any(seg.style and seg.style.italic for seg in strip if seg.text.strip())


async def test_opened_from_the_reader_asking_for_the_coders(db: Path, interview: Interview) -> None:
    store = AnnotationStore.open(db)
    app = make_app([interview], store, author="me", db_path=db)
    try:
        async with app.run_test(size=WIDE) as pilot:
            await settle(app, pilot)
            await pilot.press("C")
            await wait_until(pilot, lambda: "bo" in screen_text(app), what="the coders offered")
            await pilot.press("enter")  # ann left, bo right: the two offered first
            await shows(pilot, "left ann · right bo", "4 differences")
            assert isinstance(app.screen, CompareScreen)
            # A third coder copies bo's coding of sentences 12-13: from the side they are on.
            await pilot.press("N", "w", "c")
            await shows(pilot, "copied recovery from bo")
            await pilot.press("q")
            # Back in the reader, the copy is there, under my name.
            await wait_until(pilot, lambda: "8 annotations" in screen_text(app), what="the copy")
            assert not isinstance(app.screen, CompareScreen)
            mine = [(a.start, a.end, a.tags) for a in store.annotations(author="me")]
            s = interview.sentences
            assert mine == [(s[12].start, s[13].end, ("recovery",))]
    finally:
        store.close()


async def test_palette_and_help_list_the_comparison_keys(db: Path, interview: Interview) -> None:
    from tui.keys import COMPARE

    async with comparing(db, interview) as (app, pilot):
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for binding in COMPARE:
            assert binding.description in titles
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen), what="the help")
        described = {entry.description for entry in app.screen.entries}
        assert {"Next difference", "Previous difference", "Copy to mine"} <= described


async def test_c_copies_the_other_coders_coding_into_mine_and_u_undoes_it(
    db: Path, interview: Interview
) -> None:
    s = interview.sentences
    async with comparing(db, interview, author="ann") as (app, pilot):
        await pilot.press("N")  # the last difference: sentences 12-13, only bo: recovery
        await shows(pilot, "difference 4 of 4")
        await pilot.press("c")
        await shows(pilot, "copied recovery from bo")
        await wait_until(
            pilot,
            lambda: "3 differences" in status(app) or "of 3" in status(app),
            what="one difference fewer",
        )
        await settle(app, pilot)
        with AnnotationStore.open(db) as again:
            mine = [(a.start, a.end, a.tags) for a in again.annotations(author="ann")]
            theirs = [(a.start, a.end, a.tags) for a in again.annotations(author="bo")]
        assert (s[12].start, s[13].end, ("recovery",)) in mine
        assert (s[12].start, s[13].end, ("recovery",)) in theirs
        await pilot.press("u")
        await wait_until(
            pilot,
            lambda: "4 differences" in status(app) or "of 4" in status(app),
            what="the difference back",
        )
        await settle(app, pilot)
        with AnnotationStore.open(db) as again:
            mine = [(a.start, a.end) for a in again.annotations(author="ann")]
        assert (s[12].start, s[13].end) not in mine


async def test_c_where_the_other_coder_has_nothing_changes_nothing(
    db: Path, interview: Interview
) -> None:
    async with comparing(db, interview, author="ann") as (app, pilot):
        await pilot.press("n", "n", "n")  # sentence 10: only ann coded it
        await shows(pilot, "difference 3 of 4")
        await pilot.press("c")
        await wait_until(
            pilot,
            lambda: any("bo has no coding here" in toast for toast in toasts(app)),
            what="the toast saying bo has nothing here",
        )
        await settle(app, pilot)
        assert "saving" not in status(app)
        assert "difference 3 of 4" in status(app)
        with AnnotationStore.open(db) as again:
            assert len(again.annotations(author="ann")) == 3
            assert len(again.annotations()) == 7


async def test_codings_another_process_writes_appear_while_comparing(
    db: Path, interview: Interview
) -> None:
    import subprocess
    import sys

    s = interview.sentences
    writer = (
        "import sys; from pathlib import Path\n"
        "from corpus import load_interview\n"
        "from store import AnnotationStore\n"
        "interview = load_interview(Path(sys.argv[2]))\n"
        "start, end = int(sys.argv[3]), int(sys.argv[4])\n"
        "with AnnotationStore.open(Path(sys.argv[1])) as s:\n"
        "    s.add(interview, start, end, tags=['late'], author='bo')\n"
    )
    async with comparing(db, interview) as (app, pilot):
        assert "4 differences" in status(app)
        done = await asyncio.to_thread(
            subprocess.run,
            [
                sys.executable,
                "-c",
                writer,
                str(db),
                str(CLEAN_SEED),
                str(s[30].start),
                str(s[30].end),
            ],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        await wait_until(pilot, lambda: "5 differences" in status(app), what="bo's new coding")
        await pilot.press("q")  # back to reading: the main screen has it too
        await wait_until(
            pilot,
            lambda: any(a.tags == ("late",) for a in app.main.annotations[interview.id]),
            what="bo's new coding in the reader",
            seen=lambda: app.main.annotations[interview.id],
        )


async def test_coder_names_are_shown_as_written_never_as_markup(
    tmp_path: Path, interview: Interview
) -> None:
    s = interview.sentences
    path = tmp_path / "odd.json"
    odd = "[b]bo[/b]"
    with AnnotationStore.open(path) as store:
        store.add(interview, s[3].start, s[3].end, tags=["x"], author="ann")
        store.add(interview, s[5].start, s[5].end, tags=["y"], author=odd)
    store = AnnotationStore.open(path)
    app = make_app([interview], store, author="ann", db_path=path, compare=("ann", odd))
    try:
        async with app.run_test(size=WIDE, notifications=True) as pilot:
            await settle(app, pilot)
            assert f"right {odd}" in status(app)
            assert any(f"B: {odd}" in row for row in screen_lines(app))
            await pilot.press("n")  # sentence 3: only ann coded it
            await pilot.press("c")
            await wait_until(
                pilot,
                lambda: any(f"{odd} has no coding here" in toast for toast in toasts(app)),
                what="the toast naming the coder as written",
            )
    finally:
        store.close()


@pytest.mark.parametrize(
    ("coders", "said"),
    [
        (("ann", "nobody"), "no codings by 'nobody'; coders in it: ann, bo"),
        (("ann", "ann"), "CODER_A and CODER_B are the same"),
    ],
)
def test_gloss_compare_refuses_coders_it_cannot_compare_in_one_line(
    db: Path, coders: tuple[str, str], said: str
) -> None:
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    done = subprocess.run(
        [sys.executable, "-m", "tui", "compare", "004", *coders, "--db", str(db)],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and said in lines[0]
    assert lines[0].startswith("gloss: ")


@pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")
@pytest.mark.parametrize("size", [(160, 45), (80, 24)])
def test_gloss_compare_in_a_real_terminal(
    db: Path, tmp_path: Path, size: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Driven as a person would: tmux, the real command, keys, what the terminal shows."""
    import os
    import subprocess
    import sys
    import time

    root = Path(__file__).resolve().parent.parent
    name = f"gloss-compare-{os.getpid()}-{size[0]}"
    socket = ["-S", str(tmp_path / "tmux.sock")]  # a private tmux server, gone with the test
    command = (
        f"NO_COLOR=1 PYTHONPATH={root} {sys.executable} -m tui compare 004 ann bo "
        f"--db {db} --author ann"
    )

    def tmux(*args: str) -> str:
        done = subprocess.run(
            ["tmux", *socket, *args], capture_output=True, text=True, timeout=20, check=True
        )
        return done.stdout

    def shows(text: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while True:
            screen = tmux("capture-pane", "-p", "-t", name)
            if text in screen:
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"not shown within {timeout} s: {text!r}\n{screen}")
            time.sleep(0.1)

    tmux("new-session", "-d", "-s", name, "-x", str(size[0]), "-y", str(size[1]), command)
    try:
        screen = shows("4 differences")
        assert "A: ann" in screen and "B: bo" in screen
        tmux("send-keys", "-t", name, "n")
        screen = shows("difference 1 of 4")
        marked = [row for row in screen.splitlines() if "▌" in row]
        assert marked and all("≠" in row for row in marked)
        tmux("send-keys", "-t", name, "N")  # back past the first: the last
        shows("difference 4 of 4")
        tmux("send-keys", "-t", name, "c")
        shows("copied recovery from bo")
        tmux("send-keys", "-t", name, "q")
        shows("annotations")  # back in the reader
        tmux("send-keys", "-t", name, "q")
    finally:
        subprocess.run(["tmux", *socket, "kill-server"], capture_output=True, timeout=20)
    with AnnotationStore.open(db) as again:
        s = load_interview(CLEAN_SEED).sentences
        mine = [(a.start, a.end, a.tags) for a in again.annotations(author="ann")]
        assert (s[12].start, s[13].end, ("recovery",)) in mine
