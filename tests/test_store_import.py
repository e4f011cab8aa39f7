"""``gloss import`` against bad files, and the merge rules of a newer version, as a user meets them.

Every bad file is refused whole by the real command line: one line on stderr naming the
file, the record and the field, exit status 1, and the database's files byte for byte as
they were.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from corpus import Interview, load_interview
from store import Annotation, AnnotationStore, StoreError
from store.codec import to_public
from store.importing import read_annotations
from tests.conftest import CLEAN_SEED
from tests.test_store_cli import QUOTE, SEED, gloss


@pytest.fixture
def interview() -> Interview:
    return load_interview(CLEAN_SEED)


def good_record(interview: Interview, where: Path) -> dict[str, Any]:
    """One record as an export writes it (made in a scratch database under ``where``)."""
    with AnnotationStore.open(where / "scratch" / "scratch.json") as store:
        made = store.add(interview, 10, 40, tags=["policy"], note="n", author="Ann").annotation
    return to_public(made)


def files_of(db: Path) -> dict[str, bytes]:
    """Every file of a database (main, journal, lock) and its bytes."""
    return {
        p.name: p.read_bytes() for p in sorted(db.parent.iterdir()) if p.name.startswith(db.name)
    }


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A database holding one annotation (so there is something to harm)."""
    path = tmp_path / "team.json"
    result = gloss("annotate", SEED, "--quote", QUOTE, "--tag", "kept", "--author", "Bo",
                   "--db", str(path))  # fmt: skip
    assert result.returncode == 0, result.stderr
    return path


BAD_FIELDS: list[tuple[str, Any, str]] = [
    ("tags", "abc", "tags: expected array, got str"),
    ("note", None, "note: expected str, got null"),
    ("start", 1.5, "start: expected int, got float"),
    ("start", True, "start: expected int, got bool"),
    ("start", -1, "start: expected int >= 0"),
    ("end", 2**40, "end: expected int <= 2147483647"),
    ("updated", "~", "updated: Invalid RFC3339 encoded datetime"),
    ("updated", "2026-01-01T00:00:00", "updated: expected datetime with a timezone"),
    ("revision", 0, "revision: expected int >= 1"),
    ("status", "lost", "status: Invalid enum value 'lost'"),
    ("id", "", "id: expected str of length >= 1"),
    ("tag", ["misspelt"], "tag: is not a field of a gloss annotation"),
    ("tags", ["ok", 3], "tags[1]: expected str, got int"),
    ("tags", ["a//b"], "tags: tag 'a//b': has an empty segment"),
]


@pytest.mark.parametrize(("field", "value", "said"), BAD_FIELDS)
def test_a_bad_record_refuses_the_whole_file(
    tmp_path: Path, db: Path, interview: Interview, field: str, value: Any, said: str
) -> None:
    good = good_record(interview, tmp_path)
    bad = {**good, "id": "second", field: value}
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(good) + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    before = files_of(db)
    result = gloss("import", str(path), "--db", str(db))
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"gloss: {path}: line 2: {said}"), result.stderr
    assert "nothing was imported" in result.stderr
    assert files_of(db) == before


@pytest.mark.parametrize(("field", "value", "said"), BAD_FIELDS)
def test_a_json_array_names_the_index_of_the_bad_record(
    tmp_path: Path, interview: Interview, field: str, value: Any, said: str
) -> None:
    good = good_record(interview, tmp_path)
    bad = {**good, "id": "second", field: value}
    path = tmp_path / "in.json"
    path.write_text(json.dumps([good, bad], indent=1), encoding="utf-8")
    with pytest.raises(StoreError) as refused:
        read_annotations(path)
    assert str(refused.value).startswith(f"{path}: record at index 1: {said}")


def raw_number(good: dict[str, Any], literal: str) -> str:
    """The record with its revision written as ``literal`` (which json cannot write)."""
    return json.dumps({**good, "revision": 12345}).replace("12345", literal)


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (lambda g: raw_number(g, "1e999") + "\n", "line 1: revision: Number out of range"),
        (lambda g: raw_number(g, "9" * 5000) + "\n", "line 1: revision: Integer value out of"),
        (lambda g: raw_number(g, "NaN") + "\n", "line 1: not valid JSON"),
        (lambda g: "[" + raw_number(g, "1e999") + "]", "record at index 0: revision: Number out"),
        (lambda g: "[" * 100_000 + "]" * 100_000, "record at index 0: expected object, got arr"),
        (lambda g: '{"annotations": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deeply"),
        (
            lambda g: json.dumps(g) + "\n" + '{"note": ' + "[" * 100_000 + "\n",
            "line 2: note: expected str, got array",
        ),
        (lambda g: json.dumps({**g, "note": [[[[]]]]}) + "\n", "line 1: note: expected str, got"),
        (lambda g: '[1, "x"]', "record at index 0: expected object, got int"),
    ],
    ids=[
        "1e999",
        "5000-digits",
        "NaN",
        "1e999-in-array",
        "deep-array",
        "deep-db",
        "deep-line",
        "nested-note",
        "not-objects",
    ],
)
def test_numbers_and_nesting_json_cannot_hold_are_refused_in_one_line(
    tmp_path: Path, db: Path, interview: Interview, content: Any, said: str
) -> None:
    path = tmp_path / "hostile.jsonl"
    path.write_text(content(good_record(interview, tmp_path)), encoding="utf-8")
    before = files_of(db)
    result = gloss("import", str(path), "--db", str(db))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1
    assert said in result.stderr, result.stderr
    assert files_of(db) == before


def test_a_database_file_with_a_bad_document_names_its_key(
    tmp_path: Path, db: Path, interview: Interview
) -> None:
    other = tmp_path / "other.json"
    with AnnotationStore.open(other) as store:
        store.add(interview, 10, 40, tags=["x"], author="Ann")
        store.compact()
    data = json.loads(other.read_text(encoding="utf-8"))
    (key, document), *_ = data["annotations"].items()
    assert len(read_annotations(other)) == 1  # a sound database imports
    document["tags"] = "abc"
    other.write_text(json.dumps(data), encoding="utf-8")
    before = files_of(db)
    result = gloss("import", str(other), "--db", str(db))
    assert result.returncode == 1
    assert result.stderr.startswith(f"gloss: {other}: annotation '{key}': tags: expected array")
    assert files_of(db) == before


def test_a_database_with_changes_in_its_journal_is_refused(
    tmp_path: Path, db: Path, interview: Interview
) -> None:
    other = tmp_path / "busy.json"
    store = AnnotationStore.open(other)
    try:
        store.add(interview, 10, 40, tags=["x"], author="Ann")  # in the journal until closed
        before = files_of(db)
        result = gloss("import", str(other), "--db", str(db))
    finally:
        store.close()
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert "its journal busy.json.journal holds changes the file does not; run 'gloss compact" in (
        result.stderr
    )
    assert files_of(db) == before
    assert gloss("import", str(other), "--db", str(db)).returncode == 0  # compacted on close


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_line_separators_in_a_note_round_trip(
    tmp_path: Path, interview: Interview, fmt: str
) -> None:
    note = "one\u2028two\u2029three\x85four\r\nfive"
    source, target = tmp_path / "source.json", tmp_path / "target.json"
    with AnnotationStore.open(source) as store:
        store.add(interview, 10, 40, tags=["x"], note=note, author="Ann")
        store.add(interview, 50, 90, tags=["y"], note="plain", author="Ann")
    out = tmp_path / f"out.{fmt}"
    exported = gloss("export", "--format", fmt, "-o", str(out), "--db", str(source))
    assert exported.returncode == 0, exported.stderr
    text = out.read_text(encoding="utf-8")
    if fmt == "jsonl":
        # Every reader's idea of a line (str.splitlines too) sees one record per line.
        assert len(text.splitlines()) == 2
        assert [json.loads(line)["note"] for line in text.splitlines()] == [note, "plain"]
    imported = gloss("import", str(out), "--db", str(target))
    assert imported.returncode == 0, imported.stderr
    with AnnotationStore.open(target) as store:
        assert sorted(a.note for a in store.annotations()) == sorted([note, "plain"])


def test_jsonl_is_split_on_newline_only(tmp_path: Path, interview: Interview) -> None:
    """A file another tool wrote with the separators raw still imports exactly."""
    record = {**good_record(interview, tmp_path), "note": "a\u2028b\x85c\u2029d"}
    path = tmp_path / "raw.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    (read,) = read_annotations(path)
    assert read.note == "a\u2028b\x85c\u2029d"


def test_a_missing_note_is_empty_and_offsets_stay_whole(
    tmp_path: Path, interview: Interview
) -> None:
    record = good_record(interview, tmp_path)
    del record["note"]
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (read,) = read_annotations(path)
    assert (read.note, read.start, read.tags) == ("", 10, ("policy",))


def test_timestamps_in_another_zone_are_stored_as_utc(tmp_path: Path, interview: Interview) -> None:
    record = {**good_record(interview, tmp_path), "updated": "2030-06-01T12:00:00+02:00"}
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (read,) = read_annotations(path)
    assert read.updated == "2030-06-01T10:00:00.000Z"


# -- merging a newer version -----------------------------------------------------------


@pytest.fixture
def two(tmp_path: Path, interview: Interview) -> tuple[AnnotationStore, Annotation, Annotation]:
    """Ann's annotations X (10..40) and Y (50..90), and Bo's of Y's passage."""
    store = AnnotationStore.open(tmp_path / "db.json")
    x = store.add(interview, 10, 40, tags=["x"], note="about x", author="Ann").annotation
    y = store.add(interview, 50, 90, tags=["y"], note="about y", author="Ann").annotation
    store.add(interview, 50, 90, tags=["bo"], author="Bo")
    return store, x, y


def test_a_newer_version_moving_onto_another_passage_merges_with_it(
    two: tuple[AnnotationStore, Annotation, Annotation],
) -> None:
    store, x, y = two
    moved = replace(x, start=y.start, end=y.end, exact=y.exact, revision=x.revision + 1)
    result = store.import_annotations([moved])
    assert result.merged == 1
    anns = store.annotations(author="Ann")
    assert len(anns) == 1, "one coder, one passage: never two annotations"
    (kept,) = anns
    assert (kept.id, kept.start, kept.end) == (x.id, y.start, y.end)
    assert kept.tags == ("x", "y") and kept.note == "about x\n\nabout y"
    assert [a.tags for a in store.annotations(author="Bo")] == [("bo",)]
    # Importing the same again (or the old Y from elsewhere) adds nothing.
    again = store.import_annotations([moved, y])
    assert (again.added, len(store.annotations(author="Ann"))) == (0, 1)
    store.close()


def test_newer_is_decided_by_revision_then_updated(
    two: tuple[AnnotationStore, Annotation, Annotation],
) -> None:
    store, x, _ = two
    stored = store.edit(x.id, add=["edited"]).annotation  # revision 2
    later_but_older = replace(x, note="stale", revision=1, updated="2999-01-01T00:00:00.000Z")
    assert store.import_annotations([later_but_older]).unchanged == 1
    higher = replace(stored, note="from the other machine", revision=5)
    assert store.import_annotations([higher]).updated == 1
    now = store.get(x.id)
    assert now is not None and (now.note, now.revision) == ("from the other machine", 5)
    same_revision_later = replace(now, note="later", updated="2999-01-01T00:00:00.000Z")
    assert store.import_annotations([same_revision_later]).updated == 1
    now = store.get(x.id)
    assert now is not None and (now.note, now.revision) == ("later", 6)
    store.close()
