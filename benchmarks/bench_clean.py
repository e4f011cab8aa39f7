"""Cleaning a big noisy interview: speed, and whether it grows linearly with size.

Target (from the task): ``clean_text`` plus the outline of a 1 MB noisy interview takes
<= 1 s, and the cost scales linearly (1 MB costs about four times 250 KB).

The inputs are the bundled clean seed and the composed test interviews, each copy with
fresh synthetic noise from ``tests.synthetic_noise`` (the same generator the tests
measure accuracy with), joined to the wanted size. The first call, which loads the word
frequency list, is a warm-up and is not timed.
"""

from __future__ import annotations

from pathlib import Path

from benchmarks.core import Row, row, time_calls
from corpus import build_outline, clean_text
from tests.synthetic_noise import inject_noise

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (
    ROOT / "corpus" / "bundled" / "004_2a78cebe821b9ac3.txt",
    ROOT / "tests" / "data" / "composed_interview.txt",
    ROOT / "tests" / "data" / "composed_interview_2.txt",
    ROOT / "tests" / "data" / "composed_interview_3.txt",
)


def noisy_interview(size: int) -> str:
    """About ``size`` characters of noisy interview prose, cut at a line end."""
    texts = [path.read_text(encoding="utf-8") for path in SOURCES]
    parts: list[str] = []
    total = 0
    seed = 0
    while total < size:
        part = inject_noise(texts[seed % len(texts)], seed=seed)
        parts.append(part)
        total += len(part) + 1
        seed += 1
    text = "\n".join(parts)
    cut = text.rfind("\n", 0, size)
    return text[: cut if cut > 0 else size]


def _size_label(size: int) -> str:
    return f"{size / 1_000_000:g} MB" if size >= 1_000_000 else f"{size // 1000} KB"


def run(quick: bool) -> list[Row]:
    small_size, big_size = (25_000, 100_000) if quick else (250_000, 1_000_000)
    runs = 1 if quick else 5
    small, big = noisy_interview(small_size), noisy_interview(big_size)
    label = {size: _size_label(size) for size in (small_size, big_size)}

    def clean_and_outline() -> None:
        build_outline(clean_text(big).text)

    small_samples = time_calls(lambda: clean_text(small), runs)
    big_samples = time_calls(lambda: clean_text(big), runs)
    both_samples = time_calls(clean_and_outline, runs)
    rows = [
        row(f"clean: clean_text, {label[small_size]} noisy", small_samples, unit="s"),
        row(f"clean: clean_text, {label[big_size]} noisy", big_samples, unit="s"),
        row(
            f"clean: clean_text + outline, {label[big_size]} noisy",
            both_samples,
            unit="s",
            target="<= 1 s" if not quick else "",
            limit=1.0 if not quick else None,
        ),
    ]
    ratios = [b / s for b, s in zip(sorted(big_samples), sorted(small_samples), strict=True)]
    rows.append(
        row(
            f"clean: time ratio {label[big_size]} / {label[small_size]} (linear = 4)",
            ratios,
            unit="ratio",
            target="<= 5x",
            limit=5.0,
        )
    )
    return rows
