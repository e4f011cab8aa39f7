"""Transcripts without speaker labels: caption lines, subtitle cues without voices, plain
paragraphs and written Q&A give their questions, and an answer's own questions stay in it."""

from __future__ import annotations

from pathlib import Path

from corpus import build_outline, load_interview
from corpus.model import Outline

TRANSCRIPTS = Path(__file__).parent / "transcripts"

CAPTIONS = """\
00:00:00 Welcome to the show. This week I talk with Ana Ruiz about databases.

00:00:05 Ana, welcome to the show.

00:00:07 Thanks for having me.

00:00:09 Okay, so before we get into the details, tell me how you got started

00:00:13 with programming. What's your story?

00:00:15 Well, I started on my father's old computer when I was about ten. He had a

00:00:21 shelf of manuals and I read them all. Why would anyone read manuals for fun?

00:00:26 Because there was nothing else to do in our village in the winter, and the

00:00:31 machine was the most interesting thing in the house.

00:00:34 Interesting. So you taught yourself. Did you release any of those early

00:00:38 programs?

00:00:40 Only to friends at school. We swapped them on floppy disks.

00:00:44 And some of them are still in a box in my mother's attic, I think.

00:00:48 That's amazing. Was the database work later, then, or did you start on it early?

00:00:53 Much later. I only met a real database at my first job, at an insurance firm,

00:00:58 where everything was stored in one enormous table nobody dared to touch.
"""


def _questions(outline: Outline) -> list[str]:
    return [question.text for question in outline.questions]


def _answer(text: str, outline: Outline, index: int) -> str:
    answer = outline.questions[index].answer
    return text[answer.start : answer.end]


def test_caption_lines_without_names_give_the_hosts_questions() -> None:
    outline = build_outline(CAPTIONS)
    questions = _questions(outline)
    assert [q[:30] for q in questions] == [
        "Okay, so before we get into th",
        "Interesting. So you taught you",
        "That's amazing. Was the databa",
    ]
    # A question runs over the caption lines it spans, without their timestamps.
    assert questions[0].endswith("tell me how you got started with programming. What's your story?")
    assert questions[1].endswith("Did you release any of those early programs?")


def test_a_rhetorical_question_inside_an_answer_does_not_split_it() -> None:
    outline = build_outline(CAPTIONS)
    answer = _answer(CAPTIONS, outline, 0)
    assert answer.startswith("Well, I started on my father's old computer")
    assert "Why would anyone read manuals for fun?" in answer
    assert answer.rstrip().endswith("the most interesting thing in the house.")


def test_an_answer_goes_on_past_a_continuation_line() -> None:
    outline = build_outline(CAPTIONS)
    assert "still in a box in my mother's attic" in _answer(CAPTIONS, outline, 1)


PARAGRAPHS = "\n\n".join(
    [
        "How did the project begin?",
        "It began as a weekend experiment. I wanted a tool that could read my own notes back "
        "to me, and nothing I found did it the way I wanted.",
        "What was the hardest part of the first year?",
        "Finding people. Everyone was busy with their own work. Why would they help a "
        "stranger? In the end a few did, mostly because they had the same itch.",
        "And where do you see it going now?",
        "Slowly towards a stable release. We are not in a hurry, and the users seem to like that.",
    ]
)


def test_plain_paragraphs_alternating_question_and_answer() -> None:
    outline = build_outline(PARAGRAPHS)
    assert _questions(outline) == [
        "How did the project begin?",
        "What was the hardest part of the first year?",
        "And where do you see it going now?",
    ]
    assert "Why would they help a stranger?" in _answer(PARAGRAPHS, outline, 1)
    assert not outline.speakers


def test_a_paragraph_asking_the_reader_inside_an_answer_is_no_question() -> None:
    text = PARAGRAPHS.replace(
        "It began as a weekend experiment.",
        "It began as a weekend experiment.\n\nBut now I'm curious: what would you have done?\n\n",
    )
    assert len(build_outline(text).questions) == 3


def test_an_essay_with_one_question_is_not_an_interview() -> None:
    text = (
        "The river has shaped the town for centuries. Mills stood on both banks.\n\n"
        "Why did the mills close?\n\n"
        "Cheaper power from the coal fields made them slow and costly by comparison.\n"
    )
    assert build_outline(text).questions == ()


WRITTEN = """\
---
title: "A Conversation with Jane Roe"
author: staff
tags: [bridges, engineering]
---

Jane Roe has built bridges on three continents. We talked in her studio in Leeds.

## Early years

### Where did you grow up?

In a mining town in the north. My father worked the pits and my mother taught at the
village school, so there was always a book somewhere in the house.

### What made you want to build things?

Watching the pit head. I used to sit on the wall and wonder how the wheel stayed up.

## Work

### Tell us about the first commission.

It came by accident, mostly. A friend of a friend needed a footbridge over a beck and
nobody else would take the job for what they could pay.
"""


def test_written_questions_as_headings_and_front_matter_as_metadata(tmp_path: Path) -> None:
    path = tmp_path / "roe.md"
    path.write_text(WRITTEN, encoding="utf-8")
    interview = load_interview(path)
    outline = interview.outline
    assert outline.title == "A Conversation with Jane Roe"
    assert "author" not in interview.text and "tags" not in interview.text
    assert not outline.speakers  # front matter keys are no speakers
    assert [s.heading for s in outline.sections] == ["Early years", "Work"]
    assert _questions(outline) == [
        "Where did you grow up?",
        "What made you want to build things?",
        "Tell us about the first commission.",
    ]
    assert _answer(interview.text, outline, 0).startswith("In a mining town")


def test_toml_front_matter_and_a_thematic_break_over_prose(tmp_path: Path) -> None:
    toml = tmp_path / "toml.md"
    toml.write_text('+++\ntitle = "Talking Bridges"\ndraft = false\n+++\n\nText.\n', "utf-8")
    assert load_interview(toml).text.split() == ["Talking", "Bridges", "Text."]
    rule = tmp_path / "rule.md"
    rule.write_text("---\nJust a rule over a paragraph.\n---\n", encoding="utf-8")
    assert "Just a rule over a paragraph." in load_interview(rule).text


def test_subtitle_cues_without_voices_keep_a_line_each_and_give_questions(
    tmp_path: Path,
) -> None:
    cues = [
        "Hello and welcome back to the programme.",
        "Today I'm with the engineer Jane Roe.",
        "Jane, thanks for coming in.",
        "Thanks for having me.",
        "Okay, great.",
        "So what got you into bridges in the first place?",
        "Watching the pit head as a child, mostly.",
        "I used to sit on the wall and wonder how the wheel stayed up.",
        "How does a wheel that size stay up?",
        "Nobody in the village could tell me.",
        "Interesting.",
        "And was your family happy with that choice?",
        "My father was, my mother less so.",
        "She wanted me to teach, like her.",
        "In the end she came to the opening of my first bridge",
        "and stood on it for an hour.",
        "Right.",
        "That's lovely. What was your first bridge, then?",
        "A footbridge over a beck, for a farmer who could hardly pay.",
        "Nobody else would take the job, so I did it for the price of the steel.",
    ]
    lines = ["WEBVTT", ""]
    for number, cue in enumerate(cues):
        lines += [f"00:00:{2 * number:02d}.000 --> 00:00:{2 * number + 2:02d}.000", cue, ""]
    path = tmp_path / "roe.vtt"
    path.write_text("\n".join(lines), encoding="utf-8")
    interview = load_interview(path)
    assert interview.text.splitlines()[:2] == cues[:2]  # a line per cue, no times
    assert [q.text for q in interview.outline.questions] == [
        "Okay, great. So what got you into bridges in the first place?",
        "Interesting. And was your family happy with that choice?",
        "That's lovely. What was your first bridge, then?",
    ]
    assert interview.times[1][0] == interview.text.index("Today I'm with")


def test_the_same_label_twice_in_a_row_is_one_turn() -> None:
    text = (
        "Interviewer: Thank you for coming in. Could you start with how you came to the mill?\n\n"
        "Interviewer: I mean, what brought you there in the first place?\n\n"
        "Respondent: My uncle worked there. He got me taken on as a sweeper at fifteen.\n\n"
        "Respondent: It was hard work, but the people were good.\n\n"
        "Interviewer: What changed when the new owners came in?\n\n"
        "Respondent: Everything. They brought in the shift system.\n"
    )
    outline = build_outline(text)
    assert _questions(outline) == [
        "Thank you for coming in. Could you start with how you came to the mill? "
        "I mean, what brought you there in the first place?",  # the second label left out
        "What changed when the new owners came in?",
    ]
    first = _answer(text, outline, 0)
    assert first.startswith("My uncle worked there.") and first.endswith("people were good.")


def test_reporters_sharing_one_label_in_a_row_ask_apart() -> None:
    text = (
        "MS. LEE: Good afternoon. I have one announcement and then questions.\n\n"
        "Q: Will the bridge open on time?\n\n"
        "Q: And what will it cost in the end?\n\n"
        "MS. LEE: It opens in May, and the cost is fifty-two million.\n\n"
        "Q: Who pays the overrun?\n\n"
        "MS. LEE: The contractor, under the terms we signed.\n"
    )
    questions = _questions(build_outline(text))
    assert "Who pays the overrun?" in questions
    assert "And what will it cost in the end?" in questions


def test_the_real_unlabelled_transcripts() -> None:
    written = load_interview(TRANSCRIPTS / "written_usesthis_aaron_swartz_2009.md")
    assert written.outline.title == "Aaron Swartz"
    hardware = written.outline.questions[1]
    assert hardware.text == "What hardware do you use?"
    answer = written.text[hardware.answer.start : hardware.answer.end]
    assert "what is the argument for more screen real estate?" in answer
    assert "macbook-pro]:" not in written.text  # link reference definitions are not text
    captions = load_interview(TRANSCRIPTS / "vtt_talkpython_089_chief_data_scientist_2017.vtt")
    texts = [q.text for q in captions.outline.questions]
    assert not any("So why do we need a chief data scientist?" in t for t in texts)
    assert not any(t.startswith("Yeah. So the easiest way") for t in texts)
    # A statement the reply confirms ("..., right?" - "That's right. He's the first ...").
    assert any(
        t.endswith("the first chief data scientist in the United States, right?") for t in texts
    )


def test_alternating_paragraphs_make_the_askers_statements_questions() -> None:
    text = "\n\n".join(
        [
            "Where did you grow up?",
            "In a fishing village on the coast. My father mended nets for the whole harbour.",
            "Did you go to school there?",
            "Until I was twelve, then in the town, an hour away by bus every morning.",
            "I read that your first telescope was one you built yourself from a kit.",
            "It was. A neighbour gave me the kit and I spent a whole winter grinding the mirror.",
            "Wow, indeed!",
            "The first night I saw Saturn's rings I did not sleep at all.",
            "And when did you decide to study physics?",
            "In my last year at school, when a teacher lent me her university books.",
        ]
    )
    assert _questions(build_outline(text)) == [
        "Where did you grow up?",
        "Did you go to school there?",
        "I read that your first telescope was one you built yourself from a kit.",
        "And when did you decide to study physics?",
    ]


def test_questions_without_labels_before_labelled_answers() -> None:
    text = "\n\n".join(
        [
            "Two engineers lead the bridge programme. We asked them about their work.",
            "How would you describe your job to a friend?",
            "Ana Ruiz: I decide which bridges we inspect first and what we repair.",
            "Tom Berg: I make sure the crews have what they need on the day.",
            "What surprised you most in your first year?",
            "Ana Ruiz: How old some of the bridges are. One was built in 1820.",
            "Tom Berg: The weather. We lose a third of our days to rain.",
            "What would you tell someone starting out?",
            "Ana Ruiz: Walk the bridges yourself. The reports never say everything.",
            "Tom Berg: Ask the crews. They know more than the drawings.",
        ]
    )
    outline = build_outline(text)
    assert outline.askers == ()
    assert set(outline.speakers) == {"Ana Ruiz", "Tom Berg"}
    assert _questions(outline) == [
        "How would you describe your job to a friend?",
        "What surprised you most in your first year?",
        "What would you tell someone starting out?",
    ]
    assert [q.answerer for q in outline.questions] == ["Ana Ruiz"] * 3
    assert _answer(text, outline, 0).endswith("what they need on the day.")


def test_a_labelled_askers_question_in_its_own_paragraph_stays_theirs() -> None:
    text = "\n\n".join(
        [
            "Counsel: You joined the department in 2018.",
            "Is that correct?",
            "Ms Lee: It is.",
            "Counsel: And you led the team of advisers from 2020.",
            "Is that right?",
            "Ms Lee: Yes, from the spring of 2020.",
            "Counsel: Thank you. Who did you report to?",
            "Ms Lee: To the permanent secretary.",
        ]
    )
    outline = build_outline(text)
    assert outline.askers == ("Counsel",)
    assert [q.asker for q in outline.questions] == ["Counsel"] * 3
