"""The outline scorer on cases worked out by hand."""

from __future__ import annotations

from typing import Any

import pytest

from corpus.outline.scoring import (
    Gold,
    Score,
    gold_from_dict,
    match_in_order,
    normalise,
    outline_items,
    same_item,
    score_items,
    score_outline,
)


def test_normalise_drops_entities_escapes_timestamps_and_punctuation() -> None:
    assert normalise("I&#39;m here, \\[07:54\\] isn\u2019t it?") == "i m here isn t it"
    assert normalise("**Adam:** A \\*real\\* `test`") == "adam a real test"
    assert normalise("  Q:\n\tWhat  NOW? ") == "q what now"


def test_a_markdown_link_reads_as_its_text() -> None:
    # The reader shows a link's text, so the gold written from the Markdown source matches.
    source = "I’m [Sean Kross](https://example.org/sk), I’m the CTO of the [Lab](/lab)."
    assert normalise(source) == "i m sean kross i m the cto of the lab"
    assert same_item(source, "I’m Sean Kross, I’m the CTO of the Lab.")


def test_a_leftover_label_or_timestamp_in_front_still_matches() -> None:
    gold = "Okay, a couple things. Do you have any information about a"
    found = "Q    Okay, a couple things.  Do you have any information about a threat"
    assert same_item(gold, found)
    assert same_item(gold, "[01:46] Okay, a couple things. Do you have any information")


def test_a_found_text_that_dropped_a_short_greeting_still_matches() -> None:
    gold = "Thanks, Jen. A couple on Ukraine. President Macron says that"
    assert same_item(gold, "A couple on Ukraine. President Macron says that he believes")


def test_different_or_too_short_texts_do_not_match() -> None:
    gold = "What brings you back to the Great American Race?"
    assert not same_item(gold, "What is that like?")
    assert not same_item(gold, "back")  # a short scrap inside the gold is no match
    assert not same_item(gold, "")
    assert not same_item("", gold)


def test_text_much_later_in_the_other_does_not_match() -> None:
    gold = "And how much weight do you put on the deterioration in consumer confidence"
    found = "Thank you very much for taking our questions today, Mr. Chairman. " + gold
    assert not same_item(gold, found)  # the gold starts 60 characters in: past the slack


def test_matching_keeps_document_order() -> None:
    gold = ["Alpha question about rates and jobs", "Beta question about tariffs and prices"]
    assert match_in_order(gold, list(reversed(gold))) == 1
    assert match_in_order(gold, gold) == 2
    assert match_in_order(gold, [gold[0], "an extra question nobody asked here", gold[1]]) == 2


def test_each_found_item_matches_one_gold_item_only() -> None:
    gold = ["Same start of a question, asked once", "Same start of a question, asked once"]
    assert match_in_order(gold, ["Same start of a question, asked once"]) == 1


def test_precision_recall_f1_worked_by_hand() -> None:
    gold = ["How is inflation now?", "What about jobs and wages?", "Will you cut rates?", "Why?"]
    found = ["How is inflation now?", "Will you cut rates in June?", "A remark, not a question."]
    score = score_items(gold, found)
    assert (score.gold, score.found, score.matched) == (4, 3, 2)
    assert score.precision == pytest.approx(2 / 3)
    assert score.recall == pytest.approx(1 / 2)
    assert score.f1 == pytest.approx(4 / 7)  # 2 * (2/3) * (1/2) / (2/3 + 1/2)


def test_empty_lists() -> None:
    assert Score(gold=0, found=0, matched=0).f1 == 1.0  # nothing to find, nothing found
    nothing_found = Score(gold=3, found=0, matched=0)
    assert (nothing_found.precision, nothing_found.recall, nothing_found.f1) == (1.0, 0.0, 0.0)
    invented = Score(gold=0, found=2, matched=0)
    assert (invented.precision, invented.recall, invented.f1) == (0.0, 1.0, 0.0)


def _outline() -> dict[str, Any]:
    """The shape of ``gloss outline --json`` for one interview, cut down."""
    return {
        "id": "x",
        "title": None,
        "sections": [
            {
                "heading": None,
                "questions": [{"text": "Thanks for coming. How did it start?", "measures": []}],
            },
            {
                "heading": "Ph.D. Students",
                "questions": [
                    {
                        "text": "What will you do for students?",
                        "measures": [
                            {"text": "The first is to raise stipends."},
                            {"text": "The second is to shorten the wait."},
                        ],
                    },
                    {"text": "Right.", "measures": []},
                ],
            },
        ],
    }


def test_outline_items_reads_the_json_shape_in_order() -> None:
    headings, questions, measures = outline_items(_outline())
    assert headings == ["Ph.D. Students"]
    assert questions == [
        "Thanks for coming. How did it start?",
        "What will you do for students?",
        "Right.",
    ]
    assert measures == ["The first is to raise stipends.", "The second is to shorten the wait."]


def test_score_outline_against_a_gold() -> None:
    gold = Gold(
        file="x.txt",
        speakers=("Q", "A"),
        askers=("Q",),
        headings=("Ph.D. Students", "Funding"),
        questions=("Thanks for coming. How did it start?", "What will you do for students?"),
        measures=("The first is to raise stipends.", "The second is to shorten the wait."),
    )
    result = score_outline(gold, _outline())
    assert (result.headings.matched, result.headings.recall) == (1, 0.5)
    assert result.headings.precision == 1.0
    assert (result.questions.found, result.questions.matched) == (3, 2)  # "Right." is extra
    assert result.questions.precision == pytest.approx(2 / 3)
    assert result.measures.f1 == 1.0


def test_gold_from_dict_reads_a_gold_file() -> None:
    gold = gold_from_dict(
        {
            "file": "a.txt",
            "title": None,
            "speakers": ["Q", "A"],
            "askers": ["Q"],
            "headings": [],
            "questions": ["How?"],
            "measures": [],
            "notes": "free text",
        }
    )
    assert gold.questions == ("How?",) and gold.askers == ("Q",)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"file": ""}, "'file'"),
        ({"questions": "How?"}, "'questions'"),
        ({"measures": [""]}, "'measures'"),
        ({"askers": ["Moderator"]}, "not among the speakers"),
        ({"title": 3}, "'title'"),
    ],
)
def test_gold_from_dict_names_what_is_wrong(change: dict[str, Any], message: str) -> None:
    data: dict[str, Any] = {
        "file": "a.txt",
        "speakers": ["Q", "A"],
        "askers": ["Q"],
        "headings": [],
        "questions": ["How?"],
        "measures": [],
    }
    data.update(change)
    with pytest.raises(ValueError, match=message):
        gold_from_dict(data)
