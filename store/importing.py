"""Reading gloss JSON / JSON Lines exports back, to merge them into a database.

Accepts what :mod:`store.export` writes (a JSON array or one object per line) and, for
moving annotations between machines, another gloss database file. Merging itself (by id,
no duplicates) is :meth:`AnnotationStore.import_annotations`.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from store.codec import from_public
from store.errors import StoreError
from store.model import Annotation
from store.tagpaths import check_text, normalise_tags


def read_annotations(path: Path) -> list[Annotation]:
    """The annotations in a gloss JSON/JSONL export or database; StoreError if unreadable."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise StoreError(f"{path}: no such file; check the path") from None
    except UnicodeDecodeError:
        raise StoreError(f"{path}: not UTF-8 text; import a gloss JSON or JSONL export") from None
    except OSError as error:
        raise StoreError(f"{path}: cannot be read ({error.strerror}); check it") from None
    stripped = text.lstrip()
    if not stripped:
        return []
    records: list[tuple[int, Any]]
    if stripped[0] in "[{" and not _is_jsonl(stripped):
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError as error:
            raise StoreError(
                f"{path}: not valid JSON ({error.msg} at line {error.lineno}); import a gloss "
                "JSON or JSONL export"
            ) from None
        if isinstance(data, dict) and isinstance(data.get("annotations"), dict):
            data = list(data["annotations"].values())  # a gloss database file
        if not isinstance(data, list):
            raise StoreError(f"{path}: not a list of annotations; import a gloss JSON export")
        records = [(number, item) for number, item in enumerate(data, start=1)]
    else:
        records = []
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                try:
                    records.append((number, json.loads(line)))
                except json.JSONDecodeError as error:
                    raise StoreError(
                        f"{path}: line {number} is not valid JSON ({error.msg}); import a "
                        "gloss JSON or JSONL export"
                    ) from None
    return [_annotation(path, number, record) for number, record in records]


def _is_jsonl(text: str) -> bool:
    first = text.split("\n", 1)[0].strip()
    if not first.startswith("{"):
        return False
    try:
        json.loads(first)
    except json.JSONDecodeError:
        return False
    return True


def _annotation(path: Path, number: int, record: Any) -> Annotation:
    where = f"{path}: record {number}"
    if not isinstance(record, dict):
        raise StoreError(f"{where} is not an annotation object; import a gloss export")
    try:
        annotation = from_public(record)
    except (KeyError, ValueError, TypeError) as error:
        raise StoreError(
            f"{where} is not a gloss annotation ({type(error).__name__}: {error}); "
            "import a gloss JSON or JSONL export"
        ) from None
    if not annotation.id or not annotation.interview or annotation.end <= annotation.start:
        raise StoreError(f"{where} lacks an id, an interview or a passage; fix or remove it")
    try:
        tags = normalise_tags(list(annotation.tags))
        for field in ("id", "interview", "exact", "prefix", "suffix", "note", "author", "source"):
            check_text(getattr(annotation, field), field)
    except StoreError as error:
        raise StoreError(f"{where}: {error}") from None
    return replace(annotation, tags=tags)
