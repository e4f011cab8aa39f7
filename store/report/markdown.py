"""A report as Markdown for pandoc (and any CommonMark reader): headings, pipe tables,
passages as block quotes.

Text from the database is escaped by :mod:`store.markdown_text` so that it reads as the
words it is: ``<script>`` stays text and a ``|`` in a note cannot break a table.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import groupby
from operator import attrgetter
from typing import TextIO

from store.markdown_text import md, md_lines
from store.report.model import Agreement, Code, CodePassages, Matrix, Report, shorten

Progress = Callable[[int, int], None]


def render_markdown(report: Report, out: TextIO, progress: Progress | None = None) -> None:
    """Write ``report`` to ``out`` as Markdown."""
    write = out.write
    write("# Coding report\n\n")
    write(f"{md(report.scope)} in {md(report.database)}, {report.generated} UTC.\n\n")
    coders = f": {md(', '.join(report.coders))}" if report.coders else ""
    write(f"- {_counted(report.annotations, 'annotation')}\n")
    write(f"- {_counted(len(report.codes), 'code')}\n")
    write(f"- {_counted(len(report.interviews), 'interview')}\n")
    write(f"- {_counted(len(report.coders), 'coder')}{coders}\n\n")
    write("## Codebook\n\n")
    write(_codebook(report.codes) if report.codes else "*No codes.*\n")
    write("\n## Codes by interview\n\n")
    write("Passages coded with each code or a code below it, per interview (by id: its file name).")
    if report.orphaned:
        write(
            f" {_counted(report.orphaned, 'orphaned passage')} (whose place in the text was "
            "lost) are left out here and in the next table."
        )
    write("\n\n")
    write(_matrix(report.by_interview, lambda c: shorten(c, 40), False))
    write("\n## Co-occurring codes\n\n")
    write(
        "How often the two codes meet: pairs of passages in one interview, one coded with "
        "each, that overlap (a passage coded with both counts once). Codes that meet no "
        "other are left out.\n\n"
    )
    write(_matrix(report.cooccurrence, lambda c: c, True))
    if len(report.coders) > 1:
        write("\n## Agreement between coders\n\n")
        if report.agreement is not None:
            write(_agreement(report.agreement))
        else:
            write(f"*{md(report.agreement_missing)}*\n")
    write("\n## Passages by code\n")
    if not report.passages:
        write("\n*No passages.*\n")
    total = sum(len(section.passages) for section in report.passages)
    done = 0
    for section in report.passages:
        write(_section(section))
        done += len(section.passages)
        if progress is not None:
            progress(done, total)


def _counted(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _table(header: Sequence[str], align: str, rows: Sequence[Sequence[str]]) -> str:
    """A pipe table; ``align`` has one letter per column: l(eft) or r(ight)."""
    rule = ["---:" if a == "r" else "---" for a in align]
    lines = [header, rule, *rows]
    return "".join("| " + " | ".join(cells) + " |\n" for cells in lines)


def _codebook(codes: Sequence[Code]) -> str:
    header = ["Code", "Colour", "Description", "Passages", "With sub-codes", "Characters",
              "Interviews", "Coders"]  # fmt: skip
    return _table(header, "lllrrrrl", [_code_row(code) for code in codes])


def _code_row(code: Code) -> list[str]:
    figures = (code.passages, code.with_subcodes, code.characters, code.interviews)
    return [
        md(code.path),
        code.colour,
        md(code.description),
        *(f"{n:,}" for n in figures),
        md(", ".join(code.coders)),
    ]


def _matrix(matrix: Matrix, label: Callable[[str], str], diagonal: bool) -> str:
    if not matrix.rows or not matrix.columns:
        return "*Nothing to count.*\n"
    rows = [
        [md(row)]
        + [
            "–" if diagonal and column == row else f"{value:,}" if value else "·"
            for column, value in zip(matrix.columns, matrix.cells[r], strict=True)
        ]
        for r, row in enumerate(matrix.rows)
    ]
    header = ["Code", *(md(label(column)) for column in matrix.columns)]
    return _table(header, "l" + "r" * len(matrix.columns), rows)


def _agreement(agreement: Agreement) -> str:
    pair = len(agreement.coders) == 2
    statistic = "Cohen's kappa" if pair else "Krippendorff's alpha (nominal)"
    text = (
        f"Per code, each coder's coverage (share of characters coded), percent agreement "
        f"and {statistic}, every character of the clean text a unit, as `gloss agree` "
        f"counts them; pooled over {_counted(len(agreement.interviews), 'interview')}, "
        f"{agreement.characters:,} characters.\n\n"
    )
    if agreement.rows:
        header = ["Code", *(md(c) for c in agreement.coders), "Agreement",
                  "Kappa" if pair else "Alpha"]  # fmt: skip
        rows = [
            [
                md(row.tag),
                *(f"{share:.1%}" for share in row.coverage),
                f"{row.agreement:.1%}",
                f"{row.kappa if row.kappa is not None else row.alpha:.3f}",
            ]
            for row in agreement.rows
        ]
        text += _table(header, "l" + "r" * (len(agreement.coders) + 2), rows)
    else:
        text += "*No code was applied in the interviews pooled.*\n"
    for line in agreement.left_out:
        text += f"\n{md(line)}\n"
    return text


def _section(section: CodePassages) -> str:
    """A code's heading, then its passages under a heading per interview."""
    code = section.code
    parts = [f"\n### {md(code.path)} ({_counted(len(section.passages), 'passage')})\n"]
    if code.description:
        parts.append(f"\n*{md(code.description)}*\n")
    for interview, run in groupby(section.passages, key=attrgetter("interview")):
        passages = list(run)
        title = passages[0].title
        named = f" ({md(interview)})" if title != interview else ""
        parts.append(f"\n#### {md(title)}{named}\n")
        for p in passages:
            quote = md_lines(p.quote, "> ") or "> " + md(p.quote)
            meta = [f"**{md(p.coder)}**"]
            if p.question:
                meta.append(f"Q: {md(shorten(p.question, 200))}")
            if p.status == "orphaned":
                meta.append("*orphaned: its place in the text was lost*")
            parts.append(f"\n{quote}\n\n{' · '.join(meta)}\n")
            if p.note:
                parts.append(f"\n*Note:* {md_lines(p.note)}\n")
            also = [t for t in p.tags if t != code.path]
            if also:
                parts.append(f"\nAlso coded: {md(', '.join(also))}\n")
    return "".join(parts)
