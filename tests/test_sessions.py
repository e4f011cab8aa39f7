"""An oral history in several sessions: each opens with the document's heading or metadata
block restated, and those lines are no one's turns (issue 11).

Archives publish a long oral history as sessions ("Session 1", "Interview #2, date",
"Tape 1, Side A"), each restating the interviewee, the interviewer and the date. Read as
labels, the restated fields (``Interviewer: David Kwan``) or the interviewee's name alone on
its line made speakers of "Interviewer" and "Caldwell C. Johnson", and the real interviewer
asked nothing. The restated lines recur word for word beside the same lines; a speaker's
label recurs beside what is said, which changes.
"""

from __future__ import annotations

import pytest

from corpus import build_outline, load_interview
from tests.conftest import ROOT

_SESSION = """Interviewee: Margaret Ellis
{interviewer}
Date: March {day}, 2003
Place: {place}
Transcriber: R. Patel

Session {number}

"""

_FIRST = """{asker}: This is David Kwan with Margaret Ellis. Where were you born?

ELLIS: In Duluth, in 1921, in a house my father built above the harbour.

{asker}: What did your father do?

ELLIS: He was a dock foreman. He worked twelve-hour shifts in the summer.

[End of Tape 1, Side A]

{asker}: Tell me about the winters.

ELLIS: Quiet. The lake froze and the docks closed.

[End of Session 1]

"""

_SECOND = """{asker}: Last time we stopped at the winters. When did you start at the docks yourself?

ELLIS: In 1942, when the men went to war.

{asker}: What was your first job there?

ELLIS: Checking ore cars. We counted them by hand.[1]

Notes

1. Duluth News Tribune, May 2, 1943.
"""

QUESTIONS = [
    "This is David Kwan with Margaret Ellis. Where were you born?",
    "What did your father do?",
    "Tell me about the winters.",
    "Last time we stopped at the winters. When did you start at the docks yourself?",
    "What was your first job there?",
]


def _oral_history(asker: str, interviewer: str) -> str:
    return (
        "ORE DOCKS ORAL HISTORY PROJECT\n\n"
        + _SESSION.format(interviewer=interviewer, day=14, place="Ellis home, Duluth", number=1)
        + _FIRST.format(asker=asker)
        + _SESSION.format(interviewer=interviewer, day=21, place="Duluth library", number=2)
        + _SECOND.format(asker=asker)
    )


@pytest.mark.parametrize(
    ("asker", "interviewer"),
    [
        ("KWAN", "Interviewer: David Kwan"),
        ("DK", "Interviewer: David Kwan"),
        ("DK", "Interviewer: Kwan, David"),  # surname first: one person, initials DK
    ],
)
def test_restated_metadata_opens_each_session_and_is_no_turn(asker: str, interviewer: str) -> None:
    text = _oral_history(asker, interviewer)
    outline = build_outline(text)
    # Not "Interviewee", "Interviewer", "Place" or "Transcriber": the fields restated per
    # session (one of them with a new value) label no turns.
    assert outline.speakers == (asker, "ELLIS")
    assert outline.askers == (asker,)
    assert [q.text for q in outline.questions] == QUESTIONS
    # The last answer of a session ends before the next session's block.
    last = outline.questions[2].answer
    assert text[last.start : last.end].startswith("Quiet. The lake froze")
    assert "Interviewee" not in text[last.start : last.end]
    assert all("Interviewee" not in text[t.start : t.end] for t in outline.turns)


def test_each_sessions_restated_metadata_names_its_own_interviewer() -> None:
    first, second = _oral_history("KWAN", "Interviewer: David Kwan").split("[End of Session 1]")
    second = second.replace("Interviewer: David Kwan", "Interviewer: Ann Lee")
    outline = build_outline(first + "[End of Session 1]" + second.replace("KWAN:", "LEE:"))
    assert outline.speakers == ("KWAN", "ELLIS", "LEE")
    assert outline.askers == ("KWAN", "LEE")
    assert [q.text for q in outline.questions] == QUESTIONS
    assert [q.asker for q in outline.questions] == ["KWAN"] * 3 + ["LEE"] * 2


def test_the_metadata_block_names_the_asker_of_a_session_transcript() -> None:
    # Kwan asks once in the first session; the interviewee asks back more often. The
    # restated block still counts as the metadata block whose interviewer asks.
    text = (
        "Interviewee: Margaret Ellis\nInterviewer: David Kwan\nDate: March 14, 2003\n\n"
        "KWAN: Where were you born?\n\n"
        "ELLIS: In Duluth. Do you know it? Have you seen the harbour? The ore docks?\n\n"
        "KWAN: Only from pictures.\n\n"
        "ELLIS: You should go. Why not this summer?\n\n"
        "Interviewee: Margaret Ellis\nInterviewer: David Kwan\nDate: March 21, 2003\n\n"
        "KWAN: And the docks themselves?\n\n"
        "ELLIS: Loud, always. Who could sleep near them?\n"
    )
    outline = build_outline(text)
    assert outline.speakers == ("KWAN", "ELLIS")
    assert outline.askers == ("KWAN",)
    asked = [q.text for q in outline.questions]
    assert {"Where were you born?", "And the docks themselves?"} <= set(asked)
    assert {q.asker for q in outline.questions} == {"KWAN"}


def test_a_heading_block_restated_per_session_names_no_speaker() -> None:
    # A real oral history published one page a session, each opening with the project,
    # the interviewee's name alone on its line and "Interviewed by ...".
    path = ROOT / "tests" / "transcripts" / "oral_history_nasa_caldwell_johnson_3_sessions.txt"
    outline = load_interview(path).outline
    assert outline.speakers == ("Johnson", "Kelly", "Neal")
    assert outline.askers == ("Kelly", "Neal")
    assert "How’d that happen?" in [q.text for q in outline.questions]


def test_a_name_line_that_recurs_beside_new_words_still_labels_turns() -> None:
    # Speakers' names alone on their lines recur too, but beside what each says.
    text = (
        "Dana Lee\nWhere did the idea come from?\n\n"
        "Omar Haddad\nFrom our nurses, who kept paper notes beside the screens.\n\n"
        "Dana Lee\nAnd how long did the first version take?\n\n"
        "Omar Haddad\nEighteen months, most of it listening.\n"
    )
    outline = build_outline(text)
    assert outline.speakers == ("Dana Lee", "Omar Haddad")
    assert len(outline.questions) == 2
