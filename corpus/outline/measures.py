"""The enumerated items ("measures") of an answer.

People answer in lists, in many shapes: ``The first is to ... The second is to ...``,
``A second big category is ...``, ``One is to ... two is to ...`` (how translations
render 一是/二是), ``First, ... Secondly, ... Finally, ...``, ``According to the second,
...``, ``Number one, ... Number two: ...`` (or ``... Number one.`` after its item),
numbered or lettered lines (``1.``, ``2)``, ``a)``, ``(b)``) and inline ``(1) ...; (2)
...`` or ``(a) ...; (b) ...``.

A list is only believed when its markers have the enumerating shape (at a sentence start,
after at most a conjunction and an article; ``is``/``,``/``:`` after the ordinal) *and*
form a run 1, 2, 3 ... of at least two items, so ``the first year``, ``in the first
half``, ``First Secretary`` or a lone ``First of all`` never start one. One exception:
``The first is ...`` right after a sentence announcing several items (``there are four
key elements``) opens a list even when the later items are unmarked. An answer may hold
several lists; the longest are kept first and a list inside another one is dropped.
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
_CARDINALS_WORDS = "one two three four five six seven eight nine ten eleven twelve"
_CARDINALS = _CARDINALS_WORDS.split()
_CARDINAL_VALUE = {word: n for n, word in enumerate(_CARDINALS, start=1)}
_ORDINAL_VALUE.update(_CARDINAL_VALUE)
#: Closes a list that already has two items ("Finally, ...").
_LAST = 0
for _closing in ("finally", "lastly", "last but not least", "last"):
    _ORDINAL_VALUE[_closing] = _LAST

_ORDINAL_WORD = "|".join(sorted(_ORDINAL_VALUE, key=len, reverse=True))
_CARDINAL_WORD = "|".join(_CARDINALS)
_GAP = r"(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*)"

#: ``The first is``, ``A second big category is``, ``The third category of this plan
#: is``, ``Two is``: an ordinal naming the subject of its sentence.
_IS_MARKER = re.compile(
    r"(?P<ordinal>" + _ORDINAL_WORD + r")\b"
    r"(?P<words>(?:" + _GAP + r"[a-z][\w'’-]*){0,4}?)" + _GAP + r"(?:is|are|was|were)\b",
    re.IGNORECASE,
)
#: ``First, ...``, ``Secondly, ...``, ``Number two: ...`` (a comma or colon follows).
_COMMA_MARKER = re.compile(
    r"(?:(?P<ordinal>"
    + _ORDINAL_WORD
    + r")|number"
    + _GAP
    + r"(?P<number>"
    + _CARDINAL_WORD
    + r"))"
    r"(?P<comma>[^\S\n]*[,:])",
    re.IGNORECASE,
)
#: ``According to the second (requirement), ...``, as translations write 按照第二.
_ACCORDING = re.compile(
    r"according"
    + _GAP
    + r"to"
    + _GAP
    + r"the"
    + _GAP
    + r"(?P<ordinal>"
    + "|".join(_ORDINALS)
    + r")\b(?:"
    + _GAP
    + r"[a-z][\w'’-]*){0,3}?[^\S\n]*,",
    re.IGNORECASE,
)
#: ``... and a whole range of things.  Number one.`` closing its paragraph.
_AFTER_MARKER = re.compile(
    r"number" + _GAP + r"(?P<number>" + _CARDINAL_WORD + r")\.[^\S\n]*(?=\n|$)", re.IGNORECASE
)
#: Words after an ordinal that count times or ranks, not items (``the first time``).
_NOT_ITEMS_WORDS = "time times half quarter year years day days week month night round"
_NOT_ITEMS = frozenset(_NOT_ITEMS_WORDS.split())
#: What may stand before an ordinal at a sentence start: a conjunction, then an article.
_ARTICLES_WORDS = "the a an our my"
_ARTICLES = frozenset(_ARTICLES_WORDS.split())
_CONJUNCTIONS_WORDS = "and but so now then also"
_CONJUNCTIONS = frozenset(_CONJUNCTIONS_WORDS.split())
#: A sentence that announces several items: ``there are four key elements``, ``a couple
#: of different areas``, ``several things``.
_ANNOUNCES = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|several|multiple|a[^\S\n]+few"
    r"|a[^\S\n]+couple[^\S\n]+of|a[^\S\n]+number[^\S\n]+of|a[^\S\n]+series[^\S\n]+of)"
    r"(?:" + _GAP + r"[a-z][\w-]*){0,2}?" + _GAP + r"[a-z]+s\b",
    re.IGNORECASE,
)
#: Every word of :data:`_ORDINAL_VALUE` (and ``number``) starts with one of these.
_KEYWORDS = (*_ORDINALS, *_CARDINALS, "finally", "last", "number")
#: Most answers hold no list at all: skip them with one cheap search.
_MAYBE_LIST = re.compile(
    r"first|\bone[^\S\n]+is\b|number[ \t\n]+one|[(（][1a][)）]|^[^\S\n]*(?:1(?:[.)、]|．)|a[.)])",
    re.IGNORECASE | re.MULTILINE,
)
#: A sentence (or list item) may start after these, and at a line start.
_OPENERS = ".?!;:。；：！？"
_CLOSERS = "\"”'’)"
#: ``1. ...``, ``2) ...``, ``3、...``, ``(4) ...`` at a line start.
_NUMBERED_LINE = re.compile(r"(?m)^[^\S\n]*(?P<ordinal>\d{1,2})(?:[.)、]|．)[^\S\n]*(?=\S)")
#: ``(1) ...`` anywhere.
_PAREN_NUMBER = re.compile(r"[(（](?P<ordinal>\d{1,2})[)）][^\S\n]*(?=\S)")
#: ``a) ...``, ``b. ...`` at a line start (lower case: ``A.`` labels an answer).
_LETTERED_LINE = re.compile(r"(?m)^[^\S\n]*(?P<letter>[a-l])[.)][^\S\n]+(?=\S)")
#: ``(a) ...``, ``(B) ...`` anywhere.
_PAREN_LETTER = re.compile(r"[(（](?P<letter>[a-lA-L])[)）][^\S\n]*(?=\S)")

_TRAILING = re.compile(r"(?:[\s;,；，]|\b(?:and|or)\b)+$")
_SPACES = re.compile(r"\s+")
#: Spaces within a line (transcripts copied from the web keep no-break spaces).
_BLANKS = " \t\xa0\u2009\u202f"
_SPACES_AND_COMMA = _BLANKS + "\n,"
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


@dataclass(frozen=True, slots=True)
class _Marker:
    ordinal: int
    start: int
    """Where the item's text starts: the marker's sentence, or after a numeral."""
    marker_start: int
    """Where the marker starts (the previous item ends before it)."""


def find_measures(text: str, start: int, end: int, *, wrapped: bool = False) -> tuple[Measure, ...]:
    """The measures of the answer ``text[start:end]``, or ``()`` when it holds no list.

    Each list's items are numbered from 1. ``wrapped`` says the text is hard-wrapped, so
    an item's headline may run on over a line break.
    """
    region = text[start:end]
    if _MAYBE_LIST.search(region) is None:
        return ()
    is_markers, comma_markers, announced = _word_markers(region, wrapped)
    runs = [
        run
        for markers in (
            is_markers,
            comma_markers,
            _numeral_markers(_NUMBERED_LINE, region),
            _numeral_markers(_PAREN_NUMBER, region),
            _letter_markers(_LETTERED_LINE, region),
            _letter_markers(_PAREN_LETTER, region),
        )
        for run in _runs(markers)
        if len(run) >= 2
    ]
    runs += [[marker] for marker in announced]
    measures: list[Measure] = []
    for run in _disjoint(runs):
        measures += _items(region, start, run, wrapped)
    return tuple(sorted(measures, key=lambda m: m.start))


def _disjoint(runs: list[list[_Marker]]) -> list[list[_Marker]]:
    """The longest runs (earliest on a tie) and then every run outside those kept."""
    kept: list[list[_Marker]] = []
    for run in sorted(runs, key=lambda r: (-len(r), r[0].marker_start)):
        low, high = run[0].marker_start, run[-1].marker_start
        if all(high < k[0].marker_start or low > k[-1].marker_start for k in kept):
            kept.append(run)
    return kept


def _items(region: str, offset: int, run: list[_Marker], wrapped: bool) -> list[Measure]:
    """The measures of one run: each item runs to the next marker or the region's end."""
    measures = []
    for index, marker in enumerate(run):
        item_end = run[index + 1].marker_start if index + 1 < len(run) else len(region)
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


def _word_markers(region: str, wrapped: bool) -> tuple[list[_Marker], list[_Marker], list[_Marker]]:
    """Markers made of words that open a sentence, in text order.

    Returns the ``The first is`` markers, the ``First,``/``Number two:``/``... Number
    one.`` markers, and the lone ``The first is`` markers a sentence announced.
    """
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
    announced: list[_Marker] = []
    for position in sorted(positions):
        after = _AFTER_MARKER.match(region, position)
        if after is not None and _ends_sentence_before(region, position):
            # "... a whole range of things.  Number one.": the item is the paragraph it ends.
            item = _paragraph_start(region, position, wrapped)
            comma_markers.append(_Marker(_CARDINAL_VALUE[after["number"].lower()], item, item))
            continue
        lead, article = _lead(lowered, position)
        if not _opens_sentence(region, lead):
            continue
        comma = _COMMA_MARKER.match(region, position)
        if comma is not None:
            if article is None or comma["number"] is not None:
                word = comma["number"] or comma["ordinal"]
                value = _value(word, numbered=comma["number"] is not None)
                if value is not None:
                    comma_markers.append(_Marker(value, lead, lead))
            continue
        match = _IS_MARKER.match(region, position)
        if match is None:
            continue
        word = _SPACES.sub(" ", match["ordinal"].lower())
        if word in _CARDINAL_VALUE and (article is not None or match["words"]):
            continue  # "the one who ...", "Two things are ..."
        if _NOT_ITEMS.intersection(match["words"].lower().split()):
            continue  # "The first time I went there was ..."
        marker = _Marker(_ORDINAL_VALUE[word], lead, lead)
        is_markers.append(marker)
        if (
            word == "first"
            and article == "the"
            and not match["words"]
            and _ANNOUNCES.search(region, _previous_sentence_start(region, lead), lead)
        ):
            announced.append(marker)
    for match in _ACCORDING.finditer(region):
        if _opens_sentence(region, match.start()):
            value = _ORDINAL_VALUE[match["ordinal"].lower()]
            comma_markers.append(_Marker(value, match.start(), match.start()))
    return is_markers, comma_markers, announced


def _value(word: str, *, numbered: bool) -> int | None:
    """An ordinal's place in its list; None for a bare cardinal (``One, ...``)."""
    lowered = _SPACES.sub(" ", word.lower())
    if numbered:
        return _CARDINAL_VALUE[lowered]
    if lowered in _CARDINAL_VALUE:
        return None
    return _ORDINAL_VALUE[lowered]


def _lead(lowered: str, position: int) -> tuple[int, str | None]:
    """Where the marker's sentence starts: before an article and a conjunction right
    before ``position``, if any; and the article (``the``, ``a`` ...) found, if any."""
    start, article = position, None
    for allowed in (_ARTICLES, _CONJUNCTIONS):
        before = start
        while before > 0 and lowered[before - 1] in _SPACES_AND_COMMA:
            before -= 1
        word_start = before
        while word_start > 0 and lowered[word_start - 1].isalpha():
            word_start -= 1
        word = lowered[word_start:before]
        if before == start or word not in allowed:
            continue
        if allowed is _ARTICLES:
            if "," in lowered[before:start]:
                continue
            article = word
        start = word_start
    return start, article


def _opens_sentence(region: str, offset: int) -> bool:
    """Whether ``offset`` starts a line, or follows a terminator (or ``;``/``:``) and a space."""
    before = offset
    while before > 0 and region[before - 1] in _BLANKS:
        before -= 1
    if before == 0 or region[before - 1] == "\n":
        return True
    spaced = before < offset
    if region[before - 1] in _CLOSERS and before > 1:
        before -= 1
    mark = region[before - 1]
    return mark in _OPENERS and (spaced or mark in "。；：！？")


def _ends_sentence_before(region: str, offset: int) -> bool:
    """A terminator and spaces right before ``offset`` (a marker that is its own sentence)."""
    before = offset
    while before > 0 and region[before - 1] in _BLANKS:
        before -= 1
    return before < offset and before > 0 and region[before - 1] in ".?!"


def _paragraph_start(region: str, offset: int, wrapped: bool) -> int:
    """Where the paragraph holding ``offset`` starts (its first non-space character)."""
    if wrapped:
        blanks = [m.end() for m in _BLANK_LINE.finditer(region, 0, offset)]
        start = blanks[-1] if blanks else 0
    else:
        start = region.rfind("\n", 0, offset) + 1
    while start < offset and region[start].isspace():
        start += 1
    return start


def _previous_sentence_start(region: str, offset: int) -> int:
    """Roughly where the sentence before ``offset`` starts (for finding an announcement)."""
    before = max(0, offset - 1)
    while before > 0 and region[before - 1] in _BLANKS + "\n":
        before -= 1
    found = max(region.rfind(mark, 0, max(0, before - 1)) for mark in ".?!\n")
    return found + 1


def _numeral_markers(pattern: re.Pattern[str], region: str) -> list[_Marker]:
    return [
        _Marker(int(match["ordinal"]), match.end(), match.start())
        for match in pattern.finditer(region)
    ]


def _letter_markers(pattern: re.Pattern[str], region: str) -> list[_Marker]:
    return [
        _Marker(ord(match["letter"].lower()) - ord("a") + 1, match.end(), match.start())
        for match in pattern.finditer(region)
    ]


def _runs(markers: list[_Marker]) -> list[list[_Marker]]:
    """Runs of markers numbered 1, 2, 3 ... in text order; ``Finally`` may close a run."""
    runs: list[list[_Marker]] = []
    current: list[_Marker] = []
    for marker in sorted(markers, key=lambda m: m.marker_start):
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
