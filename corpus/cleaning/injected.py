"""Whether a document carries injected symbol noise at all, decided once for the whole text.

The noise (``corpus.cleaning.symbols``) is made of symbols that real transcripts use too:
``£900,000``, ``€5``, ``≤ 3``, ``α-helix``, ``→``. Cutting them from every file deleted real
data, so the symbols are only cut from a document whose symbol runs sit, mostly, where no
writer puts them. The injected runs land anywhere, three in four inside a word or number,
and mix kinds freely; a writer puts a symbol before an amount, between spaces, at a word's
start. A run is *misplaced* when it:

* follows an ASCII letter (``ha✔★s``, ``Zhuanglong♦ said``), unless it is one trade mark
  (``Brand™``) or one arrow or math sign (``A→B``, ``x≤y``) not inside a word (``pl→an``);
* sits between two ASCII letters or digits, with the same exceptions (``4,0♦00``; ``3×3``);
* mixes kinds: Greek, currency, arrows and math, suits, stars and ticks, marks (``₩®``);
* touches ``$ & < >``, which the noise mixes into its runs (``indus<σtry``).

The document is noisy when at least one run is misplaced and misplaced runs are at least
a third of its runs. The noisy seed has five runs in six misplaced, a clean transcript
(nearly) none; one odd run among legitimate ones does not cost the file its symbols, and a
short text with a single misplaced run is still cleaned. Only the first ``SAMPLE`` runs are
read, so a huge file of nothing but noise is judged in bounded time.
"""

from __future__ import annotations

from corpus.cleaning.symbols import NOISE_SYMBOL_RUN

SAMPLE = 20_000
"""Runs read to decide: far more than any transcript's legitimate symbols."""
TRADE_MARKS = frozenset("™®©")
"""Marks that legitimately follow a word directly."""
_ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_LOWERCASE = frozenset("abcdefghijklmnopqrstuvwxyz")
_RUN_SIGNS = frozenset("$&<>")


def _kind(char: str) -> str:
    """The family of a noise symbol; runs mixing families are the noise's, not a writer's."""
    code = ord(char)
    if 0x0391 <= code <= 0x03C9:
        return "greek"
    if 0x20A0 <= code <= 0x20BF or char in "£¥¢¤":
        return "currency"
    if 0x2190 <= code <= 0x22FF or char in "±×÷":
        return "math"
    if 0x2600 <= code <= 0x27BF:
        return "dingbat"
    return "mark"


def _misplaced(text: str, start: int, end: int) -> bool:
    """Whether the symbol run at ``text[start:end]`` sits where no writer puts one."""
    run = text[start:end]
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if before in _RUN_SIGNS or after in _RUN_SIGNS:
        return True
    if len(run) > 1 and len({_kind(char) for char in run}) > 1:
        return True
    if run in TRADE_MARKS:
        return False
    if len(run) == 1 and _kind(run) == "math":
        return _inside_a_word(text, start, end)
    return before in _ASCII_LETTERS or (before in _ASCII_ALNUM and after in _ASCII_ALNUM)


def _inside_a_word(text: str, start: int, end: int) -> bool:
    """Two lowercase letters on each side (``pl→an``): no notation (``A→B``, ``x≤y``)."""
    around = text[max(0, start - 2) : start] + text[end : end + 2]
    return len(around) == 4 and all(char in _LOWERCASE for char in around)


def carries_symbol_noise(text: str) -> bool:
    """Whether a third or more of ``text``'s symbol runs are misplaced: injected noise."""
    runs = misplaced = 0
    for match in NOISE_SYMBOL_RUN.finditer(text):
        runs += 1
        misplaced += _misplaced(text, *match.span())
        if runs == SAMPLE:
            break
    return misplaced > 0 and 3 * misplaced >= runs
