"""How a turn's requests are counted: every kind of request, as whole words only."""

from __future__ import annotations

import pytest

from corpus.outline import said
from corpus.outline.said import count_asking, puts_question


@pytest.mark.parametrize(
    "sentence",
    [
        "Tell us about the early years.",
        "So talk me through the launch.",
        "Describe the lab for us.",
        "And explain how the grant worked.",
        "Walk me through it.",
        "Share a story from that time.",
        "Remind us when that was.",
        "Please could you say more about that.",
        "Could you say more about that.",
        "Can you say more about that.",
        "Would you say more about that.",
        "Let's talk about the budget.",
        "Lets go back to 1998.",
        "I'd like to ask about your family.",
        "I would love you to say more.",
        "I wanted to know how it began.",
        "I wonder whether it was worth it.",
        "TELL US ABOUT THE EARLY YEARS.",
    ],
)
def test_each_kind_of_request_puts_a_question(sentence: str) -> None:
    assert puts_question(sentence)
    assert count_asking(sentence) == 1


@pytest.mark.parametrize(
    "sentence",
    ["They retell it every year.", "A stalk of wheat.", "We shared the cost.", "It was fine."],
)
def test_words_that_only_contain_a_request_word_put_no_question(sentence: str) -> None:
    assert not puts_question(sentence)
    assert count_asking(sentence) == 0


def test_every_request_word_opens_with_a_letter_the_scan_looks_for() -> None:
    """The scan skips words whose first letter no request word has: a new request word
    that opened with markup instead of a letter would never be found."""
    assert all(words[0].isalpha() for words in said._REQUEST_WORDS)
    assert set(said._REQUEST_LETTERS) == {words[0] for words in said._REQUEST_WORDS}
