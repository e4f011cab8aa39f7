"""``python -m benchmarks.outline_floors [--lower]``: write each transcript's F1 floors.

``tests/transcripts/floors.json`` holds, per real transcript, the F1 of its headings,
questions and measures that the parser reached when the floors were last written (rounded
down to two decimals); ``tests/test_outline_floors.py`` fails when a file scores below
its floor. Whoever improves the parser raises the floors with this one command. A floor
is never lowered in passing: a file that now scores below its floor is reported and the
command fails, unless ``--lower`` says the drop was looked into and is meant.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

from benchmarks.bench_outline import KINDS, TRANSCRIPTS, FileScore, score_all

FLOORS = TRANSCRIPTS / "floors.json"

Floors = dict[str, dict[str, float]]
"""Transcript file name -> kind ("headings", "questions", "measures") -> lowest F1 allowed."""


def round_down(f1: float) -> float:
    """``f1`` rounded down to two decimals (0.879 -> 0.87; 1.0 stays 1.0)."""
    return math.floor(f1 * 100 + 1e-9) / 100


def current_floors(results: list[FileScore] | None = None) -> Floors:
    """The floors the parser reaches now, for every readable real transcript."""
    floors: Floors = {}
    for result in results if results is not None else score_all():
        if result.bundled or result.score is None:
            continue
        name = f"{result.name}{result.suffix}"
        floors[name] = {kind: round_down(getattr(result.score, kind).f1) for kind in KINDS}
    return floors


def read_floors(path: Path = FLOORS) -> Floors:
    data: Floors = json.loads(path.read_text(encoding="utf-8"))
    return data


def changes(old: Floors, new: Floors) -> tuple[list[str], list[str]]:
    """Lines saying which floors would rise and which would fall, ``old`` to ``new``."""
    raised: list[str] = []
    lowered: list[str] = []
    for name in sorted(set(old) | set(new)):
        for kind in KINDS:
            before = old.get(name, {}).get(kind)
            after = new.get(name, {}).get(kind)
            if before == after:
                continue
            line = f"{name}: {kind} {before if before is not None else '-'} -> {after}"
            if after is not None and before is not None and after < before:
                lowered.append(line)
            else:
                raised.append(line)
    return raised, lowered


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.outline_floors", description=__doc__
    )
    parser.add_argument(
        "--lower", action="store_true", help="also lower floors the parser no longer reaches"
    )
    parser.add_argument("--path", type=Path, default=FLOORS, help="the floors file to write")
    args = parser.parse_args(argv)
    old = read_floors(args.path) if args.path.exists() else {}
    new = current_floors()
    raised, lowered = changes(old, new)
    for line in raised:
        print(f"floor set: {line}")
    for line in lowered:
        print(f"floor LOWERED: {line}", file=sys.stderr)
    if lowered and not args.lower:
        print(
            f"{args.path}: not written, {len(lowered)} floor(s) would fall; find out why the "
            "parser scores lower, or pass --lower if the drop is meant",
            file=sys.stderr,
        )
        return 1
    args.path.write_text(json.dumps(new, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.path} ({len(new)} transcripts)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
