"""Annotations as a W3C Web Annotation collection (JSON-LD), for web annotation tools.

The file is one ``AnnotationCollection`` whose single embedded ``AnnotationPage`` holds
every annotation (https://www.w3.org/TR/annotation-model/). Each annotation keeps its own
``@context`` so that it stays a valid annotation when taken out of the file (the W3C
test suite requires it of every annotation). Its target is the interview with a
``TextQuoteSelector`` (exact, prefix, suffix) and a ``TextPositionSelector`` counted in
Unicode code points of gloss's clean text (``gloss clean``), which is what Python string
indices count; tags are bodies with purpose ``tagging``, the note a plain-text body with
purpose ``commenting``, the coder the ``creator``. Items are written in chunks as they
are made, never as one string for the whole file.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import TextIO
from urllib.parse import quote

from store.model import Annotation

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
GLOSS_NAMESPACE = uuid.UUID("6f1d2c3e-8b47-5a1e-9c0d-7e2f4a6b8c91")
"""Names the uuid5 ids gloss makes (for annotation ids that are not UUIDs, collections)."""
INTERVIEW_URN = "urn:gloss:interview:"
CHUNK = 1000


def annotation_iri(annotation_id: str) -> str:
    """``urn:uuid:`` with the annotation's id if it is a UUID, else a uuid5 of it (stable)."""
    try:
        return uuid.UUID(annotation_id).urn
    except ValueError:
        return uuid.uuid5(GLOSS_NAMESPACE, annotation_id).urn


def source_iri(annotation: Annotation) -> str:
    """``urn:gloss:interview:<id>``: the interview, whose clean text the selectors index.

    Never the file's ``file:`` URI: the positions count the clean text (``gloss clean``),
    not the file's raw bytes, and a path names one machine's copy, not the interview.
    """
    return INTERVIEW_URN + quote(annotation.interview, safe="")


def rfc3339(stamp: str) -> str | None:
    """``stamp`` as an RFC 3339 UTC time with milliseconds; None if it is not a time."""
    if len(stamp) == 24 and stamp[10] == "T" and stamp[19] == "." and stamp[23] == "Z":
        return stamp  # already so: how gloss stores every time (store.records checks imports)
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)  # gloss has always stored UTC
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def to_w3c(annotation: Annotation) -> dict[str, object]:
    """One annotation in the Web Annotation data model."""
    selectors: list[dict[str, object]] = [
        {
            "type": "TextQuoteSelector",
            "exact": annotation.exact,
            "prefix": annotation.prefix,
            "suffix": annotation.suffix,
        }
    ]
    if not annotation.orphaned:  # an orphan's offsets no longer point at its quote
        selectors.append(
            {"type": "TextPositionSelector", "start": annotation.start, "end": annotation.end}
        )
    bodies: list[dict[str, object]] = [
        {"type": "TextualBody", "purpose": "tagging", "value": tag} for tag in annotation.tags
    ]
    if annotation.note:
        bodies.append(
            {
                "type": "TextualBody",
                "purpose": "commenting",
                "value": annotation.note,
                "format": "text/plain",
            }
        )
    motivation = [
        word
        for word, present in (("tagging", annotation.tags), ("commenting", annotation.note))
        if present
    ]
    record: dict[str, object] = {
        "@context": CONTEXT,
        "id": annotation_iri(annotation.id),
        "type": "Annotation",
        "motivation": motivation[0] if len(motivation) == 1 else motivation or "highlighting",
    }
    if annotation.author:
        record["creator"] = {"type": "Person", "name": annotation.author}
    for key, stamp in (("created", annotation.created), ("modified", annotation.updated)):
        moment = rfc3339(stamp)
        if moment is not None:
            record[key] = moment
    if bodies:
        record["body"] = bodies
    record["target"] = {"source": source_iri(annotation), "selector": selectors}
    return record


def collection_iri(annotations: Sequence[Annotation]) -> str:
    """A stable id for the collection: the same annotations (and revisions), the same id."""
    names = "\n".join(f"{a.id} {a.revision}" for a in annotations)
    return uuid.uuid5(GLOSS_NAMESPACE, "collection\n" + names).urn


def write_collection(
    annotations: Sequence[Annotation],
    out: TextIO,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Write ``annotations`` as one collection to ``out``; returns how many were written.

    ``progress(done, total)`` is called after each chunk but the last (the caller says
    when it is finished).
    """
    total = len(annotations)
    collection = collection_iri(annotations)
    page = uuid.uuid5(GLOSS_NAMESPACE, collection + "\npage 1").urn
    head = {
        "@context": CONTEXT,
        "id": collection,
        "type": "AnnotationCollection",
        "label": "gloss annotations",
        "total": total,
    }
    page_head = {"id": page, "type": "AnnotationPage", "partOf": collection, "startIndex": 0}
    out.write(json.dumps(head, ensure_ascii=False)[:-1])
    out.write(', "first": ' + json.dumps(page_head, ensure_ascii=False)[:-1] + ', "items": [')
    for first in range(0, total, CHUNK):
        chunk = annotations[first : first + CHUNK]
        items = [json.dumps(to_w3c(a), ensure_ascii=False) for a in chunk]
        out.write(("\n  " if first == 0 else ",\n  ") + ",\n  ".join(items))
        if progress is not None and first + len(chunk) < total:
            progress(first + len(chunk), total)
    out.write("\n]}}\n" if total else "]}}\n")
    return total
