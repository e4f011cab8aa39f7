"""Scoring short passages of one document: the common ground of the noise passes.

Both noise passes (``corpus.cleaning.scars`` and ``corpus.cleaning.strays``) compare
readings of a few tokens around a doubtful character. This module cuts those tokens out
of the text (never more than ``MAX_TOKEN`` characters each way, so the cost stays linear
whatever the input) and scores them with ``corpus.cleaning.tokens``, caching per token
and counting a budget of readings so that hostile input falls back to cheap rules
instead of running for minutes.
"""

from __future__ import annotations

import re

from corpus.cleaning.tokens import token_score
from corpus.cleaning.vocabulary import Vocabulary

MAX_TOKEN = 48
"""Context is cut at this many characters: a token longer than that is not prose anyway."""
READINGS_PER_CHAR = 0.25
"""Budget of scored readings per character of text (prose needs about 0.04)."""
DOUBLE_SPACE = -2.0
"""Per extra space inside a line: prose rarely has two in a row."""
_SPACE_RUNS = re.compile(" {2,}")
_WHITESPACE = re.compile("[ \n\t]")
COMMON_SHORT = frozenset(
    {"a", "i", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me"}
    | {"my", "no", "of", "on", "or", "so", "to", "up", "us", "we", "am"}
)
"""Words of one or two letters that are real on their own; any other is likely a fragment."""


class Judge:
    """Scores readings of short passages of one document, with a token cache."""

    def __init__(self, vocabulary: Vocabulary, text_length: int) -> None:
        self.vocabulary = vocabulary
        self.budget = 10_000 + int(READINGS_PER_CHAR * text_length)
        """Readings left to score before the cheap fallback takes over."""
        self._tokens: dict[str, float] = {}

    def forget(self) -> None:
        """Drop the token scores remembered so far, to keep memory bounded on long texts."""
        self._tokens.clear()
        self.vocabulary.forget()

    def afford(self, readings: int) -> bool:
        """Spend ``readings`` from the budget if there is enough left."""
        if self.budget < readings:
            return False
        self.budget -= readings
        return True

    def passage(self, passage: str) -> float:
        """log10 plausibility of a passage: its tokens, and any doubled spaces."""
        score = 0.0
        for token in passage.split():
            cached = self._tokens.get(token)
            if cached is None:
                cached = token_score(token, self.vocabulary)
                self._tokens[token] = cached
            score += cached
        stripped = passage.strip(" ")
        if "  " in stripped:
            score += DOUBLE_SPACE * sum(len(run) - 1 for run in _SPACE_RUNS.findall(stripped))
        return score


def context(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` to whole whitespace-delimited tokens on both sides."""
    return token_start(text, start), token_end(text, end)


def token_start(text: str, index: int) -> int:
    """Where the token holding ``text[index - 1]`` starts (at most MAX_TOKEN back)."""
    low = max(0, index - MAX_TOKEN)
    found = max(text.rfind(" ", low, index), text.rfind("\n", low, index))
    found = max(found, text.rfind("\t", low, index))
    return found + 1 if found >= 0 else low


def token_end(text: str, index: int) -> int:
    """Where the token holding ``text[index]`` ends (at most MAX_TOKEN on)."""
    high = min(len(text), index + MAX_TOKEN)
    found = _WHITESPACE.search(text, index, high)
    return found.start() if found else high
