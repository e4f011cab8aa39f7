"""``gloss retrieve``, ``gloss stats`` and ``gloss cooccur`` on real database files: what a
researcher reads on the terminal, and what a spreadsheet or script gets."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from corpus import Interview, load_interview
from store import AnnotationStore
from tests.conftest import CLEAN_SEED, NOISY_SEED, run_gloss
from tui.cli import main


@pytest.fixture(scope="module")
def seeds() -> tuple[Interview, Interview]:
    return load_interview(CLEAN_SEED), load_interview(NOISY_SEED)


@pytest.fixture
def db(tmp_path: Path, seeds: tuple[Interview, Interview]) -> Path:
    """ann and bob coding both seeds; a hostile note and tag among them."""
    clean, noisy = seeds
    path = tmp_path / "team.json"
    q1 = clean.outline.questions[1].answer.start
    with AnnotationStore.open(path) as store:
        store.add(clean, q1, q1 + 40, tags=["policy/tax", "economy"], note="=HYPERLINK(1)",
                  author="ann")  # fmt: skip
        store.add(clean, q1 + 20, q1 + 60, tags=["economy/growth"], author="bob")
        store.add(clean, q1 + 300, q1 + 340, tags=["policy/aid"], author="bob")
        n0 = noisy.outline.questions[0].answer.start
        store.add(noisy, n0, n0 + 30, tags=["policy"], note="a [link](x) <b>\x1b[31m",
                  author="bob")  # fmt: skip
    return path


def gloss(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# -- retrieve -------------------------------------------------------------------------


def test_retrieve_lists_every_passage_under_interview_and_question(
    db: Path, seeds: tuple[Interview, Interview], capsys: pytest.CaptureFixture[str]
) -> None:
    noisy = seeds[1]
    code, out, err = gloss(capsys, "retrieve", "policy", "--db", str(db))
    assert code == 0
    assert "# policy" in out.splitlines()
    assert f"## {noisy.id.replace('_', chr(92) + '_')}" in out  # its title is its id
    assert "### The Central Economic Work Conference emphasized accelerating" in out
    assert "— ann · `policy/tax`" in out and "— bob · `policy/aid`" in out
    assert "economy/growth" not in out
    # untrusted text: no Markdown link, no HTML, no escape sequence reaches the file
    assert "\x1b" not in out and "<b>" not in out and "](x)" not in out
    assert "a \\[link\\]\\(x\\) \\<b\\>\\\\x1b\\[31m" in out
    assert err.strip() == "3 passages of 'policy' and the codes below it in 2 interviews"


def test_retrieve_by_coder_as_csv_with_formulas_neutralised(
    db: Path, seeds: tuple[Interview, Interview], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = gloss(capsys, "retrieve", "policy", "--db", str(db), "--format", "csv",
                         "--author", "ann")  # fmt: skip
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    assert [(r["coder"], r["matched"], r["note"]) for r in rows] == [
        ("ann", "policy/tax", "'=HYPERLINK(1)")
    ]
    assert rows[0]["question"] == seeds[0].outline.questions[1].text


def test_retrieve_json_to_a_file(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "policy.json"
    code, out, err = gloss(capsys, "retrieve", "policy/aid", "--db", str(db), "--format",
                           "json", "-o", str(target))  # fmt: skip
    assert (code, out) == (0, "")
    (record,) = json.loads(target.read_text(encoding="utf-8"))
    assert (record["coder"], record["tags"], record["question_index"]) == ("bob", ["policy/aid"], 1)
    assert str(target) in err


def test_an_unknown_code_suggests_close_ones(db: Path) -> None:
    done = run_gloss("retrieve", "polcy/tax", "--db", str(db))
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.startswith(
        f"gloss: code 'polcy/tax' is not in {db}; did you mean 'policy/tax'"
    )
    assert len(done.stderr.splitlines()) == 1


def test_an_empty_database_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "empty.json"
    AnnotationStore.open(path).close()
    for command in (["retrieve", "policy"], ["stats"], ["cooccur"]):
        code, out, err = gloss(capsys, *command, "--db", str(path))
        assert (code, out) == (1, ""), command
        assert err == (
            f"gloss: {path}: no annotations yet; tag passages in the reader or with "
            "'gloss annotate' first\n"
        )


def test_an_unknown_coder_is_refused_naming_the_coders(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = gloss(capsys, "stats", "--db", str(db), "--author", "chen")
    assert code == 1
    assert "no annotations by coder 'chen'; the coders are: ann, bob" in err


# -- stats ----------------------------------------------------------------------------


def test_stats_table_rolls_up_and_fits_80_columns(
    db: Path, seeds: tuple[Interview, Interview], capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setenv("COLUMNS", "80")
    clean, noisy = seeds
    code, out, err = gloss(capsys, "stats", "--db", str(db))
    lines = out.splitlines()
    assert code == 0
    assert all(len(line) <= 80 for line in lines)
    policy = next(line for line in lines if line.startswith("policy "))
    # policy: ann's 40 characters and bob's 40 (elsewhere) in clean, bob's 30 in noisy
    assert policy.split() == ["policy", "3/110", "1/30", "2/80"]
    assert "  tax" in out and "  aid" in out  # sub-codes indented under their parent
    assert f"[1] {noisy.id}" in lines and f"[2] {clean.id}" in lines
    assert err.strip() == "5 codes, 4 passages in 2 interviews"


def test_stats_by_coder_as_json(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = gloss(capsys, "stats", "--db", str(db), "--by", "author", "--json")
    assert code == 0
    table = json.loads(out)
    economy = next(r for r in table["rows"] if r["code"] == "economy")
    assert table["columns"] == ["ann", "bob"]
    # ann's 40 and bob's 40 overlap by 20: 60 characters coded in all
    assert (economy["passages"], economy["characters"]) == (2, 60)
    assert economy["cells"] == {
        "ann": {"passages": 1, "characters": 40},
        "bob": {"passages": 1, "characters": 40},
    }
    assert economy["used"] is True


def test_stats_csv(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = gloss(capsys, "stats", "--db", str(db), "--csv", "--by", "author")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["code", "depth", "passages", "characters", "ann passages",
                       "ann characters", "bob passages", "bob characters"]  # fmt: skip
    assert ["policy/aid", "1", "1", "40", "0", "0", "1", "40"] in rows


def test_stats_too_wide_for_the_terminal_lists_one_line_per_cell(
    db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "20")
    _, out, _ = gloss(capsys, "stats", "--db", str(db))
    assert out.splitlines()[0].split() == ["CODE", "INTERVIEW", "PASSAGES", "CHARACTERS"]
    assert any(line.split()[:2] == ["policy", "(all)"] for line in out.splitlines())


# -- cooccur --------------------------------------------------------------------------


def test_cooccur_matrix_and_its_passages(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = gloss(capsys, "cooccur", "--db", str(db))
    assert code == 0
    rows = {line.split()[1]: line.split()[2:] for line in out.splitlines()[1:]}
    # economy (ann's passage, also policy/tax) meets policy/tax on itself and economy/growth
    # (bob's overlapping passage); policy/tax meets economy/growth through the overlap.
    assert rows["economy"] == ["·", "1", "1"]
    assert err.strip() == "3 pairs of 5 codes meet (overlapping passages)"
    _, out, _ = gloss(capsys, "cooccur", "--db", str(db), "--json")
    pairs = {(p["a"], p["b"]): p for p in json.loads(out)["pairs"]}
    (meeting,) = pairs[("economy/growth", "policy/tax")]["meetings"]
    assert [p["coder"] for p in meeting["a"]] == ["bob"]
    assert [p["coder"] for p in meeting["b"]] == ["ann"]


def test_cooccur_by_question(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = gloss(capsys, "cooccur", "--db", str(db), "--scope", "question", "--csv")
    rows = {r[0]: r[1:] for r in csv.reader(io.StringIO(out))}
    header = rows.pop("code")
    aid = dict(zip(header, rows["policy/aid"], strict=True))
    # policy/aid is 300 characters away from the others, in the same answer
    assert aid == {"economy": "1", "economy/growth": "1", "policy": "0", "policy/aid": "",
                   "policy/tax": "1"}  # fmt: skip
