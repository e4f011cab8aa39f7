"""The benchmarks' synthetic files read as the transcripts they stand for: a speed figure
for a file whose turns or questions were missed would time the wrong work."""

from __future__ import annotations

from pathlib import Path

from corpus import load_interview
from tests.synthetic_transcripts import markdown_export, srt_cues, timed_headers, whisper_tsv


def test_a_markdown_export_reads_as_turns_questions_parts_and_lists(tmp_path: Path) -> None:
    path = tmp_path / "export.md"
    path.write_text(markdown_export(20_000), encoding="utf-8")
    outline = load_interview(path).outline
    assert outline.title == "A long conversation, exported"
    assert outline.speakers == ("Jane Doe", "Omar Haddad")
    assert outline.askers == ("Jane Doe",)
    assert [s.heading for s in outline.sections] == [f"Part {n}" for n in range(1, 6)]
    questions = [q for section in outline.sections for q in section.questions]
    host_turns = [t for t in outline.turns if t.speaker == "Jane Doe"]
    # Every host turn asks but the back-channel ("Right, right."), a statement included.
    assert len(questions) == len(host_turns) - len(host_turns) // 4
    assert "You said once that exports was the hard part of year 2." in [q.text for q in questions]
    lists = [q.measures for q in questions if q.measures]
    assert lists and all(len(measures) == 2 for measures in lists)


def test_srt_cues_read_as_one_question_per_host_turn(tmp_path: Path) -> None:
    path = tmp_path / "cues.srt"
    path.write_text(srt_cues(20_000), encoding="utf-8")
    outline = load_interview(path).outline
    assert outline.speakers == ("JANE DOE", "OMAR HADDAD")
    assert outline.askers == ("JANE DOE",)
    questions = [q for section in outline.sections for q in section.questions]
    assert len(questions) == sum(t.speaker == "JANE DOE" for t in outline.turns)
    assert questions[0].text == "So tell me about industry. How did you strengthen it in 0?"


def test_a_whisper_tsv_reads_as_one_question_per_host_turn(tmp_path: Path) -> None:
    path = tmp_path / "speech.tsv"
    text = whisper_tsv(20_000)
    path.write_text(text, encoding="utf-8")
    questions = load_interview(path).outline.questions
    assert len(questions) == text.count("okay great and then")
    assert questions[1].text == (
        "okay great and then on farmland can you talk about how you managed to protect it in year 1"
    )


def test_timed_headers_read_as_one_turn_per_speaker_and_one_question_per_host_turn(
    tmp_path: Path,
) -> None:
    path = tmp_path / "rev.txt"
    path.write_text(timed_headers(20_000), encoding="utf-8")
    interview = load_interview(path)
    outline = interview.outline
    assert outline.speakers == ("Jane Doe", "Omar Haddad")
    assert outline.askers == ("Jane Doe",)
    speakers = [t.speaker for t in outline.turns]
    assert speakers == ["Jane Doe", "Omar Haddad"] * (len(speakers) // 2)  # blocks: one turn
    assert len(outline.questions) == len(speakers) // 2
    assert outline.questions[1].text == "How did you measure exports in year 2?"
    assert "00:00" not in interview.text and len(interview.times) == len(speakers) * 3 // 2
