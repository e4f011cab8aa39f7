"""Who asks and which of their turns are questions, decided from the document (issue 11).

No names from a list: the snippets below use names no rule has seen. The real command
line takes the user's word instead (``gloss outline --interviewer NAME``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus import build_outline
from tests.conftest import run_gloss


def test_a_press_conference_with_many_askers_and_one_answerer() -> None:
    # Each reporter has a label of their own and speaks once; nobody is called "Q".
    text = (
        "GOVERNOR ADAMS: Good morning. The storm has passed and the roads are open again.\n"
        "RITA GOMEZ: Rita Gomez, Channel 4. When will power be back in the north?\n"
        "GOVERNOR ADAMS: By Friday for most homes, the utility tells us.\n"
        "PAUL OKAFOR: Paul Okafor from the Ledger. How many shelters are still open?\n"
        "GOVERNOR ADAMS: Six, down from twenty on Monday.\n"
        "LENA BERG: Lena Berg with Radio North. Will schools open on Monday?\n"
        "GOVERNOR ADAMS: They will, except in two districts.\n"
    )
    outline = build_outline(text)
    assert outline.askers == ("RITA GOMEZ", "PAUL OKAFOR", "LENA BERG")
    assert [q.asker for q in outline.questions] == ["RITA GOMEZ", "PAUL OKAFOR", "LENA BERG"]
    assert {q.answerer for q in outline.questions} == {"GOVERNOR ADAMS"}


def test_the_interviewer_is_found_without_a_role_label() -> None:
    # Two people named by their surnames; the one who puts the questions, in short turns,
    # is the interviewer, though the other speaks first after the introduction and asks
    # a rhetorical question of her own.
    text = (
        "Okafor: Thank you for seeing me. You ran the clinic for thirty years. How did it begin?\n"
        "Marsh: With a borrowed room and one nurse. Who else would have taken the night "
        "shifts? Nobody, so we did. We saw forty patients a night by the second winter, and "
        "the town council noticed and gave us the old school.\n"
        "Okafor: What changed when you moved into the school?\n"
        "Marsh: Everything. We had beds, a kitchen, a room for the children to wait in, and "
        "for the first time a telephone that was ours.\n"
        "Okafor: I see.\n"
        "Marsh: And a garden, later.\n"
    )
    outline = build_outline(text)
    assert outline.askers == ("Okafor",)
    assert [q.text for q in outline.questions] == [
        "Thank you for seeing me. You ran the clinic for thirty years. How did it begin?",
        "What changed when you moved into the school?",
    ]


def test_statements_only_have_no_asker() -> None:
    text = (
        "Ann Holt: Our campus moved its records online in two years.\n"
        "Ben Ruiz: We did the same, and the hard part was training.\n"
        "Ann Holt: The training took most of the budget.\n"
        "Ben Ruiz: Ours too, and it was worth every cent.\n"
    )
    outline = build_outline(text)
    assert outline.askers == ()
    assert outline.questions == ()
    assert len(outline.turns) == 4


def test_back_channel_thanks_echoes_and_fragments_are_turns_not_questions() -> None:
    text = (
        "Q: How are you?\n"
        "MAYOR LIN: Fine, thank you.\n"
        "Q: Your budget was cut by a third this year.\n"
        "MAYOR LIN: It was, and we had to close two libraries —\n"
        "Q: Because —\n"
        "MAYOR LIN: — because the state grant ended.\n"
        "Q: Mm-hmm.\n"
        "MAYOR LIN: We kept the main branch open on weekends.\n"
        "Q: The main branch.\n"
        "MAYOR LIN: Yes. And we will reopen one of the two next spring.\n"
        "Q: You kept the weekends?\n"
        "MAYOR LIN: We did, with volunteers.\n"
        "Q: Great to see you.\n"
        "MAYOR LIN: Thanks for having me.\n"
        "Q: Thank you, Madam Mayor.\n"
    )
    outline = build_outline(text)
    assert [q.text for q in outline.questions] == [
        "Your budget was cut by a third this year.",  # a statement she answers
        "You kept the weekends?",
    ]
    kept = [text[t.start : t.end] for t in outline.turns if t.speaker == "Q"]
    assert "Because —" in kept and "Mm-hmm." in kept and "The main branch." in kept
    assert "Thank you, Madam Mayor." in kept  # still a turn of the interviewer's


def test_the_floor_given_and_talk_between_co_hosts_are_not_questions() -> None:
    text = (
        "**Ana Cruz:** We're here with Tom Reyes. Tom, what is the project about?\n\n"
        "**Tom Reyes:** It is a library for reading sensor data on small boards.\n\n"
        "**Lee Park:** Right, Ana?\n\n"
        "**Ana Cruz:** That's right.\n\n"
        "**Lee Park:** And who uses it today?\n\n"
        "**Tom Reyes:** Mostly farmers watching soil moisture.\n"
    )
    outline = build_outline(text)
    assert set(outline.askers) == {"Ana Cruz", "Lee Park"}
    assert [q.text for q in outline.questions] == [
        "We're here with Tom Reyes. Tom, what is the project about?",
        "And who uses it today?",
    ]


def test_an_asker_who_answers_the_interviewee_puts_no_question() -> None:
    text = (
        "Host: What made you start the company?\n"
        "Guest: Frustration with the tools we had. What would you have done?\n"
        "Host: Probably the same, but slower and with less money than you had.\n"
        "Guest: Ha. Maybe so.\n"
        "Host: Where is it going next?\n"
        "Guest: Into schools.\n"
    )
    outline = build_outline(text)
    assert [q.text for q in outline.questions] == [
        "What made you start the company?",
        "Where is it going next?",
    ]


INTERVIEW = (
    "Dana Lee: Welcome. Could you tell us what your team builds?\n"
    "Omar Haddad: We build the tools our nurses chart with. Have you used them?\n"
    "Dana Lee: Once, years ago, on a night shift.\n"
    "Omar Haddad: They have changed since.\n"
)


def test_interviewer_override_on_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "talk.txt"
    path.write_text(INTERVIEW, encoding="utf-8")

    guessed = run_gloss("outline", "--json", str(path))
    assert guessed.returncode == 0, guessed.stderr
    assert json.loads(guessed.stdout)["askers"] == ["Dana Lee"]

    chosen = run_gloss("outline", "--json", "--interviewer", "omar haddad", str(path))
    assert chosen.returncode == 0, chosen.stderr
    data = json.loads(chosen.stdout)
    assert data["askers"] == ["Omar Haddad"]
    (question,) = data["sections"][0]["questions"]
    assert question["speaker"] == "Omar Haddad"
    assert question["answer"]["speaker"] == "Dana Lee"
    assert question["text"].startswith("We build the tools")

    both = run_gloss("outline", "--interviewer", "Lee", "--interviewer", "Haddad", str(path))
    assert both.returncode == 0, both.stderr
    assert "  speakers: Dana Lee, Omar Haddad\n  asking: Dana Lee, Omar Haddad\n" in both.stdout


@pytest.mark.parametrize("name", ["Nobody", "Dana Leigh"])
def test_an_interviewer_who_is_not_a_speaker_is_refused(tmp_path: Path, name: str) -> None:
    path = tmp_path / "talk.txt"
    path.write_text(INTERVIEW, encoding="utf-8")
    result = run_gloss("outline", "--interviewer", name, str(path))
    assert result.returncode != 0
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert str(path) in line and repr(name) in line and "Dana Lee, Omar Haddad" in line


#: Two speakers share a surname; a third shares it as a whole label.
SMITHS = (
    "John Smith: Good morning. What did the committee decide about the bridge?\n"
    "Mary Jones: We decided to repair it first and to replace it later.\n"
    "Stephen Smith: And how long will the repair take?\n"
    "Mary Jones: About a year, if the weather holds.\n"
    "John Smith: Who pays for it?\n"
    "Mary Jones: The county and the state, half each.\n"
    "Stephen Smith: And the ferry meanwhile?\n"
    "Mary Jones: It runs every hour.\n"
)
FAMILY = (
    "Smith: When did you come to the valley, and why?\n"
    "Anna Smith: In 1952, for the orchard work my father had found.\n"
    "Smith: What was the work like?\n"
    "Anna Smith: Hard, and the pay was poor, but we were together.\n"
)


def _askers(path: Path, *names: str) -> list[str]:
    options = [word for name in names for word in ("--interviewer", name)]
    result = run_gloss("outline", "--json", *options, str(path))
    assert result.returncode == 0, result.stderr
    return list(json.loads(result.stdout)["askers"])


def test_an_interviewer_named_in_full_is_that_speaker_only(tmp_path: Path) -> None:
    path = tmp_path / "family.txt"
    path.write_text(FAMILY, encoding="utf-8")
    # A label spelled out names that label, not every speaker whose name ends with it.
    assert _askers(path, "Smith") == ["Smith"]
    assert _askers(path, "Anna Smith") == ["Anna Smith"]
    assert _askers(path, "anna smith") == ["Anna Smith"]  # case aside
    # A part of one label only (a first name) names that speaker.
    assert _askers(path, "Anna") == ["Anna Smith"]
    smiths = tmp_path / "smiths.txt"
    smiths.write_text(SMITHS, encoding="utf-8")
    assert _askers(smiths, "Stephen") == ["Stephen Smith"]
    assert _askers(smiths, "Mr. John Smith") == ["John Smith"]  # the label's last words


def test_a_surname_of_two_speakers_is_refused_naming_both(tmp_path: Path) -> None:
    path = tmp_path / "smiths.txt"
    path.write_text(SMITHS, encoding="utf-8")
    result = run_gloss("outline", "--interviewer", "Smith", str(path))
    assert result.returncode == 1
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert str(path) in line and "'Smith'" in line
    assert "(John Smith, Stephen Smith)" in line and "in full" in line
    assert "Traceback" not in result.stderr


def test_research_transcript_letters_interviewer_and_respondent() -> None:
    # I: and R: as research transcripts write them; the respondent's rhetorical question
    # does not make her the one who asks.
    text = (
        "R: I trained in the city. Who would have thought I would end up out here? Not me.\n"
        "I: Can you tell me about your first year on the ward?\n"
        "R: It was long. Nights, mostly, and a lot of learning by watching others.\n"
        "I: Who taught you the most?\n"
        "R: An older nurse called Mary, who had been there thirty years.\n"
    )
    outline = build_outline(text)
    assert outline.speakers == ("R", "I")
    assert outline.askers == ("I",)
    assert [q.answerer for q in outline.questions] == ["R", "R"]


def test_a_statement_answered_by_someone_other_than_the_interviewee_is_no_question() -> None:
    # A hearing: counsel's remark to the chair, answered by the chair, is not put to the
    # witness; the questions to the witness are.
    text = (
        "**Chair Ray**: Good morning.\n\n"
        "**Ms Kent**: My Lady, before we begin there is a correction to the record: the "
        "figure given yesterday was 900 million, not 900,000.\n\n"
        "**Chair Ray**: A slight difference.\n\n"
        "**Ms Kent**: Please could you give your full name.\n\n"
        "**Mr Dale**: Thomas Edward Dale. I was the director of the agency from 2015 to "
        "2022, and before that its deputy for six years, in charge of planning.\n\n"
        "**Ms Kent**: And when did you first hear of the shortage?\n\n"
        "**Mr Dale**: In the first week of March, from our regional offices, who had been "
        "reporting delays in deliveries for some days by then.\n"
    )
    outline = build_outline(text)
    assert outline.askers == ("Ms Kent",)
    assert [q.text for q in outline.questions] == [
        "Please could you give your full name.",
        "And when did you first hear of the shortage?",
    ]


def test_each_interviewer_applies_to_the_file_where_they_speak(tmp_path: Path) -> None:
    talk = tmp_path / "talk.txt"
    talk.write_text(INTERVIEW, encoding="utf-8")
    family = tmp_path / "family.txt"
    family.write_text(FAMILY, encoding="utf-8")
    # Haddad speaks in talk.txt only, Anna in family.txt only: each names that file's asker.
    options = ("--interviewer", "Haddad", "--interviewer", "Anna")
    result = run_gloss("outline", "--json", *options, str(talk), str(family))
    assert result.returncode == 0, result.stderr
    assert [data["askers"] for data in json.loads(result.stdout)] == [
        ["Omar Haddad"],
        ["Anna Smith"],
    ]
    # A file none of the names speaks in keeps the asker its text decides.
    result = run_gloss("outline", "--json", "--interviewer", "Haddad", str(talk), str(family))
    assert result.returncode == 0, result.stderr
    assert [data["askers"] for data in json.loads(result.stdout)] == [["Omar Haddad"], ["Smith"]]


def test_a_name_no_file_speaks_is_refused_with_every_files_speakers(tmp_path: Path) -> None:
    talk = tmp_path / "talk.txt"
    talk.write_text(INTERVIEW, encoding="utf-8")
    family = tmp_path / "family.txt"
    family.write_text(FAMILY, encoding="utf-8")
    options = ("--interviewer", "Haddad", "--interviewer", "Nobody")
    result = run_gloss("outline", *options, str(talk), str(family))
    assert result.returncode == 1
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert "'Nobody'" in line and "'Haddad'" not in line
    assert f"{talk}: Dana Lee, Omar Haddad" in line and f"{family}: Smith, Anna Smith" in line
