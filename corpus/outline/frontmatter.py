"""The lines above an interview's first question: dateline, title, byline.

News interviews open with some of ``Xinhua News Agency, Beijing, January 2.`` (a
dateline), ``Title: ...`` (or a first headline-like line), and ``Xinhua News Agency
reporter Zhang Xinxin`` (a byline), in any order and sometimes on one line. They are
metadata, not intro prose: the outline shows them apart, and the intro starts at the
first line of prose (even one that follows a dateline, as in ``BEIJING, Jan. 2 (Xinhua)
-- China will ...``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from corpus.model import Span
from corpus.outline.sentences import first_sentence_end

#: Headings and titles are short; longer standalone lines are prose.
MAX_HEADING_WORDS = 30
MAX_HEADING_CHARS = 220
#: Front matter is looked for in the first few lines only.
FRONT_MATTER_LINES = 4

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
#: ``Xinhua News Agency, Beijing, January 2.`` or ``BEIJING, Jan. 2 (Xinhua) --``.
_DATELINE = re.compile(
    r"(?:[A-Z][\w&'’.-]*(?:[ \t]+[\w&'’.-]+){0,4},[ \t]*)?"
    r"[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,2},[ \t]*"
    + _MONTH
    + r"[ \t]+\d{1,2}(?:,[ \t]*\d{4})?"
    r"(?:[ \t]*\([^)\n]{1,40}\))?"
    r"[ \t]*(?:\.|--|—+|–|:)"
)
_TITLE_LABEL = re.compile(r"[ \t]*(?:Title|Headline)[ \t]*[:：][ \t]*", re.IGNORECASE)
_NAMES = r"[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3}"
#: ``By Li Ming and Wang Fang`` or ``Xinhua News Agency reporter Zhang Xinxin``.
_BYLINE = re.compile(
    rf"(?:By[ \t]+{_NAMES}"
    r"|(?:[A-Z][\w'’.-]*[ \t]+){0,4}(?:[Rr]eporters?|[Cc]orrespondents?|[Jj]ournalists?)"
    rf"[ \t]+{_NAMES})"
    rf"(?:(?:,|[ \t]+and)[ \t]+{_NAMES})*"
    r"[ \t]*$"
)
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """What the first lines say about the interview, and how many lines that took."""

    consumed: int = 0
    """How many leading lines are front matter (the intro starts after them)."""
    title: str | None = None
    title_span: Span | None = None
    dateline: str | None = None
    byline: str | None = None


def find_front_matter(
    text: str, lines: Sequence[tuple[int, int]], *, title_may_lead: bool = True
) -> FrontMatter:
    """Dateline, title and byline among the first of ``lines`` (trimmed ``(start, end)``).

    ``lines`` stop before the first question. Without a ``Title:`` label, a headline-like
    first line is the title when ``title_may_lead`` (the caller says no when that line
    heads the first section of a document with several headings).
    """
    title: str | None = None
    title_span: Span | None = None
    dateline: str | None = None
    byline: str | None = None
    consumed = 0
    for index, (line_start, end) in enumerate(lines[:FRONT_MATTER_LINES]):
        start = line_start
        date = _DATELINE.match(text, start, end)
        if dateline is None and date is not None:
            dateline = text[start : date.end()].strip()
            start = date.end()
            while start < end and text[start] in " \t":
                start += 1
        label = _TITLE_LABEL.match(text, start, end)
        if start == end:
            pass  # a dateline alone on its line
        elif title is None and label is not None and label.end() < end:
            title_span = Span(label.end(), end)
            title = _SPACES.sub(" ", text[label.end() : end])
        elif byline is None and _BYLINE.match(text, start, end):
            byline = text[start:end]
        elif (
            title is None
            and index == 0
            and start == line_start
            and title_may_lead
            and headline_like(text[start:end])
        ):
            title_span = Span(start, end)
            title = _SPACES.sub(" ", text[start:end])
        else:
            break
        consumed = index + 1
    return FrontMatter(consumed, title, title_span, dateline, byline)


def headline_like(value: str) -> bool:
    """Short, one sentence, no final period: how titles and plain headings look."""
    return (
        bool(value)
        and len(value) <= MAX_HEADING_CHARS
        and len(value.split()) <= MAX_HEADING_WORDS
        and value[-1] not in ".?!;,:。？！；，："
        and first_sentence_end(value, 0, len(value), wrapped=True) == len(value)  # "Ph.D. X"
        and (value[0].isupper() or value[0].isdigit() or value[0] in "\"“‘'")
    )
