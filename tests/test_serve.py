"""``gloss serve``: the reader in a web browser, tested with a real server process and a
real headless Chromium looking at the page."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser import CHROMIUM, Page, chromium_page
from tests.conftest import NOISY_SEED, ROOT, run_gloss

CLEAN_ID = "004_2a78cebe821b9ac3"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


@contextlib.contextmanager
def serving(*args: str) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """``gloss serve ARGS`` as a real process (its own process group) and the line it
    printed once listening; stopped with SIGTERM after, the whole group killed if need be."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen(
        [sys.executable, "-m", "tui", "serve", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        assert server.stdout is not None
        line = server.stdout.readline()  # bounded: the process prints it or exits
        yield server, line
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=20)
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(server.pid, signal.SIGKILL)


async def _wait_for_text(page: Page, *wanted: str, since: int = 0) -> str:
    """The terminal's text (from offset ``since``) once it holds all of ``wanted``; fails
    after 60 s (each tab starts its own reader process)."""
    text = ""
    for _ in range(600):
        text = (await page.terminal_text())[since:]
        if all(part in text for part in wanted):
            return text
        await asyncio.sleep(0.1)
    missing = [part for part in wanted if part not in text]
    raise AssertionError(f"the page never showed {missing}; it shows: {text[-1500:]!r}")


def _chromium_or_skip() -> None:
    if not CHROMIUM.is_file():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing: .ci/run installs the Debian package chromium")
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")


async def test_browser_shows_the_reader_on_the_same_database(tmp_path: Path) -> None:
    _chromium_or_skip()
    db = tmp_path / "team.json"
    made = run_gloss("annotate", CLEAN_ID, "--db", str(db), "--author", "ana",
                     "--quote", "the", "--tag", "policy/tax")  # fmt: skip
    assert made.returncode == 0, made.stderr
    talk = tmp_path / "with space" / "talk one.txt"  # quoted on the way to each reader
    talk.parent.mkdir()
    talk.write_bytes(NOISY_SEED.read_bytes())
    port = free_port()
    options = ("--port", str(port), "--db", str(db), "--author", "bob", str(talk), CLEAN_ID)
    with serving(*options) as (server, line):
        url = f"http://127.0.0.1:{port}/"
        assert url.rstrip("/") in line, line
        async with chromium_page() as page:
            await page.call("Page.navigate", url=url)
            shown = await _wait_for_text(page, "by bob", "talk one", "1 ann.")
            assert "talk one" in shown and "Stabilizing industrial" in shown  # FILE...
            assert "by bob" in shown  # --author reached the reader
            assert "1 ann." in shown  # and ana's annotation in --db is there
            # The footer's keys show once the page has the focus; a key moves the cursor.
            await page.focus_terminal()
            await _wait_for_text(page, "q Quit")
            before = len(await page.terminal_text())
            await page.type("]")  # next question: the reader scrolls to it
            await _wait_for_text(page, "Question: How do you view the current", since=before)
            shot = tmp_path / "served.png"
            await page.screenshot(shot)
            assert shot.stat().st_size > 50_000  # the splash page alone is about 11 KB
            if keep := os.environ.get("GLOSS_KEEP_SCREENSHOT"):
                Path(keep).write_bytes(shot.read_bytes())
            foreign = [u for u in page.requested if urlsplit(u).netloc != f"127.0.0.1:{port}"]
            assert not foreign, f"the page loaded from elsewhere: {foreign}"
            assert any(u.endswith(".ttf") for u in page.requested)  # the font, served here
    assert server.returncode == 0
    assert not _group_alive(server.pid), "a reader process outlived the server"


def test_port_in_use_is_one_line(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_gloss("serve", "--port", str(port), "--db", str(tmp_path / "db.json"))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"gloss: cannot listen on 127.0.0.1:{port}: address already in use; "
        "choose another --port or --host"
    ], result.stderr


def test_unknown_host_is_one_line(tmp_path: Path) -> None:
    result = run_gloss("serve", "--host", "no-such-host.invalid", "--db", str(tmp_path / "db"))
    assert result.returncode == 1
    [line] = result.stderr.splitlines()
    assert line.startswith("gloss: --host no-such-host.invalid: not an address of this machine")


def test_bad_port_is_refused(tmp_path: Path) -> None:
    result = run_gloss("serve", "--port", "99999", "--db", str(tmp_path / "db.json"))
    assert result.returncode == 2
    assert "'99999' is not a port number (1-65535)" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_interview_is_refused_before_serving(tmp_path: Path) -> None:
    result = run_gloss("serve", str(tmp_path / "nope.txt"), "--port", str(free_port()))
    assert result.returncode == 1
    [line] = result.stderr.splitlines()
    assert line.startswith("gloss: ") and "nope.txt" in line
    assert result.stdout == ""  # never said it was serving


def test_every_network_is_warned_of_no_authentication(tmp_path: Path) -> None:
    port = free_port()
    with serving("--host", "0.0.0.0", "--port", str(port), "--db", str(tmp_path / "db.json"),
                 "--author", "bob") as (server, line):  # fmt: skip
        assert f"http://0.0.0.0:{port}" in line
    assert server.stderr is not None
    warning = server.stderr.read()
    assert "there is no authentication" in warning and "as bob" in warning, warning


def test_this_machine_only_is_not_warned(tmp_path: Path) -> None:
    port = free_port()
    with serving("--port", str(port), "--db", str(tmp_path / "db.json")) as (server, line):
        assert f"http://127.0.0.1:{port}" in line
    assert server.stderr is not None
    assert server.stderr.read() == ""


def test_a_servers_password_reaches_each_tab_by_environment_not_command_line(
    pg_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`ps` shows every user each tab's command line: the database address, which may hold
    a password, goes to the tab's reader in $GLOSS_DB instead."""
    import tui.web.server
    from tui.cli import main

    user = pg_db.removeprefix("postgresql://").partition("@")[0]
    with_secret = pg_db.replace(f"//{user}@", f"//{user}:s3cret@", 1)
    assert "s3cret" in with_secret
    launched: list[tuple[str, str | None]] = []
    monkeypatch.setattr(
        tui.web.server,
        "serve",
        lambda command, **_: launched.append((command, os.environ.get("GLOSS_DB"))),
    )
    monkeypatch.delenv("GLOSS_DB", raising=False)
    assert main(["serve", "--db", with_secret, "--port", str(free_port())]) == 0
    ((command, environment),) = launched
    assert "s3cret" not in command and "--db" not in command
    assert environment == with_secret
