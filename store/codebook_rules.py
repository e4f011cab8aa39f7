"""The codebook's rules: listing tags, describing them, renaming, merging, deleting.

Part of every store (:class:`store.rules.Rules`); each change is decided by
:mod:`store.codebook` under the backend's lock and saved as one batch.
"""

from __future__ import annotations

from collections.abc import Callable

from store import codebook
from store.changes import now_iso
from store.errors import StoreError
from store.journal import Op
from store.machinery import Machinery, Where
from store.model import TagInfo
from store.tagpaths import check_colour, check_text, normalise_tag


class CodebookRules(Machinery[Where]):
    """The codebook of a store (see :mod:`store.codebook`)."""

    def tags(self) -> list[TagInfo]:
        """Every tag in use or in the codebook, with its use count, sorted by path."""
        with self._mutex:
            counts = self._view.tag_counts()
            paths = set(counts) | set(self._view.tag_keys())
            return [self._tag_info(path, counts.get(path, 0)) for path in sorted(paths)]

    def resolve_tag(self, path: str) -> str | None:
        """``path`` as it is called now: itself unless renamed or merged (then where to,
        following chains) or deleted (None); tags moved elsewhere leave a tombstone."""
        with self._mutex:
            return codebook.resolve(self._view, normalise_tag(path))

    def tag_moves(self) -> dict[str, str | None]:
        """Every tag renamed, merged or deleted and not in use again: old -> now (None)."""
        with self._mutex:
            return codebook.moves(self._view)

    def _tag_info(self, path: str, count: int) -> TagInfo:
        doc = self._view.tag_doc(path)
        return TagInfo(path, doc.get("description"), doc.get("colour"), count)

    def set_tag(
        self, path: str, *, description: str | None = None, colour: str | None = None
    ) -> TagInfo:
        """Describe and/or colour a tag (None leaves a field as is, "" clears it)."""
        tag = normalise_tag(path)
        if description:
            check_text(description, f"description of {tag!r}")
        if colour:
            colour = check_colour(colour)

        self._commit(lambda: [codebook.describe_op(self._view, tag, description, colour)])
        with self._mutex:
            return self._tag_info(tag, self._view.tag_counts().get(tag, 0))

    def rename_tag(self, old: str, new: str) -> int:
        """Rename a tag and the tags below it everywhere; returns annotations changed."""
        source, target = normalise_tag(old), normalise_tag(new)
        return self._change_tag(
            source, lambda: codebook.rename_ops(self._view, source, target, now_iso())
        )

    def merge_tags(self, source: str, target: str) -> int:
        """Move every use of ``source`` (and below) onto ``target``; returns annotations changed."""
        old, new = normalise_tag(source), normalise_tag(target)
        return self._change_tag(old, lambda: codebook.merge_ops(self._view, old, new, now_iso()))

    def delete_tag(self, path: str, *, force: bool = False) -> int:
        """Remove a tag (and those below it); refused while in use unless ``force``."""
        root = normalise_tag(path)
        return self._change_tag(
            root, lambda: codebook.remove_ops(self._view, root, now_iso(), force=force)
        )

    def _change_tag(self, tag: str, decide: Callable[[], list[Op]]) -> int:
        """Commit what ``decide`` makes of an existing ``tag``, decided under the lock."""

        def change() -> list[Op]:
            if not codebook.tag_exists(self._view, tag):
                raise StoreError(f"tag {tag!r}: no such tag in {self.path}; see 'gloss tags'")
            return decide()

        return self._commit(change)
