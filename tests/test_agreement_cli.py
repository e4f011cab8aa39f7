"""``gloss agree`` on a real database file, checked against an independent computation."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import krippendorff
import pytest
from sklearn.metrics import cohen_kappa_score

from corpus import Interview, bundled_paths, load_interview
from store import AnnotationStore
from tests.conftest import CLEAN_SEED, ROOT
from tui.cli import main

TAGS = ("policy", "policy/supply", "economy", "quote")


@pytest.fixture(scope="module")
def interviews() -> list[Interview]:
    return [load_interview(path) for path in sorted(bundled_paths())]


def code_randomly(
    db: Path, interviews: list[Interview], coders: list[str], per_coder: int, seed: int
) -> None:
    """Overlapping codings; about a third on exactly a passage an earlier coder coded."""
    chance = random.Random(seed)
    passages: list[tuple[Interview, int, int]] = []
    with AnnotationStore.open(db) as store:
        for coder in coders:
            for _ in range(per_coder):
                if passages and chance.random() < 0.35:
                    interview, start, end = chance.choice(passages)
                else:
                    interview = chance.choice(interviews)
                    start = chance.randrange(0, len(interview.text) - 3000)
                    end = start + chance.randrange(50, 3000)
                passages.append((interview, start, end))
                tags = chance.sample(TAGS, chance.randrange(1, 3))
                store.add(interview, start, end, tags=tags, author=coder)


def per_character(db: Path, interviews: list[Interview], coder: str, tag: str) -> list[int]:
    """0/1 per character of both texts, from the stored annotations, the slow way."""
    with AnnotationStore.open(db) as store:
        annotations = store.annotations(author=coder)
    labels: list[int] = []
    for interview in interviews:
        marks = [0] * len(interview.text)
        for a in annotations:
            if a.interview == interview.id and tag in a.tags:
                marks[a.start : a.end] = [1] * (a.end - a.start)
        labels.extend(marks)
    return labels


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_figures_equal_scikit_learn_on_per_character_labels(
    tmp_path: Path, interviews: list[Interview], capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "team.json"
    code_randomly(db, interviews, ["ann", "bob"], per_coder=25, seed=7)
    code, out, err = run(capsys, "agree", "ann", "bob", "--json", "--db", str(db))
    assert code == 0, err
    rows = {row["tag"]: row for row in json.loads(out)}
    assert set(rows) == set(TAGS)
    for tag, row in rows.items():
        a = per_character(db, interviews, "ann", tag)
        b = per_character(db, interviews, "bob", tag)
        assert row["characters"] == len(a) == sum(len(i.text) for i in interviews)
        assert row["coverage"] == pytest.approx({"ann": sum(a) / len(a), "bob": sum(b) / len(b)})
        same = sum(x == y for x, y in zip(a, b, strict=True))
        assert row["agreement"] == pytest.approx(same / len(a))
        assert row["kappa"] == pytest.approx(cohen_kappa_score(a, b), abs=1e-12)
    assert "pooled over 2 interview(s)" in err


def test_three_coders_get_krippendorffs_alpha(
    tmp_path: Path, interviews: list[Interview], capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "team.json"
    coders = ["ann", "bob", "chen"]
    code_randomly(db, interviews, coders, per_coder=12, seed=3)
    code, out, err = run(capsys, "agree", "--coders", "ann,bob,chen", "--json", "--db", str(db))
    assert code == 0, err
    for row in json.loads(out):
        data = [per_character(db, interviews, coder, row["tag"]) for coder in coders]
        expected = krippendorff.alpha(
            reliability_data=data, value_domain=[0, 1], level_of_measurement="nominal"
        )
        assert row["alpha"] == pytest.approx(expected, abs=1e-12)
        assert row["kappa"] is None
        assert set(row["coverage"]) == set(coders)


def test_table_lists_every_tag_with_both_coders(
    tmp_path: Path, interviews: list[Interview], capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "team.json"
    seed = interviews[1]
    with AnnotationStore.open(db) as store:
        store.add(seed, 100, 300, tags=["policy"], author="ann")
        store.add(seed, 150, 300, tags=["policy"], author="bob")
        store.add(seed, 400, 500, tags=["quote"], author="bob")
    code, out, err = run(capsys, "agree", "ann", "bob", "--db", str(db))
    assert code == 0, err
    header, *lines = out.splitlines()
    assert header.split() == ["TAG", "ann", "bob", "AGREE", "KAPPA"]
    by_tag = {line.split()[0]: line.split()[1:] for line in lines}
    assert set(by_tag) == {"policy", "quote"}
    assert by_tag["quote"][0] == "0.00%"  # ann never used it; it is still listed
    assert by_tag["quote"][3] == "0.000"
    total = len(seed.text)
    assert by_tag["policy"][2] == f"{(total - 50) / total:.2%}"


def test_tag_filter_keeps_the_tag_and_those_below_it(
    tmp_path: Path, interviews: list[Interview], capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "team.json"
    code_randomly(db, interviews, ["ann", "bob"], per_coder=15, seed=11)
    code, out, _ = run(capsys, "agree", "ann", "bob", "--tag", "policy", "--json", "--db", str(db))
    assert code == 0
    assert {row["tag"] for row in json.loads(out)} == {"policy", "policy/supply"}


def test_unknown_coder_is_one_line_listing_the_coders(
    tmp_path: Path, interviews: list[Interview]
) -> None:
    db = tmp_path / "team.json"
    with AnnotationStore.open(db) as store:
        store.add(interviews[0], 10, 50, tags=["quote"], author="ann")
        store.add(interviews[0], 60, 90, tags=["quote"], author="bob")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "tui", "agree", "ann", "zed", "--db", str(db)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode != 0
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1
    assert "'zed'" in done.stderr and "ann, bob" in done.stderr
    assert "Traceback" not in done.stderr


def test_interviews_not_every_coder_annotated_are_left_out_unless_named(
    tmp_path: Path, interviews: list[Interview], capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "team.json"
    first, second = interviews
    with AnnotationStore.open(db) as store:
        store.add(first, 0, 100, tags=["quote"], author="ann")
        store.add(first, 50, 100, tags=["quote"], author="bob")
        store.add(second, 0, 100, tags=["quote"], author="ann")
    code, out, err = run(capsys, "agree", "ann", "bob", "--json", "--db", str(db))
    assert code == 0
    assert json.loads(out)[0]["characters"] == len(first.text)
    assert f"left out 1 interview(s) not every coder annotated: {second.id}" in err
    args = ("agree", "ann", "bob", "--json", "--db", str(db), "--interview", first.id)
    code, out, _ = run(capsys, *args, "--interview", second.id[:3])
    assert code == 0
    assert json.loads(out)[0]["characters"] == len(first.text) + len(second.text)


def own_text_coded(
    tmp_path: Path, *, ann: tuple[int, int], bob: tuple[int, int]
) -> tuple[Path, Path]:
    """The team database and the user's own copy of a seed text, on which ann and bob
    each tagged one passage "quote"."""
    db = tmp_path / "team.json"
    own = tmp_path / "mine.txt"
    own.write_bytes(CLEAN_SEED.read_bytes())
    interview = load_interview(own)
    with AnnotationStore.open(db) as store:
        store.add(interview, *ann, tags=["quote"], author="ann")
        store.add(interview, *bob, tags=["quote"], author="bob")
    return db, own


def test_a_text_that_cannot_be_read_is_named_with_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, own = own_text_coded(tmp_path, ann=(0, 100), bob=(50, 120))
    moved = tmp_path / "elsewhere" / "mine.txt"
    moved.parent.mkdir()
    own.rename(moved)
    code, out, err = run(capsys, "agree", "ann", "bob", "--db", str(db))
    assert code != 0 and out == ""
    assert err.count("\n") == 1
    assert "mine: its text cannot be read" in err and "--interview PATH" in err
    code, out, err = run(capsys, "agree", "ann", "bob", "--db", str(db), "--interview", str(moved))
    assert code == 0, err
    assert "quote" in out


def test_a_changed_text_asks_for_reanchoring_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, own = own_text_coded(tmp_path, ann=(500, 600), bob=(550, 650))
    own.write_bytes(b"A new first line.\n" + CLEAN_SEED.read_bytes())
    code, _, err = run(capsys, "agree", "ann", "bob", "--db", str(db))
    assert code != 0
    assert "another version of its text" in err and "reanchor" in err
    assert run(capsys, "reanchor", str(own), "--db", str(db))[0] == 0
    code, out, err = run(capsys, "agree", "ann", "bob", "--json", "--db", str(db))
    assert code == 0, err
    assert json.loads(out)[0]["coverage"] == pytest.approx(
        {"ann": 100 / len(load_interview(own).text), "bob": 100 / len(load_interview(own).text)}
    )


def test_db_may_come_before_the_command(
    tmp_path: Path, interviews: list[Interview], capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "team.json"
    with AnnotationStore.open(db) as store:
        store.add(interviews[0], 10, 50, tags=["quote"], author="ann")
        store.add(interviews[0], 30, 90, tags=["quote"], author="bob")
    code, out, err = run(capsys, "--db", str(db), "agree", "ann", "bob", "--json")
    assert code == 0, err
    assert [row["tag"] for row in json.loads(out)] == ["quote"]


def test_two_coders_tagging_the_same_passages_agree_perfectly(
    tmp_path: Path, interviews: list[Interview], capsys: pytest.CaptureFixture[str]
) -> None:
    """The usual case: each coder's own annotation of the same passage (not merged into one)."""
    db = tmp_path / "team.json"
    seed = interviews[1]
    for coder in ("ann", "bob"):
        for quote, tag in (("increase the supply", "policy"), ("The first is", "quote")):
            args = ("annotate", seed.id, "--quote", quote, "--tag", tag, "--author", coder)
            assert run(capsys, *args, "--db", str(db))[0] == 0
    code, out, err = run(capsys, "agree", "ann", "bob", "--json", "--db", str(db))
    assert code == 0, err
    rows = json.loads(out)
    assert [row["tag"] for row in rows] == ["policy", "quote"]
    for row in rows:
        assert row["coverage"]["ann"] == row["coverage"]["bob"] > 0
        assert (row["agreement"], row["kappa"]) == (1.0, 1.0)
