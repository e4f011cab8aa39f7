"""Whisper's segment files (.tsv, .json) read as interviews: times in the map, not the text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus import load_interview
from tests.conftest import ROOT, run_gloss

NEW_HOME = ROOT / "tests" / "transcripts" / "tsv_earnings21_new_home_q3_2020.tsv"


def test_a_whisper_tsv_keeps_its_words_and_moves_its_times_to_the_map() -> None:
    interview = load_interview(NEW_HOME)
    text = interview.text
    assert "start\tend" not in text and "1311420" not in text
    assert text.startswith("at this time we'll be conducting a question and answer session")
    # The row "1340460 1343790 uh congrats on ..." starts 1340.46 s into the call.
    congrats = text.index("uh congrats on all the progress")
    assert interview.time_at(congrats) == pytest.approx(1340.46)
    assert interview.time_at(congrats - 1) == pytest.approx(1332.72)
    rows = NEW_HOME.read_text(encoding="utf-8").splitlines()[1:]
    assert len(interview.times) == len(rows)


def test_a_whisper_json_with_and_without_speakers(tmp_path: Path) -> None:
    plain = tmp_path / "talk.json"
    segments = [
        {"id": 0, "start": 0.0, "end": 2.5, "text": " so what brought you here"},
        {"id": 1, "start": 3.1, "end": 6.0, "text": " well i moved in nineteen ninety"},
    ]
    plain.write_text(json.dumps({"text": "...", "segments": segments, "language": "en"}))
    interview = load_interview(plain)
    assert interview.text.splitlines() == [
        "so what brought you here",
        "well i moved in nineteen ninety",
    ]
    assert interview.time_at(interview.text.index("well")) == pytest.approx(3.1)
    voiced = tmp_path / "whisperx.json"
    for segment, speaker in zip(segments, ["SPEAKER_00", "SPEAKER_01"], strict=True):
        segment["speaker"] = speaker
    voiced.write_text(json.dumps({"segments": segments}))
    assert load_interview(voiced).text.split("\n\n") == [
        "SPEAKER_00: so what brought you here",
        "SPEAKER_01: well i moved in nineteen ninety\n",
    ]


def test_a_tsv_in_seconds_is_read_in_seconds(tmp_path: Path) -> None:
    path = tmp_path / "seconds.tsv"
    path.write_text("0.0\t1.5\thello there\n2.25\t4.0\thow are you\n")
    interview = load_interview(path)
    assert interview.time_at(interview.text.index("how")) == pytest.approx(2.25)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("not-json.json", b"{segments: oops"),
        ("no-segments.json", b'{"text": "hello"}'),
        ("bad-segment.json", b'{"segments": [{"start": "x", "end": 1, "text": "hi"}]}'),
        ("empty.json", b'{"segments": []}'),
        ("two-columns.tsv", b"start\tend\ttext\n100\thello\n"),
        ("bad-time.tsv", b"start\tend\ttext\nabc\t200\thello\n"),
        ("empty.tsv", b""),
    ],
)
def test_a_bad_segment_file_is_one_line_naming_it_and_a_failure(
    tmp_path: Path, name: str, data: bytes
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = run_gloss("outline", str(path))
    assert result.returncode != 0
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert name in lines[0]
    assert "Traceback" not in result.stderr
