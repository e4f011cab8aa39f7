"""Finding an annotated passage again after the interview's text changed.

An annotation remembers where it was (position) and what it said (quote with ~32
characters of context either side, as in the W3C TextQuoteSelector). When the clean text
changes (a better cleaner, a corrected transcript) the passage is looked for in order:

1. at the old position, if the quote is still there;
2. the exact quote anywhere, the occurrence whose context and distance fit best;
3. a fuzzy match (rapidfuzz) scored on the quote, its context and the distance from the
   old position, accepted only above a threshold. Its ends come from aligning context
   and quote together, and a passage that was whole words stays whole words.

What none of these find is reported as lost; the store marks it orphaned and keeps it.
rapidfuzz is imported where a search needs it, not with this module: the store loads
this module on every launch, and most launches re-anchor nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Literal

from corpus import Interview
from store.model import Annotation

CONTEXT = 32
"""Characters of prefix and suffix kept with each quote."""
MAX_OCCURRENCES = 500
QUOTE_THRESHOLD = 75.0
SHORT_QUOTE = 12
SHORT_QUOTE_THRESHOLD = 90.0
TOTAL_THRESHOLD = 65.0
CONFIDENT = 95.0
"""A rough alignment scoring this much near the old position is not searched for further."""
MAX_SNAP = 24

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


def annotation_at(
    interview: Interview,
    start: int,
    end: int,
    *,
    annotation_id: str,
    tags: tuple[str, ...],
    note: str,
    author: str,
    stamp: str,
    source: str = "",
) -> Annotation:
    """A new annotation of ``interview.text[start:end]``, anchored there, created and last
    updated at ``stamp``."""
    return Annotation(
        id=annotation_id,
        interview=interview.id,
        **_anchor_fields(interview, start, end),
        tags=tags,
        note=note,
        author=author,
        created=stamp,
        updated=stamp,
        source=source,
    )


def _anchor_fields(interview: Interview, start: int, end: int) -> dict[str, Any]:
    """What anchors an annotation to ``interview.text[start:end]``: the text's fingerprint,
    the position, the quote selector and the offsets in the file as read."""
    quote = quote_at(interview.text, start, end)
    raw_start, raw_end = interview.clean.raw_span(start, end)
    return {
        "fingerprint": interview.fingerprint,
        "start": start,
        "end": end,
        "exact": quote.exact,
        "prefix": quote.prefix,
        "suffix": quote.suffix,
        "raw_start": raw_start,
        "raw_end": raw_end,
    }


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
    from rapidfuzz import fuzz

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
    from rapidfuzz import fuzz

    lo, hi = max(0, lo), min(len(text), hi)
    if hi <= lo:
        return 0.0, lo, lo
    result = fuzz.partial_ratio_alignment(needle, text[lo:hi])
    if result is None:
        return 0.0, lo, lo
    return float(result.score), lo + result.dest_start, lo + result.dest_end


def _fuzzy_search(text: str, quote: Quote, old_start: int) -> Found | None:
    from rapidfuzz import fuzz

    exact = quote.exact
    size = len(exact)
    # Near the old position first; the whole text too unless that found a near-perfect
    # match (a cleaner that removes a lot moves late passages further than any window).
    window = max(1000, 3 * size, len(text) // 20)
    candidates = [_align(exact, text, old_start - window, old_start + size + window)]
    if candidates[0][0] < CONFIDENT:
        candidates.append(_align(exact, text, 0, len(text)))
    best: tuple[float, int, int] | None = None
    for _, rough_start, rough_end in candidates:
        found = _refine(text, quote, rough_start, rough_end)
        if found is None:
            continue
        start, end = _snap_to_words(text, quote, *found)
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


def _snap_to_words(text: str, quote: Quote, start: int, end: int) -> tuple[int, int]:
    """Widen ``start``/``end`` to whole words where the quote began or ended on a word edge.

    An alignment can drop a letter at an edge (the ``s`` of ``small`` matched to the
    context instead); a passage that was whole words stays whole words.
    """
    exact = quote.exact
    if exact[:1].isalnum() and not quote.prefix[-1:].isalnum():
        floor = max(0, start - MAX_SNAP)
        while start > floor and text[start - 1].isalnum() and text[start].isalnum():
            start -= 1
    if exact[-1:].isalnum() and not quote.suffix[:1].isalnum():
        ceiling = min(len(text), end + MAX_SNAP)
        while end < ceiling and text[end].isalnum() and text[end - 1].isalnum():
            end += 1
    return start, end


def _refine(text: str, quote: Quote, rough_start: int, rough_end: int) -> tuple[int, int] | None:
    """The passage's real ends near a rough alignment that only has the quote's length.

    Text inserted or removed inside the quote moves its real end, so prefix, quote and
    suffix together are aligned (longest common subsequence) against the rough place
    plus some slack: the context pins down where the quote may begin and end, so the
    quote's first words are not matched to the same words earlier in the text. The
    ends are the first and last long matching blocks inside the quote (short ones can be
    stray letters), widened to short blocks right next to them (a word split by removed
    noise). Quote characters with no counterpart (noise a better cleaner removed) do
    not widen the passage.
    """
    from rapidfuzz.distance import Indel

    source = quote.prefix + quote.exact + quote.suffix
    lower, upper = len(quote.prefix), len(quote.prefix) + len(quote.exact)
    slack = len(quote.exact) // 2 + CONTEXT
    # The rough alignment can be shorter than the quote (at the end of the text, say):
    # look a whole quote's length either side of it.
    size = len(quote.exact)
    lo = max(0, min(rough_start, rough_end - size) - len(quote.prefix) - slack)
    hi = min(len(text), max(rough_end, rough_start + size) + len(quote.suffix) + slack)
    blocks: list[Block] = []
    for op in Indel.opcodes(source, text[lo:hi]):
        if op.tag != "equal" or op.src_end <= lower or op.src_start >= upper:
            continue
        cut_start, cut_end = max(op.src_start, lower), min(op.src_end, upper)
        shift = op.dest_start - op.src_start
        blocks.append((cut_start, cut_end, cut_start + shift, cut_end + shift))
    long_enough = max(3, min(12, size // 8))
    long = [i for i, block in enumerate(blocks) if block[1] - block[0] >= long_enough]
    if not long:
        return None
    first, last = long[0], long[-1]
    while first > 0 and _adjacent(blocks[first - 1], blocks[first]):
        first -= 1
    while last < len(blocks) - 1 and _adjacent(blocks[last], blocks[last + 1]):
        last += 1
    start, end = lo + blocks[first][2], lo + blocks[last][3]
    return (start, end) if end > start else None


Block = tuple[int, int, int, int]
"""A matching block: source start and end, text start and end."""


def _adjacent(before: Block, after: Block, gap: int = 4) -> bool:
    """True if two matching blocks are a few characters apart in both texts."""
    return after[0] - before[1] <= gap and after[2] - before[3] <= gap


def reanchored(annotation: Annotation, interview: Interview) -> Annotation:
    """``annotation`` found again in ``interview``'s current text, or marked orphaned.

    Found: new position, quote, context, raw offsets and fingerprint; status
    ``reanchored`` if it moved (or was orphaned), else unchanged. Lost: everything kept
    as it was, status ``orphaned``, so that the next attempt starts from the same facts.
    """
    quote = Quote(annotation.exact, annotation.prefix, annotation.suffix)
    found = find_passage(interview.text, quote, annotation.start, annotation.end)
    if (found is None or found.how == "fuzzy") and _read_as_markdown(interview):
        # Made before Markdown was read as text, the quote still holds its markup
        # ("**Ann:** it&#39;s"): looked for as the file reads now, it is found whole.
        unmarked = _without_markup(quote)
        if unmarked != quote:
            found = (
                find_passage(interview.text, unmarked, annotation.start, annotation.end) or found
            )
    if found is None:
        return replace(annotation, status="orphaned")
    moved = found.how != "same" or annotation.orphaned
    return replace(
        annotation,
        **_anchor_fields(interview, found.start, found.end),
        status="reanchored" if moved else annotation.status,
    )


def _read_as_markdown(interview: Interview) -> bool:
    from corpus.reading.formats import MARKDOWN_SUFFIXES

    return interview.path.suffix.lower() in MARKDOWN_SUFFIXES


def _without_markup(quote: Quote) -> Quote:
    """``quote`` as the Markdown reader gives its words (bold labels, escapes, entities)."""
    from corpus.reading.markdown import read_markdown

    return Quote(*(read_markdown(part).text for part in (quote.exact, quote.prefix, quote.suffix)))


@dataclass(frozen=True, slots=True)
class Reanchoring:
    """What opening an interview did to its annotations: how many were found again at a
    new place (its text changed since), and those that could not be found (orphaned)."""

    moved: int
    orphaned: tuple[Annotation, ...]
