"""corpus: from an interview file to clean text and an outline. Pure Python, no UI.

The public API is re-exported here; other packages import from ``corpus`` only.

The names are resolved on first use (module ``__getattr__``, PEP 562): importing
``corpus`` costs next to nothing, and the reader, whose cleaned texts come from the cache,
never loads the cleaner (its noise model and dozens of compiled patterns), which only a
text seen for the first time needs. ``from corpus import X`` works as before.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from corpus.cleaning.clean import clean_text
    from corpus.errors import AmbiguousName, CorpusError
    from corpus.model import (
        CleanText,
        Interview,
        Measure,
        Outline,
        Question,
        Section,
        Span,
        Turn,
    )
    from corpus.outline.find import find_text, word_edge
    from corpus.outline.places import question_index
    from corpus.outline.sentences import split_sentences
    from corpus.outline.structure import build_outline
    from corpus.reading.askers import askers_named, with_askers, with_askers_where_named
    from corpus.reading.bundled import bundled_paths, resolve_interview
    from corpus.reading.decode import read_text
    from corpus.reading.interview import (
        fingerprint,
        interview_from_text,
        load_interview,
    )
    from corpus.untrusted import escape_unsafe, has_unsafe, show_unsafe, strip_unsafe

#: Each public name and the module that defines it.
_HOMES = {
    "AmbiguousName": "corpus.errors",
    "CleanText": "corpus.model",
    "CorpusError": "corpus.errors",
    "Interview": "corpus.model",
    "Measure": "corpus.model",
    "Outline": "corpus.model",
    "Question": "corpus.model",
    "Section": "corpus.model",
    "Span": "corpus.model",
    "Turn": "corpus.model",
    "askers_named": "corpus.reading.askers",
    "build_outline": "corpus.outline.structure",
    "bundled_paths": "corpus.reading.bundled",
    "clean_text": "corpus.cleaning.clean",
    "escape_unsafe": "corpus.untrusted",
    "find_text": "corpus.outline.find",
    "fingerprint": "corpus.reading.interview",
    "has_unsafe": "corpus.untrusted",
    "interview_from_text": "corpus.reading.interview",
    "load_interview": "corpus.reading.interview",
    "question_index": "corpus.outline.places",
    "read_text": "corpus.reading.decode",
    "resolve_interview": "corpus.reading.bundled",
    "show_unsafe": "corpus.untrusted",
    "split_sentences": "corpus.outline.sentences",
    "strip_unsafe": "corpus.untrusted",
    "with_askers": "corpus.reading.askers",
    "with_askers_where_named": "corpus.reading.askers",
    "word_edge": "corpus.outline.find",
}

__all__ = [
    "AmbiguousName",
    "CleanText",
    "CorpusError",
    "Interview",
    "Measure",
    "Outline",
    "Question",
    "Section",
    "Span",
    "Turn",
    "askers_named",
    "build_outline",
    "bundled_paths",
    "clean_text",
    "escape_unsafe",
    "find_text",
    "fingerprint",
    "has_unsafe",
    "interview_from_text",
    "load_interview",
    "question_index",
    "read_text",
    "resolve_interview",
    "show_unsafe",
    "split_sentences",
    "strip_unsafe",
    "with_askers",
    "with_askers_where_named",
    "word_edge",
]


def __getattr__(name: str) -> Any:
    """Import the module that defines ``name`` the first time someone asks for it."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'corpus' has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value  # later lookups are plain attribute reads
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
