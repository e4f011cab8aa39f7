"""Each coder's work stays theirs and no change overwrites another's (one process, real files).

The same rules across real processes are in ``test_store_coders_processes.py``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from corpus import Interview, load_interview
from store import Conflict, NoteConflict, Store, open_store
from store.codec import to_public
from store.schema import SCHEMA_VERSION
from tests.backends import any_db
from tests.conftest import CLEAN_SEED

QUOTE = "stabilize the industry"


@pytest.fixture
def interview() -> Interview:
    return load_interview(CLEAN_SEED)


@pytest.fixture
def span(interview: Interview) -> tuple[int, int]:
    start = interview.text.index(QUOTE)
    return start, start + len(QUOTE)


@pytest.fixture
def db(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> Path | str:
    """A TinyDB file, or a new PostgreSQL database (the tests run over both)."""
    return any_db(request, backend, tmp_path / "team.json")


@pytest.fixture
def store(db: Path | str) -> Iterator[Store]:
    with open_store(db) as opened:
        yield opened


def test_every_change_counts_a_revision(
    store: Store, interview: Interview, span: tuple[int, int], db: Path | str
) -> None:
    made = store.add(interview, *span, tags=["a"], author="ann").annotation
    assert made.revision == 1
    assert store.retag(made.id, add=["b"]).annotation.revision == 2
    assert store.retag(made.id, add=["b"]).annotation.revision == 2  # nothing changed
    assert store.set_note(made.id, old="", new="n").annotation.revision == 3
    store.rename_tag("a", "c")
    renamed = store.get(made.id)
    assert renamed is not None and (renamed.tags, renamed.revision) == (("b", "c"), 4)
    assert to_public(renamed)["revision"] == 4
    with open_store(db) as again:
        assert again.get(made.id) == renamed


def test_a_retag_keeps_a_rename_made_meanwhile(
    store: Store, interview: Interview, span: tuple[int, int], db: Path | str
) -> None:
    seen = store.add(interview, *span, tags=["old", "kept"], author="ann").annotation
    with open_store(db) as other:
        other.rename_tag("old", "new")
    change = store.retag(seen.id, add=["mine"], remove=["gone-already"])
    assert change.annotation.tags == ("kept", "mine", "new")
    assert change.before is not None and change.before.tags == ("kept", "new")


def test_a_note_changed_elsewhere_is_a_conflict_that_changes_nothing(
    store: Store, interview: Interview, span: tuple[int, int], db: Path | str
) -> None:
    made = store.add(interview, *span, tags=["a"], note="first", author="ann").annotation
    with open_store(db) as other:
        other.set_note(made.id, old="first", new="theirs")
    with pytest.raises(NoteConflict) as caught:
        store.set_note(made.id, old="first", new="mine")
    conflict = caught.value
    assert (conflict.current.note, conflict.old, conflict.new) == ("theirs", "first", "mine")
    assert str(db) in str(conflict) and "nothing was saved" in str(conflict)
    kept = store.get(made.id)
    assert kept is not None and (kept.note, kept.revision) == ("theirs", 2)
    # Saving what is there already, or from what is there now, is no conflict.
    assert not store.set_note(made.id, old="first", new="theirs").changed
    assert store.set_note(made.id, old="theirs", new="both").annotation.note == "both"


def test_deleting_what_changed_since_it_was_seen_is_refused_unless_forced(
    store: Store, interview: Interview, span: tuple[int, int], db: Path | str
) -> None:
    seen = store.add(interview, *span, tags=["a"], author="ann").annotation
    with open_store(db) as other:
        other.retag(seen.id, add=["added-by-bob"])
    with pytest.raises(Conflict, match="changed since it was shown") as caught:
        store.delete(seen.id, revision=seen.revision)
    assert caught.value.current.tags == ("a", "added-by-bob")
    assert "added-by-bob" in str(caught.value)
    assert store.get(seen.id) is not None
    gone = store.delete(seen.id, revision=caught.value.current.revision)
    assert gone.kind == "delete" and store.get(seen.id) is None
    again = store.add(interview, *span, tags=["x"], author="ann").annotation
    assert store.delete(again.id).before == again  # no revision: forced


def test_an_import_merges_only_within_one_coder(
    store: Store, interview: Interview, span: tuple[int, int], tmp_path: Path
) -> None:
    ann = store.add(interview, *span, tags=["a"], author="ann").annotation
    with open_store(tmp_path / "elsewhere.json") as elsewhere:
        from_ann = elsewhere.add(interview, *span, tags=["b"], author="ann").annotation
        from_bob = elsewhere.add(interview, *span, tags=["c"], author="bob").annotation
    result = store.import_annotations([from_ann, from_bob])
    assert (result.merged, result.added) == (1, 1)
    by_author = {a.author: a for a in store.annotations()}
    assert by_author["ann"].id == ann.id and by_author["ann"].tags == ("a", "b")
    assert by_author["bob"].id == from_bob.id and by_author["bob"].tags == ("c",)


def test_a_schema_1_database_and_its_journal_migrate_after_a_backup(
    tmp_path: Path, interview: Interview, span: tuple[int, int]
) -> None:
    db = tmp_path / "v1.json"

    def v1_doc(number: int, author: str) -> dict[str, object]:
        start, end = span
        return {
            "id": f"id{number}", "interview": interview.id,
            "fingerprint": interview.fingerprint,
            "selector": [
                {"type": "TextPositionSelector", "start": start, "end": end},
                {"type": "TextQuoteSelector", "exact": QUOTE, "prefix": "", "suffix": ""},
            ],
            "raw": {"start": start, "end": end}, "tags": [f"t{number}"], "note": "",
            "author": author, "created": "2025-01-01T00:00:00.000Z",
            "updated": "2025-01-01T00:00:00.000Z", "status": "anchored", "source": "",
        }  # fmt: skip

    main = {
        "meta": {"1": {"app": "gloss", "schema": 1}},
        "annotations": {"1": v1_doc(1, "ann")},
        "codebook": {},
    }
    db.write_text(json.dumps(main))
    journal = Path(f"{db}.journal")
    journal.write_text(json.dumps({"ops": [["annotations", "2", v1_doc(2, "bob")]]}) + "\n")
    original, original_journal = db.read_bytes(), journal.read_bytes()

    with open_store(db) as store:
        found = {a.id: (a.author, a.tags, a.revision) for a in store.annotations()}
        assert found == {"id1": ("ann", ("t1",), 1), "id2": ("bob", ("t2",), 1)}
        assert store.add(interview, *span, tags=["t3"], author="bob").annotation.id == "id2"
    assert (tmp_path / "v1.json.v1.bak").read_bytes() == original
    assert (tmp_path / "v1.json.journal.v1.bak").read_bytes() == original_journal
    saved = json.loads(db.read_text())
    assert saved["meta"]["1"]["schema"] == SCHEMA_VERSION == 3
    assert {doc["id"]: doc["revision"] for doc in saved["annotations"].values()} == {
        "id1": 1,
        "id2": 2,
    }


def test_export_by_author_gives_that_coders_codings_with_their_revision(
    store: Store,
    interview: Interview,
    span: tuple[int, int],
    db: Path | str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from tui.cli import main

    store.add(interview, *span, tags=["a"], author="ann")
    store.add(interview, *span, tags=["b"], author="bob")
    store.add(interview, *span, tags=["c"], author="bob")
    store.close()
    assert main(["export", "--format", "jsonl", "--author", "bob", "--db", str(db)]) == 0
    lines = capsys.readouterr().out.splitlines()
    records = [json.loads(line) for line in lines]
    assert [(r["author"], r["tags"], r["revision"]) for r in records] == [("bob", ["b", "c"], 2)]
