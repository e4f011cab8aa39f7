"""The store records where renamed, merged and deleted tags went (tombstones in the
codebook), so a reader holding an old name learns the new one instead of guessing."""

from __future__ import annotations

from pathlib import Path

import pytest
from tinydb import Query

from corpus import Interview, load_interview
from store import StoreError, TagInfo, open_store, open_tinydb
from tests.backends import any_db
from tests.conftest import CLEAN_SEED


@pytest.fixture
def interview() -> Interview:
    return load_interview(CLEAN_SEED)


@pytest.fixture
def db(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> Path | str:
    """A TinyDB file, or a new PostgreSQL database (the tests run over both)."""
    return any_db(request, backend, tmp_path / "db.json")


def test_a_rename_is_recorded_and_read_by_another_process(
    db: Path | str, interview: Interview
) -> None:
    with open_store(db) as store:
        store.add(interview, 0, 10, tags=["policy", "policy/tax"], author="ana")
        store.set_tag("unused", description="Nobody used it")
        store.rename_tag("policy", "government")
        store.rename_tag("unused", "spare")
    with open_store(db) as again:
        assert again.resolve_tag("policy") == "government"
        assert again.resolve_tag("policy/tax") == "government/tax"
        assert again.resolve_tag("unused") == "spare"
        assert again.resolve_tag("never-there") == "never-there"
        assert again.tag_moves() == {
            "policy": "government",
            "policy/tax": "government/tax",
            "unused": "spare",
        }


def test_a_tombstone_is_no_live_tag_anywhere(db: Path | str, interview: Interview) -> None:
    with open_store(db) as store:
        store.add(interview, 0, 10, tags=["policy"], author="ana")
        store.set_tag("policy", colour="green")
        store.set_tag("gone", description="to delete")
        store.rename_tag("policy", "government")
        store.delete_tag("gone")
        assert store.tags() == [TagInfo("government", None, "green", 1)]
        assert [a.tags for a in store.annotations(tag="policy")] == []
        with pytest.raises(StoreError, match="no such tag"):
            store.rename_tag("policy", "other")
        store.rename_tag("government", "gov")  # no "already exists" from the tombstone
        assert store.tags() == [TagInfo("gov", None, "green", 1)]
    if not isinstance(db, Path):
        return  # the server's tables are no TinyDB file
    tinydb = open_tinydb(db)
    try:
        live = tinydb.table("codebook").search(~Query().moved_to.exists())
        assert [d["path"] for d in live] == ["gov"]
    finally:
        tinydb.close()


def test_chains_resolve_to_the_end_and_deleted_to_none(
    db: Path | str, interview: Interview
) -> None:
    with open_store(db) as store:
        store.add(interview, 0, 10, tags=["a", "x"], author="ana")
        store.rename_tag("a", "b")
        store.merge_tags("b", "c")
        store.delete_tag("x", force=True)
        assert store.resolve_tag("a") == "c"
        assert store.resolve_tag("b") == "c"
        assert store.resolve_tag("x") is None
        assert store.tag_moves() == {"a": "c", "b": "c", "x": None}


def test_a_tag_renamed_back_is_live_again(db: Path | str, interview: Interview) -> None:
    with open_store(db) as store:
        store.add(interview, 0, 10, tags=["a"], author="ana")
        store.set_tag("a", description="the A")
        store.rename_tag("a", "b")
        store.rename_tag("b", "a")
        assert store.tags() == [TagInfo("a", "the A", None, 1)]
        assert store.resolve_tag("a") == "a"
        assert store.resolve_tag("b") == "a"
        assert store.tag_moves() == {"b": "a"}
    with open_store(db) as again:
        assert again.tags() == [TagInfo("a", "the A", None, 1)]
        assert again.tag_moves() == {"b": "a"}


def test_a_moved_name_used_or_described_again_is_itself(
    db: Path | str, interview: Interview
) -> None:
    with open_store(db) as store:
        store.add(interview, 0, 10, tags=["a"], author="ana")
        store.set_tag("d", description="d")
        store.rename_tag("a", "b")
        store.delete_tag("d")
        store.add(interview, 20, 30, tags=["a"], author="bob")
        store.set_tag("d", colour="red")
        assert store.resolve_tag("a") == "a" and store.resolve_tag("d") == "d"
        assert store.tag_moves() == {}
        assert [t.path for t in store.tags()] == ["a", "b", "d"]


def test_retagging_the_only_use_records_no_move(db: Path | str, interview: Interview) -> None:
    with open_store(db) as store:
        first = store.add(interview, 0, 10, tags=["x"], author="ana").annotation
        store.retag(first.id, add=["y"], remove=["x"])
        assert store.resolve_tag("x") == "x"
        assert store.tag_moves() == {}
