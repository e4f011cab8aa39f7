"""Which question of one interview matches which question of another, by content.

Interviews on the same subject ask about the same things in different words and order
("What was the status of the industrial economy?" / "How do you view the current
industrial economic situation?"). The reader pairs them so that ``s`` can jump to the
counterpart and the outline can show the pairing.

The method is deliberately simple and explainable: TF-IDF weighted cosine similarity of
content words (stop words removed, words cut to a short prefix so that *industry*,
*industrial* and *industries* count as one word, a handful of near-synonyms such as
*enterprise*/*company* merged), then one-to-one pairs taken strongest
first. Words that every question uses ("measures", "take") weigh little; words that two
questions share and the others don't weigh most.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

__all__ = ["DEFAULT_MIN_SCORE", "most_similar", "pair_questions", "similarity_matrix"]

#: Pairs scoring below this share too little to be called the same question.
DEFAULT_MIN_SCORE = 0.08

#: Prefix length that conflates an English word's inflections and derivations
#: (truncation stemming): stabiliz-e/-ing/-ation, econom-y/-ic, develop-ment.
_STEM_LENGTH = 6

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")

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

# A few near-synonyms interviews use interchangeably, mapped (by stem) to one term.
# Kept small and general: a wrong entry pairs unrelated questions.
_SYNONYMS = {
    "enterp": "compan",  # enterprise(s)
    "firm": "compan",
    "firms": "compan",
    "busine": "compan",  # business(es)
    "corpor": "compan",  # corporation(s)
    "stable": "stabil",
    "steady": "stabil",
    "steadi": "stabil",  # steadily
    "grow": "growth",
    "grows": "growth",
    "growin": "growth",
}


def _terms(text: str) -> list[str]:
    """The content words of ``text``, lower-cased and cut to their stem prefix."""
    words = (word.lower() for word in _WORD.findall(text))
    stems = (
        word[:_STEM_LENGTH]
        for word in words
        if len(word) > 2 and word not in _STOP_WORDS and word.split("'")[0] not in _STOP_WORDS
    )
    return [_SYNONYMS.get(stem, stem) for stem in stems]


def _vectors(documents: Sequence[str]) -> list[dict[str, float]]:
    """Unit-length TF-IDF vectors of ``documents`` (smoothed IDF, sublinear TF)."""
    counts = [Counter(_terms(doc)) for doc in documents]
    frequency: Counter[str] = Counter()
    for count in counts:
        frequency.update(count.keys())
    total = len(documents)
    idf = {term: math.log((1 + total) / (1 + df)) + 1.0 for term, df in frequency.items()}
    vectors = []
    for count in counts:
        weights = {term: (1.0 + math.log(n)) * idf[term] for term, n in count.items()}
        norm = math.sqrt(sum(w * w for w in weights.values()))
        vectors.append({t: w / norm for t, w in weights.items()} if norm else {})
    return vectors


def _cosine(left: dict[str, float], right: dict[str, float]) -> float:
    if len(right) < len(left):
        left, right = right, left
    return sum(weight * right.get(term, 0.0) for term, weight in left.items())


def similarity_matrix(left: Sequence[str], right: Sequence[str]) -> list[list[float]]:
    """``matrix[i][j]``: how alike ``left[i]`` and ``right[j]`` are, from 0.0 to 1.0.

    Word weights are learnt from both sides together, so a word common to all the
    questions of both interviews counts for little.
    """
    vectors = _vectors([*left, *right])
    left_vectors, right_vectors = vectors[: len(left)], vectors[len(left) :]
    return [[min(1.0, _cosine(lv, rv)) for rv in right_vectors] for lv in left_vectors]


def pair_questions(
    left: Sequence[str], right: Sequence[str], *, min_score: float = DEFAULT_MIN_SCORE
) -> list[tuple[int, int, float]]:
    """The best one-to-one pairs ``(left index, right index, score)``, by left index.

    Pairs are taken strongest first, each question used at most once; questions with no
    counterpart scoring at least ``min_score`` stay unpaired. Ties go to the earlier
    question, so the result is deterministic.
    """
    matrix = similarity_matrix(left, right)
    candidates = sorted(
        (
            (-score, i, j)
            for i, row in enumerate(matrix)
            for j, score in enumerate(row)
            if score >= min_score
        ),
    )
    used_left: set[int] = set()
    used_right: set[int] = set()
    pairs: list[tuple[int, int, float]] = []
    for negative_score, i, j in candidates:
        if i in used_left or j in used_right:
            continue
        used_left.add(i)
        used_right.add(j)
        pairs.append((i, j, -negative_score))
    return sorted(pairs)


def most_similar(
    question: str, candidates: Sequence[str], *, min_score: float = DEFAULT_MIN_SCORE
) -> int | None:
    """The index of the candidate most like ``question``; None if none is alike enough."""
    if not candidates:
        return None
    scores = similarity_matrix([question], candidates)[0]
    best = max(range(len(scores)), key=lambda j: (scores[j], -j))
    return best if scores[best] >= min_score else None
