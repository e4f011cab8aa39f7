"""A regression guard per transcript: no file's outline F1 falls below its floor.

The floors (``tests/transcripts/floors.json``) are what the parser reached when they were
last written with ``python -m benchmarks.outline_floors``; the bundled interviews must
stay at 1.00 whatever the floors say.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.bench_outline import (
    BUNDLED_GOLD,
    KINDS,
    READABLE,
    TRANSCRIPTS,
    read_gold,
    score_file,
    transcript_of,
)
from benchmarks.outline_floors import FLOORS, changes, main, read_floors, round_down

GOLDS = sorted(TRANSCRIPTS.glob("*.gold.json")) + sorted(BUNDLED_GOLD.glob("*.gold.json"))


@pytest.mark.parametrize("gold_path", GOLDS, ids=lambda p: p.name.removesuffix(".gold.json"))
def test_no_transcript_scores_below_its_floor(gold_path: Path) -> None:
    gold = read_gold(gold_path)
    path = transcript_of(gold_path, gold)
    assert path.suffix in READABLE, f"{path.name}: a format gloss cannot read"
    score = score_file(path, gold)
    assert score is not None
    if gold_path.parent == BUNDLED_GOLD:
        wanted = dict.fromkeys(KINDS, 1.0)
    else:
        floors = read_floors()
        assert path.name in floors, (
            f"{path.name}: no floor; run python -m benchmarks.outline_floors"
        )
        wanted = floors[path.name]
    for kind in KINDS:
        f1 = getattr(score, kind).f1
        assert f1 >= wanted[kind] - 1e-9, f"{path.name}: {kind} F1 {f1:.2f} < floor {wanted[kind]}"


def test_every_floor_names_a_transcript_with_a_gold() -> None:
    golds = {read_gold(path).file for path in TRANSCRIPTS.glob("*.gold.json")}
    floors = read_floors()
    assert set(floors) == golds
    for name, kinds in floors.items():
        assert set(kinds) == set(KINDS), name
        assert all(0.0 <= value <= 1.0 for value in kinds.values()), name


def test_the_committed_floors_are_what_the_parser_reaches_now(tmp_path: Path) -> None:
    """A parser change that raises a score raises its floor in the same commit."""
    path = tmp_path / "floors.json"
    assert main(["--path", str(path), "--lower"]) == 0
    raised, lowered = changes(read_floors(FLOORS), read_floors(path))
    assert not raised, f"floors to raise: {raised}; run python -m benchmarks.outline_floors"
    assert not lowered, f"scores below their floors: {lowered}"


def test_floors_round_down_to_two_decimals() -> None:
    assert round_down(0.8799) == 0.87
    assert round_down(0.87) == 0.87  # 0.87 * 100 is 86.99999...: not taken down to 0.86
    assert round_down(1.0) == 1.0
    assert round_down(0.0) == 0.0


def test_changes_tell_raised_from_lowered_floors() -> None:
    old = {"a.txt": {"headings": 1.0, "questions": 0.5, "measures": 0.0}}
    new = {
        "a.txt": {"headings": 0.9, "questions": 0.75, "measures": 0.0},
        "b.txt": {"headings": 1.0, "questions": 1.0, "measures": 1.0},
    }
    raised, lowered = changes(old, new)
    assert lowered == ["a.txt: headings 1.0 -> 0.9"]
    assert "a.txt: questions 0.5 -> 0.75" in raised
    assert "b.txt: measures - -> 1.0" in raised


def test_the_writer_never_lowers_a_floor_unless_told(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "floors.json"
    assert main(["--path", str(path)]) == 0
    written = read_floors(path)
    raised_too_high = {name: dict.fromkeys(KINDS, 1.0) for name in written}
    path.write_text(json.dumps(raised_too_high), encoding="utf-8")
    capsys.readouterr()
    assert main(["--path", str(path)]) == 1
    assert "not written" in capsys.readouterr().err
    assert read_floors(path) == raised_too_high  # left as it was
    assert main(["--path", str(path), "--lower"]) == 0
    assert read_floors(path) == written
