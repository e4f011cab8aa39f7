"""Where in an interview's structure a passage falls: section, question, measure.

Annotations store only offsets; the outline is derived from the text, so the headings are
derived when needed (exports, listings) rather than stored and left to go stale.
"""

from __future__ import annotations

from dataclasses import dataclass

from corpus import Outline


@dataclass(frozen=True, slots=True)
class Headings:
    """The headings a passage falls under; empty strings where there is none."""

    section: str = ""
    question: str = ""
    measure: str = ""


def locate(outline: Outline, start: int) -> Headings:
    """The section, question (with its answer) and measure that contain offset ``start``."""
    for section in outline.sections:
        if not section.start <= start < section.end:
            continue
        for question in section.questions:
            if not question.start <= start < max(question.end, question.answer.end):
                continue
            measure = next((m.text for m in question.measures if m.start <= start < m.end), "")
            return Headings(section.heading or "", question.text, measure)
        return Headings(section.heading or "")
    return Headings()
