"""Writing files so that a crash at any instant leaves either the old bytes or the new.

The recipe: write a temporary file in the same directory, flush and fsync it, rename it
over the target (atomic on POSIX), then fsync the directory so the rename itself survives
a power cut. Readers therefore never see half a file.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path


def fsync_dir(directory: Path) -> None:
    """Make a rename or a new file in ``directory`` durable."""
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` durably; the old file's permissions are kept."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(FileNotFoundError):
            shutil.copymode(path, temporary)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        raise
    fsync_dir(path.parent)


def durable_copy(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target`` (a backup) and make the copy durable before returning."""
    atomic_write(target, source.read_bytes())
