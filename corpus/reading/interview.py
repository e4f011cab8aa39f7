"""Reading a file all the way to an Interview: the one entry point the other packages use.

The cleaner and the parsers (outline, sentences) are imported only when a text misses
the cache: a launch that finds its interviews there never loads them (tens of
milliseconds of imports and work).
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from dataclasses import replace
from pathlib import Path

from corpus.model import CleanText, Interview
from corpus.reading.cache import cached_clean, cached_parse
from corpus.reading.formats import read_document
from corpus.reading.parsed import Parsed


def fingerprint(text: str) -> str:
    """A short, stable hash of a clean text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _clean(raw: str) -> CleanText:
    """``clean_text(raw)``, the cleaner loaded on first use (a cache miss)."""
    from corpus.cleaning.clean import clean_text

    return clean_text(raw)


def _parse(text: str, headings: tuple[tuple[int, int], ...] = ()) -> Parsed:
    """The outline and sentences of a clean text, the parsers loaded on first use."""
    from corpus.outline.sentences import split_sentences
    from corpus.outline.structure import build_outline

    return build_outline(text, marked=headings), split_sentences(text)


def interview_from_text(
    interview_id: str,
    raw: str,
    path: Path | None = None,
    headings: tuple[tuple[int, int], ...] = (),
) -> Interview:
    """Clean and outline text that is already decoded; ``headings`` are the ``(raw
    offset, level)`` of lines its format marked as headings (``Document.headings``)."""
    clean = cached_clean(raw, _clean)
    marked = clean_headings(clean, headings)
    outline, sentences = cached_parse(
        clean.text, lambda text: _parse(text, marked), repr(marked) if marked else ""
    )
    return Interview(
        id=interview_id,
        path=path or Path(f"{interview_id}.txt"),
        clean=clean,
        outline=outline,
        sentences=sentences,
        fingerprint=fingerprint(clean.text),
        headings=marked,
    )


def load_interview(path: Path) -> Interview:
    """Read, clean and outline one interview file; raises CorpusError on bad input.

    Text, subtitle, Markdown and Word files alike (``corpus.reading.formats``); a subtitle
    file's cue times and the headings a format marks are carried over to offsets of the
    clean text.
    """
    document = read_document(path)
    interview = interview_from_text(path.stem, document.text, path, document.headings)
    if not document.times:
        return interview
    return replace(interview, times=clean_times(interview.clean, document.times))


def clean_headings(
    clean: CleanText, headings: tuple[tuple[int, int], ...]
) -> tuple[tuple[int, int], ...]:
    """``(raw offset, level)`` pairs as ``(clean offset, level)``, each raw offset moved to
    the first clean character that comes from it or after it."""
    return tuple(
        (bisect_left(clean.raw_offsets, offset, hi=len(clean.text)), level)
        for offset, level in headings
    )


def clean_times(
    clean: CleanText, times: tuple[tuple[int, float], ...]
) -> tuple[tuple[int, float], ...]:
    """``(raw offset, seconds)`` pairs as ``(clean offset, seconds)``: each raw offset moved
    to the first clean character that comes from it or after it."""
    moved: list[tuple[int, float]] = []
    for raw_offset, seconds in times:
        offset = bisect_left(clean.raw_offsets, raw_offset, hi=len(clean.text))
        if moved and moved[-1][0] == offset:
            continue
        moved.append((offset, seconds))
    return tuple(moved)
