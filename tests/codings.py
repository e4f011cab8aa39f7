"""Synthetic codings for tests of what is computed from annotations (agreement,
findings): one coder's tags on a span of a named interview, nothing else set."""

from __future__ import annotations

from store.model import Annotation, Status


def coding(
    author: str,
    start: int,
    end: int,
    *tags: str,
    interview: str = "one",
    status: Status = "anchored",
) -> Annotation:
    return Annotation(
        id=f"{author}-{interview}-{start}-{end}-{'+'.join(tags)}",
        interview=interview, fingerprint="f", start=start, end=end, exact="", prefix="",
        suffix="", raw_start=start, raw_end=end, tags=tuple(tags), note="", author=author,
        created="2026-01-01T00:00:00.000Z", updated="2026-01-01T00:00:00.000Z", status=status,
    )  # fmt: skip
