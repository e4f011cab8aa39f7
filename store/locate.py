"""Where in an interview's structure a passage falls: section, question, measure.

Annotations store only offsets; the outline is derived from the text, so the headings are
derived when needed (exports, listings) rather than stored and left to go stale.
"""

from __future__ import annotations

from dataclasses import dataclass

from corpus import Outline, question_index


@dataclass(frozen=True, slots=True)
class Headings:
    """The headings a passage falls under; empty strings where there is none."""

    section: str = ""
    question: str = ""
    measure: str = ""


def locate(outline: Outline, start: int) -> Headings:
    """The section, question (with its answer) and measure that contain offset ``start``."""
    section = next((s for s in outline.sections if s.start <= start < s.end), None)
    if section is None:
        return Headings()
    number = question_index(outline, start, strict=True)
    if number < 0:
        return Headings(section.heading or "")
    question = outline.questions[number]
    measure = next((m.text for m in question.measures if m.start <= start < m.end), "")
    return Headings(section.heading or "", question.text, measure)
