"""Whose codings the reader shows and who may change them: the session's coder rules.

A coding belongs to one coder (the store keeps each coder's work apart). In the reader
``t``, ``a`` and ``d`` act on the user's own codings: ``t`` on another coder's passage
tags it as the user's own coding; ``a`` and ``d`` on another coder's annotation ask
first, or are refused when the settings say ``others = "refuse"``. A key cycles whose
codings are shown: everyone's, the user's, then each other coder's.
"""

from __future__ import annotations

from collections.abc import Sequence

from corpus import Span
from store import Annotation
from tui.session.updates import Update


class Coders:
    """The coder rules of :class:`tui.session.Session` (a base class: it holds the state)."""

    author: str
    others: str
    whose: str | None
    annotations: dict[str, list[Annotation]]

    def annotations_of(self, interview_id: str) -> list[Annotation]:
        return self.annotations.get(interview_id, [])

    def at_span(self, interview_id: str, span: Span) -> Annotation | None:
        """The user's own annotation on exactly ``span`` (the one a new tag there merges
        into; another coder's stays theirs)."""
        key = (span.start, span.end)
        return next(
            (
                a
                for a in self.annotations_of(interview_id)
                if (a.start, a.end) == key and a.author == self.author
            ),
            None,
        )

    def visible(self, interview_id: str) -> list[Annotation]:
        """The annotations of ``interview_id`` shown (all, or the chosen coder's)."""
        every = self.annotations_of(interview_id)
        if self.whose is None:
            return every
        return [a for a in every if a.author == self.whose]

    def coders(self) -> list[str]:
        """The coders of the shown interviews' annotations, the user first."""
        others = {a.author for group in self.annotations.values() for a in group}
        return [self.author, *sorted(others - {self.author})]

    def next_whose(self) -> Update:
        """Show the next coder's codings: everyone's, mine, then each other coder's."""
        order: list[str | None] = [None, *self.coders()]
        at = order.index(self.whose) if self.whose in order else 0
        self.whose = order[(at + 1) % len(order)]
        return Update(frozenset(self.annotations), message=f"showing {self.whose_label()}")

    def whose_label(self) -> str:
        """``everyone's codings``, ``your codings`` or ``bob's codings``."""
        if self.whose is None:
            return "everyone's codings"
        return "your codings" if self.whose == self.author else f"{self.whose}'s codings"

    def coders_at(self, found: Sequence[Annotation]) -> str:
        """Whose the annotations ``found`` (under the cursor) are: ``you, bob`` (you first)."""
        names = dict.fromkeys(a.author for a in found if a.author != self.author)
        mine = ["you"] if any(a.author == self.author for a in found) else []
        return ", ".join([*mine, *names])

    def foreign(self, target: Annotation) -> str | None:
        """The other coder whose coding ``target`` is; None if it is the user's own."""
        return target.author if target.author != self.author else None

    def refused(self, target: Annotation, verb: str) -> Update | None:
        """Why ``verb`` (``edit``, ``delete``) is refused on another coder's ``target``
        (the setting ``others = "refuse"``); None if it is allowed or to be asked."""
        owner = self.foreign(target)
        if owner is None or self.others != "refuse":
            return None
        said = f'{owner}\'s coding: not yours to {verb} (others = "refuse" in config.toml)'
        return Update(message=said, notice=said, severity="warning")

    def mine_for(self, found: Annotation) -> tuple[Annotation | None, Span]:
        """What ``t`` edits on ``found``: itself if it is the user's; on another coder's
        passage the user's own annotation there, or a new one on that passage (None)."""
        span = Span(found.start, found.end)
        if self.foreign(found) is None:
            return found, span
        return self.at_span(found.interview, span), span
