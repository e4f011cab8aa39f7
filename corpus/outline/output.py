"""An interview's outline as plain data (for ``gloss outline --json``) and as readable text.

Scripts depend on the JSON shape, so it is built here in one place and documented:
``{"id", "title", "dateline", "byline", "intro", "intro_measures", "speakers", "askers",
"sections": [{"heading", "start", "end", "measures", "questions": [{"text", "start",
"end", "speaker", "asker", "answerer", "answer": {"start", "end", "speaker"}, "measures":
[{"ordinal", "text", "start", "end"}]}]}], "turns": [{"speaker", "start", "end", "label": {"start",
"end"}}]}``. A question's ``speaker`` (also ``asker``, its older name) is who asks it, an
answer's ``speaker`` (also the question's ``answerer``) who answers, empty when
unlabelled. ``intro_measures`` (measures too) are the items listed before any question, a
section's ``measures`` those listed under its heading before its first question.
Offsets index the clean text (``gloss clean``'s output); texts carry no labels.
"""

from __future__ import annotations

from typing import Any

from corpus.model import Interview, Measure, Question, Section, Span, Turn


def outline_dict(interview: Interview) -> dict[str, Any]:
    """The outline of ``interview`` as JSON-ready data."""
    outline = interview.outline
    return {
        "id": interview.id,
        "title": outline.title,
        "dateline": outline.dateline,
        "byline": outline.byline,
        "intro": _span(outline.intro) if outline.intro else None,
        "speakers": list(outline.speakers),
        "askers": list(outline.askers),
        "intro_measures": [_measure(measure) for measure in outline.intro_measures],
        "sections": [_section(section) for section in outline.sections],
        "turns": [_turn(turn) for turn in outline.turns],
    }


def _section(section: Section) -> dict[str, Any]:
    return {
        "heading": section.heading,
        "start": section.start,
        "end": section.end,
        "questions": [_question(question) for question in section.questions],
        "measures": [_measure(measure) for measure in section.measures],
    }


def _question(question: Question) -> dict[str, Any]:
    return {
        "text": question.text,
        "start": question.start,
        "end": question.end,
        "speaker": question.asker,
        "asker": question.asker,
        "answerer": question.answerer,
        "answer": {**_span(question.answer), "speaker": question.answerer},
        "measures": [_measure(measure) for measure in question.measures],
    }


def _measure(measure: Measure) -> dict[str, Any]:
    return {
        "ordinal": measure.ordinal,
        "text": measure.text,
        "start": measure.start,
        "end": measure.end,
    }


def _turn(turn: Turn) -> dict[str, Any]:
    return {
        "speaker": turn.speaker,
        "start": turn.start,
        "end": turn.end,
        "label": _span(turn.label),
    }


def _span(span: Span) -> dict[str, int]:
    return {"start": span.start, "end": span.end}


def outline_text(interview: Interview) -> str:
    """A readable outline: title, sections, numbered questions, indented measures."""
    outline = interview.outline
    outline_title = outline.title
    lines = [f"{outline_title}  [{interview.id}]" if outline_title else interview.id]
    lines += [f"  {value}" for value in (outline.dateline, outline.byline) if value]
    if outline.speakers:
        lines.append(f"  speakers: {', '.join(outline.speakers)}")
        lines.append(f"  asking: {', '.join(outline.askers) or '(nobody)'}")
    if outline.intro_measures:
        lines += ["", "  (before the questions)"]
        lines += [f"        {m.ordinal}. {m.text}" for m in outline.intro_measures]
    if not outline.sections:
        lines.append("  (no questions found)")
    number = 0
    for section in outline.sections:
        lines.append("")
        lines.append(f"  {section.heading or '(no heading)'}")
        lines += [f"        {m.ordinal}. {m.text}" for m in section.measures]
        for question in section.questions:
            number += 1
            lines.append(f"    Q{number}. {question.text}")
            lines += [f"        {m.ordinal}. {m.text}" for m in question.measures]
    return "\n".join(lines) + "\n"
