"""What the user sees when their change meets one made elsewhere since they looked: a
note saved over another's asks (both texts shown; keep mine, keep theirs or edit both),
a delete of an annotation changed since asks, an undo that cannot be made says so."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from store import Annotation, AnnotationStore
from tests.conftest import screen_lines, wait_until
from tests.test_tui_app import running, seeds, settle


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "team.json"


@pytest.fixture
def store(db: Path) -> Iterator[AnnotationStore]:
    opened = AnnotationStore.open(db)
    yield opened
    opened.close()


def first_annotation(store: AnnotationStore, note: str = "", tags: tuple[str, ...] = ("intro",)):
    interviews = seeds()
    first = interviews[0].sentences[0]
    made = store.add(
        interviews[0], first.start, first.end, tags=tags, note=note, author="tester"
    ).annotation
    return interviews, made


def elsewhere(db: Path, made: Annotation, **change: object) -> None:
    with AnnotationStore.open(db) as other:
        other.edit(made.id, **change)  # type: ignore[arg-type]


def text(app) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(screen_lines(app))


def note_of(store: AnnotationStore, made: Annotation) -> str:
    store.refresh()
    found = store.get(made.id)
    assert found is not None
    return found.note


async def write_over_their_note(app, pilot, store, db, made) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("a")
    await wait_until(pilot, lambda: type(app.screen).__name__ == "NoteEditor")
    elsewhere(db, made, note=("draft", "bob's reading"))  # while the editor is open
    await pilot.press(*["backspace"] * len("draft"), *"my reading", "ctrl+s")
    # The save meets theirs in a worker; the dialog is then pushed, and drawn after that.
    await wait_until(pilot, lambda: "changed elsewhere" in text(app), what="the note conflict")
    assert type(app.screen).__name__ == "NoteConflictDialog"
    shown = text(app)
    assert "changed elsewhere" in shown
    assert "bob's reading" in shown and "my reading" in shown
    assert note_of(store, made) == "bob's reading"  # nothing overwritten yet


@pytest.mark.parametrize(
    ("key", "stored"),
    [("m", "my reading"), ("t", "bob's reading"), ("escape", "bob's reading")],
)
async def test_a_note_changed_elsewhere_asks_keep_mine_or_theirs(
    store: AnnotationStore, db: Path, key: str, stored: str
) -> None:
    interviews, made = first_annotation(store, note="draft")
    async with running(store, interviews) as (app, pilot):
        await write_over_their_note(app, pilot, store, db, made)
        await pilot.press(key)
        # "unsaved" until the choice is made and, for mine, written (in a worker).
        await wait_until(pilot, lambda: "  saved  by " in text(app), what="the choice saved")
        await settle(app, pilot)
        await wait_until(
            pilot,
            lambda: type(app.screen).__name__ == "MainScreen",
            what="type(app.screen).__name__ == 'MainScreen'",
        )
        assert note_of(store, made) == stored
        if stored != "my reading":
            assert "kept their note" in text(app)


async def test_edit_both_opens_the_editor_on_both_texts(store: AnnotationStore, db: Path) -> None:
    interviews, made = first_annotation(store, note="draft")
    async with running(store, interviews) as (app, pilot):
        await write_over_their_note(app, pilot, store, db, made)
        await pilot.press("e")
        await wait_until(pilot, lambda: "edit them into one" in text(app), what="the editor")
        assert type(app.screen).__name__ == "NoteEditor"
        shown = text(app)
        assert "bob's reading" in shown and "my reading" in shown
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: "  saved  by " in text(app), what="the merged note saved")
        await settle(app, pilot)
        merged = note_of(store, made)
        assert "bob's reading" in merged and "my reading" in merged


#: Another coder's gloss deleting annotation argv[2] of the database argv[1].
DELETE_ELSEWHERE = """
import sys
from pathlib import Path
from store import AnnotationStore
with AnnotationStore.open(Path(sys.argv[1])) as store:
    store.delete(sys.argv[2])
"""


async def test_a_note_written_on_an_annotation_deleted_elsewhere_is_kept(
    store: AnnotationStore, db: Path
) -> None:
    """Another process deletes the annotation while its note is being written: what the
    user wrote is not lost, it is saved as their own annotation of the same passage."""
    interviews, made = first_annotation(store, note="draft")
    async with running(store, interviews) as (app, pilot):
        await pilot.press("a")
        await wait_until(pilot, lambda: type(app.screen).__name__ == "NoteEditor")
        subprocess.run(
            [sys.executable, "-c", DELETE_ELSEWHERE, str(db), made.id], check=True, timeout=60
        )
        await pilot.press(*["backspace"] * len("draft"), *"my reading", "ctrl+s")
        await wait_until(pilot, lambda: "deleted elsewhere" in text(app), what="the notice")
        await wait_until(pilot, lambda: "  saved  by " in text(app), what="the note saved")
        await settle(app, pilot)
    store.refresh()
    kept = store.annotations(interview=interviews[0].id)
    assert [(a.note, a.author, a.start, a.end, a.tags) for a in kept] == [
        ("my reading", "tester", made.start, made.end, ())
    ]


async def test_delete_of_an_annotation_changed_since_asks(
    store: AnnotationStore, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The reader's once-a-second watch would otherwise read the change in before `d` on
    # a loaded machine (then the user has seen it, and `d` rightly deletes at once).
    monkeypatch.setattr("tui.screens.main.SYNC_INTERVAL", 3600.0)
    interviews, made = first_annotation(store)
    async with running(store, interviews) as (app, pilot):
        elsewhere(db, made, add=["growth"])  # before the reader's watch has seen it
        await pilot.press("d")
        await wait_until(pilot, lambda: "changed elsewhere" in text(app), what="the question")
        assert type(app.screen).__name__ == "Confirm"
        assert "growth" in text(app)
        store.refresh()
        assert store.get(made.id) is not None
        await pilot.press("y")
        await wait_until(pilot, lambda: "0 annotations" in text(app), what="the delete")
        await settle(app, pilot)
        store.refresh()
        assert store.get(made.id) is None


async def test_an_undo_that_cannot_be_made_says_so_in_the_status_line(
    store: AnnotationStore, db: Path
) -> None:
    interviews, made = first_annotation(store)
    async with running(store, interviews) as (app, pilot):
        await pilot.press("a", *"mine", "ctrl+s")
        await settle(app, pilot)
        await wait_until(
            pilot, lambda: note_of(store, made) == "mine", what="note_of(store, made) == 'mine'"
        )
        elsewhere(db, made, note=("mine", "bob's"))
        await pilot.press("u")
        await settle(app, pilot)
        await wait_until(pilot, lambda: "nothing undone" in text(app))
        assert note_of(store, made) == "bob's"
