"""The second noise pass: ASCII noise with no scar beside it.

A noise run made only of ASCII (``Po$ints``, ``competitivenes s``, ``o''$perations``)
leaves no scar. Such runs are rare, so calling a character noise here is expensive, and
only characters in places real prose rarely puts them are considered: signs inside
words, apostrophes that are neither contractions nor possessives, spaces whose two
sides glue into a known word (or a well-formed number), spaces before a comma or doubled
spaces. Candidates whose tokens overlap are judged together, every reading scored by
``corpus.cleaning.passages``.
"""

from __future__ import annotations

import re
from itertools import accumulate, product

from corpus.cleaning.channel import DROP_SPACE_AT_SCAR, drop_alone
from corpus.cleaning.passages import COMMON_SHORT, Judge, context, token_end, token_start
from corpus.cleaning.symbols import NOISE_SIGNS
from corpus.cleaning.tokens import WELL_FORMED_NUMBER
from corpus.cleaning.vocabulary import Vocabulary

MAX_CLUSTER = 8
"""At most this many candidates are judged together (2**8 readings)."""
RARE_WORD = -5.5
"""A word this rare next to a space makes the space worth judging."""

_DOUBTFUL_SIGNS = re.compile(
    r"""(?=[$&<>'"])  # fail fast everywhere else
    (?:[<>]
    | \$(?!\d) | (?<=[A-Za-z0-9])\$ | \$(?=[\d.,]+%)  # $ is real before an amount
    | (?<![A-Z ])&|&(?![A-Z ])|(?<=[A-Z])&(?=\ )|(?<=\ )&(?=[A-Z])  # not R&D
    | (?<=[$&<>'"])[$&<>']|[$&<>'](?=[$&<>'"]))
    """,
    re.VERBOSE,
)
"""ASCII noise characters in places real prose rarely puts them."""
_APOSTROPHE_OK = re.compile(r"\b[A-Za-z]+'(?:(?:s|t|ll|re|ve|d|m)\b|(?![A-Za-z]))")
"""Apostrophes of contractions, possessives and plural possessives."""
_SINGLE_QUOTED = re.compile(r"(?<![A-Za-z])'[A-Za-z][^'\n]{0,200}?[A-Za-z.,!?]'(?![A-Za-z])")
"""A phrase in single quotes: both marks are real."""
_SPACE_BEFORE_STOP = re.compile(r'(?<=[A-Za-z0-9"]) (?=[,.;:?!%](?!\.))')
"""A space before a comma or full stop: prose never, noise sometimes."""
_INNER_SPACES = re.compile(r"(?<=[^\s])  +(?=[^\s])")
"""Two or more spaces inside a line: prose does not do that, noise does."""
_NUMBER_TAIL = re.compile(r"\$?\d[\d,.]*$")
_NUMBER_HEAD = re.compile(r"[\d,.]*\d%?")
_NUMBERISH = re.compile(r"\$?[\d,.]*\d[\d,.]*%?")
_TAIL = re.compile(r"[A-Za-z0-9$&<>'\"]+$")
_HEAD = re.compile(r"[A-Za-z0-9$&<>'\"]+")
_NO_SIGNS = str.maketrans("", "", NOISE_SIGNS)
_INNER_NOISE = frozenset(NOISE_SIGNS)
_LETTERS = re.compile(r"[A-Za-z]+")
_TRIM = "\"'()[].,;:?!"


def judge_strays(text: str, judge: Judge, spaces_near_noise: set[int]) -> list[int]:
    """The indices of ASCII noise characters away from any scar.

    ``spaces_near_noise`` are spaces the first pass kept beside a scar (often because a
    quote sat between them and the word): dropping those stays cheap here.
    """
    vocabulary = judge.vocabulary
    candidates = {m.start() for m in _DOUBTFUL_SIGNS.finditer(text)}
    candidates.update(_doubtful_ampersands(text))
    # A sign standing alone (between spaces, or first on a line) may take a space with it.
    candidates.update(
        i + 1
        for i in list(candidates)
        if i < len(text) - 1 and text[i + 1] == " " and (i == 0 or text[i - 1] in " \n")
    )
    candidates.update(_doubtful_apostrophes(text, vocabulary))
    candidates.update(_doubtful_spaces(text, vocabulary))
    candidates.update(i for i in spaces_near_noise if _could_join_at(text, i, vocabulary))
    drops: list[int] = []
    for cluster in _clusters(text, sorted(candidates)):
        drops.extend(_judge_cluster(text, cluster, judge, spaces_near_noise))
    return drops


def _could_join_at(text: str, space: int, vocabulary: Vocabulary) -> bool:
    """``_could_join`` for the tokens on either side of the space at ``space``."""
    left, right = context(text, space, space + 1)
    before, after = text[left:space], text[space + 1 : right]
    return bool(before and after) and _could_join(before, after, vocabulary)


def _judge_cluster(
    text: str, positions: list[int], judge: Judge, spaces_near_noise: set[int]
) -> list[int]:
    """The doubtful characters, away from scars, that the best reading drops."""
    if not judge.afford(2 ** len(positions)):
        return []
    left, right = context(text, positions[0], positions[-1] + 1)
    # A candidate at a token's edge is read with the neighbouring token too (and & x).
    if left == positions[0] and left > 0:
        left = token_start(text, left - 1)
    if right == positions[-1] + 1 and right < len(text):
        right = token_end(text, right + 1)
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
                if text[position] == " " and position in spaces_near_noise:
                    cost += DROP_SPACE_AT_SCAR
                else:
                    cost += drop_alone(text[position], last_dropped == position - 1)
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
    word = passage[start:end]
    return word.isdigit() or vocabulary.knows(word)  # numbers were vetted by _could_join


def _doubtful_ampersands(text: str) -> list[int]:
    """`` & `` between words unless both are capitalised (Research & Development)."""
    found = []
    position = text.find(" & ")
    while position >= 0:
        before = text[token_start(text, position) : position]
        after = text[position + 3 : token_end(text, position + 3)]
        if not (before[:1].isupper() and after[:1].isupper()):
            found.append(position + 1)
        position = text.find(" & ", position + 1)
    return found


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
        start, end = context(text, position, position + 1)
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
                found.extend(_quotes_at_edge(previous, ends[index - 1] + index - 2, -1))
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
    if left.isalpha() and right.isalpha():  # the common case, without the regexes
        return vocabulary.knows(left + right)
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
    joined = (tail.group() + head.group()).translate(_NO_SIGNS)
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
        return core.lower() not in COMMON_SHORT
    return vocabulary.score(core) < RARE_WORD
