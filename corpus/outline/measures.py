"""The enumerated items ("measures") of an answer.

Officials answer in lists: ``The first is to ... The second is to ...`` (or ``One is to
... two is to ...``), ``First, ... Second, ... Finally, ...``, numbered lines
``1.``/``2.``, or inline ``(1) ...; (2) ...``.
A list is only believed when its markers have the enumerating shape (at a sentence start,
``is``/``,`` after the ordinal) *and* form a run 1, 2, 3 ... of at least two items, so
``the first year``, ``in the first half`` or ``First Secretary`` never start one. When
an answer holds several lists, the longest run wins (the earliest on a tie).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.model import Measure
from corpus.outline.sentences import first_sentence_end

_ORDINALS_WORDS = """
    first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
"""
_ORDINALS = _ORDINALS_WORDS.split()
_ORDINAL_VALUE = {word: n for n, word in enumerate(_ORDINALS, start=1)}
_ORDINAL_VALUE.update({word + "ly": n for word, n in list(_ORDINAL_VALUE.items())})
_ORDINAL_VALUE["first of all"] = 1
#: ``One is to ..., two is to ...``: how translations often render 一是/二是.
_CARDINALS_WORDS = "one two three four five six seven eight nine ten eleven twelve"
_CARDINALS = _CARDINALS_WORDS.split()
_ORDINAL_VALUE.update({word: n for n, word in enumerate(_CARDINALS, start=1)})
#: Closes a list that already has two items ("Finally, ...").
_LAST = 0
for _closing in ("finally", "lastly", "last but not least", "last"):
    _ORDINAL_VALUE[_closing] = _LAST

_ORDINAL_WORD = "|".join(sorted(_ORDINAL_VALUE, key=len, reverse=True))
#: Words that may open an "is" item (``The first is``, ``Two is``).
_IS_WORDS = frozenset(_ORDINALS) | frozenset(_CARDINALS)
_CARDINAL_WORDS = frozenset(_CARDINALS)
#: Item nouns allowed between ordinal and verb: ``The second aspect is ...``.
_ITEM_NOUNS = "one|aspect|point|measure|task|area|thing|priority|step"

#: What may follow an ordinal word at ``region[pos]``: ``First, ...``/``Finally, ...`` or
#: ``first is ...``/``second aspect is ...``. Candidates are found with ``str.find`` on
#: the words of :data:`_KEYWORDS` (a regex scanning every position is ten times slower).
_WORD_MARKER = re.compile(
    r"(?P<ordinal>" + _ORDINAL_WORD + r")\b"
    r"(?:(?P<comma>[ \t]*,)|(?:[ \t]+(?:" + _ITEM_NOUNS + r"))?[ \t]+(?:is|are)\b)",
    re.IGNORECASE,
)
#: Every word of :data:`_ORDINAL_VALUE` starts with one of these.
_KEYWORDS = (*_ORDINALS, *_CARDINALS, "finally", "last")
#: Most answers hold no list at all: skip them with one cheap search.
_MAYBE_LIST = re.compile(
    r"first|\bone[ \t]+is\b|[(（]1[)）]|^[ \t]*1(?:[.)、]|．)", re.IGNORECASE | re.MULTILINE
)
#: A sentence (or list item) may start after these, and at a line start.
_OPENERS = ".?!;:。；：！？"
_CLOSERS = "\"”'’)"
#: ``1. ...``, ``2) ...``, ``3、...`` at a line start.
_NUMBERED_LINE = re.compile(r"(?m)^[ \t]*(?P<ordinal>\d{1,2})(?:[.)、]|．)[ \t]*(?=\S)")
#: ``(1) ...`` anywhere.
_PAREN_NUMBER = re.compile(r"[(（](?P<ordinal>\d{1,2})[)）][ \t]*(?=\S)")

_TRAILING = re.compile(r"(?:[\s;,；，]|\b(?:and|or)\b)+$")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class _Marker:
    ordinal: int
    start: int
    """Where the item's text starts: the marker word itself, or after a numeral."""
    marker_start: int
    """Where the marker starts (the previous item ends before it)."""


def find_measures(text: str, start: int, end: int, *, wrapped: bool = False) -> tuple[Measure, ...]:
    """The measures of the answer ``text[start:end]``, or ``()`` when it holds no list.

    ``wrapped`` says the text is hard-wrapped, so an item's headline may run on over a
    line break.
    """
    region = text[start:end]
    if _MAYBE_LIST.search(region) is None:
        return ()
    is_markers, comma_markers = _word_markers(region)
    best: list[_Marker] = []
    for markers in (
        is_markers,
        comma_markers,
        _numeral_markers(_NUMBERED_LINE, region),
        _numeral_markers(_PAREN_NUMBER, region),
    ):
        for run in _runs(markers):
            if len(run) > len(best) or (
                len(run) == len(best) and best and run[0].start < best[0].start
            ):
                best = run
    if len(best) < 2:
        return ()
    measures = []
    for index, marker in enumerate(best):
        item_end = best[index + 1].marker_start if index + 1 < len(best) else len(region)
        while item_end > marker.start and region[item_end - 1].isspace():
            item_end -= 1
        measures.append(
            Measure(
                ordinal=index + 1,
                text=_headline(region, marker.start, item_end, wrapped),
                start=start + marker.start,
                end=start + item_end,
            )
        )
    return tuple(measures)


def _word_markers(region: str) -> tuple[list[_Marker], list[_Marker]]:
    """``The first is`` markers and ``First,`` markers that open a sentence, in text order."""
    lowered = region.lower()
    positions: set[int] = set()
    for keyword in _KEYWORDS:
        found = lowered.find(keyword)
        while found >= 0:
            if found == 0 or not lowered[found - 1].isalnum():
                positions.add(found)
            found = lowered.find(keyword, found + len(keyword))
    is_markers: list[_Marker] = []
    comma_markers: list[_Marker] = []
    for position in sorted(positions):
        match = _WORD_MARKER.match(region, position)
        if match is None:
            continue
        word = _SPACES.sub(" ", match.group("ordinal").lower())
        item = _after_the(lowered, position)
        if not _opens_sentence(region, item):
            continue
        marker = _Marker(_ORDINAL_VALUE[word], item, item)
        if match.group("comma") is None:
            if word in _IS_WORDS:
                is_markers.append(marker)
        elif item == position and word not in _CARDINAL_WORDS:  # not "The first, ..."/"One,"
            comma_markers.append(marker)
    return is_markers, comma_markers


def _after_the(lowered: str, position: int) -> int:
    """Where ``the`` starts if it (and spaces) precede ``position``, else ``position``."""
    before = position
    while before > 0 and lowered[before - 1] in " \t\n":
        before -= 1
    if (
        before < position
        and lowered.endswith("the", 0, before)
        and (before == 3 or not lowered[before - 4].isalnum())
    ):
        return before - 3
    return position


def _opens_sentence(region: str, offset: int) -> bool:
    """Whether ``offset`` starts a line, or follows a terminator (or ``;``/``:``) and a space."""
    before = offset
    while before > 0 and region[before - 1] in " \t":
        before -= 1
    if before == 0 or region[before - 1] == "\n":
        return True
    spaced = before < offset
    if region[before - 1] in _CLOSERS and before > 1:
        before -= 1
    mark = region[before - 1]
    return mark in _OPENERS and (spaced or mark in "。；：！？")


def _numeral_markers(pattern: re.Pattern[str], region: str) -> list[_Marker]:
    return [
        _Marker(int(match.group("ordinal")), match.end(), match.start())
        for match in pattern.finditer(region)
    ]


def _runs(markers: list[_Marker]) -> list[list[_Marker]]:
    """Runs of markers numbered 1, 2, 3 ... in text order; ``Finally`` may close a run."""
    runs: list[list[_Marker]] = []
    current: list[_Marker] = []
    for marker in markers:
        if marker.ordinal == 1:
            current = [marker]
            runs.append(current)
        elif current and marker.ordinal == len(current) + 1:
            current.append(marker)
        elif current and marker.ordinal == _LAST and len(current) >= 2:
            current.append(marker)
            current = []
    return runs


def _headline(region: str, start: int, end: int, wrapped: bool) -> str:
    """The item's first sentence (within the item), whitespace collapsed, list glue trimmed."""
    first = region[start : first_sentence_end(region, start, end, wrapped=wrapped)]
    return _SPACES.sub(" ", _TRAILING.sub("", first)).strip()
