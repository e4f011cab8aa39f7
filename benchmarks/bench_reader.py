"""What a user feels of the reader: launch, keypress latency, memory.

- Launch to first paint of the two bundled interviews, as a ratio to a bare Textual app
  showing one line, both measured in fresh processes in the same run (interleaved, so
  machine noise hits both alike). "First paint" is the moment the app is ready and its
  first frames are out (Textual's auto-pilot, then one settle: the process is idle). The
  clock runs from spawning the process (interpreter start-up and imports count) to that
  moment, read by the child; the interpreter's shutdown after the app quits is not part
  of the wait before reading, so it is reported on its own row (start to exit).
- The same first paint for one synthetic transcript of 20,000 questions
  (``tests.synthetic_transcripts``), its cleaned text and outline cached, as a ratio to
  the bare app measured in the same run (target <= 6x): layout and outline must stay
  linear in the text.
- Keypress to repaint, in-process with 10k annotations stored: the time from posting a
  key to the end of the first frame after it, composed and rendered to a terminal
  stream (a null sink), for a cursor move (``j``) and a quick tag (``1``). The clock
  stops in the display hook, so the test pilot's own waiting is not counted.
- The same for ``n`` (next difference) in the comparison mode, 10k annotations of one
  interview by two coders side by side: both readers move and repaint.
- Peak memory (max RSS) of the reader with 50k annotations open (their first read
  done and shown), against the bare app's plus the database's size on disk.
"""

from __future__ import annotations

import asyncio
import compileall
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.bench_store import build_database
from benchmarks.core import Row, row
from corpus import bundled_paths, load_interview

ROOT = Path(__file__).resolve().parent.parent

# VmHWM, not ru_maxrss: Linux carries the parent's high-water mark into ru_maxrss across
# fork and exec, which would credit the benchmark runner's own memory to the app.
PEAK_RSS = "[int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM')][0]"

BARE_APP = """
import sys
import time
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("hello")

async def first_paint(pilot):
    global painted
    await pilot.pause()
    painted = time.time()
    pilot.app.exit()

Bare().run(headless=True, size=(160, 45), auto_pilot=first_paint)
print(painted, PEAK_RSS, file=sys.stderr)
""".replace("PEAK_RSS", PEAK_RSS)

GLOSS_APP = """
import sys
import time
from pathlib import Path
from corpus import bundled_paths, load_interview
from store import AnnotationStore
from tui.app import make_app

store = AnnotationStore.open(Path(sys.argv[1]))
interviews = [load_interview(p) for p in [Path(a) for a in sys.argv[2:]] or bundled_paths()]
app = make_app(interviews, store, author="bench", db_path=store.path)

async def first_paint(pilot):
    global painted
    await pilot.pause()
    LOADED
    painted = time.time()
    pilot.app.exit()

app.run(headless=True, size=(160, 45), auto_pilot=first_paint)
print(painted, PEAK_RSS, file=sys.stderr)
""".replace("PEAK_RSS", PEAK_RSS)

#: The reader with its annotations on screen: the store's first read runs in a worker
#: that the first paint does not wait for (on a quiet machine the paint comes first),
#: so the memory row waits for it, and measures what the reader holds with them open.
LOADED_APP = GLOSS_APP.replace(
    "LOADED", "await pilot.app.workers.wait_for_complete()\n    await pilot.pause()"
)
GLOSS_APP = GLOSS_APP.replace("    LOADED\n", "")


@dataclass(frozen=True)
class Launch:
    """One run of an app script in a fresh process."""

    painted: float
    """Seconds from spawning the process to the end of its first paint."""
    exited: float
    """Seconds from spawning the process to its exit."""
    peak_kib: int
    """The process's peak RSS."""


def _run_script(script: str, *args: str, cache: Path | None = None) -> Launch:
    """Run ``script`` (BARE_APP or GLOSS_APP) with ``args`` in a fresh process.

    ``cache`` is the cache of cleaned texts the process uses (None: cache off).
    """
    env = {**os.environ, "TEXTUAL": "", "GLOSS_CACHE_DIR": str(cache) if cache else "off"}
    spawned = time.time()  # wall clock: the child reads the same clock when it has painted
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        env=env,
    )
    elapsed = time.perf_counter() - started
    painted, peak = done.stderr.strip().splitlines()[-1].split()
    return Launch(painted=float(painted) - spawned, exited=elapsed, peak_kib=int(peak))


def compile_sources() -> None:
    """Bring the bytecode of gloss's own packages up to date, as installing gloss does.

    Textual (the bare app) comes compiled from its wheel; gloss's modules, run from the
    source tree with PYTHONDONTWRITEBYTECODE set (as in the development environment),
    would otherwise be compiled from source on every launch once edited, a cost no
    installed copy pays.
    """
    for package in ("corpus", "store", "tui"):
        compileall.compile_dir(ROOT / package, quiet=1)


def launch_rows(runs: int, empty_db: Path, cache: Path) -> list[Row]:
    """Warm launches (the cleaned texts cached, as on every launch after the first), and
    for information the cold one, which cleans the noisy interview from scratch."""
    compile_sources()
    _run_script(GLOSS_APP, str(empty_db), cache=cache)  # fills the cache
    bare_runs: list[Launch] = []
    gloss_runs: list[Launch] = []
    cold: list[float] = []
    for index in range(runs):
        bare_runs.append(_run_script(BARE_APP))
        gloss_runs.append(_run_script(GLOSS_APP, str(empty_db), cache=cache))
        if index < 3:
            cold.append(_run_script(GLOSS_APP, str(empty_db)).painted)
    bare = [r.painted for r in bare_runs]
    gloss = [r.painted for r in gloss_runs]
    ratios = [g / b for g, b in zip(gloss, bare, strict=True)]
    ratio = statistics.median(gloss) / statistics.median(bare)
    exit_ratios = [g.exited / b.exited for g, b in zip(gloss_runs, bare_runs, strict=True)]
    exit_ratio = statistics.median(r.exited for r in gloss_runs) / statistics.median(
        r.exited for r in bare_runs
    )
    return [
        row("launch: bare Textual app, first paint", bare, unit="ms", scale=1000),
        row("launch: gloss, two bundled interviews, first paint", gloss, unit="ms", scale=1000),
        row("launch: gloss, first ever (nothing cached)", cold, unit="ms", scale=1000),
        _ratio_row("launch: gloss / bare (ratio of medians)", ratio, ratios, limit=1.5),
        _ratio_row(
            "launch: gloss / bare, process start to exit (with shutdown)", exit_ratio, exit_ratios
        ),
    ]


def long_transcript_rows(runs: int, questions: int, empty_db: Path, cache: Path) -> list[Row]:
    """First paint of one transcript of ``questions`` questions, cache warm, against the
    bare app measured in the same run (interleaved)."""
    from tests.synthetic_transcripts import long_transcript

    path = empty_db.parent / f"long_{questions}.txt"
    path.write_text(long_transcript(questions), encoding="utf-8")
    _run_script(GLOSS_APP, str(empty_db), str(path), cache=cache)  # fills the cache
    bare: list[float] = []
    gloss: list[float] = []
    for _ in range(runs):
        bare.append(_run_script(BARE_APP).painted)
        gloss.append(_run_script(GLOSS_APP, str(empty_db), str(path), cache=cache).painted)
    ratios = [g / b for g, b in zip(gloss, bare, strict=True)]
    label = f"{questions // 1000}k" if questions >= 1000 else str(questions)
    return [
        row(
            f"launch: gloss, one {label}-question transcript, first paint",
            gloss,
            unit="ms",
            scale=1000,
        ),
        _ratio_row(
            f"launch: {label}-question transcript / bare (ratio of medians, cache warm)",
            statistics.median(gloss) / statistics.median(bare),
            ratios,
            limit=6.0,
        ),
    ]


def _ratio_row(
    figure: str, ratio: float, ratios: list[float], *, limit: float | None = None
) -> Row:
    """A ratio of medians, with the per-run ratios' worst and range as p95 and spread."""
    return Row(
        figure=figure,
        median=ratio,
        p95=max(ratios),
        spread=max(ratios) - min(ratios),
        unit="ratio",
        runs=len(ratios),
        target="" if limit is None else f"<= {limit:g}",
        met=None if limit is None else ratio <= limit,
    )


async def _keypress_samples(
    db: Path, keys: list[str], presses: int, *, compare: tuple[str, str] | None = None
) -> dict[str, list[float]]:
    """Seconds from each key to its first frame; ``compare``: in the comparison mode of
    those two coders on the first bundled interview."""
    from rich.console import Console

    from store import AnnotationStore
    from tui.app import make_app

    store = AnnotationStore.open(db)
    interviews = [load_interview(p) for p in bundled_paths()]
    app = make_app(interviews, store, author="bench", db_path=db, compare=compare)
    samples: dict[str, list[float]] = {key: [] for key in keys}
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        sink = Console(file=io.StringIO(), force_terminal=True, color_system="truecolor")
        frame = asyncio.Event()
        framed_at = 0.0
        original = app._display

        def display(screen: Any, renderable: Any) -> None:
            nonlocal framed_at
            original(screen, renderable)
            if renderable is not None and not frame.is_set():
                sink.print(renderable, end="")  # what a terminal write would cost
                sink.file = io.StringIO()
                framed_at = time.perf_counter()
                frame.set()

        app._display = display  # type: ignore[method-assign]
        for index in range(presses):
            for key in keys:
                await pilot.pause()  # settle: the previous key's frames are out
                frame.clear()
                started = time.perf_counter()
                await pilot.press(key)
                try:
                    await asyncio.wait_for(frame.wait(), timeout=2.0)
                except TimeoutError:
                    continue  # nothing changed on screen: not a repaint to time
                # The clock stops inside the display hook, when the first frame after
                # the key was rendered, not when the pilot's own bookkeeping returns.
                samples[key].append(framed_at - started)
            if index % 20 == 19:
                await pilot.press("g")
        await app.workers.wait_for_complete()
    store.close()
    return samples


def _stored(stored: int) -> str:
    return f"{stored // 1000}k" if stored >= 1000 else str(stored)


def _keypress_row(name: str, samples: list[float]) -> Row:
    """A keypress-to-repaint row: its p95 must stay within 50 ms."""
    return row(name, samples, unit="ms", scale=1000, target="p95 <= 50 ms", limit=50, by="p95")


def keypress_rows(presses: int, db: Path, stored: int) -> list[Row]:
    samples = asyncio.run(_keypress_samples(db, ["j", "1"], presses))
    return [
        _keypress_row(f"reader: keypress j to repaint ({_stored(stored)} stored)", samples["j"]),
        _keypress_row(
            f"reader: keypress 1 (quick tag) to repaint ({_stored(stored)} stored)", samples["1"]
        ),
    ]


def compare_rows(presses: int, db: Path, stored: int) -> list[Row]:
    samples = asyncio.run(_keypress_samples(db, ["n"], presses, compare=("ann", "bob")))
    return [
        _keypress_row(
            f"compare: keypress n (next difference) to repaint ({_stored(stored)} by two coders)",
            samples["n"],
        )
    ]


def memory_rows(runs: int, db: Path, stored: int, cache: Path) -> list[Row]:
    bare = [_run_script(BARE_APP).peak_kib / 1024 for _ in range(runs)]
    gloss = [_run_script(LOADED_APP, str(db), cache=cache).peak_kib / 1024 for _ in range(runs)]
    on_disk = sum(p.stat().st_size for p in db.parent.iterdir()) / (1024 * 1024)
    budget = 2 * statistics.median(bare) + on_disk
    label = f"{stored // 1000}k" if stored >= 1000 else str(stored)
    return [
        row("memory: bare Textual app, peak RSS", bare, unit="MiB"),
        row(
            f"memory: gloss with {label} annotations, peak RSS",
            gloss,
            unit="MiB",
            target=f"<= 2 x bare + db on disk ({on_disk:.1f} MiB) = {budget:.0f} MiB",
            limit=budget,
        ),
    ]


def run(quick: bool) -> list[Row]:
    interviews = [load_interview(p) for p in bundled_paths()]
    with tempfile.TemporaryDirectory(prefix="gloss-bench-") as folder:
        base = Path(folder)
        empty = base / "empty" / "annotations.json"
        empty.parent.mkdir()
        cache = base / "clean-cache"
        rows = launch_rows(2 if quick else 9, empty, cache)
        rows += long_transcript_rows(1 if quick else 5, 2000 if quick else 20_000, empty, cache)
        mid_count, big_count = (200, 500) if quick else (10_000, 50_000)
        mid = base / "mid" / "annotations.json"
        mid.parent.mkdir()
        build_database(mid, interviews, mid_count)
        rows += keypress_rows(5 if quick else 120, mid, mid_count)
        pair = base / "pair" / "annotations.json"
        pair.parent.mkdir()
        build_database(pair, interviews[:1], mid_count, authors=("ann", "bob"))
        rows += compare_rows(5 if quick else 120, pair, mid_count)
        big = base / "big" / "annotations.json"
        big.parent.mkdir()
        build_database(big, interviews, big_count)
        rows += memory_rows(1 if quick else 3, big, big_count, cache)
    return rows


if __name__ == "__main__":
    print(json.dumps([r.as_dict() for r in run(quick="--quick" in sys.argv)], indent=2))
