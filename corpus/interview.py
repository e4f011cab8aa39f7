"""Reading a file all the way to an Interview: the one entry point the other packages use.

The cleaner is imported only when a text misses the cache of cleaned texts: a launch that
finds both interviews there never loads it (tens of milliseconds of imports).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from corpus.cache import cached_clean
from corpus.decode import read_text
from corpus.model import CleanText, Interview
from corpus.sentences import split_sentences
from corpus.structure import build_outline


def fingerprint(text: str) -> str:
    """A short, stable hash of a clean text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _clean(raw: str) -> CleanText:
    """``clean_text(raw)``, the cleaner loaded on first use (a cache miss)."""
    from corpus.clean import clean_text

    return clean_text(raw)


def interview_from_text(interview_id: str, raw: str, path: Path | None = None) -> Interview:
    """Clean and outline text that is already decoded."""
    clean = cached_clean(raw, _clean)
    return Interview(
        id=interview_id,
        path=path or Path(f"{interview_id}.txt"),
        clean=clean,
        outline=build_outline(clean.text),
        sentences=split_sentences(clean.text),
        fingerprint=fingerprint(clean.text),
    )


def load_interview(path: Path) -> Interview:
    """Read, clean and outline one interview file; raises CorpusError on bad input."""
    return interview_from_text(path.stem, read_text(path), path)
