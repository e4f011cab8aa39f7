"""Double quotes: real ones pair up around a phrase within a paragraph; noise ones do not.

A ``"`` left by the noise (``ελ"the goals``) looks, on its own, just like an opening
quote. What gives it away is the paragraph: real quotes alternate, opening before a
word and closing after one, and the noise breaks that rhythm. So each paragraph's
quotes are judged together, by a small dynamic programme that keeps the cheapest set
which alternates properly:

* a quote inside a word (``manuf"acturing``) is always noise;
* a quote that touched a noise scar is cheap to drop, and kept only when it pairs;
* any other quote is expensive to drop, and dropped only to restore the rhythm.
"""

from __future__ import annotations

DROP_NEAR_NOISE = -0.5
"""A quote next to a scar is noise unless the pairing needs it."""
DROP_AWAY_FROM_NOISE = -3.6
"""A quote away from any scar is noise only if a pure-ASCII noise run left it."""
_OPEN_AFTER = frozenset(" \t\n([{—–-/")
_CLOSE_BEFORE = frozenset(" \t\n.,;:?!)]}—–-/'")


def noise_quotes(text: str, near_noise: set[int]) -> list[int]:
    """Indices of the double quotes in ``text`` that are noise, paragraph by paragraph."""
    drops: list[int] = []
    line: list[int] = []
    line_start = -1
    position = text.find('"')
    while position >= 0:
        start = text.rfind("\n", 0, position) + 1
        if start != line_start and line:
            drops.extend(_judge_line(text, line, near_noise))
            line = []
        line_start = start
        line.append(position)
        position = text.find('"', position + 1)
    if line:
        drops.extend(_judge_line(text, line, near_noise))
    return drops


def _shape(text: str, index: int) -> tuple[bool, bool, bool]:
    """(inside a word, can open, can close) for the quote at ``index``."""
    before = text[index - 1] if index > 0 else "\n"
    after = text[index + 1] if index + 1 < len(text) else "\n"
    inside = before.isalnum() and after.isalnum()
    opens = (before in _OPEN_AFTER or before == '"') and not after.isspace()
    closes = not before.isspace() and (after in _CLOSE_BEFORE or after == '"')
    return inside, opens, closes


def _judge_line(text: str, quotes: list[int], near_noise: set[int]) -> list[int]:
    """The cheapest drops that leave the line's quotes alternating open, close, ...

    State 0: the next kept quote must open; state 1: it must close. The line must end
    in state 0. Keeping is preferred on ties. Dropping is always possible, so there is
    always an answer.
    """
    infinity = float("inf")
    table: list[list[tuple[float, int, bool]]] = []  # per quote, per state: cost, from, drop
    cost = [0.0, infinity]
    for index in quotes:
        inside, opens, closes = _shape(text, index)
        drop_cost = (
            0.0 if inside else -(DROP_NEAR_NOISE if index in near_noise else DROP_AWAY_FROM_NOISE)
        )
        step = [(infinity, -1, False), (infinity, -1, False)]
        for state in (0, 1):
            if cost[state] == infinity:
                continue
            fits = (opens if state == 0 else closes) and not inside
            if fits and cost[state] < step[1 - state][0]:
                step[1 - state] = (cost[state], state, False)
            if cost[state] + drop_cost < step[state][0]:
                step[state] = (cost[state] + drop_cost, state, True)
        table.append(step)
        cost = [step[0][0], step[1][0]]
    drops = []
    state = 0
    for position in range(len(quotes) - 1, -1, -1):
        _, previous, dropped = table[position][state]
        if dropped:
            drops.append(quotes[position])
        state = previous
    return drops
