"""Where two coders' codings differ: hand-worked cases, and a per-character brute force."""

from __future__ import annotations

import random
from collections.abc import Iterable
from itertools import pairwise

import pytest

from store.differences import A, B, Difference, differences
from store.model import Annotation


def coded(start: int, end: int, *tags: str, author: str = "ann", id: str = "") -> Annotation:
    return Annotation(
        id=id or f"{author}-{start}-{end}-{'+'.join(tags)}",
        interview="i",
        fingerprint="f",
        start=start,
        end=end,
        exact="",
        prefix="",
        suffix="",
        raw_start=start,
        raw_end=end,
        tags=tuple(tags),
        note="",
        author=author,
        created="2026-01-01T00:00:00.000Z",
        updated="2026-01-01T00:00:00.000Z",
    )


def spans(found: Iterable[Difference]) -> list[tuple[int, int, tuple[str, ...], tuple[str, ...]]]:
    return [(d.start, d.end, d.only_a, d.only_b) for d in found]


def test_identical_codings_have_no_differences() -> None:
    a = [coded(0, 10, "x"), coded(5, 20, "y")]
    b = [coded(0, 10, "x", author="bo"), coded(5, 20, "y", author="bo")]
    assert len(differences(a, b)) == 0


def test_the_same_tags_split_differently_still_agree() -> None:
    """Per character only the tag set counts, not how the coder cut the passages."""
    a = [coded(0, 20, "x")]
    b = [coded(0, 8, "x", author="bo"), coded(8, 20, "x", author="bo")]
    assert len(differences(a, b)) == 0


def test_overlapping_passages_differ_at_the_two_ends() -> None:
    a = [coded(0, 100, "x")]
    b = [coded(50, 150, "x", author="bo")]
    assert spans(differences(a, b)) == [(0, 50, ("x",), ()), (100, 150, (), ("x",))]


def test_another_tag_on_the_same_passage() -> None:
    a = [coded(10, 30, "x", "y")]
    b = [coded(10, 30, "x", "z", author="bo")]
    found = differences(a, b)
    assert spans(found) == [(10, 30, ("y",), ("z",))]
    assert found[0].a == tuple(a) and found[0].b == tuple(b)
    assert found[0].annotations(A) == tuple(a) and found[0].annotations(B) == tuple(b)


def test_runs_split_where_the_difference_changes() -> None:
    """A has x on 0-100 and y on 20-30, B nothing: three runs, each one kind of difference."""
    outer, inner = coded(0, 100, "x"), coded(20, 30, "y")
    found = differences([outer, inner], [])
    assert spans(found) == [
        (0, 20, ("x",), ()),
        (20, 30, ("x", "y"), ()),
        (30, 100, ("x",), ()),
    ]
    assert [d.a for d in found] == [(outer,), (outer, inner), (outer,)]


def test_a_run_lists_every_annotation_that_overlaps_it() -> None:
    """Two adjacent A passages with the same tag make one run concerning both."""
    first, second = coded(0, 10, "x"), coded(10, 20, "x")
    other = coded(5, 15, "q", author="bo")
    found = differences([first, second], [other])
    assert spans(found) == [
        (0, 5, ("x",), ()),
        (5, 15, ("x",), ("q",)),
        (15, 20, ("x",), ()),
    ]
    assert found[1].a == (first, second)
    assert found[1].b == (other,)


def test_gaps_between_differences_are_not_differences() -> None:
    found = differences([coded(0, 5, "x"), coded(10, 15, "x")], [])
    assert spans(found) == [(0, 5, ("x",), ()), (10, 15, ("x",), ())]


def test_note_only_and_empty_passages_make_no_difference() -> None:
    assert len(differences([coded(0, 10)], [coded(3, 3, "x", author="bo")])) == 0


def test_stepping_from_an_offset() -> None:
    found = differences([coded(0, 5, "x"), coded(10, 15, "x"), coded(20, 25, "x")], [])
    assert found.after(-1) == 0
    assert found.after(0) == 1
    assert found.after(12) == 2
    assert found.after(20) is None
    assert found.before(20) == 1
    assert found.before(0) is None
    assert found.before(100) == 2
    assert found.at(12) == 1
    assert found.at(7) is None
    assert found.at(25) is None


def _per_character(a: list[Annotation], b: list[Annotation], length: int) -> list[object]:
    """The difference at each character, computed the slow and obvious way."""
    result: list[object] = []
    for offset in range(length):
        tags_a = {t for x in a if x.start <= offset < x.end for t in x.tags}
        tags_b = {t for x in b if x.start <= offset < x.end for t in x.tags}
        result.append(
            None
            if tags_a == tags_b
            else (tuple(sorted(tags_a - tags_b)), tuple(sorted(tags_b - tags_a)))
        )
    return result


@pytest.mark.parametrize("seed", range(40))
def test_matches_a_per_character_brute_force(seed: int) -> None:
    chance = random.Random(seed)
    length = 120

    def some(author: str) -> list[Annotation]:
        made = []
        for number in range(chance.randrange(0, 12)):
            start = chance.randrange(0, length - 1)
            end = chance.randrange(start, min(length, start + 40) + 1)
            tags = chance.sample(["x", "y", "z", "w"], chance.randrange(0, 3))
            made.append(coded(start, end, *tags, author=author, id=f"{author}{number}"))
        return made

    a, b = some("ann"), some("bo")
    found = differences(a, b)
    expected = _per_character(a, b, length)
    got: list[object] = [None] * length
    for difference in found:
        assert difference.end > difference.start
        for offset in range(difference.start, difference.end):
            got[offset] = (difference.only_a, difference.only_b)
        # Every annotation concerned overlaps the run, and every one overlapping it is there.
        for side, group in ((A, a), (B, b)):
            overlapping = {
                x.id
                for x in group
                if x.start < x.end and x.start < difference.end and difference.start < x.end
            }
            assert {x.id for x in difference.annotations(side)} == overlapping
    assert got == expected
    # Maximal: two touching runs never carry the same difference.
    for left, right in pairwise(found):
        assert left.end < right.start or (left.only_a, left.only_b) != (
            right.only_a,
            right.only_b,
        )
    assert [d.start for d in found] == sorted(d.start for d in found)
