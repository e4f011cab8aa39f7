"""Which speakers a name given by the user names (``--interviewer NAME``, ``I``).

A user names a speaker as they think of them: ``Psaki`` for ``MS. PSAKI``, ``Brian
Kernighan`` for ``Kernighan``, ``dana lee`` for ``Dana Lee``. A name spelled as a label
(case and punctuation aside) names that label only, so ``John Smith`` never also picks
``Smith``; else it names the labels it is part of, or that are part of it, as whole words
from the end (a last name) or the start (a first name). When those are several people
(``Smith``: ``John Smith`` and ``Stephen Smith``), the name is ambiguous and the caller
asks for a fuller one.
"""

from __future__ import annotations

import re
from collections.abc import Collection

_NOT_WORD = re.compile(r"[^\w\s-]")


def label_words(name: str) -> tuple[str, ...]:
    """A label's or a name's words, case and punctuation aside (``MS. PSAKI``: ms, psaki)."""
    return tuple(_NOT_WORD.sub(" ", name.casefold()).split())


def speakers_named(speakers: Collection[str], name: str) -> tuple[str, ...]:
    """The speakers ``name`` names, in the order given: the label spelled that way, else
    every label it names in part (more than one person: see :func:`ambiguous`)."""
    given = label_words(name)
    if not given:
        return ()
    exact = tuple(s for s in speakers if label_words(s) == given)
    if exact:
        return exact
    return tuple(s for s in speakers if _in_part(label_words(s), given))


def ambiguous(named: Collection[str]) -> bool:
    """``named`` are different people, not one label written two ways."""
    return len({label_words(speaker) for speaker in named}) > 1


def matching_speakers(speakers: Collection[str], names: Collection[str]) -> frozenset[str]:
    """The speakers that ``names`` name (an ambiguous name: all it may mean)."""
    return frozenset(s for name in names for s in speakers_named(speakers, name))


def _in_part(label: tuple[str, ...], given: tuple[str, ...]) -> bool:
    """One is the other's last words (``Psaki``, ``Brian Kernighan``) or first words
    (``Dana`` for ``Dana Lee``)."""
    if not label:
        return False
    shorter, longer = sorted((label, given), key=len)
    return longer[-len(shorter) :] == shorter or longer[: len(shorter)] == shorter
