"""The words lists are counted with: ordinals, cardinals and the words that close a list.

Each word maps to its place in the list (``second`` -> 2, ``secondly`` -> 2, ``two`` ->
2), or to one of the places that depend on the list so far: :data:`LAST` closes a list
of at least two (``Finally``), :data:`NEXT` adds one more item to a list already open
(``Another is``, ``For another``), :data:`OTHER` closes a list of one with its second
item (``One is ...; the other is ...``).
"""

from __future__ import annotations

import re

_ORDINALS_WORDS = """
    first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
"""
ORDINALS = tuple(_ORDINALS_WORDS.split())
_CARDINALS_WORDS = "one two three four five six seven eight nine ten eleven twelve"
CARDINALS = tuple(_CARDINALS_WORDS.split())
CARDINAL_VALUE = {word: n for n, word in enumerate(CARDINALS, start=1)}

#: Closes a list that already has two items (``Finally, ...``).
LAST = 0
#: Adds an item to a list already open (``Another is ...``, ``For another, ...``).
NEXT = -1
#: Closes a list of one with its second item (``the other is ...``).
OTHER = -2

ORDINAL_VALUE: dict[str, int] = {word: n for n, word in enumerate(ORDINALS, start=1)}
ORDINAL_VALUE.update({word + "ly": n for word, n in list(ORDINAL_VALUE.items())})
ORDINAL_VALUE.update({"first of all": 1, "first off": 1, "first and foremost": 1})
ORDINAL_VALUE["second of all"] = 2
ORDINAL_VALUE.update({"for one thing": 1, "for another thing": NEXT, "for another": NEXT})
ORDINAL_VALUE.update(CARDINAL_VALUE)
ORDINAL_VALUE.update({"another": NEXT, "next": NEXT, "other": OTHER})
for _closing in ("finally", "lastly", "last but not least", "last", "final"):
    ORDINAL_VALUE[_closing] = LAST

#: Any word of :data:`ORDINAL_VALUE`, longest first (a regular expression alternative).
ORDINAL_WORD = "|".join(
    re.escape(word).replace(r"\ ", r"[^\S\n]+")
    for word in sorted(ORDINAL_VALUE, key=len, reverse=True)
)
CARDINAL_WORD = "|".join(CARDINALS)
#: Spaces between two words of one marker, which may run over a line break.
GAP = r"(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*)"

#: Words after an ordinal that count times or ranks, not items (``the first time``).
_NOT_ITEMS_WORDS = """
    time times half quarter year years day days week weeks month months night round
    term turn floor grade place period session century decade season semester minute hour
    moment lady world
"""
NOT_ITEMS = frozenset(_NOT_ITEMS_WORDS.split())
#: What may stand before an ordinal at a sentence start: a conjunction, then an article.
_ARTICLES_WORDS = "the a an our my"
ARTICLES = frozenset(_ARTICLES_WORDS.split())
_CONJUNCTIONS_WORDS = "and but so now then also well okay"
CONJUNCTIONS = frozenset(_CONJUNCTIONS_WORDS.split())
#: Words that soften what follows, spoken before an article (``kind of the first
#: fallback``, ``I think the second thing is``): they change nothing of the ordinal, so it
#: marks an item as it would without them (and, like any ordinal, only in a run 1, 2 ...).
HEDGES = (
    *("kind of", "sort of", "kinda", "sorta", "like", "basically", "really", "probably"),
    *("maybe", "i guess", "i think", "i'd say", "i would say", "you know"),
)
#: Any of :data:`HEDGES` (a regular expression alternative; words may run over a line break).
HEDGE = "|".join(hedge.replace(" ", GAP) for hedge in HEDGES)


def value_of(word: str) -> int:
    """The place :data:`ORDINAL_VALUE` gives ``word`` (any case, any spaces)."""
    return ORDINAL_VALUE[" ".join(word.lower().split())]
