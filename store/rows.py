"""How the store holds rows in memory while a database file is read, and names them.

:class:`CompactRows` is the :class:`store.journal.RowCodec` the store reads with: each
annotation document becomes a packed tuple (:func:`store.codec.pack`) as it is parsed,
and every row, however held, has a stable name for the journal (:func:`identity_of`).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from store.codec import ID, pack, to_doc
from store.docstream import Decode
from store.journal import Row
from store.journal_format import plain_identity
from store.model import Annotation

ANNOTATIONS = "annotations"
CODEBOOK = "codebook"


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many small objects at once.

    Parsing a big database allocates hundreds of thousands of objects that all survive;
    without this the collector runs over them again and again (about half the open time).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class CompactRows:
    """The :class:`store.journal.RowCodec` of the store: annotations packed as read."""

    def decoder(self) -> Decode:
        """Pack the documents of the annotations table, sharing values for one read."""
        memo: dict[Any, Any] = {}

        def decode(table: str, document: Any) -> Any:
            return pack(document, memo) if table == ANNOTATIONS else document

        return decode

    def encode(self, row: Any) -> Any:
        """The document of an Annotation (json writes a packed tuple as a list, so
        :meth:`View.for_writing` unpacks those first)."""
        if isinstance(row, Annotation):
            return to_doc(row)
        raise TypeError(f"{type(row).__name__} is not a document")

    def identity(self, table: str, row: Any) -> str | None:
        """An annotation's id, a codebook entry's path, however the row is held."""
        return identity_of(table, row)


def identity_of(table: str, row: Row) -> str | None:
    """The stable name of a row (see :mod:`store.journal_format`)."""
    if type(row) is tuple:
        name: str = row[ID]
        return name
    if type(row) is Annotation:
        return row.id
    return plain_identity(table, row)
