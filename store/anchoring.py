"""Finding an annotated passage again after the interview's text changed.

An annotation remembers where it was (position) and what it said (quote with ~32
characters of context either side, as in the W3C TextQuoteSelector). When the clean text
changes (a better cleaner, a corrected transcript) the passage is looked for in order:

1. at the old position, if the quote is still there;
2. the exact quote anywhere, the occurrence whose context and distance fit best;
3. a fuzzy match (rapidfuzz) scored on the quote, its context and the distance from the
   old position, accepted only above a threshold.

What none of these find is reported as lost; the store marks it orphaned and keeps it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

CONTEXT = 32
"""Characters of prefix and suffix kept with each quote."""
MAX_OCCURRENCES = 500
QUOTE_THRESHOLD = 75.0
SHORT_QUOTE = 12
SHORT_QUOTE_THRESHOLD = 90.0
TOTAL_THRESHOLD = 65.0

How = Literal["same", "exact", "fuzzy"]


@dataclass(frozen=True, slots=True)
class Quote:
    """A TextQuoteSelector: the passage and some context either side."""

    exact: str
    prefix: str
    suffix: str


@dataclass(frozen=True, slots=True)
class Found:
    """Where a passage is now, and which rule found it."""

    start: int
    end: int
    how: How


def quote_at(text: str, start: int, end: int) -> Quote:
    """The quote selector of ``text[start:end]``."""
    return Quote(text[start:end], text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT])


def find_passage(text: str, quote: Quote, start: int, end: int) -> Found | None:
    """Where ``quote`` (last seen at ``start``..``end``) is in ``text``, or None if lost."""
    if not quote.exact:
        return None
    if text[start:end] == quote.exact:
        return Found(start, end, "same")
    exact = _exact_search(text, quote, start)
    if exact is not None:
        return Found(exact, exact + len(quote.exact), "exact")
    return _fuzzy_search(text, quote, start)


def _context_score(text: str, quote: Quote, start: int, end: int) -> float:
    """0..100: how well the text around ``start``..``end`` matches the remembered context."""
    scores = []
    if quote.prefix:
        scores.append(fuzz.ratio(quote.prefix, text[max(0, start - len(quote.prefix)) : start]))
    if quote.suffix:
        scores.append(fuzz.ratio(quote.suffix, text[end : end + len(quote.suffix)]))
    return sum(scores) / len(scores) if scores else 100.0


def _proximity(text: str, old: int, new: int) -> float:
    """100 at the old position, falling to 0 a whole text away."""
    return 100.0 * (1.0 - min(1.0, abs(new - old) / max(1, len(text))))


def _exact_search(text: str, quote: Quote, old_start: int) -> int | None:
    best: tuple[float, int] | None = None
    position = text.find(quote.exact)
    seen = 0
    while position != -1 and seen < MAX_OCCURRENCES:
        end = position + len(quote.exact)
        score = 0.8 * _context_score(text, quote, position, end) + 0.2 * _proximity(
            text, old_start, position
        )
        if best is None or score > best[0]:
            best = (score, position)
        seen += 1
        position = text.find(quote.exact, position + 1)
    return None if best is None else best[1]


def _align(needle: str, text: str, lo: int, hi: int) -> tuple[float, int, int]:
    """Best partial alignment of ``needle`` in ``text[lo:hi]``: (score, start, end) in text."""
    lo, hi = max(0, lo), min(len(text), hi)
    if hi <= lo:
        return 0.0, lo, lo
    result = fuzz.partial_ratio_alignment(needle, text[lo:hi])
    if result is None:
        return 0.0, lo, lo
    return float(result.score), lo + result.dest_start, lo + result.dest_end


def _fuzzy_search(text: str, quote: Quote, old_start: int) -> Found | None:
    exact = quote.exact
    size = len(exact)
    window = max(1000, 3 * size)
    candidates = [_align(exact, text, old_start - window, old_start + size + window)]
    if candidates[0][0] < QUOTE_THRESHOLD:
        candidates.append(_align(exact, text, 0, len(text)))
    best: tuple[float, int, int] | None = None
    for _, rough_start, rough_end in candidates:
        found = _refine(text, exact, rough_start, rough_end)
        if found is None:
            continue
        start, end = found
        quote_score = fuzz.ratio(exact, text[start:end])
        threshold = SHORT_QUOTE_THRESHOLD if size < SHORT_QUOTE else QUOTE_THRESHOLD
        if quote_score < threshold:
            continue
        total = (
            0.7 * quote_score
            + 0.2 * _context_score(text, quote, start, end)
            + 0.1 * _proximity(text, old_start, start)
        )
        if total >= TOTAL_THRESHOLD and (best is None or total > best[0]):
            best = (total, start, end)
    return None if best is None else Found(best[1], best[2], "fuzzy")


def _refine(text: str, exact: str, rough_start: int, rough_end: int) -> tuple[int, int] | None:
    """The passage's real ends near a rough alignment that only has the quote's length.

    Text inserted or removed inside the quote moves its real end, so the quote is aligned
    (longest common subsequence) against the rough place plus some slack either side,
    and the ends are taken from the first and last long matching blocks: short blocks
    can be stray letters in the slack.
    """
    size = len(exact)
    slack = size // 2 + CONTEXT
    lo, hi = max(0, rough_start - slack), min(len(text), rough_end + slack)
    blocks = [
        op
        for op in Indel.opcodes(exact, text[lo:hi])
        if op.tag == "equal" and op.src_end - op.src_start >= max(3, min(12, size // 8))
    ]
    if not blocks:
        return None
    start = lo + blocks[0].dest_start - blocks[0].src_start
    end = lo + blocks[-1].dest_end + (size - blocks[-1].src_end)
    start, end = max(0, start), min(len(text), end)
    return (start, end) if end > start else None
