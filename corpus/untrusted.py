"""Text from outside gloss: what in it must never reach a terminal, in one place.

Interviews, notes, tag names and file names come from web pages, word processors and
other people. A stray ``ESC [ 2 J`` would clear the screen, an OSC string would retitle
the window, a C1 control would be read as an escape, a bidi override would reorder what
the user reads ("trojan source", CVE-2021-42574), and zero-width characters would make
two strings that look the same differ. Every part of gloss decides what is unsafe here:
the cleaner deletes it from interviews (keeping its offset map), the screen drops it from
notes and names or shows a visible stand-in, the store refuses it in tag names, the
command line prints it as an escape.

Tabs and newlines are safe: they are whitespace the user may have meant.

Only ``re`` is imported: the screen imports this module at launch.
"""

from __future__ import annotations

import re

__all__ = [
    "ESCAPE_SEQUENCE",
    "UNSAFE_CHARACTERS",
    "escape_unsafe",
    "has_unsafe",
    "show_unsafe",
    "strip_unsafe",
    "unsafe_spans",
]

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
"""A whole terminal escape sequence, so that its parameters (``[31m``) do not survive as
litter; an unterminated one stops at the line end."""

UNSAFE_CHARACTERS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]+"
)
"""Runs of C0 and C1 controls (all but tab and newline), DEL, soft hyphens, zero-width,
bidi and other invisible formatting characters."""

_MAY_HOLD_SEQUENCE = re.compile("[\x1b\x90-\x9f]")


def unsafe_spans(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` spans of ``text`` that are unsafe, sorted and not overlapping:
    whole escape sequences and runs of unsafe characters."""
    spans = [match.span() for match in UNSAFE_CHARACTERS.finditer(text)]
    if not _MAY_HOLD_SEQUENCE.search(text):
        return spans
    spans += [match.span() for match in ESCAPE_SEQUENCE.finditer(text)]
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def has_unsafe(text: str) -> bool:
    """True if ``text`` holds anything :func:`unsafe_spans` would find."""
    return UNSAFE_CHARACTERS.search(text) is not None


def strip_unsafe(text: str) -> str:
    """``text`` with escape sequences and unsafe characters deleted (CRLF becomes LF)."""
    spans = unsafe_spans(text)
    if not spans:
        return text
    kept, previous = [], 0
    for start, end in spans:
        kept.append(text[previous:start])
        previous = end
    kept.append(text[previous:])
    return "".join(kept)


def _stand_in(char: str) -> str:
    """A one-cell stand-in for an unsafe character: its Unicode control picture or U+FFFD."""
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # e.g. ESC -> U+241B SYMBOL FOR ESCAPE
    if code == 0x7F:
        return "\u2421"  # SYMBOL FOR DELETE
    return "\ufffd"


def show_unsafe(text: str) -> str:
    """``text`` with each unsafe character replaced by one visible stand-in.

    The result has the length of ``text``, so offsets into it (annotation spans, search
    hits) still index it. Escape sequences lose their ESC, which is what made them act;
    the rest of them shows as the text it is.
    """
    return UNSAFE_CHARACTERS.sub(lambda run: "".join(map(_stand_in, run.group())), text)


def escape_unsafe(text: str) -> str:
    """``text`` with each unsafe character written as a Python escape (``\\x1b``, ``\\u202e``),
    for output a person reads in a terminal or a log."""
    return UNSAFE_CHARACTERS.sub(
        lambda run: "".join(
            f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"
            for char in run.group()
        ),
        text,
    )
