"""Textual's private API is used only through ``tui/textual_private.py``.

Textual is pinned exactly, and that module lists what to recheck on an upgrade; the list
is only true if nothing else reaches into Textual's internals. Checked here: imports of a
private Textual module or name, and attribute accesses of a name Textual defines as
private (``x._line_cache``). A private name that gloss also defines for itself
(``self._width`` in a widget of ours) cannot be told apart by name and is not flagged.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import textual

from tests.conftest import ROOT

ALLOWED = ROOT / "tui" / "textual_private.py"
_DEFINED = (
    re.compile(r"self\.(_[a-z][a-z0-9_]*)\s*(?::[^=\n]*)?="),  # self._x = / self._x: T =
    re.compile(r"^\s*(?:async\s+)?def (_[a-z][a-z0-9_]*)\(", re.MULTILINE),
    re.compile(r"^\s+(_[a-z][a-z0-9_]*)\s*[:=]", re.MULTILINE),  # class attributes
)
_USED_BY_TEXTUAL = (re.compile(r"self\.(_[a-z][a-z0-9_]*)\b"), *_DEFINED[1:])


def names(paths: list[Path], patterns: tuple[re.Pattern[str], ...]) -> set[str]:
    found: set[str] = set()
    for path in paths:
        text = path.read_text(encoding="utf-8")
        for pattern in patterns:
            found.update(pattern.findall(text))
    return found


def our_files() -> list[Path]:
    return sorted(p for d in ("tui", "tests") for p in (ROOT / d).rglob("*.py") if p != ALLOWED)


def private_uses(path: Path, textual_private: set[str]) -> list[str]:
    uses = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("textual"):
            module = node.module or ""
            private = [a.name for a in node.names if a.name.startswith("_")]
            if re.search(r"\._", module) or private:
                uses.append(
                    f"{where}: from {module} import {', '.join(a.name for a in node.names)}"
                )
        elif isinstance(node, ast.Import):
            uses.extend(
                f"{where}: import {a.name}"
                for a in node.names
                if a.name.startswith("textual") and "._" in a.name
            )
        elif isinstance(node, ast.Attribute) and node.attr in textual_private:
            uses.append(f"{where}: .{node.attr}")
    return uses


def test_textual_private_api_only_in_its_module() -> None:
    textual_files = sorted(Path(textual.__file__).parent.rglob("*.py"))
    files = our_files()
    textual_private = names(textual_files, _USED_BY_TEXTUAL) - names(files, _DEFINED)
    assert "_line_cache" in textual_private  # the scan sees Textual's internals at all
    uses = [use for path in files for use in private_uses(path, textual_private)]
    assert uses == [], "use tui.textual_private (and say there what to recheck) for: " + "; ".join(
        uses
    )
