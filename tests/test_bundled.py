"""The user's seed interviews ship with gloss byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus import bundled_paths

SHARED_SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"


def test_two_interviews_are_bundled() -> None:
    assert [p.name for p in bundled_paths()] == [
        "000_c9713b0c270de763.txt",
        "004_2a78cebe821b9ac3.txt",
    ]


@pytest.mark.skipif(not SHARED_SEEDS.is_dir(), reason="../shared/seeds is not beside the clone")
def test_bundled_copies_are_byte_for_byte() -> None:
    for path in bundled_paths():
        assert path.read_bytes() == (SHARED_SEEDS / path.name).read_bytes()
