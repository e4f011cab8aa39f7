"""Changes that meet a change made elsewhere since the user saw the annotation: nothing
is overwritten or deleted silently; the session hands the screen both sides to ask, and
an undo that cannot be made says so and changes nothing."""

from __future__ import annotations

from pathlib import Path

from corpus import Interview
from store import Annotation, AnnotationStore
from store.errors import Conflict, NoteConflict
from tests.session_fixtures import run
from tui.session import Session


def noted(session: Session, interview: Interview, note: str) -> Annotation:
    """A note of ana's on the third sentence, as the session shows it."""
    span = interview.sentences[3]
    run(session, session.note(interview, span, None, note))
    return session.annotations_of(interview.id)[0]


def meanwhile(path: Path, annotation: Annotation, **change: object) -> None:
    """Another process edits the annotation (same file, its own store)."""
    with AnnotationStore.open(path) as other:
        other.edit(annotation.id, **change)  # type: ignore[arg-type]


def test_a_note_changed_elsewhere_is_not_overwritten_and_both_texts_come_back(
    session: Session, store: AnnotationStore, interviews: list[Interview], path: Path
) -> None:
    left = interviews[0]
    seen = noted(session, left, "first thoughts")
    meanwhile(path, seen, note=("first thoughts", "bob's reading"))
    update = run(session, session.note(left, left.sentences[3], seen, "my reading"))
    assert update.clash is not None and update.conflict is None
    assert (update.clash.current.note, update.clash.mine) == ("bob's reading", "my reading")
    assert update.save == "unsaved" and session.pending == 0  # the user is asked
    assert "changed elsewhere" in update.message
    assert store.get(seen.id).note == "bob's reading"  # type: ignore[union-attr]
    run(session, session.keep_mine(update.clash))
    assert store.get(seen.id).note == "my reading"  # type: ignore[union-attr]
    # Keeping mine is an ordinary step from their text: undo gives theirs back.
    run(session, session.undo())
    assert store.get(seen.id).note == "bob's reading"  # type: ignore[union-attr]


def test_a_delete_of_an_annotation_changed_since_asks_with_what_it_is_now(
    session: Session, store: AnnotationStore, interviews: list[Interview], path: Path
) -> None:
    left = interviews[0]
    span = left.sentences[2]
    run(session, session.tag(left, span, ["policy"]))
    seen = session.annotations_of(left.id)[0]
    meanwhile(path, seen, add=["growth"])
    update = run(session, session.delete(seen))
    assert isinstance(update.conflict, Conflict)
    assert not isinstance(update.conflict, NoteConflict)
    assert update.conflict.current.tags == ("growth", "policy")
    assert store.get(seen.id) is not None
    run(session, session.delete(update.conflict.current))  # "delete anyway"
    assert store.get(seen.id) is None


def test_an_undo_that_cannot_be_made_says_so_and_changes_nothing(
    session: Session, store: AnnotationStore, interviews: list[Interview], path: Path
) -> None:
    left = interviews[0]
    seen = noted(session, left, "mine")
    run(session, session.note(left, left.sentences[3], seen, "mine, longer"))
    now = store.get(seen.id)
    assert now is not None
    meanwhile(path, now, note=("mine, longer", "bob rewrote it"))
    store.refresh()  # what is on disk now, bob's text included
    before = store.annotations()
    update = run(session, session.undo())
    assert update.message.startswith("nothing undone:")
    assert "changed elsewhere" in update.message and update.severity == "warning"
    assert update.save == "saved" and update.conflict is None
    assert store.annotations() == before
