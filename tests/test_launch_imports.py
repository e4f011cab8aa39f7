"""What a user waits for when the reader starts: only what its first screen needs.

The reader starts without the code of what it does not show first: a user waits for
every module it imports before its first frame. Exports,
findings, reports, REFI projects, the PostgreSQL client, the outline builders (a warm
launch reads the outline from the cache) and the headless commands load when they are
asked for, never at start-up. The reader is started here as ``gloss`` starts it, in a
child process, and left after its first frame. The garbage collector, paused while the
first frame is drawn, must be back on soon after.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from corpus import bundled_paths, load_interview
from tui.cli import COMMANDS, build_command_parser

#: Loaded only when asked for: by a command, a dialog, a file of that kind, or a
#: ``postgresql://`` database. A name covers the package and everything under it.
NOT_AT_START = (
    "store.export",
    "store.findings",
    "store.report",
    "store.refi",
    "store.w3c",
    "store.importing",
    "store.agreement",
    "store.postgres",
    "store.records",
    "corpus.cleaning",
    "corpus.outline.structure",
    "corpus.outline.speakers",
    "tui.commands.exchange_commands",
    "tui.commands.findings_commands",
    "tui.commands.report_command",
    "tui.commands.refi_exchange",
    "tui.commands.serve_command",
    "tui.screens.findings_open",
    "tui.screens.export_dialog",
    "tui.screens.help",
    "tui.screens.compare",
    "tui.web",
    "jinja2",
    "xmlschema",
    "psycopg",
    "textual_serve",
    "msgspec",
    "docx",
    "webvtt",
    "wordfreq",
    "ftfy",
    "rapidfuzz",
    # snowballstemmer's 30 pure-Python stemmers (PyStemmer's C ones stand in for them)
    "snowballstemmer.english_stemmer",
)

#: ``gloss --db DB``, headless, quitting once its first frame is out (as the launch
#: benchmark does); then the names of every module it loaded.
READER = """
import sys
from textual.app import App

run = App.run

async def first_frame(pilot):
    await pilot.pause()
    pilot.app.exit()

App.run = lambda app, **options: run(app, headless=True, size=(160, 45), auto_pilot=first_frame)

from tui.cli import main

assert main(["--db", sys.argv[1]]) == 0
print("\\n".join(sorted(sys.modules)))
"""


def test_the_reader_starts_without_what_it_does_not_show(tmp_path: Path) -> None:
    for path in bundled_paths():
        load_interview(path)  # the launch after the first: cleaned texts and outlines cached
    result = subprocess.run(
        [sys.executable, "-c", READER, str(tmp_path / "annotations.json")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    loaded = result.stdout.split()
    assert "tui.screens.main" in loaded  # the reader did start
    assert [module for module in loaded if _not_at_start(module)] == []


def _not_at_start(module: str) -> bool:
    return any(module == name or module.startswith(f"{name}.") for name in NOT_AT_START)


def test_every_command_is_known_by_name_before_its_module_loads() -> None:
    """The reader tells a command from a file by ``COMMANDS`` alone: it must name exactly
    the commands the modules register."""
    _, registered = build_command_parser()
    assert sorted(registered) == sorted(COMMANDS)


#: The reader run as ``gloss`` runs it, until the garbage collector is back on (bounded);
#: whether it is on then and after the reader quits.
COLLECTOR = """
import gc
import sys
import time
from pathlib import Path

from corpus import bundled_paths, load_interview
from store import AnnotationStore
from tui.app import make_app

store = AnnotationStore.open(Path(sys.argv[1]))
app = make_app([load_interview(p) for p in bundled_paths()], store, author="t")

async def watch(pilot):
    await pilot.pause()
    deadline = time.monotonic() + 20
    while not gc.isenabled() and time.monotonic() < deadline:
        await pilot.pause(0.05)
    print("while running", gc.isenabled())
    pilot.app.exit()

app.run(headless=True, size=(160, 45), auto_pilot=watch)
print("after", gc.isenabled())
"""


def test_the_garbage_collector_is_paused_only_while_the_reader_starts(tmp_path: Path) -> None:
    """Paused for the first frame (launch speed), it must come back on: a long session
    would otherwise keep every cycle of garbage it ever made."""
    result = subprocess.run(
        [sys.executable, "-c", COLLECTOR, str(tmp_path / "annotations.json")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:2] == ["while running True", "after True"]
