"""Finding things across the shown interviews: search hits, and similar questions.

``/`` searches both shown interviews with :func:`corpus.find_text` and keeps the hits in
reading order (left reader first) with the current one, so ``n``/``N`` go round them;
``s`` takes the other reader to the question most like the cursor's, from the pairs
worked out once per pair of interviews. No Textual.
"""

from __future__ import annotations

from collections.abc import Sequence

from corpus import Interview, Span, find_text
from corpus.similarity import counterparts, most_similar
from tui.session.updates import GoTo, Update

Pairs = dict[str, dict[int, int]]
"""Per interview id: its question index -> its counterpart in the other (one to one)."""


class Search:
    """The hits of the latest search (reader index, span) and the current one."""

    def __init__(self) -> None:
        self.spans: list[tuple[int, Span]] = []
        self.current = -1

    def find(self, shown: Sequence[Interview], query: str, *, here: tuple[int, int]) -> Update:
        """Find ``query`` in the ``shown`` interviews; go to the first hit at or after
        ``here`` (reader index, offset). An empty query clears the hits."""
        self.spans, self.current = [], -1
        if not query.strip():
            return Update(hits=True)
        spans = [(n, s) for n, i in enumerate(shown) for s in find_text(i.text, query)]
        if not spans:
            return Update(hits=True, notice=f"No match for {query!r}.", severity="warning")
        first = next((k for k, (n, s) in enumerate(spans) if (n, s.start) >= here), 0)
        self.spans, self.current = spans, first - 1
        moved = self.step(1)
        return Update(hits=True, message=moved.message, go_to=moved.go_to)

    def of(self, reader: int) -> list[Span]:
        """The hits in reader ``reader``."""
        return [s for n, s in self.spans if n == reader]

    @property
    def hit(self) -> tuple[int, Span] | None:
        """The current hit (reader index, span), if any."""
        return self.spans[self.current] if 0 <= self.current < len(self.spans) else None

    def step(self, step: int) -> Update:
        """The next (1) or previous (-1) hit, round the end."""
        if not self.spans:
            return Update(notice="No search yet: press / to search.", timeout=2)
        self.current = (self.current + step) % len(self.spans)
        number, span = self.spans[self.current]
        return Update(
            message=f"hit {self.current + 1} of {len(self.spans)}", go_to=GoTo(number, span.start)
        )


def pair(shown: Sequence[Interview]) -> Pairs:
    """The question pairs of two shown interviews (none for one)."""
    if len(shown) != 2:
        return {}
    left, right = shown
    to_right, to_left = counterparts(
        [q.text for q in left.outline.questions], [q.text for q in right.outline.questions]
    )
    return {left.id: to_right, right.id: to_left}


def similar(shown: Sequence[Interview], pairs: Pairs, reader: int, question: int) -> Update:
    """Where the other reader goes for question ``question`` of reader ``reader``."""
    if len(shown) < 2:
        return Update(notice="Only one interview is open.", severity="warning")
    if question < 0:
        return Update(notice="Move into a question first.", severity="warning")
    here, other = shown[reader], shown[1 - reader]
    target = pairs.get(here.id, {}).get(question)
    if target is None:
        return Update(
            message=f"Q{question + 1} ↔ none",
            notice=_no_counterpart(here, other, pairs, question),
            timeout=4,
        )
    return Update(
        message=f"Q{question + 1} ↔ Q{target + 1} of {other.title}",
        go_to=GoTo(1 - reader, other.outline.questions[target].start, activate=False),
    )


def _no_counterpart(here: Interview, other: Interview, pairs: Pairs, question: int) -> str:
    """Why the other reader stays: nothing there is alike, or the closest question there
    is the counterpart of another one here (pairs are one to one). No titles: a notice
    is markup, and a title is the file's text."""
    closest = most_similar(
        here.outline.questions[question].text, [q.text for q in other.outline.questions]
    )
    if closest is None:
        return f"Q{question + 1}: no similar question in the other interview."
    taken = pairs.get(other.id, {}).get(closest)
    if taken is None:
        return f"Q{question + 1}: no counterpart in the other interview."
    return (
        f"Q{question + 1}: no counterpart of its own in the other interview; its "
        f"closest there, Q{closest + 1}, goes with Q{taken + 1} here."
    )
