"""Reading a TinyDB JSON file one document at a time.

``json.loads`` of a 33 MB database holds the whole text (and, from bytes, a second copy)
while it builds every document as a dict of dicts; with 50k annotations that was most
of the reader's peak memory. A TinyDB file is an object of tables, each an object of
documents, so this reader walks those two levels itself, a chunk of text at a time,
parses each document with the standard library's C scanner and hands it straight to a
``decode(table, document)`` callback, which may turn it into something smaller at once.
Only a chunk of the text and one document's dicts are ever alive besides what
``decode`` returns.

Anything that is not an object of objects (a list, a table that is a number) is parsed
whole, as ``json.loads`` would, so callers still see the same values and refuse them in
the same way. Errors are ``json.JSONDecodeError`` with the line and column in the file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from json.scanner import make_scanner
from typing import Any, TextIO, cast

Decode = Callable[[str, Any], Any]
"""``decode(table, document)``: what to keep of one document of ``table``."""

CHUNK = 1 << 18
"""Characters read at a time: big enough that per-read costs vanish, small next to a
big database."""

MARGIN = 1 << 16
"""The hot loop reads on when less than this is left, so that a document is nearly
always whole in the buffer."""

TAIL = 8
"""A value that ends closer than this to the end of the buffer is read again with more."""

_SPACE = re.compile(r"[ \t\n\r]*")
_ENTRY = re.compile(r'[ \t\n\r]*"([^"\\\x00-\x1f]*)"[ \t\n\r]*:[ \t\n\r]*')
"""Up to a document: a key without escapes (TinyDB's are numbers), its colon."""
_AFTER = re.compile(r"[ \t\n\r]*([,}])")


def load(handle: TextIO, decode: Decode | None = None) -> Any:
    """The JSON value in ``handle``, documents of each table passed through ``decode``.

    With ``decode=None`` the result equals ``json.load(handle)``.
    """
    return _Reader(handle, decode).document()


class _Reader:
    """A cursor over a text read piecewise: ``buf[pos:]`` is what is not parsed yet."""

    def __init__(self, handle: TextIO, decode: Decode | None) -> None:
        self._handle = handle
        self._decode = decode
        self._scan = make_scanner(cast(Any, json.JSONDecoder()))  # the C scanner
        self._buf = ""
        self._pos = 0
        self._eof = False
        self._want = CHUNK
        self._lines = 0
        """Newlines in the text dropped from the front of the buffer."""
        self._column = 0
        """Characters after the last dropped newline (the column where ``buf`` starts)."""

    def document(self) -> Any:
        """The whole file's value; trailing text other than whitespace is an error."""
        value = self._object() if self._peek() == "{" else self._value()
        if self._peek() != "":
            raise self._error("Extra data", self._pos)
        return value

    # -- the two levels walked by hand ---------------------------------------------------

    def _object(self) -> dict[str, Any]:
        """The file's top object at ``pos``: tables, or whatever else its members are."""
        self._pos += 1  # the "{"
        result: dict[str, Any] = {}
        if self._peek() == "}":
            self._pos += 1
            return result
        while not self._member(result, depth=0, table=""):
            pass
        return result

    def _table(self, table: str) -> dict[str, Any]:
        """The table object at ``pos``, each document passed through ``decode``.

        The hot loop: a member of the usual shape (a plain key, a whole document in the
        buffer, then ``,`` or ``}``) costs two regular-expression matches and one call
        of the C scanner; anything else (the buffer running out, a damaged member) takes
        the careful path, :meth:`_member`, which reads on and reports errors.
        """
        self._pos += 1  # the "{"
        result: dict[str, Any] = {}
        if self._peek() == "}":
            self._pos += 1
            return result
        decode, scan, entry, after = self._decode, self._scan, _ENTRY.match, _AFTER.match
        while True:
            buf, pos = self._buf, self._pos
            if len(buf) - pos < MARGIN and not self._eof:
                self._want = CHUNK
                self._more()
                continue
            key = entry(buf, pos)
            if key is not None:
                try:
                    value, end = scan(buf, key.end())
                except (StopIteration, json.JSONDecodeError):
                    end = -1
                delimiter = after(buf, end) if end >= 0 else None
                if delimiter is not None:
                    result[key[1]] = value if decode is None else decode(table, value)
                    self._pos = delimiter.end()
                    if delimiter[1] == "}":
                        return result
                    continue
            if self._member(result, depth=1, table=table):
                return result

    def _member(self, into: dict[str, Any], depth: int, table: str) -> bool:
        """One ``"key": value`` and the delimiter after it, read with care; True at ``}``."""
        if self._peek() != '"':
            raise self._error("Expecting property name enclosed in double quotes", self._pos)
        key = self._string()
        if self._peek() != ":":
            raise self._error("Expecting ':' delimiter", self._pos)
        self._pos += 1
        first = self._peek()
        if depth == 0 and first == "{":
            into[key] = self._table(key)
        elif depth == 1 and self._decode is not None:
            into[key] = self._decode(table, self._value())
        else:
            into[key] = self._value()
        delimiter = self._peek()
        self._pos += 1
        if delimiter == "}":
            return True
        if delimiter != ",":
            raise self._error("Expecting ',' delimiter", self._pos - 1)
        return False

    def _string(self) -> str:
        """The string literal at ``pos`` (a property name)."""
        value = self._value()
        assert isinstance(value, str)  # the caller saw its opening quote
        return value

    def _value(self) -> Any:
        """The JSON value starting at ``pos``, read further until it is whole."""
        while True:
            try:
                value, end = self._scan(self._buf, self._pos)
            except StopIteration as stop:
                if not self._eof:
                    self._more()
                    continue
                raise self._error("Expecting value", stop.value) from None
            except json.JSONDecodeError as error:
                if not self._eof:
                    self._more()
                    continue
                raise self._error(error.msg, error.pos) from None
            # A number near the end of the buffer may go on in the next chunk ("1" of
            # "12", or "1" of "1e5" with the scanner stopped at a lone "e").
            if len(self._buf) - end < TAIL and not self._eof:
                self._more()
                continue
            self._pos = end
            self._want = CHUNK
            return value

    # -- the buffer ----------------------------------------------------------------------

    def _peek(self) -> str:
        """Skip whitespace; the next character, or "" at the end of the file."""
        while True:
            self._pos = _SPACE.match(self._buf, self._pos).end()  # type: ignore[union-attr]
            if self._pos < len(self._buf):
                return self._buf[self._pos]
            if self._eof:
                return ""
            self._more()

    def _more(self) -> None:
        """Drop the parsed front of the buffer and read another chunk (or note the end).

        Each retry of the same unfinished value reads twice as much as the last, so a
        value bigger than a chunk (or a damaged file, parsed to its end) costs linear
        time, not quadratic.
        """
        chunk = self._handle.read(self._want)
        self._want *= 2
        if not chunk:
            self._eof = True
            return
        dropped = self._buf[: self._pos]
        newlines = dropped.count("\n")
        if newlines:
            self._lines += newlines
            self._column = len(dropped) - dropped.rfind("\n") - 1
        else:
            self._column += len(dropped)
        self._buf = self._buf[self._pos :] + chunk
        self._pos = 0

    def _error(self, message: str, pos: int) -> json.JSONDecodeError:
        """``message`` at ``buf[pos]``, placed by line and column in the whole file."""
        error = json.JSONDecodeError(message, self._buf, pos)
        before = self._buf.count("\n", 0, pos)
        error.lineno = self._lines + before + 1
        error.colno = (pos - self._buf.rfind("\n", 0, pos)) if before else self._column + pos + 1
        error.args = (f"{message}: line {error.lineno} column {error.colno}",)
        return error
