"""A whole database as plain values, and what it takes to make another hold the same.

``gloss copy --from SRC --to DST`` moves a database between backends (a TinyDB file and
a PostgreSQL server, either way): every annotation exactly as stored (its id, revision,
coder, dates, anchoring) and the codebook (descriptions, colours and the tombstones of
moved or deleted tags). Only what differs is written, so a second copy changes nothing;
a destination holding records the source has not is refused, never overwritten or
merged (that is ``gloss import``'s job).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from store.codec import to_doc
from store.errors import StoreError
from store.journal import Document, Op
from store.model import Annotation
from store.view import ANNOTATIONS, CODEBOOK, View


@dataclass(frozen=True)
class Contents:
    """Everything a database holds: its annotations by id, its codebook by path."""

    annotations: tuple[Annotation, ...]
    codebook: tuple[tuple[str, Document], ...]
    """(path, entry) of every codebook entry, tombstones included, by path."""


def contents_of(view: View) -> Contents:
    """What ``view`` holds, in a stable order (so two equal databases compare equal)."""
    annotations = tuple(sorted(view.all(), key=lambda a: a.id))
    return Contents(annotations, tuple(sorted(view.codebook_docs().items())))


def copy_ops(view: View, contents: Contents, where: Path | str) -> list[Op]:
    """The operations that make ``view`` hold ``contents``; StoreError if it holds any
    annotation or codebook entry that ``contents`` has not (nothing is changed then)."""
    ids = {a.id for a in contents.annotations}
    extra = [a.id for a in view.all() if a.id not in ids]
    paths = {path for path, _ in contents.codebook}
    extra_tags = [path for path in view.codebook_docs() if path not in paths]
    if extra or extra_tags:
        what = (
            f"{len(extra)} annotation{'' if len(extra) == 1 else 's'}"
            if extra
            else f"codebook entry {extra_tags[0]!r}"
        )
        raise StoreError(
            f"{where}: already holds {what} that the source has not; nothing was copied, "
            "copy into a new or empty database (or merge with 'gloss import')"
        )
    ops: list[Op] = []
    for annotation in contents.annotations:
        if view.get(annotation.id) != annotation:
            key = view.key_of(annotation.id) or view.new_key()
            ops.append((ANNOTATIONS, key, to_doc(annotation)))
    held = view.codebook_docs()
    for path, doc in contents.codebook:
        if held.get(path) != doc:
            ops.append((CODEBOOK, view.tag_key(path) or view.new_key(), dict(doc)))
    return ops
