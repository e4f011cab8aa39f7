"""The one schema every imported annotation record must meet, checked by msgspec.

A record is what ``gloss export --format json/jsonl`` writes for one annotation
(:func:`store.codec.to_public`). Types are strict: a string where a list of tags belongs
is refused (not read as its characters), ``null`` is refused wherever a text belongs (a
missing ``note`` is ``""``, a ``null`` one is an error), offsets are whole numbers in
range (``1.5``, ``true``, ``1e999`` or a 5000-digit number are refused), timestamps are
RFC 3339 with a time zone, and a field gloss does not know is refused rather than
silently dropped (a misspelt ``tag`` would otherwise lose the tags). Decoding straight
into these types never builds nested values, so deeply nested JSON fails at its first
bracket, not with a RecursionError.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

import msgspec
from msgspec import UNSET, Meta, UnsetType

from store.changes import stamp
from store.errors import StoreError
from store.model import Annotation
from store.tagpaths import check_text, normalise_tags

MAX_ID = 200
MAX_OFFSET = 2**31 - 1
"""Far beyond any text gloss reads (its files are limited to 50 MB)."""
MAX_TEXT = 10_000_000
MAX_TAGS = 1000

Id = Annotated[str, Meta(min_length=1, max_length=MAX_ID)]
Offset = Annotated[int, Meta(ge=0, le=MAX_OFFSET)]
Text = Annotated[str, Meta(max_length=MAX_TEXT)]
Short = Annotated[str, Meta(max_length=4096)]
Stamp = Annotated[datetime, Meta(tz=True)]
Revision = Annotated[int, Meta(ge=1, le=MAX_OFFSET)]


class Record(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """One annotation as a gloss JSON or JSON Lines export holds it."""

    id: Id
    interview: Id
    start: Offset
    end: Offset
    quote: Text
    tags: Annotated[list[Short], Meta(max_length=MAX_TAGS)]
    author: Short
    created: Stamp
    updated: Stamp
    note: Text = ""
    prefix: Text = ""
    suffix: Text = ""
    fingerprint: Short = ""
    raw_start: Offset | UnsetType = UNSET
    raw_end: Offset | UnsetType = UNSET
    status: Literal["anchored", "reanchored", "orphaned"] = "anchored"
    source: Short = ""
    revision: Revision = 1
    # Written by the exports for people, worked out again from the interview on export:
    # accepted so that an export imports back, and ignored.
    title: Short = ""
    section: Short = ""
    question: Short = ""
    measure: Short = ""


class RecordError(ValueError):
    """A record that decodes but does not make an annotation: ``field`` and what is wrong."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field


def to_annotation(record: Record) -> Annotation:
    """The annotation ``record`` describes; RecordError naming the field if it cannot be one.

    Tags are normalised as a user's are (trimmed, de-duplicated, sorted); an author's
    runs of whitespace become one space, as ``gloss annotate`` makes them.
    """
    if record.end <= record.start:
        raise RecordError("end", f"{record.end} is not after start {record.start}")
    raw_start = record.start if isinstance(record.raw_start, UnsetType) else record.raw_start
    raw_end = record.end if isinstance(record.raw_end, UnsetType) else record.raw_end
    if raw_end < raw_start:
        raise RecordError("raw_end", f"{raw_end} is before raw_start {raw_start}")
    try:
        tags = normalise_tags(record.tags)
    except StoreError as error:
        raise RecordError("tags", str(error)) from None
    author = " ".join(record.author.split())
    for field in ("id", "interview", "quote", "prefix", "suffix", "note", "author", "source"):
        try:
            check_text(getattr(record, field), field)
        except StoreError:
            raise RecordError(field, "holds text that is not valid Unicode") from None
    return Annotation(
        id=record.id,
        interview=record.interview,
        fingerprint=record.fingerprint,
        start=record.start,
        end=record.end,
        exact=record.quote,
        prefix=record.prefix,
        suffix=record.suffix,
        raw_start=raw_start,
        raw_end=raw_end,
        tags=tags,
        note=record.note,
        author=author,
        created=stamp(record.created),
        updated=stamp(record.updated),
        status=record.status,
        source=record.source,
        revision=record.revision,
    )
