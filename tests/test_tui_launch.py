"""Starting the reader from the command line: bad input fails before the screen opens."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from corpus import CorpusError
from tests.conftest import CLEAN_SEED, NOISY_SEED
from tui.launch import load_interviews


def gloss(*args: str, env_db: Path) -> subprocess.CompletedProcess[str]:
    """Run the real ``gloss`` entry point in a child process (no terminal attached)."""
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={"GLOSS_DB": str(env_db), "GLOSS_AUTHOR": "tester", "PATH": "/usr/bin:/bin"},
        check=False,
    )


def test_missing_file_is_one_line_and_exit_1(tmp_path: Path) -> None:
    result = gloss(str(tmp_path / "nope.txt"), env_db=tmp_path / "db.json")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("gloss: ") and "nope.txt" in lines[0]
    assert "\x1b" not in result.stdout + result.stderr  # the screen never opened


def test_damaged_database_is_one_line_and_exit_1(tmp_path: Path) -> None:
    db = tmp_path / "broken.json"
    db.write_text("{ this is not json", encoding="utf-8")
    result = gloss("--db", str(db), env_db=tmp_path / "other.json")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "broken.json" in lines[0]
    assert "Traceback" not in result.stderr


def test_no_file_means_the_bundled_pair() -> None:
    ids = [i.id for i in load_interviews([])]
    assert ids == [NOISY_SEED.stem, CLEAN_SEED.stem]


def test_bundled_ids_and_prefixes_resolve() -> None:
    assert [i.id for i in load_interviews(["004"])] == [CLEAN_SEED.stem]


def test_the_same_interview_twice_is_refused(tmp_path: Path) -> None:
    copy = tmp_path / NOISY_SEED.name
    copy.write_bytes(NOISY_SEED.read_bytes())
    with pytest.raises(CorpusError, match="rename"):
        load_interviews([str(NOISY_SEED), str(copy)])
