"""How plausible one whitespace-delimited token of prose is, in log10 units.

The noise model compares readings of a passage (``dem' and`` vs ``demand``) by the sum
of their tokens' scores. A token is leading punctuation, a core, and trailing
punctuation; the core is words joined by hyphens or slashes. Words are scored by the
vocabulary, numbers and codes (``4.5%``, ``5G``, ``R&D``) by fixed costs, and anything
that is not a shape real prose has (``pot$ential``, ``situation?What``) very low.
"""

from __future__ import annotations

import re

from corpus.cleaning.symbols import NOISE_SIGNS
from corpus.cleaning.vocabulary import Vocabulary

_OPENERS = "\"'(["
_CLOSERS = "\"')].,;:?!"
_SPLIT = re.compile(r"-|/|—+|–")
_WORD = re.compile(r"[A-Za-z]+")
_MIXED_CASE = re.compile(r"[a-z][A-Z]|[A-Z]{2,}[a-z]{2,}")
"""Case changes no single word has: WangYuxiao, forParty, BYDand (SMEs is fine)."""
_APOSTROPHE_WORD = re.compile(r"([A-Za-z]+)'([A-Za-z]+)")
WELL_FORMED_NUMBER = re.compile(
    r"(?=\$?\d)(?!\$.*%)\$?(?:\d{1,3}(?:,\d{3})+|[1-9]\d*|0)(?:\.\d+)?%?"
)
"""A well-formed amount: 2023, 478,000, 4.5%, $450, 0.6 (not $4.5%)."""
_DIGITS = re.compile(r"[\d.,%$]+")
_ORDINAL_OR_CODE = re.compile(r"\d+[A-Za-z]{1,3}|[A-Z]+&[A-Z]+|[A-Z]{1,3}\d{1,3}")
_NAME_WITH_APOSTROPHE = re.compile(r"[A-Z][a-z]?'[A-Za-z]+")
"""Xi'an, Pu'er, O'Brien."""
_CONTRACTIONS = frozenset({"s", "t", "ll", "re", "ve", "d", "m"})

COMMON_WORD = -6.0
"""log10 frequency above which a word is common enough to be misspelt only by noise."""
INNER_CAPITAL = -6.0
NUMBER = -3.0
CODE = -4.5
MALFORMED_NUMBER = -10.0
DOLLAR = -0.3
"""Interviews count in yuan: a ``$`` beside noise before a number is more often noise."""
GARBAGE = -20.0
"""A core that is no shape of English prose at all."""
STRAY_SIGN = -16.0
"""Per ``$ & < > ' "`` inside a word where it cannot be real."""
_NOISE_SIGNS = frozenset(NOISE_SIGNS)
EMPTY_PART = -3.0
"""A dangling hyphen, as in ``on- year``."""
SINGLE_QUOTE_OPEN = -4.0
PLURAL_POSSESSIVE = -0.5
"""``farmers'``: real, but a noise apostrophe lands after a plural about as often."""
NAME_APOSTROPHE = -3.0
"""``Xi'an``: real names have them, but a noise apostrophe is likelier."""
AMPERSAND = -4.5
"""A lone ``&`` for "and" in running prose (Research & Development is never doubted)."""
STRAY_APOSTROPHE = -6.0
EXTRA_PUNCTUATION = -2.0
LONE_PUNCTUATION = -3.0
LONE_STOP = -8.0
"""A comma or full stop standing alone, as in ``schools , and``."""
STRAY_LETTER = -7.0
"""A one-letter word other than ``a`` and ``I``: the list knows them, prose rarely has them
(inside a compound they are fine: e-commerce, X-ray)."""
_REAL_SINGLE_LETTERS = frozenset("aAI")


def _part_score(part: str, vocabulary: Vocabulary) -> float:
    if _WORD.fullmatch(part):
        score = vocabulary.score(part)
        if _MIXED_CASE.search(part) and not vocabulary.knows(part):
            score += INNER_CAPITAL  # WangYuxiao, forParty: two words glued together
        return score
    match = _APOSTROPHE_WORD.fullmatch(part)
    if match:
        if vocabulary.knows(part):
            return vocabulary.score(part)
        if match.group(2).lower() in _CONTRACTIONS:
            return vocabulary.score(match.group(1)) - 1.0
        if _NAME_WITH_APOSTROPHE.fullmatch(part):
            # Xi'an may be a name: kept where dropping is dear (no scar beside it), but a
            # known word with a stray sign (A'nswer) or a scar beside it loses the sign.
            joined = part.replace("'", "")
            if vocabulary.score(joined) < COMMON_WORD:
                return vocabulary.score(joined) + NAME_APOSTROPHE
    if WELL_FORMED_NUMBER.fullmatch(part):
        return NUMBER + (DOLLAR if part[0] == "$" else 0.0)
    if _DIGITS.fullmatch(part):
        return MALFORMED_NUMBER  # 24,0 or ,400: a number a space was pushed into
    if _ORDINAL_OR_CODE.fullmatch(part):
        return CODE
    if part == "&":
        return vocabulary.score("and") + AMPERSAND
    signs = sum(1 for char in part if char in _NOISE_SIGNS)
    if signs and signs < len(part):
        # Score what the signs interrupt, so readings that differ elsewhere still compare.
        rest = "".join(char for char in part if char not in _NOISE_SIGNS)
        return _part_score(rest, vocabulary) + STRAY_SIGN * signs
    return GARBAGE


def token_score(token: str, vocabulary: Vocabulary) -> float:
    """log10 plausibility of one token (no whitespace inside)."""
    start, end = 0, len(token)
    while start < end and token[start] in _OPENERS:
        start += 1
    while end > start and token[end - 1] in _CLOSERS:
        end -= 1
    lead, core, trail = token[:start], token[start:end], token[end:]
    score = 0.0
    if lead:
        score += SINGLE_QUOTE_OPEN * lead.count("'")
        score += EXTRA_PUNCTUATION * max(0, len(lead) - 1)
    if trail:
        quotes = trail.count("'")
        if quotes:
            plural = core[-1:] in ("s", "S") and len(core) > 3 and trail[0] == "'"
            if plural:
                score += 0.0 if core in vocabulary.possessives else PLURAL_POSSESSIVE
            else:
                score += STRAY_APOSTROPHE
            score += STRAY_APOSTROPHE * (quotes - 1)
        score += EXTRA_PUNCTUATION * max(0, trail.count('"') - 1)
        stops = sum(1 for char in trail if char in ".,;:?!")
        score += EXTRA_PUNCTUATION * max(0, stops - 1)
    if not core:
        if token.strip("—–-") == "":
            return score
        stops = any(char in ".,;:?!%" for char in token)
        return score + (LONE_STOP if stops else LONE_PUNCTUATION)
    parts = _SPLIT.split(core)
    if len(parts) > 1 and all(not part for part in parts):
        return score  # a dash on its own
    for part in parts:
        score += _part_score(part, vocabulary) if part else EMPTY_PART
    if len(core) == 1 and core.isalpha() and core not in _REAL_SINGLE_LETTERS:
        score = min(score, STRAY_LETTER)
    return score
