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
    from corpus.bundled import bundled_paths, resolve_interview
    from corpus.clean import clean_text
    from corpus.decode import read_text
    from corpus.errors import CorpusError
    from corpus.interview import fingerprint, interview_from_text, load_interview
    from corpus.model import CleanText, Interview, Measure, Outline, Question, Section, Span
    from corpus.sentences import split_sentences
    from corpus.structure import build_outline

#: Each public name and the module that defines it.
_HOMES = {
    "CleanText": "corpus.model",
    "CorpusError": "corpus.errors",
    "Interview": "corpus.model",
    "Measure": "corpus.model",
    "Outline": "corpus.model",
    "Question": "corpus.model",
    "Section": "corpus.model",
    "Span": "corpus.model",
    "build_outline": "corpus.structure",
    "bundled_paths": "corpus.bundled",
    "clean_text": "corpus.clean",
    "fingerprint": "corpus.interview",
    "interview_from_text": "corpus.interview",
    "load_interview": "corpus.interview",
    "read_text": "corpus.decode",
    "resolve_interview": "corpus.bundled",
    "split_sentences": "corpus.sentences",
}

__all__ = [
    "CleanText",
    "CorpusError",
    "Interview",
    "Measure",
    "Outline",
    "Question",
    "Section",
    "Span",
    "build_outline",
    "bundled_paths",
    "clean_text",
    "fingerprint",
    "interview_from_text",
    "load_interview",
    "read_text",
    "resolve_interview",
    "split_sentences",
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
