"""The journal checks itself: damage anywhere but a last line torn by a crash is refused,
a journal of another copy of the database is refused, and no fault loses a record in
silence. A crash can cut the last line's one write exactly before its line break: that
line is whole, so it is kept, and the next append completes it."""

from __future__ import annotations

import hashlib
import json
import random
import subprocess
import zlib
from pathlib import Path

import pytest

from corpus import load_interview
from store import AnnotationStore, StoreError
from store.journal_format import encode_line, generation_of, replayed
from tests.conftest import CLEAN_SEED, run_gloss

SEED = "004_2a78cebe821b9ac3"
QUOTE = "The first is to increase the supply"

State = dict[str, tuple[tuple[str, ...], int]]
"""What a user sees of a database: each annotation's tags and revision, by id."""
Team = tuple[Path, State]


def gloss(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the real command line in a child process."""
    return run_gloss(*args)


def journal_of(db: Path) -> Path:
    return Path(f"{db}.journal")


def seal_of(db: Path) -> Path:
    return Path(f"{db}.seal")


def digest(*paths: Path) -> list[str]:
    return [hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else "-" for p in paths]


def state(db: Path) -> State:
    """What a user sees of a database: each annotation's tags and revision, by id."""
    with AnnotationStore.open(db) as store:
        return {a.id: (a.tags, a.revision) for a in store.annotations()}


def build(db: Path) -> State:
    """Three annotations in the main file, then a journal of adds, retags, a delete and
    a restore (left uncompacted); returns the state every acknowledged change makes."""
    interview = load_interview(CLEAN_SEED)
    store = AnnotationStore.open(db)
    first = [store.add(interview, i * 20, i * 20 + 10, tags=["a"], author="Ann") for i in range(3)]
    store.compact()
    for i in range(3, 8):
        store.add(interview, i * 20, i * 20 + 10, tags=[f"t{i}"], author="Ann")
    store.retag(first[0].annotation.id, add=["b"])
    gone = store.delete(first[1].annotation.id).before
    assert gone is not None
    store.retag(first[2].annotation.id, remove=["a"], add=["c"])
    store.restore(gone)
    store.set_tag("a", description="the first tag")
    store.retag(first[1].annotation.id, add=["d"])
    expected = {a.id: (a.tags, a.revision) for a in store.annotations()}
    # The journal is left as it is (closing would fold it in).
    kept = [(path, path.read_bytes()) for path in (db, journal_of(db), seal_of(db))]
    store.close()
    for path, data in kept:
        path.write_bytes(data)
    return expected


@pytest.fixture
def team(tmp_path: Path) -> tuple[Path, State]:
    db = tmp_path / "team.json"
    return db, build(db)


def lines_of(db: Path) -> list[bytes]:
    return journal_of(db).read_bytes().splitlines(keepends=True)


def refused_by_the_cli(db: Path, *words: str) -> None:
    """``gloss list`` refuses in one line and leaves both files byte-identical."""
    before = digest(db, journal_of(db), seal_of(db))
    result = gloss("list", "--db", str(db))
    assert result.returncode != 0
    assert result.stdout == "" and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    for word in [journal_of(db).name, *words]:
        assert word in result.stderr
    assert digest(db, journal_of(db), seal_of(db)) == before


def test_the_journal_of_a_database_replays_to_what_was_acknowledged(team: Team) -> None:
    db, expected = team
    assert len(lines_of(db)) == 11
    assert state(db) == expected


def test_two_lines_joined_in_the_middle_are_refused_with_the_line(team: Team) -> None:
    db, _ = team
    lines = lines_of(db)
    journal_of(db).write_bytes(b"".join([*lines[:3], lines[3][:-1] + lines[4], *lines[5:]]))
    refused_by_the_cli(db, "line 4 is damaged", "move it aside")


def test_the_last_two_lines_joined_are_refused_not_skipped(team: Team) -> None:
    db, _ = team
    lines = lines_of(db)
    journal_of(db).write_bytes(b"".join([*lines[:-2], lines[-2][:-1] + lines[-1]]))
    refused_by_the_cli(db, "line 10 is damaged")


def test_a_whole_last_line_without_its_line_break_is_kept(team: Team) -> None:
    """A crash (a power cut) can tear an append exactly before its line break. The line's
    checksum and number still hold, so its change was written whole; it may have been
    acknowledged, so keeping it is the safe reading (dropping it could lose a change the
    user was told is saved), and refusing the database after an ordinary crash would make
    the user repair it by hand."""
    db, expected = team
    journal_of(db).write_bytes(journal_of(db).read_bytes()[:-1])
    assert state(db) == expected


def test_a_stray_byte_where_the_last_line_break_belongs_is_refused(team: Team) -> None:
    """A crash tears, it does not write a wrong byte: that is damage."""
    db, _ = team
    journal_of(db).write_bytes(journal_of(db).read_bytes()[:-1] + b"\x00")
    refused_by_the_cli(db, "line 11 is damaged", "where its line break belongs")


def test_a_last_line_without_its_break_in_the_wrong_place_is_refused(team: Team) -> None:
    db, _ = team
    lines = lines_of(db)
    journal_of(db).write_bytes(b"".join([*lines[:-2], lines[-1][:-1]]))
    refused_by_the_cli(db, "line 10 is damaged", "written as line 11")


def big_database(db: Path) -> tuple[str, str]:
    """A main file too big to be folded in when the command line closes it, so the journal
    stays as the commands leave it; one annotation in it, one in the journal's one line."""
    interview = load_interview(CLEAN_SEED)
    with AnnotationStore.open(db) as store:
        big = store.add(interview, 0, 10, note="x" * 1_100_000, author="Ann").annotation
        store.compact()
        late = store.add(interview, 20, 30, tags=["late"], author="Ann").annotation
    assert len(lines_of(db)) == 1
    return big.id, late.id


def listed(db: Path) -> set[str]:
    result = gloss("list", "--json", "--db", str(db))
    assert result.returncode == 0, result.stderr
    return {a["id"] for a in json.loads(result.stdout)}


def test_after_a_crash_before_the_line_break_the_next_annotation_completes_the_line(
    tmp_path: Path,
) -> None:
    db = tmp_path / "team.json"
    big, late = big_database(db)
    journal_of(db).write_bytes(journal_of(db).read_bytes()[:-1])  # the crash
    assert listed(db) == {big, late}
    made = gloss("annotate", SEED, "--quote", QUOTE, "--tag", "t", "--db", str(db))
    assert made.returncode == 0, made.stderr
    assert listed(db) == {big, late, made.stdout.strip()}
    lines = lines_of(db)
    assert len(lines) == 2 and all(line.endswith(b"\n") for line in lines)


def test_after_a_crash_mid_line_the_next_annotation_cuts_the_torn_tail_off(
    tmp_path: Path,
) -> None:
    db = tmp_path / "team.json"
    big, late = big_database(db)
    whole = journal_of(db).read_bytes()
    journal_of(db).write_bytes(whole + whole[: len(whole) // 2])  # torn mid-append
    assert listed(db) == {big, late}
    made = gloss("annotate", SEED, "--quote", QUOTE, "--tag", "t", "--db", str(db))
    assert made.returncode == 0, made.stderr
    assert listed(db) == {big, late, made.stdout.strip()}
    lines = lines_of(db)
    assert lines[0] == whole and len(lines) == 2 and lines[1].endswith(b"\n")


def test_a_running_reader_follows_the_line_another_process_completed(tmp_path: Path) -> None:
    db = tmp_path / "team.json"
    big, late = big_database(db)
    journal_of(db).write_bytes(journal_of(db).read_bytes()[:-1])
    interview = load_interview(CLEAN_SEED)
    with AnnotationStore.open(db) as running:
        assert {a.id for a in running.annotations()} == {big, late}
        made = gloss("annotate", SEED, "--quote", QUOTE, "--tag", "t", "--db", str(db))
        assert made.returncode == 0, made.stderr
        assert running.refresh()
        assert {a.id for a in running.annotations()} == {big, late, made.stdout.strip()}
        mine = running.add(interview, 40, 50, tags=["mine"], author="Bo").annotation
    assert listed(db) == {big, late, made.stdout.strip(), mine.id}


def test_an_older_copy_restored_beside_its_journal_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "team.json"
    interview = load_interview(CLEAN_SEED)
    with AnnotationStore.open(db) as store:
        store.add(interview, 0, 10, tags=["a"], author="Ann")
    older = db.read_bytes()  # a backup
    store = AnnotationStore.open(db)
    store.add(interview, 20, 30, tags=["b"], author="Ann")
    store.compact()
    store.add(interview, 40, 50, tags=["c"], author="Ann")  # key 3 in the journal
    db.write_bytes(older)  # restored while the journal is there
    refused_by_the_cli(db, "belongs to another copy of team.json", "move the journal aside")
    journal_of(db).rename(tmp_path / "aside.journal")
    assert [tags for tags, _ in state(db).values()] == [("a",)]


def test_entries_name_their_record_so_a_reused_key_is_never_overwritten() -> None:
    tables: dict[str, dict[str, object]] = {"annotations": {"1": {"id": "mine"}}}
    theirs = {"id": "theirs"}
    replayed(tables, [("annotations", "1", theirs, "theirs")])  # type: ignore[arg-type]
    assert tables["annotations"] == {"1": {"id": "mine"}, "2": theirs}
    replayed(tables, [("annotations", "1", None, "theirs")])  # type: ignore[arg-type]
    assert tables["annotations"] == {"1": {"id": "mine"}}


def test_an_entry_changing_the_meta_table_is_refused_and_nothing_written(
    team: Team,
) -> None:
    db, _ = team
    generation = generation_of(json.loads(db.read_text()))
    assert generation is not None
    count = len(lines_of(db))
    line = encode_line(generation, count + 1, [("meta", "1", None, "1")], str)
    with open(journal_of(db), "ab") as handle:
        handle.write(line)
    refused_by_the_cli(db, f"line {count + 1} is damaged", "'meta'")


def test_deep_nesting_in_the_journal_is_refused_in_one_line(team: Team) -> None:
    db, _ = team
    generation = generation_of(json.loads(db.read_text()))
    assert generation is not None
    payload = b'{"g":"%s","n":12,"ops":%s}' % (generation.encode(), b"[" * 100_000 + b"]" * 100_000)
    with open(journal_of(db), "ab") as handle:
        handle.write(b"%08x %s\n" % (zlib.crc32(payload), payload))
    refused_by_the_cli(db, "line 12 is damaged", "nested too deeply")


def test_deep_nesting_in_the_database_is_refused_in_one_line(tmp_path: Path) -> None:
    db = tmp_path / "deep.json"
    db.write_bytes(b'{"meta": ' + b"[" * 100_000 + b"]" * 100_000 + b"}")
    before = digest(db)
    result = gloss("list", "--db", str(db))
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and "nested too deeply" in result.stderr
    assert digest(db) == before


def test_a_compaction_killed_before_emptying_the_journal_loses_and_repeats_nothing(
    team: Team,
) -> None:
    db, expected = team
    left = journal_of(db).read_bytes()
    with AnnotationStore.open(db) as store:
        store.compact()
    journal_of(db).write_bytes(left)  # the rename happened, the emptying did not
    assert state(db) == expected
    interview = load_interview(CLEAN_SEED)
    with AnnotationStore.open(db) as store:
        first = store.add(interview, 300, 310, tags=["late"], author="Ann").annotation
        left = journal_of(db).read_bytes()
        store.compact()
        journal_of(db).write_bytes(left)  # the same in a running store, then a change
        store.refresh()
        then = store.add(interview, 320, 330, tags=["later"], author="Ann").annotation
        assert len(store) == len(expected) + 2
    assert state(db) == {**expected, first.id: (("late",), 1), then.id: (("later",), 1)}


def test_a_schema_2_database_and_its_old_journal_are_migrated_once(tmp_path: Path) -> None:
    db = tmp_path / "v2.json"
    interview = load_interview(CLEAN_SEED)
    with AnnotationStore.open(db) as store:
        kept = store.add(interview, 0, 10, tags=["a"], author="Ann").annotation
    main = json.loads(db.read_text())
    main["meta"] = {"1": {"app": "gloss", "schema": 2}}
    doc = dict(main["annotations"]["1"], tags=["a", "b"], revision=2)
    new = dict(doc, id="fresh", selector=[dict(doc["selector"][0], start=20, end=30),
                                         doc["selector"][1]])  # fmt: skip
    db.write_text(json.dumps(main))
    old_lines = [{"ops": [["annotations", "1", doc]]}, {"ops": [["annotations", "2", new]]}]
    journal_of(db).write_text("".join(json.dumps(line) + "\n" for line in old_lines))
    original = digest(db, journal_of(db))
    assert state(db) == {kept.id: (("a", "b"), 2), "fresh": (("a", "b"), 2)}
    assert digest(tmp_path / "v2.json.v2.bak", tmp_path / "v2.json.journal.v2.bak") == original
    assert json.loads(db.read_text())["meta"]["1"]["schema"] == 3
    assert journal_of(db).read_bytes() == b""
    with AnnotationStore.open(db) as store:
        store.add(interview, 40, 50, author="Ann")
        assert not journal_of(db).read_bytes().startswith(b"{")  # the new kind of line
    assert len(state(db)) == 3


def test_an_old_journal_beside_a_new_database_is_refused(team: Team) -> None:
    db, _ = team
    journal_of(db).write_text(json.dumps({"ops": [["annotations", "1", None]]}) + "\n")
    refused_by_the_cli(db, "belongs to another copy")


# -- fault injection ----------------------------------------------------------------------


def fault(data: bytes, chance: random.Random) -> tuple[str, bytes]:
    """One fault at a random place: its name and the damaged journal."""
    lines = data.splitlines(keepends=True)
    kind = chance.choice(["truncate", "join", "duplicate", "reorder", "flip"])
    if kind == "truncate":
        return kind, data[: chance.randrange(len(data))]
    if kind == "join":
        i = chance.randrange(len(lines))
        lines[i] = lines[i][:-1]
    elif kind == "duplicate":
        i = chance.randrange(len(lines))
        lines.insert(chance.randrange(len(lines) + 1), lines[i])
    elif kind == "reorder":
        i, j = chance.sample(range(len(lines)), 2)
        lines[i], lines[j] = lines[j], lines[i]
    else:
        damaged = bytearray(data)
        for _ in range(chance.randint(1, 4)):
            damaged[chance.randrange(len(damaged))] ^= chance.randint(1, 255)
        return kind, bytes(damaged)
    return kind, b"".join(lines)


def test_no_journal_fault_loses_an_acknowledged_record_in_silence(tmp_path: Path) -> None:
    db = tmp_path / "base.json"
    expected = build(db)
    files = [db, journal_of(db), seal_of(db)]
    kept = [path.read_bytes() for path in files]
    chance = random.Random(20261130)
    outcomes: dict[str, int] = {}
    for case in range(200):
        kind, damaged = fault(kept[1], chance)
        for path, data in zip(files, [kept[0], damaged, kept[2]], strict=True):
            path.write_bytes(data)
        try:
            seen = state(db)
        except StoreError as error:
            assert "\n" not in str(error)
            assert str(error).startswith(str(journal_of(db)))
            outcomes[f"{kind} refused"] = outcomes.get(f"{kind} refused", 0) + 1
            continue
        assert seen == expected, f"case {case}: {kind} changed what is listed in silence"
        outcomes[f"{kind} read"] = outcomes.get(f"{kind} read", 0) + 1
    for kind in ["truncate", "join", "flip"]:
        assert outcomes.get(f"{kind} refused", 0) > 0, outcomes
