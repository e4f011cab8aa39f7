"""The codebook: tag listing, description and colour, rename, merge and delete."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from corpus import Interview, load_interview
from store import Store, StoreError, TagInfo, open_store
from tests.backends import any_db
from tests.conftest import CLEAN_SEED


@pytest.fixture
def interview() -> Interview:
    return load_interview(CLEAN_SEED)


@pytest.fixture
def db(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> Path | str:
    """A TinyDB file, or a new PostgreSQL database (the tests run over both)."""
    return any_db(request, backend, tmp_path / "db.json")


@pytest.fixture
def store(db: Path | str) -> Iterator[Store]:
    with open_store(db) as opened:
        yield opened


def test_tags_lists_use_counts_and_codebook(store: Store, interview: Interview) -> None:
    store.add(interview, 0, 10, tags=["policy/tax", "econ"], author="Ann")
    store.add(interview, 20, 30, tags=["policy/tax"], author="Ann")
    store.set_tag("unused", description="Not used yet", colour="#abcdef")
    assert store.tags() == [
        TagInfo("econ", None, None, 1),
        TagInfo("policy/tax", None, None, 2),
        TagInfo("unused", "Not used yet", "#abcdef", 0),
    ]


def test_set_tag_changes_only_what_is_given(store: Store) -> None:
    store.set_tag("a", description="first", colour="red")
    assert store.set_tag("a", colour="#112233") == TagInfo("a", "first", "#112233", 0)
    assert store.set_tag("a", description="") == TagInfo("a", None, "#112233", 0)
    with pytest.raises(StoreError, match="not a colour"):
        store.set_tag("a", colour="rgb(1,2,3); drop")


def test_rename_updates_every_annotation_and_the_subtree(
    db: Path | str, store: Store, interview: Interview
) -> None:
    one = store.add(interview, 0, 10, tags=["policy", "other"], author="Ann").annotation
    two = store.add(interview, 20, 30, tags=["policy/tax-relief"], author="Bob").annotation
    three = store.add(interview, 40, 50, tags=["policymaker"], author="Bob").annotation
    store.set_tag("policy/tax-relief", description="Tax relief", colour="green")
    assert store.rename_tag("policy", "government") == 2
    store.close()
    with open_store(db) as again:
        assert again.get(one.id).tags == ("government", "other")  # type: ignore[union-attr]
        assert again.get(two.id).tags == ("government/tax-relief",)  # type: ignore[union-attr]
        assert again.get(three.id).tags == ("policymaker",)  # type: ignore[union-attr]
        info = {t.path: t for t in again.tags()}
        assert "policy/tax-relief" not in info
        assert info["government/tax-relief"] == TagInfo(
            "government/tax-relief", "Tax relief", "green", 1
        )


def test_rename_onto_an_existing_tag_is_refused(store: Store, interview: Interview) -> None:
    store.add(interview, 0, 10, tags=["a", "b"], author="Ann")
    with pytest.raises(StoreError, match="already exists; use 'gloss tags merge a b'"):
        store.rename_tag("a", "b")
    with pytest.raises(StoreError, match="no such tag"):
        store.rename_tag("missing", "c")


def test_merge_moves_uses_without_duplicates(store: Store, interview: Interview) -> None:
    both = store.add(interview, 0, 10, tags=["tax", "taxes"], author="Ann").annotation
    only = store.add(interview, 20, 30, tags=["taxes", "x"], author="Ann").annotation
    store.set_tag("taxes", description="plural", colour="blue")
    store.set_tag("tax", description="singular")
    assert store.merge_tags("taxes", "tax") == 2
    assert store.get(both.id).tags == ("tax",)  # type: ignore[union-attr]
    assert store.get(only.id).tags == ("tax", "x")  # type: ignore[union-attr]
    assert [t for t in store.tags() if t.path.startswith("tax")] == [
        TagInfo("tax", "singular", "blue", 2)
    ]


def test_delete_refuses_while_in_use_unless_forced(store: Store, interview: Interview) -> None:
    used = store.add(interview, 0, 10, tags=["old", "keep"], author="Ann").annotation
    store.set_tag("spare")
    assert store.delete_tag("spare") == 0
    with pytest.raises(StoreError, match=r"'old' is used by 1 annotation; pass --force"):
        store.delete_tag("old")
    assert store.get(used.id).tags == ("keep", "old")  # type: ignore[union-attr]
    assert store.delete_tag("old", force=True) == 1
    assert store.get(used.id).tags == ("keep",)  # type: ignore[union-attr]
    assert [t.path for t in store.tags()] == ["keep"]
    assert store.annotations(tag="old") == []


def test_tag_counts_follow_every_kind_of_change(db: Path | str, interview: Interview) -> None:
    """Counts are kept incrementally; after a seeded mix of changes from two processes'
    worth of stores they must equal a recount from the annotations themselves."""
    import random

    chance = random.Random(7)
    mine = open_store(db)
    theirs = open_store(db)
    pool = ["a", "b", "c/d", "c/e"]
    removed = []
    for step in range(120):
        store = chance.choice([mine, theirs])
        store.refresh()
        existing = store.annotations()
        action = chance.random()
        if action < 0.4 or not existing:
            start = chance.randrange(0, 400)
            store.add(interview, start, start + 5, tags=chance.sample(pool, 2), author="A")
        elif action < 0.6:
            chosen = chance.choice(existing)
            store.retag(chosen.id, add=chance.sample(pool, 1), remove=chosen.tags)
        elif action < 0.75:
            removed.append(store.delete(chance.choice(existing).id).annotation)
        elif action < 0.85 and removed:
            store.restore(removed.pop())
        elif action < 0.95:
            source, target = chance.sample(pool, 2)
            if any(t.path == source for t in store.tags()):
                store.merge_tags(source, target)
        else:
            store.compact()
        if step % 10 == 0:
            for view in (mine, theirs):
                view.refresh()
                recount: dict[str, int] = {}
                for annotation in view.annotations():
                    for tag in annotation.tags:
                        recount[tag] = recount.get(tag, 0) + 1
                assert {t.path: t.count for t in view.tags() if t.count} == recount


def test_renaming_to_itself_changes_nothing_and_merging_into_a_child_is_refused(
    store: Store, interview: Interview
) -> None:
    made = store.add(interview, 0, 10, tags=["a", "a/b"], author="Ann").annotation
    assert store.rename_tag("a", "a") == 0
    assert store.get(made.id) == made
    with pytest.raises(StoreError, match="below it; rename it instead"):
        store.merge_tags("a", "a/b")
    assert store.rename_tag("a", "a/old") == 1  # pushing a tree down is a rename
    assert store.get(made.id).tags == ("a/old", "a/old/b")  # type: ignore[union-attr]
