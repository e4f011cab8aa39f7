"""Who asks when the labels carry no role word, or one that misleads (issue 11, item 2).

Coded research labels (``R1:``, ``P4:``, ``S5:``), generic speaker ids (``Speaker 2``,
``SPEAKER_00``), two respondents with one interviewer, a focus group's moderator, and a
call's moderator who only gives the floor: what decides is who puts the questions and who
answers them at length, never the names.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus import build_outline, load_interview


def test_a_call_moderator_who_only_gives_the_floor_is_no_asker() -> None:
    text = (
        "MODERATOR: Thank you. Our first question goes to Ann Vale with the Ledger.\n\n"
        "Q: Thanks. Can you hear me?\n\n"
        "MODERATOR: We can.\n\n"
        "Q: Great. How many families are still without water in the valley?\n\n"
        "MR. HOLT: About two hundred, and tankers reach them twice a day until the main "
        "is repaired, which we expect by Friday. The crews have worked through the night "
        "on the valve that failed, and the county has opened two more filling points at "
        "the schools for anyone who can carry water home.\n\n"
        "MODERATOR: Thank you. Our next question goes to Raj Patel with Radio East.\n\n"
        "Q: Who pays for the tankers?\n\n"
        "MR. HOLT: The state does, from the emergency fund, and the county repays half "
        "once the federal money arrives, which in the last flood took about a year.\n"
    )
    outline = build_outline(text)
    assert outline.askers == ("Q",)
    assert [q.text for q in outline.questions] == [
        "Great. How many families are still without water in the valley?",
        "Who pays for the tankers?",
    ]


def test_two_hosts_who_hand_over_to_each_other_both_ask() -> None:
    # Each host gives the word to the other once, but both put questions the guest answers.
    text = (
        "HOST 1: Welcome back. My co-host has the first one.\n\n"
        "HOST 2: Thanks. Mira, why did you leave the lab for the field?\n\n"
        "MIRA: Because the birds were out there, not in the lab, and the questions I cared "
        "about needed years of watching the same nests.\n\n"
        "HOST 2: Over to you.\n\n"
        "HOST 1: And what did the first season teach you?\n\n"
        "MIRA: Patience, mostly, and to write everything down the same evening.\n"
    )
    assert set(build_outline(text).askers) == {"HOST 1", "HOST 2"}


def test_a_research_code_that_usually_answers_asks_when_the_document_says_so() -> None:
    # R1 is the researcher here, P4 the participant: neither code decides, the turns do.
    text = (
        "R1: How long have you worked on the ward?\n"
        "P4: About six years now, mostly nights.\n"
        "R1: What is hardest about nights?\n"
        "P4: The handover. Nobody reads the notes.\n"
    )
    outline = build_outline(text)
    assert outline.askers == ("R1",)
    assert [(q.text, q.answerer) for q in outline.questions] == [
        ("How long have you worked on the ward?", "P4"),
        ("What is hardest about nights?", "P4"),
    ]


@pytest.mark.parametrize(
    ("asker", "answerer"),
    [
        ("I", "R"),
        ("R", "I"),
        ("Int", "Resp"),
        ("S5", "S6"),
        ("AB", "CD"),
        ("Student A", "Student B"),
        ("Speaker 2", "Speaker 1"),
        ("SPEAKER_01", "SPEAKER_00"),
    ],
)
def test_coded_and_numbered_labels_the_one_who_puts_the_questions_asks(
    asker: str, answerer: str
) -> None:
    # The answerer speaks first (a recording that starts mid-greeting) and once asks a
    # rhetorical question of their own; the asker's turns are short and put questions.
    text = (
        f"{answerer}: Sure, happy to be here, thanks for having me.\n"
        f"{asker}: So tell us what you work on.\n"
        f"{answerer}: I build the scheduler for the data team, mostly batch jobs that run "
        "at night and feed the reports.\n"
        f"{asker}: What breaks most often?\n"
        f"{answerer}: Upstream schemas. Someone renames a column and nobody tells us. Who "
        "would? Every month, like clockwork.\n"
        f"{asker}: How do you catch it?\n"
        f"{answerer}: Contracts, now, checked before anything runs.\n"
    )
    outline = build_outline(text)
    assert outline.askers == (asker,)
    assert [q.text for q in outline.questions] == [
        "So tell us what you work on.",
        "What breaks most often?",
        "How do you catch it?",
    ]


def test_two_respondents_answering_one_interviewer_both_answer() -> None:
    # The husband closes two answers with a question of his own; the interviewer's next
    # question passes over one, and the other is his wife's cue to go on.
    text = (
        "Ana: Thanks for having us both. So how did the two of you meet?\n"
        "Ben: At the cannery, in 1962. She ran the line and I fixed the machines. Can you "
        "imagine? A fitter and a forewoman.\n"
        "Cal: He broke the line on purpose to talk to me, I'm sure of it. Every Friday, the "
        "same belt.\n"
        "Ana: And when did you marry?\n"
        "Cal: Two years later, in the spring, at the chapel by the harbour.\n"
        "Ben: It rained all day. What else would it do in April?\n"
        "Ana: Where did you live then?\n"
        "Ben: Above the bakery on Mill Street, for nine years, until the children came.\n"
        "Cal: It was warm in winter, from the ovens.\n"
    )
    outline = build_outline(text)
    assert outline.askers == ("Ana",)
    assert [q.asker for q in outline.questions] == ["Ana", "Ana", "Ana"]


@pytest.mark.parametrize(
    "labels",
    [("Moira", "Dev", "Sal", "Kim"), ("F", "P1", "P2", "P3")],
    ids=["names", "codes"],
)
def test_a_focus_groups_moderator_asks_and_a_participant_who_asks_the_others_does_not(
    labels: tuple[str, str, str, str],
) -> None:
    m, a, b, c = labels
    text = (
        f"{m}: Welcome, everyone. Let's start with the bus route. What do you think of it?\n"
        f"{a}: It's slower for me. I live at the end of the line and it now goes round the "
        "estate first, so it adds ten minutes.\n"
        f"{b}: I like it, honestly. It stops right by the school, which it never did before.\n"
        f"{c}: Slower too. But I can see why they did it.\n"
        f"{m}: And what about the fares?\n"
        f"{b}: Too high for a single trip. Did anyone else notice the day ticket went up too?\n"
        f"{a}: Yes, by forty pence.\n"
        f"{c}: The weekly pass is still fair, though, if you travel every day like I do.\n"
        f"{m}: What one thing would you change?\n"
        f"{c}: More buses in the evening, definitely, after seven there is nothing.\n"
        f"{a}: Evening buses, yes.\n"
        f"{b}: A shelter at the school stop, because the children wait in the rain.\n"
    )
    outline = build_outline(text)
    assert outline.askers == (m,)
    assert len(outline.questions) == 3


def test_a_meeting_exports_numbered_voices_the_one_who_asks_whichever_number() -> None:
    text = (
        "Speaker 1: Hi, I'm on, can you hear me?\n"
        "Speaker 2: Yes, loud and clear.\n"
        "Speaker 3: Great, thanks both for joining. Could you each say what you do?\n"
        "Speaker 1: I run the data pipeline, mostly ingestion and the nightly jobs that "
        "feed the dashboards for the sales team.\n"
        "Speaker 2: I'm the analyst, so I build the dashboards and answer the ad hoc "
        "questions from the managers.\n"
        "Speaker 3: What is the biggest problem you face?\n"
        "Speaker 1: Late data. The upstream systems change without warning and the jobs "
        "fail at night.\n"
        "Speaker 2: Same for me: when the data is late I have nothing to show on Monday "
        "morning, you know?\n"
        "Speaker 3: How do you find out?\n"
        "Speaker 2: Usually the managers tell us, which is the worst way.\n"
        "Speaker 1: Yes, we have no alerts on the freshness yet.\n"
    )
    assert build_outline(text).askers == ("Speaker 3",)


def test_an_interviewee_who_asks_one_rhetorical_question_is_not_the_asker() -> None:
    text = (
        "KL: Let's begin with your childhood in the valley.\n"
        "MN: I was born in 1940 in the mill house. We had no electricity until 1952.\n"
        "KL: Tell me about the mill.\n"
        "MN: It ground oats for the whole valley. Did it make money? Never much.\n"
        "KL: And school?\n"
        "MN: A one-room school, two miles walk each way.\n"
    )
    outline = build_outline(text)
    assert outline.askers == ("KL",)
    assert all(q.answerer == "MN" for q in outline.questions)


def test_the_users_choice_wins_over_the_document() -> None:
    text = "R1: How long have you worked here?\nP4: Six years.\nR1: And before?\nP4: School.\n"
    assert build_outline(text, askers=["P4"]).askers == ("P4",)


def test_a_markdown_heading_shaped_like_a_label_titles_a_section_and_asks_nothing(
    tmp_path: Path,
) -> None:
    # A research interview's guide blocks as headings: 'Block 2: ...' is no speaker, so it
    # is no asker either (the interviewer speaks after each, which made them look asked).
    blocks = []
    for number, topic in enumerate(["Background", "Timeline (When?)", "Methods (How?)"], 1):
        blocks.append(
            f"### Block {number}: {topic}\n\n"
            f"I: Now block {number}. How did that part go for you?\n\n"
            "P: Slowly at first, and then it was easy once I had the data.\n\n"
            "I: Ok. And what would you change?\n\n"
            "P: Nothing much. Can you repeat that?\n\n"
            "I: What would you change?\n\n"
            "P: Nothing.\n"
        )
    path = tmp_path / "interview.md"
    path.write_text("\n".join(blocks), encoding="utf-8")
    outline = load_interview(path).outline
    assert outline.speakers == ("I", "P")
    assert outline.askers == ("I",)
    assert [s.heading for s in outline.sections] == [
        "Block 1: Background",
        "Block 2: Timeline (When?)",
        "Block 3: Methods (How?)",
    ]


def test_a_panels_moderator_who_speaks_after_each_panellist_asks() -> None:
    # The moderator follows every panellist, as a press conference's answerer follows
    # every reporter, but to put the next question; one panellist asks him something back
    # and another closes an answer on a quoted question.
    text = (
        "Mara Lind: To start, a quick round of introductions, and why you work on the "
        "compiler.\n\n"
        "Ode Park: I'm Ode. I came for the type checker and stayed for the people, after "
        "ten years of writing tools that nobody maintained once the grant ran out.\n\n"
        "Sami Roy: I'm Sami. I maintain the optimiser, mostly the inliner, and I review "
        "most of what touches it, which is a lot of code every week.\n\n"
        "Lee Tran: I'm Lee, I work on the standard library and the release process, which "
        "means I am the one who gets the angry emails when something breaks.\n\n"
        "Mara Lind: What should we do about all the feature proposals?\n\n"
        "Sami Roy: Fewer at once. Every release that ships three big features ships three "
        "sets of bugs. So what would you do about them?\n\n"
        "Mara Lind: I'm only an observer, but I'd batch them. Lee, do you have opinions?\n\n"
        "Lee Tran: Some. People keep asking us: is there a plan for that? Usually there is "
        "one, written down in an issue nobody reads.\n\n"
        "Mara Lind: Where should people take these conversations, then?\n\n"
        "Ode Park: To the mailing list, where the decisions are written down and stay.\n"
    )
    outline = build_outline(text)
    assert outline.askers == ("Mara Lind",)
    assert "Where should people take these conversations, then?" in [
        q.text for q in outline.questions
    ]


def test_two_co_hosts_talking_with_each_other_neither_asks() -> None:
    # A news podcast: each host brings a story and talks at length; one question between
    # them is an aside, not an interview.
    text = (
        "Ann Kay: Welcome to the show, episode 90. This week is sponsored by our own "
        "courses, so check them out. And with that, over to you for the first item.\n\n"
        "Bo Lund: Thanks. My first item is the new release of the packaging tool, which "
        "finally reads the lock file directly. It is faster, much faster, and it no longer "
        "needs the network for a build it has seen before. That alone saves our CI a lot.\n\n"
        "Ann Kay: That is great news for anyone with a slow build. I moved two projects to "
        "it last week and the install step went from a minute to seconds. The docs are "
        "still thin, though, and the error messages could be kinder. Did you try it on "
        "Windows yet?\n\n"
        "Bo Lund: Not yet. My second item is a talk about testing with property-based "
        "tools. The speaker showed how a few lines of strategy code found bugs that years "
        "of hand-written tests missed. Why is that? Because people test what they expect. "
        "What else would they test? The tool tests what nobody thought of.\n\n"
        "Ann Kay: I love that talk. I used the same library for a parser, and it found an "
        "off-by-one error in the first minute, which was humbling. My next item is about "
        "type checkers getting faster. The new one is written in a compiled language. It "
        "checks our whole code base in under a second. The old one took a minute. It also "
        "reports fewer false alarms. Everyone will enjoy that.\n"
    )
    assert build_outline(text).askers == ()
