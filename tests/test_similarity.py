"""Pairing questions across two interviews by what they ask about."""

from __future__ import annotations

import pytest

from corpus import load_interview
from corpus.similarity import most_similar, pair_questions, similarity_matrix
from tests.conftest import CLEAN_SEED, NOISY_SEED

# The questions of the two bundled interviews, as the outline gives them (the noisy one
# after cleaning; continuation lines joined).
NOISY_QUESTIONS = [
    "How do you view the current industrial economic situation? What are the foundations "
    "and conditions for stabilizing industry?",
    "What is the current progress of the 10 key industrial industry stabilizing growth "
    "plans introduced this year? What other considerations are there to promote stable "
    "growth of industry?",
    "What is the current operating situation of small and medium-sized enterprises? What "
    "measures will be taken to support the development of enterprises?",
    "What measures will be taken to promote the digital, intelligent, and green "
    "development of manufacturing? How to accelerate the construction of a modern "
    "industrial system with advanced manufacturing as the backbone?",
]
CLEAN_QUESTIONS = [
    "What was the status of the industrial economy in the past year? How to promote steady "
    "industrial growth in 2023?",
    "The Central Economic Work Conference emphasized accelerating the construction of a "
    "modern industrial system. What specific measures will the Ministry of Industry and "
    "Information Technology take?",
    "In 2023, what new measures will be taken to help companies bail out, and how to "
    "stabilize expectations and strengthen confidence?",
    "What specific measures will the Ministry of Industry and Information Technology take "
    "to vigorously develop the digital economy?",
]


def test_bundled_interviews_pair_by_subject() -> None:
    pairs = {i: j for i, j, _ in pair_questions(NOISY_QUESTIONS, CLEAN_QUESTIONS)}
    # Stabilising industrial growth <-> status of the industrial economy and steady growth.
    assert pairs[1] == 0
    # Small and medium enterprises <-> helping companies bail out.
    assert pairs[2] == 2
    # Modern industrial system and manufacturing <-> modern industrial system.
    assert pairs[3] == 1


def test_pairs_are_one_to_one_sorted_and_scored() -> None:
    pairs = pair_questions(NOISY_QUESTIONS, CLEAN_QUESTIONS)
    lefts = [i for i, _, _ in pairs]
    rights = [j for _, j, _ in pairs]
    assert lefts == sorted(set(lefts))
    assert len(set(rights)) == len(rights)
    assert all(0.0 < score <= 1.0 for _, _, score in pairs)


def test_strongest_pair_wins_a_contested_question() -> None:
    left = ["How will you support small businesses?", "How will you support exporters?"]
    right = ["What support do small businesses get from the tax office?"]
    assert [(i, j) for i, j, _ in pair_questions(left, right)] == [(0, 0)]


def test_reordered_questions_are_found() -> None:
    left = ["What about rural schools?", "Tell us about hospital funding.", "Why raise taxes?"]
    right = ["Will taxes be raised?", "Is funding for hospitals rising?", "Rural schools?"]
    assert [(i, j) for i, j, _ in pair_questions(left, right)] == [(0, 2), (1, 1), (2, 0)]


def test_identical_question_scores_one_and_inflections_count() -> None:
    assert similarity_matrix(["Industrial growth?"], ["Industrial growth?"])[0][0] == (
        pytest.approx(1.0)
    )
    # industry / industrial / industries and stabilize / stabilizing share a stem.
    assert similarity_matrix(["stabilizing industries"], ["stabilize industrial"])[0][0] > 0.9


def test_unrelated_and_boilerplate_questions_stay_unpaired() -> None:
    assert pair_questions(["How is the weather?"], ["What about the budget?"]) == []
    # Only stop words in common ("what", "will", "you", "the") is not a match.
    assert pair_questions(["What will you do?"], ["What will the you do?"]) == []
    assert pair_questions([], CLEAN_QUESTIONS) == []
    assert pair_questions(CLEAN_QUESTIONS, []) == []


def test_min_score_filters_weak_pairs() -> None:
    weak = pair_questions(NOISY_QUESTIONS, CLEAN_QUESTIONS, min_score=0.0001)
    strong = pair_questions(NOISY_QUESTIONS, CLEAN_QUESTIONS, min_score=0.25)
    assert len(strong) < len(weak)
    assert all(score >= 0.25 for _, _, score in strong)


def test_most_similar_picks_the_counterpart() -> None:
    question = "How will the ministry develop the digital economy?"
    assert most_similar(question, CLEAN_QUESTIONS) == 3
    assert most_similar(NOISY_QUESTIONS[3], CLEAN_QUESTIONS) == 1


def test_most_similar_none_when_nothing_is_alike() -> None:
    assert most_similar("What about the football results?", CLEAN_QUESTIONS) is None
    assert most_similar("anything", []) is None
    assert most_similar("", CLEAN_QUESTIONS) is None


def test_ties_go_to_the_earlier_candidate() -> None:
    assert most_similar("budget deficit", ["budget deficit?", "budget deficit?"]) == 0


def test_bundled_interviews_through_the_real_outline() -> None:
    """The pairing the reader shows for the two seed interviews, from their files."""
    noisy, clean = load_interview(NOISY_SEED), load_interview(CLEAN_SEED)
    left = [q.text for q in noisy.outline.questions]
    right = [q.text for q in clean.outline.questions]
    assert len(left) == 4 and len(right) == 4
    pairs = {i: j for i, j, _ in pair_questions(left, right)}
    assert pairs[1] == 0  # stabilising industrial growth
    assert pairs[2] == 2  # small and medium enterprises / companies
    assert pairs[3] == 1  # modern industrial system, manufacturing
    # The reader's `s` from the digital-manufacturing question lands on its counterpart.
    assert most_similar(left[3], right) == 1
