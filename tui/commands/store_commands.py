"""``gloss annotate/list/tags/export/import/reanchor/compact``: the store for scripts.

Thin wrappers over :mod:`store`: parse, call, print. A change is reported (``annotate``
prints the new id and exits 0) only once the store has made it durable. Text from the
database (quotes, notes, tag names) is printed with control characters made visible, so
a hostile note can never send escape sequences to the terminal. Nothing here imports
Textual.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any, TextIO

from corpus import Interview, escape_unsafe, find_text
from store import (
    STATUSES,
    Annotation,
    AnnotationStore,
    StoreError,
    TagInfo,
    resolve_author,
    resolve_db_path,
)
from store.codec import to_public
from store.export import FORMATS, export_annotations, interview_loader
from store.importing import read_annotations
from tui.commands.common import (
    AUTHOR_FILTER_HELP,
    AUTHOR_HELP,
    Handler,
    add_db_option,
    check_own_file,
    counted,
    interview_id_in,
    load_named_interview,
    load_named_interviews,
)

PROGRESS_AFTER = 0.5
"""Seconds an export runs silently before it starts showing progress on stderr."""


def register(subparsers: Any) -> None:
    """Add the store's subcommands."""
    _register_annotate(subparsers)
    _register_list(subparsers)
    _register_tags(subparsers)
    _register_export(subparsers)
    _register_import(subparsers)
    _register_reanchor(subparsers)
    _register_compact(subparsers)


# -- parsers --------------------------------------------------------------------------


def _command(
    subparsers: Any, name: str, handler: Handler, *, help: str, description: str
) -> argparse.ArgumentParser:
    """The parser of one store subcommand, with its handler and its ``--db``.

    Every store command reads or writes the database, so each gets ``--db`` here rather
    than remembering to add it.
    """
    parser: argparse.ArgumentParser = subparsers.add_parser(
        name, help=help, description=description
    )
    add_db_option(parser)
    parser.set_defaults(handler=handler)
    return parser


def _add_filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--tag", metavar="T", help="only this tag (and the tags below it)")
    parser.add_argument(
        "--interview",
        metavar="I",
        help="only this interview: its id, the start of it (000) or its file",
    )
    parser.add_argument("--author", metavar="A", help=AUTHOR_FILTER_HELP)
    parser.add_argument(
        "--status", choices=STATUSES, help="only annotations with this anchoring status"
    )


def _register_annotate(subparsers: Any) -> None:
    parser = _command(
        subparsers,
        "annotate",
        run_annotate,
        help="annotate a quoted passage of an interview",
        description=(
            "Annotate the passage of INTERVIEW's clean text that matches --quote (runs of "
            "whitespace in the quote match any whitespace). Prints the annotation's id "
            "alone on stdout, once it is safely on disk. Annotating a passage you (--author) "
            "annotated already adds the tags to your annotation instead of making another; "
            "another coder's annotation of it stays theirs and you get your own."
        ),
    )
    parser.add_argument("interview", metavar="INTERVIEW", help="bundled interview id or file")
    parser.add_argument("--quote", required=True, metavar="TEXT", help="the passage to annotate")
    parser.add_argument(
        "--occurrence",
        type=int,
        default=1,
        metavar="N",
        help="annotate the Nth occurrence of the quote (default: the first)",
    )
    parser.add_argument(
        "--tag", action="append", default=[], metavar="T", help="a tag path; repeat for more"
    )
    parser.add_argument("--note", default="", metavar="TEXT", help="a note (may span lines)")
    parser.add_argument("--author", metavar="NAME", help=AUTHOR_HELP)


def _register_list(subparsers: Any) -> None:
    parser = _command(
        subparsers,
        "list",
        run_list,
        help="list annotations",
        description=(
            "List annotations in text order as a table, or with --json as a JSON array. "
            "Orphaned annotations (their passage was not found after the text changed) "
            "are listed with status 'orphaned': find them with --status orphaned."
        ),
    )
    _add_filters(parser)
    parser.add_argument("--json", action="store_true", help="machine-readable output")


def _register_tags(subparsers: Any) -> None:
    parser = _command(
        subparsers,
        "tags",
        run_tags,
        help="list, describe, rename, merge or delete tags",
        description=(
            "With no action, list the tags with their use counts (with --author, that "
            "author's uses). Tags are paths ('policy/tax-relief'): renaming, merging or "
            "deleting a tag does the same to the tags below it, in every annotation of "
            "every author, as the codebook is shared."
        ),
    )
    parser.add_argument("--json", action="store_true", help="machine-readable listing")
    parser.add_argument("--author", metavar="A", help="count only this author's uses")
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    rename = actions.add_parser("rename", help="rename a tag everywhere (refused if NEW exists)")
    rename.add_argument("old", metavar="OLD")
    rename.add_argument("new", metavar="NEW")
    merge = actions.add_parser("merge", help="move every use of tag A onto tag B")
    merge.add_argument("source", metavar="A")
    merge.add_argument("target", metavar="B")
    delete = actions.add_parser("delete", help="delete a tag (refused while in use)")
    delete.add_argument("tag", metavar="T")
    delete.add_argument("--force", action="store_true", help="remove it from annotations too")
    describe = actions.add_parser("describe", help="set a tag's description and/or colour")
    describe.add_argument("tag", metavar="T")
    describe.add_argument("--description", metavar="TEXT", help="'' clears it")
    describe.add_argument("--colour", "--color", metavar="COLOUR", help="#rrggbb or a name")
    for action in (rename, merge, delete, describe):
        add_db_option(action)


def _register_export(subparsers: Any) -> None:
    parser = _command(
        subparsers,
        "export",
        run_export,
        help="export annotations as CSV, JSON or JSON Lines",
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
    _add_filters(parser)


def _register_import(subparsers: Any) -> None:
    parser = _command(
        subparsers,
        "import",
        run_import,
        help="merge annotations from a gloss JSON or JSONL export",
        description=(
            "Merge the annotations of a gloss JSON/JSONL export (or another gloss "
            "database) into the database, by id: new ids are added, known ids are "
            "replaced only by newer versions, and nothing is duplicated."
        ),
    )
    parser.add_argument("file", metavar="FILE")
    parser.add_argument(
        "--author", metavar="A", help="import only this author's annotations from FILE"
    )


def _register_reanchor(subparsers: Any) -> None:
    parser = _command(
        subparsers,
        "reanchor",
        run_reanchor,
        help="find annotations again in interviews whose text changed",
        description=(
            "Re-anchor the annotations of each interview whose text changed since they "
            "were made, and list those that could not be found (orphaned, kept)."
        ),
    )
    parser.add_argument("files", nargs="+", metavar="INTERVIEW", help="bundled ids or files")


def _register_compact(subparsers: Any) -> None:
    _command(
        subparsers,
        "compact",
        run_compact,
        help="fold the journal into the database file (before a backup, say)",
        description=(
            "Changes are appended to '<db>.journal' and folded into the database file "
            "now and then. This folds them in now, so that the database file alone holds "
            "everything: for a backup, or for reading it with plain TinyDB."
        ),
    )


# -- handlers -------------------------------------------------------------------------


def _open(args: argparse.Namespace, *, reading: bool = False) -> AnnotationStore:
    """The database of ``--db``. A command that only reads (or changes only what is in
    it) passes ``reading``: a database that is not there is refused rather than made
    (a mistyped --db), and one in a read-only place is read without its lock."""
    return AnnotationStore.open(resolve_db_path(args.db), reading=reading)


def find_quote(interview: Interview, quote: str, occurrence: int) -> tuple[int, int]:
    """The span of the Nth occurrence of ``quote``; whitespace runs match any whitespace."""
    if not quote.split():
        raise StoreError("--quote is empty; give the passage to annotate")
    if occurrence < 1:
        raise StoreError(f"--occurrence {occurrence}: count from 1")
    found = find_text(interview.text, quote, ignore_case=False)
    if occurrence <= len(found):
        span = found[occurrence - 1]
        return span.start, span.end
    shown = printable(quote, 60)
    if not found:
        raise StoreError(
            f"{interview.id}: quote {shown!r} is not in the clean text; check it with "
            f"'gloss clean {interview.id}'"
        )
    raise StoreError(
        f"{interview.id}: quote {shown!r} occurs {len(found)} time(s); --occurrence "
        f"{occurrence} is too big"
    )


def run_annotate(args: argparse.Namespace) -> int:
    if not args.tag and not args.note.strip():
        raise StoreError(
            "annotate: give a --tag T (repeat for more) or a --note TEXT; an annotation "
            "with neither says nothing"
        )
    interview = load_named_interview(args.interview)
    start, end = find_quote(interview, args.quote, args.occurrence)
    author = resolve_author(args.author)
    with _open(args) as store:
        check_own_file(store, interview)
        change = store.add(interview, start, end, tags=args.tag, note=args.note, author=author)
    print(change.annotation.id)
    return 0


def _filtered(store: AnnotationStore, args: argparse.Namespace) -> list[Annotation]:
    interview = interview_id_in(store, args.interview)
    return store.annotations(
        interview=interview, tag=args.tag, author=args.author, status=args.status
    )


def run_list(args: argparse.Namespace) -> int:
    with _open(args, reading=True) as store:
        annotations = _filtered(store, args)
    if args.json:
        json.dump([to_public(a) for a in annotations], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    rows = [
        [
            a.id[:8],
            a.interview,
            f"{a.start}-{a.end}",
            ", ".join(a.tags),
            a.author,
            a.status,
            a.exact,
            a.note,
        ]
        for a in annotations
    ]
    header = ["ID", "INTERVIEW", "SPAN", "TAGS", "AUTHOR", "STATUS", "QUOTE", "NOTE"]
    _print_table(header, rows, flexible=(6, 7))
    _summary(counted(len(rows), "annotation"))
    return 0


def run_tags(args: argparse.Namespace) -> int:
    # Describing a tag may start a codebook in a new database; the rest need one.
    with _open(args, reading=args.action != "describe") as store:
        if args.action == "rename":
            changed = store.rename_tag(args.old, args.new)
            _done("renamed", args.old, "to", args.new, changed)
        elif args.action == "merge":
            changed = store.merge_tags(args.source, args.target)
            _done("merged", args.source, "into", args.target, changed)
        elif args.action == "delete":
            changed = store.delete_tag(args.tag, force=args.force)
            print(f"deleted {printable(args.tag)!r} from {counted(changed, 'annotation')}")
        elif args.action == "describe":
            info = store.set_tag(args.tag, description=args.description, colour=args.colour)
            described = f"{printable(info.description or '')} {info.colour or ''}".strip()
            print(f"{printable(info.path)}: {described}")
        else:
            tags = _tags_of(store, args.author)
            if args.json:
                json.dump([asdict(t) for t in tags], sys.stdout, ensure_ascii=False, indent=2)
                sys.stdout.write("\n")
            else:
                rows = [[t.path, str(t.count), t.colour or "", t.description or ""] for t in tags]
                _print_table(["TAG", "USES", "COLOUR", "DESCRIPTION"], rows, flexible=(3,))
    return 0


def _tags_of(store: AnnotationStore, author: str | None) -> list[TagInfo]:
    """The codebook; with ``author``, each count is of that author's annotations only."""
    tags = store.tags()
    if author is None:
        return tags
    uses = Counter(tag for a in store.annotations(author=author) for tag in a.tags)
    return [replace(info, count=uses[info.path]) for info in tags]


def _done(verb: str, old: str, joiner: str, new: str, changed: int) -> None:
    print(
        f"{verb} {printable(old)!r} {joiner} {printable(new)!r} in {counted(changed, 'annotation')}"
    )


def run_export(args: argparse.Namespace) -> int:
    with _open(args, reading=True) as store:
        annotations = _filtered(store, args)
    progress = _Progress(sys.stderr)
    if args.output == "-":
        export_annotations(
            annotations, interview_loader(), args.format, sys.stdout,
            neutralise=args.neutralise, excel=args.excel, progress=progress,
        )  # fmt: skip
        progress.done()
        return 0
    target = Path(args.output)
    written = _export_to_file(args, annotations, target, progress)
    progress.done()
    _summary(f"exported {counted(written, 'annotation')} to {target}")
    return 0


def _export_to_file(
    args: argparse.Namespace, annotations: list[Annotation], target: Path, progress: _Progress
) -> int:
    """Write through a temporary file renamed into place: never a half-written export."""
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise StoreError(f"{target}: the directory {directory} does not exist; create it first")
    if target.is_dir():
        raise StoreError(f"{target}: is a directory; give a file name with -o")
    try:
        fd, temporary = tempfile.mkstemp(dir=directory, prefix=f".{target.name}.")
    except OSError as error:
        raise StoreError(
            f"{target}: cannot write in {directory} ({error.strerror}); choose another -o"
        ) from None
    try:
        with open(fd, "w", encoding="utf-8", newline="") as handle:
            written = export_annotations(
                annotations, interview_loader(), args.format, handle,
                neutralise=args.neutralise, excel=args.excel, progress=progress,
            )  # fmt: skip
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise StoreError(
            f"{target}: the export could not be written ({error.strerror}); nothing was "
            "changed, free some space or choose another -o"
        ) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return written


def run_import(args: argparse.Namespace) -> int:
    incoming = read_annotations(Path(args.file))
    if args.author is not None:
        incoming = [a for a in incoming if a.author == args.author]
    with _open(args) as store:
        result = store.import_annotations(incoming)
    print(
        f"imported {counted(len(incoming), 'annotation')}: {result.added} added, {result.updated} "
        f"updated, {result.merged} merged into existing passages, {result.unchanged} unchanged"
    )
    return 0


def run_reanchor(args: argparse.Namespace) -> int:
    interviews = load_named_interviews(args.files)
    with _open(args, reading=True) as store:
        for interview in interviews:
            check_own_file(store, interview)
        orphans = [o for interview in interviews for o in store.anchor(interview)]
    for orphan in orphans:
        print(f"orphaned {orphan.id} {printable(orphan.interview)} {printable(orphan.exact, 60)!r}")
    _summary(counted(len(orphans), "orphaned annotation"))
    return 0


def run_compact(args: argparse.Namespace) -> int:
    with _open(args, reading=True) as store:
        store.compact()
        count = len(store)
    print(f"{store.path}: {counted(count, 'annotation')}, journal folded in")
    return 0


# -- output helpers -------------------------------------------------------------------


def _summary(line: str) -> None:
    """A closing line on stderr, after everything printed on stdout: when both go to one
    file or pipe (``gloss list > out.txt 2>&1``), stdout is buffered and would land after."""
    sys.stdout.flush()
    print(line, file=sys.stderr)


def printable(text: str, limit: int | None = None) -> str:
    """``text`` on one line, control characters shown as escapes, cut to ``limit``."""
    flat = " ".join(text.split())
    safe = escape_unsafe(flat)
    if limit is not None and len(safe) > limit:
        return safe[: max(0, limit - 1)] + "…"
    return safe


def _print_table(header: Sequence[str], rows: list[list[str]], flexible: Sequence[int]) -> None:
    """Aligned columns; the ``flexible`` ones share what is left of the terminal width."""
    cells = [[printable(c) for c in row] for row in rows]
    width = shutil.get_terminal_size((120, 24)).columns
    widths = [max([len(header[i])] + [len(r[i]) for r in cells]) for i in range(len(header))]
    fixed = sum(w + 2 for i, w in enumerate(widths) if i not in flexible)
    room = max(12 * len(flexible), width - fixed)
    for i in flexible:
        widths[i] = min(widths[i], room // len(flexible))
    for row in [list(header), *cells]:
        print("  ".join(_fit(c, widths[i]) for i, c in enumerate(row)).rstrip())


def _fit(cell: str, width: int) -> str:
    return cell.ljust(width) if len(cell) <= width else cell[: width - 1] + "…"


class _Progress:
    """Shows ``exporting done/total`` on stderr once an export has run for a moment."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._started = time.monotonic()
        self._shown = False
        self._tty = stream.isatty()
        self._last = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self._started < PROGRESS_AFTER or (not self._tty and now - self._last < 2):
            return
        self._last = now
        self._shown = True
        end = "\r" if self._tty else "\n"
        self._stream.write(f"gloss: exporting {done}/{total}{end}")
        self._stream.flush()

    def done(self) -> None:
        if self._shown and self._tty:
            self._stream.write("\n")
