"""Which question of one interview matches which question of another, by what it asks.

Interviews on the same subject ask about the same things in different words and order
("What was the status of the industrial economy?" / "How do you view the current
industrial economic situation?"). The reader pairs them so that ``s`` can jump to the
counterpart and the outline can show the pairing.

The method is deliberately simple and explainable, and needs no model:

- *content words*: stop words and the interviewer's boilerplate dropped, each word cut to
  its Snowball stem (then to a short prefix, so *industry*, *industrial* and *industries*,
  *economy* and *economic* count as one word), and a few words of the same role merged
  (*situation*/*status*/*state*, *enterprise*/*company*/*firm*);
- *rarity*: TF-IDF over the questions of both interviews, so words every question uses
  ("measures", "industry" in an interview on industry) weigh little;
- *what is asked*: a question is compared as a whole and sentence by sentence (each
  sentence of one matched to at most one of the other), so a question that covers both
  asks of another ("What is the situation? How to stabilise it?") beats one that repeats
  one of them twice;
- *one-to-one*: the pairs are the assignment that maximises the sum of squared scores
  over all questions at once, so one clear match outweighs two weak ones and a question
  taken by a better counterpart leaves the next best to the others.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from itertools import permutations

import snowballstemmer

__all__ = [
    "DEFAULT_MIN_SCORE",
    "best_assignment",
    "counterparts",
    "most_similar",
    "pair_questions",
    "similarity_matrix",
]

#: Pairs scoring below this share too little to be called the same question.
DEFAULT_MIN_SCORE = 0.08

#: Prefix length of a stem that conflates derivations the stemmer keeps apart
#: (economi/econom, stabil-ity/-ize): truncation stemming after the Snowball stemmer.
_STEM_LENGTH = 6
#: Weight of the whole-question cosine; the sentence alignment has the rest.
_WHOLE_WEIGHT = 0.5

#: Up to this many sentences a side, the sentences are matched by trying every matching.
_SMALL = 4

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_SENTENCE_END = re.compile(r"(?<=[?.!。？！])[\"”’)]*\s+")

# Function words and the interviewer's boilerplate: they say how a question is asked,
# not what it is about.
_STOP_TEXT = """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers him his how i if in into is
    it its itself just me more most my no nor not now of off on once only or other our
    ours out over own same she should so some such than that the their theirs them then
    there these they this those through to too under until up very was we were what when
    where which while who whom why will with would you your yours
    q question questions answer reporter ask asked please tell think view
    year years past current currently next new specific specifically take taken taking
    mr ms dr minister ministry
"""
_STOP_WORDS = frozenset(_STOP_TEXT.split())

# Words of the same role in a question, mapped (by stem prefix) to one term. Kept small
# and general: a wrong entry pairs unrelated questions.
_SYNONYMS = {
    "situat": "status",  # situation
    "state": "status",
    "enterp": "compan",  # enterprise(s)
    "firm": "compan",
    "busi": "compan",  # business(es)
    "corpor": "compan",  # corporation(s)
    "stabl": "stabil",
    "steadi": "stabil",  # steady, steadily
    "grow": "growth",
    "assist": "help",
    "support": "help",
    "aid": "help",
    "motiv": "inspir",  # motivate(s)
    "drive": "inspir",
    "advic": "tip",
    "recomm": "tip",  # recommend(ation)
    "spare": "free",
    "leisur": "free",
}

#: The English Snowball stemmer. With PyStemmer installed (a dependency) it is the C one,
#: and ``import snowballstemmer`` skips loading its 30 pure-Python stemmers (10 ms of every
#: reader launch); without it, snowballstemmer's own, which gives the same stems.
_STEMMER = snowballstemmer.stemmer("english")

Vector = dict[str, float]


@lru_cache(maxsize=8192)
def _term(word: str) -> str:
    stem: str = _STEMMER.stemWord(word)[:_STEM_LENGTH]
    return _SYNONYMS.get(stem, stem)


def _terms(text: str) -> list[str]:
    """The content words of ``text``, lower-cased, stemmed and merged by role."""
    words = (word.lower() for word in _WORD.findall(text))
    return [
        _term(word)
        for word in words
        if len(word) > 2 and word not in _STOP_WORDS and word.split("'")[0] not in _STOP_WORDS
    ]


def _idf(documents: Sequence[str]) -> dict[str, float]:
    """Smoothed inverse document frequency of each term of ``documents``."""
    frequency: Counter[str] = Counter()
    for doc in documents:
        frequency.update(set(_terms(doc)))
    total = len(documents)
    return {term: math.log((1 + total) / (1 + df)) + 1.0 for term, df in frequency.items()}


def _vector(text: str, idf: dict[str, float]) -> Vector:
    """Unit-length TF-IDF vector of ``text`` (sublinear TF)."""
    weights = {t: (1.0 + math.log(n)) * idf.get(t, 1.0) for t, n in Counter(_terms(text)).items()}
    norm = math.sqrt(sum(w * w for w in weights.values()))
    return {t: w / norm for t, w in weights.items()} if norm else {}


def _cosine(left: Vector, right: Vector) -> float:
    if len(right) < len(left):
        left, right = right, left
    return sum(weight * right.get(term, 0.0) for term, weight in left.items())


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if _terms(s)] or [text]


def _dot_products(left: list[Vector], right: list[Vector]) -> list[dict[int, float]]:
    """``result[i][j]``: the cosine of ``left[i]`` and ``right[j]``, for every pair that
    shares a term (an inverted index: pairs sharing nothing cost nothing)."""
    postings: dict[str, list[tuple[int, float]]] = {}
    for j, vector in enumerate(right):
        for term, weight in vector.items():
            postings.setdefault(term, []).append((j, weight))
    products: list[dict[int, float]] = []
    for vector in left:
        sums: dict[int, float] = {}
        for term, weight in vector.items():
            for j, other in postings.get(term, ()):
                sums[j] = sums.get(j, 0.0) + weight * other
        products.append(sums)
    return products


def _aligned(cosines: list[list[float]]) -> float:
    """How well the sentences of two questions match one to one (0.0 to 1.0), from the
    cosines of their sentences (rows: one question's, columns: the other's)."""
    rows, columns = len(cosines), len(cosines[0])
    if rows == 1 or columns == 1:
        best = max(max(row) for row in cosines)
    elif rows <= _SMALL and columns <= _SMALL:  # a few sentences: try every matching
        if rows > columns:
            cosines = [list(column) for column in zip(*cosines, strict=True)]
            rows, columns = columns, rows
        best = max(
            sum(cosines[i][j] for i, j in enumerate(chosen))
            for chosen in permutations(range(columns), rows)
        )
    else:
        best = sum(cosines[i][j] for i, j in best_assignment(cosines))
    return best / max(rows, columns)


def similarity_matrix(left: Sequence[str], right: Sequence[str]) -> list[list[float]]:
    """``matrix[i][j]``: how alike ``left[i]`` and ``right[j]`` are, from 0.0 to 1.0.

    Word weights are learnt from both sides together, so a word common to all the
    questions of both interviews counts for little.
    """
    idf = _idf([*left, *right])
    whole = _dot_products([_vector(t, idf) for t in left], [_vector(t, idf) for t in right])
    owners: list[list[int]] = [[], []]  # the question each sentence belongs to, per side
    vectors: list[list[Vector]] = [[], []]
    for side, texts in enumerate((left, right)):
        for index, text in enumerate(texts):
            for sentence in _sentences(text):
                owners[side].append(index)
                vectors[side].append(_vector(sentence, idf))
    first = [[0] * (len(texts) + 1) for texts in (left, right)]
    for side, owned in enumerate(owners):
        for owner in owned:
            first[side][owner + 1] += 1
        for index in range(1, len(first[side])):
            first[side][index] += first[side][index - 1]
    parts = _dot_products(vectors[0], vectors[1])
    matrix = [[0.0] * len(right) for _ in left]
    for i, row in enumerate(whole):
        for j, score in row.items():
            cosines = [
                [parts[a].get(b, 0.0) for b in range(first[1][j], first[1][j + 1])]
                for a in range(first[0][i], first[0][i + 1])
            ]
            aligned = _aligned(cosines)
            matrix[i][j] = min(1.0, _WHOLE_WEIGHT * score + (1 - _WHOLE_WEIGHT) * aligned)
    return matrix


def pair_questions(
    left: Sequence[str], right: Sequence[str], *, min_score: float = DEFAULT_MIN_SCORE
) -> list[tuple[int, int, float]]:
    """The best one-to-one pairs ``(left index, right index, score)``, by left index.

    The pairs maximise the sum of squared scores over all questions; a pair scoring
    below ``min_score`` is never made, so such questions stay unpaired.
    """
    matrix = similarity_matrix(left, right)
    return [(i, j, matrix[i][j]) for i, j in _one_to_one(matrix, min_score)]


def _one_to_one(matrix: list[list[float]], min_score: float) -> list[tuple[int, int]]:
    """The pairs maximising the sum of squared scores, none below ``min_score``."""
    weights = [[s * s if s >= min_score else 0.0 for s in row] for row in matrix]
    return [(i, j) for i, j in best_assignment(weights) if weights[i][j] > 0]


def counterparts(
    left: Sequence[str], right: Sequence[str], *, min_score: float = DEFAULT_MIN_SCORE
) -> tuple[dict[int, int], dict[int, int]]:
    """For each side, question index -> the other side's question it goes with.

    One to one: the pairs of :func:`pair_questions`, one map the other's inverse. A
    question left out of them (the other side has fewer questions, or its closest went to
    a closer match) has no counterpart of its own, and none is made up for it: two
    questions paired with one would say both ask what it asks.
    """
    to_right = {i: j for i, j, _ in pair_questions(left, right, min_score=min_score)}
    return to_right, {j: i for i, j in to_right.items()}


def best_assignment(weights: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """The one-to-one ``(row, column)`` pairs with the largest total weight.

    The Hungarian method with potentials (shortest augmenting paths), O(n²m) for n rows
    and m ≥ n columns; a wider-than-tall matrix is solved transposed. Every row (or
    column, if fewer) gets a partner; ties go to the earlier index.
    """
    rows = len(weights)
    columns = len(weights[0]) if rows else 0
    if rows == 0 or columns == 0:
        return []
    if rows > columns:
        flipped = [[weights[i][j] for i in range(rows)] for j in range(columns)]
        return sorted((i, j) for j, i in best_assignment(flipped))
    top = max(max(row) for row in weights)
    cost = [[top - w for w in row] for row in weights]  # maximise weight = minimise cost
    infinity = math.inf
    row_potential = [0.0] * (rows + 1)
    column_potential = [0.0] * (columns + 1)
    owner = [0] * (columns + 1)  # owner[j]: the row (1-based) matched to column j
    way = [0] * (columns + 1)
    for row in range(1, rows + 1):
        owner[0] = row
        column = 0
        least = [infinity] * (columns + 1)
        used = [False] * (columns + 1)
        while True:
            used[column] = True
            current = owner[column]
            delta, next_column = infinity, 0
            for j in range(1, columns + 1):
                if used[j]:
                    continue
                reduced = cost[current - 1][j - 1] - row_potential[current] - column_potential[j]
                if reduced < least[j]:
                    least[j], way[j] = reduced, column
                if least[j] < delta:
                    delta, next_column = least[j], j
            for j in range(columns + 1):
                if used[j]:
                    row_potential[owner[j]] += delta
                    column_potential[j] -= delta
                else:
                    least[j] -= delta
            column = next_column
            if owner[column] == 0:
                break
        while column:
            previous = way[column]
            owner[column] = owner[previous]
            column = previous
    return sorted((owner[j] - 1, j - 1) for j in range(1, columns + 1) if owner[j])


def most_similar(
    question: str, candidates: Sequence[str], *, min_score: float = DEFAULT_MIN_SCORE
) -> int | None:
    """The index of the candidate most like ``question``; None if none is alike enough."""
    if not candidates:
        return None
    scores = similarity_matrix([question], candidates)[0]
    best = max(range(len(scores)), key=lambda j: (scores[j], -j))
    return best if scores[best] >= min_score else None
