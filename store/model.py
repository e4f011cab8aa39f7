"""The shapes the store hands out: one annotation, one tag of the codebook.

They are frozen so that the reader, the exporters and the undo history can hold on to an
annotation without the store changing it under them; a change makes a new value.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Status = Literal["anchored", "reanchored", "orphaned"]
STATUSES: tuple[Status, ...] = ("anchored", "reanchored", "orphaned")


@dataclass(frozen=True, slots=True)
class Annotation:
    """A passage of one interview with tags and a note.

    ``start``/``end`` index the clean text the annotation was last anchored on (the one
    whose hash is ``fingerprint``); ``exact``/``prefix``/``suffix`` are the W3C-style quote
    selector that finds the passage again when that text changes; ``raw_start``/``raw_end``
    are the same passage in the interview file as read.
    """

    id: str
    interview: str
    fingerprint: str
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    raw_start: int
    raw_end: int
    tags: tuple[str, ...]
    note: str
    author: str
    created: str
    """UTC ISO 8601."""
    updated: str
    """UTC ISO 8601."""
    status: Status = "anchored"
    source: str = ""
    """The interview file's absolute path when annotated, to find its text again for
    exports; empty when unknown. Bundled interviews are found by ``interview`` id."""

    @property
    def quote(self) -> str:
        """The annotated passage as last anchored."""
        return self.exact

    @property
    def orphaned(self) -> bool:
        return self.status == "orphaned"


@dataclass(frozen=True, slots=True)
class TagInfo:
    """One tag of the codebook: its path, optional description and colour, and its use."""

    path: str
    description: str | None
    colour: str | None
    count: int
    """How many annotations carry exactly this tag."""
