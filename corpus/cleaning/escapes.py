"""Line endings, terminal escapes and invisible characters: what must never reach a screen.

Interview files come from web pages and terminals. A stray ``ESC [ 2 J`` in a transcript
would clear the reader's screen, a bidi override would reorder what the user sees, and a
CR would make a CRLF file differ from its LF twin. All of it goes here, first, so that
later steps see plain lines of text.

Tabs are kept as they are: they are whitespace the user may have meant, and the reader
renders them safely.
"""

from __future__ import annotations

import re

from corpus.cleaning.edits import Mapped, delete_spans

_LONE_CR = re.compile(r"\r(?!\n)")
_CR_BEFORE_LF = re.compile(r"\r(?=\n)")

ESCAPE_SEQUENCE = re.compile(
    r"""
      \x1b\[ [0-?]* [ -/]* [@-~]?               # CSI: ESC [ params intermediates final
    | \x9b [0-?]* [ -/]* [@-~]?                 # CSI, 8-bit form
    | \x1b[\]PX^_] [^\x07\x1b\n]* (?:\x07|\x1b\\)?   # OSC, DCS, SOS, PM, APC strings
    | [\x90\x98\x9d\x9e\x9f] [^\x07\x1b\n]* (?:\x07|\x1b\\|\x9c)?  # same, 8-bit forms
    | \x1b [ -/]* [0-~]?                        # any other ESC sequence (or a lone ESC)
    """,
    re.VERBOSE,
)
"""Terminal escape sequences, terminated or not (an unterminated one stops at the line end)."""

INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]+"
)
"""C0/C1 controls except LF and tab, soft hyphens, zero-width and bidi control characters."""


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
    """Remove terminal escape sequences, then every remaining invisible control character."""
    text = source.text
    if "\x1b" in text or "\x9b" in text or re.search("[\x90-\x9f]", text):
        source = delete_spans(source, (m.span() for m in ESCAPE_SEQUENCE.finditer(text)))[0]
    return delete_spans(source, (m.span() for m in INVISIBLE.finditer(source.text)))[0]
