"""corpus: from an interview file to clean text and an outline. Pure Python, no UI.

The public API is re-exported here; other packages import from ``corpus`` only.
"""

from corpus.bundled import bundled_paths, resolve_interview
from corpus.clean import clean_text
from corpus.decode import read_text
from corpus.errors import CorpusError
from corpus.interview import fingerprint, interview_from_text, load_interview
from corpus.model import CleanText, Interview, Measure, Outline, Question, Section, Span
from corpus.sentences import split_sentences
from corpus.structure import build_outline

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
