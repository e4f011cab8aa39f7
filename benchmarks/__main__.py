"""``python -m benchmarks [--quick] [--only NAME] [--json PATH]``: run, print, save.

Each ``benchmarks/bench_*.py`` module offers ``run(quick: bool) -> list[Row]``. The table
goes to stdout and the same figures to JSON (``benchmarks/results.json`` by default).
A benchmark never fails the run for missing a target: the table says so instead.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from importlib import import_module
from pathlib import Path

from benchmarks.core import Row

MODULES = (
    "bench_clean",
    "bench_store",
    "bench_server",
    "bench_reader",
    "bench_agreement",
    "bench_outline",
    "bench_report",
    "bench_findings",
    "bench_pairing",
)
DEFAULT_JSON = Path(__file__).resolve().parent / "results.json"


def format_value(value: float, unit: str) -> str:
    if unit == "ratio":
        return f"{value:.2f}x"
    return f"{value:.1f} {unit}" if value >= 10 else f"{value:.2f} {unit}"


def format_table(rows: list[Row]) -> str:
    header = ("figure", "median", "p95", "spread", "runs", "target", "met")
    lines = [
        (
            r.figure,
            format_value(r.median, r.unit),
            format_value(r.p95, r.unit),
            format_value(r.spread, r.unit),
            str(r.runs),
            r.target or "-",
            {True: "yes", False: "NO", None: "-"}[r.met],
        )
        for r in rows
    ]
    widths = [max(len(str(c)) for c in column) for column in zip(header, *lines, strict=False)]
    out = []
    for cells in [header, *lines]:
        out.append("  ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True)))
    out.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="tiny sizes, one run (smoke)")
    parser.add_argument("--only", choices=[m.removeprefix("bench_") for m in MODULES])
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, help="where to save")
    args = parser.parse_args(argv)
    rows: list[Row] = []
    started = time.perf_counter()
    for name in MODULES:
        if args.only and name != f"bench_{args.only}":
            continue
        print(f"running {name}{' (quick)' if args.quick else ''} ...", file=sys.stderr)
        module = import_module(f"benchmarks.{name}")
        rows.extend(module.run(args.quick))
    print(format_table(rows))
    report = {
        "quick": args.quick,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "seconds": round(time.perf_counter() - started, 1),
        "rows": [r.as_dict() for r in rows],
    }
    args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"saved {args.json}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
