"""``store.open_tinydb``: a user's script queries the live database with TinyDB's own API."""

from __future__ import annotations

from pathlib import Path

import pytest
from tinydb import Query, TinyDB

from corpus import load_interview
from store import AnnotationStore, StoreError, open_tinydb
from tests.conftest import CLEAN_SEED, ROOT


def test_queries_see_the_unfolded_journal_and_later_changes(tmp_path: Path) -> None:
    db = tmp_path / "team.json"
    interview = load_interview(CLEAN_SEED)
    store = AnnotationStore.open(db)
    store.compact()
    first = store.add(interview, 0, 10, tags=["x", "policy/tax"], author="ana").after
    store.add(interview, 20, 30, tags=["y"], author="bob")
    assert store.path.with_name("team.json.journal").stat().st_size > 0  # not folded in
    assert TinyDB(db).table("annotations").all() == []  # what plain TinyDB alone would see

    assert first is not None
    tinydb = open_tinydb(db)
    try:
        annotations = tinydb.table("annotations")
        assert [d["id"] for d in annotations.search(Query().tags.any(["x"]))] == [first.id]
        assert [d["author"] for d in annotations.search(Query().author == "bob")] == ["bob"]
        later = store.add(interview, 40, 50, tags=["x"], author="bob").after
        assert later is not None
        found = {d["id"] for d in annotations.search(Query().tags.any(["x"]))}
        assert found == {first.id, later.id}
    finally:
        tinydb.close()
        store.close()


def test_writing_is_refused_and_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "team.json"
    with AnnotationStore.open(db) as store:
        store.add(load_interview(CLEAN_SEED), 0, 10, tags=["x"], author="ana")
    before = db.read_bytes()
    tinydb = open_tinydb(db)
    with pytest.raises(StoreError, match="read-only"):
        tinydb.table("annotations").insert({"id": "sneaky"})
    with pytest.raises(StoreError, match="read-only"):
        tinydb.table("annotations").remove(Query().author == "ana")
    tinydb.close()
    assert db.read_bytes() == before
    with AnnotationStore.open(db) as store:
        assert [a.author for a in store.annotations()] == ["ana"]


def test_a_mistyped_path_is_refused_not_an_empty_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no gloss database there"):
        open_tinydb(tmp_path / "tema.json")
    assert not (tmp_path / "tema.json").exists()


def test_the_readme_example_runs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "team.json"
    with AnnotationStore.open(db) as store:
        interview = load_interview(CLEAN_SEED)
        store.add(interview, 0, 10, tags=["policy/tax-relief"], note="n", author="ana")
        store.add(interview, 20, 30, tags=["policy/tax-relief"], author="bob")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Querying the database from your own scripts") :]
    example = section[section.index("```python\n") + 10 : section.index("```\n", 10)]
    exec(example.replace('"team.json"', repr(str(db))), {})
    assert capsys.readouterr().out == f"{interview.id} ['policy/tax-relief'] n\n"
