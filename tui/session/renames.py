"""Where tags renamed, merged or deleted by another process went, told from what changed.

The store keeps no record of a rename: it only rewrites the annotations and the codebook.
A reader that remembers tags (the recent tags behind the keys 1-9, an open picker's
choices) would otherwise offer the old name and bring a merged-away tag back. So after a
reload the session compares what it held with what it read: a tag that was in the
codebook and is not any more went wherever the annotations that carried it now carry a
new tag instead (the most common such tag), or, with no annotation to tell, to the one
path that newly appeared in the codebook; else it was deleted.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from store import Annotation

Moves = dict[str, str | None]
"""Old tag -> the tag it became (None: deleted)."""


def moves(
    gone: Mapping[str, int],
    before: Mapping[str, Iterable[Annotation]],
    after: Mapping[str, Iterable[Annotation]],
    appeared: Mapping[str, int],
) -> Moves:
    """Where each tag of ``gone`` (old path -> its use count) went.

    ``before`` and ``after`` are the annotations held and read (per interview);
    ``appeared`` the paths in the new codebook that were not in the old, with their use
    counts: with no annotation to tell, a gone tag went to the one path that appeared,
    if that has as many uses (a rename keeps them), else it was deleted.
    """
    if not gone:
        return {}
    old = {a.id: a.tags for group in before.values() for a in group}
    votes: dict[str, Counter[str]] = {tag: Counter() for tag in gone}
    for group in after.values():
        for annotation in group:
            had = old.get(annotation.id)
            if had is None:
                continue
            new = [t for t in annotation.tags if t not in had]
            for tag in had:
                if tag in votes and tag not in annotation.tags:
                    votes[tag].update(new)
    found: Moves = {}
    only = next(iter(appeared.items())) if len(appeared) == 1 else None
    for tag, counted in votes.items():
        if counted:
            found[tag] = counted.most_common(1)[0][0]
        else:
            found[tag] = only[0] if only is not None and only[1] == gone[tag] else None
    return found


def follow(tag: str, known: Mapping[str, str | None]) -> str | None:
    """``tag`` under the name it has now (itself if it did not move; None if deleted)."""
    seen: set[str] = set()
    current: str | None = tag
    while current is not None and current in known and current not in seen:
        seen.add(current)
        current = known[current]
    return current
