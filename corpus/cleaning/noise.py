"""Judging the ASCII part of the noise: which spaces, quotes and signs are real.

Once the symbols are cut out (``corpus.cleaning.symbols``), what is left of a noise run
is the ASCII it contained: spaces and ``$ & < > ' "``. Those characters are also real
text, so each one is judged with a small noisy-channel model: every reading of a passage
(keep or drop each doubtful character) is scored by how plausible its tokens are
(``corpus.cleaning.tokens``, ``corpus.cleaning.vocabulary``) plus how likely the noise was
to produce the dropped characters. Three passes, each seeing the text the previous one
cleaned:

1. ``corpus.cleaning.scars``: characters touching a scar, where dropping is cheap;
2. ``corpus.cleaning.quotes``: double quotes, paired up paragraph by paragraph;
3. ``corpus.cleaning.strays``: pure-ASCII runs away from any scar, where dropping is dear.

Only these few places are scored; the rest of the text is never looked at twice.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from corpus.cleaning.edits import Mapped, delete_spans, positions_to_spans
from corpus.cleaning.passages import Judge
from corpus.cleaning.quotes import noise_quotes
from corpus.cleaning.scars import judge_scars
from corpus.cleaning.strays import judge_strays
from corpus.cleaning.vocabulary import Vocabulary

_QUOTE_IN_WORD = re.compile(r'(?<=[A-Za-z0-9])"+(?=[A-Za-z0-9])')


def resolve_ascii_noise(
    source: Mapped, scars: list[tuple[int, int]], judge: Judge | None = None
) -> Mapped:
    """Drop the ASCII characters that belong to noise runs, keeping real ones.

    A text without a single scar carries none of this noise (its runs are mostly
    symbols), so it is returned untouched: clean files are never second-guessed.
    ``judge``: the judge of the whole text when ``source`` is one piece of it (then the
    caller has found a scar somewhere in the text).
    """
    if judge is None:
        if not scars:
            return source
        judge = Judge(Vocabulary(source.text), len(source.text))
    drops, near_noise = judge_scars(source.text, scars, judge)
    source, near_noise = _without(source, drops, near_noise)
    drops = noise_quotes(source.text, set(near_noise))
    source, near_noise = _without(source, drops, near_noise)
    text = source.text
    drops = judge_strays(text, judge, {i for i in near_noise if text[i] == " "})
    source, _ = _without(source, drops, [])
    # Gluing a split word back can leave a quote inside it (A" nswer -> A"nswer).
    inside = [m.span() for m in _QUOTE_IN_WORD.finditer(source.text)]
    return delete_spans(source, inside)[0] if inside else source


def _without(source: Mapped, drops: list[int], near_noise: list[int]) -> tuple[Mapped, list[int]]:
    """``source`` with the ``drops`` positions deleted, and where ``near_noise`` lands."""
    if not drops:
        return source, near_noise
    return delete_spans(source, positions_to_spans(drops))[0], _shift(near_noise, drops)


def _shift(positions: list[int], deleted: list[int]) -> list[int]:
    """Where ``positions`` (none of them deleted) land once ``deleted`` are gone."""
    gone = set(deleted)  # overlapping scar regions can drop one character twice
    deleted = sorted(gone)
    return [i - bisect_left(deleted, i) for i in positions if i not in gone]
