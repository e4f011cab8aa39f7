"""The enumerated items ("measures") of an answer.

People answer in lists, in many shapes: ``The first is to ... The second is to ...``,
``A second big category is ...``, ``One is to ... two is to ...`` (how translations
render 一是/二是), ``First, ... Secondly, ... Finally, ...``, ``According to the second,
...``, ``Number one, ... Number two: ...`` (or ``... Number one.`` after its item),
``The answer is that, firstly, ... Secondly, ...``, ``..., that's the first point.``,
``for one thing ... for another``, ``two reasons: one is that ..., and the other is
...``, numbered or lettered lines (``1.``, ``2)``, ``a)``, ``(b)``, ``A)``) and inline
``(1) ...; (2) ...`` or ``(a) ...; (b) ...``.

A list is only believed when its markers have an enumerating shape (:mod:`.openers` at a
sentence start, :mod:`.inside` within a sentence, :mod:`.numerals`) *and* form a run 1,
2, 3 ... of at least two items (:func:`.markers.runs`), so ``the first year``, ``in the
first half``, ``First Secretary`` or a lone ``First of all`` never start one. The
exceptions are the lists a speaker announces (:mod:`.announcements`), whose later
items may be marked by other words (``And then, ...``, ``Also, ...``; :mod:`.followups`).
An item is the sentence its marker stands in (from the marker on when the sentence holds
several items), up to the next item; after a number or letter, the text after it. An answer may hold
several lists; the longest are kept first and a list inside another one is dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from corpus.model import Measure
from corpus.outline.measures.announcements import announced_firsts, noun_firsts
from corpus.outline.measures.followups import announced_runs
from corpus.outline.measures.guards import asks, quoted
from corpus.outline.measures.inside import find_inside
from corpus.outline.measures.markers import Marker, Sentences, runs
from corpus.outline.measures.numerals import numeral_markers
from corpus.outline.measures.openers import find_openers
from corpus.outline.sentences import first_sentence_end

#: Most answers hold no list at all: skip them with one cheap search.
_MAYBE_LIST = re.compile(
    r"first|second|\bone(?:[^\S\n]+[a-z]+[^\S\n]+is\b|[^\S\n]+is\b|[^\S\n]*,|[^\S\n]+thing)"
    r"|number[ \t\n]+one|\b(?:part|one)[^\S\n]+of[^\S\n]+the|[,;:][^\S\n]*one[^\S\n]*,"
    r"|[(（][1aA][)）]|^[^\S\n]*(?:1(?:[.)、]|．)|a[.)]|A\))|[^\S\n]1\)[^\S\n]",
    re.IGNORECASE | re.MULTILINE,
)
#: A line that another speaker's label opens ("Tracy Mitrano: ..."), inside an opening
#: region that holds several speakers' statements: no list runs over it.
_LABEL_LINE = re.compile(r"(?m)^[^\S\n]*[A-Z][\w.'’-]*(?:[^\S\n]+[A-Z][\w.'’-]*){0,3}:[^\S\n]")
_TRAILING = re.compile(r"(?:[\s;,；，]|\b(?:and|or)\b)+$")
_SPACES = re.compile(r"\s+")
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_NEWLINE = re.compile(r"\n")


def find_measures(text: str, start: int, end: int, *, wrapped: bool = False) -> tuple[Measure, ...]:
    """The measures of the answer ``text[start:end]``, or ``()`` when it holds no list.

    Each list's items are numbered from 1. ``wrapped`` says the text is hard-wrapped, so
    an item's headline may run on over a line break.
    """
    region = text[start:end]
    if _MAYBE_LIST.search(region) is None:
        return ()
    sentences = Sentences(region, wrapped)
    openers = find_openers(region, sentences, wrapped)
    inside = find_inside(region, sentences)
    nominal = openers.nominal + inside.nominal
    named = {start for start, words in openers.nominal_words.items() if words}
    shaped = [
        replace(m, kind="named" if (m.start if m.own is None else m.own) in named else "bare")
        for m in nominal
    ]
    shaped += [
        replace(m, kind="named")
        for m in noun_firsts(region, sentences, nominal, openers.nominal_words, openers.loose_first)
    ]
    shaped += [replace(m, kind="adverb") for m in openers.adverbial + inside.adverbial]
    shaped += [replace(m, kind="closing") for m in inside.closing]
    shaped = [
        m
        for m in shaped
        if not quoted(region, m.marker_start)
        and (m.kind == "named" or not asks(region, sentences, m))
    ]
    # Spoken lists mix their markers ("One is that ...; and, secondly, ...").
    breaks = tuple(match.start() for match in _LABEL_LINE.finditer(region))
    paragraphs = tuple(m.end() for m in (_BLANK_LINE if wrapped else _NEWLINE).finditer(region))
    found = [run for run in runs(_unique(shaped), breaks, paragraphs) if len(run) >= 2]
    found += [run for markers in numeral_markers(region) for run in runs(markers) if len(run) >= 2]
    ordinals = [m for m in shaped if m.ordinal >= 1]
    announced = announced_firsts(region, sentences, openers.plain_first, ordinals)
    found += announced_runs(region, sentences, announced, ordinals, breaks)
    measures: list[Measure] = []
    kept = _disjoint(found)
    for run in kept:
        measures += _items(region, start, run, _run_end(run, kept, len(region)), wrapped)
    return tuple(sorted(measures, key=lambda m: m.start))


def _unique(markers: list[Marker]) -> list[Marker]:
    """One marker per sentence and place: the same ordinal found twice (``Firstly,`` at a
    sentence start is also an ``-ly`` ordinal) counts once."""
    seen: dict[tuple[int, int], Marker] = {}
    for marker in markers:
        seen.setdefault((marker.marker_start, marker.ordinal), marker)
    return list(seen.values())


def _disjoint(found: list[list[Marker]]) -> list[list[Marker]]:
    """The longest runs (earliest on a tie), then every run that does not interleave
    with those kept: a list may stand inside one item of another, not across two."""
    kept: list[list[Marker]] = []
    for run in sorted(found, key=lambda r: (-len(r), r[0].marker_start)):
        low, high = run[0].marker_start, run[-1].marker_start
        if all(
            _outside(low, high, other)
            or _outside(other[0].marker_start, other[-1].marker_start, run)
            for other in kept
        ):
            kept.append(run)
    return kept


def _outside(low: int, high: int, run: list[Marker]) -> bool:
    """No marker of ``run`` stands within ``low`` .. ``high`` (ends included)."""
    return all(not low <= marker.marker_start <= high for marker in run)


def _run_end(run: list[Marker], kept: list[list[Marker]], end: int) -> int:
    """Where a run's last item ends: at the next item of a list around it, or ``end``."""
    last = run[-1].marker_start
    after = [
        marker.marker_start
        for other in kept
        if other[0].marker_start < run[0].marker_start
        for marker in other
        if marker.marker_start > last
    ]
    return min(after, default=end)


def _items(
    region: str, offset: int, run: list[Marker], run_end: int, wrapped: bool
) -> list[Measure]:
    """The measures of one run: each item runs to the next marker or the run's end."""
    shared = Counter(marker.start for marker in run if marker.own is not None)
    placed = [
        # A sentence holding several items ("three tasks: first, ...; second, ..."):
        # each item starts at its own marker.
        replace(marker, start=marker.own, marker_start=marker.own)
        if marker.own is not None and shared[marker.start] > 1
        else marker
        for marker in run
    ]
    measures = []
    for index, marker in enumerate(placed):
        item_end = placed[index + 1].marker_start if index + 1 < len(placed) else run_end
        while item_end > marker.start and region[item_end - 1].isspace():
            item_end -= 1
        measures.append(
            Measure(
                ordinal=index + 1,
                text=_headline(region, marker.start, item_end, wrapped),
                start=offset + marker.start,
                end=offset + item_end,
            )
        )
    return measures


def _headline(region: str, start: int, end: int, wrapped: bool) -> str:
    """The item's first sentence (within the item), whitespace collapsed, list glue trimmed."""
    first = region[start : first_sentence_end(region, start, end, wrapped=wrapped)]
    return _SPACES.sub(" ", _TRAILING.sub("", first)).strip()
