"""Raw text to clean text, with an exact map back to the raw characters.

Every cleaning step lives behind this one function so that the clean-to-raw offset map
stays exact: annotations are anchored in clean text, and the raw file must stay
reachable from any clean span. The steps, in order:

1. line ends: CRLF and lone CR become LF (``corpus.cleaning.escapes``);
2. a printed transcript's margin line numbers, page headers and footers and layout spacing
   are taken out, its lines joined into paragraphs (``corpus.cleaning.printed``);
3. terminal escapes, control and invisible characters are removed (``corpus.cleaning.escapes``);
4. web-page chrome lines (``CHROME_LINES``) are dropped whole;
5. stretches of nothing but noise (32 characters or more) are cut out whole, one space kept
   (``corpus.cleaning.symbols``);
6. injected symbol noise is cut out (``corpus.cleaning.symbols``), only from a document that carries
   it (``corpus.cleaning.injected``: real transcripts use the same symbols), and the ASCII left of
   each noise run is judged by a word-frequency noisy-channel model (``corpus.cleaning.noise``).

Every step only deletes characters (a lone CR is swapped for LF in place, a printed
transcript's line break that runs on for a space), so clean text
that carries none of these is returned unchanged. Every step is linear in the text, and a
text over ``2 * PIECE`` characters is cleaned a piece at a time, so memory stays bounded.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterator

from corpus.cleaning.edits import Mapped, delete_spans
from corpus.cleaning.escapes import normalise_line_ends, strip_escapes
from corpus.cleaning.injected import carries_symbol_noise
from corpus.cleaning.noise import resolve_ascii_noise
from corpus.cleaning.passages import Judge
from corpus.cleaning.printed import unprint
from corpus.cleaning.symbols import SYMBOL_CLASS, drop_noise_stretches, remove_symbols
from corpus.cleaning.vocabulary import Vocabulary
from corpus.model import CleanText

PIECE = 1 << 19
"""Texts over twice this many characters are cleaned a piece at a time, so that the
memory used stays bounded by the piece rather than the file (a 45 MB file is allowed)."""
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
    pieces = list(_pieces(raw, PIECE))
    noisy = carries_symbol_noise(raw)
    if len(pieces) == 1:
        mapped, scars = _prepare(raw, 0, len(raw), noisy)
        mapped = resolve_ascii_noise(mapped, scars)
        return CleanText(text=mapped.text, raw=raw, raw_offsets=mapped.offset_array())
    # A long text, a piece at a time. The noise judge needs the names of the whole text
    # and a budget for all of it: a first pass counts them, the second cleans.
    seen = {"length": 0, "scars": 0}

    def prepared() -> Iterator[str]:
        for start, end in pieces:
            mapped, scars = _prepare(raw, start, end, noisy)
            seen["length"] += len(mapped.text)
            seen["scars"] += len(scars)
            yield mapped.text

    vocabulary = Vocabulary(prepared())
    judge = Judge(vocabulary, seen["length"]) if seen["scars"] else None
    texts: list[str] = []
    offsets = array("l")
    for start, end in pieces:
        mapped, scars = _prepare(raw, start, end, noisy)
        if judge is not None:
            mapped = resolve_ascii_noise(mapped, scars, judge)
            judge.forget()  # remembered scores would grow with the text
        texts.append(mapped.text)
        offsets.extend(mapped.offsets[:-1])  # the last is the piece's end, not a character
    offsets.append(len(raw))
    return CleanText(text="".join(texts), raw=raw, raw_offsets=offsets)


def _prepare(raw: str, start: int, end: int, noisy: bool) -> tuple[Mapped, list[tuple[int, int]]]:
    """Steps 1 to 4 up to the ASCII noise for ``raw[start:end]``, with its scars; symbols
    are cut only from a ``noisy`` document (``corpus.cleaning.injected``)."""
    mapped = Mapped.identity(raw[start:end], start)
    mapped = normalise_line_ends(mapped)
    mapped = unprint(mapped)
    mapped = strip_escapes(mapped)
    mapped = drop_chrome(mapped)
    mapped = drop_noise_stretches(mapped)
    return remove_symbols(mapped) if noisy else (mapped, [])


def _pieces(raw: str, size: int) -> Iterator[tuple[int, int]]:
    """``raw`` cut into pieces of ``size`` to ``2 * size`` characters, after a line end:
    before a blank line where there is one, for then no step reads across the cut."""
    start = 0
    while len(raw) - start > 2 * size:
        boundary = raw.find("\n\n", start + size, start + 2 * size) + 1
        if not boundary:
            boundary = raw.find("\n", start + size, start + 2 * size) + 1
        if not boundary:  # no line end at all: garbage, cut anywhere
            boundary = start + size
        yield start, boundary
        start = boundary
    yield start, len(raw)
