"""The journal's seal: how many of its lines were acknowledged, kept outside the journal.

A journal cut short (whole lines lost from its end, or the end of its last line) looks
exactly like a crash in the middle of an append, which the journal itself cannot tell
apart. So after each append is on disk, and before the change is acknowledged, the
number of that line and the generation it names go to ``<db>.seal``: one fixed-width
line, written in place and fsync'ed. A journal that holds fewer whole lines of the seal's
generation than the seal names lost acknowledged changes and is refused.

A crash can only tear the seal's write for a change not yet acknowledged, so a seal that
does not check itself is taken as absent (as is a missing one: a database of an older
gloss, or a read-only copy). A compaction gives the main file a new generation, which
retires the seal without writing it: at no point of a compaction can the seal and the
main file name the same generation while the journal lacks a line the seal counts.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import zlib
from pathlib import Path

from store.durable import fsync_dir
from store.errors import StoreError

_MAGIC = b"gloss-seal 1"
_SIZE = len(_MAGIC) + 1 + 16 + 1 + 12 + 1 + 8 + 1
"""Magic, generation digest, line count, CRC32 of what precedes it, line break."""


def _digest(generation: str) -> bytes:
    """A fixed-width name of a generation (an adopted journal's may be any string)."""
    return hashlib.blake2b(generation.encode(), digest_size=8).hexdigest().encode()


def _encoded(generation: str, lines: int) -> bytes:
    body = b"%s %s %012d" % (_MAGIC, _digest(generation), lines)
    return b"%s %08x\n" % (body, zlib.crc32(body))


def write_seal(path: Path, generation: str, lines: int) -> None:
    """Record durably that ``lines`` lines of ``generation`` were acknowledged."""
    try:
        created = not path.exists()
        fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o666)
        try:
            os.pwrite(fd, _encoded(generation, lines), 0)
            if os.fstat(fd).st_size != _SIZE:
                os.ftruncate(fd, _SIZE)  # a file of another length (never written by gloss)
            _datasync(fd)
        finally:
            os.close(fd)
        if created:
            fsync_dir(path.parent)
    except OSError as error:
        raise StoreError(
            f"{path}: cannot be written ({error.strerror}); the change is in the journal, "
            "but a journal cut short would go unnoticed: check permissions"
        ) from None


def _datasync(fd: int) -> None:
    """Flush the seal's bytes: its size never changes, so its data is all that matters."""
    if hasattr(os, "fdatasync"):
        os.fdatasync(fd)
    else:  # pragma: no cover - macOS
        os.fsync(fd)


def sealed_lines(path: Path, generation: str) -> int:
    """The lines of ``generation`` the seal says were acknowledged; 0 if the seal is
    missing, unreadable, torn or names another generation."""
    data = b""
    with contextlib.suppress(OSError), open(path, "rb") as handle:
        data = handle.read(_SIZE + 1)
    if len(data) != _SIZE or not data.endswith(b"\n"):
        return 0
    body, _, crc = data[:-1].rpartition(b" ")
    if crc != b"%08x" % zlib.crc32(body):
        return 0
    magic, digest, lines = body[: len(_MAGIC)], body[-29:-13], body[-12:]
    if magic != _MAGIC or digest != _digest(generation) or not lines.isdigit():
        return 0
    return int(lines)


def check_sealed(path: Path, journal: Path, generation: str, lines: int) -> None:
    """StoreError unless the journal's ``lines`` whole lines include every sealed one.

    A journal that is missing altogether was moved aside on purpose (as a refusal
    suggests); it is not held against the seal.
    """
    sealed = sealed_lines(path, generation)
    if sealed <= lines or not journal.exists():
        return
    missing = f"line {sealed} is" if sealed == lines + 1 else f"lines {lines + 1}-{sealed} are"
    raise StoreError(
        f"{journal}: {missing} missing (the journal was cut short after {sealed} lines "
        f"were acknowledged); nothing was changed: restore the journal from a backup, or "
        f"delete {path} to accept the loss and open what is left"
    )
