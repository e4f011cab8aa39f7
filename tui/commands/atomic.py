"""An output file written whole or not at all: a temporary file beside it, renamed over it.

A report or export that fails half-way (disk full, Ctrl-C) leaves the old file as it was
and no litter; every way it can fail is one line naming the file and what to do.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TextIO, TypeVar

from store import StoreError

T = TypeVar("T")


def write_atomically(target: Path, write: Callable[[TextIO], T], *, what: str) -> T:
    """Call ``write`` on a UTF-8 text file that becomes ``target`` only once it is whole.

    ``what`` names the output in messages ("the export", "the report").
    """
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
            result = write(handle)
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise StoreError(
            f"{target}: {what} could not be written ({error.strerror}); nothing was "
            "changed, free some space or choose another -o"
        ) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return result


def _umask() -> int:
    """The process's umask (read by setting it, then putting it back)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
