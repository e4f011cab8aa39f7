"""The journal's seal: a journal cut short (whole lines or the end of its last line) is
refused, where it would otherwise look like a crash mid-append and lose acknowledged
changes in silence; a crash before the seal is written, or during a compaction, never
makes a false refusal."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from corpus import load_interview
from store import AnnotationStore, StoreError
from tests.conftest import CLEAN_SEED
from tests.test_store_journal_integrity import (
    Team,
    build,
    gloss,
    journal_of,
    lines_of,
    refused_by_the_cli,
    seal_of,
    state,
)


@pytest.fixture
def team(tmp_path: Path) -> Team:
    db = tmp_path / "team.json"
    return db, build(db)


def test_the_last_acknowledged_line_cut_off_whole_is_refused(team: Team) -> None:
    db, _ = team
    journal_of(db).write_bytes(b"".join(lines_of(db)[:-1]))
    refused_by_the_cli(db, "line 11 is missing", "restore the journal", seal_of(db).name)


def test_the_last_acknowledged_line_cut_in_the_middle_is_refused(team: Team) -> None:
    db, _ = team
    lines = lines_of(db)
    journal_of(db).write_bytes(b"".join([*lines[:-1], lines[-1][: len(lines[-1]) // 2]]))
    refused_by_the_cli(db, "line 11 is missing")


def test_several_lines_cut_off_are_named_and_an_empty_journal_is_refused(team: Team) -> None:
    db, _ = team
    journal_of(db).write_bytes(b"".join(lines_of(db)[:8]))
    refused_by_the_cli(db, "lines 9-11 are missing")
    journal_of(db).write_bytes(b"")
    refused_by_the_cli(db, "lines 1-11 are missing")


def test_deleting_the_seal_accepts_the_loss_deliberately(team: Team) -> None:
    db, expected = team
    journal_of(db).write_bytes(b"".join(lines_of(db)[:-1]))  # the last: a retag to "d"
    refused_by_the_cli(db, "line 11 is missing")
    seal_of(db).unlink()
    result = gloss("list", "--db", str(db))
    assert result.returncode == 0, result.stderr
    seen = state(db)
    assert seen.keys() == expected.keys()
    assert any("d" in tags for tags, _ in expected.values())
    assert not any("d" in tags for tags, _ in seen.values())


def test_a_crash_before_the_seal_was_written_lists_every_line(tmp_path: Path) -> None:
    """The seal one line behind the journal: the last change was on disk but never
    acknowledged; it is kept, and nothing is refused."""
    db = tmp_path / "team.json"
    interview = load_interview(CLEAN_SEED)
    store = AnnotationStore.open(db)
    first = store.add(interview, 0, 10, tags=["a"], author="Ann").annotation
    behind = seal_of(db).read_bytes()
    second = store.add(interview, 20, 30, tags=["b"], author="Ann").annotation
    files = {path: path.read_bytes() for path in (db, journal_of(db))}
    store.close()
    for path, data in files.items():
        path.write_bytes(data)
    seal_of(db).write_bytes(behind)
    assert len(lines_of(db)) == 2
    result = gloss("list", "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert state(db) == {first.id: (("a",), 1), second.id: (("b",), 1)}


def test_a_last_line_without_its_break_is_kept_but_one_cut_inside_is_refused(
    team: Team,
) -> None:
    db, expected = team
    main, journal = db.read_bytes(), journal_of(db).read_bytes()
    journal_of(db).write_bytes(journal[:-1])  # a crash before the line break
    assert state(db) == expected
    db.write_bytes(main)
    journal_of(db).write_bytes(journal[:-2])  # the line itself cut short
    refused_by_the_cli(db, "line 11 is missing")


def test_a_torn_seal_counts_as_none_and_the_next_change_writes_it_whole(team: Team) -> None:
    db, expected = team
    seal_of(db).write_bytes(seal_of(db).read_bytes()[:20])
    journal_of(db).write_bytes(b"".join(lines_of(db)[:-1]))  # undetectable without a seal
    assert len(state(db)) == len(expected)
    interview = load_interview(CLEAN_SEED)
    with AnnotationStore.open(db) as store:
        store.compact()
        store.add(interview, 400, 410, tags=["x"], author="Ann")
        store.add(interview, 420, 430, tags=["y"], author="Ann")
        journal = journal_of(db).read_bytes()
        assert journal.count(b"\n") == 2
        journal_of(db).write_bytes(journal[:-5])
        with pytest.raises(StoreError, match="line 2 is missing"):
            store.add(interview, 440, 450, tags=["z"], author="Ann")
    assert journal_of(db).read_bytes() == journal[:-5]  # refused, nothing written


def test_compactions_retire_the_seal_at_every_step(team: Team) -> None:
    db, expected = team
    left = journal_of(db).read_bytes()
    with AnnotationStore.open(db) as store:
        store.compact()
        assert journal_of(db).read_bytes() == b""
    assert state(db) == expected  # compacted, the old seal still names 11 lines
    main = db.read_bytes()
    journal_of(db).write_bytes(left)  # killed after the rename, before the emptying
    assert state(db) == expected
    db.write_bytes(main)
    journal_of(db).write_bytes(b"")  # killed after the emptying
    assert state(db) == expected
    interview = load_interview(CLEAN_SEED)
    with AnnotationStore.open(db) as store:
        added = store.add(interview, 400, 410, tags=["x"], author="Ann").annotation
    assert state(db) == {**expected, added.id: (("x",), 1)}


def test_a_database_named_like_a_seal_is_refused_and_so_is_a_seal_fifo(tmp_path: Path) -> None:
    result = gloss("list", "--db", str(tmp_path / "team.json.seal"))
    assert result.returncode != 0 and result.stderr.count("\n") == 1
    assert "--db " + str(tmp_path / "team.json") in result.stderr
    os.mkfifo(tmp_path / "other.json.seal")
    result = gloss("list", "--db", str(tmp_path / "other.json"))
    assert result.returncode != 0 and result.stderr.count("\n") == 1
    assert "other.json.seal is a FIFO" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.json.seal"]
