"""The store's Python API on a real file or database: what the reader relies on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import tinydb

from corpus import Interview, load_interview
from store import StoreError, open_store, resolve_author, resolve_db_path
from tests.backends import any_db
from tests.conftest import CLEAN_SEED, NOISY_SEED


@pytest.fixture
def interview() -> Interview:
    return load_interview(CLEAN_SEED)


@pytest.fixture
def db(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> Path | str:
    """A TinyDB file, or a new PostgreSQL database (the tests run over both)."""
    return any_db(request, backend, tmp_path / "data/notes.json")


def span_of(interview: Interview, quote: str) -> tuple[int, int]:
    start = interview.text.index(quote)
    return start, start + len(quote)


@pytest.fixture
def file_db(tmp_path: Path) -> Path:
    """A TinyDB file, for what is about the file itself."""
    return tmp_path / "data" / "notes.json"


def test_open_creates_file_and_directory(file_db: Path) -> None:
    db = file_db
    with open_store(db) as store:
        assert store.path == db
        assert store.annotations() == []
    data = json.loads(db.read_text())
    meta = data["meta"]["1"]
    assert {key: meta[key] for key in ("app", "schema")} == {"app": "gloss", "schema": 3}
    assert set(meta) == {"app", "schema", "generation"}  # what the journal must name
    assert data["annotations"] == {} and data["codebook"] == {}


def test_every_field_round_trips_through_the_file(db: Path | str, interview: Interview) -> None:
    start, end = 200, 260
    note = 'A long note,\nwith "quotes", commas;\n\ttabs and unicode — ünïcødé 中文'
    with open_store(db) as store:
        made = store.add(
            interview, start, end, tags=["policy/tax-relief", "econ"], note=note, author="Ann"
        ).annotation
    with open_store(db) as again:
        back = again.get(made.id)
    assert back == made
    assert back is not None
    assert back.interview == interview.id
    assert back.fingerprint == interview.fingerprint
    assert (back.start, back.end) == (start, end)
    assert back.exact == interview.text[start:end]
    assert back.prefix == interview.text[start - 32 : start]
    assert back.suffix == interview.text[end : end + 32]
    assert (back.raw_start, back.raw_end) == interview.clean.raw_span(start, end)
    assert back.tags == ("econ", "policy/tax-relief")
    assert back.note == note
    assert back.author == "Ann"
    assert back.created.endswith("Z") and back.created == back.updated
    assert back.status == "anchored"
    assert back.source == str(CLEAN_SEED.resolve())
    assert len(back.id) == 32


def test_one_coder_tagging_a_passage_twice_makes_one_annotation_with_merged_tags(
    db: Path | str, interview: Interview
) -> None:
    with open_store(db) as store:
        first = store.add(interview, 10, 40, tags=["a"], note="why", author="Ann").annotation
        second = store.add(interview, 10, 40, tags=["b", "a"], author="Ann")
        assert second.kind == "tag" and second.before == first
        assert second.annotation.id == first.id
        assert second.annotation.tags == ("a", "b")
        assert second.annotation.revision == first.revision + 1 == 2
        assert len(store.annotations()) == 1
        overlapping = store.add(interview, 20, 50, tags=["a"], author="Ann").annotation
        assert overlapping.id != first.id
        assert len(store.annotations()) == 2


def test_another_coder_on_the_same_passage_gets_an_annotation_of_their_own(
    db: Path | str, interview: Interview
) -> None:
    with open_store(db) as store:
        ann = store.add(interview, 10, 40, tags=["a"], note="ann's", author="Ann").annotation
        bob = store.add(interview, 10, 40, tags=["b"], note="bob's", author="Bob")
        assert bob.kind == "add" and bob.annotation.id != ann.id
        assert store.get(ann.id) == ann  # untouched
        assert [(a.author, a.tags, a.note) for a in store.annotations(author="Bob")] == [
            ("Bob", ("b",), "bob's")
        ]
        again = store.add(interview, 10, 40, tags=["c"], author="Bob").annotation
        assert again.id == bob.annotation.id and again.tags == ("b", "c")
        assert store.at_span(interview.id, 10, 40, author="Ann") == ann


def test_each_change_returns_before_and_after(db: Path | str, interview: Interview) -> None:
    with open_store(db) as store:
        added = store.add(interview, 5, 25, tags=["x"], note="n", author="Ann")
        assert (added.kind, added.before) == ("add", None)
        made = added.annotation
        retagged = store.retag(made.id, add=["y", "z"], remove=["x", "gone-already"])
        assert retagged.kind == "retag" and retagged.before == made
        changed = retagged.annotation
        assert changed.tags == ("y", "z") and changed.note == "n"
        assert changed.updated >= made.updated
        renoted = store.set_note(made.id, old="n", new="").annotation
        assert renoted.note == "" and renoted.tags == ("y", "z")
        removed = store.delete(made.id)
        assert (removed.kind, removed.before, removed.after) == ("delete", renoted, None)
        assert store.get(made.id) is None
        assert store.restore(renoted).after == renoted
        assert store.get(made.id) == renoted
        again = store.restore(made)  # already back: nothing changes
        assert not again.changed and again.after == renoted
    with open_store(db) as reopened:
        assert reopened.get(made.id) == renoted
        assert len(reopened.annotations()) == 1


def test_missing_ids_are_clear_errors(db: Path | str) -> None:
    with open_store(db) as store:
        with pytest.raises(StoreError, match="annotation nope: not in"):
            store.set_note("nope", old="", new="x")
        with pytest.raises(StoreError, match="annotation nope: not in"):
            store.delete("nope")


def test_passage_outside_text_refused(db: Path | str, interview: Interview) -> None:
    with open_store(db) as store:
        for start, end in [(-1, 5), (5, 5), (10, 3), (0, len(interview.text) + 1)]:
            with pytest.raises(StoreError, match="not inside the text"):
                store.add(interview, start, end, author="Ann")
        assert store.annotations() == []


@pytest.mark.parametrize(
    ("raw", "problem"),
    [("", "empty"), ("a//b", "empty segment"), ("/a", "empty segment"), ("a\x1bb", "control")],
)
def test_bad_tags_refused(db: Path | str, interview: Interview, raw: str, problem: str) -> None:
    with open_store(db) as store:
        with pytest.raises(StoreError, match=problem):
            store.add(interview, 0, 10, tags=[raw], author="Ann")
        assert store.annotations() == []


def test_tags_are_trimmed(db: Path | str, interview: Interview) -> None:
    with open_store(db) as store:
        made = store.add(
            interview, 0, 10, tags=["  policy /  tax  relief "], author="Ann"
        ).annotation
    assert made.tags == ("policy/tax relief",)


def test_annotations_filters_and_text_order(db: Path | str, interview: Interview) -> None:
    other = load_interview(NOISY_SEED)
    with open_store(db) as store:
        late = store.add(interview, 500, 520, tags=["policy/tax"], author="Ann").annotation
        early = store.add(interview, 100, 120, tags=["econ"], author="Bob").annotation
        elsewhere = store.add(other, 50, 70, tags=["policy"], author="Ann").annotation
        assert store.annotations(interview=interview.id) == [early, late]
        assert store.annotations(tag="policy") == sorted(
            [late, elsewhere], key=lambda a: (a.interview, a.start)
        )
        assert store.annotations(tag="policy/tax") == [late]
        assert store.annotations(author="Bob") == [early]
        assert store.annotations(interview=interview.id, author="Ann", tag="econ") == []


def test_refresh_sees_other_writers(db: Path | str, interview: Interview) -> None:
    with open_store(db) as mine, open_store(db) as theirs:
        assert mine.refresh() is False
        added = theirs.add(interview, 30, 60, tags=["t"], author="Bob").annotation
        assert mine.refresh() is True
        assert mine.get(added.id) == added
        assert mine.refresh() is False
        mine.set_note(added.id, old="", new="seen")
        assert theirs.refresh() is True
        if isinstance(db, Path):
            theirs.compact()  # the main file is replaced: a full reload
            assert mine.refresh() is True
        assert mine.get(added.id) == theirs.get(added.id)
        assert mine.get(added.id).note == "seen"  # type: ignore[union-attr]


def test_writer_decides_on_fresh_state(db: Path | str, interview: Interview) -> None:
    """A stale process of the same coder adding the same passage merges into the
    annotation the other process made."""
    with open_store(db) as mine, open_store(db) as theirs:
        theirs_made = theirs.add(interview, 30, 60, tags=["a"], author="Ann").annotation
        mine_made = mine.add(interview, 30, 60, tags=["b"], author="Ann").annotation
        assert mine_made.id == theirs_made.id
        assert mine_made.tags == ("a", "b")


def test_file_stays_a_plain_tinydb_database(file_db: Path, interview: Interview) -> None:
    db = file_db
    with open_store(db) as store:
        made = store.add(interview, 0, 10, tags=["x"], author="Ann").annotation
        store.set_tag("x", description="An x", colour="#00ff00")
    plain = tinydb.TinyDB(db)
    try:
        docs = plain.table("annotations").all()
        assert [d["id"] for d in docs] == [made.id]
        assert plain.table("codebook").all()[0]["description"] == "An x"
        [meta] = plain.table("meta").all()
        assert (meta["app"], meta["schema"]) == ("gloss", 3)
    finally:
        plain.close()


def test_db_path_and_author_resolution(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert resolve_db_path(str(tmp_path / "flag.json")) == tmp_path / "flag.json"
    assert resolve_db_path(None) == tmp_path / "user-data" / "annotations.json"
    monkeypatch.delenv("GLOSS_DB")
    default = resolve_db_path(None)
    assert default == tmp_path / "xdg-data" / "gloss" / "annotations.json"
    assert resolve_author("  Ann   Lee ") == "Ann Lee"
    assert resolve_author(None) == "tester"
    monkeypatch.delenv("GLOSS_AUTHOR")
    assert resolve_author(None)  # the login name, whatever it is here


def test_default_location_is_created(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("GLOSS_DB")
    with open_store(resolve_db_path(None)) as store:
        assert store.path.is_file()
        assert store.path.parent == tmp_path / "xdg-data" / "gloss"


def test_changes_made_in_one_millisecond_still_stamp_in_order(
    db: Path | str, interview: Interview
) -> None:
    """'Newest first' (the recent tags at start) reads these stamps: a script or a fast
    typist makes several changes within a millisecond, and each must still be newer."""
    with open_store(db) as store:
        made = [
            store.add(interview, 5 + i, 25 + i, tags=[f"t{i}"], author="Ann").annotation
            for i in range(20)
        ]
    stamps = [a.created for a in made]
    assert stamps == sorted(set(stamps))
    assert all(a.updated == a.created for a in made)
