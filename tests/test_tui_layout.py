"""The reader's layout: lines wrap at word boundaries and keep their source offsets."""

from __future__ import annotations

from rich.cells import cell_len

from corpus import interview_from_text, load_interview
from tests.conftest import CLEAN_SEED, NOISY_SEED
from tui.layout import GUTTER, lay_out_interview, wrap


def test_wrap_breaks_between_words_only() -> None:
    text = "the quick brown fox jumps over the lazy dog"
    lines = [text[s:e].rstrip() for s, e in wrap(text, 0, len(text), 10)]
    assert lines == ["the quick", "brown fox", "jumps over", "the lazy", "dog"]
    assert " ".join(lines) == text


def test_wrap_cuts_only_a_word_longer_than_the_line() -> None:
    text = "a supercalifragilistic b"
    pieces = [text[s:e] for s, e in wrap(text, 0, len(text), 8)]
    assert "".join(pieces) == text
    assert all(cell_len(p.rstrip()) <= 8 for p in pieces)
    assert pieces[0] == "a "


def test_every_line_maps_back_to_the_clean_text() -> None:
    for path in (NOISY_SEED, CLEAN_SEED):
        interview = load_interview(path)
        layout = lay_out_interview(interview, 72)
        for line in layout.lines:
            assert line.end - line.start == len(line.text)
            assert cell_len(line.text.rstrip()) <= 72 - GUTTER
            if not line.blank:
                assert line.text == interview.text[line.start : line.end]


def test_words_are_never_split_across_lines() -> None:
    interview = load_interview(CLEAN_SEED)
    layout = lay_out_interview(interview, 50)
    text = interview.text
    for line in layout.lines:
        if line.blank or line.end >= len(text):
            continue
        # A line ends at a space or at the end of a paragraph, never inside a word.
        assert text[line.end - 1].isspace() or text[line.end] in "\n " or line.end == len(text)


def test_questions_and_measures_are_labelled() -> None:
    interview = load_interview(CLEAN_SEED)
    layout = lay_out_interview(interview, 100)
    kinds = {line.kind for line in layout.lines}
    labels = [line.label for line in layout.lines if line.label]
    assert "question" in kinds
    assert labels.count("Q") == len(interview.outline.questions)
    measures = [m for q in interview.outline.questions for m in q.measures]
    assert measures, "the clean seed enumerates measures"
    assert sum(1 for label in labels if label.endswith(".")) >= len(measures) // 2


def test_a_numbered_list_keeps_its_own_marker_without_a_second_in_the_gutter() -> None:
    """A list written "1. Plan" read "1. 1. Plan": the gutter repeated the file's number."""
    text = (
        "Q: What are the steps?\n\nA: There are three.\n\n"
        "1. Plan the work.\n2. Do the work.\n3. Check the work.\n"
    )
    interview = interview_from_text("steps", text)
    assert len(interview.outline.measures) == 3
    layout = lay_out_interview(interview, 80)
    measure_lines = [line for line in layout.lines if line.kind == "measure" and not line.blank]
    assert [line.text.strip() for line in measure_lines] == [
        "1. Plan the work.",
        "2. Do the work.",
        "3. Check the work.",
    ]
    assert [line.label for line in measure_lines] == ["", "", ""]


def test_a_spoken_ordinal_still_gets_its_number_in_the_gutter() -> None:
    text = (
        "Q: What will you do?\n\nA: Two things.\n\n"
        "The first is to plan the work.\n\nThe second is to do the work.\n"
    )
    interview = interview_from_text("spoken", text)
    layout = lay_out_interview(interview, 80)
    labels = [line.label for line in layout.lines if line.kind == "measure" and not line.blank]
    assert labels == ["1.", "2."]


def test_control_characters_are_replaced_one_for_one() -> None:
    interview = interview_from_text(
        "x", "Title\n\nhello \x1b[31mred\x1b[0m and [bold]not bold[/]\n"
    )
    layout = lay_out_interview(interview, 80)
    shown = "".join(line.text for line in layout.lines)
    assert "\x1b" not in shown
    assert "[bold]not bold[/]" in shown
    for line in layout.lines:
        assert len(line.text) == line.end - line.start


def test_line_of_finds_the_line_showing_an_offset() -> None:
    interview = load_interview(CLEAN_SEED)
    layout = lay_out_interview(interview, 60)
    for index, line in enumerate(layout.lines):
        if not line.blank and line.end > line.start:
            assert layout.line_of(line.start) == index
            assert layout.line_of(line.end - 1) == index


def test_fit_words_cuts_after_a_whole_word() -> None:
    from tui.layout import fit_words

    assert fit_words("short", 10) == "short"
    assert fit_words("Stabilizing industrial growth: we", 24) == "Stabilizing industrial…"
    assert fit_words("Stabilizing industrial growth: we", 22) == "Stabilizing…"
    assert cell_len(fit_words("x" * 50, 10)) <= 10
