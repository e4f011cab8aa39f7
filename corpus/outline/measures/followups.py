"""The later items of an announced list, marked by other words than ordinals.

A speaker who announces a count and marks the first item often goes on with other words:
``two things to say. The first is that ... And then in respect to trips, ...``, ``There
are two parameters. One is ... And then there's ...``, ``three things: first, ... Also,
... And lastly, ...``. After an announced first item (:mod:`.announcements`), each later
sentence opened by ``then``, ``also``, ``next``, ``another``, ``the other``, ``lastly``,
``finally`` or ``last`` starts the next item, until the list holds as many items as were
announced, a closing word (``finally``) ends it, or an ordinal marker starts a list of
its own. Without an announcement these words mark nothing: a story goes on with "then".
"""

from __future__ import annotations

import re
from bisect import bisect_right

from corpus.outline.measures.announcements import Announced
from corpus.outline.measures.guards import asks, quoted
from corpus.outline.measures.markers import MAX_GAP, Marker, Sentences
from corpus.outline.measures.vocabulary import GAP, NOT_ITEMS

#: A sentence opened by a word that goes on a list: ``And then, ...``, ``Also, ...``,
#: ``The other is ...``, ``And lastly, ...``; ``then``, ``also``, ``next`` and ``last``
#: need a comma, ``then`` may have a ``there's`` or a topic's preposition instead, as a
#: list item has (``Then he left`` tells a story).
_FOLLOW = re.compile(
    r"(?:(?:and|but|so|now)[^\S\n]*,?" + GAP + r")?(?P<word>"
    r"(?:then|also|next)(?=[^\S\n]*,|" + GAP + r"there(?:['’]s|" + GAP + r"(?:is|are))\b)"
    # "And then in respect to trips, ...": a topic, not a story's next step
    r"|then(?=" + GAP + r"(?:in|on|with|as|for|regarding|about)\b)"
    r"|(?:the" + GAP + r"other|another)\b(?:" + GAP + r"(?P<noun>[a-z]+))?"
    r"|lastly|finally|last(?=[^\S\n]*,)|last" + GAP + r"but" + GAP + r"not" + GAP + r"least)",
    re.IGNORECASE,
)
#: A closing word among the first words of an item (``And then, finally, ...``).
_CLOSING = re.compile(r"(?:[\w'’]+\W+){0,3}?(?:lastly|finally|last)\b", re.IGNORECASE)
#: How many items a list may take when its announcement gives no count (``several``).
_UNCOUNTED = 5


def announced_runs(
    region: str,
    sentences: Sentences,
    announced: list[Announced],
    ordinals: list[Marker],
    breaks: tuple[int, ...],
) -> list[list[Marker]]:
    """Each announced first item with its later items, as a run; a first that stands
    alone only where the announcement makes a list of it (:attr:`Announced.alone`).

    ``ordinals`` are the list markers numbered 1, 2 ... found elsewhere: the first of
    them after an announced first item ends its run (the list goes on with ordinals, or
    another list starts). No run goes over one of ``breaks``."""
    found = []
    stops = sorted(m.marker_start for m in ordinals)
    for item in announced:
        run = [item.first, *_later(region, sentences, item, stops, breaks)]
        if len(run) > 1 or item.alone:
            found.append(run)
    return found


def _later(
    region: str,
    sentences: Sentences,
    item: Announced,
    stops: list[int],
    breaks: tuple[int, ...],
) -> list[Marker]:
    first = item.first
    own = first.own if first.own is not None else first.start
    after = bisect_right(stops, first.marker_start)
    stop = min(
        [stops[after] if after < len(stops) else len(region)]
        + [at for at in breaks if at > first.marker_start]
    )
    wanted = (item.count or _UNCOUNTED) - 1
    later: list[Marker] = []
    last = first.marker_start
    starts = sentences.starts
    for start in starts[bisect_right(starts, own) :]:
        if start >= stop or start - last > MAX_GAP or len(later) >= wanted:
            break
        match = _FOLLOW.match(region, start)
        if match is None or (match["noun"] or "").lower() in NOT_ITEMS:
            continue
        marker = Marker(len(later) + 2, start, start, start)
        if quoted(region, start) or asks(region, sentences, marker):
            continue
        later.append(marker)
        last = start
        if _CLOSING.match(region, start):
            break
    return later
