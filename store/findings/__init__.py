"""From coding to findings: every passage of a code, counts per code, codes that meet.

Pure Python over :mod:`store` (no Textual); the command line (``gloss retrieve``,
``gloss stats``, ``gloss cooccur``), the reader's findings screens and ``gloss report``
all call these same functions, so the figures agree wherever they are shown.

- :mod:`store.findings.codes`: which codes a database knows (with their parents), and
  the one-line refusal of an unknown one with close names (:class:`UnknownCode`).
- :mod:`store.findings.texts`: where a passage sits in its interview (title, question),
  found from the interview's text when it can be read (:class:`InterviewTexts`).
- :mod:`store.findings.retrieval`: :func:`retrieve`, every passage of a code and the
  codes below it, across interviews.
- :mod:`store.findings.counts`: :func:`count_codes`, a code x interview (or x coder)
  matrix of passages and characters coded, rolled up to parent codes.
- :mod:`store.findings.cooccurrence`: :func:`cooccur`, pairs of codes whose passages
  overlap (or share a question), with the passages behind each cell.
"""

from __future__ import annotations

from store.findings.codes import UnknownCode, check_code, code_tree, known_codes
from store.findings.cooccurrence import Cooccurrence, CooccurrenceMatrix, Scope, cooccur
from store.findings.counts import CodeCounts, CountTable, Tally, count_codes
from store.findings.retrieval import RetrievedPassage, passage_of, retrieve
from store.findings.texts import InterviewTexts, Place

__all__ = [
    "CodeCounts",
    "Cooccurrence",
    "CooccurrenceMatrix",
    "CountTable",
    "InterviewTexts",
    "Place",
    "RetrievedPassage",
    "Scope",
    "Tally",
    "UnknownCode",
    "check_code",
    "code_tree",
    "cooccur",
    "count_codes",
    "known_codes",
    "passage_of",
    "retrieve",
]
