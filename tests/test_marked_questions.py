"""Questions a file's format marks as headings (``### How did you start?``) over answers
labelled with their speakers' names (``SK:``), as written Q&As are published: each marked
question is the interviewer's turn, the labelled speakers answer, and nobody named asks."""

from __future__ import annotations

from pathlib import Path

import docx

from corpus import Interview, load_interview

_WRITTEN = (
    "## Introduction\n\n"
    "We talked with Sam Kim (SK) and Eve Hale (EH) about the project.\n\n"
    "## The conversation\n\n"
    "### What does the group do?\n\n"
    "SK: It looks after the node and everything that runs on it, day and night.\n\n"
    "### How did the testing work start?\n\n"
    "EH: It started after a release was blocked by failing tests.\n\n"
    "The second paragraph of the answer runs on, and asks nothing.\n\n"
    "### Tell us how newcomers get started.\n\n"
    "SK: Slowly at first, with a mentor who knows the code.\n\n"
    "### What is coming next?\n\n"
    "EH: New features, and fewer old ones.\n\n"
    "### Any closing thoughts?\n\n"
    "SK/EH: Join us, it is worth it.\n"
)


def _load(tmp_path: Path, source: str, name: str = "written.md") -> Interview:
    path = tmp_path / name
    path.write_text(source, encoding="utf-8")
    return load_interview(path)


def test_marked_questions_are_the_interviewers_and_the_labelled_speakers_answer(
    tmp_path: Path,
) -> None:
    interview = _load(tmp_path, _WRITTEN)
    outline = interview.outline
    assert outline.speakers == ("SK", "EH", "SK/EH")
    assert outline.askers == ()
    [_, conversation] = outline.sections
    assert conversation.heading == "The conversation"
    assert [q.text for q in conversation.questions] == [
        "What does the group do?",
        "How did the testing work start?",
        "Tell us how newcomers get started.",
        "What is coming next?",
        "Any closing thoughts?",
    ]
    assert [q.answerer for q in conversation.questions] == ["SK", "EH", "SK", "EH", "SK/EH"]
    second = conversation.questions[1]
    answer = interview.text[second.answer.start : second.answer.end]
    assert answer.startswith("It started after") and answer.endswith("asks nothing.")


def test_an_answer_ends_before_the_next_marked_question(tmp_path: Path) -> None:
    interview = _load(tmp_path, _WRITTEN)
    said = {
        interview.text[turn.start : turn.end]
        for turn in interview.outline.turns
        if turn.speaker == "EH"
    }
    assert said >= {
        "It started after a release was blocked by failing tests.\n\n"
        "The second paragraph of the answer runs on, and asks nothing."
    }


def test_one_marked_question_among_section_headings_is_no_convention(tmp_path: Path) -> None:
    source = (
        "## Early years\n\n"
        "Host: Where did you grow up?\n\n"
        "Ada: In London, mostly, with my mother.\n\n"
        "## Why engines?\n\n"
        "Ada: Because my tutor showed me one, and I could not stop drawing it.\n\n"
        "Host: And then?\n\n"
        "Ada: Then the notes, which took a year.\n"
    )
    outline = _load(tmp_path, source).outline
    assert outline.askers == ("Host",)
    assert [q.text for s in outline.sections for q in s.questions] == [
        "Where did you grow up?",
        "And then?",
    ]


def test_a_joint_label_needs_each_of_its_names_to_label_turns(tmp_path: Path) -> None:
    plain = _WRITTEN.replace("SK/EH:", "Input/Output:")
    outline = _load(tmp_path, plain).outline
    assert "Input/Output" not in outline.speakers
    assert outline.speakers == ("SK", "EH")


def test_questions_in_a_word_heading_style_before_labelled_answers(tmp_path: Path) -> None:
    word = docx.Document()
    word.add_paragraph("Spotlight on the storage group", style="Title")
    word.add_paragraph("The conversation", style="Heading 1")
    for question, answer in (
        ("What does the group do?", "SK: It keeps every block on two disks."),
        ("Who reviews the changes?", "EH: Two of us, one from each company."),
        ("How do newcomers start?", "SK: With the failing tests, and a mentor."),
    ):
        word.add_paragraph(question, style="Heading 2")
        word.add_paragraph(answer)
    word.save(tmp_path / "spotlight.docx")
    outline = load_interview(tmp_path / "spotlight.docx").outline
    assert [s.heading for s in outline.sections] == ["The conversation"]
    assert [q.text for q in outline.sections[0].questions] == [
        "What does the group do?",
        "Who reviews the changes?",
        "How do newcomers start?",
    ]
    assert outline.askers == ()
    assert set(outline.speakers) == {"SK", "EH"}


def test_question_chapter_titles_over_a_hosts_questions_are_not_the_questions(
    tmp_path: Path,
) -> None:
    source = (
        "### Why a new database?\n\n"
        "Jerod: So why did you start another database, of all things?\n\n"
        "Ada: Because the old ones lost our data twice in one winter.\n\n"
        "### Who pays for it?\n\n"
        "Jerod: And who pays the bills now?\n\n"
        "Ada: Three companies that run it in production, and a foundation.\n\n"
        "### What comes next?\n\n"
        "Jerod: What is next on the list?\n\n"
        "Ada: Replication across regions, and a better planner.\n"
    )
    outline = _load(tmp_path, source).outline
    assert outline.askers == ("Jerod",)
    assert [q.asker for s in outline.sections for q in s.questions] == ["Jerod"] * 3
