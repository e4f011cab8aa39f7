"""The command line tried as a new user would (issue 10, item 9), in real processes.

Where gloss refuses: one line on stderr, exit status 1, and every file as it was.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from tests.conftest import CLEAN_SEED, NOISY_SEED, run_gloss

QUOTE = "The first is to increase the supply"
NOISY_QUOTE = "the real economy provide strong support"


def gloss(*args: str, prefix: Sequence[str] = ()) -> subprocess.CompletedProcess[str]:
    """Run the real command line in a child process (``prefix`` runs it under another tool)."""
    return run_gloss(*args, prefix=prefix)


def refused(result: subprocess.CompletedProcess[str], *said: str) -> None:
    """One line on stderr (holding each of ``said``), nothing on stdout, exit status 1."""
    assert result.returncode == 1, result
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("gloss: "), result.stderr
    assert "Traceback" not in result.stderr
    for words in said:
        assert words in result.stderr, result.stderr


def tree(directory: Path) -> dict[str, bytes]:
    """Every file under ``directory`` and its bytes."""
    return {
        str(p.relative_to(directory)): p.read_bytes()
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def team(tmp_path: Path) -> Path:
    """A database with annotations of both bundled interviews (000 and 004)."""
    db = tmp_path / "db" / "team.json"
    for seed, quote in ((CLEAN_SEED, QUOTE), (NOISY_SEED, NOISY_QUOTE)):
        made = gloss("annotate", seed.stem[:3], "--quote", quote, "--tag", "t", "--db", str(db))
        assert made.returncode == 0, made.stderr
    return db


# -- --interview --------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["000", NOISY_SEED.stem, str(NOISY_SEED)])
def test_interview_by_short_id_full_id_or_file_in_list_and_export(team: Path, name: str) -> None:
    listed = gloss("list", "--json", "--interview", name, "--db", str(team))
    assert listed.returncode == 0, listed.stderr
    assert [r["interview"] for r in json.loads(listed.stdout)] == [NOISY_SEED.stem]
    exported = gloss("export", "--format", "jsonl", "--interview", name, "--db", str(team))
    assert exported.returncode == 0, exported.stderr
    assert [json.loads(line)["quote"] for line in exported.stdout.splitlines()] == [NOISY_QUOTE]


@pytest.mark.parametrize("command", [["list"], ["export", "--format", "csv"]])
def test_an_interview_the_database_does_not_hold_is_one_line(
    team: Path, command: list[str]
) -> None:
    before = tree(team.parent)
    result = gloss(*command, "--interview", "999", "--db", str(team))
    refused(result, "--interview 999: no annotations of that interview in", NOISY_SEED.stem)
    assert tree(team.parent) == before


# -- a mistyped --db ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ["list"],
        ["export", "--format", "json"],
        ["tags"],
        ["tags", "rename", "a", "b"],
        ["agree", "ann", "bob"],
        ["reanchor", "004"],
        ["compact"],
        ["compare", "004", "ann", "bob"],
    ],
    ids=lambda c: " ".join(c),
)
def test_a_mistyped_db_on_a_read_command_is_not_created(tmp_path: Path, command: list[str]) -> None:
    typo = tmp_path / "teem.json"
    result = gloss(*command, "--db", str(typo))
    refused(result, f"{typo}: no database there; check the path")
    assert list(tmp_path.iterdir()) == []


def test_db_before_the_command_name_works(team: Path) -> None:
    result = gloss("--db", str(team), "list", "--json")
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 2


# -- annotate and tags ----------------------------------------------------------------------


def test_annotate_with_neither_tag_nor_note_is_refused(team: Path) -> None:
    before = tree(team.parent)
    result = gloss("annotate", "004", "--quote", "stabilize growth", "--db", str(team))
    refused(result, "give a --tag T", "or a --note TEXT")
    assert tree(team.parent) == before
    noted = gloss("annotate", "004", "--quote", "stabilize growth", "--note", "why", "--db",
                  str(team))  # fmt: skip
    assert noted.returncode == 0, noted.stderr


def test_a_colour_that_is_not_one_is_refused(team: Path) -> None:
    before = tree(team.parent)
    result = gloss("tags", "describe", "t", "--colour", "notacolour", "--db", str(team))
    refused(result, "colour 'notacolour': not a colour; use '#rrggbb' or a colour name")
    assert tree(team.parent) == before
    for colour, stored in (("Dark Green", "dark_green"), ("#abc", "#aabbcc")):
        ok = gloss("tags", "describe", "t", "--colour", colour, "--db", str(team))
        assert ok.returncode == 0, ok.stderr
        assert ok.stdout.split() == ["t:", stored]


# -- two files of one name -----------------------------------------------------------------


@pytest.fixture
def twins(tmp_path: Path) -> tuple[Path, Path]:
    """``a/talk.txt`` and ``b/talk.txt``: two interviews whose ids (file names) are the same."""
    files = []
    for folder, answer in (("a", "the sky is blue today"), ("b", "the grass is green")):
        (tmp_path / folder).mkdir()
        path = tmp_path / folder / "talk.txt"
        path.write_text(f"Q: Why?\n\nA: Because {answer}.\n", encoding="utf-8")
        files.append(path)
    return files[0], files[1]


def test_two_files_of_one_name_are_refused_as_the_reader_refuses_them(
    tmp_path: Path, twins: tuple[Path, Path]
) -> None:
    first, second = twins
    db = tmp_path / "db.json"
    made = gloss("annotate", str(first), "--quote", "the sky", "--tag", "sky", "--db", str(db))
    assert made.returncode == 0, made.stderr
    before = tree(tmp_path)
    both = gloss("reanchor", str(first), str(second), "--db", str(db))
    refused(both, f"{second}: same interview id 'talk' as {first}; rename one of the files")
    for command in (
        ["reanchor", str(second)],
        ["annotate", str(second), "--quote", "the grass", "--tag", "grass"],
    ):
        result = gloss(*command, "--db", str(db))
        refused(result, f"{second}: interview id 'talk' is already used in", str(first.resolve()))
    assert tree(tmp_path) == before
    again = gloss("reanchor", str(first), "--db", str(db))
    assert again.returncode == 0 and "0 orphaned" in again.stderr


# -- places gloss cannot write ---------------------------------------------------------------


def without_root_powers() -> list[str]:
    """A prefix that runs a command bound by file permissions even as root (tests run as
    root here): ``setpriv`` drops the capabilities that override them."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: cannot drop the power to write anywhere")
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner"]


def test_reading_works_in_a_read_only_directory_and_writing_says_why_not(team: Path) -> None:
    prefix = without_root_powers()
    (team.parent / "team.json.lock").unlink(missing_ok=True)
    before = tree(team.parent)
    team.parent.chmod(0o555)
    try:
        listed = gloss("list", "--json", "--db", str(team), prefix=prefix)
        exported = gloss("export", "--format", "jsonl", "--db", str(team), prefix=prefix)
        written = gloss("annotate", "004", "--quote", "stabilize growth", "--tag", "x", "--db",
                        str(team), prefix=prefix)  # fmt: skip
    finally:
        team.parent.chmod(0o755)
    assert listed.returncode == 0, listed.stderr
    assert len(json.loads(listed.stdout)) == 2
    assert exported.returncode == 0 and len(exported.stdout.splitlines()) == 2, exported.stderr
    refused(written, "cannot create the lock file team.json.lock (Permission denied)")
    assert tree(team.parent) == before


def test_an_unwritable_path_says_why_at_once(tmp_path: Path) -> None:
    """Not a lock 'held for 15 s' by nobody: the reason the lock file cannot be made."""
    result = gloss("annotate", "004", "--quote", QUOTE, "--tag", "x", "--db", "/proc/gloss.json")
    refused(result, "cannot create the lock file gloss.json.lock (No such file or directory)")


@pytest.fixture
def read_only_mount(tmp_path: Path, team: Path) -> Iterator[Path]:
    """``team``'s database on a read-only file system (a tmpfs remounted read-only)."""
    mount = tmp_path / "mnt"
    mount.mkdir()
    if subprocess.run(
        ["mount", "-t", "tmpfs", "tmpfs", str(mount)], capture_output=True
    ).returncode:
        pytest.skip("cannot mount a file system here (needs root in a privileged container)")
    for path in team.parent.iterdir():
        if not path.name.endswith(".lock"):
            shutil.copy2(path, mount)
    subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
    yield mount / team.name
    subprocess.run(["umount", str(mount)], check=True)


def test_list_and_export_work_on_a_read_only_file_system(read_only_mount: Path) -> None:
    db = read_only_mount
    before = tree(db.parent)
    listed = gloss("list", "--interview", "004", "--db", str(db))
    assert listed.returncode == 0, listed.stderr
    assert CLEAN_SEED.stem in listed.stdout and listed.stderr == "1 annotation\n"
    exported = gloss("export", "--format", "csv", "--db", str(db))
    assert exported.returncode == 0 and QUOTE in exported.stdout, exported.stderr
    written = gloss("tags", "rename", "t", "u", "--db", str(db))
    refused(written, "(Read-only file system)")
    assert tree(db.parent) == before


def test_a_file_name_with_escape_sequences_never_reaches_the_terminal(tmp_path: Path) -> None:
    """A downloaded file's name is untrusted text too: its controls print as escapes."""
    junk = tmp_path / "\x1b[31mjunk.txt"
    junk.write_bytes(bytes(range(256)) * 4)
    refused = run_gloss("outline", str(junk))
    assert refused.returncode != 0
    assert "\x1b" not in refused.stderr
    assert "\\x1b[31mjunk.txt: looks like a binary file" in refused.stderr
    titled = tmp_path / "\x1b]0;owned\x07talk.txt"
    titled.write_text("A: How did it start?\n\nB: Slowly.\n", encoding="utf-8")
    outline = run_gloss("outline", str(titled))
    assert outline.returncode == 0, outline.stderr
    assert "\x1b" not in outline.stdout and "\x07" not in outline.stdout
    assert outline.stdout.startswith("\\x1b]0;owned\\x07talk\n")  # the id, escaped
