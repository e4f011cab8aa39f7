"""Retrieval, counts and co-occurrence (store.findings) on real databases and hand-worked
codings: the figures a researcher reports, checked against what was coded."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from corpus import Interview, load_interview
from store import AnnotationStore
from store.findings import (
    InterviewTexts,
    UnknownCode,
    code_tree,
    cooccur,
    count_codes,
    retrieve,
)
from store.model import Annotation
from tests.codings import coding
from tests.conftest import CLEAN_SEED, NOISY_SEED


@pytest.fixture(scope="module")
def seeds() -> tuple[Interview, Interview]:
    return load_interview(CLEAN_SEED), load_interview(NOISY_SEED)


def in_answer(interview: Interview, question: int, skip: int = 0) -> int:
    """An offset ``skip`` characters into the answer of question ``question``."""
    return interview.outline.questions[question].answer.start + skip


# -- retrieval ------------------------------------------------------------------------


def test_retrieve_brings_a_code_and_its_subcodes_from_every_interview(
    tmp_path: Path, seeds: tuple[Interview, Interview]
) -> None:
    clean, noisy = seeds
    with AnnotationStore.open(tmp_path / "db.json") as store:
        at = in_answer(clean, 1)
        store.add(clean, at, at + 30, tags=["policy/tax"], note="key claim", author="ann")
        at2 = in_answer(noisy, 0)
        store.add(noisy, at2, at2 + 25, tags=["policy"], author="bob")
        store.add(noisy, at2 + 100, at2 + 120, tags=["policy-x", "economy"], author="bob")
        found = retrieve(store, "policy")
    assert [(p.interview, p.coder, p.matched) for p in found] == [
        (noisy.id, "bob", ("policy",)),
        (clean.id, "ann", ("policy/tax",)),
    ]
    tax = found[1]
    assert tax.quote == clean.text[at : at + 30]
    assert tax.question == clean.outline.questions[1].text
    assert tax.question_index == 1
    assert tax.title == clean.title
    assert tax.note == "key claim"
    assert found[0].question == noisy.outline.questions[0].text


def test_retrieve_by_one_coder(tmp_path: Path, seeds: tuple[Interview, Interview]) -> None:
    clean, _ = seeds
    with AnnotationStore.open(tmp_path / "db.json") as store:
        store.add(clean, 100, 120, tags=["trust"], author="ann")
        store.add(clean, 100, 120, tags=["trust"], author="bob")
        assert [p.coder for p in retrieve(store, "trust", author="bob")] == ["bob"]
        assert len(retrieve(store, "trust")) == 2


def test_an_unknown_code_names_close_ones(tmp_path: Path, seeds: tuple[Interview, ...]) -> None:
    with AnnotationStore.open(tmp_path / "db.json") as store:
        store.add(seeds[0], 100, 120, tags=["policy/tax-relief"], author="ann")
        with pytest.raises(UnknownCode) as raised:
            retrieve(store, "policy/tax-releif")
    assert raised.value.suggestions[0] == "policy/tax-relief"
    assert "did you mean 'policy/tax-relief'" in str(raised.value)


def test_an_empty_database_says_it_has_no_codes(tmp_path: Path) -> None:
    with AnnotationStore.open(tmp_path / "db.json") as store, pytest.raises(UnknownCode) as raised:
        retrieve(store, "policy")
    assert "has no codes yet" in str(raised.value)


def test_a_passage_whose_file_is_gone_has_no_question(
    tmp_path: Path, seeds: tuple[Interview, ...]
) -> None:
    copy = tmp_path / "talk.txt"
    shutil.copy(CLEAN_SEED, copy)
    own = load_interview(copy)
    at = in_answer(own, 2)
    with AnnotationStore.open(tmp_path / "db.json") as store:
        store.add(own, at, at + 20, tags=["trust"], author="ann")
        assert retrieve(store, "trust")[0].question == own.outline.questions[2].text
        copy.unlink()
        gone = retrieve(store, "trust")[0]
    assert (gone.question, gone.title, gone.quote) == (None, "talk", own.text[at : at + 20])


def test_a_changed_text_gives_no_question_rather_than_a_wrong_one(
    tmp_path: Path, seeds: tuple[Interview, ...]
) -> None:
    copy = tmp_path / "talk.txt"
    shutil.copy(CLEAN_SEED, copy)
    own = load_interview(copy)
    at = in_answer(own, 2)
    with AnnotationStore.open(tmp_path / "db.json") as store:
        store.add(own, at, at + 20, tags=["trust"], author="ann")
        copy.write_text("Q: A new text?\nA: Entirely.\n" * 3, encoding="utf-8")
        assert retrieve(store, "trust")[0].question is None


def test_known_interviews_are_used_before_reading_files(
    tmp_path: Path, seeds: tuple[Interview, ...]
) -> None:
    copy = tmp_path / "talk.txt"
    shutil.copy(CLEAN_SEED, copy)
    own = load_interview(copy)
    with AnnotationStore.open(tmp_path / "db.json") as store:
        store.add(own, own.outline.questions[0].start, own.outline.questions[0].start + 9,
                  tags=["q"], author="ann")  # fmt: skip
        copy.unlink()
        found = retrieve(store, "q", texts=InterviewTexts([own]))
    assert found[0].question == own.outline.questions[0].text


# -- counts ---------------------------------------------------------------------------


def test_counts_roll_up_to_parents_counting_each_passage_and_character_once() -> None:
    table = count_codes(
        [
            coding("ann", 0, 10, "a/b"),
            coding("ann", 5, 15, "a/c"),
            coding("bob", 0, 10, "a/b", "a/c"),  # one passage, two codes below a
            coding("bob", 0, 4, "z", interview="two"),
            coding("bob", 50, 60, "a/b", status="orphaned"),
        ]
    )
    assert table.columns == ("one", "two")
    assert [r.code for r in table.rows] == ["a", "a/b", "a/c", "z"]
    a, ab, ac, z = table.rows
    assert (a.total.passages, a.total.characters, a.used) == (3, 15, False)
    assert (ab.total.passages, ab.total.characters, ab.used, ab.depth) == (2, 10, True, 1)
    assert (ac.total.passages, ac.total.characters) == (2, 15)
    assert [(c.passages, c.characters) for c in z.cells] == [(0, 0), (1, 4)]
    assert (table.passages, table.orphaned) == (4, 1)


def test_counts_by_coder() -> None:
    table = count_codes(
        [
            coding("ann", 0, 10, "a/b"),
            coding("bob", 0, 10, "a/b"),
            coding("bob", 0, 10, "a/b", interview="two"),
        ],
        by="author",
    )
    assert table.columns == ("ann", "bob")
    ab = table.row("a/b")
    assert ab is not None
    assert [(c.passages, c.characters) for c in ab.cells] == [(1, 10), (2, 20)]
    # Both coders marked the same ten characters of "one": counted once in the total.
    assert (ab.total.passages, ab.total.characters) == (3, 20)


def test_tree_order_keeps_children_under_their_parent() -> None:
    assert code_tree(["a-b", "a/b/c", "b"]) == ["a", "a/b", "a/b/c", "a-b", "b"]


# -- co-occurrence --------------------------------------------------------------------


def test_overlapping_passages_make_codes_meet_touching_ones_do_not() -> None:
    one = coding("ann", 0, 10, "A")
    two = coding("bob", 5, 15, "B")
    touching = coding("ann", 15, 20, "C")
    both = coding("ann", 30, 40, "A", "C")
    elsewhere = coding("ann", 0, 10, "B", interview="two")
    matrix = cooccur([one, two, touching, both, elsewhere])
    assert matrix.codes == ("A", "B", "C")
    assert matrix.count("A", "B") == 1
    assert matrix.count("B", "C") == 0
    assert matrix.count("A", "C") == 1  # the passage coded with both
    assert matrix.count("A", "A") == 0
    (meeting,) = matrix.behind("B", "A")
    assert (meeting.first, meeting.second) == ((two,), (one,))
    assert matrix.pairs() == [("A", "B", 1), ("A", "C", 1)]


def test_overlap_counts_each_pair_of_passages_once() -> None:
    first = coding("ann", 0, 10, "A", "B")
    second = coding("bob", 5, 15, "A", "B")
    matrix = cooccur([first, second])
    # each passage meets itself, and the two meet each other once
    assert matrix.count("A", "B") == 3


def test_sharing_a_question(seeds: tuple[Interview, Interview]) -> None:
    clean, _ = seeds
    q1, q2 = in_answer(clean, 1), in_answer(clean, 2)

    def real(author: str, start: int, *tags: str) -> Annotation:
        made = coding(author, start, start + 10, *tags, interview=clean.id)
        return replace(made, fingerprint=clean.fingerprint)

    annotations = [
        real("ann", q1, "A"),
        real("bob", q1 + 500, "B"),
        real("ann", q1 + 900, "B"),
        real("ann", q2, "C"),
        coding("ann", 0, 5, "A", interview="unreadable"),
    ]
    matrix = cooccur(annotations, scope="question", texts=InterviewTexts([clean]))
    assert matrix.count("A", "B") == 1
    assert matrix.count("A", "C") == 0
    (meeting,) = matrix.behind("A", "B")
    assert meeting.question == clean.outline.questions[1].text
    assert [a.author for a in meeting.second] == ["bob", "ann"]
    assert matrix.unplaced == 1
    assert cooccur(annotations).count("A", "B") == 0  # they do not overlap
