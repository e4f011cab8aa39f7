"""An outline and the sentences of a clean text as plain tuples, and back, for the cache.

Finding the structure and the sentences of a text loads a dozen modules of patterns
(labels, front matter, measures, paragraphs) and walks the whole text; both depend only
on the clean text and on corpus's code, like the cleaning itself. Kept in the cache as
builtins (``marshal`` stores nothing else), a launch that has seen the texts before
rebuilds the frozen dataclasses from tuples and never imports the parsers. Rebuilding
checks shapes only as far as the dataclasses do: the cache treats any error as a miss.
"""

from __future__ import annotations

from typing import Any

from corpus.model import Measure, Outline, Question, Section, Span, Turn

Parsed = tuple[Outline, tuple[Span, ...]]
"""What is cached for one clean text: its outline and its sentences."""


def as_tuples(parsed: Parsed) -> tuple[Any, ...]:
    """``parsed`` as nested tuples of str, int and None."""
    outline, sentences = parsed
    flat = [offset for span in sentences for offset in (span.start, span.end)]
    return (
        (
            outline.title,
            _span(outline.title_span),
            outline.dateline,
            outline.byline,
            _span(outline.intro),
            tuple(_section(s) for s in outline.sections),
            outline.speakers,
            outline.askers,
            tuple((t.speaker, t.label.start, t.label.end, t.start, t.end) for t in outline.turns),
            tuple(_measure(m) for m in outline.intro_measures),
        ),
        tuple(flat),
    )


def from_tuples(data: Any) -> Parsed:
    """The outline and sentences ``as_tuples`` was given; TypeError/ValueError if damaged."""
    (
        (
            title,
            title_span,
            dateline,
            byline,
            intro,
            sections,
            speakers,
            askers,
            turns,
            intro_measures,
        ),
        flat,
    ) = data
    if len(flat) % 2:
        raise ValueError("odd number of sentence offsets")
    outline = Outline(
        title=title,
        title_span=_to_span(title_span),
        dateline=dateline,
        byline=byline,
        intro=_to_span(intro),
        sections=tuple(_to_section(s) for s in sections),
        speakers=tuple(speakers),
        askers=tuple(askers),
        turns=tuple(_to_turn(t) for t in turns),
        intro_measures=tuple(Measure(*m) for m in intro_measures),
    )
    sentences = tuple(Span(flat[i], flat[i + 1]) for i in range(0, len(flat), 2))
    return outline, sentences


def _span(span: Span | None) -> tuple[int, int] | None:
    return None if span is None else (span.start, span.end)


def _to_span(data: Any) -> Span | None:
    return None if data is None else Span(*data)


def _to_turn(data: Any) -> Turn:
    speaker, label_start, label_end, start, end = data
    if not isinstance(speaker, str):
        raise TypeError("a turn's speaker must be a string")
    return Turn(speaker, Span(label_start, label_end), start, end)


def _section(section: Section) -> tuple[Any, ...]:
    questions = tuple(_question(q) for q in section.questions)
    measures = tuple(_measure(m) for m in section.measures)
    return (section.heading, section.start, section.end, questions, measures)


def _to_section(data: Any) -> Section:
    heading, start, end, questions, measures = data
    return Section(
        heading,
        start,
        end,
        tuple(_to_question(q) for q in questions),
        tuple(Measure(*m) for m in measures),
    )


def _question(question: Question) -> tuple[Any, ...]:
    measures = tuple(_measure(m) for m in question.measures)
    answer = (question.answer.start, question.answer.end)
    return (
        question.text,
        question.start,
        question.end,
        answer,
        measures,
        question.asker,
        question.answerer,
    )


def _measure(measure: Measure) -> tuple[int, str, int, int]:
    return (measure.ordinal, measure.text, measure.start, measure.end)


def _to_question(data: Any) -> Question:
    text, start, end, answer, measures, asker, answerer = data
    return Question(
        text=text,
        start=start,
        end=end,
        answer=Span(*answer),
        measures=tuple(Measure(*m) for m in measures),
        asker=asker,
        answerer=answerer,
    )
