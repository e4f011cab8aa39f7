"""The findings screens' rules without a screen: coder cycling, and which interviews to
show so that a passage opened from a findings screen lands in the active reader."""

from __future__ import annotations

from tui.session.findings import next_coder, pair_showing


def test_coders_cycle_through_everyone_then_each_then_everyone() -> None:
    seen, current = [], None
    for _ in range(4):
        current = next_coder(["ann", "bob", "chen"], current)
        seen.append(current)
    assert seen == ["ann", "bob", "chen", None]
    assert next_coder([], None) is None
    assert next_coder(["ann"], "gone") is None  # a coder no longer there: back to everyone


def test_a_passage_takes_the_active_readers_place() -> None:
    ids = ["a", "b", "c", "d"]
    assert pair_showing(ids, (0, 1), 0, "c") == (2, 1)
    assert pair_showing(ids, (0, 1), 1, "c") == (0, 2)


def test_nothing_to_change_when_shown_or_unknown() -> None:
    assert pair_showing(["a", "b", "c"], (0, 1), 0, "b") is None
    assert pair_showing(["a", "b"], (0, 1), 0, "zzz") is None


def test_one_interview_open_keeps_it_beside_the_new_one() -> None:
    assert pair_showing(["a", "b"], (0, 0), 0, "b") == (0, 1)
