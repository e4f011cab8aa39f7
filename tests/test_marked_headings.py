"""Headings that a file's format marks (Markdown ``#`` and underlines, Word's heading
styles): read from the marks the reader takes out of the text, with the cases where a
marked line is something else (a question, a speaker's name, the document's title)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from corpus import load_interview, with_askers
from corpus.reading.markdown import read_markdown

_TURNS = (
    "**Host:** Where did you grow up?\n\n"
    "**Ada:** In London, mostly, with my mother.\n\n"
    "## Work\n\n"
    "**Host:** What came next?\n\n"
    "**Ada:** The engine, and the notes on it.\n"
)


def outline_of(tmp_path: Path, source: str, name: str = "talk.md") -> tuple[str | None, list]:
    path = tmp_path / name
    path.write_text(source, encoding="utf-8")
    outline = load_interview(path).outline
    return outline.title, [section.heading for section in outline.sections]


def test_the_reader_keeps_where_each_heading_stood() -> None:
    source = (
        "# Talking with Ada\n"
        "Part One\n"
        "========\n"
        "#hashtag is no heading\n"
        "```\n"
        "# nor is code\n"
        "```\n"
        "### Early *life* ###\n"
        "Closing\n"
        "-------\n"
    )
    document = read_markdown(source)
    found = [(document.text[at:].split("\n", 1)[0], level) for at, level in document.headings]
    assert found == [
        ("Talking with Ada", 1),
        ("Part One", 1),
        ("Early life", 3),
        ("Closing", 2),
    ]


def test_word_heading_styles_are_marks_with_their_levels(tmp_path: Path) -> None:
    word = docx.Document()
    word.add_paragraph("Transcript of an interview with Ada", style="Title")
    word.add_paragraph("Early life", style="Heading 1")
    word.add_paragraph("Host: Where did you grow up?")
    word.add_paragraph("Ada: In London.")
    word.add_paragraph("School", style="Heading 2")
    word.add_paragraph("Host: Which school?")
    word.add_paragraph("Ada: None, I had tutors.")
    word.save(tmp_path / "ada.docx")
    interview = load_interview(tmp_path / "ada.docx")
    marks = [(interview.text[at:].split("\n", 1)[0], level) for at, level in interview.headings]
    assert marks == [("Early life", 1), ("School", 2)]
    assert [s.heading for s in interview.outline.sections] == ["Early life", "School"]


def test_marked_headings_in_sentence_case_head_prose_and_turns(tmp_path: Path) -> None:
    source = (
        "---\ntitle: Talking with Ada\n---\n\n"
        "# Opening statement\n\n"
        "Welcome everyone to this conversation with Ada, who joins us from London today.\n\n"
        "## Questions and answers\n\n" + _TURNS
    )
    title, headings = outline_of(tmp_path, source)
    assert title == "Talking with Ada"
    assert headings == ["Opening statement", "Questions and answers", "Work"]


def test_a_markdown_file_that_opens_with_a_section_heading_keeps_all_its_headings(
    tmp_path: Path,
) -> None:
    source = "## Early life\n\n" + _TURNS
    assert outline_of(tmp_path, source)[1] == ["Early life", "Work"]


def test_setext_headings_after_front_matter(tmp_path: Path) -> None:
    source = "---\ntitle: Talking with Ada\n---\n\nEarly life\n==========\n\n" + _TURNS.replace(
        "## Work\n", "Work\n----\n"
    )
    assert outline_of(tmp_path, source) == ("Talking with Ada", ["Early life", "Work"])


@pytest.mark.parametrize("mark", ["# ", "## "])
def test_a_title_from_front_matter_repeated_as_a_heading_is_found_once(
    tmp_path: Path, mark: str
) -> None:
    source = "---\ntitle: Talking with Ada\n---\n\n" + mark + "Talking with Ada\n\n" + _TURNS
    title, headings = outline_of(tmp_path, source)
    assert title == "Talking with Ada"
    assert "Talking with Ada" not in headings
    assert headings[-1] == "Work"


def test_the_one_top_level_heading_first_is_the_title(tmp_path: Path) -> None:
    source = "# Talking with Ada\n\n## Early life\n\n" + _TURNS
    assert outline_of(tmp_path, source) == ("Talking with Ada", ["Early life", "Work"])


def test_questions_put_as_headings_stay_questions_under_their_section(tmp_path: Path) -> None:
    source = (
        "## A summary of our conversation\n\n"
        "### Where did you grow up?\n\n"
        "In London, mostly, with my mother and a long line of tutors who came to the house.\n\n"
        "### What came next?\n\n"
        "The engine, and the notes on it, which took me the best part of a year to write.\n\n"
        "## Wrap up\n\n"
        "Ada's notes are in the library, where anyone may read them today.\n"
    )
    assert outline_of(tmp_path, source)[1] == ["A summary of our conversation", "Wrap up"]


def test_a_speakers_name_marked_over_each_turn_is_no_heading(tmp_path: Path) -> None:
    source = (
        "### Host\n\nWhere did you grow up, and what was it like there?\n\n"
        "### Ada\n\nIn London, mostly, with my mother.\n\n"
        "### Host\n\nWhat came next for you, after that?\n\n"
        "### Ada\n\nThe engine, and the notes on it.\n"
    )
    headings = outline_of(tmp_path, source)[1]
    assert not {"Host", "Ada"} & set(headings)


def test_the_marks_are_kept_when_the_interviewer_is_named(tmp_path: Path) -> None:
    path = tmp_path / "talk.md"
    path.write_text("## Early life\n\n" + _TURNS, encoding="utf-8")
    interview = with_askers(load_interview(path), ["Host"])
    assert [section.heading for section in interview.outline.sections] == ["Early life", "Work"]


def test_a_cached_parse_of_the_same_text_with_other_marks_is_not_reused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GLOSS_CACHE_DIR", str(tmp_path / "cache"))
    marked = tmp_path / "marked.md"
    marked.write_text("Early life\n==========\n\n" + _TURNS.replace("## Work", "Work"), "utf-8")
    plain = tmp_path / "plain.txt"
    plain.write_text(load_interview(marked).clean.raw, encoding="utf-8")
    assert load_interview(plain).text == load_interview(marked).text
    assert load_interview(marked).outline != load_interview(plain).outline
