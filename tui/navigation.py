"""Where the reader's cursor and selection go for each key, without a widget.

The reader paints; this decides. A :class:`Caret` is the cursor sentence and the selection
(frozen), and every step of :class:`Navigator` takes one and returns the next, so the
steps are tested on their own (like Textual's ``DocumentNavigator`` beside ``TextArea``).
Offsets are clean-text offsets; the raw view's offsets are converted here too, so the
reader never computes a position itself. No Textual (checked by import-linter).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from typing import Literal

from corpus import Interview, Span, question_index, word_edge
from tui.layout import Layout

Edge = Literal["start", "end"]


@dataclass(frozen=True, slots=True)
class Caret:
    """The cursor sentence and the selection of one reader."""

    sentence: int = 0
    """Index of the cursor sentence in ``interview.sentences``."""
    anchor: int | None = None
    """Clean offset where the selection was started (None: no selection)."""
    selection: Span | None = None


class Navigator:
    """The cursor and selection steps over one interview's sentences and outline."""

    def __init__(self, interview: Interview) -> None:
        self.interview = interview
        self._sentences = interview.sentences
        self._sentence_starts = [s.start for s in interview.sentences]
        questions = interview.outline.questions
        self.question_starts = [q.start for q in questions]
        self.measure_starts = [m.start for m in interview.outline.measures]

    # -- what the caret stands for -----------------------------------------------------

    def cursor_span(self, caret: Caret) -> Span:
        """The cursor sentence (the whole text, as one span, when there are no sentences)."""
        if not self._sentences:
            return Span(0, len(self.interview.text))
        return self._sentences[caret.sentence]

    def target(self, caret: Caret) -> Span:
        """What an action applies to: the selection, else the cursor sentence."""
        return caret.selection or self.cursor_span(caret)

    def inside(self, caret: Caret) -> int:
        """An offset standing for the cursor sentence: its last character, so that a
        sentence starting with a "Q:" label (before the question's own text) counts as
        in that question."""
        span = self.cursor_span(caret)
        return max(span.start, span.end - 1)

    def question(self, caret: Caret) -> int:
        """Index of the question the cursor is in (-1: before the first)."""
        return question_index(self.interview.outline, self.inside(caret))

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence at (or just before) clean ``offset``."""
        return max(0, bisect_right(self._sentence_starts, offset) - 1)

    # -- cursor steps --------------------------------------------------------------------

    def move_to(self, caret: Caret, index: int) -> Caret:
        """The cursor on sentence ``index`` (clamped); a started selection follows it."""
        if not self._sentences:
            return caret
        index = min(max(0, index), len(self._sentences) - 1)
        if caret.anchor is None:
            return replace(caret, sentence=index)
        new = self._sentences[index]
        start = min(caret.anchor, new.start)
        anchor_sentence = self._sentences[self.sentence_at(caret.anchor)]
        end = (
            max(anchor_sentence.end, new.end) if caret.anchor <= new.start else anchor_sentence.end
        )
        return Caret(index, caret.anchor, Span(start, max(end, start)))

    def down(self, caret: Caret) -> Caret:
        return self.move_to(caret, caret.sentence + 1)

    def up(self, caret: Caret) -> Caret:
        return self.move_to(caret, caret.sentence - 1)

    def top(self, caret: Caret) -> Caret:
        return self.move_to(caret, 0)

    def bottom(self, caret: Caret) -> Caret:
        return self.move_to(caret, len(self._sentences) - 1)

    def to_offset(self, caret: Caret, offset: int) -> Caret:
        """The cursor on the sentence at (or just before) clean ``offset``."""
        return self.move_to(caret, self.sentence_at(offset))

    def next_question(self, caret: Caret, direction: int) -> Caret | None:
        """The next (``direction`` 1) or previous (-1) question; the same caret at an end,
        None if the interview has no questions."""
        return self._jump(caret, self.question_starts, direction)

    def next_measure(self, caret: Caret, direction: int) -> Caret | None:
        """The next or previous enumerated measure (None: the interview has none)."""
        return self._jump(caret, self.measure_starts, direction)

    def _jump(self, caret: Caret, starts: list[int], direction: int) -> Caret | None:
        if not starts:
            return None
        # The cursor sentence may begin before the target (a "Q:" label), so "next" means
        # after the whole cursor sentence and "previous" before its start.
        span = self.cursor_span(caret)
        if direction > 0:
            index = bisect_left(starts, max(span.end, span.start + 1))
            if index >= len(starts):
                return caret
        else:
            index = bisect_left(starts, span.start) - 1
            if index < 0:
                return caret
        return self.to_offset(caret, starts[index])

    def page(
        self, caret: Caret, direction: int, layout: Layout, height: int, *, raw: bool
    ) -> Caret:
        """One screen (``height`` lines of ``layout``) down (1) or up (-1)."""
        if not layout.lines:
            return caret
        here = self.shown_span(self.cursor_span(caret), raw=raw)[0]
        line = layout.line_of(here) + direction * max(1, height)
        line = min(max(0, line), len(layout.lines) - 1)
        return self.to_offset(caret, self.clean_offset(layout.lines[line].start, raw=raw))

    # -- selection -----------------------------------------------------------------------

    def select(self, caret: Caret) -> Caret:
        """A selection of the cursor sentence (restarted there if there was one)."""
        span = self.cursor_span(caret)
        return Caret(caret.sentence, span.start, Span(span.start, span.end))

    def clear(self, caret: Caret) -> Caret:
        return Caret(caret.sentence)

    def set_selection(self, caret: Caret, span: Span | None) -> Caret:
        """Exactly ``span`` selected (None: nothing)."""
        return Caret(caret.sentence, span.start if span else None, span)

    def word(self, caret: Caret, edge: Edge, direction: int) -> Caret:
        """The selection's ``edge`` one word right (1) or left (-1); the selection starts
        as the cursor sentence if there is none. It never becomes empty or inverted."""
        selection = self.target(caret)
        moved = word_edge(self.interview.text, getattr(selection, edge), direction, edge=edge)
        if edge == "end":
            if moved <= selection.start:
                return caret
            return self.set_selection(caret, Span(selection.start, moved))
        if moved >= selection.end:
            return caret
        return self.set_selection(caret, Span(moved, selection.end))

    # -- clean and shown (raw) offsets ---------------------------------------------------

    def shown_span(self, span: Span, *, raw: bool) -> tuple[int, int]:
        """A clean span in the offsets of what is shown (raw offsets in raw mode)."""
        if raw:
            return self.interview.clean.raw_span(span.start, span.end)
        return span.start, span.end

    def clean_offset(self, shown: int, *, raw: bool) -> int:
        """The clean offset of a shown offset (the identity unless the raw text is shown)."""
        if not raw:
            return shown
        raw_offsets = self.interview.clean.raw_offsets
        return min(bisect_left(raw_offsets, shown), len(self.interview.text))
