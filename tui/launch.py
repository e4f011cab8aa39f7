"""Starting the reader from parsed arguments. PLACEHOLDER: the reader helper fills this in."""

from __future__ import annotations

import argparse
import sys


def run_reader(args: argparse.Namespace) -> int:
    print("gloss: the reader is not built yet", file=sys.stderr)
    return 1
