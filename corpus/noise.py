"""Judging the ASCII part of the noise: which spaces, quotes and signs are real.

Once the symbols are cut out (``corpus.symbols``), what is left of a noise run is the
ASCII it contained: spaces and ``$ & < > ' "``. Those characters are also real text, so
each one is judged with a small noisy-channel model: every reading of a passage (keep
or drop each doubtful character) is scored by how plausible its tokens are
(``corpus.tokens``) plus how likely the noise was to produce the dropped characters.

Two kinds of place are judged:

* *scar regions*: the doubtful characters touching a place where symbols were cut out.
  The run was contiguous, so the ASCII characters it left are next to the scar, and
  dropping them is cheap. Every reading in which each dropped block touches a scar, and
  no run is longer than the noise makes them, is scored.
* *pure ASCII runs* away from any scar (``Po$ints``, ``competitivenes s``): rare, so
  dropping such a character is expensive and only tried where the text looks wrong.

Only these few places are scored; the rest of the text is never looked at twice.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from itertools import accumulate, product

from corpus.edits import Mapped, delete_spans, positions_to_spans
from corpus.quotes import noise_quotes
from corpus.symbols import NOISE_ASCII
from corpus.tokens import WELL_FORMED_NUMBER, token_score
from corpus.vocabulary import Vocabulary

MAX_RUN = 4
"""The longest noise run seen in the seed (symbols plus ASCII)."""
MAX_REACH = 4
"""How many doubtful characters on each side of a scar may belong to its run."""
DROP_SPACE_AT_SCAR = -0.9
"""Cost of calling a space next to a scar noise: real spaces border runs far more often."""
DROP_SIGN_AT_SCAR = 0.0
"""Cost of calling ``$ & < > ' "`` next to a scar noise: there, they mostly are."""
DROP_ALONE = -3.6
DROP_SPACE_ALONE = -3.2
"""A lone noise space inside a word is the commonest pure-ASCII run (5 of 19 in the seed)."""
"""Cost of calling an ASCII character noise with no symbol near it (a run of pure ASCII)."""
OVERLONG_RUN = -4.0
"""Cost per character beyond MAX_RUN in one run."""
DOUBLE_SPACE = -2.0
"""Per extra space inside a line: prose rarely has two in a row."""
_SPACE_RUNS = re.compile(" {2,}")

_DOUBTFUL_SIGNS = re.compile(
    r"""[<>]
    | \$(?!\d) | (?<=[A-Za-z0-9])\$
    | (?<![A-Z ])&|&(?![A-Z ])|(?<=[A-Z])&(?=\ )|(?<=\ )&(?=[A-Z])  # not R&D, not " & "
    | (?<=[$&<>'"])[$&<>']|[$&<>'](?=[$&<>'"])
    """,
    re.VERBOSE,
)
"""ASCII noise characters in places real prose rarely puts them."""
_APOSTROPHE_OK = re.compile(r"\b[A-Za-z]+'(?:(?:s|t|ll|re|ve|d|m)\b|(?![A-Za-z]))")
"""Apostrophes of contractions, possessives and plural possessives."""
_SINGLE_QUOTED = re.compile(r"(?<![A-Za-z])'[A-Za-z][^'\n]{0,200}?[A-Za-z.,!?]'(?![A-Za-z])")
"""A phrase in single quotes: both marks are real."""
MAX_CLUSTER = 8
MAX_DOUBTFUL = 8
"""At most this many doubtful characters are judged together (2**8 readings)."""
_DROPPABLE_AT_SCAR = frozenset(NOISE_ASCII) - {'"'}
"""Double quotes are judged by the quote pass, with the whole line to pair them in."""
MAX_TOKEN = 48
"""Context is cut at this many characters: a token longer than that is not prose anyway,
and the cut keeps the cost linear whatever the input."""
READINGS_PER_CHAR = 0.25
"""Budget of scored readings per character (prose needs about 0.04); past it, a cheap
rule takes over, so that hostile input cannot make cleaning slow."""
DROP_ALONE_MORE = -1.0
"""Cost of each further character of a pure ASCII run, once it has started."""
_NUMBER_TAIL = re.compile(r"\$?\d[\d,.]*$")
_NUMBER_HEAD = re.compile(r"[\d,.]*\d%?")
_NUMBERISH = re.compile(r"\$?[\d,.]*\d[\d,.]*%?")
_QUOTE_IN_WORD = re.compile(r'(?<=[A-Za-z0-9])"+(?=[A-Za-z0-9])')
_SPACE_BEFORE_STOP = re.compile(r'(?<=[A-Za-z0-9"]) (?=[,.;:?!%](?!\.))')
"""A space before a comma or full stop: prose never, noise sometimes."""
_INNER_SPACES = re.compile(r"(?<=[^\s])  +(?=[^\s])")
"""Two or more spaces inside a line: prose does not do that, noise does."""
_TAIL = re.compile(r"[A-Za-z0-9$&<>'\"]+$")
_HEAD = re.compile(r"[A-Za-z0-9$&<>'\"]+")
_INNER_NOISE = frozenset("$&<>'\"")
_LETTERS = re.compile(r"[A-Za-z]+")
_TRIM = "\"'()[].,;:?!"
_COMMON_SHORT = frozenset(
    {"a", "i", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me"}
    | {"my", "no", "of", "on", "or", "so", "to", "up", "us", "we", "am"}
)
RARE_WORD = -5.0
"""A word this rare next to a space makes the space worth judging."""


class _Judge:
    """Scores readings of short passages of one document, with a token cache."""

    def __init__(self, vocabulary: Vocabulary, budget: int) -> None:
        self.vocabulary = vocabulary
        self.budget = budget
        """Readings left to score before the cheap fallback takes over."""
        self._tokens: dict[str, float] = {}

    def passage(self, passage: str) -> float:
        score = 0.0
        for token in passage.split():
            cached = self._tokens.get(token)
            if cached is None:
                cached = token_score(token, self.vocabulary)
                self._tokens[token] = cached
            score += cached
        stripped = passage.strip(" ")
        if "  " in stripped:
            score += DOUBLE_SPACE * sum(len(run) - 1 for run in _SPACE_RUNS.findall(stripped))
        return score


def _context(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` to whole whitespace-delimited tokens on both sides."""
    return _token_start(text, start), _token_end(text, end)


def _token_start(text: str, index: int) -> int:
    """Where the token holding ``text[index - 1]`` starts (at most MAX_TOKEN back)."""
    low = max(0, index - MAX_TOKEN)
    found = max(text.rfind(" ", low, index), text.rfind("\n", low, index))
    found = max(found, text.rfind("\t", low, index))
    return found + 1 if found >= 0 else low


def _token_end(text: str, index: int) -> int:
    """Where the token holding ``text[index]`` ends (at most MAX_TOKEN on)."""
    high = min(len(text), index + MAX_TOKEN)
    ends = [found for found in (text.find(c, index, high) for c in " \n\t") if found >= 0]
    return min(ends) if ends else high


def _scar_regions(text: str, scars: list[tuple[int, int]]) -> list[tuple[int, int, dict[int, int]]]:
    """Group scars with the doubtful ASCII characters around them.

    Each region is ``(start, end, {boundary: symbols cut})`` where boundaries are
    indices of ``text`` in ``[start, end]`` at which symbols were removed. Scars whose
    regions share a token are merged, so that ``and< e xpand`` is read as a whole.
    """
    regions: list[tuple[int, int, dict[int, int]]] = []
    reach = -1
    for position, count in scars:
        start = position
        while start > 0 and position - start < MAX_REACH and text[start - 1] in NOISE_ASCII:
            start -= 1
        end = position
        while end < len(text) and end - position < MAX_REACH and text[end] in NOISE_ASCII:
            end += 1
        if regions and start <= reach:
            previous_start, previous_end, boundaries = regions[-1]
            merged = (previous_start, max(end, previous_end), {**boundaries, position: count})
            if _droppable_count(text, merged[0], merged[1]) <= MAX_DOUBTFUL:
                regions[-1] = merged
                reach = max(reach, _token_end(text, merged[1]))
                continue
        regions.append((start, end, {position: count}))
        reach = _token_end(text, end)
    return regions


def _droppable_count(text: str, start: int, end: int) -> int:
    return sum(1 for char in text[start:end] if char in _DROPPABLE_AT_SCAR)


def _readings(region: str, boundaries: dict[int, int]) -> list[tuple[bool, ...]]:
    """Drop masks for a region: only doubtful characters drop, each dropped block touches
    a scar."""
    slots = [index for index, char in enumerate(region) if char in _DROPPABLE_AT_SCAR]
    masks = []
    for choice in product((False, True), repeat=len(slots)):
        mask = [False] * len(region)
        for slot, drop in zip(slots, choice, strict=True):
            mask[slot] = drop
        ok = True
        index = 0
        length = len(region)
        while index < length and ok:
            if not mask[index]:
                index += 1
                continue
            block_end = index
            while block_end < length and mask[block_end]:
                block_end += 1
            if not any(index <= b <= block_end for b in boundaries):
                ok = False
            index = block_end
        if ok:
            masks.append(tuple(mask))
    return masks


def _run_cost(mask: tuple[bool, ...], cut: dict[int, int]) -> float:
    """Penalty for runs (dropped ASCII plus the symbols cut beside them) longer than MAX_RUN.

    ``cut`` maps region boundaries to the number of symbols removed there.
    """
    total = 0.0
    index = 0
    length = len(mask)
    # Walk the boundaries and dropped blocks together as one sequence of run pieces.
    run = cut.get(0, 0)
    while index < length:
        if mask[index]:
            run += 1
        else:
            total += OVERLONG_RUN * max(0, run - MAX_RUN)
            run = 0
        index += 1
        run += cut.get(index, 0)
    total += OVERLONG_RUN * max(0, run - MAX_RUN)
    return total


def _judge_region(
    text: str,
    start: int,
    end: int,
    boundaries: dict[int, int],
    judge: _Judge,
    dropped: set[int],
) -> list[int]:
    """The indices of the region's characters that are noise, by the best reading.

    ``dropped`` holds the earlier verdicts, so the context to the left reads as cleaned.
    """
    region = text[start:end]
    if not any(char in _DROPPABLE_AT_SCAR for char in region):
        return []
    readings = 2 ** _droppable_count(text, start, end)
    if judge.budget < readings:
        # Out of budget (hostile input): signs touching the scar go, spaces stay.
        return [start + i for i, char in enumerate(region) if char in _DROPPABLE_AT_SCAR - {" "}]
    judge.budget -= readings
    left, right = _context(text, start, end)
    while left > 0 and left - 1 in dropped:  # the space before was noise: read on
        left = _token_start(text, left - 1)
    before = text[left:start]
    if any(index in dropped for index in range(left, start)):
        before = "".join(char for i, char in enumerate(before, left) if i not in dropped)
    after = text[end:right]
    best_score = float("-inf")
    best: tuple[int, ...] = ()
    relative = tuple(sorted((b - start, n) for b, n in boundaries.items()))
    for kept, cost, drops in _scored_readings(region, relative):
        score = judge.passage(before + kept + after) + cost
        if score > best_score:
            best_score, best = score, drops
    return [start + index for index in best]


@lru_cache(maxsize=4096)
def _scored_readings(
    region: str, boundaries: tuple[tuple[int, int], ...]
) -> tuple[tuple[str, float, tuple[int, ...]], ...]:
    """Each reading of a region as (kept text, channel cost, dropped indices).

    Regions repeat endlessly (a space, ``' ``, ``" ``), so this is cached.
    """
    cut = dict(boundaries)
    readings = []
    for mask in _readings(region, cut):
        kept = "".join(char for char, drop in zip(region, mask, strict=True) if not drop)
        cost = sum(
            DROP_SPACE_AT_SCAR if char == " " else DROP_SIGN_AT_SCAR
            for char, drop in zip(region, mask, strict=True)
            if drop
        )
        cost += _run_cost(mask, cut)
        drops = tuple(index for index, drop in enumerate(mask) if drop)
        readings.append((kept, cost, drops))
    return tuple(readings)


def _judge_cluster(text: str, positions: list[int], judge: _Judge) -> list[int]:
    """The doubtful characters, away from scars, that the best reading drops."""
    if judge.budget < 2 ** len(positions):
        return []
    judge.budget -= 2 ** len(positions)
    left, right = _context(text, positions[0], positions[-1] + 1)
    best_score = float("-inf")
    best: tuple[bool, ...] = (False,) * len(positions)
    for mask in product((False, True), repeat=len(positions)):
        pieces = []
        previous = left
        cost = 0.0
        last_dropped = -2
        joins = []
        length = 0
        for position, drop in zip(positions, mask, strict=True):
            if drop:
                pieces.append(text[previous:position])
                length += position - previous
                if text[position] == " ":
                    joins.append(length)
                previous = position + 1
                if last_dropped == position - 1:
                    cost += DROP_ALONE_MORE
                else:
                    cost += DROP_SPACE_ALONE if text[position] == " " else DROP_ALONE
                last_dropped = position
        pieces.append(text[previous:right])
        passage = "".join(pieces)
        score = judge.passage(passage) + cost
        if score > best_score and all(
            _joins_known_word(passage, at, judge.vocabulary) for at in joins
        ):
            best_score, best = score, mask
    return [position for position, drop in zip(positions, best, strict=True) if drop]


def _joins_known_word(passage: str, at: int, vocabulary: Vocabulary) -> bool:
    """Whether the letters around ``at`` (where a space was dropped) form a known word.

    A noise space away from any scar is rare, so one is only believed where dropping it
    restores a word the vocabulary knows, never to glue a name to its neighbour.
    """
    start = at
    while start > 0 and passage[start - 1].isalnum():
        start -= 1
    end = at
    while end < len(passage) and passage[end].isalnum():
        end += 1
    if start == at or end == at:
        return True  # a hyphen or sign, not two words, meets here
    return vocabulary.knows(passage[start:end])


def _doubtful_apostrophes(text: str, vocabulary: Vocabulary) -> list[int]:
    """Apostrophes that are neither in a known contraction or possessive nor paired quotes."""
    fine = set()
    for match in _APOSTROPHE_OK.finditer(text):
        word = match.group()
        base, _, suffix = word.partition("'")
        if not suffix and len(base) > 3 and base[-1] in "sS":
            fine.add(match.start() + len(base))  # enterprises'
        elif vocabulary.knows(word) or (suffix == "s" and vocabulary.knows(base)):
            fine.add(match.start() + len(base))
    for match in _SINGLE_QUOTED.finditer(text):
        fine.update((match.start(), match.end() - 1))
    return [m.start() for m in re.finditer("'", text) if m.start() not in fine]


def _clusters(text: str, candidates: list[int]) -> list[list[int]]:
    """Group candidates whose token contexts overlap, so they are judged together."""
    clusters: list[list[int]] = []
    reach = -1
    for position in candidates:
        start, end = _context(text, position, position + 1)
        if clusters and start <= reach and len(clusters[-1]) < MAX_CLUSTER:
            clusters[-1].append(position)
            reach = max(reach, end)
        else:
            clusters.append([position])
            reach = end
    return clusters


def _doubtful_spaces(text: str, vocabulary: Vocabulary) -> list[int]:
    """Spaces inside a line that may split a word: next to a rare word, or doubled.

    Only the distinct pieces between spaces are classified, and only the pieces found
    suspicious are visited, so a megabyte of prose costs a few C-speed passes.
    """
    found = [m.start() + i for m in _INNER_SPACES.finditer(text) for i in range(len(m.group()))]
    found.extend(m.start() for m in _SPACE_BEFORE_STOP.finditer(text))
    pieces = text.split(" ")
    ends_suspicious = set()
    starts_suspicious = set()
    for piece in set(pieces):
        if not piece:
            continue
        if _is_suspicious(piece.rsplit("\n", 1)[-1], vocabulary):
            ends_suspicious.add(piece)
        if _is_suspicious(piece.split("\n", 1)[0], vocabulary):
            starts_suspicious.add(piece)
    either = ends_suspicious | starts_suspicious
    chosen = [index for index, piece in enumerate(pieces) if piece in either]
    if not chosen:
        return found
    ends = list(accumulate(map(len, pieces)))  # ends[i] + i: the space after piece i
    last = len(pieces) - 1
    for index in chosen:
        piece = pieces[index]
        if piece in starts_suspicious and index > 0:
            previous = pieces[index - 1]
            if previous and _could_join(previous, piece, vocabulary):
                found.append(ends[index - 1] + index - 1)
                found.extend(_quotes_at_edge(piece, ends[index - 1] + index, 1))
        if piece in ends_suspicious and index < last:
            following = pieces[index + 1]
            if following and _could_join(piece, following, vocabulary):
                found.append(ends[index] + index)
                found.extend(_quotes_at_edge(following, ends[index] + index + 1, 1))
                found.extend(_quotes_at_edge(piece, ends[index] + index - 1, -1))
    return found


def _quotes_at_edge(piece: str, position: int, step: int) -> list[int]:
    """Double quotes at a piece's edge next to a doubtful space (``F "ocus``): judged with it.

    ``position`` is the index of the edge character in the text; ``step`` is 1 to walk
    into the piece from its start, -1 from its end.
    """
    found = []
    index = 0 if step == 1 else len(piece) - 1
    while 0 <= index < len(piece) and piece[index] == '"':
        found.append(position)
        position += step
        index += step
    return found


def _could_join(left: str, right: str, vocabulary: Vocabulary) -> bool:
    """Whether gluing two pieces (signs aside) makes a known word or a hyphenated one."""
    if left[-1] == "-" or right[0] == "-":
        return True
    number_tail = _NUMBER_TAIL.search(left)
    number_head = _NUMBER_HEAD.match(right)
    if number_tail and number_head:
        digits_before, digits_after = number_tail.group(), number_head.group()
        whole = WELL_FORMED_NUMBER.fullmatch
        return bool(whole(digits_before + digits_after)) and not (
            whole(digits_before) and whole(digits_after)
        )
    tail = _TAIL.search(left)
    head = _HEAD.match(right)
    if tail is None or head is None:
        return False
    joined = "".join(char for char in tail.group() + head.group() if char not in _INNER_NOISE)
    return joined.isalpha() and vocabulary.knows(joined)


def _is_suspicious(piece: str, vocabulary: Vocabulary) -> bool:
    """Whether a space-delimited piece looks like part of a split word."""
    core = piece.strip(_TRIM)
    if not core or core == "&":
        return False
    if any(char in _INNER_NOISE for char in core) or core[0] == "-" or core[-1] == "-":
        return True
    if _NUMBERISH.fullmatch(core):
        return not WELL_FORMED_NUMBER.fullmatch(core)
    if not _LETTERS.fullmatch(core):
        return False
    if len(core) <= 2:
        return core.lower() not in _COMMON_SHORT
    return vocabulary.score(core) < RARE_WORD


def resolve_ascii_noise(source: Mapped, scars: list[tuple[int, int]]) -> Mapped:
    """Drop the ASCII characters that belong to noise runs, keeping real ones.

    A text without a single scar carries none of this noise (its runs are mostly
    symbols), so it is returned untouched: clean files are never second-guessed.
    """
    if not scars:
        return source
    text = source.text
    vocabulary = Vocabulary(text)
    judge = _Judge(vocabulary, 10_000 + int(READINGS_PER_CHAR * len(text)))
    drops: list[int] = []
    dropped: set[int] = set()
    quotes_near_noise: list[int] = []
    for start, end, boundaries in _scar_regions(text, scars):
        verdict = _judge_region(text, start, end, boundaries, judge, dropped)
        drops.extend(verdict)
        dropped.update(verdict)
        quotes_near_noise.extend(i for i in range(start, end) if text[i] == '"')
    if drops:
        source = delete_spans(source, positions_to_spans(drops))[0]
        drops.sort()
        quotes_near_noise = [i - bisect_left(drops, i) for i in quotes_near_noise]
        text = source.text
    drops = noise_quotes(text, set(quotes_near_noise))
    if drops:
        source = delete_spans(source, positions_to_spans(drops))[0]
        text = source.text
    candidates = {m.start() for m in _DOUBTFUL_SIGNS.finditer(text)}
    candidates.update(_doubtful_apostrophes(text, vocabulary))
    candidates.update(_doubtful_spaces(text, vocabulary))
    drops = []
    for cluster in _clusters(text, sorted(candidates)):
        drops.extend(_judge_cluster(text, cluster, judge))
    if drops:
        source = delete_spans(source, positions_to_spans(drops))[0]
    # Gluing a split word back can leave a quote inside it (A" nswer -> A"nswer).
    inside = [m.span() for m in _QUOTE_IN_WORD.finditer(source.text)]
    return delete_spans(source, inside)[0] if inside else source
