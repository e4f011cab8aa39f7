"""Double quotes: real ones pair up around a phrase within a paragraph; noise ones do not.

A ``"`` left by the noise (``ελ"the goals``) looks, on its own, just like an opening
quote. What gives it away is the paragraph: real quotes alternate, opening before a
word and closing after one, and the noise breaks that rhythm. So each paragraph's
quotes are judged together, by a small dynamic programme that keeps the cheapest set
which alternates properly:

* a quote inside a word (``manuf"acturing``) is always noise;
* a quote that touched a noise scar is cheap to drop, and kept only when it pairs;
* any other quote is expensive to drop: a paragraph may be left unbalanced instead.
"""

from __future__ import annotations

DROP_NEAR_NOISE = 0.5
"""Cost of dropping a quote next to a scar: it is noise unless the pairing needs it."""
DROP_AWAY_FROM_NOISE = 8.0
"""Cost of dropping a quote away from any scar: only a rare pure-ASCII run leaves one."""
STRAY_AT_EDGE = 2.0
"""Cost of a quote left unpaired at a paragraph's start or end (translations do that)."""
STRAY_INSIDE = 10.0
"""Cost of a quote left unpaired mid-paragraph: dearer than dropping it."""
EDGE = 3
"""How near a paragraph's start or end (in characters) counts as at its edge."""
_OPEN_AFTER = frozenset(' \t\n([{—–-/"')
_OPEN_BEFORE = frozenset("([{'$\"")
_CLOSE_AFTER = frozenset(".,;:?!%)]}'\"")
_CLOSE_BEFORE = frozenset(" \t\n.,;:?!)]}—–-/'\"")

_SIGNS = frozenset("$&<>")
_NEVER_LAST = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "and",
        "or",
        "but",
        "is",
        "are",
        "was",
        "were",
        "be",
        "as",
        "that",
    ]
)
"""Words a quotation never ends on."""
_NEVER_FIRST = frozenset(["is", "are", "was", "were", "of", "and", "or", "but"])
"""Words a quotation never begins with."""
_EXPECT_OPEN, _OPEN_MID, _OPEN_AT_START = 0, 1, 2
"""Programme states: no quote open; one opened mid-paragraph; one opened at its start."""
_END_COST = (0.0, STRAY_INSIDE, STRAY_AT_EDGE)


def noise_quotes(text: str, near_noise: set[int]) -> list[int]:
    """Indices of the double quotes in ``text`` that are noise, paragraph by paragraph."""
    drops: list[int] = []
    line: list[int] = []
    line_end = -1  # where the paragraph of the quotes in ``line`` ends
    position = text.find('"')
    while position >= 0:
        if position > line_end:  # a quote in a later paragraph
            if line:
                drops.extend(_judge_line(text, line, near_noise))
                line = []
            line_end = text.find("\n", position)
            line_end = len(text) if line_end < 0 else line_end
        line.append(position)
        position = text.find('"', position + 1)
    if line:
        drops.extend(_judge_line(text, line, near_noise))
    return drops


def _shape(text: str, index: int) -> tuple[bool, bool, bool]:
    """(inside a word, can open, can close) for the quote at ``index``.

    An opening quote follows a space or bracket and comes before a word; a closing one
    follows a word or sentence mark and comes before a space or punctuation.
    """
    # Look past stray signs the last pass will remove (Frontier$" special).
    back = index - 1
    while back >= 0 and text[back] in _SIGNS:
        back -= 1
    ahead = index + 1
    while ahead < len(text) and text[ahead] in _SIGNS:
        ahead += 1
    before = text[back] if back >= 0 else "\n"
    after = text[ahead] if ahead < len(text) else "\n"
    inside = before.isalnum() and after.isalnum()
    opens = before in _OPEN_AFTER and (after.isalnum() or after in _OPEN_BEFORE)
    closes = (before.isalnum() or before in _CLOSE_AFTER) and after in _CLOSE_BEFORE
    # A quotation does not end on "the" nor begin with "is" (the" development, It "is).
    if closes and before.isalpha():
        closes = _word_before(text, back + 1).lower() not in _NEVER_LAST
    if opens and after.isalpha():
        opens = _word_after(text, ahead).lower() not in _NEVER_FIRST
    return inside, opens, closes


def _word_before(text: str, end: int) -> str:
    start = end
    while start > 0 and end - start < 12 and text[start - 1].isalpha():
        start -= 1
    return text[start:end]


def _word_after(text: str, start: int) -> str:
    end = start
    while end < len(text) and end - start < 12 and text[end].isalpha():
        end += 1
    return text[start:end]


def _at_edge(text: str, index: int) -> tuple[bool, bool]:
    """Whether the quote is at its paragraph's start, and at its end."""
    head = text[max(0, index - EDGE) : index]
    tail = text[index + 1 : index + 1 + EDGE]
    at_start = index < EDGE or "\n" in head or head.strip() == ""
    at_end = index + 1 + EDGE > len(text) or "\n" in tail or tail.strip(".,;:?!)") == ""
    return at_start, at_end


def _offer(
    step: list[tuple[float, int, bool]], state: int, value: float, origin: int, dropped: bool
) -> None:
    """Record a way into ``state`` if it is cheaper than the best one so far."""
    if value < step[state][0]:
        step[state] = (value, origin, dropped)


def _judge_line(text: str, quotes: list[int], near_noise: set[int]) -> list[int]:
    """The cheapest drops that leave the paragraph's quotes alternating open, close, ...

    A small dynamic programme over the quotes in order, keeping back-pointers; keeping
    is preferred on ties. Dropping is always possible, so there is always an answer.
    """
    infinity = float("inf")
    cost = [0.0, infinity, infinity]
    table: list[list[tuple[float, int, bool]]] = []  # per quote, per state: cost, from, drop
    for index in quotes:
        inside, opens, closes = _shape(text, index)
        at_start, at_end = _at_edge(text, index)
        drop = 0.0 if inside else (DROP_NEAR_NOISE if index in near_noise else DROP_AWAY_FROM_NOISE)
        step: list[tuple[float, int, bool]] = [(infinity, -1, False)] * 3

        for state in (_EXPECT_OPEN, _OPEN_MID, _OPEN_AT_START):
            here = cost[state]
            if here == infinity:
                continue
            if not inside:
                if state == _EXPECT_OPEN:
                    if opens:
                        _offer(step, _OPEN_AT_START if at_start else _OPEN_MID, here, state, False)
                    elif closes:  # a closing quote with nothing open
                        _offer(
                            step,
                            state,
                            here + (STRAY_AT_EDGE if at_end else STRAY_INSIDE),
                            state,
                            False,
                        )
                elif closes:
                    _offer(step, _EXPECT_OPEN, here, state, False)
            _offer(step, state, here + drop, state, True)
        table.append(step)
        cost = [step[state][0] for state in range(3)]
    state = min(range(3), key=lambda s: cost[s] + _END_COST[s])
    drops = []
    for position in range(len(quotes) - 1, -1, -1):
        _, previous, dropped = table[position][state]
        if dropped:
            drops.append(quotes[position])
        state = previous
    return drops
