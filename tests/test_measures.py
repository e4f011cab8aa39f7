"""Measures (the items an answer enumerates) in the shapes people write them.

Each convention is checked on a small written answer, and the real transcripts whose gold
outlines list measures are scored against that gold (``tests/transcripts/``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus import build_outline, load_interview
from corpus.outline.output import outline_dict
from corpus.outline.scoring import gold_from_dict, score_outline
from tests.conftest import run_gloss

TRANSCRIPTS = Path(__file__).parent / "transcripts"


def listed(answer: str) -> list[tuple[int, str]]:
    """The measures (ordinal, headline) of ``answer`` put to one question."""
    (question,) = build_outline(f"Q: What will you do?\nA: {answer}\n").questions
    text = f"Q: What will you do?\nA: {answer}\n"
    for measure in question.measures:  # each measure's span starts with its headline
        assert " ".join(text[measure.start : measure.end].split()).startswith(measure.text)
    return [(m.ordinal, m.text) for m in question.measures]


def test_ordinal_subjects_with_articles_nouns_and_a_last_item() -> None:
    answer = (
        "There are four key elements. The first is transportation: how we move. "
        "A second big category is how we live at home. The third category of this plan "
        "is care. The last element of this is about research."
    )
    assert listed(answer) == [
        (1, "The first is transportation: how we move."),
        (2, "A second big category is how we live at home."),
        (3, "The third category of this plan is care."),
        (4, "The last element of this is about research."),
    ]


def test_the_first_is_that() -> None:
    answer = "The first is that prices rose. The second is that wages did not."
    assert listed(answer) == [
        (1, "The first is that prices rose."),
        (2, "The second is that wages did not."),
    ]


def test_number_one_and_secondly_after_a_conjunction() -> None:
    answer = (
        "We are announcing new steps.\n"
        "But number one, we will protect the marches.\n"
        "Secondly, we are addressing violations.\n"
        "We are also funding clinics."
    )
    assert listed(answer) == [
        (1, "But number one, we will protect the marches."),
        (2, "Secondly, we are addressing violations."),
    ]
    (question,) = build_outline(f"Q: What will you do?\nA: {answer}\n").questions
    second = question.measures[1]
    assert question.answer.end == second.end  # the unmarked paragraph stays in the item


def test_number_one_after_its_item_marks_the_paragraph_it_ends() -> None:
    answer = (
        "We talked about trade.\n"
        "For example, Britain will invest in batteries and a whole range of things.  "
        "Number one.\n"
        "Number two: cooperating on AI.  It is a limitless capacity."
    )
    assert listed(answer) == [
        (1, "For example, Britain will invest in batteries and a whole range of things."),
        (2, "Number two: cooperating on AI."),
    ]


def test_first_of_all_then_secondly() -> None:
    answer = "First of all, we listen. Secondly, we act. Thirdly, we review."
    assert listed(answer) == [
        (1, "First of all, we listen."),
        (2, "Secondly, we act."),
        (3, "Thirdly, we review."),
    ]


def test_according_to_the_first_and_second() -> None:
    answer = (
        "According to the first requirement, firms report each month. "
        "According to the second, they publish their prices."
    )
    assert listed(answer) == [
        (1, "According to the first requirement, firms report each month."),
        (2, "According to the second, they publish their prices."),
    ]


def test_an_announced_first_item_opens_a_list_alone() -> None:
    answer = (
        "I have structured it around a couple of different areas. The first is economic "
        "security. We work together on it."
    )
    assert listed(answer) == [(1, "The first is economic security.")]


@pytest.mark.parametrize(
    ("answer", "starts"),
    [
        (
            "There are two parameters. One is the immune response. We call it a correlate. "
            "And then there's the real-world efficacy. It is good.",
            ["One is the", "And then there's"],
        ),
        (
            "Two things to say on that. The first is that the summit did the work. It "
            "set targets.\n\nAnd then in respect to trips, trade ministers decide. "
            "Then, on Monday, we fly.",
            ["The first is that", "And then in respect"],
        ),
        (
            "I see three reasons. First, it is cheap. Also, it is quick. We tested it. "
            "And lastly, people like it. Then they buy more.",
            ["First, it is", "Also, it is", "And lastly,"],
        ),
        (
            "Two or three other things. The first is climate. And I think Europe agrees. "
            "And then, finally, we work on health. Then we rest.",
            ["The first is", "And then, finally,"],
        ),
    ],
)
def test_an_announced_list_goes_on_with_other_words_up_to_its_count(
    answer: str, starts: list[str]
) -> None:
    found = listed(answer)
    assert [ordinal for ordinal, _ in found] == list(range(1, len(starts) + 1))
    assert [text[: len(start)] for (_, text), start in zip(found, starts, strict=True)] == starts


@pytest.mark.parametrize(
    "answer",
    [
        # no announcement: "then" and "also" go on a story
        "First, we went to Rome. And then, we drove north. Also, it rained.",
        # an announcement that no first item follows
        "There are a couple of things. We are entering winter. And then, cases rise.",
        # an announced first that nothing later goes on
        "There are two reasons. First, it is cheap. It is also quick.",
        # "then" telling what happened next is no item
        "I have two sons. One is a doctor. Then he moved to Ohio.",
    ],
)
def test_no_announced_list_without_a_count_a_first_and_a_later_item(answer: str) -> None:
    assert listed(answer) == []


def test_a_spoken_number_set_off_inside_a_sentence_or_closing_it() -> None:
    answer = (
        "I will just tell you that, number one, we know the threats. They are public.\n\n"
        "Number two, our own people are under threat. We take that seriously.\n\n"
        "Our view is that there is no effect on investment, number one.\n\n"
        "And number two, we can use those resources for children."
    )
    assert [(o, t[:24]) for o, t in listed(answer)] == [
        (1, "I will just tell you tha"),
        (2, "Number two, our own peop"),
        (1, "Our view is that there i"),
        (2, "And number two, we can u"),
    ]


def test_a_closing_number_one_inside_an_item_recaps_it() -> None:
    answer = (
        "Well, I would say a couple of things. The first is the facts. So, we think that "
        "is a sensible way, number one.\n\nNumber two, is: the plan is on the table. So "
        "you are the safest group — number one.\n\nNumber two, the costs are paid."
    )
    assert [(o, t[:20]) for o, t in listed(answer)] == [
        (1, "The first is the fac"),
        (2, "Number two, is: the "),
    ]


@pytest.mark.parametrize(
    "answer",
    [
        "We are number one, and we will stay there. Number two is not for us.",
        "It is the number one priority. We had two priorities.",
        "The objective is, number one, to meet people where they are. We will listen.",
    ],
)
def test_no_list_from_a_number_that_ranks_or_stands_alone(answer: str) -> None:
    assert listed(answer) == []


def test_an_ordinal_inside_a_sentence_marks_the_sentence() -> None:
    answer = (
        "The answer is that, firstly, the issues are kept internal. Secondly, that changes "
        "start at the conference."
    )
    assert listed(answer) == [
        (1, "The answer is that, firstly, the issues are kept internal."),
        (2, "Secondly, that changes start at the conference."),
    ]


def test_ordinals_after_their_item() -> None:
    answer = "Our focus is on East Timor firstly. Secondly, others may join."
    assert listed(answer) == [
        (1, "Our focus is on East Timor firstly."),
        (2, "Secondly, others may join."),
    ]
    answer = "Nauru has not signed, that's the first point.\nSecondly, we told them."
    assert listed(answer) == [
        (1, "Nauru has not signed, that's the first point."),
        (2, "Secondly, we told them."),
    ]


def test_first_and_foremost_closing_its_item() -> None:
    answer = (
        "Well, the hurdle is much higher, first and foremost.  We narrowed it.\n"
        "And, you know, secondly, this rule is a big step."
    )
    assert listed(answer) == [
        (1, "Well, the hurdle is much higher, first and foremost."),
        (2, "And, you know, secondly, this rule is a big step."),
    ]


def test_a_list_named_by_its_noun() -> None:
    answer = "My first concern is cost. My second concern is time. My third concern is staff."
    assert [ordinal for ordinal, _ in listed(answer)] == [1, 2, 3]
    answer = (
        "Well, I suppose a starting point would be that we won. I guess that is the starting "
        "point. The second point would be that the Senate agreed."
    )
    assert listed(answer) == [
        (1, "Well, I suppose a starting point would be that we won."),
        (2, "The second point would be that the Senate agreed."),
    ]


def test_one_is_after_an_announcing_colon() -> None:
    answer = "There are two reasons: one is that it is cheap, and the other is that it is quick."
    assert listed(answer) == [  # one sentence, two items: each from its marker on
        (1, "one is that it is cheap"),
        (2, "the other is that it is quick."),
    ]
    answer = "I will make a couple of observations: one is that it raises little. So it fails."
    assert listed(answer) == [  # the item is the sentence the marker stands in
        (1, "I will make a couple of observations: one is that it raises little.")
    ]


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("First off, we cut taxes. Second, we build roads.", ["First off,", "Second,"]),
        ("It is cheap, for one thing. For another, it is quick.", ["It is cheap,", "For another"]),
        (
            "There are three things here. One, we listen. Two, we act. Three, we review.",
            ["One,", "Two,", "Three,"],
        ),
        (
            "There are three things here. One is trust. Another is time. And the last is money.",
            ["One is", "Another is", "And the last"],
        ),
        ("Two things:\nA) small patches count.\nB) do not be shy.", ["small", "do not"]),
    ],
)
def test_spoken_enumerations(answer: str, expected: list[str]) -> None:
    found = listed(answer)
    assert [ordinal for ordinal, _ in found] == list(range(1, len(expected) + 1))
    assert all(text.startswith(start) for (_, text), start in zip(found, expected, strict=True))


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("We will:\n1. cut taxes\n2. build roads\n3. train workers", ["cut taxes", "build roads"]),
        ("We will:\n1) cut taxes\n2) build roads", ["cut taxes", "build roads"]),
        ("We will:\n(1) cut taxes\n(2) build roads", ["cut taxes", "build roads"]),
        ("We will:\na) cut taxes\nb) build roads", ["cut taxes", "build roads"]),
        ("We will:\na. cut taxes\nb. build roads", ["cut taxes", "build roads"]),
        ("We will:\n(a) cut taxes\n(b) build roads", ["cut taxes", "build roads"]),
        ("We will (a) cut taxes; (b) build roads; and (c) train.", ["cut taxes", "build roads"]),
        ("We will (A) cut taxes and (B) build roads.", ["cut taxes", "build roads."]),
    ],
)
def test_numbered_and_lettered_lists(answer: str, expected: list[str]) -> None:
    found = listed(answer)
    assert [ordinal for ordinal, _ in found] == list(range(1, len(found) + 1))
    assert [text for _, text in found][: len(expected)] == expected


@pytest.mark.parametrize(
    "answer",
    [
        "First of all, the Ukrainians should speak to the operations. We helped.",
        "Well, first, I would say: we were ready. And we still are.",
        "So, on the first one, the plan is clear. On the second one, it is not.",
        "The first time I went there was cold. The second time was warm.",
        "We are not relenting one single second. Number one priority is safety.",
        "The first is to stabilize growth. Nothing else was listed.",
        "The second thing I would say about policy is that it matters.",
        "He was a) late and then (b)",
        "Plan b) failed.",
        "First off, thank you for having me. It is great to be here.",
        "We met in the first week and again in the second week.",
        "He fought in the First World War. His son fought in the Second World War.",
        "I was looking for another job. For one thing, I was bored.",
        "The other day was fine. One is never sure.",
        "I came second, and then first, in the race.",
        "That was the first time. The second time was better.",
        "In the first instance we wait. In the first instance, they decide.",
        "There are two types in general. One is a policy you have because of a law.",
    ],
)
def test_no_list_without_a_clear_enumeration(answer: str) -> None:
    assert listed(answer) == []


def test_a_list_mixing_its_markers_inside_one_sentence() -> None:
    answer = (
        "It has two things. One is that the largest institutions face much tougher "
        "scrutiny; and, secondly, that there be a resolution authority."
    )
    found = listed(answer)
    assert [ordinal for ordinal, _ in found] == [1, 2]
    assert found[0][1] == "One is that the largest institutions face much tougher scrutiny"
    assert found[1][1].endswith("secondly, that there be a resolution authority.")


def test_lists_nested_in_the_items_of_a_list() -> None:
    answer = (
        "I want to boil this down to two questions. And the first question is whether the "
        "Fed should regulate. There are two reasons I say yes.\n"
        "The first is that it knows the markets.\n"
        "The second is that it lends in a crisis.\n"
        "The second issue is whether it should give up other roles. And I think so.\n"
        "So the first danger is that it loses focus.\n"
        "The second danger is that it loses independence."
    )
    assert [text.split(" is ")[0] for _, text in listed(answer)] == [
        "And the first question",
        "The first",
        "The second",
        "The second issue",
        "So the first danger",
        "The second danger",
    ]
    assert [ordinal for ordinal, _ in listed(answer)] == [1, 1, 2, 2, 1, 2]


def test_items_named_by_a_noun_with_an_aside_and_a_final_point() -> None:
    answer = (
        "There are two broad sets of reasons. The first is that term premiums have fallen. "
        "The second factor, and one that I have talked about myself, is that savings are high."
    )
    assert [text[:16] for _, text in listed(answer)] == ["The first is tha", "The second facto"]
    answer = (
        "Part of the answer is that the economy uses less oil. Secondly, prices rose more "
        "slowly. Third, the economy is very resilient. But the final point that I would "
        "make, and it relates to my testimony, is that expectations are stable."
    )
    assert [ordinal for ordinal, _ in listed(answer)] == [1, 2, 3, 4]
    assert listed(answer)[0][1] == "Part of the answer is that the economy uses less oil."


def test_first_of_all_inside_a_sentence_then_secondly() -> None:
    answer = (
        "I do not think it affects our ability. Short-term rates, first of all, directly "
        "affect activity. And secondly, there is an impact on longer-term rates."
    )
    assert listed(answer) == [
        (1, "Short-term rates, first of all, directly affect activity."),
        (2, "And secondly, there is an impact on longer-term rates."),
    ]


def test_a_first_item_opened_by_its_ordinal_and_later_ones_by_their_noun() -> None:
    answer = (
        "I would classify them in three broad categories. The first one we might call "
        "constitutional. The banks sit on the boards for two reasons. One, there may be a "
        "conflict with stability. And, secondly, there may be a conflict with other firms.\n"
        "The second concern that I would have is institutional.\n"
        "The third concern that I have is leadership."
    )
    assert [(ordinal, text[:24]) for ordinal, text in listed(answer)] == [
        (1, "The first one we might c"),
        (1, "One, there may be a conf"),
        (2, "And, secondly, there may"),
        (2, "The second concern that "),
        (3, "The third concern that I"),
    ]


@pytest.mark.parametrize(
    "answer",
    [
        "We have been in a second and third guarantee position for Citigroup. It is small.",
        "The deficit, I should first say, is complicated. There are many factors.",
        "One of the cases for it is information. The counterargument is conflict.",
        "When I first met her it was cold. The second floor of the building was closed.",
        "First of all, honey, what is your name? First of all, kids rarely get it.",
        "It was the final decision. The second vote is next week.",
        "One people were fine. Secondly the weather.",
        "They took the money for one thing, then used it for another.",
        "They went to the public trough, if you will, one, two, three times.",
        "The rule is in Sec. 1602(i); see 226.32(a)(1) (1997) and 226.34(b)(2) (1998).",
    ],
)
def test_no_list_from_ordinals_of_things_fillers_or_one_item(answer: str) -> None:
    assert listed(answer) == []


@pytest.mark.parametrize(
    "answer",
    [
        'He told the board, "First, we cut costs. Second, we sell the plant." We did neither.',
        "He told the board, “First, we cut costs. Second, we sell the plant.” We did neither.",
        "Was that the first time? And secondly, who paid? I do not remember.",
        "In the first term we passed the bill. In the second term we defended it.",
        "The first floor is the lobby. The second floor is offices.",
    ],
)
def test_no_list_from_quoted_or_asked_ordinals(answer: str) -> None:
    assert listed(answer) == []


def test_no_list_from_ordinals_carried_over_a_caption_line() -> None:
    answer = (
        "I remember when I\nfirst, you know, came here. It was cold, and I\n"
        "second, uh, guessed every move."
    )
    assert listed(answer) == []


def test_an_inline_list_numbered_with_brackets_after_its_words() -> None:
    answer = "We will 1) cut taxes, 2) build roads and 3) train workers."
    assert [text for _, text in listed(answer)] == [
        "cut taxes",
        "build roads",
        "train workers.",
    ]


def test_two_conjunctions_before_a_marker() -> None:
    answer = (
        "The first issue is cost, and we have covered it. And then the second issue is "
        "one which you will press: time. But then the third question that you raised is "
        "staff."
    )
    assert [text[:22] for _, text in listed(answer)] == [
        "The first issue is cos",
        "And then the second is",
        "But then the third que",
    ]


@pytest.mark.parametrize(
    ("answer", "starts"),
    [
        (
            "It is the double whammy: One, you are marking down your portfolio; and two, "
            "you have to store away more cash.",
            ["One, you are", "and two, you have"],
        ),
        (
            "Sales fell at the dealership. One, demand is down and, two, people who come in "
            "cannot get credit.",
            ["One, demand", "two, people"],
        ),
        (
            "I would just, one, commend you for your efforts, and, two, say that you hit on "
            "an important point.",
            ["one, commend", "two, say"],
        ),
    ],
)
def test_spoken_numbers_set_off_inside_a_sentence(answer: str, starts: list[str]) -> None:
    found = listed(answer)
    assert [ordinal for ordinal, _ in found] == [1, 2]
    assert all(text.startswith(start) for (_, text), start in zip(found, starts, strict=True))


def test_a_question_that_is_an_item_still_counts() -> None:
    answer = (
        "The first question is, should the Fed regulate? I think so. The second issue "
        "is, could that harm its independence? There is some danger."
    )
    assert [ordinal for ordinal, _ in listed(answer)] == [1, 2]


def test_an_item_named_after_its_content() -> None:
    answer = "Nauru has not signed — that's the first. Second, we told them so."
    assert listed(answer) == [
        (1, "Nauru has not signed — that's the first."),
        (2, "Second, we told them so."),
    ]


def test_no_list_runs_over_another_speakers_statement() -> None:
    text = (
        "Gerry Hanley: The first step really needs to be an assessment of where we are.\n"
        "Tracy Mitrano: A policy matters. The second thing I would say about policy is that "
        "there are two types.\n"
        "Q: What next?\nA: We wait.\n"
    )
    assert build_outline(text).intro_measures == ()


def test_no_break_spaces_between_sentences_do_not_hide_a_list() -> None:
    answer = "Two areas matter.\u00a0 The first is security.\u00a0 The second is trade."
    assert listed(answer) == [(1, "The first is security."), (2, "The second is trade.")]


def test_hedged_ordinals_mark_items_when_the_list_goes_on() -> None:
    """Speech softens its ordinals ("kind of the first step", "I think the first thing
    is"): they mark items as the plain ones do, at a sentence start or closing it."""
    opening = (
        "So kind of the first step is choosing the deployment method. Then sort of the "
        "second step is trying the demo server. And the third step is connecting your shop."
    )
    assert listed(opening) == [
        (1, "So kind of the first step is choosing the deployment method."),
        (2, "Then sort of the second step is trying the demo server."),
        (3, "And the third step is connecting your shop."),
    ]
    closing = (
        "The local disk holds the main copy. The USB drive is there if it dies, so that's "
        "kind of the first fallback. The cloud copy takes a day to restore, and that's sort "
        "of the second fallback."
    )
    assert listed(closing) == [
        (1, "The USB drive is there if it dies, so that's kind of the first fallback."),
        (2, "The cloud copy takes a day to restore, and that's sort of the second fallback."),
    ]
    opinions = "I think the first thing is the feed. And I guess the second thing is the weather."
    assert listed(opinions) == [
        (1, "I think the first thing is the feed."),
        (2, "And I guess the second thing is the weather."),
    ]


def test_a_spoken_number_after_because_gives_the_first_reason() -> None:
    answer = (
        "Stories work, because one, they pull in emotion. Two, they help us relate to "
        "others. And three, they improve memory."
    )
    assert [ordinal for ordinal, _ in listed(answer)] == [1, 2, 3]
    assert listed(answer)[0][1] == "Stories work, because one, they pull in emotion."
    assert listed("I left because one day the mill closed. Two of us stayed.") == []


def test_a_hedged_list_in_a_real_podcast_is_read() -> None:
    """Practical AI #224 (Changelog, CC BY-SA): "Probably the first component is ...",
    "And then the second component of this is ...", "And then I think the next part to
    this is ..." - a hedged first, a second, and a hedged next on the list of two."""
    podcast = load_interview(TRANSCRIPTS / "podcast_practical_ai_224_llama_index_2023.md")
    excites = podcast.outline.questions[-1]
    assert [(m.ordinal, " ".join(m.text.split()[:5])) for m in excites.measures] == [
        (1, "Probably the first component is"),
        (2, "And then the second component"),
        (3, "And then I think the"),
    ]
    softened_next = (
        "The first thing is the store. Then the second thing is the cache. "
        "And then I think the next part is the browser."
    )
    assert [ordinal for ordinal, _ in listed(softened_next)] == [1, 2, 3]


def test_a_first_that_a_third_follows_was_the_second_counted_loosely() -> None:
    """Speech counts loosely: "The first thing is ... kind of the first fallback is ...
    the third thing is": the second "first" was the second item, as the third shows. Two
    firsts with no third after them stay a list started over."""
    answer = (
        "The first thing is the event store itself. It answers in milliseconds. "
        "And so kind of the first fallback for me would be a read model in the database. "
        "And then I guess the third thing is pushing updates down to the browser."
    )
    assert [ordinal for ordinal, _ in listed(answer)] == [1, 2, 3]
    assert listed(answer)[1][1].startswith("And so kind of the first fallback")
    restarted = (
        "First of all, the store is fast. It answers in milliseconds. First of all, the "
        "read model is simple. Second, it is cheap to rebuild."
    )
    assert listed(restarted) == [
        (1, "First of all, the read model is simple."),
        (2, "Second, it is cheap to rebuild."),
    ]
    # only sentences that name their items are counted loosely: not spoken numbers
    bingo = "One, three and five are still out there. One, two. Three, and you have four."
    assert listed(bingo) == []


def test_a_hedged_first_alone_or_of_times_marks_nothing() -> None:
    """No second follows, or the ordinal counts times: prose, not a list (the first is
    from a real podcast, podcast_stephan_livera_92_btcpay_2019)."""
    for answer in (
        "We try to give calls to action. So we have choosing the deployment method. "
        "That's kind of the first step. Once you're ready you can try the demo.",
        "It was kind of the first time I had seen snow. The second time was in Oslo.",
        "I sort of liked the first album. I think the second one is weaker, honestly.",
        # a hedged first opens a list only when a second ordinal follows it
        "You know, the first step is, you know, just start to take a look at it. Another "
        "really great book, if you're interested, is the one on data pipelines.",
        # a hedge softens an ordinal only: "I think the next ..." goes on no list
        "The first lab I joined was a neuroscience lab. I think the next big leap is "
        "going to be adding more cognition to that progress.",
    ):
        assert listed(answer) == [], answer
    podcast = load_interview(TRANSCRIPTS / "podcast_stephan_livera_92_btcpay_2019.md")
    calls = next(q for q in podcast.outline.questions if "new merchant" in q.text)
    assert calls.measures == ()


def test_a_list_before_any_question_is_kept_with_the_intro() -> None:
    text = (
        "OFFICIAL: Thanks. There are three parts. The first is roads. The second is ports. "
        "The third is rail.\n"
        "Q: How much does it cost?\n"
        "A: A lot.\n"
    )
    outline = build_outline(text)
    assert [(m.ordinal, m.text) for m in outline.intro_measures] == [
        (1, "The first is roads."),
        (2, "The second is ports."),
        (3, "The third is rail."),
    ]
    assert outline.questions[0].measures == ()
    for measure in outline.intro_measures:
        assert text[measure.start : measure.end].startswith(measure.text)


@pytest.mark.parametrize(
    "name",
    [
        "wh_background_press_call_2021-03-30",
        "wh_joint_press_conference_2023-06-08",
        "wh_press_call_lead_pipes_2024-10-08",
        "us_house_hearing_bernanke_2006-02-15",
        "us_house_hearing_fed_independence_2009-07-09",
        "wh_press_briefing_fauci_jha_2022-11-22",
        "wh_press_gaggle_sullivan_2021-10-28",
        "vtt_talkpython_386_h2o_wave_2022",
        "wh_press_briefing_deese_2021-04-26",
        "wh_press_gaggle_kirby_2024-04-08",
        "vtt_talkpython_548_event_sourcing",  # hedged, and a second item counted "first"
        "podcast_practical_ai_224_llama_index_2023",  # "because one, ...", hedged ordinals
    ],
)
def test_real_transcripts_measures_match_their_gold(name: str) -> None:
    gold = gold_from_dict(json.loads((TRANSCRIPTS / f"{name}.gold.json").read_text("utf-8")))
    outline = outline_dict(load_interview(TRANSCRIPTS / gold.file))
    score = score_outline(gold, outline).measures
    assert (score.gold, score.found, score.matched) == (len(gold.measures),) * 3


STATEMENT_UNDER_A_TITLE = (
    "OPENING STATEMENT OF DR. JANE ROE\n\n"
    "Dr. Roe: Thank you. I have three concerns. The first is cost. The second is time. "
    "The third is staff.\n\n"
    "QUESTIONS FROM THE COMMITTEE\n\n"
    "Q: What would you cut?\nA: Travel, first of all, and then the second office.\n"
)


def test_a_statement_under_its_title_lists_its_measures_in_its_section() -> None:
    outline = build_outline(STATEMENT_UNDER_A_TITLE)
    opening, questions = outline.sections
    assert opening.heading == "OPENING STATEMENT OF DR. JANE ROE"
    assert [(m.ordinal, m.text) for m in opening.measures] == [
        (1, "The first is cost."),
        (2, "The second is time."),
        (3, "The third is staff."),
    ]
    assert opening.questions == () and questions.measures == ()
    assert [m.text for m in outline.measures] == [m.text for m in opening.measures]
    for measure in opening.measures:
        assert STATEMENT_UNDER_A_TITLE[measure.start : measure.end].startswith(measure.text)


def test_gloss_outline_shows_a_sections_measures_under_its_heading(tmp_path: Path) -> None:
    path = tmp_path / "hearing.txt"
    path.write_text(STATEMENT_UNDER_A_TITLE, encoding="utf-8")
    shown = run_gloss("outline", str(path))
    assert shown.returncode == 0, shown.stderr
    assert (
        "  OPENING STATEMENT OF DR. JANE ROE\n        1. The first is cost.\n"
        "        2. The second is time.\n        3. The third is staff.\n"
    ) in shown.stdout
    data = json.loads(run_gloss("outline", "--json", str(path)).stdout)
    assert [m["ordinal"] for m in data["sections"][0]["measures"]] == [1, 2, 3]


def test_gloss_outline_lists_the_measures_before_the_questions(tmp_path: Path) -> None:
    path = tmp_path / "opening.txt"
    path.write_text(
        "OFFICIAL: Thanks. There are three parts. The first is roads. The second is ports. "
        "The third is rail.\nQ: How much does it cost?\nA: A lot.\n",
        encoding="utf-8",
    )
    shown = run_gloss("outline", str(path))
    assert shown.returncode == 0, shown.stderr
    assert (
        "  (before the questions)\n        1. The first is roads.\n"
        "        2. The second is ports.\n        3. The third is rail.\n\n  (no heading)\n"
    ) in shown.stdout
    data = json.loads(run_gloss("outline", "--json", str(path)).stdout)
    clean = run_gloss("clean", str(path)).stdout
    listed = [(m["ordinal"], clean[m["start"] : m["end"]].strip()) for m in data["intro_measures"]]
    assert listed == [
        (1, "The first is roads."),
        (2, "The second is ports."),
        (3, "The third is rail."),
    ]
