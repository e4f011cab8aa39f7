"""Who asks, and where turns start, in the conventions of press conferences, hearings,
oral histories and podcasts (issue 11).

The snippets use names no rule has seen; what decides is the shape of the document:
who speaks after whom, a label style that recurs, a metadata block at the top.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus import build_outline, load_interview
from corpus.outline.aliases import aliases
from corpus.outline.metadata import find_metadata

_OPENING = (
    "Good morning, everyone. The water has gone down in all but two districts, and crews "
    "have worked through the night to clear the roads. We expect the main bridge to reopen "
    "by Thursday."
)
#: (reporter, what they say, the answer), each reporter speaking once.
_EXCHANGES = (
    (
        "Tom Reyes",
        "Tom Reyes, Daily Courier. How many homes are still without power?",
        "About four hundred, mostly in the east end. Some need an electrician to check the wiring.",
    ),
    (
        "Priya Nair",
        "Priya Nair from Channel 9. Will the city pay for those inspections?",
        "Yes. Council agreed last night that the city pays for the first inspection.",
    ),
    (
        "Sam Okoro",
        "Sam Okoro, Radio East. When do the schools reopen?",
        "Monday, except for the two schools that were used as shelters.",
    ),
)
_ANSWERER = "Mayor Helen Ortiz"


def _press_conference(label: str) -> str:
    """The same conference with speaker labels written by ``label`` (a format string)."""
    blocks = [label.format(name=_ANSWERER, text=_OPENING)]
    for reporter, question, answer in _EXCHANGES:
        blocks.append(label.format(name=reporter, text=question))
        blocks.append(label.format(name=_ANSWERER, text=answer))
    return "# Media conference on the flood\n\n" + "\n\n".join(blocks) + "\n"


@pytest.mark.parametrize(
    "label",
    ["### {name}\n\n{text}", "**{name}**\n\n{text}", "{name}: {text}", "{name}\n{text}"],
    ids=["markdown heading", "bold line", "colon", "name line"],
)
def test_reporters_who_speak_once_each_ask_and_the_one_answerer_does_not(
    tmp_path: Path, label: str
) -> None:
    path = tmp_path / "conference.md"
    path.write_text(_press_conference(label), encoding="utf-8")
    outline = load_interview(path).outline
    reporters = [reporter for reporter, _, _ in _EXCHANGES]
    assert outline.askers == tuple(reporters)
    assert [q.text for q in outline.questions] == [q for _, q, _ in _EXCHANGES]
    assert {q.answerer for q in outline.questions} == {_ANSWERER}


_OUTLETS = ("Daily Courier", "Channel 9", "Radio East")


@pytest.mark.parametrize(
    "reporter_line",
    [
        "### {name}, {outlet}",
        "### {name} ({outlet})",
        "**{name}** ({outlet})",
        "**{caps}, {outlet_caps}**",
        "### {name} – {outlet}",
        "{name}, {outlet}:",
    ],
    ids=["heading comma", "heading brackets", "bold brackets", "bold capitals", "dash", "colon"],
)
def test_reporters_named_with_their_outlet_on_a_heading_line_ask(
    tmp_path: Path, reporter_line: str
) -> None:
    # A press conference exported as Markdown: each speaker a heading line, a reporter's
    # with the outlet; the turn in the paragraphs below.
    blocks = [f"### {_ANSWERER}\n\n{_OPENING}\n\nThank you. Questions."]
    for (reporter, question, answer), outlet in zip(_EXCHANGES, _OUTLETS, strict=True):
        line = reporter_line.format(
            name=reporter, outlet=outlet, caps=reporter.upper(), outlet_caps=outlet.upper()
        )
        if reporter_line.startswith("**{caps}"):
            answerer = f"**{_ANSWERER.upper()}**"
        elif reporter_line.endswith(":"):
            answerer = f"{_ANSWERER}:"
        else:
            answerer = f"### {_ANSWERER}"
        blocks.append(f"{line}\n\n{question}")
        blocks.append(f"{answerer}\n\n{answer}\n\nNext question.")
    path = tmp_path / "conference.md"
    path.write_text("# Media availability\n\n" + "\n\n".join(blocks) + "\n", encoding="utf-8")
    outline = load_interview(path).outline
    reporters = [reporter for reporter, _, _ in _EXCHANGES]
    if reporter_line.startswith("**{caps}"):
        reporters = [reporter.upper() for reporter in reporters]
    assert outline.askers == tuple(reporters)
    assert [q.text for q in outline.questions] == [q for _, q, _ in _EXCHANGES]
    assert len({q.answerer for q in outline.questions}) == 1


def test_an_official_the_answerer_hands_a_question_to_answers_it(tmp_path: Path) -> None:
    # The governor passes a reporter's question to a commissioner, who speaks twice,
    # each time in statements, and the next reporter asks after him.
    text = """# Media availability

### Governor Kathy Hale

Good morning. I'm joined by Commissioner Dan Ortiz. Why does this matter? Because
families cannot wait. Commissioner, please.

### Commissioner Dan Ortiz, Homeland Security

Thank you, Governor. Our crews have cleared 212 roads. Twelve remain closed.

### Governor Kathy Hale

Thank you, Dan. Now we'll take your questions.

### Tom Reyes, Times Union

Governor, how many homes are still without power tonight?

### Governor Kathy Hale

About four hundred, mostly in the east end. Dan, do you want to add?

### Commissioner Dan Ortiz, Homeland Security

Some need an electrician to check the wiring before we reconnect them.

### Priya Nair, WNYT

Will the state pay for those inspections?

### Governor Kathy Hale

Yes. The state pays for the first inspection.

### Sam Okoro (Spectrum News)

What about the two schools used as shelters?

### Governor Kathy Hale

Those two stay closed another week.
"""
    path = tmp_path / "availability.md"
    path.write_text(text, encoding="utf-8")
    outline = load_interview(path).outline
    assert outline.askers == ("Tom Reyes", "Priya Nair", "Sam Okoro")
    assert [q.asker for q in outline.questions] == ["Tom Reyes", "Priya Nair", "Sam Okoro"]


def test_a_speakers_label_shortened_after_the_first_turn_is_the_same_speaker() -> None:
    # "Governor Kathy Hale", then "Governor Hale" and "Gov. Hale": one answerer.
    text = (
        "Governor Kathy Hale\n\nGood morning. Why does this matter? Because families "
        "cannot wait for federal money.\n\n"
        "Tom Reyes, Times Union\n\nHow many homes are still without power?\n\n"
        "Governor Hale\n\nAbout four hundred, mostly in the east end.\n\n"
        "Priya Nair, WNYT\n\nWill the state pay for the inspections?\n\n"
        "Gov. Hale\n\nYes, the first one.\n\n"
        "Sam Okoro, Spectrum News\n\nWhen do the schools reopen?\n\n"
        "Governor Hale\n\nMonday.\n"
    )
    outline = build_outline(text)
    assert outline.speakers == ("Governor Kathy Hale", "Tom Reyes", "Priya Nair", "Sam Okoro")
    assert outline.askers == ("Tom Reyes", "Priya Nair", "Sam Okoro")
    assert {q.answerer for q in outline.questions} == {"Governor Kathy Hale"}


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (
            ["Governor Kathy Hale", "Gov. Hale", "Hale"],
            {"Gov. Hale": "Governor Kathy Hale", "Hale": "Governor Kathy Hale"},
        ),
        (["Tom Smith", "Ann Smith", "Smith"], {}),
        (["Mr. Smith", "Mrs. Smith"], {}),
        (["COLBY SMITH", "MICHELLE SMITH"], {}),
        (["J. Lee", "Jane Lee"], {"J. Lee": "Jane Lee"}),
    ],
    ids=["title cut short", "two fuller labels", "Mr. and Mrs.", "two first names", "initial"],
)
def test_which_labels_are_shorter_forms_of_another(
    names: list[str], expected: dict[str, str]
) -> None:
    assert aliases(names) == expected


def test_a_title_over_a_comma_is_no_speaker() -> None:
    # "Housing, Rents and Repairs" alone on a line is a section title, not a speaker
    # with an outlet: a speaker named with an outlet has a full name.
    text = (
        "Minister Karen Holt\n\nGood afternoon. Three things today.\n\n"
        "Housing, Rents\n\nRents rose four per cent this year.\n\n"
        "Ben Moss, Farm Weekly\n\nWill rents be capped?\n\n"
        "Minister Karen Holt\n\nNot this year.\n\n"
        "Ada Kerr, Coast Radio\n\nWhat about repairs?\n\n"
        "Minister Karen Holt\n\nThe fund doubles.\n"
    )
    outline = build_outline(text)
    assert outline.speakers == ("Minister Karen Holt", "Ben Moss", "Ada Kerr")
    assert outline.askers == ("Ben Moss", "Ada Kerr")


def test_the_answerer_is_not_taken_for_an_asker_for_rhetorical_questions() -> None:
    # The minister asks herself questions in every answer; one reporter's turn is a
    # statement she answers. Who speaks after whom tells the roles apart.
    text = (
        "Minister Karen Holt: Good afternoon. Why does this matter? Because the harvest "
        "feeds the region. What comes next? A second terminal, in June.\n"
        "Ben Moss: Ben Moss, Farm Weekly. Is the second terminal on budget?\n"
        "Minister Karen Holt: It is, Ben. Will there be surprises? There always are, but "
        "the contingency is large.\n"
        "Ada Kerr: Ada Kerr, Coast Radio. Follow-up on the rail spur, the contractor told "
        "us it is three months late.\n"
        "Minister Karen Holt: Ada, the contractor is right. The steel came late. Is that "
        "ideal? No. But the trucks carry the grain until the spur is done.\n"
        "Raj Patel: Raj Patel with the Tribune. Who pays for the trucks meanwhile?\n"
        "Minister Karen Holt: The contractor does. Could we have done better? Perhaps.\n"
    )
    outline = build_outline(text)
    assert outline.askers == ("Ben Moss", "Ada Kerr", "Raj Patel")
    assert [q.asker for q in outline.questions] == ["Ben Moss", "Ada Kerr", "Raj Patel"]
    assert {q.answerer for q in outline.questions} == {"Minister Karen Holt"}


@pytest.mark.parametrize(
    "label",
    ["[{time}] {name}\n{text}", "{time} {name}:\n{text}"],
    ids=["timestamp, name line", "timestamp, name and colon"],
)
def test_a_hearing_members_ask_the_chair_presides_and_witnesses_testify(label: str) -> None:
    turns = [
        (
            "Chairman Robert Hale",
            "The committee will come to order. Each witness has five "
            "minutes. Dr. Alvarez, you may begin.",
        ),
        (
            "Dr. Ana Alvarez",
            "Thank you, Mr. Chairman. One rural bridge in ten is rated "
            "structurally deficient, and the backlog grows each year.",
        ),
        ("Chairman Robert Hale", "Thank you. Mr. Brooks."),
        (
            "James Brooks",
            "Thank you. Our counties own most of these bridges and have "
            "neither the staff nor the money to replace them.",
        ),
        ("Chairman Robert Hale", "I now recognize Ms. Chen for five minutes."),
        ("Rep. Linda Chen", "Dr. Alvarez, how long is the backlog in years?"),
        ("Dr. Ana Alvarez", "At current funding, about fourteen years to clear it."),
        ("Rep. Linda Chen", "Mr. Brooks, what would it take to cut that in half?"),
        ("James Brooks", "Roughly double the federal share, and a simpler grant process."),
        ("Chairman Robert Hale", "The gentlewoman's time has expired. Mr. Ward."),
        ("Rep. Owen Ward", "Dr. Alvarez, are any of these bridges closed today?"),
        ("Dr. Ana Alvarez", "Forty-two are closed, and three hundred have weight limits."),
    ]
    text = "\n\n".join(
        label.format(time=f"00:{i:02d}:05", name=name, text=said)
        for i, (name, said) in enumerate(turns)
    )
    outline = build_outline(text + "\n")
    assert "Rep. Owen Ward" in outline.speakers
    assert [q.asker for q in outline.questions] == [
        "Rep. Linda Chen",
        "Rep. Linda Chen",
        "Rep. Owen Ward",
    ]
    assert outline.questions[-1].text == "Dr. Alvarez, are any of these bridges closed today?"


_STATE_HEARING = (
    ("CHAIR ROSA DIAZ", "The committee will come to order. Item one, AB 12. Ms. Lund, begin."),
    (
        "Assemblymember Eva Lund",
        "Thank you, Madam Chair. AB 12 gives schools six years to replace their lead "
        "pipes, and a grant program to pay for it.",
    ),
    ("CHAIR ROSA DIAZ", "Thank you. Witnesses in support, your name and affiliation."),
    ("Ines Moreau, Public Health Institute", "Ines Moreau, Public Health Institute, in support."),
    ("Carl Novak (School Boards Association)", "Carl Novak for the school boards, in support."),
    ("Dana Webb, Clean Water Action", "Dana Webb, Clean Water Action, in strong support."),
    ("CHAIR ROSA DIAZ", "Thank you. Back to the committee. Mr. Ortiz."),
    ("Assemblymember Leo Ortiz", "How much will the grants cost, and who pays for them?"),
    (
        "Assemblymember Eva Lund",
        "About three hundred million over six years, from the water bond.",
    ),
    ("CHAIR ROSA DIAZ", "Thank you. Ms. Park."),
    ("Assemblymember Joy Park", "Are charter schools that lease their buildings covered?"),
    ("Assemblymember Eva Lund", "Yes, with the owner's consent."),
    ("CHAIR ROSA DIAZ", "Thank you. The secretary will call the roll."),
)


@pytest.mark.parametrize(
    "label",
    [
        "{time} {name}",
        "[{time}] {name}",
        "{time}\n{name}",
        "{time} PM\n{name}",
        "[{time}:12 - {time}:20]\n{name}",
    ],
    ids=[
        "time and name",
        "bracketed time and name",
        "time over name",
        "time of day over name",
        "video editor's time range over name",
    ],
)
def test_a_state_hearings_one_off_speakers_in_a_row_and_its_members_questions(
    label: str,
) -> None:
    # A legislature's hearing export: the time the turn began before the speaker's name
    # (with an affiliation for the public), the words on the lines below; three members
    # of the public speak one after another before the chair speaks again.
    text = "\n\n".join(
        label.format(time=f"0:{i:02d}:1{i % 10}", name=name) + "\n" + said
        for i, (name, said) in enumerate(_STATE_HEARING)
    )
    outline = build_outline(text + "\n")
    public = [name.split(",")[0].split(" (")[0] for name, _ in _STATE_HEARING[3:6]]
    assert set(public) <= set(outline.speakers)
    members = [
        (q.asker, q.answerer, q.text)
        for q in outline.questions
        if q.asker.startswith("Assemblymember")
    ]
    assert members == [
        (
            "Assemblymember Leo Ortiz",
            "Assemblymember Eva Lund",
            "How much will the grants cost, and who pays for them?",
        ),
        (
            "Assemblymember Joy Park",
            "Assemblymember Eva Lund",
            "Are charter schools that lease their buildings covered?",
        ),
    ]
    assert not any(q.asker in public for q in outline.questions)


def test_times_over_labels_with_the_words_beside_them_and_a_lone_stage_note() -> None:
    # The words on the label's own line: the time above stays in the text before it.
    text = (
        "00:12:03\nJane Doe: Why did you come?\n\n00:12:10\nJohn Roe: For the work.\n\n"
        "00:12:20\nJane Doe: And then?\n\n00:12:30\nJohn Roe: I stayed.\n"
    )
    outline = build_outline(text)
    assert outline.speakers == ("Jane Doe", "John Roe")
    asked = [q.text for q in outline.questions]
    assert len(asked) == 2
    assert asked[0].startswith("Why did you come?") and asked[1].startswith("And then?")
    # One time of day over one label is a stage note of a printed transcript.
    text = (
        "(10:04 a.m.)\n\nCHIEF JUSTICE ROBERTS: We will hear argument now.\n\n"
        "MR. KELLER: Thank you, Mr. Chief Justice.\n\nCHIEF JUSTICE ROBERTS: Why now?\n\n"
        "MR. KELLER: Because the deadline passed.\n"
    )
    outline = build_outline(text)
    assert outline.speakers == ("CHIEF JUSTICE ROBERTS", "MR. KELLER")
    assert [q.text for q in outline.questions] == ["Why now?"]


def test_a_panel_moderator_who_follows_every_panellist_still_asks() -> None:
    # She speaks after each of three panellists, as a conference's answerer would, but
    # what she follows are answers, not questions.
    text = (
        "Jane Cole: Welcome to the panel. What got you into soil science, Ari?\n"
        "Ari Stone: My grandfather farmed and I watched his fields wear out.\n"
        "Jane Cole: And Bea, you came from chemistry?\n"
        "Bea Lund: Yes, I worked on fertilisers for ten years before I switched.\n"
        "Jane Cole: Carl, how did you start?\n"
        "Carl Diaz: By accident, really. A summer job that never ended.\n"
        "Jane Cole: Bea, what has changed most in the last decade?\n"
        "Bea Lund: The sensors. We measure things now that we used to guess.\n"
    )
    outline = build_outline(text)
    assert outline.askers == ("Jane Cole",)
    assert len(outline.questions) == 4


_ORAL_HISTORY = """Interviewee: Margaret Ellis
Interviewer: David Kwan
Date: March 14, 2003
Location: Ellis home, Duluth,
Minnesota
Transcriber: R. Patel

{asker}: This is David Kwan, talking with Margaret Ellis about the ore docks. Where were you born?

ELLIS: In Duluth, in 1921, in a house my father built above the harbour.

{asker}: What did your father do?

ELLIS: He was a dock foreman. He worked twelve-hour shifts in the summer.

He used to say the lake decided when we ate.

{asker}: Tell me about the winters.

ELLIS: Quiet. The lake froze and the docks closed.

Notes

1. Ibid., p. 4.
2. Duluth News Tribune, May 2, 1943.
"""


@pytest.mark.parametrize("asker", ["KWAN", "DK"])
def test_an_oral_historys_metadata_block_is_no_turn_and_names_the_interviewer(
    asker: str,
) -> None:
    outline = build_outline(_ORAL_HISTORY.format(asker=asker))
    assert outline.speakers == (asker, "ELLIS")
    assert outline.askers == (asker,)
    assert [q.text[:24] for q in outline.questions] == [
        "This is David Kwan, talk",
        "What did your father do?",
        "Tell me about the winter",
    ]
    assert [s.heading for s in outline.sections] == [None]
    # The notes after the last answer are no items of it, and no part of it.
    last = outline.questions[-1]
    assert last.measures == ()
    assert "Ibid" not in _ORAL_HISTORY.format(asker=asker)[last.answer.start : last.answer.end]


def test_an_answer_over_several_paragraphs_is_one_answer_and_a_question_one_question() -> None:
    text = (
        "Kim Ode: Let me ask about the move. You left the farm in 1958.\n\n"
        "What made you go?\n\n"
        "Lars Berg: Money, mostly. The farm could not keep two families.\n\n"
        "And my brother was better at it than I was.\n\n"
        "Kim Ode: Did you miss it?\n\n"
        "Lars Berg: Every spring.\n"
    )
    outline = build_outline(text)
    assert [q.text for q in outline.questions] == [
        "Let me ask about the move. You left the farm in 1958. What made you go?",
        "Did you miss it?",
    ]
    first = outline.questions[0]
    assert text[first.answer.start : first.answer.end].endswith("better at it than I was.")


def test_a_podcasts_sponsor_read_echoes_and_back_channel_are_no_questions() -> None:
    text = (
        "Jordan Price: Welcome to Build Notes. This episode is brought to you by Acme "
        "Cloud, servers in seconds. Go to acme dot example for a free month.\n"
        "Jordan Price: Today I'm talking with Mei Lin, who maintains a date library. "
        "Mei, welcome to the show.\n"
        "Mei Lin: Thanks for having me.\n"
        "Jordan Price: So how did you start working on the library?\n"
        "Mei Lin: I needed to parse dates from log files, and nothing handled time "
        "zones. So I wrote a module and people started sending patches.\n"
        "Jordan Price: Right.\n"
        "Mei Lin: Within a year it had more users than the tool I wrote it for.\n"
        "Jordan Price: More users than the tool.\n"
        "Mei Lin: Yes, by a lot.\n"
        "Jordan Price: Yeah. Um, so —\n"
        "Mei Lin: And the time zone database changes several times a year.\n"
        "Jordan Price: What would you tell a new maintainer?\n"
        "Mei Lin: Write down what the project is not for, early.\n"
        "Jordan Price: That's great advice. Mei Lin, thank you so much for coming on.\n"
        "Mei Lin: Thank you, it was fun.\n"
        "Jordan Price: That's it for this episode. Thanks again to Acme Cloud. See you "
        "next week.\n"
    )
    outline = build_outline(text)
    assert outline.askers == ("Jordan Price",)
    assert [q.text for q in outline.questions] == [
        "So how did you start working on the library?",
        "What would you tell a new maintainer?",
    ]


def test_a_metadata_block_under_a_title_and_bracketed_notes_in_a_q_and_a_transcript() -> None:
    text = (
        "ORAL HISTORY PROJECT\n"
        "Interviewee: Margaret Ellis\n"
        "Interviewer: David Kwan\n"
        "Date: March 14, 2003\n\n"
        "Q: Where were you born?\n\n"
        "A: In Duluth, in 1921, above the harbour.\n\n"
        "Q: What did your father do?\n\n"
        "A: He was a dock foreman.[1] He worked long shifts.\n\n"
        "[1] Interview with Frank Ellis, 1998.\n"
        "[2] Ibid.\n"
    )
    outline = build_outline(text)
    assert outline.title == "ORAL HISTORY PROJECT"
    assert outline.speakers == ("Q", "A")
    assert [s.heading for s in outline.sections] == [None]
    assert [q.text for q in outline.questions] == [
        "Where were you born?",
        "What did your father do?",
    ]
    last = outline.questions[-1]
    assert (
        text[last.answer.start : last.answer.end]
        == "He was a dock foreman.[1] He worked long shifts."
    )


def test_reporters_a_moderator_gives_the_floor_to_ask_and_the_moderator_does_not() -> None:
    text = (
        "MODERATOR: Good morning. The Minister will make a statement, then take questions.\n"
        "MINISTER HOLT: Thank you. The harvest moved forty thousand tonnes of grain last "
        "month, and the second terminal opens in June.\n"
        "MODERATOR: First question, Ben Moss.\n"
        "BEN MOSS: Minister, is the second terminal on budget?\n"
        "MINISTER HOLT: It is. We set aside ninety million and have spent sixty so far.\n"
        "MODERATOR: Ada Kerr, Coast Radio.\n"
        "ADA KERR: The contractor says the rail spur is three months late. Why?\n"
        "MINISTER HOLT: The steel came late. It does not hold up the terminal.\n"
        "MODERATOR: Raj Patel, and then we will have to close.\n"
        "RAJ PATEL: Who pays for the trucks in the meantime?\n"
        "MINISTER HOLT: The contractor does, under the late-delivery clause.\n"
        "MODERATOR: Thank you, Minister. That's all we have time for.\n"
    )
    outline = build_outline(text)
    assert outline.askers == ("BEN MOSS", "ADA KERR", "RAJ PATEL")
    assert [q.asker for q in outline.questions] == ["BEN MOSS", "ADA KERR", "RAJ PATEL"]


def test_a_hearing_print_labels_turns_with_a_title_and_a_surname_in_mixed_case() -> None:
    # Hard-wrapped, each turn indented, the label ending in a full stop; the chair's
    # call of the next member ("Senator Ames.") alone on its line is part of his turn.
    text = (
        "            STATEMENT OF THE HONORABLE JANE ROE, SECRETARY\n"
        "\n"
        "    Secretary Roe. Thank you, Mr. Chairman. I am glad to discuss \n"
        "the budget, which cuts the grant program by half this year.\n"
        "    The Chairman. Thank you. Why did the agency cut the grant \n"
        "program by half?\n"
        "    Secretary Roe. Because the program had not spent its money \n"
        "for three years, and the money was needed elsewhere.\n"
        "    The Chairman. Thank you.\n"
        "    Senator Ames.\n"
        "    Senator Ames. Madam Secretary, how many people will lose \n"
        "their jobs because of the cut?\n"
        "    Secretary Roe. None, as far as we can tell; the staff will \n"
        "move to other programs.\n"
    )
    outline = build_outline(text)
    assert outline.speakers == ("Secretary Roe", "The Chairman", "Senator Ames")
    assert set(outline.askers) == {"The Chairman", "Senator Ames"}
    assert outline.title == "STATEMENT OF THE HONORABLE JANE ROE, SECRETARY"
    assert [(q.asker, q.answerer) for q in outline.questions] == [
        ("The Chairman", "Secretary Roe"),
        ("Senator Ames", "Secretary Roe"),
    ]


def test_a_speaker_resuming_after_an_interjection_inside_a_line_is_found() -> None:
    # Captions run two speakers together: "Open source. Ada:...version of it".
    text = (
        "Ben: How did the project start?\n"
        "Ada: A team wrote it in-house, and then we opened the code. Ben: The whole thing? "
        "Ada:...the whole thing, yes, for anyone to change.\n"
        "Ben: Why open it?\n"
        "Ada: Because others can then improve it, and we can adopt what they do.\n"
    )
    outline = build_outline(text)
    assert outline.askers == ("Ben",)
    assert [q.text for q in outline.questions] == [
        "How did the project start?",
        "The whole thing?",
        "Why open it?",
    ]


def test_a_metadata_interviewer_written_surname_first_is_one_person() -> None:
    # "Kwan, Morgan" is Morgan Kwan, not Kwan and the interviewee Ruth Morgan.
    text = (
        "Interviewee: Ruth Morgan\n"
        "Interviewer: Kwan, Morgan\n"
        "Date: May 2, 2001\n\n"
        "KWAN: Where were you born?\n\n"
        "MORGAN: In Duluth. My father built the house.\n\n"
        "KWAN: What did he do?\n\n"
        "MORGAN: He was a dock foreman. Did you know the docks then?\n\n"
        "KWAN: Only from pictures.\n\n"
        "MORGAN: They were something.\n"
    )
    outline = build_outline(text)
    assert outline.askers == ("KWAN",)
    assert [q.text for q in outline.questions] == ["Where were you born?", "What did he do?"]


def _interviewers(value: str, body: str) -> list[str]:
    text = f"Interviewee: Margaret Ellis\nInterviewers: {value}\nDate: 2003\n\n{body}"
    metadata = find_metadata(text)
    assert metadata.end, "a metadata block"
    return metadata.interviewers(build_outline(text).speakers, text)


_BODY = (
    "{0}: Where were you born?\n\nELLIS: In Duluth.\n\n{1}: And your father?\n\nELLIS: A foreman.\n"
)


@pytest.mark.parametrize(
    ("value", "labels", "people"),
    [
        # One person, surname first: the initials, the surname, or nothing else to go on.
        ("Kwan, David", ("DK", "DK"), ["David Kwan"]),
        ("Kwan, David", ("KWAN", "KWAN"), ["David Kwan"]),
        ("Kwan, David M.", ("Q", "Q"), ["David M. Kwan"]),
        ("Kwan, David, Jr.", ("DK", "DK"), ["David Kwan"]),
        # Several: a label for each part, full names, a serial list, or pairs joined by 'and'.
        ("Kwan, Lee", ("KWAN", "LEE"), ["Kwan", "Lee"]),
        ("David Kwan, Ann Lee", ("Q", "Q"), ["David Kwan", "Ann Lee"]),
        ("Kwan, Lee and Park", ("Q", "Q"), ["Kwan", "Lee", "Park"]),
        ("Kwan, David and Lee, Ann", ("DK", "AL"), ["David Kwan", "Ann Lee"]),
        ("Kwan, David; Lee, Ann", ("KWAN", "LEE"), ["David Kwan", "Ann Lee"]),
    ],
)
def test_a_metadata_value_with_commas_is_read_against_the_document(
    value: str, labels: tuple[str, str], people: list[str]
) -> None:
    assert _interviewers(value, _BODY.format(*labels)) == people


def test_a_name_the_document_writes_in_natural_order_elsewhere_is_one_person() -> None:
    # Two labels would make two people, but the body says "Lee Kwan" in full.
    body = "Q: This is Lee Kwan with Margaret Ellis. Where were you born?\n\nA: In Duluth.\n"
    assert _interviewers("Kwan, Lee", body) == ["Lee Kwan"]
    assert _interviewers("Kwan, Lee", _BODY.format("KWAN", "LEE")) == ["Kwan", "Lee"]


def test_a_hearing_panel_witnesses_are_not_askers() -> None:
    # One member questions the first witness, who once checks what is meant; then two
    # more witnesses give long statements with rhetorical questions inside.
    statement = (
        "Is the Fed the right regulator? I think the answer is yes, for three reasons. "
        + "It sees the markets every day, and that contact is extremely useful. " * 12
        + "Should it give up consumer protection? I think so. "
        + "That work is political, and it is not at the core of what the Fed does. " * 12
        + "Thank you very much."
    )
    text = (
        "Chairman Watt: The gentleman from Alabama is recognized for 5 minutes.\n"
        "Mr. Bachus: Thank you. Governor, do we have an exit strategy from these bailouts?\n"
        "Mr. Kohn: We have an exit strategy from the reserves we have provided.\n"
        "Mr. Bachus: Would that be an enhanced bankruptcy proceeding?\n"
        "Mr. Kohn: It would be a substitute for bankruptcy, as we have today for banks.\n"
        "Mr. Bachus: But the Fed has guaranteed some obligations; has it not?\n"
        "Mr. Kohn: We are in a guarantee position for Citigroup. Is that what you mean?\n"
        "Mr. Bachus: And AIG also. What is the total obligation to AIG?\n"
        "Mr. Kohn: About $45 billion of loans outstanding.\n"
        "Chairman Watt: The gentleman's time has expired. Dr. Mishkin, you are recognized.\n"
        f"Mr. Mishkin: {statement}\n"
        "Chairman Watt: Thank you. Dr. Meyer, you are recognized.\n"
        f"Mr. Meyer: {statement.replace('?', '.')}\n"
    )
    assert build_outline(text).askers == ("Mr. Bachus",)


def test_an_interviewer_shortened_to_a_letter_asks_and_one_off_names_around_a_title_speak(
    tmp_path: Path,
) -> None:
    """A written interview names its interviewer three ways (Maren, then MO, then A): the
    first exchange's two names are said once each, a section title stands between them
    and the next turn, and ``A:`` puts questions that the interviewee answers."""
    source = (
        "## Introductions\n\n"
        "**Maren:** **Thanks for joining us! Would you introduce yourself?**\n\n"
        "**Tobias**: Hi! I maintain the storage layer and review most of its changes.\n\n"
        "## The project\n\n"
        "**MO: Great. What does the storage layer do?**\n\n"
        "**TK**: It keeps every block on two disks and checks them every night.\n\n"
        "**MO: And what changed this year?**\n\n"
        "**TK**: We moved the checks into the background, so nobody waits for them.\n\n"
        "**A: Interesting! How can a newcomer help?\n"
        "Where should they start?**\n\n"
        "**TK**: Start with the failing tests, they teach you the code quickly.\n\n"
        "**A: Any last words for our readers?**\n\n"
        "**TK**: Come to a meeting, they are open to everyone.\n"
    )
    path = tmp_path / "written.md"
    path.write_text(source, encoding="utf-8")
    outline = load_interview(path).outline
    assert set(outline.speakers) == {"Maren", "Tobias", "MO", "TK", "A"}
    assert set(outline.askers) == {"Maren", "MO", "A"}


def test_an_answer_letter_that_answers_is_no_asker() -> None:
    text = (
        "Interviewer notes, March.\n\n"
        "How did you start?\n\n"
        "A: With a borrowed camera, in my uncle's shop.\n\n"
        "And after that?\n\n"
        "A: A newspaper took me on. Would I do it again? Yes.\n"
    )
    assert build_outline(text).askers == ()
