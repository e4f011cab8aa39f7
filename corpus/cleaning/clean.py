"""Raw text to clean text, with an exact map back to the raw characters.

Every cleaning step lives behind this one function so that the clean-to-raw offset map
stays exact: annotations are anchored in clean text, and the raw file must stay
reachable from any clean span. The steps, in order:

1. line ends: CRLF and lone CR become LF (``corpus.cleaning.escapes``);
2. terminal escapes, control and invisible characters are removed (``corpus.cleaning.escapes``);
3. web-page chrome lines (``CHROME_LINES``) are dropped whole;
4. injected symbol noise is cut out (``corpus.cleaning.symbols``) and the ASCII left of each noise
   run is judged by a word-frequency noisy-channel model (``corpus.cleaning.noise``).

Every step only deletes characters (a lone CR is swapped for LF in place), so clean text
that carries none of these is returned unchanged.
"""

from __future__ import annotations

import re

from corpus.cleaning.edits import Mapped, delete_spans
from corpus.cleaning.escapes import normalise_line_ends, strip_escapes
from corpus.cleaning.noise import resolve_ascii_noise
from corpus.cleaning.symbols import SYMBOL_CLASS, remove_symbols
from corpus.model import CleanText

CHROME_LINES = ("Clear records", "history record", "cancel")
"""Whole lines of web-page chrome (compared case-insensitively, whitespace ignored)."""

_NOISE = f"[{SYMBOL_CLASS}]*"
_CHROME = re.compile(
    rf"^[ \t]*{_NOISE}(?:"
    + "|".join("".join(re.escape(c) + _NOISE for c in line) for line in CHROME_LINES)
    + r")[ \t]*(?:\n|\Z)",
    re.IGNORECASE | re.MULTILINE,
)
"""A chrome line, even with noise symbols pushed into it."""


def drop_chrome(source: Mapped) -> Mapped:
    """Drop whole chrome lines, with their line ends."""
    return delete_spans(source, (m.span() for m in _CHROME.finditer(source.text)))[0]


def clean_text(raw: str) -> CleanText:
    """Return the clean text with a map back to raw offsets."""
    mapped = Mapped.identity(raw)
    mapped = normalise_line_ends(mapped)
    mapped = strip_escapes(mapped)
    mapped = drop_chrome(mapped)
    mapped, scars = remove_symbols(mapped)
    mapped = resolve_ascii_noise(mapped, scars)
    return CleanText(text=mapped.text, raw=raw, raw_offsets=mapped.offsets)
