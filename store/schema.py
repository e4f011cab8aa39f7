"""What makes a JSON file a gloss database, and bringing older ones up to date.

The ``meta`` table holds one document ``{"app": "gloss", "schema": N}``. A file without
it is someone else's and is refused, never written over. A file with an older ``N`` is
migrated on open, after a durable backup copy beside it; a newer ``N`` is refused.

Version history:
- 0: the prototype. Flat annotations (``start``, ``end``, ``quote``, a single ``tag`` or
  ``tags``), no fingerprint, context, raw offsets, ``updated`` or status; meta had no
  ``schema`` key.
- 1: W3C-style selectors, raw offsets, fingerprint, status, a ``codebook`` table.
- 2: a ``revision`` on every annotation (1 for those migrated), and an annotation holds
  one coder's work: ``add`` merges only into the same author's annotation of a passage.
  Annotations an older gloss merged across coders stay under the author they had.
- 3: the journal checks itself (:mod:`store.journal_format`): meta names the main
  file's ``generation`` (new at each compaction) and the one ``folded`` into it. The old
  journal (bare JSON lines) is replayed once, with the migration.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from store.errors import StoreError
from store.journal import Tables

SCHEMA_VERSION = 3
APP = "gloss"
TABLES = ("annotations", "codebook", "meta")
META_KEY = "1"


def empty_tables() -> Tables:
    """A new, empty database of the current version."""
    return {
        "annotations": {},
        "codebook": {},
        "meta": {META_KEY: {"app": APP, "schema": SCHEMA_VERSION}},
    }


def version_of(main: Any, path: Path) -> int:
    """The schema version of a parsed main file; StoreError if it is not a gloss database."""
    not_gloss = f"{path}: not a gloss database ({{why}}); it was left untouched, pass another --db"
    if not isinstance(main, dict):
        raise StoreError(not_gloss.format(why="not a JSON object"))
    meta = main.get("meta")
    docs = meta.values() if isinstance(meta, dict) else ()
    doc = next((d for d in docs if isinstance(d, dict) and d.get("app") == APP), None)
    if doc is None:
        raise StoreError(not_gloss.format(why="no 'meta' table naming gloss"))
    for name in TABLES:
        table = main.get(name, {})
        if not isinstance(table, dict) or not all(isinstance(d, dict) for d in table.values()):
            raise StoreError(not_gloss.format(why=f"table {name!r} is not a table of documents"))
    version = doc.get("schema", 0)
    if not isinstance(version, int) or version < 0:
        raise StoreError(not_gloss.format(why=f"schema version {version!r} is not a number"))
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path}: written by a newer gloss (schema {version}, this one reads up to "
            f"{SCHEMA_VERSION}); upgrade gloss to open it"
        )
    return version


def backup_path(path: Path, version: int) -> Path:
    """Where the copy made before migrating from ``version`` goes."""
    return path.with_name(f"{path.name}.v{version}.bak")


def migrate(main: dict[str, Any], version: int) -> Tables:
    """The tables of ``main`` brought from ``version`` to the current schema."""
    tables: dict[str, Any] = {name: dict(main.get(name, {})) for name in main}
    while version < SCHEMA_VERSION:
        tables = MIGRATIONS[version](tables)
        version += 1
    for name in TABLES:
        tables.setdefault(name, {})
    tables["meta"] = {META_KEY: {"app": APP, "schema": SCHEMA_VERSION}}
    return tables


def _v0_to_v1(tables: dict[str, Any]) -> dict[str, Any]:
    annotations = {}
    for key, old in tables.get("annotations", {}).items():
        start, end = int(old["start"]), int(old["end"])
        tags = old.get("tags")
        if tags is None:
            tags = [old["tag"]] if old.get("tag") else []
        created = str(old.get("created", ""))
        annotations[key] = {
            "id": str(old["id"]),
            "interview": str(old["interview"]),
            # Unknown: the empty fingerprint never matches, so the next anchor() finds the
            # passage again and fills in context and raw offsets.
            "fingerprint": "",
            "selector": [
                {"type": "TextPositionSelector", "start": start, "end": end},
                {
                    "type": "TextQuoteSelector",
                    "exact": str(old["quote"]),
                    "prefix": "",
                    "suffix": "",
                },
            ],
            "raw": {"start": start, "end": end},
            "tags": sorted({str(tag).strip() for tag in tags if str(tag).strip()}),
            "note": str(old.get("note", "")),
            "author": str(old.get("author", "")),
            "created": created,
            "updated": str(old.get("updated", created)),
            "status": "anchored",
        }
    return {**tables, "annotations": annotations, "codebook": tables.get("codebook", {})}


def _v1_to_v2(tables: dict[str, Any]) -> dict[str, Any]:
    annotations = {
        key: {**doc, "revision": doc.get("revision", 1)}
        for key, doc in tables.get("annotations", {}).items()
    }
    return {**tables, "annotations": annotations}


def _v2_to_v3(tables: dict[str, Any]) -> dict[str, Any]:
    return tables  # only the journal changed; the generation is named at the next write


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    0: _v0_to_v1,
    1: _v1_to_v2,
    2: _v2_to_v3,
}
