"""``gloss annotate/list/tags/export/import/reanchor`` as a user runs them."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from corpus import load_interview
from store import AnnotationStore
from tests.conftest import CLEAN_SEED, ROOT
from tui.cli import main

QUOTE = "The first is to increase the supply"
SEED = "004_2a78cebe821b9ac3"


def gloss(*args: str, db: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real command line in a child process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if db is not None:
        env["GLOSS_DB"] = str(db)
    return subprocess.run(
        [sys.executable, "-m", "tui", *args], cwd=ROOT, env=env, capture_output=True,
        text=True, timeout=60,
    )  # fmt: skip


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_annotate_prints_only_the_id_once_durable(tmp_path: Path) -> None:
    db = tmp_path / "cli.json"
    result = gloss("annotate", SEED, "--quote", QUOTE, "--tag", "policy/growth", "--note",
                   "multi\nline", "--author", "Ann", "--db", str(db))  # fmt: skip
    assert result.returncode == 0, result.stderr
    annotation_id = result.stdout.strip()
    assert result.stdout == annotation_id + "\n" and len(annotation_id) == 32
    with AnnotationStore.open(db) as store:
        made = store.get(annotation_id)
    assert made is not None
    assert (made.exact, made.tags, made.note, made.author) == (
        QUOTE, ("policy/growth",), "multi\nline", "Ann",
    )  # fmt: skip


def test_db_flag_beats_the_environment(tmp_path: Path) -> None:
    flag_db, env_db = tmp_path / "flag.json", tmp_path / "env.json"
    result = gloss(
        "annotate", SEED, "--quote", QUOTE, "--tag", "t", "--db", str(flag_db), db=env_db
    )
    assert result.returncode == 0, result.stderr
    assert flag_db.exists() and not env_db.exists()
    assert "explicit --db wins over $GLOSS_DB" in " ".join(gloss("list", "--help").stdout.split())


@pytest.mark.parametrize("content", [b"{not json", b'{"_default": {}}', b""[:0] + b"[]"])
def test_damaged_database_is_one_line_exit_1_and_untouched(tmp_path: Path, content: bytes) -> None:
    db = tmp_path / "broken.json"
    db.write_bytes(content)
    result = gloss("annotate", SEED, "--quote", QUOTE, "--tag", "t", "--db", str(db))
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"gloss: {db}: ")
    assert "Traceback" not in result.stderr
    assert db.read_bytes() == content


def test_absent_quote_and_bad_occurrence_are_clear_errors(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(
        capsys, "annotate", SEED, "--quote", "words nobody ever said", "--tag", "t"
    )
    assert (code, out) == (1, "")
    assert err == (
        f"gloss: {SEED}: quote 'words nobody ever said' is not in the clean text; check it "
        f"with 'gloss clean {SEED}'\n"
    )
    code, _, err = run(
        capsys, "annotate", SEED, "--quote", QUOTE, "--tag", "t", "--occurrence", "2"
    )
    assert code == 1 and "occurs 1 time(s); --occurrence 2 is too big" in err


def test_occurrence_and_whitespace_insensitive_quote(capsys: pytest.CaptureFixture[str]) -> None:
    code, first, _ = run(capsys, "annotate", SEED, "--quote", "stabilize   growth", "--tag", "t")
    assert code == 0
    code, second, _ = run(capsys, "annotate", SEED, "--quote", "stabilize growth", "--tag", "t",
                          "--occurrence", "2")  # fmt: skip
    assert code == 0 and first != second
    code, out, _ = run(capsys, "list", "--json")
    records = json.loads(out)
    assert [r["quote"] for r in records] == ["stabilize growth"] * 2
    assert records[0]["start"] < records[1]["start"]


def test_same_passage_twice_is_one_annotation(capsys: pytest.CaptureFixture[str]) -> None:
    _, first, _ = run(capsys, "annotate", SEED, "--quote", QUOTE, "--tag", "a")
    _, second, _ = run(capsys, "annotate", SEED, "--quote", QUOTE, "--tag", "b")
    assert first == second
    _, out, _ = run(capsys, "list", "--json")
    assert [r["tags"] for r in json.loads(out)] == [["a", "b"]]


def test_list_json_fields_and_filters(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "annotate", SEED, "--quote", QUOTE, "--tag", "policy/x", "--author", "Ann")
    run(capsys, "annotate", SEED, "--quote", "stabilize growth", "--tag", "econ")
    _, out, _ = run(capsys, "list", "--json")
    records = json.loads(out)
    assert {"id", "interview", "start", "end", "quote", "tags", "note", "author", "created",
            "updated", "status"} <= set(records[0])  # fmt: skip
    _, out, _ = run(capsys, "list", "--json", "--tag", "policy")
    assert [r["author"] for r in json.loads(out)] == ["Ann"]
    _, out, _ = run(capsys, "list", "--json", "--author", "tester")
    assert [r["tags"] for r in json.loads(out)] == [["econ"]]
    _, out, _ = run(capsys, "list", "--json", "--interview", "004")
    assert len(json.loads(out)) == 2
    code, out, err = run(capsys, "list", "--json", "--interview", "other")
    assert (code, out) == (1, "")
    assert err.startswith("gloss: --interview other: no annotations of that interview in ")
    assert err.endswith(f"(interviews in it: {SEED})\n")


@pytest.mark.parametrize("count", [1, 2])
def test_list_into_one_file_ends_with_its_count_on_a_line_of_its_own(
    tmp_path: Path, count: int
) -> None:
    """``gloss list > out.txt 2>&1``: the table, then the count, each row a line; the
    count after the last row even though stdout is buffered and stderr is not."""
    db = tmp_path / "list.json"
    for quote, note in [("stabilize growth", "first note"), (QUOTE, "last note")][:count]:
        made = gloss("annotate", SEED, "--quote", quote, "--note", note, "--db", str(db))
        assert made.returncode == 0, made.stderr
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    listed = subprocess.run(
        [sys.executable, "-m", "tui", "list", "--db", str(db)], cwd=ROOT,
        env={**env, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True, timeout=60,
    )  # fmt: skip
    assert listed.returncode == 0, listed.stdout
    lines = listed.stdout.splitlines()
    assert lines[0].split() == ["ID", "INTERVIEW", "SPAN", "TAGS", "AUTHOR", "STATUS", "QUOTE",
                                "NOTE"]  # fmt: skip
    assert len(lines) == count + 2 and listed.stdout.endswith("\n")
    assert lines[-2].endswith(("first note", "last note")[count - 1])
    assert lines[-1] == ("1 annotation" if count == 1 else "2 annotations")


def test_list_table_never_prints_control_characters(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "annotate", SEED, "--quote", QUOTE, "--note", "evil \x1b[2J\x1b]0;title\x07 note")
    code, out, _ = run(capsys, "list")
    assert code == 0
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b" in out
    assert out.splitlines()[0].split()[:3] == ["ID", "INTERVIEW", "SPAN"]


def test_tags_commands(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "annotate", SEED, "--quote", QUOTE, "--tag", "policy/tax", "--tag", "taxes")
    run(capsys, "annotate", SEED, "--quote", "stabilize growth", "--tag", "tax")
    code, out, _ = run(capsys, "tags")
    assert code == 0
    assert [line.split()[:2] for line in out.splitlines()[1:]] == [
        ["policy/tax", "1"], ["tax", "1"], ["taxes", "1"],
    ]  # fmt: skip
    assert run(capsys, "tags", "rename", "policy", "gov")[1] == (
        "renamed 'policy' to 'gov' in 1 annotation\n"
    )
    assert run(capsys, "tags", "merge", "taxes", "tax")[0] == 0
    code, _, err = run(capsys, "tags", "delete", "tax")
    assert code == 1 and "used by 2 annotations; pass --force" in err
    assert run(capsys, "tags", "delete", "tax", "--force")[1] == (
        "deleted 'tax' from 2 annotations\n"
    )
    assert run(capsys, "tags", "describe", "gov", "--colour", "#123456")[0] == 0
    _, out, _ = run(capsys, "tags", "--json")
    assert json.loads(out) == [
        {"path": "gov", "description": None, "colour": "#123456", "count": 0},
        {"path": "gov/tax", "description": None, "colour": None, "count": 1},
    ]


def test_export_csv_to_file_and_import_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "annotate", SEED, "--quote", QUOTE, "--tag", "t", "--note", "=cmd|' /C calc'!A0")
    out_csv = tmp_path / "out.csv"
    code, out, err = run(capsys, "export", "--format", "csv", "-o", str(out_csv), "--excel")
    assert (code, out) == (0, "")
    assert err == f"exported 1 annotation to {out_csv}\n"
    raw = out_csv.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with open(out_csv, encoding="utf-8-sig", newline="") as handle:
        row = next(csv.DictReader(handle))
    assert row["note"] == "'=cmd|' /C calc'!A0"
    assert row["title"] and row["question"]
    code, out, _ = run(capsys, "export", "--format", "csv", "--no-neutralise")
    assert next(csv.DictReader(out.splitlines()))["note"] == "=cmd|' /C calc'!A0"

    out_jsonl = tmp_path / "out.jsonl"
    assert run(capsys, "export", "--format", "jsonl", "-o", str(out_jsonl))[0] == 0
    other = tmp_path / "other.json"
    for expected in ("1 added", "0 added"):
        code, out, _ = run(capsys, "import", str(out_jsonl), "--db", str(other))
        assert code == 0 and expected in out
    with AnnotationStore.open(other) as store:
        assert len(store.annotations()) == 1


def test_import_of_a_non_export_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x"}\n', encoding="utf-8")
    code, out, err = run(capsys, "import", str(bad))
    assert (code, out) == (1, "")
    assert err == (
        f"gloss: {bad}: line 1: interview: missing (every gloss annotation has it); nothing "
        "was imported; fix that record, or import a gloss JSON or JSONL export\n"
    )


def test_reanchor_lists_orphans(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "talk.txt"
    text.write_text("Q: Why?\n\nA: Because the sky is blue today.\n", encoding="utf-8")
    assert run(capsys, "annotate", str(text), "--quote", "the sky is blue", "--tag", "t")[0] == 0
    text.write_text("Q: Why?\n\nA: No reason at all.\n", encoding="utf-8")
    code, out, err = run(capsys, "reanchor", str(text))
    assert code == 0
    assert out.startswith("orphaned ") and "'the sky is blue'" in out
    assert err == "1 orphaned annotation\n"
    _, out, _ = run(capsys, "list", "--json", "--status", "orphaned")
    assert len(json.loads(out)) == 1


def test_slow_export_shows_progress_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import tui.commands.output as output

    run(capsys, "annotate", SEED, "--quote", QUOTE, "--tag", "t")
    monkeypatch.setattr(output, "PROGRESS_AFTER", 0.0)  # "a moment" has passed at once
    code, out, err = run(capsys, "export", "--format", "jsonl", "-o", str(tmp_path / "o.jsonl"))
    assert (code, out) == (0, "")
    assert err.splitlines()[0] == "gloss: exporting 1/1"
    code, out, err = run(capsys, "export", "--format", "jsonl")
    assert json.loads(out)["quote"] == QUOTE
    assert err == "gloss: exporting 1/1\n"


def test_quick_export_is_silent(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "annotate", SEED, "--quote", QUOTE, "--tag", "t")
    code, _, err = run(capsys, "export", "--format", "csv")
    assert (code, err) == (0, "")


@pytest.mark.parametrize("where", ["missing-dir/out.csv", "read-only/out.csv", "."])
def test_export_to_an_unwritable_place_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    locked = tmp_path / "read-only"
    locked.mkdir()
    locked.chmod(0o500)
    assert run(capsys, "annotate", SEED, "--quote", QUOTE, "--tag", "t")[0] == 0
    try:
        if os.access(locked, os.W_OK) and where.startswith("read-only"):
            pytest.skip("running as a user who can write anywhere (root)")
        code, out, err = run(capsys, "export", "--format", "csv", "-o", str(tmp_path / where))
    finally:
        locked.chmod(0o700)
    assert (code, out) == (1, "")
    assert err.startswith(f"gloss: {tmp_path / where}") and err.count("\n") == 1
    assert list(locked.iterdir()) == []


def test_arguments_that_are_not_utf8_are_refused_in_one_line(tmp_path: Path) -> None:
    db = tmp_path / "bytes.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "GLOSS_DB": str(db)}
    for option in ("--note", "--tag"):
        result = subprocess.run(
            [sys.executable.encode(), b"-m", b"tui", b"annotate", SEED.encode(), b"--quote",
             QUOTE.encode(), option.encode(), b"broken \xff byte"],
            cwd=ROOT, env=env, capture_output=True, timeout=60,
        )  # fmt: skip
        assert result.returncode == 1
        assert result.stdout == b""
        assert result.stderr.count(b"\n") == 1 and result.stderr.startswith(b"gloss: ")
    with AnnotationStore.open(db) as store:
        assert store.annotations() == []


@pytest.mark.parametrize("before_action", [True, False])
def test_tags_action_honours_db_before_or_after_the_action(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], before_action: bool
) -> None:
    db = str(tmp_path / "chosen.json")
    run(capsys, "annotate", SEED, "--quote", QUOTE, "--tag", "a", "--db", db)
    args = ["tags", "--db", db, "rename", "a", "b"]
    if not before_action:
        args = ["tags", "rename", "a", "b", "--db", db]
    code, out, err = run(capsys, *args)
    assert (code, err) == (0, "")
    _, out, _ = run(capsys, "list", "--json", "--db", db)
    assert json.loads(out)[0]["tags"] == ["b"]


def test_compact_leaves_everything_in_the_main_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import tinydb

    db = tmp_path / "big.json"
    (tmp_path / "big.json").write_text("")  # an empty file is a new database
    store = AnnotationStore.open(db)
    made = store.add(
        load_interview(CLEAN_SEED), 0, 10, author="Ann"
    ).annotation  # journal only: never closed
    code, out, _ = run(capsys, "compact", "--db", str(db))
    assert (code, out) == (0, f"{db}: 1 annotation, journal folded in\n")
    assert Path(str(db) + ".journal").stat().st_size == 0
    plain = tinydb.TinyDB(db)
    try:
        assert [d["id"] for d in plain.table("annotations").all()] == [made.id]
    finally:
        plain.close()


def test_export_summary_names_every_format(monkeypatch: pytest.MonkeyPatch) -> None:
    from store.export import FORMATS, LABELS
    from tui.cli import build_command_parser

    monkeypatch.setenv("COLUMNS", "200")  # the summary on one line
    parser, _ = build_command_parser()
    line = next(line for line in parser.format_help().splitlines() if "export annotations" in line)
    assert all(LABELS[fmt] in line for fmt in FORMATS), line
