"""The cleaner on text that is nothing but noise, and on texts long enough to be cleaned
a piece at a time: no crash, no symbol left, offsets exact, the same result as in one go."""

from __future__ import annotations

import subprocess
import sys
from itertools import pairwise
from pathlib import Path

import pytest

from corpus import clean_text
from corpus.cleaning import clean
from corpus.cleaning.symbols import NOISE_SYMBOL_RUN
from tests.synthetic_noise import inject_noise, symbol_noise

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "corpus" / "bundled").glob("*.txt")) + sorted(
    (ROOT / "tests" / "data").glob("*.txt")
)


def assert_maps_back(raw: str, text: str, offsets: list[int]) -> None:
    assert len(offsets) == len(text) + 1
    assert offsets[-1] == len(raw)
    assert all(a < b for a, b in pairwise(offsets))
    assert all(raw[offsets[i]] == char for i, char in enumerate(text) if char != "\n")


@pytest.mark.parametrize("line", [0, 7, 80])
def test_pure_noise_cleans_to_no_symbols(line: int) -> None:
    for seed in range(3):
        raw = symbol_noise(3000, seed=seed, line=line)
        cleaned = clean_text(raw)
        assert not NOISE_SYMBOL_RUN.search(cleaned.text)
        assert len(cleaned.text.replace("\n", "")) < len(raw) / 10
        assert_maps_back(raw, cleaned.text, list(cleaned.raw_offsets))


def test_noise_stretch_between_words_leaves_them_apart() -> None:
    raw = "the first" + symbol_noise(200, seed=1).replace("\n", "") + " step"
    assert clean_text(raw).text.split() == ["the", "first", "step"]


def noisy_interviews(size: int) -> str:
    texts = [path.read_text(encoding="utf-8") for path in SOURCES]
    parts = []
    while sum(map(len, parts)) < size:
        parts.append(inject_noise(texts[len(parts) % len(texts)], seed=len(parts)))
    return "\n".join(parts)


@pytest.mark.parametrize("piece", [2_000, 9_000])
def test_a_long_text_cleaned_in_pieces_is_cleaned_as_in_one_go(
    piece: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = noisy_interviews(60_000) + "\r\nA: last\x1b[31m line\r\n" + symbol_noise(500, seed=3)
    whole = clean_text(raw)
    monkeypatch.setattr(clean, "PIECE", piece)
    assert len(list(clean._pieces(raw, piece))) > 3
    pieces = clean_text(raw)
    assert pieces.text == whole.text
    assert list(pieces.raw_offsets) == list(whole.raw_offsets)
    assert_maps_back(raw, pieces.text, list(pieces.raw_offsets))


BOUNDED = """
import sys
from corpus import clean_text
from tests.synthetic_noise import symbol_noise

raw = symbol_noise(int(sys.argv[1]), seed=0, line=int(sys.argv[2]))
clean_text(raw)
peak = [int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM")][0]
print(len(raw), peak)
"""


@pytest.mark.slow
@pytest.mark.parametrize("line", [0, 80])
def test_ten_megabytes_of_noise_clean_in_bounded_memory(line: int) -> None:
    """A guard against memory growing with the text: 10 MB used to take over a gigabyte."""
    done = subprocess.run(
        [sys.executable, "-c", BOUNDED, "10000000", str(line)],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
        cwd=ROOT,
    )
    size, peak_kib = map(int, done.stdout.split())
    assert size >= 10_000_000
    assert peak_kib < 500 * 1024
