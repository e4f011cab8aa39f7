"""Sentence spans. PLACEHOLDER: the corpus helper replaces this."""

from __future__ import annotations

import re

from corpus.model import Span

_SENTENCE = re.compile(r"\S[^.?!\n]*(?:[.?!]+|$)", re.MULTILINE)


def split_sentences(text: str) -> tuple[Span, ...]:
    """Spans of the sentences of ``text``, in order, never crossing a paragraph."""
    return tuple(Span(m.start(), m.end()) for m in _SENTENCE.finditer(text))
