"""An output file written whole or not at all: a temporary file beside it, renamed over it.

An export, report or retrieval that fails half-way (disk full, Ctrl-C) leaves the old
file as it was and no litter; every way it can fail is one line naming the file and
what to do. The file gets the user's umask (``mkstemp`` alone would make it private).
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, TextIO

from store import StoreError


@contextmanager
def output_stream(target: str | Path, *, newline: str | None = None) -> Iterator[TextIO]:
    """stdout for ``-``, else a UTF-8 text file that becomes ``target`` only once
    everything is written (removed if anything fails: never a half-written file)."""
    if str(target) == "-":
        yield sys.stdout
        return
    with _replacing(Path(target), "w", newline) as handle:
        yield handle


def write_whole(target: str | Path, data: bytes) -> None:
    """``data`` (a zip, say) written to ``target`` as :func:`output_stream` writes text."""
    with _replacing(Path(target), "wb", None) as handle:
        handle.write(data)


@contextmanager
def _replacing(path: Path, mode: str, newline: str | None) -> Iterator[IO[Any]]:
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise StoreError(f"{path}: the directory {directory} does not exist; create it first")
    if path.is_dir():
        raise StoreError(f"{path}: is a directory; give a file name with -o")
    try:
        fd, temporary = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.")
    except OSError as error:
        raise StoreError(
            f"{path}: cannot write in {directory} ({error.strerror}); choose another -o"
        ) from None
    text = {"encoding": "utf-8", "newline": newline} if "b" not in mode else {}
    try:
        with open(fd, mode, **text) as handle:
            yield handle
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise StoreError(
            f"{path}: could not be written ({error.strerror}); nothing was changed, free "
            "some space or choose another -o"
        ) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    """The process's umask (read by setting it, then putting it back)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
