"""``gloss export`` and ``gloss import``: annotations out to files other tools read, and
back in from another gloss or a REFI-QDA project (:mod:`tui.commands.refi_exchange`).
An export to a file is never left half-written; an import merges by id and duplicates
nothing. Nothing here imports Textual.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

from store import Annotation
from store.export import FORMATS, LABELS, export_annotations, interview_loader
from store.importing import read_annotations
from store.refi import is_project
from tui.commands.atomic import output_stream
from tui.commands.common import counted
from tui.commands.output import Progress, summary
from tui.commands.refi_exchange import export_qdpx, import_qdpx
from tui.commands.store_access import add_filters, filtered, open_store, store_command


def register(subparsers: Any) -> None:
    """Add ``export`` and ``import``."""
    _register_export(subparsers)
    _register_import(subparsers)


def _format_names() -> str:
    """The export formats as a person reads them: "CSV, JSON, JSONL or W3C JSON-LD"."""
    labels = [LABELS[fmt] for fmt in FORMATS]
    return f"{', '.join(labels[:-1])} or {labels[-1]}" if len(labels) > 1 else labels[0]


def _register_export(subparsers: Any) -> None:
    parser = store_command(
        subparsers,
        "export",
        run_export,
        help=f"export annotations as {_format_names()}",
        description=(
            "Export annotations with their interview's title, section, question and "
            "measure. CSV is UTF-8 with a header row; tags are joined with '; '. Cells "
            "that a spreadsheet would run as a formula (starting with =, +, -, @, tab or "
            "carriage return) get a leading apostrophe unless --no-neutralise is given."
        ),
    )
    parser.add_argument("--format", required=True, choices=FORMATS, help="output format")
    parser.add_argument(
        "-o", "--output", default="-", metavar="PATH", help="output file (default: - stdout)"
    )
    parser.add_argument(
        "--no-neutralise",
        "--no-neutralize",
        dest="neutralise",
        action="store_false",
        help="write formula-like cells as they are (only for trusted data)",
    )
    parser.add_argument(
        "--excel", action="store_true", help="start the file with a UTF-8 BOM for Excel"
    )
    add_filters(parser)


def _register_import(subparsers: Any) -> None:
    parser = store_command(
        subparsers,
        "import",
        run_import,
        help="merge annotations from a gloss JSON or JSONL export or a REFI-QDA project",
        description=(
            "Merge the annotations of a gloss JSON/JSONL export (or another gloss "
            "database) into the database, by id: new ids are added, known ids are "
            "replaced only by newer versions, and nothing is duplicated. A REFI-QDA "
            "project (.qdpx from NVivo, ATLAS.ti, MAXQDA, QualCoder) brings its codebook, "
            "its codings and its texts, written as UTF-8 files into --sources."
        ),
    )
    parser.add_argument("file", metavar="FILE")
    parser.add_argument(
        "--author", metavar="A", help="import only this author's annotations from FILE"
    )
    parser.add_argument(
        "--sources",
        metavar="DIR",
        help="where a REFI-QDA project's texts are written (default: <db name>-sources "
        "beside the database)",
    )
    parser.add_argument(
        "--outside-sources",
        action="store_true",
        help="read the texts a REFI-QDA project names outside its .qdpx (relative:// and "
        "absolute:// paths) from this computer; off by default, so a project from "
        "elsewhere cannot copy your other files into the database",
    )


def run_export(args: argparse.Namespace) -> int:
    with open_store(args, reading=True) as store:
        annotations = filtered(store, args)
        if args.format == "qdpx":
            export_qdpx(args, store, annotations)
            return 0
    progress = Progress(sys.stderr)
    if args.output == "-":
        _write_export(args, annotations, sys.stdout, progress)
        progress.done()
        return 0
    target = Path(args.output)
    written = _export_to_file(args, annotations, target, progress)
    progress.done()
    summary(f"exported {counted(written, 'annotation')} to {target}")
    return 0


def _write_export(
    args: argparse.Namespace, annotations: list[Annotation], stream: TextIO, progress: Progress
) -> int:
    """Write ``annotations`` to ``stream`` in the format and with the options asked for."""
    return export_annotations(
        annotations, interview_loader(), args.format, stream,
        neutralise=args.neutralise, excel=args.excel, progress=progress,
    )  # fmt: skip


def _export_to_file(
    args: argparse.Namespace, annotations: list[Annotation], target: Path, progress: Progress
) -> int:
    """Write through a temporary file renamed into place: never a half-written export."""
    with output_stream(target, newline="") as handle:
        return _write_export(args, annotations, handle, progress)


def run_import(args: argparse.Namespace) -> int:
    if is_project(Path(args.file)):
        import_qdpx(args)
        return 0
    incoming = read_annotations(Path(args.file))
    if args.author is not None:
        incoming = [a for a in incoming if a.author == args.author]
    with open_store(args) as store:
        result = store.import_annotations(incoming)
    print(
        f"imported {counted(len(incoming), 'annotation')}: {result.added} added, {result.updated} "
        f"updated, {result.merged} merged into existing passages, {result.unchanged} unchanged"
    )
    return 0
