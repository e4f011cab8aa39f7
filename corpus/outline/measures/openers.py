"""Markers of words that open a sentence: ``The first is``, ``Secondly,``, ``Number two:``.

Two families, kept apart so that a list inside an item does not break the list around
it: *nominal* markers, an ordinal naming the subject of its sentence (``The first is``,
``A second big category is``, ``The second point would be``, ``One is``, ``Another is``,
``The other is``), and *adverbial* ones, an ordinal set off by a comma or colon
(``First,``, ``Secondly,``, ``First off,``, ``For one thing,``, ``Number two:``,
``According to the second, ...``, and ``Number one.`` closing the paragraph it marks).
A marker opens its sentence: at a line start or after a terminator, ``;`` or ``:``, with
at most a conjunction and an article before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from corpus.outline.measures.markers import (
    Marker,
    Sentences,
    ends_sentence_before,
    lead,
    opens_sentence,
)
from corpus.outline.measures.vocabulary import (
    CARDINAL_VALUE,
    CARDINAL_WORD,
    CARDINALS,
    GAP,
    NOT_ITEMS,
    ORDINAL_WORD,
    ORDINALS,
    value_of,
)

#: ``The first is``, ``A second big category is``, ``The third category of this plan
#: is``, ``The second point would be``, ``Two is``: an ordinal naming the subject of its
#: sentence.
IS_MARKER = re.compile(
    r"(?P<ordinal>" + ORDINAL_WORD + r")\b"
    r"(?P<words>(?:" + GAP + r"[a-z][\w'’-]*){0,6}?)"
    # an aside before the verb: "The second factor, and one that I've talked about, is"
    r"(?:[^\S\n]*,[^,.;:?!]{1,100},)?" + GAP + r"(?P<verb>is|are|was|were"
    r"|(?:would|will|might|could|must|should|may)" + GAP + r"be)\b",
    re.IGNORECASE,
)
#: Words that end an item's noun (``concern`` of ``The second concern that I have is``).
_CLAUSE_WORDS_TEXT = "that which who i we you they he she it of in on for to and"
_CLAUSE_WORDS = frozenset(_CLAUSE_WORDS_TEXT.split())
#: ``One reason is``, ``Part of the answer is``, ``One of the factors was``: a first item
#: named by what it is part of (it starts a list only when a second item follows).
_ONE_OF = re.compile(
    r"(?:one|part)(?:" + GAP + r"of" + GAP + r"(?:the|my|our))?" + GAP + r"[a-z]+"
    r"(?:" + GAP + r"[a-z]+){0,3}?" + GAP + r"(?:is|was)\b",
    re.IGNORECASE,
)
#: ``The first one we might call ...``: a sentence opened by a first ordinal that names
#: nothing else, the first item of a list whose later items name their noun.
_LOOSE_FIRST = re.compile(r"first" + GAP + r"(?P<noun>[a-z]+)", re.IGNORECASE)
#: ``First, ...``, ``Secondly, ...``, ``Number two: ...`` (a comma or colon follows).
_COMMA_MARKER = re.compile(
    r"(?:(?P<ordinal>" + ORDINAL_WORD + r")|number" + GAP + r"(?P<number>" + CARDINAL_WORD + r"))"
    r"(?P<comma>[^\S\n]*[,:])",
    re.IGNORECASE,
)
#: ``According to the second (requirement), ...``, as translations write 按照第二.
_ACCORDING = re.compile(
    r"according" + GAP + r"to" + GAP + r"the" + GAP + r"(?P<ordinal>" + "|".join(ORDINALS) + r")\b"
    r"(?:" + GAP + r"[a-z][\w'’-]*){0,3}?[^\S\n]*,",
    re.IGNORECASE,
)
#: ``... and a whole range of things.  Number one.`` closing its paragraph.
_AFTER_MARKER = re.compile(
    r"number" + GAP + r"(?P<number>" + CARDINAL_WORD + r")\.[^\S\n]*(?=\n|$)", re.IGNORECASE
)
#: Every marker word starts with one of these.
_KEYWORDS = (
    *ORDINALS,
    *CARDINALS,
    *("finally", "final", "last", "number", "for one", "for another", "another", "other"),
    *("next", "part"),
)
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


@dataclass(slots=True)
class Openers:
    """The markers found at sentence starts, in text order."""

    nominal: list[Marker] = field(default_factory=list)
    adverbial: list[Marker] = field(default_factory=list)
    nominal_words: dict[int, str] = field(default_factory=dict)
    """The words between a nominal marker's ordinal and its verb (``point`` of ``The
    second point would be``), by the marker's start."""
    plain_first: list[tuple[Marker, str, str | None]] = field(default_factory=list)
    """``The first is``, ``One is``: the nominal markers of a first item with no noun,
    with their ordinal word and the article before them."""
    loose_first: list[Marker] = field(default_factory=list)
    """``The first one we might call ...``: sentences opened by a first ordinal that is
    no marker by itself (see :func:`.announcements.noun_firsts`)."""


def find_openers(region: str, sentences: Sentences, wrapped: bool) -> Openers:
    """The word markers that open a sentence of ``region``."""
    lowered = region.lower()
    found = Openers()
    for position in _keyword_positions(lowered):
        after = _AFTER_MARKER.match(region, position)
        if after is not None and ends_sentence_before(region, position):
            # "... a whole range of things.  Number one.": the item is the paragraph it ends.
            item = _paragraph_start(region, position, wrapped)
            found.adverbial.append(Marker(CARDINAL_VALUE[after["number"].lower()], item, item))
            continue
        start, article, hedged = lead(lowered, position)
        if not opens_sentence(region, start):
            # "kind of the second step", "I think the next part": a marker behind a hedge
            # goes on a list only on terms (see :func:`.markers.runs`).
            start, article, hedged = lead(lowered, position, hedges=True)
            if not hedged or not opens_sentence(region, start):
                continue
        comma = _COMMA_MARKER.match(region, position)
        if comma is not None and (article is None or comma["number"] is not None):
            word = comma["number"] or comma["ordinal"]
            found.adverbial.append(sentences.marker(value_of(word), start))
            continue
        # "And the third, I think, is ...": an aside after a subject, not "First,"
        if not _nominal(region, position, (start, article, hedged), sentences, found):
            _other_first(region, lowered, position, (start, article, hedged), sentences, found)
    for match in _ACCORDING.finditer(region):
        if opens_sentence(region, match.start()):
            found.adverbial.append(sentences.marker(value_of(match["ordinal"]), match.start()))
    return found


def _nominal(
    region: str,
    position: int,
    lead_at: tuple[int, str | None, bool],
    sentences: Sentences,
    found: Openers,
) -> bool:
    """A nominal marker (``The second issue is``) at ``position``, if one stands there;
    ``lead_at`` is where its sentence starts, its article and whether a hedge softens it."""
    start, article, hedged = lead_at
    match = IS_MARKER.match(region, position)
    if match is None:
        return False
    word = " ".join(match["ordinal"].lower().split())
    words = match["words"].lower().split()
    if word in CARDINAL_VALUE and (article is not None or (words and word != "one")):
        return False  # "the one who ...", "Two things are ..."
    if word == "one" and words and match["verb"].lower() not in ("is", "was"):
        return False  # "One thing is" names an item, "One people were" does not
    if word.startswith("for "):
        return False  # "for another is ..." is no subject
    if NOT_ITEMS.intersection(words):
        return False  # "The first time I went there was ..."
    if word == "final" and not words:
        return False  # "the final is ...": a match, not an item
    noun = []
    for each in words:
        if each in _CLAUSE_WORDS:
            break
        noun.append(each)
    marker = replace(sentences.marker(value_of(word), start), hedged=hedged)
    found.nominal.append(marker)
    found.nominal_words[marker.own or marker.start] = " ".join(noun)
    if word in ("first", "one") and not words:
        found.plain_first.append((marker, word, article))
    return True


def _other_first(
    region: str,
    lowered: str,
    position: int,
    lead_at: tuple[int, str | None, bool],
    sentences: Sentences,
    found: Openers,
) -> None:
    """``One reason is``, ``Part of the answer is`` and ``The first one we might call``."""
    start, article, hedged = lead_at
    if lowered.startswith(("one", "part"), position):
        match = _ONE_OF.match(region, position)
        if hedged or match is None or NOT_ITEMS.intersection(match.group().lower().split()):
            return  # "I think the one that encouraged me was ...": no first of a list
        found.nominal.append(sentences.marker(1, start))
        return
    loose = _LOOSE_FIRST.match(region, position)
    if (
        loose is not None
        and article in ("the", "my", "our")
        and loose["noun"].lower() not in NOT_ITEMS
    ):
        found.loose_first.append(replace(sentences.marker(1, start), hedged=hedged))


def _keyword_positions(lowered: str) -> list[int]:
    positions: set[int] = set()
    for keyword in _KEYWORDS:
        found = lowered.find(keyword)
        while found >= 0:
            if found == 0 or not lowered[found - 1].isalnum():
                positions.add(found)
            found = lowered.find(keyword, found + len(keyword))
    return sorted(positions)


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
