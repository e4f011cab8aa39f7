"""The reader on a PostgreSQL database: another process's change appears by itself; a
server that goes away is said in the status line, a change made meanwhile is refused
(never shown as saved), and the reader recovers when the server is back."""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from corpus import load_interview
from store import Store, open_store
from tests import pg_server
from tests.backends import server_uri
from tests.conftest import CLEAN_SEED, NOISY_SEED, run_gloss, screen_lines, settle, wait_until
from tui.app import make_app

QUOTE = "stabilize the industry"


@pytest.fixture
def server() -> Iterator[Path]:
    """A server of this test's own (it is stopped and started again)."""
    if not pg_server.available():
        pytest.skip("no PostgreSQL binaries")
    directory = Path(tempfile.mkdtemp(prefix="gloss-pg-tui-"))
    try:
        pg_server.start(directory)
        yield directory
    finally:
        pg_server.stop(directory)


def status(app: object) -> str:
    return " ".join(screen_lines(app)[-3:])  # type: ignore[arg-type]


async def test_the_reader_follows_the_server_through_an_outage(server: Path) -> None:
    db = server_uri(pg_server.uri(server), "postgres")
    interviews = [load_interview(NOISY_SEED), load_interview(CLEAN_SEED)]
    store: Store = open_store(db)
    app = make_app(interviews, store, author="ann")
    try:
        async with app.run_test(size=(160, 45)) as pilot:
            await settle(app, pilot)
            done = await asyncio.to_thread(
                run_gloss, "annotate", "004", "--quote", QUOTE, "--tag", "from-elsewhere",
                "--author", "bob", "--db", db,
            )  # fmt: skip
            assert done.returncode == 0, done.stderr
            await wait_until(
                pilot, lambda: "from-elsewhere" in "\n".join(screen_lines(app)), what="live"
            )

            await asyncio.to_thread(pg_server.halt, server)
            await wait_until(pilot, lambda: "offline" in status(app), what="offline said")
            await pilot.press("t", *"mine", "enter")
            await wait_until(pilot, lambda: "not saved" in status(app), what="refused")
            await settle(app, pilot)
            await wait_until(
                pilot,
                lambda: "mine" not in "\n".join(screen_lines(app)[:-3]),
                what="'mine' not in '\n'.join(screen_lines(app)[:-3])",
            )

            await asyncio.to_thread(pg_server.restart, server)
            await wait_until(
                pilot, lambda: "reachable again" in status(app), timeout=15, what="back"
            )
            await pilot.press("t", *"mine", "enter")
            await settle(app, pilot)
            await wait_until(pilot, lambda: "saved" in status(app), what="saved")
    finally:
        store.close()
    with open_store(db, reading=True) as again:
        assert sorted(t for a in again.annotations() for t in a.tags) == [
            "from-elsewhere",
            "mine",
        ]
