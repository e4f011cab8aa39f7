"""Agreement per tag: hand-worked cases, and the numbers of independent implementations
(scikit-learn's Cohen's kappa, the krippendorff package's alpha) on per-character data."""

from __future__ import annotations

import math
import random
import warnings

import krippendorff
import pytest
from sklearn.metrics import cohen_kappa_score

from store.agreement import (
    TagAgreement,
    cohen_kappa,
    compare,
    find_scope,
    merged,
    nominal_alpha,
)
from store.model import Annotation
from tests.codings import coding

TAGS = ("policy", "policy/tax", "economy", "quote")


def by_tag(rows: list[TagAgreement]) -> dict[str, TagAgreement]:
    return {row.tag: row for row in rows}


# -- hand-worked ----------------------------------------------------------------------


def test_identical_codings_agree_perfectly() -> None:
    annotations = [coding("ann", 10, 30, "policy"), coding("bob", 10, 30, "policy")]
    row = by_tag(compare(annotations, {"one": 100}, ["ann", "bob"]))["policy"]
    assert row.coverage == (0.2, 0.2)
    assert row.agreement == 1.0
    assert row.kappa == 1.0
    assert row.alpha == 1.0
    assert row.characters == 100


def test_codings_that_never_overlap() -> None:
    # ann codes 0-20, bob 50-70 of 100: they agree on the 60 characters neither coded.
    annotations = [coding("ann", 0, 20, "policy"), coding("bob", 50, 70, "policy")]
    row = by_tag(compare(annotations, {"one": 100}, ["ann", "bob"]))["policy"]
    assert row.agreement == pytest.approx(0.6)
    # po = 0.6, pe = 0.2*0.2 + 0.8*0.8 = 0.68: kappa = (0.6 - 0.68) / 0.32 = -0.25.
    assert row.kappa == pytest.approx(-0.25)


def test_uncoded_text_counts_as_agreement() -> None:
    """The same two codings agree more, by percent, in a longer text (NVivo's definition)."""
    annotations = [coding("ann", 0, 20, "policy"), coding("bob", 10, 30, "policy")]
    short = by_tag(compare(annotations, {"one": 40}, ["ann", "bob"]))["policy"]
    long = by_tag(compare(annotations, {"one": 1000}, ["ann", "bob"]))["policy"]
    assert short.agreement == pytest.approx(20 / 40)
    assert long.agreement == pytest.approx(980 / 1000)


def test_a_tag_only_one_coder_used_is_listed() -> None:
    annotations = [coding("ann", 0, 25, "quote"), coding("bob", 0, 25, "policy")]
    rows = by_tag(compare(annotations, {"one": 100}, ["ann", "bob"]))
    assert set(rows) == {"quote", "policy"}
    assert rows["quote"].coverage == (0.25, 0.0)
    assert rows["quote"].agreement == 0.75
    # po = 0.75 = pe (bob never codes it): agreement no better than chance.
    assert rows["quote"].kappa == 0.0
    assert rows["policy"].coverage == (0.0, 0.25)


def test_a_tag_nobody_applied_to_any_character_agrees_by_convention() -> None:
    """Both coders left every character uncoded: chance agreement is 1, reported as 1.0."""
    empty = [coding("ann", 5, 5, "quote"), coding("bob", 7, 7, "quote")]
    row = by_tag(compare(empty, {"one": 50}, ["ann", "bob"]))["quote"]
    assert row.coverage == (0.0, 0.0)
    assert (row.agreement, row.kappa, row.alpha) == (1.0, 1.0, 1.0)


def test_no_interviews_or_no_tags_give_no_rows() -> None:
    assert compare([coding("ann", 0, 5, "quote")], {}, ["ann", "bob"]) == []
    assert compare([], {"one": 50}, ["ann", "bob"]) == []


def test_a_tag_is_its_exact_path_and_the_filter_takes_the_subtree() -> None:
    annotations = [
        coding("ann", 0, 10, "policy/tax"),
        coding("bob", 0, 10, "policy"),
        coding("bob", 20, 30, "economy"),
    ]
    rows = by_tag(compare(annotations, {"one": 100}, ["ann", "bob"]))
    assert rows["policy"].coverage == (0.0, 0.1)
    assert rows["policy/tax"].coverage == (0.1, 0.0)
    assert set(by_tag(compare(annotations, {"one": 100}, ["ann", "bob"], tag="policy"))) == {
        "policy",
        "policy/tax",
    }


def test_overlapping_codings_of_one_coder_count_each_character_once() -> None:
    annotations = [
        coding("ann", 0, 30, "policy"),
        coding("ann", 20, 50, "policy", "quote"),
        coding("bob", 0, 50, "policy"),
    ]
    row = by_tag(compare(annotations, {"one": 100}, ["ann", "bob"]))["policy"]
    assert row.coverage == (0.5, 0.5)
    assert row.kappa == 1.0


def test_interviews_are_pooled_by_characters() -> None:
    annotations = [
        coding("ann", 0, 10, "quote", interview="one"),
        coding("bob", 0, 10, "quote", interview="one"),
        coding("ann", 0, 30, "quote", interview="two"),
    ]
    row = by_tag(compare(annotations, {"one": 100, "two": 300}, ["ann", "bob"]))["quote"]
    assert row.characters == 400
    assert row.coverage == (40 / 400, 10 / 400)
    assert row.agreement == pytest.approx(370 / 400)


def test_offsets_beyond_the_text_and_others_work_are_ignored() -> None:
    annotations = [
        coding("ann", 90, 150, "quote"),
        coding("bob", 90, 100, "quote"),
        coding("chen", 0, 100, "quote"),
        coding("bob", 0, 50, "quote", status="orphaned"),
        coding("bob", 0, 50, "quote", interview="elsewhere"),
    ]
    row = by_tag(compare(annotations, {"one": 100}, ["ann", "bob"]))["quote"]
    assert row.coverage == (0.1, 0.1)
    assert row.kappa == 1.0


def test_coders_must_be_two_or_more_and_different() -> None:
    with pytest.raises(ValueError):
        compare([], {"one": 10}, ["ann"])
    with pytest.raises(ValueError):
        compare([], {"one": 10}, ["ann", "ann"])


def test_merged_unions_touching_and_nested_spans() -> None:
    assert merged([(5, 9), (0, 3), (3, 4), (6, 7), (8, 8), (20, 25)]) == [(0, 4), (5, 9), (20, 25)]


def test_kappa_and_alpha_at_the_edges() -> None:
    assert cohen_kappa(0, 0, 10, 10) == 1.0
    assert cohen_kappa(10, 10, 10, 10) == 1.0
    assert cohen_kappa(10, 0, 0, 10) == 0.0  # one coded everything, the other nothing
    assert nominal_alpha([10, 0, 0]) == 1.0
    assert nominal_alpha([0, 0, 0, 7]) == 1.0


# -- scope ----------------------------------------------------------------------------


def test_scope_is_the_interviews_every_coder_annotated_unless_named() -> None:
    annotations = [
        coding("ann", 0, 5, "quote", interview="both"),
        coding("bob", 9, 15, "economy", interview="both"),
        coding("ann", 0, 5, "quote", interview="ann-only"),
        coding("chen", 0, 5, "quote", interview="chen-only"),
        coding("bob", 0, 5, "quote", interview="both", status="orphaned"),
    ]
    scope = find_scope(annotations, ["ann", "bob"])
    assert scope.interviews == ("both",)
    assert scope.skipped == ("ann-only",)
    assert scope.orphaned == 1
    named = find_scope(annotations, ["ann", "bob"], named=["ann-only", "both"])
    assert named.interviews == ("ann-only", "both")
    assert named.skipped == ()


# -- against independent implementations ----------------------------------------------


def random_codings(
    chance: random.Random, coders: list[str], lengths: dict[str, int], per_coder: int
) -> list[Annotation]:
    """Overlapping spans, several tags each, some at the very start or end of a text."""
    made = []
    for coder in coders:
        for _ in range(per_coder):
            interview = chance.choice(sorted(lengths))
            length = lengths[interview]
            start = chance.choice([0, chance.randrange(length)])
            end = min(length, start + chance.randrange(1, length // 3))
            tags = chance.sample(TAGS, chance.randrange(1, 3))
            made.append(coding(coder, start, end, *tags, interview=interview))
    return made


def per_character(
    annotations: list[Annotation], coder: str, tag: str, lengths: dict[str, int]
) -> list[int]:
    """0/1 for every character of every interview (in id order), built the slow way."""
    labels = []
    for interview in sorted(lengths):
        marks = [0] * lengths[interview]
        for a in annotations:
            if a.author == coder and a.interview == interview and tag in a.tags:
                for index in range(a.start, a.end):
                    marks[index] = 1
        labels.extend(marks)
    return labels


@pytest.mark.parametrize("seed", range(12))
def test_kappa_agreement_and_coverage_equal_per_character_computation(seed: int) -> None:
    chance = random.Random(seed)
    lengths = {"one": chance.randrange(50, 400), "two": chance.randrange(50, 400)}
    annotations = random_codings(chance, ["ann", "bob"], lengths, per_coder=chance.randrange(1, 9))
    rows = by_tag(compare(annotations, lengths, ["ann", "bob"]))
    used = {t for a in annotations for t in a.tags}
    assert set(rows) == used
    for tag, row in rows.items():
        a = per_character(annotations, "ann", tag, lengths)
        b = per_character(annotations, "bob", tag, lengths)
        assert row.characters == len(a)
        assert row.coverage == pytest.approx((sum(a) / len(a), sum(b) / len(b)))
        assert row.agreement == pytest.approx(
            sum(x == y for x, y in zip(a, b, strict=True)) / len(a)
        )
        if len(set(a) | set(b)) > 1:
            assert row.kappa == pytest.approx(cohen_kappa_score(a, b), abs=1e-12)
        else:
            assert row.kappa == 1.0


@pytest.mark.parametrize("seed", range(12))
def test_alpha_equals_the_krippendorff_package_on_per_character_units(seed: int) -> None:
    chance = random.Random(100 + seed)
    coders = ["ann", "bob", "chen", "dee"][: chance.choice([2, 3, 4])]
    lengths = {"one": chance.randrange(50, 300), "two": chance.randrange(50, 300)}
    annotations = random_codings(chance, coders, lengths, per_coder=chance.randrange(1, 7))
    rows = by_tag(compare(annotations, lengths, coders))
    for tag, row in rows.items():
        data = [per_character(annotations, coder, tag, lengths) for coder in coders]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # 0/0 when nothing varies
            expected = krippendorff.alpha(
                reliability_data=data, value_domain=[0, 1], level_of_measurement="nominal"
            )
        if math.isnan(expected):
            assert row.alpha == 1.0
        else:
            assert row.alpha == pytest.approx(expected, abs=1e-12)
        units = list(zip(*data, strict=True))
        assert row.agreement == pytest.approx(sum(len(set(u)) == 1 for u in units) / len(units))
        assert (row.kappa is None) == (len(coders) > 2)
