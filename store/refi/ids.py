"""The GUIDs of a project gloss writes: derived from stable ids, never random.

The same database exports to the same bytes, and a project exported twice names its
users, codes, sources and selections alike, so a tool that imports both sees one
project. A gloss annotation id that is a UUID is its selection's GUID as it is, which
brings the same id back when gloss imports its own export.
"""

from __future__ import annotations

import uuid

NAMESPACE = uuid.UUID("3b0e6a52-4c1d-5f7e-9a28-61d4c0b7e915")
"""Names the uuid5 GUIDs of gloss's REFI-QDA projects."""


def derived(kind: str, *names: str) -> str:
    """A GUID for the ``kind`` of thing named ``names`` (a user, a code path...)."""
    return str(uuid.uuid5(NAMESPACE, "\n".join((kind, *names))))


def selection_guid(annotation_id: str) -> str:
    """The GUID of an annotation's selection: its id if that is a UUID, else derived."""
    try:
        return str(uuid.UUID(annotation_id))
    except ValueError:
        return derived("selection", annotation_id)


def annotation_id(selection: str, author: str, *, shared: bool) -> str:
    """The gloss id of ``author``'s annotation made from a selection: the selection's
    GUID as 32 hex digits, or (``shared``: several coders coded that selection) a uuid5
    of it and the coder, so each coder's annotation has an id of its own."""
    if shared:
        return uuid.uuid5(NAMESPACE, f"annotation\n{selection}\n{author}").hex
    try:
        return uuid.UUID(selection).hex
    except ValueError:
        return uuid.uuid5(NAMESPACE, f"annotation\n{selection}").hex
