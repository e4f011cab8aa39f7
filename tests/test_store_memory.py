"""How the store holds a database in memory: read a document at a time, packed as read.

The memory figures themselves live in ``benchmarks/`` (peak RSS of the reader with 50k
annotations). These tests pin what the lean representation must never cost: the same
values as ``json.loads`` and the same errors, documents gloss does not fully understand
kept exactly as written, and compaction writing documents back, never packed tuples.
"""

from __future__ import annotations

import io
import json
import random
import sys
from pathlib import Path
from typing import Any

import pytest

from corpus import load_interview
from store import AnnotationStore, docstream, open_tinydb
from store.codec import pack, to_doc, unpack
from store.model import Annotation
from tests.conftest import CLEAN_SEED, NOISY_SEED

# -- docstream: json.load, a document at a time ------------------------------------------

VALID = [
    "{}",
    "[1, 2]",
    '"text"',
    "12345",
    '{"t": {}}',
    '{"t": {"1": {"x": [1, 2.5e-3, {"y": null}]}, "2": 5}, "u": [1], "v": 3}',
    ' \n{ "t" : { "1" : 123456789 , "2":true } } \n',
    '{"t": {"1": 1, "1": 2}}',
    '{"t\\"": {"k\\u00e9": "\\ud83d\\ude00 caf\u00e9"}}',
]
INVALID = [
    "",
    "{",
    '{"t"',
    '{"t":}',
    '{"t": {"1": tru}}',
    "{} x",
    '{"t": {"1": 1,}}',
    '{"t" 1}',
    "[1, 2",
    '{"t": {"1": 1}\n,\n"u": {"2": [1,\n2,,]}}',
    "{1: 2}",
    '{"t": {"1": 1.}}',
]


@pytest.fixture(params=[(1, 0), (3, 2), (7, 100), (docstream.CHUNK, docstream.MARGIN)])
def tiny_chunks(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Read a few characters at a time, so that every value straddles a chunk boundary."""
    chunk, margin = request.param
    monkeypatch.setattr(docstream, "CHUNK", chunk)
    monkeypatch.setattr(docstream, "MARGIN", margin)


@pytest.mark.usefixtures("tiny_chunks")
@pytest.mark.parametrize("text", VALID)
def test_docstream_reads_what_json_reads(text: str) -> None:
    assert docstream.load(io.StringIO(text)) == json.loads(text)


@pytest.mark.usefixtures("tiny_chunks")
@pytest.mark.parametrize("text", INVALID)
def test_docstream_fails_where_json_fails_with_the_same_place(text: str) -> None:
    with pytest.raises(json.JSONDecodeError) as expected:
        json.loads(text)
    with pytest.raises(json.JSONDecodeError) as caught:
        docstream.load(io.StringIO(text))
    got, want = caught.value, expected.value
    assert (got.msg, got.lineno, got.colno) == (want.msg, want.lineno, want.colno)
    assert f"line {want.lineno} column {want.colno}" in str(got)


def test_docstream_matches_json_on_random_documents(monkeypatch: pytest.MonkeyPatch) -> None:
    chance = random.Random(7)

    def value(depth: int) -> Any:
        kinds: list[Any] = [
            lambda: chance.randrange(-(10**9), 10**9),
            lambda: chance.choice(["", 'a"b', "x\\ny", "\u00e9\U0001f600", "plain"]),
            lambda: chance.choice([True, False, None]),
            lambda: chance.random() * 10 ** chance.randrange(-8, 8),
        ]
        if depth < 3:
            kinds.append(lambda: [value(depth + 1) for _ in range(chance.randrange(3))])
            kinds.append(lambda: {str(chance.randrange(99)): value(depth + 1) for _ in "ab"})
        return chance.choice(kinds)()

    for _ in range(150):
        tables = {
            chance.choice(["annotations", "codebook", "meta", 'odd"name']): {
                str(key): value(2) for key in range(chance.randrange(5))
            }
            for _ in range(chance.randrange(4))
        }
        text = json.dumps(
            tables, indent=chance.choice([None, 1]), ensure_ascii=chance.random() < 0.5
        )
        monkeypatch.setattr(docstream, "CHUNK", chance.choice([1, 2, 5, 64]))
        monkeypatch.setattr(docstream, "MARGIN", chance.choice([0, 1, 10, 4096]))
        assert docstream.load(io.StringIO(text)) == tables
        cut = text[: chance.randrange(len(text))]
        try:
            expected: Any = json.loads(cut)
        except json.JSONDecodeError as error:
            expected = (error.msg, error.lineno, error.colno)
        try:
            got: Any = docstream.load(io.StringIO(cut))
        except json.JSONDecodeError as error:
            got = (error.msg, error.lineno, error.colno)
        assert got == expected, cut


def test_docstream_hands_each_document_of_each_table_to_decode() -> None:
    seen: list[tuple[str, Any]] = []

    def decode(table: str, document: Any) -> str:
        seen.append((table, document))
        return f"<{table}>"

    text = '{"t": {"1": {"a": 1}, "2": [3]}, "u": {"3": 4}, "v": 5}'
    assert docstream.load(io.StringIO(text), decode) == {
        "t": {"1": "<t>", "2": "<t>"},
        "u": {"3": "<u>"},
        "v": 5,
    }
    assert seen == [("t", {"a": 1}), ("t", [3]), ("u", 4)]


# -- packing -----------------------------------------------------------------------------


def _annotation(**changes: Any) -> Annotation:
    base = Annotation(
        id="a" * 32,
        interview="004_2a78cebe821b9ac3",
        fingerprint="d33a204dd95d603e",
        start=10,
        end=42,
        exact='caf\u00e9 \U0001f600 "quoted"\nnext line',
        prefix="before ",
        suffix=" after",
        raw_start=12,
        raw_end=45,
        tags=("policy/tax", "quote"),
        note="a note;\nsecond line",
        author="Ann",
        created="2026-01-02T03:04:05.678Z",
        updated="2026-01-03T03:04:05.678Z",
        status="reanchored",
        source="/tmp/x.txt",
    )
    return Annotation(**{**{name: getattr(base, name) for name in base.__slots__}, **changes})


@pytest.mark.parametrize(
    "annotation",
    [
        _annotation(),
        _annotation(tags=(), note="", status="orphaned", source=""),
        _annotation(revision=7),
    ],
)
def test_a_packed_document_unpacks_to_the_same_annotation(annotation: Annotation) -> None:
    packed = pack(json.loads(json.dumps(to_doc(annotation))), {})
    assert isinstance(packed, tuple)
    assert unpack(packed) == annotation


def test_an_unrevised_packed_row_takes_the_memory_of_the_annotation_it_becomes() -> None:
    """The reader asks for every annotation at start, each replacing its packed row: the
    Annotation reuses the row's freed memory only if both are of one allocator size class
    (CPython's small-object allocator rounds sizes up to 16 bytes). One class higher, 50k
    rows left 9 MiB that no Annotation could use (the benchmark's peak RSS)."""
    packed = pack(to_doc(_annotation()), {})
    assert isinstance(packed, tuple)

    def size_class(item: object) -> int:
        return -(-sys.getsizeof(item) // 16)

    assert size_class(packed) == size_class(unpack(packed))


def test_values_repeated_across_documents_are_stored_once() -> None:
    memo: dict[Any, Any] = {}
    first, second = (
        pack(json.loads(json.dumps(to_doc(_annotation(id=name)))), memo) for name in "ab"
    )
    one, two = unpack(first), unpack(second)
    for name in ("interview", "fingerprint", "tags", "author", "created", "start", "raw_end"):
        assert getattr(one, name) is getattr(two, name), name


@pytest.mark.parametrize(
    "change",
    [
        lambda doc: doc.update(extra="a field of another tool"),
        lambda doc: doc["selector"][0].update(start="10"),
        lambda doc: doc["selector"][1].update(refinedBy={"type": "x"}),
        lambda doc: doc.update(tags=["ok", 3]),
        lambda doc: doc.update(status="lost"),
        lambda doc: doc["raw"].update(start=1.5),
        lambda doc: doc.update(author=None),
    ],
    ids=["extra", "str-start", "selector-extra", "int-tag", "status", "float", "null"],
)
def test_a_document_that_would_not_come_back_whole_is_kept_as_is(change: Any) -> None:
    doc = to_doc(_annotation())
    change(doc)
    assert pack(doc, {}) is doc


def test_a_document_missing_optional_fields_is_packed_with_their_defaults() -> None:
    doc = to_doc(_annotation())
    for name in ("source", "raw", "fingerprint", "updated"):
        del doc[name]
    annotation = unpack(pack(doc, {}))
    assert (annotation.source, annotation.fingerprint) == ("", "")
    assert (annotation.raw_start, annotation.raw_end) == (annotation.start, annotation.end)
    assert annotation.updated == annotation.created


# -- the store on real files -------------------------------------------------------------


def _db_with(tmp_path: Path, count: int) -> tuple[Path, list[Annotation]]:
    db = tmp_path / "annotations.json"
    interviews = [load_interview(CLEAN_SEED), load_interview(NOISY_SEED)]
    made = []
    with AnnotationStore.open(db) as store:
        for number in range(count):
            interview = interviews[number % 2]
            start = 37 * number % (len(interview.text) - 80)
            made.append(
                store.add(
                    interview,
                    start,
                    start + 20 + number % 50,
                    tags=[("a", "b/c", "d")[number % 3]],
                    note=("", "note \u00e9")[number % 2],
                    author="Ann",
                ).annotation
            )
        store.compact()
    return db, made


def test_a_compaction_right_after_opening_writes_documents_not_tuples(tmp_path: Path) -> None:
    db, made = _db_with(tmp_path, 30)
    written = json.loads(db.read_text())["annotations"]
    with AnnotationStore.open(db) as store:
        store.compact()  # every row still packed: nothing was asked for yet
    assert json.loads(db.read_text())["annotations"] == written
    assert all(isinstance(doc, dict) for doc in written.values())
    with AnnotationStore.open(db) as again:
        assert sorted(again.annotations(), key=lambda a: a.id) == sorted(made, key=lambda a: a.id)
    plain = open_tinydb(db)
    rows = plain.table("annotations").all()
    plain.close()
    assert sorted(row["id"] for row in rows) == sorted(a.id for a in made)


def test_a_document_of_another_tool_survives_open_changes_and_compaction(tmp_path: Path) -> None:
    db, made = _db_with(tmp_path, 5)
    data = json.loads(db.read_text())
    doc = data["annotations"]["1"]
    doc["motivation"] = "commenting"  # a W3C field gloss does not use
    doc["selector"][0]["start"] = str(doc["selector"][0]["start"])  # hand-edited
    db.write_text(json.dumps(data))
    with AnnotationStore.open(db) as store:
        first = store.get(doc["id"])
        assert first is not None and first.start == int(doc["selector"][0]["start"])
        store.set_note(made[1].id, old=made[1].note, new="changed")
        store.compact()
    kept = json.loads(db.read_text())["annotations"]["1"]
    assert kept == doc
    with AnnotationStore.open(db) as again:
        assert again.get(doc["id"]) == first
        changed = again.get(made[1].id)
        assert changed is not None and changed.note == "changed"


def test_a_journal_is_replayed_onto_packed_rows(tmp_path: Path) -> None:
    db, made = _db_with(tmp_path, 12)
    journal = Path(f"{db}.journal")
    main = db.read_bytes()
    interview = load_interview(CLEAN_SEED)
    with AnnotationStore.open(db) as writer:
        writer.retag(made[0].id, add=["renamed"], remove=made[0].tags)
        writer.delete(made[1].id)
        added = writer.add(interview, 3, 9, tags=["new"], author="Bob").annotation
        expected = sorted(writer.annotations(), key=lambda a: a.id)
        changes = journal.read_bytes()
    # As a crash before close() (which compacts a small database) would leave the files:
    db.write_bytes(main)
    journal.write_bytes(changes)
    assert changes.count(b"\n") == 3
    with AnnotationStore.open(db) as reader:
        assert sorted(reader.annotations(), key=lambda a: a.id) == expected
        assert reader.get(made[1].id) is None
        assert reader.at_span(interview.id, 3, 9, author="Bob") == added
        assert {t.path: t.count for t in reader.tags()}["renamed"] == 1
