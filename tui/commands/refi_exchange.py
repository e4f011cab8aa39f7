"""``gloss export --format qdpx`` and ``gloss import PROJECT.qdpx``: REFI-QDA projects
to and from other QDA software (the work is :mod:`store.refi`'s; this prints).

An export is one zip written through a temporary file renamed into place. An import
reads and checks the whole project before anything is written; then the sources' texts
go to files (``--sources DIR``, by default ``<db name>-sources`` beside the database)
and the codings and codebook into the database in one durable batch.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from contextlib import suppress
from functools import cache
from pathlib import Path

from corpus import CorpusError, bundled_paths, load_interview
from store import Annotation, Store, StoreError
from store.export import export_project, interview_loader
from store.refi import LeftOut, ReadProject, land_project, read_file, write_files
from store.store import now_iso
from tui.commands.atomic import write_whole
from tui.commands.common import counted
from tui.commands.output import printable, summary
from tui.commands.store_access import open_store


def export_qdpx(args: argparse.Namespace, store: Store, annotations: list[Annotation]) -> None:
    """Write ``annotations`` and the codebook of ``store`` as a project to ``-o``."""
    if args.output == "-":
        raise StoreError("a REFI-QDA project is a zip file; give its name with -o project.qdpx")
    target = Path(args.output)
    project = export_project(annotations, store.tags(), interview_loader(), name=store.path.stem)
    write_whole(target, project.data)
    summary(f"exported {counted(project.written, 'annotation')} to {target}")
    for left in project.left_out:
        summary(_left_out(left))


def _left_out(left: LeftOut) -> str:
    return (
        f"left out {counted(left.count, 'annotation')} of {printable(left.interview)}: "
        f"{left.reason}"
    )


def sources_directory(args: argparse.Namespace, store: Store) -> Path:
    """``--sources``, else ``<db name>-sources`` beside the database."""
    if args.sources:
        return Path(args.sources).expanduser()
    if not isinstance(store.path, Path):  # a server: no folder beside it
        raise StoreError(f"{store.path}: a database on a server; pass --sources DIRECTORY")
    return store.path.with_name(f"{store.path.stem}-sources")


def import_qdpx(args: argparse.Namespace) -> None:
    """Import the project ``args.file``; prints what was done. The project is read and
    checked before the database is opened: a bad file leaves no database behind."""
    path = Path(args.file)
    project = read_file(path, outside=args.outside_sources)
    with open_store(args) as store:
        _land(args, path, project, store)


def _land(args: argparse.Namespace, path: Path, project: ReadProject, store: Store) -> None:
    directory = sources_directory(args, store)
    if directory.exists() and not directory.is_dir():
        raise StoreError(f"{directory}: is not a directory; choose another --sources DIR")
    landing = land_project(path, project, directory, _known_texts(store), now_iso())
    incoming = list(landing.annotations)
    if args.author is not None:
        incoming = [a for a in incoming if a.author == args.author]
    try:
        write_files(landing)
    except OSError as error:
        raise StoreError(
            f"{directory}: the texts cannot be written there ({error.strerror}); choose "
            "another --sources DIR (nothing was imported)"
        ) from None
    result = store.import_annotations(incoming, landing.codebook)
    written = sum(1 for _, _, new in landing.files if new)
    print(
        f"imported {counted(len(incoming), 'annotation')}: {result.added} added, "
        f"{result.updated} updated, {result.merged} merged into existing passages, "
        f"{result.unchanged} unchanged; {counted(len(landing.codebook), 'code')} in the "
        f"codebook"
    )
    print(
        f"{counted(len(landing.files), 'interview text')} in {directory} "
        f"({written} written, {len(landing.files) - written} there already)"
    )
    if landing.skipped:
        summary(
            f"left out {counted(landing.skipped, 'passage')} that lie wholly in text gloss "
            "cleans away as noise"
        )
    for what in landing.left_out:
        summary(f"left out {what}: gloss reads text sources only")


def _known_texts(store: Store) -> Callable[[str], frozenset[str]]:
    """The fingerprints the database, or a bundled interview, has for an interview id."""
    held: dict[str, set[str]] = {}
    for annotation in store.annotations():
        held.setdefault(annotation.interview, set()).add(annotation.fingerprint)
    bundled = {path.stem: path for path in bundled_paths()}

    @cache
    def known(interview_id: str) -> frozenset[str]:
        found = set(held.get(interview_id, ()))
        if interview_id in bundled:
            with suppress(CorpusError, OSError):  # then no bundled text to differ from
                found.add(load_interview(bundled[interview_id]).fingerprint)
        return frozenset(found)

    return known
