"""An Annotation as a TinyDB document, and back.

The stored shape follows the W3C Web Annotation model where it has a word for the idea:
the passage is a list of selectors (``TextPositionSelector`` on the clean text and
``TextQuoteSelector`` with ``prefix``/``suffix``), so other tools can read the file.

In memory a stored annotation is smaller: :func:`pack` turns a document into a tuple of
field values as the file is read, and :func:`unpack` makes the Annotation when it is
first asked for (see ``store.view``).
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any, cast

from store.model import STATUSES, Annotation, Status

POSITION = "TextPositionSelector"
QUOTE = "TextQuoteSelector"

_ORDER = (
    "id",
    "interview",
    "fingerprint",
    "selector",
    "raw",
    "tags",
    "note",
    "author",
    "created",
    "updated",
    "status",
    "source",
    "revision",
)
"""The keys of a document as :func:`to_doc` writes them, in order."""
_POSITION_ORDER = ("type", "start", "end")
_QUOTE_ORDER = ("type", "exact", "prefix", "suffix")
_RAW_ORDER = ("start", "end")


def to_doc(annotation: Annotation) -> dict[str, Any]:
    """The document stored in the ``annotations`` table."""
    return {
        "id": annotation.id,
        "interview": annotation.interview,
        "fingerprint": annotation.fingerprint,
        "selector": _selectors(
            annotation.start, annotation.end, annotation.exact, annotation.prefix, annotation.suffix
        ),
        "raw": {"start": annotation.raw_start, "end": annotation.raw_end},
        "tags": list(annotation.tags),
        "note": annotation.note,
        "author": annotation.author,
        "created": annotation.created,
        "updated": annotation.updated,
        "status": annotation.status,
        "source": annotation.source,
        "revision": annotation.revision,
    }


def _selectors(start: int, end: int, exact: Any, prefix: Any, suffix: Any) -> list[dict[str, Any]]:
    """The W3C selectors of a passage: its position in the clean text, and its quote."""
    return [
        {"type": POSITION, "start": start, "end": end},
        {"type": QUOTE, "exact": exact, "prefix": prefix, "suffix": suffix},
    ]


def from_doc(doc: dict[str, Any]) -> Annotation:
    """The annotation a stored document describes; ValueError/KeyError/TypeError if damaged."""
    position: dict[str, Any] = {}
    quote: dict[str, Any] = {}
    for selector in doc["selector"]:
        if selector["type"] == POSITION:
            position = selector
        elif selector["type"] == QUOTE:
            quote = selector
    status = doc.get("status", "anchored")
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r}")
    raw = doc.get("raw") or {}
    start, end = int(position["start"]), int(position["end"])
    if not 0 <= start <= end:
        raise ValueError(f"bad position {start}..{end}")
    return Annotation(
        id=str(doc["id"]),
        interview=str(doc["interview"]),
        fingerprint=str(doc.get("fingerprint", "")),
        start=start,
        end=end,
        exact=str(quote["exact"]),
        prefix=str(quote.get("prefix", "")),
        suffix=str(quote.get("suffix", "")),
        raw_start=int(raw.get("start", start)),
        raw_end=int(raw.get("end", end)),
        tags=tuple(str(tag) for tag in doc.get("tags", ())),
        note=str(doc.get("note", "")),
        author=str(doc.get("author", "")),
        created=str(doc.get("created", "")),
        updated=str(doc.get("updated", doc.get("created", ""))),
        status=cast(Status, status),
        source=str(doc.get("source", "")),
        revision=_revision(doc.get("revision", 1)),
    )


def _revision(value: Any) -> int:
    """A stored revision: a whole number from 1 (ValueError otherwise)."""
    if type(value) is not int or value < 1:
        raise ValueError(f"bad revision {value!r}")
    return value


Packed = tuple[Any, ...]
"""An annotation's field values in :class:`Annotation`'s order: how a stored annotation
waits in memory until it is asked for. Building this tuple takes a tenth of the time of
building the frozen dataclass (whose ``__init__`` sets each field through
``object.__setattr__``), which is a sixth of opening a 50k database; about as small.
JSON never yields a tuple, so a tuple row is always one of these.

The last field, ``revision``, is left out when it is 1 (most annotations, never changed):
the dataclass fills it in. That keeps the tuple in the allocator's size class of the
Annotation that replaces it when it is asked for, so the Annotation reuses the tuple's
memory; one field more put the tuple a class higher, and asking for every annotation of
50k (the reader does at start) left 9 MiB of freed tuples that no Annotation could use."""

_FIELDS = tuple(field.name for field in fields(Annotation))
ID, INTERVIEW, START, END, TAGS, AUTHOR = (
    _FIELDS.index(name) for name in ("id", "interview", "start", "end", "tags", "author")
)
assert _FIELDS[-1] == "revision"  # the field a Packed row may leave out (its default, 1)
_STATUS: dict[str, Status] = {status: status for status in STATUSES}


def pack(doc: Any, memo: dict[Any, Any]) -> Any:
    """``doc`` as :data:`Packed` if :func:`to_doc` gives it back, else ``doc`` itself.

    This is how a database is held in memory: one tuple per annotation instead of four
    dicts, with the values that repeat from one annotation to the next (interview ids,
    fingerprints, authors, dates, tags, positions) shared through ``memo``, which the
    caller drops once a file is read. A document that would not come back whole (a
    field gloss does not know, a value of another type, a damaged one) stays a dict, so
    nothing in the file is lost or silently changed, and :func:`from_doc` reports its
    damage when it is read. (A missing optional field is no loss: it comes back with
    the value :func:`from_doc` gives it.)
    """
    try:
        packed = _canonical(doc, memo)
    except TypeError:  # a value of another type than gloss writes
        return doc
    return _round_trip(doc, memo) if packed is None else packed


def unpack(packed: Packed) -> Annotation:
    """The annotation a :data:`Packed` row holds."""
    return Annotation(*packed)


def _canonical(doc: Any, memo: dict[Any, Any]) -> Packed | None:
    """The fields of a document laid out exactly as :func:`to_doc` writes it, or None.

    The open-time hot path (once per stored annotation), so it checks the layout by key
    order and the types of the texts with one ``str.join`` (TypeError if one is not a
    string) instead of field by field.
    """
    if type(doc) is not dict or tuple(doc) != _ORDER:
        return None
    (
        identifier, interview, fingerprint, selector, raw, tags,
        note, author, created, updated, status, source, revision,
    ) = doc.values()  # fmt: skip
    if type(selector) is not list or len(selector) != 2 or type(raw) is not dict:
        return None
    position, quote = selector
    if (
        type(position) is not dict
        or type(quote) is not dict
        or tuple(position) != _POSITION_ORDER
        or tuple(quote) != _QUOTE_ORDER
        or tuple(raw) != _RAW_ORDER
    ):
        return None
    kind, start, end = position.values()
    quote_kind, exact, prefix, suffix = quote.values()
    raw_start, raw_end = raw.values()
    status = _STATUS.get(status) if type(status) is str else None
    if (
        kind != POSITION
        or quote_kind != QUOTE
        or status is None
        or not type(start) is type(end) is type(raw_start) is type(raw_end) is int
        or not 0 <= start <= end
        or type(tags) is not list
        or type(revision) is not int
        or revision < 1
    ):
        return None
    # One C call checks that every text is a string: join raises TypeError otherwise.
    "".join((identifier, interview, fingerprint, exact, prefix, suffix, note, author))
    "".join((created, updated, source))
    return _shared(
        memo, identifier, interview, fingerprint, start, end, exact, prefix, suffix,
        raw_start, raw_end, tags, note, author, created, updated, status, source, revision,
    )  # fmt: skip


def _round_trip(doc: Any, memo: dict[Any, Any]) -> Any:
    """The slow path for any other layout: packed only if nothing would be lost."""
    try:
        annotation = from_doc(doc)
        written = to_doc(annotation)
        if not isinstance(doc, dict) or any(
            key not in written or written[key] != value for key, value in doc.items()
        ):
            return doc
    except (AttributeError, KeyError, TypeError, ValueError):
        return doc
    return _shared(memo, *(getattr(annotation, name) for name in _FIELDS))


def _shared(
    memo: dict[Any, Any],
    identifier: str,
    interview: str,
    fingerprint: str,
    start: int,
    end: int,
    exact: str,
    prefix: str,
    suffix: str,
    raw_start: int,
    raw_end: int,
    tags: list[str] | tuple[str, ...],
    note: str,
    author: str,
    created: str,
    updated: str,
    status: str,
    source: str,
    revision: int,
) -> Packed:
    """These fields packed, repeated values shared through ``memo``.

    Ids, quotes and their context are nearly always unique, so they are not looked up,
    nor is an empty text (a single object already). TypeError if a tag is not a string.
    """
    known = tuple(tags)
    shared_tags = memo.get(known)
    if shared_tags is None:
        "".join(known)
        shared_tags = memo[known] = tuple(memo.setdefault(tag, tag) for tag in known)
    share = memo.setdefault
    fields = (
        identifier, share(interview, interview), share(fingerprint, fingerprint),
        share(start, start), share(end, end), exact, prefix, suffix,
        share(raw_start, raw_start), share(raw_end, raw_end), shared_tags,
        note and share(note, note), share(author, author), share(created, created),
        share(updated, updated), status, source and share(source, source),
    )  # fmt: skip
    return fields if revision == 1 else (*fields, revision)


def to_public(annotation: Annotation) -> dict[str, Any]:
    """The flat JSON shape of ``gloss list --json`` and the JSON exports (``quote`` = exact)."""
    return {
        "id": annotation.id,
        "interview": annotation.interview,
        "fingerprint": annotation.fingerprint,
        "start": annotation.start,
        "end": annotation.end,
        "quote": annotation.exact,
        "prefix": annotation.prefix,
        "suffix": annotation.suffix,
        "raw_start": annotation.raw_start,
        "raw_end": annotation.raw_end,
        "tags": list(annotation.tags),
        "note": annotation.note,
        "author": annotation.author,
        "created": annotation.created,
        "updated": annotation.updated,
        "status": annotation.status,
        "source": annotation.source,
        "revision": annotation.revision,
    }


def from_public(record: dict[str, Any]) -> Annotation:
    """Read back :func:`to_public` (or a stored document); errors as in :func:`from_doc`."""
    if "selector" in record:
        return from_doc(record)
    start, end = int(record["start"]), int(record["end"])
    exact = record.get("quote", record.get("exact"))
    if exact is None:
        raise KeyError("quote")
    return from_doc(
        {
            **record,
            "selector": _selectors(
                start, end, exact, record.get("prefix", ""), record.get("suffix", "")
            ),
            "raw": {
                "start": record.get("raw_start", start),
                "end": record.get("raw_end", end),
            },
        }
    )
