"""How a change to the codebook becomes operations on annotations and codebook entries.

Renaming, merging or deleting a tag touches every annotation that carries it, or a tag
below it (tags are paths), and the codebook entries of that subtree. These functions only
decide, and refuse what cannot be done (a rename onto an existing tag, a merge into a tag
below, deleting a tag in use); :class:`store.AnnotationStore` runs them under the lock and
persists the result as one journal batch, so a rename is all or nothing. A tag moved or
deleted leaves a tombstone in the codebook (``moved_to``: its new path, or None), so
readers holding the old name learn where it went instead of guessing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from store.errors import StoreError
from store.journal import Document, Op
from store.model import TagInfo
from store.tagpaths import is_within, moved
from store.view import CODEBOOK, MOVED_TO, View


def users_of(view: View, root: str) -> int:
    """How many annotations carry ``root`` or a tag below it."""
    return sum(1 for a in view.all() if any(is_within(t, root) for t in a.tags))


def tag_exists(view: View, tag: str) -> bool:
    """True if ``tag`` (or a tag below it) is in the codebook or on an annotation."""
    return any(is_within(path, tag) for path in view.tag_keys()) or users_of(view, tag) > 0


def describe_op(view: View, tag: str, description: str | None, colour: str | None) -> Op:
    """The codebook entry of ``tag`` with these fields (None leaves one as is, "" clears it)."""
    doc: Document = dict(view.tag_doc(tag)) or {"path": tag}
    if description is not None:
        doc["description"] = description or None
    if colour is not None:
        doc["colour"] = colour or None
    return (CODEBOOK, view.tag_key(tag) or view.new_key(), doc)


def filled_ops(view: View, entries: Iterable[TagInfo]) -> list[Op]:
    """Codebook entries for ``entries`` (each path once): a new tag gets its description
    and colour; a tag already there keeps its own, its gaps filled."""
    ops: list[Op] = []
    seen: set[str] = set()
    for entry in entries:
        if entry.path in seen:
            continue
        seen.add(entry.path)
        doc = view.tag_doc(entry.path)
        description = doc.get("description") or entry.description or None
        colour = doc.get("colour") or entry.colour or None
        if doc and (description, colour) == (doc.get("description"), doc.get("colour")):
            continue
        ops.append(describe_op(view, entry.path, description or "", colour or ""))
    return ops


def rename_ops(view: View, source: str, target: str, stamp: str) -> list[Op]:
    """Rename ``source`` and its subtree to ``target``; refused if ``target`` exists."""
    if target == source:
        return []
    if tag_exists(view, target):
        raise StoreError(
            f"tag {target!r} already exists; use 'gloss tags merge {source} {target}' "
            "to combine the two"
        )
    return move_ops(view, source, target, stamp)


def merge_ops(view: View, source: str, target: str, stamp: str) -> list[Op]:
    """Move every use of ``source`` (and below) onto ``target``, which is not below it."""
    if target == source:
        return []
    if is_within(target, source):
        raise StoreError(
            f"tag {source!r} cannot be merged into {target!r}, which is below it; rename "
            f"it instead ('gloss tags rename {source} {target}')"
        )
    return move_ops(view, source, target, stamp)


def remove_ops(view: View, root: str, stamp: str, *, force: bool) -> list[Op]:
    """Remove ``root`` and its subtree; refused while annotations use it unless ``force``."""
    users = users_of(view, root)
    if users and not force:
        raise StoreError(
            f"tag {root!r} is used by {users} annotation{'' if users == 1 else 's'}; pass "
            "--force to remove it from them, or merge it into another tag"
        )
    return delete_ops(view, root, stamp)


def move_ops(view: View, source: str, target: str, stamp: str) -> list[Op]:
    """Move ``source`` and its subtree onto ``target``, merging with what is there; each
    old path keeps a tombstone saying where it went (open readers follow it)."""
    ops: list[Op] = []
    for a in view.all():
        if any(is_within(t, source) for t in a.tags):
            tags = tuple(sorted({moved(t, source, target) for t in a.tags}))
            ops.append(view.put(replace(a, tags=tags, updated=stamp)))
    for tag in _subtree(view, source):
        new_path = moved(tag, source, target)
        doc, kept = view.tag_doc(tag), view.tag_doc(new_path)
        target_key = view.tag_key(new_path)
        if kept and target_key is not None:  # the target keeps its own fields, filling gaps
            filled = {k: kept.get(k) or doc.get(k) for k in ("description", "colour")}
            ops.append((CODEBOOK, target_key, {**kept, **filled}))
        elif doc:  # a live entry under the new name (over a tombstone there, if any)
            ops.append((CODEBOOK, target_key or view.new_key(), {**doc, "path": new_path}))
        elif target_key is not None:  # a tombstone where the tag now lives: gone
            ops.append((CODEBOOK, target_key, None))
        ops.append(_tombstone(view, tag, new_path, stamp))
    return ops


def delete_ops(view: View, root: str, stamp: str) -> list[Op]:
    """Remove ``root`` and its subtree from every annotation; the codebook keeps a
    tombstone of each (deleted) so open readers drop it."""
    ops: list[Op] = []
    for a in view.all():
        kept = tuple(t for t in a.tags if not is_within(t, root))
        if kept != a.tags:
            ops.append(view.put(replace(a, tags=kept, updated=stamp)))
    ops += [_tombstone(view, tag, None, stamp) for tag in _subtree(view, root)]
    return ops


def resolve(view: View, tag: str) -> str | None:
    """``tag`` under the name it has now: itself if live or never moved, where its
    tombstones lead (A -> B -> C gives C), None if deleted."""
    return _follow(tag, view.tag_moves(), _live(view))


def moves(view: View) -> dict[str, str | None]:
    """Every tag moved or deleted and not live again: old path -> name now (or None)."""
    tombstones, live = view.tag_moves(), _live(view)
    return {tag: _follow(tag, tombstones, live) for tag in tombstones if tag not in live}


def _follow(tag: str, tombstones: dict[str, str | None], live: set[str]) -> str | None:
    seen: set[str] = set()
    current: str | None = tag
    while current is not None and current not in live and current in tombstones:
        if current in seen:
            return current  # a cycle cannot be written, but never loop on a damaged file
        seen.add(current)
        current = tombstones[current]
    return current


def _live(view: View) -> set[str]:
    return set(view.tag_keys()) | set(view.tag_counts())


def _subtree(view: View, root: str) -> list[str]:
    """The live paths at or below ``root``: in the codebook or on an annotation."""
    return sorted(tag for tag in _live(view) if is_within(tag, root))


def _tombstone(view: View, tag: str, target: str | None, stamp: str) -> Op:
    doc: Document = {"path": tag, MOVED_TO: target, "moved": stamp}
    return (CODEBOOK, view.tag_key(tag) or view.new_key(), doc)
