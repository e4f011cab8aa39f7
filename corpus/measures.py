"""The enumerated items ("measures") of an answer.

Officials answer in lists: ``The first is to ... The second is to ...``, ``First, ...
Second, ... Finally, ...``, numbered lines ``1.``/``2.``, or inline ``(1) ...; (2) ...``.
A list is only believed when its markers have the enumerating shape (at a sentence start,
``is``/``,`` after the ordinal) *and* form a run 1, 2, 3 ... of at least two items, so
``the first year``, ``in the first half`` or ``First Secretary`` never start one. When
an answer holds several lists, the longest run wins (the earliest on a tie).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.model import Measure
from corpus.sentences import split_sentences

_ORDINALS_WORDS = """
    first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
"""
_ORDINALS = _ORDINALS_WORDS.split()
_ORDINAL_VALUE = {word: n for n, word in enumerate(_ORDINALS, start=1)}
_ORDINAL_VALUE.update({word + "ly": n for word, n in list(_ORDINAL_VALUE.items())})
_ORDINAL_VALUE["first of all"] = 1
#: Closes a list that already has two items ("Finally, ...").
_LAST = 0
for _closing in ("finally", "lastly", "last but not least", "last"):
    _ORDINAL_VALUE[_closing] = _LAST

_ORDINAL_WORD = "|".join(sorted(_ORDINAL_VALUE, key=len, reverse=True))
#: A sentence may start at a line start or after a terminator (or ``;``/``:`` for lists).
_SENTENCE_START = r"(?:(?<=^)|(?<=\n)|(?<=[.?!;:。；：][ \t])|(?<=[.?!;:][\"”'’)][ \t]))[ \t]*"

#: ``The first is to ...``, ``The second aspect is ...``, ``First is ...``.
_IS_MARKER = re.compile(
    _SENTENCE_START
    + r"(?P<item>(?:[Tt]he[ \t]+)?(?P<ordinal>"
    + "|".join(_ORDINALS)
    + r"|(?:F|f)irst)(?:[ \t]+(?:one|aspect|point|measure|task|area|thing|priority|step))?"
    r"[ \t]+(?:is|are)\b)",
    re.IGNORECASE,
)
#: ``First, ...``, ``Secondly, ...``, ``Finally, ...``.
_COMMA_MARKER = re.compile(
    _SENTENCE_START + r"(?P<item>(?P<ordinal>" + _ORDINAL_WORD + r")[ \t]*,)",
    re.IGNORECASE,
)
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


def find_measures(text: str, start: int, end: int) -> tuple[Measure, ...]:
    """The measures of the answer ``text[start:end]``, or ``()`` when it holds no list."""
    region = text[start:end]
    best: list[_Marker] = []
    for markers in (
        _word_markers(_IS_MARKER, region),
        _word_markers(_COMMA_MARKER, region),
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
        item_end = len(region[:item_end].rstrip())
        measures.append(
            Measure(
                ordinal=index + 1,
                text=_headline(region, marker.start, item_end),
                start=start + marker.start,
                end=start + item_end,
            )
        )
    return tuple(measures)


def _word_markers(pattern: re.Pattern[str], region: str) -> list[_Marker]:
    markers = []
    for match in pattern.finditer(region):
        ordinal = _ORDINAL_VALUE.get(_SPACES.sub(" ", match.group("ordinal").lower()))
        if ordinal is None:
            continue
        markers.append(_Marker(ordinal, match.start("item"), match.start("item")))
    return markers


def _numeral_markers(pattern: re.Pattern[str], region: str) -> list[_Marker]:
    return [
        _Marker(int(match.group("ordinal")), match.end(), match.start("ordinal") - 1)
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


def _headline(region: str, start: int, end: int) -> str:
    """The item's first sentence (within the item), whitespace collapsed, list glue trimmed."""
    item = region[start:end]
    sentences = split_sentences(item)
    first = item[sentences[0].start : sentences[0].end] if sentences else item
    return _SPACES.sub(" ", _TRAILING.sub("", first)).strip()
