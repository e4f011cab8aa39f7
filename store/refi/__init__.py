"""REFI-QDA 1.0 projects (``.qdpx``): gloss's codings to and from NVivo, ATLAS.ti,
MAXQDA, QualCoder and the other tools of the Rotterdam Exchange Format Initiative.

A project is a zip holding ``project.qde`` (XML, checked against the standard's own
schema ``Project.xsd``, shipped beside this file) and the sources' texts under
``Sources/``. :mod:`store.refi.writing` makes one from annotations,
:mod:`store.refi.reading` reads one whatever tool wrote it, :mod:`store.refi.landing`
turns what was read into interview files, annotations and codebook entries.
"""

from __future__ import annotations

from pathlib import Path

from store.errors import StoreError
from store.refi.landing import KnownText, Landing, land, write_files
from store.refi.package import PackageError, open_package
from store.refi.reading import ReadError, ReadProject, read_project
from store.refi.schema import InvalidProject, parse_valid
from store.refi.writing import LeftOut, Project, write_project

SUFFIXES = (".qdpx", ".qde")
ADVICE = "nothing was imported"


def is_project(path: Path) -> bool:
    """True if ``path`` is to be read as a REFI-QDA project (by suffix, or a zip)."""
    if path.suffix.lower() in SUFFIXES:
        return True
    try:
        with open(path, "rb") as handle:
            return handle.read(4) == b"PK\x03\x04"
    except OSError:
        return False


def read_file(path: Path, *, outside: bool = False) -> ReadProject:
    """The project in ``path``, checked against the schema; StoreError in one line
    naming the file and what is wrong. ``outside``: read texts it names outside its zip
    (``relative://``, ``absolute://``), which a project from elsewhere may abuse."""
    try:
        package = open_package(path, outside=outside)
    except PackageError as error:
        raise StoreError(f"{path}: {error}; {ADVICE}") from None
    try:
        root = parse_valid(package.qde)
        return read_project(root, package)
    except InvalidProject as error:
        raise StoreError(f"{path}: not a valid REFI-QDA 1.0 project: {error}; {ADVICE}") from None
    except ReadError as error:
        raise StoreError(f"{path}: {error}; {ADVICE}") from None
    finally:
        package.close()


def land_project(
    path: Path, project: ReadProject, directory: Path, known: KnownText, now: str
) -> Landing:
    """What importing ``project`` (read from ``path``) will write, its texts going to
    ``directory``; StoreError if it cannot."""
    try:
        return land(project, directory, known, now)
    except ReadError as error:
        raise StoreError(f"{path}: {error}; {ADVICE}") from None


__all__ = [
    "InvalidProject",
    "Landing",
    "LeftOut",
    "Project",
    "ReadProject",
    "is_project",
    "land_project",
    "read_file",
    "write_files",
    "write_project",
]
