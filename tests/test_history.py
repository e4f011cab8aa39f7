"""Undo and redo of a session's changes, against a real annotation database on disk."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from corpus import Interview, interview_from_text
from store import Store, StoreError, open_store
from store.errors import Conflict
from store.history import History
from store.model import Annotation, Change
from tests.backends import any_db

TEXT = "The economy grew. Firms were helped. Confidence returned slowly."


@pytest.fixture
def interview() -> Interview:
    return interview_from_text("talk", TEXT)


@pytest.fixture
def db(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> Path | str:
    """A TinyDB file, or a new PostgreSQL database (the tests run over both)."""
    return any_db(request, backend, tmp_path / "notes.json")


@pytest.fixture
def store(db: Path | str) -> Iterator[Store]:
    with open_store(db) as opened:
        yield opened


@pytest.fixture
def history(store: Store) -> History:
    return History(store)


def made(change: Change | None) -> Annotation:
    """The annotation a recorded step left behind."""
    assert change is not None and change.after is not None
    return change.after


def span(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def on_disk(db: Path | str) -> dict[str, tuple[tuple[str, ...], str]]:
    """What another process opening the database sees: tags and note by id."""
    with open_store(db) as other:
        return {a.id: (a.tags, a.note) for a in other.annotations()}


def test_nothing_to_undo_or_redo_at_first(history: History) -> None:
    assert not history.can_undo
    assert not history.can_redo
    assert history.undo() is None
    assert history.redo() is None


def test_undo_of_a_new_annotation_deletes_it_and_redo_brings_it_back_exactly(
    history: History, store: Store, interview: Interview, db: Path | str
) -> None:
    added = made(history.add(interview, *span("The economy grew."), tags=["economy"], author="ann"))
    assert on_disk(db) == {added.id: (("economy",), "")}

    change = history.undo()
    assert change is not None and change.step.kind == "add" and change.kind == "delete"
    assert store.get(added.id) is None
    assert on_disk(db) == {}
    assert history.can_redo and not history.can_undo

    history.redo()
    assert store.get(added.id) == added  # same id, same timestamps
    assert on_disk(db) == {added.id: (("economy",), "")}


def test_undo_of_a_tag_merged_into_an_existing_annotation_restores_its_tags(
    history: History, store: Store, interview: Interview, db: Path | str
) -> None:
    start, end = span("Firms were helped.")
    first = made(history.add(interview, start, end, tags=["smes"], note="keep me", author="ann"))
    merged = made(history.add(interview, start, end, tags=["support"], author="ann"))
    assert merged.id == first.id
    assert merged.tags == ("smes", "support")
    assert history.next_undo is not None and history.next_undo.kind == "tag"
    assert history.next_undo.describe == "tag support"

    undone = history.undo()
    assert undone is not None and undone.step.describe == "tag support"
    kept = store.get(first.id)
    assert kept is not None, "undoing a merged tag must not delete the annotation"
    assert kept.tags == ("smes",)
    assert kept.note == "keep me"
    assert on_disk(db) == {first.id: (("smes",), "keep me")}

    history.redo()
    assert on_disk(db) == {first.id: (("smes", "support"), "keep me")}


def test_adding_tags_already_there_records_nothing(history: History, interview: Interview) -> None:
    start, end = span("Firms were helped.")
    history.add(interview, start, end, tags=["smes"], author="ann")
    history.add(interview, start, end, tags=["smes"], author="ann")
    history.undo()
    assert not history.can_undo


def test_undo_redo_of_retag_and_note(
    history: History, store: Store, interview: Interview, db: Path | str
) -> None:
    added = made(history.add(interview, *span("Confidence"), tags=["mood"], author="ann"))
    history.update(added.id, add=["confidence"], remove=["mood"])
    history.update(added.id, note=("", "a first\nnote"))
    assert on_disk(db) == {added.id: (("confidence",), "a first\nnote")}

    note_change = history.undo()
    assert note_change is not None and note_change.step.kind == "note"
    assert on_disk(db) == {added.id: (("confidence",), "")}
    retag = history.undo()
    assert retag is not None and retag.step.kind == "retag"
    assert on_disk(db) == {added.id: (("mood",), "")}

    history.redo()
    history.redo()
    assert on_disk(db) == {added.id: (("confidence",), "a first\nnote")}
    assert not history.can_redo


def test_undo_of_delete_restores_exactly_and_later_changes_still_apply(
    history: History, store: Store, interview: Interview, db: Path | str
) -> None:
    added = made(history.add(interview, *span("The economy"), tags=["economy"], author="ann"))
    noted = made(history.update(added.id, note=("", "why")))
    history.delete(added.id)
    assert on_disk(db) == {}

    history.undo()  # the delete
    assert store.get(added.id) == noted
    history.undo()  # the note
    history.undo()  # the add
    assert on_disk(db) == {}
    for _ in range(3):
        history.redo()
    assert on_disk(db) == {}
    history.undo()
    assert on_disk(db) == {added.id: (("economy",), "why")}


def test_a_new_change_clears_redo(history: History, interview: Interview) -> None:
    history.add(interview, *span("The economy"), tags=["a"], author="ann")
    history.undo()
    assert history.can_redo
    history.add(interview, *span("Firms"), tags=["b"], author="ann")
    assert not history.can_redo
    assert history.redo() is None


def test_undo_survives_a_session_that_deleted_the_annotation_meanwhile(
    history: History, store: Store, interview: Interview, db: Path | str
) -> None:
    first = made(history.add(interview, *span("The economy"), tags=["a"], author="ann"))
    second = made(history.add(interview, *span("Firms"), tags=["b"], author="ann"))
    history.update(second.id, add=["c"], remove=["b"])
    with open_store(db) as other:
        other.delete(second.id)

    with pytest.raises(StoreError, match="deleted meanwhile"):
        history.undo()  # the retag of a vanished annotation
    # The failed step is dropped; older steps still work.
    history.undo()  # the add of `second`: already gone, nothing to do
    history.undo()  # the add of `first`
    assert store.get(first.id) is None
    assert on_disk(db) == {}


def test_undo_keeps_a_note_changed_elsewhere_when_reverting_tags(
    history: History, interview: Interview, db: Path | str
) -> None:
    added = made(history.add(interview, *span("Firms"), tags=["a"], author="ann"))
    history.update(added.id, add=["b"], remove=["a"])
    with open_store(db) as other:
        other.set_note(added.id, old="", new="written by bob")
    history.undo()
    assert on_disk(db) == {added.id: (("a",), "written by bob")}


def test_limit_forgets_the_oldest(store: Store, interview: Interview) -> None:
    history = History(store, limit=2)
    for word in ("The", "economy", "grew"):
        history.add(interview, *span(word), tags=["w"], author="ann")
    assert history.undo() is not None
    assert history.undo() is not None
    assert history.undo() is None
    assert len(store.annotations()) == 1


def test_change_needs_a_side() -> None:
    with pytest.raises(ValueError):
        Change("add", None, None)


def test_a_retag_names_what_it_added_and_removed(history: History, interview: Interview) -> None:
    start, end = span("Firms were helped.")
    first = made(history.add(interview, start, end, tags=["smes", "trust"], author="ann"))
    history.update(first.id, add=["support"], remove=["trust"])
    assert history.next_undo is not None
    assert history.next_undo.describe == "retag +support, -trust"


def test_undo_of_a_new_annotation_keeps_a_tag_added_from_elsewhere_since(
    history: History, store: Store, interview: Interview, db: Path | str
) -> None:
    start, end = span("Firms were helped.")
    mine = made(history.add(interview, start, end, tags=["smes"], author="ann"))
    with open_store(db) as other:  # the same coder, from the command line
        other.add(interview, start, end, tags=["support"], author="ann")
    undone = history.undo()
    assert undone is not None and undone.kind == "retag"
    assert on_disk(db) == {mine.id: (("support",), "")}
    history.redo()
    assert on_disk(db) == {mine.id: (("smes", "support"), "")}


def test_undo_of_a_merged_tag_removes_only_that_tag(
    history: History, interview: Interview, db: Path | str
) -> None:
    start, end = span("Firms were helped.")
    first = made(history.add(interview, start, end, tags=["smes"], author="ann"))
    history.add(interview, start, end, tags=["support"], author="ann")
    with open_store(db) as other:
        other.retag(first.id, add=["later"])
    history.undo()
    assert on_disk(db) == {first.id: (("later", "smes"), "")}


def test_undo_of_a_note_rewritten_elsewhere_says_so_and_changes_nothing(
    history: History, interview: Interview, db: Path | str
) -> None:
    added = made(history.add(interview, *span("Firms"), tags=["a"], author="ann"))
    history.update(added.id, note=("", "mine"))
    with open_store(db) as other:
        other.set_note(added.id, old="mine", new="theirs")
    with pytest.raises(Conflict, match="changed elsewhere since") as caught:
        history.undo()
    assert caught.value.current.note == "theirs"
    assert on_disk(db) == {added.id: (("a",), "theirs")}


def test_undo_of_a_merged_note_restores_the_earlier_note(
    history: History, interview: Interview, db: Path | str
) -> None:
    start, end = span("Firms were helped.")
    first = made(history.add(interview, start, end, tags=["a"], note="first", author="ann"))
    merged = made(history.add(interview, start, end, note="second", author="ann"))
    assert merged.note == "first\n\nsecond"
    history.undo()
    assert on_disk(db) == {first.id: (("a",), "first")}


def test_undo_of_a_new_annotation_keeps_a_note_rewritten_since(
    history: History, interview: Interview, db: Path | str
) -> None:
    mine = made(history.add(interview, *span("Firms"), tags=["a"], note="mine", author="ann"))
    with open_store(db) as other:
        other.set_note(mine.id, old="mine", new="rewritten")
    undone = history.undo()
    assert undone is not None and undone.after is not None  # kept, not deleted
    assert on_disk(db) == {mine.id: ((), "rewritten")}


def test_undo_of_a_tag_taken_off_elsewhere_says_so_and_changes_nothing(
    history: History, interview: Interview, db: Path | str
) -> None:
    start, end = span("Firms were helped.")
    first = made(history.add(interview, start, end, tags=["smes"], author="ann"))
    history.add(interview, start, end, tags=["support"], author="ann")
    with open_store(db) as other:
        other.retag(first.id, remove=["support"])
    with pytest.raises(Conflict, match="not there any more"):
        history.undo()
    assert on_disk(db) == {first.id: (("smes",), "")}
    # The skipped step is dropped: the next undo takes back the first add.
    history.undo()
    assert on_disk(db) == {}


def test_undo_follows_a_tag_renamed_elsewhere_since(
    history: History, interview: Interview, db: Path | str
) -> None:
    start, end = span("Firms were helped.")
    mine = made(history.add(interview, start, end, tags=["industry"], author="ann"))
    history.add(interview, *span("The economy"), tags=["industry"], author="ann")
    with open_store(db) as other:
        other.rename_tag("industry", "manufacturing")
    history.undo()  # the second add: its coding is called manufacturing now
    assert on_disk(db) == {mine.id: (("manufacturing",), "")}
    history.undo()
    assert on_disk(db) == {}


def test_undo_keeps_a_tag_the_passage_had_before_it_was_merged_into(
    history: History, interview: Interview, db: Path | str
) -> None:
    start, end = span("Firms were helped.")
    first = made(history.add(interview, start, end, tags=["economy"], author="ann"))
    history.add(interview, start, end, tags=["industry"], author="ann")
    with open_store(db) as other:
        other.merge_tags("industry", "economy")
    with pytest.raises(Conflict, match="not there any more"):
        history.undo()  # what it added is the tag the passage already had
    assert on_disk(db) == {first.id: (("economy",), "")}
