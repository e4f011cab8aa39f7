"""A turn's text as the which-are-questions rules read it: its words, its stage notes set
aside, its sentences, each worked out once.

The rules for questions read the same turn (and the reply to it) many times over; keeping
what they read in one place both spares the work and makes every rule read a turn alike.
"""

from __future__ import annotations

import re

from corpus.outline.said import sentences

#: A stage note: "(laughs)", "[crosstalk]", "[inaudible]".
STAGE_NOTE = re.compile(r"\([^)]{1,40}\)|\[[^\]]{1,40}\]")
WORD = re.compile(r"[\w'’-]+")


class TurnText:
    """A turn's text and its sentences, each read once when first asked for: the rules
    for questions read the same turn (and its reply) several times."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._without_notes: str | None = None
        self._sentences: list[str] | None = None
        self._spoken: list[str] | None = None

    @property
    def without_notes(self) -> str:
        """The text with its stage notes ("(laughs)", "[crosstalk]") set aside."""
        if self._without_notes is None:
            self._without_notes = STAGE_NOTE.sub(" ", self.text)
        return self._without_notes

    @property
    def sentences(self) -> list[str]:
        if self._sentences is None:
            self._sentences = sentences(self.text)
        return self._sentences

    @property
    def spoken(self) -> list[str]:
        """The sentences of the text without its stage notes."""
        if self._spoken is None:
            unchanged = self.without_notes == self.text
            self._spoken = self.sentences if unchanged else sentences(self.without_notes)
        return self._spoken
