"""Markers made of numbers and letters: ``1.``, ``2)``, ``(3)``, ``a)``, ``(b)``, ``A)``,
and ``1)`` inside a line."""

from __future__ import annotations

import re

from corpus.outline.measures.markers import Marker

#: ``1. ...``, ``2) ...``, ``3、...``, ``(4) ...`` at a line start.
_NUMBERED_LINE = re.compile(r"(?m)^[^\S\n]*(?P<ordinal>\d{1,2})(?:[.)、]|．)[^\S\n]*(?=\S)")
#: ``1) ...`` after a word within a line (``We will 1) cut taxes, 2) build roads``).
_INLINE_NUMBER = re.compile(r"(?<=[^\S\n])(?P<ordinal>\d)\)[^\S\n]+(?=[a-z])")
#: ``(1) ...`` anywhere but right after a word or a bracket (``Sec. 1602(i)``, ``(a)(2)``).
_PAREN_NUMBER = re.compile(r"(?<![\w)）])[(（](?P<ordinal>\d{1,2})[)）][^\S\n]*(?=\S)")
#: ``a) ...``, ``b. ...``, ``C) ...`` at a line start (not ``A.``: it labels an answer).
_LETTERED_LINE = re.compile(r"(?m)^[^\S\n]*(?P<letter>[a-l](?=[.)])|[A-L](?=\)))[.)][^\S\n]+(?=\S)")
#: ``(a) ...``, ``(B) ...`` anywhere but right after a word or a bracket.
_PAREN_LETTER = re.compile(r"(?<![\w)）])[(（](?P<letter>[a-lA-L])[)）][^\S\n]*(?=\S)")


def numeral_markers(region: str) -> list[list[Marker]]:
    """The markers of each kind of numbered or lettered list, one list per kind: an item
    starts after its number or letter."""
    return [
        [_numbered(match) for match in _NUMBERED_LINE.finditer(region)],
        [_numbered(match) for match in _PAREN_NUMBER.finditer(region)],
        [_numbered(match) for match in _INLINE_NUMBER.finditer(region)],
        [_lettered(match) for match in _LETTERED_LINE.finditer(region)],
        [_lettered(match) for match in _PAREN_LETTER.finditer(region)],
    ]


def _numbered(match: re.Match[str]) -> Marker:
    return Marker(int(match["ordinal"]), match.end(), match.start())


def _lettered(match: re.Match[str]) -> Marker:
    return Marker(ord(match["letter"].lower()) - ord("a") + 1, match.end(), match.start())
