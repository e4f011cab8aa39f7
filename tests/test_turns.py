"""Speaker turns read from the document: one test per labelling convention (issue 11).

Each snippet is written for its test in the convention named; the real transcripts in
``tests/transcripts`` are read at the end, their speakers and askers against the gold.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.bench_outline import TRANSCRIPTS, read_gold, transcript_of
from corpus import Outline, build_outline, load_interview


def said(text: str, outline: Outline) -> list[tuple[str, str]]:
    """Every turn as (speaker, its words with whitespace collapsed)."""
    return [(t.speaker, " ".join(text[t.start : t.end].split())) for t in outline.turns]


def asked(text: str, outline: Outline) -> list[tuple[str, str]]:
    return [(q.asker, q.text) for q in outline.questions]


def test_capitals_with_a_colon_and_q_followed_by_spaces_in_hard_wrapped_text() -> None:
    # A White House briefing: "MS. PSAKI:" and "Q" with spaces (some non-breaking), no
    # colon, wrapped at 72 columns.
    text = (
        "MS. PSAKI:  Hi, everyone.  I have a couple of items for you at the top before\n"
        "we get to your questions today, so bear with me for a moment or two.\n"
        "\n"
        "Q \u00a0  What is the plan for the rest of the week, and will the President\n"
        "travel to the border as the governors have asked him to do?\n"
        "\n"
        "MS. PSAKI:  He will travel on Thursday.  We will have more details for you\n"
        "later in the week when the schedule is final.\n"
        "\n"
        "Q    Thank you, Jen.\n"
        "\n"
        "MS. PSAKI:  Thanks, everyone.\n"
    )
    outline = build_outline(text)
    assert outline.speakers == ("MS. PSAKI", "Q")
    assert outline.askers == ("Q",)
    assert asked(text, outline) == [
        (
            "Q",
            "What is the plan for the rest of the week, and will the President travel to "
            "the border as the governors have asked him to do?",
        )
    ]
    question = outline.questions[0]
    assert question.answerer == "MS. PSAKI"
    assert text[question.answer.start : question.answer.end].startswith("He will travel")
    assert said(text, outline)[3] == ("Q", "Thank you, Jen.")  # a turn, not a question


def test_capitals_and_a_full_stop_with_reporters_who_speak_once() -> None:
    # A central bank's press conference: "NAME." labels; a moderator gives the floor and
    # each reporter has a label of their own, used once or twice.
    text = (
        "CHAIR POWELL. Good afternoon. Today we left our policy rate unchanged.\n"
        "MICHELLE SMITH. Howard.\n"
        "HOWARD SCHNEIDER. Howard Schneider with Reuters. How much of the slowdown is tariffs?\n"
        "CHAIR POWELL. It is hard to say how much; some of it is.\n"
        "MICHELLE SMITH. Colby.\n"
        "COLBY SMITH. Thank you. Colby Smith with the Times. Is a recession likely?\n"
        "CHAIR POWELL. No, the forecasters put it at about one in four.\n"
        "MICHELLE SMITH. Nick.\n"
        "NICK TIMIRAOS. Nick Timiraos of the Journal. Will you slow the runoff again?\n"
        "CHAIR POWELL. We have no plans to.\n"
    )
    outline = build_outline(text)
    assert set(outline.speakers) == {
        "CHAIR POWELL",
        "MICHELLE SMITH",
        "HOWARD SCHNEIDER",
        "COLBY SMITH",
        "NICK TIMIRAOS",
    }
    assert outline.askers == ("HOWARD SCHNEIDER", "COLBY SMITH", "NICK TIMIRAOS")
    assert [q.text.split(".")[0] for q in outline.questions] == [
        "Howard Schneider with Reuters",
        "Thank you",
        "Nick Timiraos of the Journal",
    ]
    assert {q.answerer for q in outline.questions} == {"CHAIR POWELL"}


def test_a_name_alone_on_its_line_above_the_turn() -> None:
    text = (
        "JANE DOE\n"
        "Welcome to the show. Where did you grow up?\n"
        "\n"
        "JOHN ROE\n"
        "In a small town by the sea, where my father fished.\n"
        "\n"
        "JANE DOE\n"
        "And what brought you to the city?\n"
        "\n"
        "JOHN ROE\n"
        "Work, mostly. There was none at home.\n"
    )
    outline = build_outline(text)
    assert outline.speakers == ("JANE DOE", "JOHN ROE")
    assert outline.askers == ("JANE DOE",)
    assert asked(text, outline) == [
        ("JANE DOE", "Welcome to the show. Where did you grow up?"),
        ("JANE DOE", "And what brought you to the city?"),
    ]
    first = outline.questions[0]
    assert text[first.answer.start : first.answer.end] == (
        "In a small town by the sea, where my father fished."
    )
    assert outline.title is None and outline.sections[0].heading is None


def test_markdown_bold_labels_with_escaped_timestamps() -> None:
    text = (
        "**Jane Doe:** \\[00:12\\] Thanks for coming on. What got you into open source?\n"
        "\n"
        "**Sam Poe:** A broken printer driver, honestly. I fixed it and sent the patch.\n"
        "\n"
        "**Jane Doe:** Mm-hmm.\n"
        "\n"
        "**Sam Poe:** \\[01:05\\] And then they asked me to maintain it.\n"
        "\n"
        "**Jane Doe:** \\[01:10\\] How long did you keep it up?\n"
        "\n"
        "**Sam Poe:** Nine years.\n"
    )
    outline = build_outline(text)
    assert outline.speakers == ("Jane Doe", "Sam Poe")
    assert outline.askers == ("Jane Doe",)
    assert asked(text, outline) == [
        ("Jane Doe", "Thanks for coming on. What got you into open source?"),
        ("Jane Doe", "How long did you keep it up?"),
    ]
    assert said(text, outline)[3] == ("Sam Poe", "And then they asked me to maintain it.")


def test_lower_case_handles() -> None:
    text = (
        "alice: so what did you change in the scheduler?\n"
        "bob: I moved the timers into one heap, which halved the wakeups.\n"
        "alice: nice. and did anything break?\n"
        "bob: two tests that relied on the old order.\n"
    )
    outline = build_outline(text)
    assert outline.speakers == ("alice", "bob")
    assert outline.askers == ("alice",)
    assert [q.text for q in outline.questions] == [
        "so what did you change in the scheduler?",
        "nice. and did anything break?",
    ]


def test_q_and_a_letters_followed_by_spaces() -> None:
    text = "Q    When did it start?\nA    In May.\nQ    And when did it end?\nA    In June.\n"
    outline = build_outline(text)
    assert outline.speakers == ("Q", "A")
    assert [(q.text, q.answerer) for q in outline.questions] == [
        ("When did it start?", "A"),
        ("And when did it end?", "A"),
    ]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("[00:00:01] Dana Lee: ", "[00:00:09] Omar Haddad: "),
        ("Dana Lee (00:00:01): ", "Omar Haddad (00:00:09): "),
        ("00:01 Dana Lee: ", "00:09 Omar Haddad: "),
    ],
    ids=["timestamp-before", "timestamp-after", "bare-time-before"],
)
def test_timestamps_before_or_after_names(first: str, second: str) -> None:
    text = (
        f"{first}Could you say what your team builds?\n"
        f"{second}We build the tools our nurses chart with.\n"
        f"{first.replace('01', '20')}What do they ask you for most?\n"
        f"{second.replace('09', '31')}Fewer clicks, always.\n"
    )
    outline = build_outline(text)
    assert outline.speakers == ("Dana Lee", "Omar Haddad")
    assert asked(text, outline) == [
        ("Dana Lee", "Could you say what your team builds?"),
        ("Dana Lee", "What do they ask you for most?"),
    ]


def test_a_name_alone_with_a_time_after_it() -> None:
    # Otter-style exports: the speaker and the time on one line, the words below.
    text = (
        "Dana Lee  0:03\nCould you say what your team builds?\n\n"
        "Omar Haddad  0:09\nWe build the tools our nurses chart with.\n\n"
        "Dana Lee  0:20\nWhat do they ask you for most?\n\n"
        "Omar Haddad  0:31\nFewer clicks, always.\n"
    )
    outline = build_outline(text)
    assert outline.speakers == ("Dana Lee", "Omar Haddad")
    assert [q.text for q in outline.questions] == [
        "Could you say what your team builds?",
        "What do they ask you for most?",
    ]


def test_a_very_long_first_label_then_short_ones() -> None:
    text = (
        "President of the Northern Broadcasting Company Jane Doe: Thank you for taking "
        "our questions. How will the new rules change local radio?\n"
        "Minister Lee: They will give local stations more air time.\n"
        "Jane Doe: And who pays for it?\n"
        "Minister Lee: The licence fee, as before.\n"
    )
    outline = build_outline(text)
    assert outline.speakers == ("Jane Doe", "Minister Lee")
    assert outline.askers == ("Jane Doe",)
    assert [q.text for q in outline.questions] == [
        "Thank you for taking our questions. How will the new rules change local radio?",
        "And who pays for it?",
    ]


def test_labels_inside_one_long_line() -> None:
    # A transcript flattened from a PDF: the labels sit inside one line.
    text = (
        "ORAL HISTORY TRANSCRIPT INTERVIEWED BY ANN WHITE 1998 WHITE: Thank you for "
        "having us. BROWN: It is a pleasure. WHITE: Where were you born? BROWN: In Ohio, "
        "on a farm near the river, in the winter of 1931. WHITE: What did your parents "
        "grow? BROWN: Corn and soy, mostly, and a few cows for milk.\n"
    )
    outline = build_outline(text)
    assert outline.speakers == ("WHITE", "BROWN")
    assert outline.askers == ("WHITE",)
    assert [q.text for q in outline.questions] == [
        "Where were you born?",
        "What did your parents grow?",
    ]
    assert all(text[t.label.start : t.label.end].startswith(t.speaker) for t in outline.turns)


@pytest.mark.parametrize("before", ["", "Budget talk\n\n"], ids=["text opens", "title above"])
def test_a_flattened_line_that_opens_with_a_label_keeps_its_first_question(before: str) -> None:
    # The first label opens the line (so it is no inline label) and is said once there;
    # the same name labels the inline turns after it.
    text = before + (
        "JOHN SMITH: What about the budget this year? MARY JONES: It grew by a tenth, "
        "mostly in schools. JOHN SMITH: And why schools? MARY JONES: Because enrolment "
        "rose again. JOHN SMITH: What comes next? MARY JONES: We wait for the count."
    )
    outline = build_outline(text)
    assert outline.askers == ("JOHN SMITH",)
    assert [q.text for q in outline.questions] == [
        "What about the budget this year?",
        "And why schools?",
        "What comes next?",
    ]


def test_prose_with_colons_has_no_speakers() -> None:
    text = (
        "The plan has three parts: roads, ports and rail.\n"
        "Note: the figures are provisional.\n"
        "Stabilizing growth: we are confident.\n"
    )
    outline = build_outline(text)
    assert outline.speakers == () and outline.turns == () and outline.questions == ()


def test_hearing_prints_with_title_cased_labels_after_a_paragraph_indent() -> None:
    # A GPO hearing print: "    Mr. Jones." in mixed case after a four-space indent, the
    # text on the same line, paragraphs wrapped under it; a section title in capitals.
    text = (
        "    The Chairman. The committee will come to order. We welcome\n"
        "the Secretary and thank her for coming.\n"
        "\n"
        "STATEMENT OF THE HONORABLE JANE ROE, SECRETARY OF THE\n"
        "                    TREASURY\n"
        "\n"
        "    Secretary Roe. Thank you, Mr. Chairman. I am glad to be here\n"
        "to discuss the budget of the department for the coming year.\n"
        "    The budget asks for less than last year's, for three reasons.\n"
        "    The Chairman. Thank you. Mr. Jones.\n"
        "    Mr. Jones. Madam Secretary, why did the agency cut the grant\n"
        "program by half this year?\n"
        "    Secretary Roe. Because the program had not spent its money\n"
        "for three years.\n"
        "    Mr. Jones. How many people will lose their jobs because of the\n"
        "cut?\n"
        "    Secretary Roe. None, as far as we can tell; the staff will move\n"
        "to other programs.\n"
        "    Mrs. Lee. Will the states be told before the end of the year?\n"
        "    Secretary Roe. Yes, in the autumn.\n"
    )
    outline = build_outline(text)
    assert outline.speakers == ("The Chairman", "Secretary Roe", "Mr. Jones", "Mrs. Lee")
    assert [(q.asker, q.text) for q in outline.questions][-3:] == [
        (
            "Mr. Jones",
            "Madam Secretary, why did the agency cut the grant program by half this year?",
        ),
        ("Mr. Jones", "How many people will lose their jobs because of the cut?"),
        ("Mrs. Lee", "Will the states be told before the end of the year?"),
    ]
    assert [s.heading for s in outline.sections if s.heading] == [
        "STATEMENT OF THE HONORABLE JANE ROE, SECRETARY OF THE TREASURY"
    ]
    turn = outline.turn_at(text.index("The budget asks"))
    assert turn is not None and turn.speaker == "Secretary Roe"


def test_sentences_opening_indented_paragraphs_are_no_labels() -> None:
    # Indented paragraphs that open with a short sentence, some title-cased, none of them
    # a recurring label: no speakers.
    text = (
        "    Thank you. The committee met on Monday to hear the Secretary.\n"
        "    New York. The city asked for more money for its transit system.\n"
        "    Mr. Chairman, I ask that my statement be made part of the record.\n"
        "    Thank you. The committee then heard from the states.\n"
        "    The U.S. economy contracted sharply in the last quarter.\n"
        "    Good Morning. The second day of the hearing began at ten.\n"
    )
    outline = build_outline(text)
    assert outline.speakers == () and outline.turns == ()


def test_a_lower_case_label_in_captions_otherwise_in_capitals() -> None:
    # Broadcast captions in capitals: the audience's generic label alone is in lower case.
    text = (
        "Kendell: THANK YOU ALL FOR COMING. WE HAVE TIME FOR QUESTIONS.\n\n"
        "man: HI. WHAT CAN PEOPLE OUTSIDE THE STATE DO TO HELP?\n\n"
        "Kendell: THEY CAN GIVE MONEY AND THEY CAN MAKE CALLS FROM HOME.\n\n"
        "man: AND WHEN DOES THE CAMPAIGN END?\n\n"
        "Kendell: ON ELECTION DAY, IN NOVEMBER.\n"
    )
    outline = build_outline(text)
    assert outline.speakers == ("Kendell", "man")
    assert [(q.asker, q.text) for q in outline.questions] == [
        ("man", "HI. WHAT CAN PEOPLE OUTSIDE THE STATE DO TO HELP?"),
        ("man", "AND WHEN DOES THE CAMPAIGN END?"),
    ]


def test_lower_case_words_and_a_colon_in_ordinary_text_are_no_label() -> None:
    text = (
        "Ana: What did the note say?\n\n"
        "Ben: It said: call me. Then another one.\n\n"
        "later: call me back tomorrow.\n\n"
        "Ana: And did you?\n\n"
        "Ben: No. later: I never did.\n\n"
        "later: there was no time.\n"
    )
    assert build_outline(text).speakers == ("Ana", "Ben")


#: Conventions the turn reader does not know yet: the transcript's speakers are not found.
KNOWN_GAPS: dict[str, str] = {}
GOLDS = [
    pytest.param(path, marks=pytest.mark.xfail(strict=True, reason=KNOWN_GAPS[name]))
    if (name := path.name.removesuffix(".gold.json")) in KNOWN_GAPS
    else path
    for path in sorted(TRANSCRIPTS.glob("*.gold.json"))
]


@pytest.mark.parametrize("gold_path", GOLDS, ids=lambda p: p.name.removesuffix(".gold.json"))
def test_real_transcripts_speakers_and_askers_match_the_gold(gold_path: Path) -> None:
    gold = read_gold(gold_path)
    outline = load_interview(transcript_of(gold_path, gold)).outline
    assert set(gold.speakers) <= set(outline.speakers)
    assert set(outline.askers) == set(gold.askers)


def test_hearing_records_with_a_title_before_a_surname_in_capitals() -> None:
    # Congressional hearing records: "Mr. JONES.", "Chairman SMITH.", a heading in capitals.
    text = (
        "STATEMENT OF HON. JANE ROE\n"
        "\n"
        "Chairman SMITH. The committee will come to order. We welcome Secretary Roe.\n"
        "Secretary ROE. Thank you, Mr. Chairman. I am glad to discuss the budget.\n"
        "Mr. JONES. Madam Secretary, why did the agency cut the grant program by half?\n"
        "Secretary ROE. Because the program had not spent its money for three years.\n"
        "Ms. LEE. Thank you. How many people will lose their jobs because of the cut?\n"
        "Secretary ROE. None, as far as we can tell; the staff will move to other programs.\n"
        "Chairman SMITH. The gentlelady's time has expired.\n"
    )
    outline = build_outline(text)
    assert outline.speakers == ("Chairman SMITH", "Secretary ROE", "Mr. JONES", "Ms. LEE")
    assert outline.askers == ("Mr. JONES", "Ms. LEE")
    assert [(q.asker, q.answerer) for q in outline.questions] == [
        ("Mr. JONES", "Secretary ROE"),
        ("Ms. LEE", "Secretary ROE"),
    ]
