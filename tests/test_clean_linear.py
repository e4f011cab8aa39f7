"""The cleaner on text that is nothing but noise: no crash, no symbol left, offsets exact."""

from __future__ import annotations

import random
from itertools import pairwise

import pytest

from corpus import clean_text
from corpus.cleaning.symbols import NOISE_ASCII, NOISE_SYMBOL_RUN, SEEN_SYMBOLS


def symbol_noise(size: int, *, seed: int, line: int = 0) -> str:
    """``size`` characters drawn from the noise's own alphabet; a line break every ``line``."""
    rng = random.Random(seed)
    text = "".join(rng.choice(SEEN_SYMBOLS + NOISE_ASCII) for _ in range(size))
    if not line:
        return text
    return "\n".join(text[i : i + line] for i in range(0, len(text), line))


@pytest.mark.parametrize("line", [0, 7, 80])
def test_pure_noise_cleans_to_no_symbols(line: int) -> None:
    for seed in range(3):
        raw = symbol_noise(3000, seed=seed, line=line)
        clean = clean_text(raw)
        assert not NOISE_SYMBOL_RUN.search(clean.text)
        assert len(clean.text) < len(raw) / 3
        offsets = list(clean.raw_offsets)
        assert len(offsets) == len(clean.text) + 1
        assert all(a < b for a, b in pairwise(offsets))
        assert all(raw[offsets[i]] == char for i, char in enumerate(clean.text))
