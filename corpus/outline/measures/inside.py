"""Markers inside a sentence or after their item: the item is the sentence that holds them.

Speakers do not always open an item with its ordinal: ``The answer is that, firstly, the
issues are kept internal. Secondly, ...``, ``Our focus is on East Timor firstly.``,
``Nauru is not a signatory, that's the first point.``, ``It is cheap, for one thing.
For another, ...``, ``two reasons: one is that ..., and the other is that ...``. Each
such marker stands for the sentence it is in. Only shapes that enumerate wherever they
stand are read here: an ``-ly`` ordinal, a bare ordinal set off by commas (``, second,``,
``..., first and foremost.``, ``Rates, first of all, ...``), a spoken number so set off
(``One, your demand is down and, two, buyers ...``, ``..., because one, it is cheap``)
or after ``number`` (``I will
tell you that, number one, we know ...``, ``..., number one.``), ``that's the first
point`` (or ``that's the first``) closing its sentence, ``for one thing``/``for
another``, and ``the other is`` after a comma. A list still needs a run 1, 2 ... (or an
announcement).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from corpus.outline.measures.markers import Marker, Sentences
from corpus.outline.measures.vocabulary import (
    GAP,
    HEDGE,
    LAST,
    NEXT,
    NOT_ITEMS,
    ORDINALS,
    OTHER,
    value_of,
)

#: Before a bare ordinal set off by commas: ``, first,``, ``and, second,``, ``: finally,``.
_SET_OFF_BEFORE = re.compile(
    r"(?:[,;:—–][^\S\n]*(?:(?:and|but|or)[^\S\n]*,?[^\S\n]*)?|[^\S\n]and[^\S\n]*,[^\S\n]*)$"
)
#: Before a spoken number that gives a first reason: ``..., because one, it ...``.
_BECAUSE_BEFORE = re.compile(r"\bbecause[^\S\n]+$", re.IGNORECASE)
#: After it: a comma, or the end of its sentence (``..., first and foremost.``).
_CLOSE_AFTER = re.compile(r"(?:[^\S\n]+(?:and[^\S\n]+foremost|of[^\S\n]+all))?[^\S\n]*(?:[,.;!]|$)")
#: Before and after ``the first point`` closing its sentence (``that's the first point.``,
#: ``that's kind of the first fallback.``).
_COPULA_BEFORE = re.compile(
    r"(?:\bis|\bwas|['’]s)"
    + GAP
    + r"(?:(?P<hedge>"
    + HEDGE
    + ")"
    + GAP
    + r")?(?:the|my|our)"
    + GAP
    + "$"
)
_NOUN_AFTER = re.compile(r"(?:" + GAP + r"(?P<noun>[a-z]+))?[^\S\n]*(?:[.!;]|$)")
_ANY_ORDINAL = re.compile("|".join((*ORDINALS, "finally", "last")))
#: ``..., one, commend you ..., and two, say that ...``: a number set off by commas and
#: followed by words (not ``one, two, three times``: a count goes on with numbers).
_SPOKEN_NUMBER = re.compile(
    r"(?<![\w-])(?P<number>one|two|three|four|five|six)[^\S\n]*,[^\S\n]*"
    r"(?!(?:one|two|three|four|five|six|seven|eight|nine|ten)\b)[a-z]+[^\S\n]+[a-z]",
    re.IGNORECASE,
)
#: ``..., number one, ...`` or ``..., number one.`` inside a sentence: a spoken number set
#: off by commas, or closing its sentence (``that's a sensible way, number one.``).
_SET_OFF_NUMBER = re.compile(
    r"(?<![\w-])number" + GAP + r"(?P<number>one|two|three|four|five|six|seven|eight|nine|ten)"
    r"[^\S\n]*(?:(?P<comma>,)|[.;!](?=\s|$)|$)",
    re.IGNORECASE,
)
#: How far before an ordinal the words that set it off are looked for.
_LOOK_BACK = 16
#: What stands before ``for one thing`` or ``for another`` set off as a marker: a comma,
#: a terminator or a line start (``It is cheap, for one thing. For another, ...``).
_SET_OFF_BEFORE_FOR = re.compile(r"(?:^|[,;:.!?—–\n])[^\S\n]*$")
#: ``for one thing`` and ``for another,`` / ``for another thing`` (not ``for another job``).
_FOR_ONE = re.compile(
    r"\bfor"
    + GAP
    + r"(?:(?P<one>one"
    + GAP
    + r"thing)|another(?:"
    + GAP
    + r"thing\b|(?=[^\S\n]*[,;.])))",
    re.IGNORECASE,
)
#: ``..., and the other is that ...``: the second of two, inside the first one's sentence.
_THE_OTHER = re.compile(
    r"[,;—–][^\S\n]*(?:and" + GAP + r")?(?P<marker>the" + GAP + r"other)"
    r"(?:" + GAP + r"(?P<noun>[a-z]+))??" + GAP + r"(?:is|was|(?:would|will)" + GAP + r"be)\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Inside:
    """The markers found inside sentences, by family (see :mod:`.openers`)."""

    nominal: list[Marker] = field(default_factory=list)
    adverbial: list[Marker] = field(default_factory=list)
    closing: list[Marker] = field(default_factory=list)
    """Numbers that close the sentence of their item (``..., number one.``)."""


def find_inside(region: str, sentences: Sentences) -> Inside:
    """The markers inside (or at the end of) the sentences of ``region``."""
    found = Inside()
    lowered = region.lower()
    # Each shape is looked for only where its words occur (most answers have none).
    words = {match.group() for match in _ANY_ORDINAL.finditer(lowered)}
    for word in words:
        for at in _word_positions(lowered, word):
            _ordinal_at(region, lowered, at, word, sentences, found)
    for match in _SPOKEN_NUMBER.finditer(region):
        window = max(0, match.start() - _LOOK_BACK)
        if _SET_OFF_BEFORE.search(region, window, match.start()) or (
            _BECAUSE_BEFORE.search(region, window, match.start())
        ):
            value = value_of(match["number"])  # "my portfolio; and two, I store cash"
            found.adverbial.append(sentences.marker(value, match.start()))
    if "number" in lowered:
        for match in _SET_OFF_NUMBER.finditer(region):
            if _SET_OFF_BEFORE.search(region, max(0, match.start() - _LOOK_BACK), match.start()):
                marker = sentences.marker(value_of(match["number"]), match.start())
                (found.adverbial if match["comma"] else found.closing).append(marker)
    if "for one" in lowered or "for another" in lowered:
        for match in _FOR_ONE.finditer(region):
            if not _SET_OFF_BEFORE_FOR.search(region, max(0, match.start() - 4), match.start()):
                continue  # "the money for one thing, then used it for another."
            found.adverbial.append(sentences.marker(1 if match["one"] else NEXT, match.start()))
    if "the other" in lowered:
        for match in _THE_OTHER.finditer(region):
            if (match["noun"] or "").lower() in NOT_ITEMS:
                continue  # "the other day was ..."
            found.nominal.append(sentences.marker(OTHER, match.start("marker")))
    return found


def _word_positions(lowered: str, word: str) -> list[int]:
    """Where ``word`` starts a word of ``lowered`` (it may go on: ``first`` of ``firstly``)."""
    positions = []
    at = lowered.find(word)
    while at >= 0:
        if at == 0 or not lowered[at - 1].isalpha():
            positions.append(at)
        at = lowered.find(word, at + len(word))
    return positions


def _ordinal_at(
    region: str, lowered: str, at: int, word: str, sentences: Sentences, found: Inside
) -> None:
    """The marker an ordinal at ``at`` makes inside its sentence, if any."""
    end = at + len(word)
    value = LAST if word in ("finally", "last") else value_of(word)
    if lowered.startswith("ly", end) and not lowered[end + 2 : end + 3].isalpha():
        if word != "finally":
            found.adverbial.append(sentences.marker(value, at))  # "firstly", "lastly"
        return
    if lowered[end : end + 1].isalpha():
        return
    before = region[max(0, at - _LOOK_BACK) : at]
    if _SET_OFF_BEFORE.search(before) and _CLOSE_AFTER.match(region, end):
        found.adverbial.append(sentences.marker(value, at))  # "is that, first, ..."
        return
    copula = (
        None if value == LAST else _COPULA_BEFORE.search(region, max(0, at - 2 * _LOOK_BACK), at)
    )
    if copula is None:
        return
    noun = _NOUN_AFTER.match(region, end)
    if noun is not None and (noun["noun"] or "").lower() not in NOT_ITEMS:
        marker = sentences.marker(value, at)  # "that's the first point."
        marker = replace(marker, hedged=copula["hedge"] is not None)
        found.adverbial.append(marker)
        found.nominal.append(marker)
