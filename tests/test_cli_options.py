"""Options that mean the same on every command: ``--db`` (anywhere) and ``--author``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from store import AnnotationStore
from tui.cli import main

SEED = "004_2a78cebe821b9ac3"
QUOTES = ("The first is to increase the supply", "increase the supply")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def team_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """ana tagged one passage ``policy``, bob another ``policy`` and ``growth``."""
    db = tmp_path / "team.json"
    work = ((QUOTES[0], "ana", ["policy"]), (QUOTES[1], "bob", ["policy", "growth"]))
    for quote, author, tags in work:
        args = ["annotate", SEED, "--quote", quote, "--author", author, "--db", str(db)]
        assert run(capsys, *args, *[f"--tag={t}" for t in tags])[0] == 0
    return db


@pytest.mark.parametrize("before", [True, False], ids=["before-command", "after-command"])
def test_db_works_before_or_after_the_command_name(
    team_db: Path, capsys: pytest.CaptureFixture[str], before: bool
) -> None:
    db = ["--db", str(team_db)]
    code, out, err = run(capsys, *([*db, "list", "--json"] if before else ["list", "--json", *db]))
    assert code == 0, err
    assert {a["author"] for a in json.loads(out)} == {"ana", "bob"}


def test_db_before_a_nested_action_reaches_it(
    team_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "--db", str(team_db), "tags", "rename", "growth", "economy/growth")
    assert code == 0, err
    with AnnotationStore.open(team_db) as store:
        assert {t.path for t in store.tags() if t.count} == {"policy", "economy/growth"}


def test_tag_counts_by_author(team_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "tags", "--json", "--author", "ana", "--db", str(team_db))
    assert code == 0
    assert {t["path"]: t["count"] for t in json.loads(out)} == {"growth": 0, "policy": 1}
    _, out, _ = run(capsys, "tags", "--json", "--db", str(team_db))
    assert {t["path"]: t["count"] for t in json.loads(out)} == {"growth": 1, "policy": 2}


def test_export_and_import_by_author(
    team_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    everything = tmp_path / "all.jsonl"
    export = ["export", "--format", "jsonl", "--db", str(team_db)]
    code, _, err = run(capsys, *export, "-o", str(everything))
    assert code == 0, err
    code, out, _ = run(capsys, *export, "--author", "bob")
    assert [json.loads(line)["author"] for line in out.splitlines()] == ["bob"]

    fresh = tmp_path / "fresh.json"
    code, _, err = run(capsys, "import", str(everything), "--author", "ana", "--db", str(fresh))
    assert code == 0, err
    with AnnotationStore.open(fresh) as store:
        assert [(a.author, a.tags) for a in store.annotations()] == [("ana", ("policy",))]


def test_an_option_before_the_command_other_than_db_is_explained(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "--author", "ana", "list")
    assert code == 1 and out == ""
    said = "'list' is a command: only --db may come before it; write 'gloss list [OPTIONS]'"
    assert err == f"gloss: {said}\n"
