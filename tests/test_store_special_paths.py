"""``--db`` aimed at what is not a regular file, or at another database's journal, as a
user runs it: one line on stderr, a non-zero exit, and nothing on disk changed."""

from __future__ import annotations

import hashlib
import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from corpus import load_interview
from store import AnnotationStore
from tests.conftest import CLEAN_SEED, ROOT


def gloss(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the real command line in a child process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("GLOSS_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "tui", *args], cwd=cwd, env=env, capture_output=True,
        text=True, timeout=60,
    )  # fmt: skip


def tree(folder: Path) -> dict[str, str]:
    """Every entry under ``folder``: a hash of a regular file, else what it is."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_symlink():
            found[str(path)] = "-> " + os.readlink(path)
        elif path.is_file():
            found[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            found[str(path)] = oct(path.lstat().st_mode)
    return found


def one_line_refusal(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode != 0
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in result.stderr


@pytest.fixture
def team(tmp_path: Path) -> Iterator[Path]:
    """A database with one annotation in its main file and one in its journal."""
    db = tmp_path / "team.json"
    interview = load_interview(CLEAN_SEED)
    store = AnnotationStore.open(db)
    store.add(interview, 0, 10, tags=["a"], author="Ann")
    store.compact()
    store.add(interview, 20, 30, tags=["b"], author="Ann")
    yield db
    store.close()


def test_a_database_named_like_a_journal_is_refused_and_the_owner_kept(team: Path) -> None:
    folder = team.parent
    before = tree(folder)
    result = gloss("list", "--db", "team.json.journal", cwd=folder)
    one_line_refusal(result, "team.json.journal", "journal of the database team.json")
    assert tree(folder) == before
    listed = gloss("list", "--json", "--db", "team.json", cwd=folder)
    assert listed.returncode == 0, listed.stderr
    assert [a["tags"] for a in json.loads(listed.stdout)] == [["a"], ["b"]]


def test_a_database_named_like_a_lock_file_is_refused(team: Path) -> None:
    before = tree(team.parent)
    one_line_refusal(gloss("list", "--db", "team.json.lock", cwd=team.parent), "lock file")
    assert tree(team.parent) == before


def special(folder: Path, kind: str) -> Path:
    path = folder / kind
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "directory":
        path.mkdir()
    elif kind == "socket":
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(path))
        server.close()
    elif kind == "symlink-loop":
        (folder / "other").symlink_to(path)
        path.symlink_to(folder / "other")
    elif kind == "link-to-fifo":
        os.mkfifo(folder / "pipe")
        path.symlink_to(folder / "pipe")
    return path


@pytest.mark.parametrize(
    ("kind", "said", "command"),
    [
        ("fifo", "FIFO", "list"),
        ("fifo", "FIFO", "annotate"),
        ("directory", "directory", "list"),
        ("socket", "socket", "annotate"),
        ("symlink-loop", "symbolic links", "list"),
        ("link-to-fifo", "FIFO", "annotate"),
    ],
)
def test_db_that_is_not_a_regular_file_is_refused(
    tmp_path: Path, kind: str, said: str, command: str
) -> None:
    path = special(tmp_path, kind)
    before = tree(tmp_path)
    args = ["annotate", CLEAN_SEED.stem, "--quote", "the", "--tag", "x"]
    args = args if command == "annotate" else ["list"]
    result = gloss(*args, "--db", str(path), cwd=tmp_path)
    one_line_refusal(result, str(path), said)
    assert tree(tmp_path) == before


def test_dev_null_is_refused_even_for_root(tmp_path: Path) -> None:
    result = gloss("list", "--db", os.devnull, cwd=tmp_path)
    one_line_refusal(result, "device")
    assert Path(os.devnull).is_char_device()
    assert list(tmp_path.iterdir()) == []


def test_a_journal_that_is_a_fifo_is_refused_not_read(tmp_path: Path) -> None:
    db = tmp_path / "team.json"
    AnnotationStore.open(db).close()
    os.mkfifo(tmp_path / "team.json.journal")
    before = tree(tmp_path)
    result = gloss("list", "--db", str(db), cwd=tmp_path)  # reading a FIFO would hang
    one_line_refusal(result, "team.json.journal is a FIFO", "move it aside")
    assert tree(tmp_path) == before


def test_a_symlink_to_a_regular_file_still_works(team: Path) -> None:
    link = team.parent / "link.json"
    link.symlink_to(team)
    result = gloss("list", "--json", "--db", str(link), cwd=team.parent)
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 2
    assert link.is_symlink()
