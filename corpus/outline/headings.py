"""Section headings: which paragraphs of a transcript title the section after them.

A *heading* is a short standalone line right before a question (so rhetorical questions
in the intro, or a last answer line, are not headings); a heading ending with a period
(``Stabilizing industrial growth: We have ... economy.``) is only believed in a document
that also has plain headings. The lines come from :mod:`corpus.outline.structure`; this
module only needs their span and the labels that open them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Protocol

from corpus.outline.frontmatter import MAX_HEADING_CHARS, MAX_HEADING_WORDS, headline_like
from corpus.outline.labels import Label

_SENTENCE_BREAK = re.compile(r"[.?!][\"”’')]*\s+[\"“‘(]?[A-Z]")
_TOPIC_COLON = re.compile(r"[^:：.?!]{2,80}[:：][ \t]")


class LabelledLine(Protocol):
    """A paragraph with the labels that open it (what the heading rules look at)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def asker(self) -> Label | None: ...
    @property
    def answerer(self) -> Label | None: ...
    @property
    def name(self) -> Label | None: ...


def find_headings(text: str, lines: Sequence[LabelledLine]) -> set[int]:
    """Indexes of lines that head a section: heading-shaped and right before a question.

    Never a line right after a question (its answer is due there) nor one opened by a
    speaker's name that labels other lines too.
    """
    speakers = Counter(line.name.name for line in lines if line.name)
    plain: set[int] = set()
    colon_sentences: set[int] = set()
    for index, line in enumerate(lines):
        if (
            opens_turn(line)
            or not _precedes_question(lines, index)
            or (index > 0 and lines[index - 1].asker is not None)
            or (line.name is not None and speakers[line.name.name] > 1)
        ):
            continue
        if headline_like(text[line.start : line.end]):
            plain.add(index)
        elif _colon_sentence_heading(text[line.start : line.end]):
            colon_sentences.add(index)
    return plain | colon_sentences if plain else set()


def opens_turn(line: LabelledLine) -> bool:
    """The line opens a question or an answer (a heading never does)."""
    return line.asker is not None or line.answerer is not None


def _colon_sentence_heading(value: str) -> bool:
    """``Topic: one short sentence.``, as headings are written in some interviews."""
    return (
        len(value) <= MAX_HEADING_CHARS
        and len(value.split()) <= MAX_HEADING_WORDS
        and value.endswith((".", "。"))
        and _TOPIC_COLON.match(value) is not None
        and not _SENTENCE_BREAK.search(value)
        and value[0].isupper()
    )


def _precedes_question(lines: Sequence[LabelledLine], index: int) -> bool:
    return index + 1 < len(lines) and lines[index + 1].asker is not None
