"""``gloss copy``: a whole database from a TinyDB file to a PostgreSQL server and back.

Real command line in child processes, a real server (see ``tests/backends.py``); every
field of every annotation and codebook record must arrive, and a second copy must change
nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus import load_interview
from store import StoreError, open_store
from store.copying import Contents
from tests.conftest import CLEAN_SEED, NOISY_SEED, run_gloss


def made_database(db: Path | str) -> Contents:
    """A database with what a team leaves behind: two coders on one passage, revisions,
    notes, an orphan-free re-tag, colours, descriptions, a renamed and a deleted tag."""
    clean, noisy = load_interview(CLEAN_SEED), load_interview(NOISY_SEED)
    with open_store(db) as store:
        ann = store.add(clean, 10, 60, tags=["policy/tax"], note="first", author="ann")
        store.add(clean, 10, 60, tags=["econ"], author="bob")
        store.edit(ann.annotation.id, add=["trust"], note=("first", "second\nline — ü"))
        store.add(noisy, 100, 180, tags=["old"], author="ann")
        store.add(noisy, 200, 230, tags=["gone"], note="x", author="cy")
        store.set_tag("policy/tax", description="Taxes", colour="#112233")
        store.set_tag("unused", description="never used")
        store.rename_tag("old", "new")
        store.delete_tag("gone", force=True)
        return store.contents()


def contents(db: Path | str) -> Contents:
    with open_store(db, reading=True) as store:
        return store.contents()


def copy(source: Path | str, target: Path | str) -> str:
    result = run_gloss("copy", "--from", str(source), "--to", str(target))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    return result.stderr


def test_a_file_copied_to_a_server_and_back_is_equal_in_everything(
    tmp_path: Path, pg_db: str
) -> None:
    original = made_database(tmp_path / "team.json")
    assert any(a.revision > 1 for a in original.annotations)
    assert any("moved_to" in doc for _, doc in original.codebook)  # tombstones too

    said = copy(tmp_path / "team.json", pg_db)
    assert "4 annotations" in said and "records written" in said
    assert contents(pg_db) == original
    assert "nothing to change" in copy(tmp_path / "team.json", pg_db)
    assert contents(pg_db) == original

    copy(pg_db, tmp_path / "back.json")
    assert contents(tmp_path / "back.json") == original
    assert "nothing to change" in copy(pg_db, tmp_path / "back.json")
    assert contents(tmp_path / "back.json") == original


def test_a_server_copied_to_a_file_and_back_to_another_server_database(
    tmp_path: Path, pg_db: str, pg_server_uri: str
) -> None:
    from tests.backends import drop_database, new_database

    original = made_database(pg_db)
    copy(pg_db, tmp_path / "out.json")
    assert contents(tmp_path / "out.json") == original
    name, other = new_database(pg_server_uri)
    try:
        copy(tmp_path / "out.json", other)
        assert contents(other) == original
    finally:
        drop_database(pg_server_uri, name)


def test_a_destination_holding_other_records_is_refused_and_left_alone(
    tmp_path: Path, pg_db: str
) -> None:
    made_database(tmp_path / "team.json")
    clean = load_interview(CLEAN_SEED)
    with open_store(pg_db) as store:
        store.add(clean, 0, 5, tags=["theirs"], author="dee")
        before = store.contents()
    result = run_gloss("copy", "--from", str(tmp_path / "team.json"), "--to", pg_db)
    assert result.returncode == 1
    assert "already holds 1 annotation that the source has not" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.splitlines()) == 1
    assert contents(pg_db) == before


def test_copy_from_nothing_is_refused(tmp_path: Path) -> None:
    result = run_gloss("copy", "--from", str(tmp_path / "none.json"), "--to", str(tmp_path / "b"))
    assert result.returncode == 1 and "no database there" in result.stderr
    assert not (tmp_path / "b").exists()
    with pytest.raises(StoreError, match="no database there"):
        open_store(tmp_path / "none.json", reading=True)
