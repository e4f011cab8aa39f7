"""What every benchmark module shares: timing, statistics, and one row of the results table."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class Row:
    """One figure of the results table."""

    figure: str
    """What was measured, e.g. 'store: add one annotation (50k stored)'."""
    median: float
    p95: float
    spread: float
    """Interquartile range of the samples, in ``unit``."""
    unit: str
    """'ms', 's', 'ratio' or 'MiB'."""
    runs: int
    target: str
    """The target as text, e.g. '<= 20 ms p95'; empty when the figure only informs."""
    met: bool | None
    """Whether the target was met; None when there is no target."""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def time_calls(call: Callable[[], object], runs: int, warmup: int = 1) -> list[float]:
    """Wall-clock seconds of ``runs`` calls, after ``warmup`` untimed ones."""
    for _ in range(warmup):
        call()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        samples.append(time.perf_counter() - started)
    return samples


def cpu_calls(call: Callable[[], object], runs: int) -> list[float]:
    """CPU seconds of this process for each of ``runs`` calls, after one untimed: on a
    machine other jobs share, wall-clock medians grow with their load, CPU time less."""
    call()
    samples = []
    for _ in range(runs):
        started = time.process_time()
        call()
        samples.append(time.process_time() - started)
    return samples


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def spread(samples: list[float]) -> float:
    if len(samples) < 4:
        return max(samples) - min(samples) if samples else 0.0
    quartiles = statistics.quantiles(samples, n=4)
    return quartiles[2] - quartiles[0]


def row(
    figure: str,
    samples: list[float],
    *,
    unit: str,
    scale: float = 1.0,
    target: str = "",
    limit: float | None = None,
    by: str = "median",
) -> Row:
    """A row from raw samples; ``scale`` converts them to ``unit`` (1000 for s -> ms).

    ``limit`` is the target in ``unit``, checked against the median or, with
    ``by='p95'``, the 95th percentile.
    """
    scaled = [s * scale for s in samples]
    median = statistics.median(scaled)
    p95 = percentile(scaled, 0.95)
    checked = p95 if by == "p95" else median
    return Row(
        figure=figure,
        median=median,
        p95=p95,
        spread=spread(scaled),
        unit=unit,
        runs=len(scaled),
        target=target,
        met=None if limit is None else checked <= limit,
    )
