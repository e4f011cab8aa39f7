"""A synthetic twin of the symbol noise in the user's seed interview, for tests and benchmarks.

Statistics measured on ``000_c9713b0c270de763.txt`` (434 runs in 13,340 clean characters):

* about one run per 31 clean characters (``RATE``);
* run lengths 1-4, mostly 2-4 (``RUN_LENGTHS``);
* each run character drawn from the 46 non-ASCII symbols of the seed, the six ASCII
  signs ``$ & < > ' "`` (each about as common as one symbol), and the space (about four
  times as common);
* three runs in four fall inside a word or number, the rest beside a space or
  punctuation; never at a line's start or inside a line break.

``inject_noise`` is deterministic per seed and never touches line breaks, so the clean
text can be recovered as the reference of a character error rate.
"""

from __future__ import annotations

import random

SYMBOLS = "£¥§©®±¶×÷Ωαβγδελπσφ•₩€₹₽™←↑→↓↔↕∏∑∞≈≠≤≥★☆♠♣♥♦✔✘"
ASCII_SIGNS = "$&<>'\""
ALPHABET = SYMBOLS + ASCII_SIGNS + "    "
"""Uniform over this string: the space is listed four times, as in the seed."""
RATE = 0.0325
RUN_LENGTHS = (1, 2, 3, 4)
RUN_WEIGHTS = (0.045, 0.39, 0.33, 0.235)
INSIDE_WORD_WEIGHT = 1.0
EDGE_WEIGHT = 0.9
"""Relative chance of a run landing beside a space or punctuation rather than in a word
(321 of the seed's 434 runs are inside a word or number)."""
_MEAN_WEIGHT = 0.97
"""Average weight over the positions of interview prose, to keep the overall rate."""


def inject_noise(text: str, *, seed: int, rate: float = RATE) -> str:
    """Return ``text`` with symbol-noise runs inserted, deterministically for ``seed``."""
    rng = random.Random(seed)
    out: list[str] = []
    for index, char in enumerate(text):
        if index > 0 and char != "\n" and text[index - 1] != "\n":
            inside = char.isalnum() and text[index - 1].isalnum()
            weight = INSIDE_WORD_WEIGHT if inside else EDGE_WEIGHT
            if rng.random() < rate * weight / _MEAN_WEIGHT:
                length = rng.choices(RUN_LENGTHS, RUN_WEIGHTS)[0]
                out.append("".join(rng.choice(ALPHABET) for _ in range(length)))
        out.append(char)
    return "".join(out)


def strip_to_reference(text: str) -> str:
    """Collapse whitespace runs to one space, as the character error rate is measured."""
    return " ".join(text.split())


def character_error_rate(cleaned: str, reference: str) -> float:
    """Levenshtein distance over reference length, after collapsing whitespace."""
    from rapidfuzz.distance import Levenshtein

    ref = strip_to_reference(reference)
    return Levenshtein.distance(strip_to_reference(cleaned), ref) / max(1, len(ref))


def symbol_noise(size: int, *, seed: int, line: int = 0) -> str:
    """``size`` characters of nothing but noise: the seed's symbols, the ASCII signs and
    the space, uniformly; a line break after every ``line`` of them (0: one long line)."""
    rng = random.Random(seed)
    alphabet = SYMBOLS + ASCII_SIGNS + " "
    table = dict(enumerate(alphabet))
    block = 1 << 16  # drawn a block at a time, as bytes: no object per character
    text = "".join(
        bytes(rng.choices(range(len(alphabet)), k=min(block, size - at)))
        .decode("latin-1")
        .translate(table)
        for at in range(0, size, block)
    )
    if not line:
        return text
    return "\n".join(text[at : at + line] for at in range(0, len(text), line))
