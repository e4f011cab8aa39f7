"""How ``gloss retrieve``, ``stats`` and ``cooccur`` write what they found: Markdown, CSV,
JSON, and matrices laid out for a terminal.

Every text from the database (quotes, notes, codes, coders) is untrusted: on a terminal
control characters are shown as escapes; in Markdown, characters that would become
formatting or HTML are escaped (a note must not turn into a link or a script when the
file is rendered); in CSV, cells a spreadsheet would run as a formula get a leading
apostrophe, as ``gloss export`` does. A file named with ``-o`` is written through a
temporary file renamed into place (tui.commands.atomic), never left half-written.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from typing import TextIO

from store.export import neutralise_cell
from store.findings import RetrievedPassage
from store.markdown_text import md, md_code
from tui.commands.output import printable

FALLBACK_WIDTH = 80
"""Columns assumed when the output is not a terminal (a pipe, a file)."""


def terminal_width() -> int:
    return shutil.get_terminal_size((FALLBACK_WIDTH, 24)).columns


def cell(text: str, neutralise: bool) -> str:
    """A CSV cell of untrusted text: formula starts neutralised unless told otherwise."""
    return neutralise_cell(text) if neutralise else text


def markdown_text(text: str) -> str:
    """``text`` as literal Markdown (``store.markdown_text``, as the report writes it):
    formatting characters and HTML escaped, control characters shown as escapes, each
    line kept."""
    return "\n".join(md(line) for line in text.splitlines())


def retrieved_markdown(code: str, passages: Sequence[RetrievedPassage], out: TextIO) -> None:
    """The passages under their interview and question, each with coder, codes and note."""
    out.write(f"# {markdown_text(code)}\n\n")
    out.write(f"{len(passages)} passage{'' if len(passages) == 1 else 's'}\n")
    interview = question = None
    for p in passages:
        if p.interview != interview:
            interview, question = p.interview, None
            title = markdown_text(p.title)
            named = title if p.title == p.interview else f"{title} ({markdown_text(p.interview)})"
            out.write(f"\n## {named}\n")
        asked = p.question if p.question is not None else ""
        if asked != question:
            question = asked
            shown = markdown_text(" ".join(asked.split())) if asked else _no_question(p)
            out.write(f"\n### {shown}\n")
        quote = "\n".join(f"> {markdown_text(line)}" for line in p.quote.splitlines() or [""])
        codes = ", ".join(md_code(t) for t in p.matched)
        status = "" if p.status == "anchored" else f" · {p.status}"
        out.write(
            f"\n{quote}\n\n— {markdown_text(p.coder)} · {codes} · {p.start}–{p.end}{status}\n"
        )
        if p.note:
            note = markdown_text(p.note).replace("\n", "  \n")
            out.write(f"\nNote: {note}\n")


def _no_question(passage: RetrievedPassage) -> str:
    if passage.located:
        return "(outside any question)"
    return "(question unknown: the interview's text cannot be read or has changed)"


RETRIEVED_COLUMNS = (
    "interview", "title", "question", "start", "end", "quote", "coder", "note", "tags",
    "matched", "status", "id",
)  # fmt: skip


def retrieved_row(p: RetrievedPassage, neutralise: bool) -> list[str | int]:
    def text(value: str) -> str:
        return cell(value, neutralise)

    return [
        text(p.interview), text(p.title), text(p.question or ""), p.start, p.end,
        text(p.quote), text(p.coder), text(p.note), text("; ".join(p.tags)),
        text("; ".join(p.matched)), p.status, p.annotation_id,
    ]  # fmt: skip


def retrieved_public(p: RetrievedPassage) -> dict[str, object]:
    return {
        "id": p.annotation_id, "interview": p.interview, "title": p.title,
        "question": p.question, "question_index": p.question_index, "section": p.section,
        "start": p.start, "end": p.end, "quote": p.quote, "coder": p.coder, "note": p.note,
        "tags": list(p.tags), "matched": list(p.matched), "status": p.status,
        "located": p.located,
    }  # fmt: skip


def matrix_lines(
    rows: Sequence[str], columns: Sequence[str], cells: Sequence[Sequence[str]], width: int
) -> list[str] | None:
    """A matrix as aligned lines fitting ``width`` columns, or None if it cannot fit.

    A column heading much wider than its cells is replaced by a number, listed under the
    matrix (``[1] 000_c9713b0c270de763``). Labels keep their leading spaces (a tree's
    indentation); all text is printed safely.
    """
    safe_rows = [" " * (len(r) - len(r.lstrip(" "))) + printable(r) for r in rows]
    safe_columns = [printable(c) for c in columns]
    widths = [max([len(row[i]) for row in cells] or [1]) for i in range(len(columns))]
    long = [len(c) > max(w, 6) for c, w in zip(safe_columns, widths, strict=True)]
    numbers = iter(range(1, len(columns) + 1))
    headings = [
        f"[{next(numbers)}]" if wide else c for c, wide in zip(safe_columns, long, strict=True)
    ]
    widths = [max(w, len(h)) for w, h in zip(widths, headings, strict=True)]
    label = max([len(r) for r in safe_rows] + [4])
    if label + sum(w + 2 for w in widths) > width:
        return None
    pairs = list(zip(headings, widths, strict=True))
    lines = ["".ljust(label) + "".join("  " + h.rjust(w) for h, w in pairs)]
    for name, values in zip(safe_rows, cells, strict=True):
        row = "".join("  " + v.rjust(w) for v, w in zip(values, widths, strict=True))
        lines.append(name.ljust(label) + row)
    legend = [(h, c) for h, c, wide in zip(headings, safe_columns, long, strict=True) if wide]
    if legend:
        lines += ["", *(f"{h} {c}" for h, c in legend)]
    return [line.rstrip() for line in lines]


def aligned(
    header: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[int]
) -> list[str]:
    """Columns aligned to their widest cell; ``numeric`` ones to the right."""
    table = [list(header), *([printable(c) for c in row] for row in rows)]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    return [
        "  ".join(
            c.rjust(widths[i]) if i in numeric else c.ljust(widths[i]) for i, c in enumerate(row)
        ).rstrip()
        for row in table
    ]


def short_number(value: int) -> str:
    """``1234567`` -> ``1.2M``, ``45210`` -> ``45k``, ``999`` -> ``999``: for narrow cells."""
    if value >= 1_000_000:
        return f"{value / 1_000_000:.1f}M"
    if value >= 10_000:
        return f"{value // 1000}k"
    if value >= 1000:
        return f"{value / 1000:.1f}k"
    return str(value)
