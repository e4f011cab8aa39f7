"""Lists their speaker announces: a first item alone, and a first item named by its noun.

- A sentence that announces several items (``there are four key elements``) makes a list
  of a ``The first is ...`` right after it, even when the later items are not marked; so
  does the announcing clause before ``one is`` (``I will make a couple of observations:
  one is that ...``). Any other first item right after an announcement (``two reasons.
  First, ...``, ``two parameters. One is ...``) opens a list whose later items may be
  marked by other words (:mod:`.followups`); the count it announces bounds the list.
- ``The second point would be ...`` with no first one marked takes as its first item the
  sentence, a few before it, that names the same noun as its subject (``a starting point
  would be ...``), or else the sentence a first ordinal opens (``The first one we might
  call constitutional``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.outline.measures.markers import MAX_GAP, Marker, Sentences
from corpus.outline.measures.vocabulary import CARDINAL_VALUE

#: A sentence that announces several items: ``there are four key elements``, ``a couple
#: of different areas``, ``several things``.
_ANNOUNCES = re.compile(
    r"\b(?P<count>two|three|four|five|six|seven|eight|nine|ten|several|multiple|a[^\S\n]+few"
    r"|a[^\S\n]+couple[^\S\n]+of|a[^\S\n]+number[^\S\n]+of|a[^\S\n]+series[^\S\n]+of)"
    r"(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*)(?:[a-z][\w-]*\s+){0,2}?[a-z]+s\b",
    re.IGNORECASE,
)
#: How many sentences back the first item of a list named by its noun may stand.
_NOUN_REACH = 3
_SUBJECT_VERB = r"\s+(?:is|was|(?:would|will|might|could)\s+be)\b"


@dataclass(frozen=True, slots=True)
class Announced:
    """A list's first item that an announcement right before it opens."""

    first: Marker
    count: int | None
    """How many items the announcement names (``three things``), None when it does not
    say (``several things``)."""
    alone: bool
    """Whether the first item is a list even when no later item is marked (``The first
    is ...``); other firsts need a later item."""


def announced_firsts(
    region: str,
    sentences: Sentences,
    plain_first: list[tuple[Marker, str, str | None]],
    firsts: list[Marker],
) -> list[Announced]:
    """The first items that an announcement opens: the ``The first is`` markers that the
    sentence before them (or their own, before a colon) announces as the first of several,
    the ``one is`` markers their own sentence announces (``a couple of observations: one
    is that ...``), and any other first marker of ``firsts`` so announced with a count.

    ``plain_first`` holds each candidate with its ordinal word and the article before it."""
    announced = []
    plain = set()
    for marker, word, article in plain_first:
        plain.add(marker.marker_start)
        if (word, article) not in (("first", "the"), ("one", None)):
            continue
        own = marker.own if marker.own is not None else marker.start
        previous = sentences.before(own, 1)
        # "One is" only after its own sentence's announcement ("two reasons: one is").
        since = previous[0] if previous and word == "first" else marker.start
        count = _count(region, since, own)
        if count != 0:
            announced.append(Announced(marker, count, alone=True))
        elif previous:
            count = _count(region, previous[0], own)
            if count:  # "There are two parameters. One is ...": a count, then a later item
                announced.append(Announced(marker, count, alone=False))
    for marker in firsts:
        if marker.ordinal != 1 or marker.marker_start in plain:
            continue
        own = marker.own if marker.own is not None else marker.start
        previous = sentences.before(own, 1)
        count = _count(region, previous[0] if previous else marker.start, own)
        if count:
            announced.append(Announced(marker, count, alone=False))
    return announced


def _count(region: str, start: int, end: int) -> int | None:
    """The number of items an announcement in ``region[start:end]`` names: None when it
    names none (``several things``), 0 when there is no announcement."""
    match = _ANNOUNCES.search(region, start, end)
    if match is None:
        return 0
    word = " ".join(match["count"].lower().split())
    if word == "a couple of":
        return 2
    return CARDINAL_VALUE.get(word)


def noun_firsts(
    region: str,
    sentences: Sentences,
    nominal: list[Marker],
    words_of: dict[int, str],
    loose: list[Marker],
) -> list[Marker]:
    """First items found by their noun for ``The second NOUN ...`` markers that no first
    marker comes before; failing that, the nearest sentence before that a first ordinal
    opens (``The first one we might call constitutional.``)."""
    firsts: list[Marker] = []
    ones = [m.marker_start for m in nominal if m.ordinal == 1]
    for marker in nominal:
        own = marker.own if marker.own is not None else marker.start
        nouns = [w for w in words_of.get(own, "").split() if len(w) >= 4]
        if marker.ordinal != 2 or not nouns or any(one < marker.start for one in ones):
            continue
        pattern = re.compile(
            r"\b(?:a|an|the|one|my|our)\s+(?:[a-z]+\s+)?(?:"
            + "|".join(re.escape(n) for n in nouns)
            + r")"
            + _SUBJECT_VERB,
            re.IGNORECASE,
        )
        for start in sentences.before(marker.start, _NOUN_REACH):
            if pattern.search(region, start, sentences.end_of(start)):
                firsts.append(Marker(1, start, start, start))
                break
        else:
            before = [m for m in loose if 0 < marker.start - m.start <= MAX_GAP]
            firsts += before[-1:]
    return firsts
