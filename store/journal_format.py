"""One line of the journal: a batch of changes that checks itself.

A line is ``<crc32 as 8 hex digits> <payload>\\n`` where the payload is the JSON object
``{"g": generation, "n": line number, "ops": [[table, key, document-or-null, identity],
...]}``. The checksum catches a damaged line (flipped bytes, two lines joined by a lost
line break, half a line); the line number catches lines duplicated, reordered or lost in
the middle; the generation ties the journal to the main file it extends (a random id
in the main file's ``meta`` table, new at every compaction), so the journal of another
copy of the database is never replayed onto this one. Each operation names the record
it changes by its stable identity (an annotation's id, a codebook entry's path), not
only by TinyDB's document key, which is reused: replayed onto a file where that key
holds another record, it cannot overwrite it.

Journals of gloss before schema 3 held bare ``{"ops": [[table, key, document]]}`` lines
(a line that starts with ``{``); they are still read, once, to migrate their database.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable
from typing import Any

from store.docstream import Decode

LEGACY = ""
"""The generation of every line of an old journal, as :data:`FOLDED` names it."""

Row = Any
Entry = tuple[str, str, Row | None, str | None]
"""``(table, key, document, identity)`` as read from or written to the journal; a
``None`` document deletes the record; identity is None only for a deletion read from an
old journal (which then goes by key)."""

IDENTITY_FIELD = {"annotations": "id", "codebook": "path"}
"""The tables a journal may change, and the field that names a record in each."""
META = "meta"
GENERATION = "generation"
"""The key, in the main file's meta document, of the generation its journal names."""
FOLDED = "folded"
"""The key of the generation before (``""`` for a journal of the old kind): a crash
between a compaction's rename and its emptying of the journal leaves lines naming it,
which the main file holds already."""

Identity = Callable[[str, Row], str | None]
"""``identity(table, row)``: the stable name of a row held in memory."""


class Damage(ValueError):
    """A journal line that is not a change gloss wrote; ``str()`` says what is wrong."""


def plain_identity(table: str, row: Row) -> str | None:
    """The identity of a row held as its plain JSON document."""
    value = row.get(IDENTITY_FIELD.get(table, ""), None) if isinstance(row, dict) else None
    return value if isinstance(value, str) else None


def generation_of(main: Any, key: str = GENERATION) -> str | None:
    """The generation (or ``key``) named in a parsed main file's meta table, if any."""
    meta = main.get(META) if isinstance(main, dict) else None
    for doc in meta.values() if isinstance(meta, dict) else ():
        value = doc.get(key) if isinstance(doc, dict) else None
        if isinstance(value, str):
            return value
    return None


def stamp_generation(tables: dict[str, Any], generation: str, folded: str | None) -> None:
    """Name ``generation`` (and the ``folded`` one before it) in the meta document(s) of
    ``tables``, before they are written."""
    meta = tables.get(META)
    for doc in meta.values() if isinstance(meta, dict) else ():
        if isinstance(doc, dict):
            doc[GENERATION] = generation
            doc.pop(FOLDED, None)
            if folded is not None:
                doc[FOLDED] = folded


def encode_line(
    generation: str, number: int, entries: list[Entry], default: Callable[[Any], Any]
) -> bytes:
    """The journal line of one batch (``default`` as for ``json.dumps``)."""
    payload = json.dumps(
        {"g": generation, "n": number, "ops": entries},
        ensure_ascii=False,
        separators=(",", ":"),
        default=default,
    ).encode()
    return b"%08x %s\n" % (zlib.crc32(payload), payload)


def decode_line(line: bytes, decode: Decode | None) -> tuple[str | None, int | None, list[Entry]]:
    """The generation, line number and entries of one line (without its ``\\n``).

    Generation and number are None for a line of an old journal. :class:`Damage` if the
    line is not one gloss wrote.
    """
    if line[:1] == b"{":
        return None, None, _entries(_parsed(line).get("ops"), decode, legacy=True)
    if len(line) < 10 or line[8:9] != b" " or line[:8] != b"%08x" % zlib.crc32(line[9:]):
        raise Damage("its checksum does not match")
    record = _parsed(line[9:])
    generation, number = record.get("g"), record.get("n")
    if not isinstance(generation, str) or type(number) is not int:
        raise Damage("no generation or line number")
    return generation, number, _entries(record.get("ops"), decode, legacy=False)


def _parsed(payload: bytes) -> dict[str, Any]:
    try:
        record = json.loads(payload)
    except ValueError:
        raise Damage("not valid JSON") from None
    except RecursionError:
        raise Damage("JSON nested too deeply") from None
    if not isinstance(record, dict):
        raise Damage("not a JSON object")
    return record


def _entries(raw: Any, decode: Decode | None, *, legacy: bool) -> list[Entry]:
    """The checked entries of a line's ``ops``; :class:`Damage` if one is not a change
    gloss makes (a table other than annotations and codebook, say)."""
    if not isinstance(raw, list):
        raise Damage("no list of changes")
    entries: list[Entry] = []
    for op in raw:
        if not isinstance(op, list) or len(op) != (3 if legacy else 4):
            raise Damage("a change of the wrong shape")
        table, key, doc = op[0], op[1], op[2]
        if table not in IDENTITY_FIELD:
            raise Damage(f"a change to the table {str(table)[:40]!r}, which gloss never changes")
        if not isinstance(key, str) or not (doc is None or isinstance(doc, dict)):
            raise Damage("a change of the wrong shape")
        identity = plain_identity(table, doc) if legacy else op[3]
        if doc is not None and (identity is None or plain_identity(table, doc) != identity):
            raise Damage(f"a record without its {IDENTITY_FIELD[table]!r}")
        if not legacy and not isinstance(identity, str):
            raise Damage("a change that does not name its record")
        if doc is not None and decode is not None:
            doc = decode(table, doc)
        entries.append((table, key, doc, identity))
    return entries


def replayed(
    tables: dict[str, dict[str, Row]], entries: list[Entry], identity: Identity = plain_identity
) -> dict[str, dict[str, Row]]:
    """``tables`` (changed in place) with the entries applied in order, each to the
    record its identity names (a record new to ``tables`` goes under its key if that
    is free, under a fresh key otherwise: never over another record)."""
    indexes: dict[str, dict[str, str]] = {}
    for table, key, doc, name in entries:
        rows = tables.setdefault(table, {})
        index = indexes.get(table)
        if index is None:
            index = indexes[table] = _index(rows, table, identity)
        if name is None:  # an old journal's deletion: by key
            old = rows.pop(key, None)
            old_name = None if old is None else identity(table, old)
            if old_name is not None and index.get(old_name) == key:
                del index[old_name]
            continue
        found = index.get(name)
        if doc is None:
            if found is not None:
                del rows[found], index[name]
            continue
        if found is None:
            holder = rows.get(key)
            found = key if holder is None else _fresh_key(tables)
            index[name] = found
        rows[found] = doc
    return tables


def _index(rows: dict[str, Row], table: str, identity: Identity) -> dict[str, str]:
    """Identity -> key of a table's rows (the first key of an identity held twice)."""
    index: dict[str, str] = {}
    for key, row in rows.items():
        name = identity(table, row)
        if name is not None:
            index.setdefault(name, key)
    return index


def _fresh_key(tables: dict[str, dict[str, Row]]) -> str:
    """A document key no table that a journal changes uses yet."""
    keys = [int(key) for table in IDENTITY_FIELD for key in tables.get(table, {}) if key.isdigit()]
    return str(max(keys, default=0) + 1)


def whole_but_its_break(line: bytes) -> bool:
    """True if ``line`` (the journal's last, without a line break, not whole itself) is a
    whole entry followed by one byte where its line break belongs: damage, not a tear."""
    try:
        decode_line(line[:-1], None)
    except Damage:
        return False
    return True
