"""The units of a transcript that names no speaker: runs of lines the text says belong together.

A speaker's turn in unlabelled talk can only start where a unit starts, so the units are
read first (:mod:`corpus.outline.unlabelled` then reads questions from them). In a
caption-style document (most lines open with a timestamp, or many short lines follow one
another without a blank line, as a subtitle file's cues do) a line that stops
mid-sentence runs on into the next, its timestamp left out of the words; elsewhere each
paragraph is a unit of its own. Where caption lines mostly run on and a blank line stands
between some of them (a subtitle file whose cues mark a change of speaker), the blank line
ends a unit and the unit after it is marked as opening a turn.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from itertools import pairwise

from corpus.model import Span, Spanned

#: A timestamp opening a caption line: ``00:01:02``, ``[07:53]``, ``(1:02:03.5) -``.
_STAMP = re.compile(
    r"[^\S\n]*(?:\\?\[|\()?\d{1,2}(?::\d{2}){1,2}(?:[.,]\d+)?(?:\\?\]|\))?"
    r"[^\S\n]*(?:[-–—|][^\S\n]*)?(?=\S)"
)
_SENTENCE_END = frozenset(".?!…。？！")
_CLOSERS = "\"'”’)]*_ "
#: A caption-style document: this share of its lines opens with a timestamp.
_CAPTION_SHARE = 0.5
#: ... or this many lines, that share of them one after another without a blank line,
#: and half of them this short (in words) at most.
_MIN_CAPTION_LINES = 20
_CAPTION_WORDS = 14
#: ... or longer lines, this share of them cut inside a sentence (a recogniser's segments).
_CUT_SHARE = 0.3


@dataclass(frozen=True, slots=True)
class Unit:
    """Consecutive lines the text says belong together; ``pieces`` are their spans
    without a leading timestamp."""

    start: int
    """Where the first line starts (its timestamp included)."""
    pieces: tuple[Span, ...]
    words: int
    turn: bool = False
    """In caption-style text, the unit opens a paragraph: the cues marked a new
    speaker's turn there (a dash or ``>>``), so a question may open on it."""

    @property
    def text_start(self) -> int:
        return self.pieces[0].start

    @property
    def end(self) -> int:
        return self.pieces[-1].end


def caption_style(text: str, lines: Sequence[Spanned]) -> bool:
    """Lines that are captions, not turns: most open with a timestamp, or there are many,
    most short (a sentence or less) and with no blank line between them (subtitle cues)."""
    stamped = sum(1 for line in lines if _STAMP.match(text, line.start, line.end))
    if len(lines) >= 3 and stamped >= _CAPTION_SHARE * len(lines):
        return True
    if len(lines) < _MIN_CAPTION_LINES:
        return False
    joined = sum(
        1 for before, after in pairwise(lines) if text.count("\n", before.end, after.start) == 1
    )
    if joined < _CAPTION_SHARE * len(lines):
        return False
    words = sorted(text.count(" ", line.start, line.end) + 1 for line in lines)
    if words[len(words) // 2] <= _CAPTION_WORDS:
        return True
    # Longer lines that often stop mid-sentence are a recogniser's segments, cut where the
    # speaker paused, not paragraphs (which end their sentences).
    cut = sum(1 for line in lines if not _ends_sentence(text, Span(line.start, line.end)))
    return cut >= _CUT_SHARE * len(lines)


def unit_blocks(
    text: str, lines: Sequence[Spanned], headings: Collection[int], captions: bool
) -> list[tuple[list[Unit], int]]:
    """The units between headings, each run with where it may end (its last line's end)."""
    blocks: list[tuple[list[Unit], int]] = []
    units: list[Unit] = []
    pieces: list[Span] = []
    start = 0
    turn = False
    blank = [text.count("\n", before.end, after.start) > 1 for before, after in pairwise(lines)]
    # In captions whose cues mostly run on line by line, a blank line is a turn's end (the
    # sentence left open there is cut off); where every line stands apart it marks nothing.
    marked = captions and sum(blank) < _CAPTION_SHARE * len(blank)
    for index, line in enumerate(lines):
        apart = marked and index > 0 and blank[index - 1]
        if pieces and (index in headings or apart):
            units.append(_unit(text, start, pieces, turn))
            pieces = []
        if index in headings:
            if units:
                blocks.append((units, units[-1].end))
                units = []
            continue
        stamp = _STAMP.match(text, line.start, line.end) if captions else None
        piece = Span(stamp.end() if stamp else line.start, line.end)
        if not pieces:
            start, turn = line.start, apart
        pieces.append(piece)
        if not captions or _ends_sentence(text, piece):
            units.append(_unit(text, start, pieces, turn))
            pieces = []
    if pieces:
        units.append(_unit(text, start, pieces, turn))
    if units:
        blocks.append((units, units[-1].end))
    return blocks


def unit_text(text: str, unit: Unit) -> str:
    """The unit's words, its lines joined by one space."""
    return " ".join(" ".join(text[p.start : p.end].split()) for p in unit.pieces)


def _unit(text: str, start: int, pieces: list[Span], turn: bool = False) -> Unit:
    words = sum(len(text[p.start : p.end].split()) for p in pieces)
    return Unit(start, tuple(pieces), words, turn)


def _ends_sentence(text: str, piece: Span) -> bool:
    value = text[piece.start : piece.end].rstrip(_CLOSERS)
    return bool(value) and value[-1] in _SENTENCE_END
