"""The benchmark runner still runs, end to end, in quick mode (no timing is asserted).

It takes most of a minute, so it is marked ``slow``: the default run (``make test``)
leaves it out and CI runs it on its own (``make test-slow``, from ``.ci/run``).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

#: One figure of every kind the benchmark issue sets a target for.
EXPECTED_FIGURES = (
    "launch: gloss / bare",
    "store: add one",
    "store: open",
    "CSV",
    "reader: keypress j",
    "reader: keypress 1",
    "memory: gloss",
    "clean",
    "agree: gloss agree",
    "outline 000_c9713b0c270de763: questions F1",
    "outline srt_ebay_kassei_interview: questions F1",
    "findings: retrieve",
    "findings: gloss stats",
    "findings: gloss cooccur",
    "report: gloss report -o report.html",
)


@pytest.mark.slow
def test_quick_run_prints_and_saves_every_figure(tmp_path: Path) -> None:
    saved = tmp_path / "results.json"
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--json", str(saved)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    rows = json.loads(saved.read_text(encoding="utf-8"))["rows"]
    figures = [r["figure"] for r in rows]
    for expected in EXPECTED_FIGURES:
        assert any(expected in f for f in figures), f"no figure like {expected!r}: {figures}"
        assert any(expected in line for line in done.stdout.splitlines())
    for r in rows:
        assert r["runs"] >= 1 and r["median"] >= 0, r
        assert r["met"] in (True, False, None)
