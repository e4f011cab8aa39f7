"""Exports: CSV that survives hostile content, formula neutralising, JSON round trips."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from corpus import Interview, load_interview
from store import Annotation, AnnotationStore
from store.export import CSV_COLUMNS, export_annotations, interview_loader, neutralise_cell
from store.importing import read_annotations
from store.locate import locate
from tests.conftest import CLEAN_SEED

HOSTILE_NOTES = [
    "commas, \"double quotes\", and 'single'",
    "line one\nline two\r\nline three\rafter a lone CR",
    '=HYPERLINK("http://evil.example","click")',
    "+1+1",
    "-2+3",
    "@SUM(A1:A9)",
    "\tstarts with a tab",
    "\rstarts with a CR",
    "unicode — ünïcødé 中文 \u202e reversed \x1b[31m escape",
    "",
]


@pytest.fixture
def interview() -> Interview:
    return load_interview(CLEAN_SEED)


@pytest.fixture
def store(tmp_path: Path, interview: Interview) -> AnnotationStore:
    store = AnnotationStore.open(tmp_path / "db.json")
    for i, note in enumerate(HOSTILE_NOTES):
        store.add(
            interview, 100 * i + 1, 100 * i + 60, tags=["a/b", f"=t{i}"], note=note, author="Ann"
        )
    return store


def parse_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_round_trips_hostile_content_without_neutralising(
    store: AnnotationStore, interview: Interview
) -> None:
    out = io.StringIO(newline="")
    written = export_annotations(store, {interview.id: interview}, "csv", out, neutralise=False)
    assert written == len(HOSTILE_NOTES)
    rows = parse_csv(out.getvalue())
    assert list(rows[0]) == list(CSV_COLUMNS)
    for row, annotation in zip(rows, store.annotations(), strict=True):
        assert row["id"] == annotation.id
        assert row["note"] == annotation.note
        assert row["quote"] == annotation.exact
        assert row["tags"] == "; ".join(annotation.tags)
        assert (int(row["start"]), int(row["end"])) == (annotation.start, annotation.end)
        assert row["title"] == interview.title
        assert row["status"] == "anchored"


def test_csv_neutralises_formulas_by_default(store: AnnotationStore, interview: Interview) -> None:
    out = io.StringIO(newline="")
    export_annotations(store, {interview.id: interview}, "csv", out)
    rows = parse_csv(out.getvalue())
    notes = {row["id"]: row["note"] for row in rows}
    for annotation in store.annotations():
        exported = notes[annotation.id]
        if annotation.note[:1] in {"=", "+", "-", "@", "\t", "\r"}:
            assert exported == "'" + annotation.note
        else:
            assert exported == annotation.note
    for row in rows:
        assert row["tags"].startswith("'")  # '=t0; a/b' sorts first and would run
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_neutralise_cell() -> None:
    assert neutralise_cell("=1+1") == "'=1+1"
    assert neutralise_cell("a=1") == "a=1"
    assert neutralise_cell("") == ""


def test_excel_flag_adds_a_bom(store: AnnotationStore, interview: Interview) -> None:
    out = io.StringIO(newline="")
    export_annotations(store, {interview.id: interview}, "csv", out, excel=True)
    assert out.getvalue().startswith("\ufeffid,interview,")


def test_csv_file_opens_with_the_csv_module(
    tmp_path: Path, store: AnnotationStore, interview: Interview
) -> None:
    path = tmp_path / "out.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        export_annotations(store, {interview.id: interview}, "csv", handle, neutralise=False)
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["note"] for r in rows] == [a.note for a in store.annotations()]


def test_places_come_from_the_outline(store: AnnotationStore, interview: Interview) -> None:
    start = interview.text.index("The first is to increase the supply")
    made = store.add(interview, start, start + 20, author="Ann").annotation
    out = io.StringIO(newline="")
    export_annotations([made], {interview.id: interview}, "csv", out)
    row = parse_csv(out.getvalue())[0]
    place = locate(interview.outline, start)
    assert (row["section"], row["question"], row["measure"]) == (
        place.section,
        place.question,
        place.measure,
    )
    assert place.question  # the seed's outline puts this passage under a question
    assert place.measure.startswith("The first is to increase")


def test_unknown_interview_leaves_place_cells_empty(store: AnnotationStore) -> None:
    out = io.StringIO(newline="")
    export_annotations(store, interview_loader(), "csv", out)
    rows = parse_csv(out.getvalue())
    assert rows and all(r["interview"] == "004_2a78cebe821b9ac3" for r in rows)
    # An unknown id, and a mere prefix of a bundled id: neither is guessed.
    lost = [replace_interview(a, "no-such-interview") for a in store.annotations()]
    lost += [replace_interview(a, "004") for a in store.annotations()]
    out = io.StringIO(newline="")
    export_annotations(lost, interview_loader(), "csv", out)
    for row in parse_csv(out.getvalue()):
        assert (row["title"], row["section"], row["question"], row["measure"]) == ("",) * 4


def replace_interview(annotation: Annotation, interview: str) -> Annotation:
    from dataclasses import replace

    return replace(annotation, interview=interview)


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_exports_import_back_without_duplicates(
    tmp_path: Path, store: AnnotationStore, interview: Interview, fmt: str
) -> None:
    path = tmp_path / f"out.{fmt}"
    with open(path, "w", encoding="utf-8") as handle:
        export_annotations(store, {interview.id: interview}, fmt, handle)  # type: ignore[arg-type]
    if fmt == "json":
        records = json.loads(path.read_text(encoding="utf-8"))
    else:
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    expected = {"id", "interview", "start", "end", "quote", "tags", "note", "author", "created",
                "updated", "status", "title", "section", "question", "measure"}  # fmt: skip
    assert expected <= set(records[0])
    read = read_annotations(path)
    assert read == store.annotations()
    with AnnotationStore.open(tmp_path / "other.json") as other:
        first = other.import_annotations(read)
        assert (first.added, first.unchanged) == (len(read), 0)
        again = other.import_annotations(read)
        assert (again.added, again.updated, again.unchanged) == (0, 0, len(read))
        assert other.annotations() == store.annotations()
    # Importing into the source database changes nothing either.
    assert store.import_annotations(read).unchanged == len(read)
    assert len(store.annotations()) == len(HOSTILE_NOTES)


def test_import_merges_same_passage_and_prefers_newer(
    tmp_path: Path, store: AnnotationStore, interview: Interview
) -> None:
    from dataclasses import replace

    base = store.annotations()[0]
    newer = replace(base, note="newer note", updated="9999-01-01T00:00:00.000Z")
    older = replace(store.annotations()[1], note="older", updated="2000-01-01T00:00:00.000Z")
    twin = replace(base, id="another-id", tags=("extra",), note="")
    result = store.import_annotations([newer, older, twin])
    assert (result.updated, result.unchanged, result.merged, result.added) == (1, 1, 1, 0)
    merged = store.get(base.id)
    assert merged is not None
    assert merged.note == "newer note" and "extra" in merged.tags
    assert store.get("another-id") is None


def test_interview_from_a_user_file_is_found_through_its_source(tmp_path: Path) -> None:
    talk = tmp_path / "talk.txt"
    talk.write_text("My Talk\n\nQ: Why?\n\nA: Because the sky is blue.\n", encoding="utf-8")
    interview = load_interview(talk)
    with AnnotationStore.open(tmp_path / "db.json") as store:
        start = interview.text.index("the sky")
        made = store.add(interview, start, start + 7, author="Ann").annotation
    assert made.source == str(talk.resolve())
    out = io.StringIO(newline="")
    export_annotations([made], interview_loader(), "csv", out)
    row = parse_csv(out.getvalue())[0]
    assert (
        row["title"] == interview.title
        and row["question"] == locate(interview.outline, start).question
    )
    talk.unlink()
    out = io.StringIO(newline="")
    export_annotations([made], interview_loader(), "csv", out)
    row = parse_csv(out.getvalue())[0]
    assert (row["title"], row["question"]) == ("", "")


def test_import_refuses_text_that_is_not_valid_unicode(
    tmp_path: Path, store: AnnotationStore
) -> None:
    from store import StoreError

    path = tmp_path / "broken.jsonl"
    with open(path, "w", encoding="utf-8") as handle:
        export_annotations(store.annotations()[:1], {}, "jsonl", handle)
    record = json.loads(path.read_text(encoding="utf-8"))
    record["note"] = "\udcff"  # json.dumps writes it as the escape \\udcff
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    said = r"broken.jsonl: line 1: not valid JSON \(invalid utf-16 surrogate"
    with pytest.raises(StoreError, match=said):
        read_annotations(path)
