"""Reading gloss JSON / JSON Lines exports back, to merge them into a database.

Accepts what :mod:`store.export` writes (a JSON array, or one object per line) and, for
moving annotations between machines, another gloss database file (its main file: run
``gloss compact`` on it first). Every record must meet the one schema of
:mod:`store.records`; a file with one bad record is refused whole, with one message
naming the file, the record (its line in JSON Lines, its index in a JSON array, its key
in a database) and the field. JSON Lines are split on ``\\n`` alone: a note may hold
U+2028, U+2029 or U+0085, which other line splitters take for line breaks. Merging (by
id, no duplicates) is :meth:`AnnotationStore.import_annotations`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import msgspec

from store.errors import StoreError
from store.model import Annotation
from store.records import Record, RecordError, to_annotation

ADVICE = "nothing was imported; fix that record, or import a gloss JSON or JSONL export"
_AT = re.compile(r"^(?P<problem>.*?)(?: - at `\$(?P<path>[^`]*)`)?$", re.DOTALL)
_INDEX = re.compile(r"^\[(\d+)\]")
_BYTE = re.compile(r"\(byte (\d+)\)")
_UNKNOWN = re.compile(r"unknown field `(?P<field>[^`]*)`")
_MISSING = re.compile(r"missing required field `(?P<field>[^`]*)`")
_RECORDS = msgspec.json.Decoder(list[Record])
_RECORD = msgspec.json.Decoder(Record)
_TABLES = msgspec.json.Decoder(dict[str, msgspec.Raw])


def read_annotations(path: Path) -> list[Annotation]:
    """The annotations in a gloss JSON/JSONL export or database; StoreError if unusable."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise StoreError(f"{path}: no such file; check the path") from None
    except IsADirectoryError:
        raise StoreError(f"{path}: is a directory; import a gloss JSON or JSONL export") from None
    except OSError as error:
        raise StoreError(f"{path}: cannot be read ({error.strerror}); check it") from None
    data = data.removeprefix(b"\xef\xbb\xbf")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        raise StoreError(f"{path}: not UTF-8 text; import a gloss JSON or JSONL export") from None
    stripped = data.lstrip()
    if not stripped:
        return []
    if stripped.startswith(b"["):
        return _from_array(path, data)
    if stripped.startswith(b"{"):
        try:
            tables = _TABLES.decode(data)
        except RecursionError as error:
            raise StoreError(_explained(path, "the file", error)) from None
        except msgspec.MsgspecError:
            pass  # several lines, or a damaged one: read line by line
        else:
            if "annotations" in tables and "id" not in tables:
                _refuse_pending_journal(path)
                return _from_database(path, tables["annotations"])
    return _from_lines(path, data)


def _from_array(path: Path, data: bytes) -> list[Annotation]:
    """A JSON array of records (``gloss export --format json``)."""
    try:
        records = _RECORDS.decode(data)
    except (msgspec.MsgspecError, RecursionError) as error:
        raise StoreError(_explained(path, "record at index", error, data)) from None
    return [_made(path, f"record at index {index}", r) for index, r in enumerate(records)]


def _from_lines(path: Path, data: bytes) -> list[Annotation]:
    """JSON Lines: one record per ``\\n``-terminated line; blank lines are skipped."""
    found = []
    for number, line in enumerate(data.split(b"\n"), start=1):
        if not line.strip():
            continue
        where = f"line {number}"
        try:
            record = _RECORD.decode(line)
        except (msgspec.MsgspecError, RecursionError) as error:
            raise StoreError(_explained(path, where, error)) from None
        found.append(_made(path, where, record))
    return found


def _from_database(path: Path, table: msgspec.Raw) -> list[Annotation]:
    """The ``annotations`` table of a gloss database file, each document read as a record."""
    try:
        documents = _TABLES.decode(table)
    except (msgspec.MsgspecError, RecursionError) as error:
        raise StoreError(_explained(path, "the annotations table", error)) from None
    found = []
    for key, raw in documents.items():
        where = f"annotation {key!r}"
        try:
            record = msgspec.convert(_public(msgspec.json.decode(raw)), Record, strict=True)
        except (msgspec.MsgspecError, RecursionError) as error:
            raise StoreError(_explained(path, where, error)) from None
        except RecordError as error:
            raise StoreError(f"{path}: {where}: {error}; {ADVICE}") from None
        found.append(_made(path, where, record))
    return found


def _refuse_pending_journal(path: Path) -> None:
    """A database whose journal holds changes would be imported without them: refused."""
    journal = path.with_name(path.name + ".journal")
    try:
        pending = journal.stat().st_size > 0
    except OSError:
        pending = False
    if pending:
        raise StoreError(
            f"{path}: its journal {journal.name} holds changes the file does not; run "
            f"'gloss compact --db {path}' first, then import it (nothing was imported)"
        )


def _public(document: Any) -> Any:
    """A stored document (W3C selectors) in the export's flat shape, values untouched.

    Only the layout changes here; the values are checked by the schema afterwards.
    """
    if not isinstance(document, dict):
        return document
    flat = {key: value for key, value in document.items() if key not in ("selector", "raw")}
    selectors = document.get("selector")
    if not isinstance(selectors, list) or not all(isinstance(s, dict) for s in selectors):
        raise RecordError("selector", "is not a list of W3C selectors")
    for selector in selectors:
        kind = selector.get("type")
        if kind == "TextPositionSelector":
            flat.update(start=selector.get("start"), end=selector.get("end"))
        elif kind == "TextQuoteSelector":
            flat.update(
                quote=selector.get("exact"),
                prefix=selector.get("prefix", ""),
                suffix=selector.get("suffix", ""),
            )
    raw = document.get("raw")
    if isinstance(raw, dict):
        flat.update({f"raw_{key}": value for key, value in raw.items()})
    elif raw is not None:
        raise RecordError("raw", "is not an object with start and end")
    return flat


def _made(path: Path, where: str, record: Record) -> Annotation:
    try:
        return to_annotation(record)
    except RecordError as error:
        raise StoreError(f"{path}: {where}: {error}; {ADVICE}") from None


def _explained(path: Path, where: str, error: Exception, data: bytes | None = None) -> str:
    """One line for a decoding error: the record (and field) it is about, and why."""
    if isinstance(error, RecursionError):
        return f"{path}: {where.removesuffix(' at index')}: nested too deeply; {ADVICE}"
    match = _AT.match(str(error))
    assert match is not None  # the pattern matches any text
    problem, located = match["problem"], match["path"] or ""
    index = _INDEX.match(located)
    if index is not None:
        where, located = f"{where} {index[1]}", located[index.end() :]
    elif where.endswith(" at index"):
        byte = _BYTE.search(problem)
        line = data[: int(byte[1])].count(b"\n") + 1 if byte and data is not None else None
        where = f"line {line}" if line else "the file"
    field = located.lstrip(".")
    unknown = _UNKNOWN.search(problem)
    if unknown is not None:
        field = f"{field}.{unknown['field']}" if field else unknown["field"]
        problem = "is not a field of a gloss annotation"
    missing = _MISSING.search(problem)
    if missing is not None:
        field = f"{field}.{missing['field']}" if field else missing["field"]
        problem = "missing (every gloss annotation has it)"
    if not isinstance(error, msgspec.ValidationError):  # (a DecodeError too)
        problem = f"not valid JSON ({problem.removeprefix('JSON is malformed: ')})"
    problem = problem.replace("`", "")
    if problem.startswith("Expected"):
        problem = "e" + problem[1:]
        if problem == "expected object, got array" or not field:
            problem = f"{problem} (not an annotation record)"
    return f"{path}: {where}: {field + ': ' if field else ''}{problem}; {ADVICE}"
