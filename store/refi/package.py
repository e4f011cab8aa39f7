"""The ``.qdpx`` zip as other tools write it: where ``project.qde`` and each source's
text are, whatever the tool called them.

Vendors differ: the folder is ``Sources/`` or ``sources/``, the project file is
``project.qde`` or another ``*.qde``, and a source's ``plainTextPath`` is
``internal://NAME`` (in that folder), ``relative://NAME`` (beside the project's
``basePath``, else beside the ``.qdpx``), ``absolute://PATH`` or a plain path. Texts
outside the zip are read only when the user said so (``outside=True``): a project from
someone else must not copy another file of this computer into the database and its
sources folder. Sizes are
checked before anything is read, so a zip bomb is refused instead of filling memory;
members are read by name, never extracted, so no path in the zip can reach the disk.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

MAX_PROJECT = 200 * 1024 * 1024
MAX_TEXT = 50 * 1024 * 1024
"""As for an interview file gloss opens."""


class PackageError(ValueError):
    """A ``.qdpx`` that cannot be used; the message says what is wrong, without the name."""


@dataclass(frozen=True, slots=True)
class Package:
    """An opened project: its XML, and a way to read each source's bytes."""

    path: Path
    qde: bytes
    members: dict[str, zipfile.ZipInfo]
    """Every file in the zip by its name below the sources folder (and by its whole
    name), lower-cased too, for ``internal://`` paths."""
    archive: zipfile.ZipFile | None
    outside: bool = False
    """Whether texts the project names outside its zip may be read."""

    def read(self, location: str, base_path: str | None) -> bytes:
        """The bytes a ``plainTextPath`` names; PackageError saying which is missing."""
        scheme, _, rest = location.partition("://")
        if not rest:
            scheme, rest = "", location
        if scheme == "internal":
            return self._member(unquote(rest).lstrip("/"))
        if scheme in ("relative", "", "absolute", "file") and not self.outside:
            raise PackageError(
                f"source path {location!r} names a file outside the project; import "
                "again with --outside-sources to read it from this computer"
            )
        if scheme in ("relative", ""):
            base = Path(base_path) if base_path else self.path.parent
            return _file(base / unquote(rest).lstrip("/"), location)
        if scheme in ("absolute", "file"):
            return _file(Path("/" + unquote(rest).lstrip("/")), location)
        raise PackageError(f"source path {location!r}: not internal://, relative:// or absolute://")

    def close(self) -> None:
        if self.archive is not None:
            self.archive.close()

    def _member(self, name: str) -> bytes:
        info = self.members.get(name) or self.members.get(name.lower())
        if info is None or self.archive is None:
            raise PackageError(f"internal://{name}: no such file in its Sources folder")
        if info.file_size > MAX_TEXT:
            raise PackageError(f"internal://{name}: larger than {MAX_TEXT // 2**20} MB")
        return self.archive.read(info)


def open_package(path: Path, *, outside: bool = False) -> Package:
    """The project in ``path`` (a ``.qdpx`` zip, or a bare ``.qde``); PackageError if it
    is neither. ``outside``: texts it names outside the zip may be read."""
    try:
        if path.suffix.lower() == ".qde" and not zipfile.is_zipfile(path):
            if path.stat().st_size > MAX_PROJECT:
                raise PackageError(f"larger than {MAX_PROJECT // 2**20} MB")
            return Package(path, path.read_bytes(), {}, None, outside)
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise PackageError("not a zip file (a .qdpx is one); export it again") from None
    except OSError as error:
        raise PackageError(f"cannot be read ({error.strerror or error})") from None
    infos = [info for info in archive.infolist() if not info.is_dir()]
    qdes = [info for info in infos if "/" not in info.filename and info.filename.endswith(".qde")]
    qde = next((info for info in qdes if info.filename == "project.qde"), None)
    if qde is None and len(qdes) == 1:
        qde = qdes[0]
    if qde is None:
        archive.close()
        raise PackageError("no project.qde inside; is it a REFI-QDA project (.qdpx)?")
    if qde.file_size > MAX_PROJECT:
        archive.close()
        raise PackageError(f"its {qde.filename} is larger than {MAX_PROJECT // 2**20} MB")
    members: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        parts = PurePosixPath(info.filename).parts
        below = "/".join(parts[1:]) if len(parts) > 1 and parts[0].lower() == "sources" else ""
        for name in (info.filename, below):
            if name:
                members.setdefault(name, info)
                members.setdefault(name.lower(), info)
    try:
        data = archive.read(qde)
    except (zipfile.BadZipFile, OSError, RuntimeError) as error:
        archive.close()
        raise PackageError(f"its {qde.filename} cannot be read ({error})") from None
    return Package(path, data, members, archive, outside)


def _file(path: Path, location: str) -> bytes:
    try:
        if path.stat().st_size > MAX_TEXT:
            raise PackageError(f"{location}: larger than {MAX_TEXT // 2**20} MB")
        return path.read_bytes()
    except OSError:
        raise PackageError(
            f"source {location}: no such file at {path}; put it there or export the project "
            "with its sources inside"
        ) from None
