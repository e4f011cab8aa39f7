"""Turns that hand over the floor, thank, react or carry on are turns, not questions (issue 11).

A question puts something to the interviewee; these snippets, each written for its test
in a published convention, hold the asker turns that do not: a podcast's introduction
before the guest's first words, the closing thanks, the host's reactions; a chair's
"You may proceed." before a witness's prepared statement; a word that finishes the
witness's cut-off sentence; a town hall's moderator introducing the next questioner.
"""

from __future__ import annotations

from corpus import Outline, build_outline


def questions(outline: Outline) -> list[str]:
    return [" ".join(q.text.split()) for q in outline.questions]


def test_a_podcasts_introduction_reactions_and_closing_thanks_are_not_questions() -> None:
    text = (
        "**Maya Stone:** \\[00:00\\] Today my guest is Priya Raman, who runs the seed "
        "library in our town. She started it with a shoebox of beans. Let's get into it.\n\n"
        "**Priya Raman:** \\[00:31\\] Thanks for having me, Maya. It really did start with a "
        "shoebox, on a folding table at the farmers market, ten years ago.\n\n"
        "**Maya Stone:** \\[00:45\\] How did people first hear about it?\n\n"
        "**Priya Raman:** \\[00:48\\] Mostly by word of mouth. A gardener would take a packet, "
        "grow it out and bring back twice as many seeds the next autumn.\n\n"
        "**Maya Stone:** \\[01:20\\] Wow. That's incredible.\n\n"
        "**Priya Raman:** \\[01:22\\] And then the library at the school asked for a drawer of "
        "its own, and the children started labelling the packets.\n\n"
        "**Maya Stone:** \\[01:50\\] You keep the rare varieties apart from the others.\n\n"
        "**Priya Raman:** \\[01:55\\] We do, in a cold room, because some of them exist nowhere "
        "else and a bad summer could lose them.\n\n"
        "**Maya Stone:** \\[02:30\\] Where can folks find you online?\n\n"
        "**Priya Raman:** \\[02:33\\] On our website, which lists every packet we have.\n\n"
        "**Maya Stone:** \\[02:40\\] Priya, thank you so much for doing this. I learned a lot "
        "today.\n\n"
        "**Priya Raman:** \\[02:45\\] Thank you. It was a lot of fun to talk seeds.\n"
    )
    outline = build_outline(text)
    assert outline.askers == ("Maya Stone",)
    assert questions(outline) == [
        "How did people first hear about it?",
        "You keep the rare varieties apart from the others.",  # a statement answered
        "Where can folks find you online?",
    ]


def test_the_chairs_floor_before_a_prepared_statement_is_procedural() -> None:
    statement = " ".join(["The economy has slowed this year, and the outlook is uncertain."] * 40)
    turns = [
        (
            "Chairman Ross",
            "The committee will come to order. With that, Mr. Secretary, we welcome your "
            "comments, and your statement will be included in the record.",
        ),
        ("Secretary Vance", f"Chairman Ross, members of the committee, {statement}"),
        ("Chairman Ross", "What worries you most about the months ahead?"),
        (
            "Secretary Vance",
            "Housing worries me most. Prices are still falling in most regions. Sales are "
            "at their lowest in a decade. Builders have stopped starting new homes. One "
            "would have to ask whether the banks can lend at all, or would they wait for "
            "prices to settle?",
        ),
        ("Chairman Ross", "But your concern is the near term rather than the long run."),
        ("Secretary Vance", "Yes, the near term; in the long run the market corrects itself."),
        ("Senator Hale", "Would they have lent without the guarantee?"),
        ("Secretary Vance", "They would have--"),
        ("Senator Hale", "Lent less."),
        ("Secretary Vance", "Yes. Far less."),
    ]
    # A hearing print: indented "Name." labels.
    text = "".join(f"    {name}. {said}\n" for name, said in turns)
    outline = build_outline(text)
    assert set(outline.askers) == {"Chairman Ross", "Senator Hale"}
    assert questions(outline) == [
        "What worries you most about the months ahead?",
        # a statement after an answer that closes with a rhetorical question is answered
        "But your concern is the near term rather than the long run.",
        "Would they have lent without the guarantee?",
    ]  # "Lent less." finishes the witness's sentence


def test_a_town_hall_moderator_who_asks_too_and_introduces_the_questioners() -> None:
    answer = "We will have the schools open, most of them, five days a week by spring. " * 5
    text = (
        "MR. HALL:  I want you to meet Ann Ruiz, a teacher from Racine. Ann, welcome. "
        "What's your question?\n\n"
        "THE GOVERNOR:  What grade do you teach?\n\n"
        "AUDIENCE MEMBER:  Fourth grade. When will my school open again?\n\n"
        f"THE GOVERNOR:  {answer}\n\n"
        "MR. HALL:  So when would that be, five days a week if possible?\n\n"
        f"THE GOVERNOR:  {answer}\n\n"
        "MR. HALL:  And will teachers be vaccinated first? Before they go back, as the "
        "unions ask —\n\n"
        "THE GOVERNOR:  They will.\n\n"
        "MR. HALL:  — or only after the older people?\n\n"
        f"THE GOVERNOR:  {answer}\n"
    )
    outline = build_outline(text)
    assert set(outline.askers) == {"MR. HALL", "AUDIENCE MEMBER"}
    assert questions(outline) == [
        "Fourth grade. When will my school open again?",
        "So when would that be, five days a week if possible?",
        "And will teachers be vaccinated first? Before they go back, as the unions ask —",
    ]  # the introduction passes the floor; "— or only after ..." carries on the question


def test_a_panellists_aside_to_another_panellist_makes_no_asker() -> None:
    long_answer = (
        "We knock on doors every weekend and we call the voters we missed, and the calls "
        "work best when a neighbour makes them, because people listen to people they know. "
    ) * 2
    text = (
        "Ortiz: The mics are open. Please line up if you have a question.\n"
        "Sam: Thanks for coming. How do you reach voters who have never met a gay couple?\n"
        f"Kim: {long_answer}\n"
        f"Lou: And one more point. {long_answer}\n"
        "Sam: And what about the churches? Do you work with them at all?\n"
        f"Kim: {long_answer}\n"
        "Lou: The calls before or after the visits?\n"
        "Kim: It depends on the town.\n"
        "Sam: Is money still the thing you need most?\n"
        f"Lou: {long_answer}\n"
        "Ortiz: We have time for one more. Go ahead.\n"
    )
    outline = build_outline(text)
    assert set(outline.speakers) == {"Ortiz", "Sam", "Kim", "Lou"}
    assert "Lou" not in outline.askers and "Sam" in outline.askers
    assert "The calls before or after the visits?" not in questions(outline)


def test_a_cold_open_and_sponsor_reads_with_rhetorical_questions_are_not_questions() -> None:
    # Each paragraph labelled with the speaker and a timestamp, as caption exports do.
    paragraphs = [
        (
            "Dan Cole",
            "Have you ever wondered what happens to your phone after you recycle it? Today "
            "my guest is Rita Moss, who has spent twenty years in the e-waste business.",
        ),
        (
            "Dan Cole",
            "This episode is brought to you by Brightline. Tired of juggling invoices? "
            "Brightline keeps every bill in one place.",
        ),
        ("Dan Cole", "Rita, welcome to the show."),
        ("Rita Moss", "Thanks, Dan. Happy to be here."),
        ("Dan Cole", "So how did you end up in recycling of all things?"),
        (
            "Rita Moss",
            "By accident. My uncle ran a scrapyard, and the circuit boards were worth more "
            "than the copper.",
        ),
        ("Dan Cole", "Wow, that's incredible growth for a scrapyard side hustle."),
        ("Rita Moss", "It was. Everyone was replacing their phones every two years."),
        (
            "Dan Cole",
            "Support for the show comes from Northwind Coffee. Need a better morning? "
            "Northwind roasts every bag to order.",
        ),
        ("Dan Cole", "And we're back. Rita, what would you change about the rules?"),
        ("Rita Moss", "I would make the makers pay for the take-back of old phones."),
    ]
    text = "\n".join(
        f"{name} (00:{i:02d}:10):\n{said}\n" for i, (name, said) in enumerate(paragraphs)
    )
    outline = build_outline(text)
    assert outline.askers == ("Dan Cole",)
    assert questions(outline) == [
        "So how did you end up in recycling of all things?",
        "And we're back. Rita, what would you change about the rules?",
    ]


def test_a_question_split_over_two_labelled_paragraphs_stays_one_question() -> None:
    text = (
        "Dan Cole (00:01:10):\nSo where did the boards go after that?\n\n"
        "Dan Cole (00:01:15):\nI mean, was it always the smelter in Belgium?\n\n"
        "Rita Moss (00:01:20):\nAlways Belgium, for the first ten years at least.\n\n"
        "Dan Cole (00:01:40):\nAnd the plastic?\n\n"
        "Rita Moss (00:01:42):\nThe plastic went to landfill, sadly, all of it.\n"
    )
    found = questions(build_outline(text))
    assert len(found) == 2
    assert found[0].startswith("So where did the boards go after that?")
    assert found[0].endswith("I mean, was it always the smelter in Belgium?")
    assert found[1] == "And the plastic?"


def test_an_introduction_answered_with_happy_to_be_here_and_closing_thanks_answered_briefly() -> (
    None
):
    text = (
        "Host: My guest today built the first community radio station in the valley. Let's "
        "get into it.\n"
        "Guest: So happy to be here. I listened to this show on the tractor for years.\n"
        "Host: Why radio, and not a newsletter?\n"
        "Guest: Because half the valley could not read English, and everyone had a radio.\n"
        "Host: Thank you, Ed. The tariffs start Tuesday for the growers you broadcast to.\n"
        "Guest: They do, and we will cover them every morning at six, in three languages.\n"
        "Host: Ed, thank you so much for doing this. I learned a lot.\n"
        "Guest: Yeah, this was fun.\n"
    )
    assert questions(build_outline(text)) == [
        "Why radio, and not a newsletter?",
        # thanks and a statement the guest answers at length, mid-conversation
        "Thank you, Ed. The tariffs start Tuesday for the growers you broadcast to.",
    ]
