"""An Annotation as a TinyDB document, and back.

The stored shape follows the W3C Web Annotation model where it has a word for the idea:
the passage is a list of selectors (``TextPositionSelector`` on the clean text and
``TextQuoteSelector`` with ``prefix``/``suffix``), so other tools can read the file.
"""

from __future__ import annotations

from typing import Any, cast

from store.model import STATUSES, Annotation, Status

POSITION = "TextPositionSelector"
QUOTE = "TextQuoteSelector"


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
    )


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
