"""Which codes a database knows, parents included, and what to say of an unknown one.

A code is a tag path (``policy/tax``): asking for ``policy`` means it and every code below
it, even when nobody tagged a passage with ``policy`` itself. A code nobody knows is
refused in one line naming the closest known codes (by fuzzy match), since a typo is the
likely cause.
"""

from __future__ import annotations

from collections.abc import Iterable

from store.backend import Store
from store.errors import StoreError
from store.tagpaths import SEPARATOR, is_within, normalise_tag

SUGGESTIONS = 3
"""How many close codes an unknown code's message names."""


class UnknownCode(StoreError):
    """A code that is neither in the codebook nor on any annotation, nor a parent of one."""

    def __init__(self, message: str, code: str, suggestions: tuple[str, ...]) -> None:
        super().__init__(message)
        self.code = code
        self.suggestions = suggestions


def ancestors(code: str) -> list[str]:
    """``code`` and every code above it, deepest last: ``a/b/c`` -> ``a``, ``a/b``, ``a/b/c``."""
    parts = code.split(SEPARATOR)
    return [SEPARATOR.join(parts[: depth + 1]) for depth in range(len(parts))]


def tree_key(code: str) -> list[str]:
    """Sort key that keeps a code's children right under it (``a``, ``a/b``, ``a-b``)."""
    return code.split(SEPARATOR)


def code_tree(paths: Iterable[str]) -> list[str]:
    """``paths`` and all their parents, in tree order (each parent before its children)."""
    return sorted({parent for path in paths for parent in ancestors(path)}, key=tree_key)


def known_codes(store: Store) -> list[str]:
    """Every code of the database (codebook and annotations) with its parents, tree order."""
    return code_tree(info.path for info in store.tags())


def check_code(store: Store, code: str) -> str:
    """``code`` normalised, if the database knows it or a code below it.

    :class:`UnknownCode` otherwise, naming up to three close codes (or saying the
    database has none yet); a malformed path is a :class:`StoreError` from
    :func:`store.tagpaths.normalise_tag`.
    """
    wanted = normalise_tag(code)
    known = known_codes(store)
    if any(is_within(path, wanted) for path in known):
        return wanted
    close = suggestions(wanted, known)
    if not known:
        hint = "it has no codes yet; tag passages first"
    elif close:
        hint = "did you mean " + ", ".join(repr(c) for c in close) + "?"
    else:
        hint = "see 'gloss tags' for its codes"
    raise UnknownCode(f"code {wanted!r} is not in {store.path}; {hint}", wanted, close)


def suggestions(code: str, known: Iterable[str], limit: int = SUGGESTIONS) -> tuple[str, ...]:
    """The known codes closest to ``code`` (rapidfuzz WRatio, 60 and over), best first."""
    from rapidfuzz import fuzz, process, utils

    found = process.extract(
        code, list(known), scorer=fuzz.WRatio, processor=utils.default_process,
        limit=limit, score_cutoff=60,
    )  # fmt: skip
    return tuple(match for match, _score, _index in found)
