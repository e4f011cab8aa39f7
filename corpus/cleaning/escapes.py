"""Line endings, terminal escapes and invisible characters: what must never reach a screen.

Interview files come from web pages and terminals. A stray ``ESC [ 2 J`` in a transcript
would clear the reader's screen, a bidi override would reorder what the user sees, and a
CR would make a CRLF file differ from its LF twin. All of it goes here, first, so that
later steps see plain lines of text. What counts as unsafe is decided in
``corpus.untrusted``, shared with the screen and the store.

Tabs are kept as they are: they are whitespace the user may have meant, and the reader
renders them safely.
"""

from __future__ import annotations

import re

from corpus.cleaning.edits import Mapped, delete_spans
from corpus.untrusted import unsafe_spans

_LONE_CR = re.compile(r"\r(?!\n)")
_CR_BEFORE_LF = re.compile(r"\r(?=\n)")


def normalise_line_ends(source: Mapped) -> Mapped:
    """CRLF and lone CR become LF, so CRLF and LF files give the same clean text."""
    text = source.text
    if "\r" not in text:
        return source
    # A lone CR becomes LF in place (same length, same offsets); then CRLF loses its CR,
    # so the LF keeps its own raw offset.
    swapped = Mapped(_LONE_CR.sub("\n", text), source.offsets)
    spans = [match.span() for match in _CR_BEFORE_LF.finditer(swapped.text)]
    return delete_spans(swapped, spans)[0]


def strip_escapes(source: Mapped) -> Mapped:
    """Remove terminal escape sequences and invisible control characters
    (``corpus.untrusted`` says which)."""
    return delete_spans(source, unsafe_spans(source.text))[0]
