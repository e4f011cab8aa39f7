"""Reading a file all the way to an Interview: the one entry point the other packages use.

The cleaner and the parsers (outline, sentences) are imported only when a text misses
the cache: a launch that finds its interviews there never loads them (tens of
milliseconds of imports and work).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from corpus.model import CleanText, Interview
from corpus.reading.cache import cached_clean, cached_parse
from corpus.reading.decode import read_text
from corpus.reading.parsed import Parsed


def fingerprint(text: str) -> str:
    """A short, stable hash of a clean text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _clean(raw: str) -> CleanText:
    """``clean_text(raw)``, the cleaner loaded on first use (a cache miss)."""
    from corpus.cleaning.clean import clean_text

    return clean_text(raw)


def _parse(text: str) -> Parsed:
    """The outline and sentences of a clean text, the parsers loaded on first use."""
    from corpus.outline.sentences import split_sentences
    from corpus.outline.structure import build_outline

    return build_outline(text), split_sentences(text)


def interview_from_text(interview_id: str, raw: str, path: Path | None = None) -> Interview:
    """Clean and outline text that is already decoded."""
    clean = cached_clean(raw, _clean)
    outline, sentences = cached_parse(clean.text, _parse)
    return Interview(
        id=interview_id,
        path=path or Path(f"{interview_id}.txt"),
        clean=clean,
        outline=outline,
        sentences=sentences,
        fingerprint=fingerprint(clean.text),
    )


def load_interview(path: Path) -> Interview:
    """Read, clean and outline one interview file; raises CorpusError on bad input."""
    return interview_from_text(path.stem, read_text(path), path)
