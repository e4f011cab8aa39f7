"""How plausible an English word is: the language half of the noise model.

The noise cleaner has to decide whether ``dem and`` is two words or ``demand`` with a
noise space in it. It asks this module for log10 word probabilities from the
``wordfreq`` list (a maintained frequency list, not a language model), plus the
interview's own recurring capitalised words, so that names the list does not know
(``Zhuanglong``) still beat the fragments they would be split into.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from functools import cache

from corpus.cleaning.symbols import NOISE_SIGNS

UNKNOWN = -2.0
UNKNOWN_PER_LETTER = -1.0
"""log10 probability of a lower-case word the list does not know: long ones are rarer."""
UNKNOWN_CAPITALISED = -2.5
UNKNOWN_CAPITALISED_PER_LETTER = -0.8
"""A capitalised unknown word is more likely a name than a fragment."""
RECURRING_NAME = -5.0
"""A capitalised word the interview itself uses several times."""


@cache
def _frequencies() -> dict[str, float]:
    import wordfreq  # imported late: loading the list costs a third of a second

    table: dict[str, float] = wordfreq.get_frequency_dict("en")
    return table


@cache
def _log_table() -> dict[str, float]:
    return {word: math.log10(freq) for word, freq in _frequencies().items() if freq > 0}


def word_logprob(word: str) -> float | None:
    """log10 frequency of a word (any case), or None if the list does not know it."""
    table = _log_table()
    found = table.get(word)
    if found is None:
        found = table.get(word.lower())
    return found


_PLURAL_POSSESSIVE = re.compile(r"\b([A-Za-z]+s)'(?![A-Za-z])")
_NO_SIGNS = str.maketrans("", "", NOISE_SIGNS)
_CAPITALISED = re.compile(r"\b[A-Z][a-z]{2,}\b")


def unknown_logprob(word: str) -> float:
    """log10 probability of a lower-case word the list does not know."""
    return UNKNOWN + UNKNOWN_PER_LETTER * len(word)


class Vocabulary:
    """Word scores for one document: the frequency list plus the document's own names."""

    def __init__(self, text: str | Iterable[str]) -> None:
        """Count the names of ``text``, given whole or in pieces cut at line ends."""
        table = _log_table()
        counts: Counter[str] = Counter()
        possessives: Counter[str] = Counter()
        for piece in [text] if isinstance(text, str) else text:
            # Signs are dropped first so that noise-split names (Zhuanglon>g) still count.
            counts.update(_CAPITALISED.findall(piece.translate(_NO_SIGNS)))
            possessives.update(_PLURAL_POSSESSIVE.findall(piece))
        self.names = frozenset(
            word for word, count in counts.items() if count >= 2 and word.lower() not in table
        )
        self.possessives = frozenset(word for word, count in possessives.items() if count >= 2)
        """Plurals the interview itself puts an apostrophe after more than once (farmers')."""
        self._cache: dict[str, float] = {}

    def score(self, word: str) -> float:
        """log10 probability of a word of letters (with an optional apostrophe suffix)."""
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        found = word_logprob(word)
        if found is None:
            if word in self.names:
                found = RECURRING_NAME
            elif word[:1].isupper():
                found = UNKNOWN_CAPITALISED + UNKNOWN_CAPITALISED_PER_LETTER * len(word)
            else:
                found = unknown_logprob(word)
        self._cache[word] = found
        return found

    def forget(self) -> None:
        """Drop the scores remembered so far (they are kept per piece of a long text)."""
        self._cache.clear()

    def knows(self, word: str) -> bool:
        """Whether the word is in the list or is one of the document's names."""
        return word_logprob(word) is not None or word in self.names
