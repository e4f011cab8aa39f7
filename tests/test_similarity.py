"""Pairing questions across two interviews by what they ask about."""

from __future__ import annotations

import pytest

from corpus import load_interview
from corpus.similarity import (
    best_assignment,
    counterparts,
    most_similar,
    pair_questions,
    similarity_matrix,
)
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
    assert pairs == {
        # The current industrial economic situation <-> the status of the industrial
        # economy (both also ask how to stabilise industry): not the digital economy.
        0: 0,
        # Small and medium enterprises <-> helping companies bail out.
        2: 2,
        # Modern industrial system and manufacturing <-> modern industrial system.
        3: 1,
    }
    # The key industries' growth plans have no counterpart of their own: the question on
    # the status and steady growth of industry went to the closer situation question.


def test_bundled_counterparts_are_one_to_one() -> None:
    to_clean, to_noisy = counterparts(NOISY_QUESTIONS, CLEAN_QUESTIONS)
    # The industrial situation goes with the status of the industrial economy, and with
    # nothing else: the growth plans (000 Q2), whose closest is that same question, and
    # the digital economy (004 Q4) have no counterpart of their own.
    assert to_clean == {0: 0, 2: 2, 3: 1}
    assert to_noisy == {0: 0, 2: 2, 1: 3}


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
    assert pairs == {0: 0, 2: 2, 3: 1}  # situation/status, enterprises, industrial system
    # The reader's `s` from the digital-manufacturing question lands on its counterpart.
    assert most_similar(left[3], right) == 1
    # What the reader shows and where `s` goes: the same pairs, each question in one.
    to_right, to_left = counterparts(left, right)
    assert to_right == pairs and to_left == {j: i for i, j in pairs.items()}


def test_the_assignment_is_the_best_overall_not_strongest_first() -> None:
    # Strongest first would take (0, 0) and leave row 1 the weak (1, 1).
    assert best_assignment([[0.9, 0.8], [0.85, 0.1]]) == [(0, 1), (1, 0)]
    assert best_assignment([[0.2, 0.9, 0.1]]) == [(0, 1)]
    assert best_assignment([[0.2], [0.9], [0.1]]) == [(1, 0)]
    assert best_assignment([]) == []


@pytest.mark.parametrize("seed", range(20))
def test_the_assignment_matches_scipy(seed: int) -> None:
    """An independent implementation agrees on the best total (scipy, a test dependency)."""
    import random

    from scipy.optimize import linear_sum_assignment

    rng = random.Random(seed)
    rows, columns = rng.randint(1, 9), rng.randint(1, 9)
    weights = [[rng.choice([0.0, rng.random()]) for _ in range(columns)] for _ in range(rows)]
    ours = best_assignment(weights)
    found_rows, found_columns = linear_sum_assignment(weights, maximize=True)
    best = sum(weights[i][j] for i, j in zip(found_rows, found_columns, strict=True))
    assert len(ours) == min(rows, columns)
    assert len({i for i, _ in ours}) == len({j for _, j in ours}) == len(ours)
    assert sum(weights[i][j] for i, j in ours) == pytest.approx(best)


# The questions of a published Q&A (tests/transcripts/nasa_marshall_star_take5_2024-03-27)
# and the same questions as another interviewer might put them: other words, other order.
PUBLISHED = [
    "What excites you most about the future of human space exploration, or your NASA "
    "work, and your team’s role it?",
    "Who or what drives/motivates you?",
    "Who or what inspired you to pursue an education/career that led you to NASA and Marshall?",
    "What advice do you have for employees early in their NASA career or those in new "
    "leadership roles?",
    "What do you enjoy doing with your time while away from work?",
]
PARAPHRASED = [
    "In your spare time, away from the office, what do you like to do?",
    "What would you recommend to someone in a first leadership role, or early in a career at NASA?",
    "What motivates you?",
    "How do you see the future of human exploration of space, and the role of your team?",
    "Which education brought you to Marshall, and who inspired that career?",
]


def test_paraphrased_questions_pair_by_meaning() -> None:
    pairs = {i: j for i, j, _ in pair_questions(PUBLISHED, PARAPHRASED)}
    assert pairs == {0: 3, 1: 2, 2: 4, 3: 1, 4: 0}


def test_a_question_covering_both_asks_beats_one_repeating_one() -> None:
    """Matched sentence by sentence: the question that asks both things wins the pair."""
    asked = ["What is the status of the housing market? How can prices be kept stable?"]
    candidates = [
        "What progress have the plans to stabilise housing prices made? How else will prices "
        "be kept stable?",
        "How do you view the current housing market situation? What keeps it steady?",
    ]
    assert [(i, j) for i, j, _ in pair_questions(asked, candidates)] == [(0, 1)]
