"""``gloss clean`` and ``gloss outline``: the stable interface scripts build on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from corpus import load_interview
from tests.conftest import CLEAN_SEED, NOISY_SEED, ROOT, run_gloss
from tui.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    return captured.out


def gloss(*argv: str) -> subprocess.CompletedProcess[str]:
    return run_gloss(*argv)


@pytest.mark.parametrize("seed", [CLEAN_SEED, NOISY_SEED], ids=["004", "000"])
def test_clean_prints_exactly_the_clean_text(
    capsys: pytest.CaptureFixture[str], seed: Path
) -> None:
    text = load_interview(seed).text
    out = run(capsys, "clean", str(seed))
    assert out == (text if text.endswith("\n") else text + "\n")


def test_clean_accepts_a_bundled_id(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "clean", "004") == run(capsys, "clean", str(CLEAN_SEED))


def test_clean_adds_no_newline_to_a_text_that_ends_with_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "short.txt"
    path.write_text("Q: Why?\nA: Because.\n", encoding="utf-8")
    assert run(capsys, "clean", str(path)) == "Q: Why?\nA: Because.\n"
    path.write_text("Q: Why?\nA: Because.", encoding="utf-8")
    assert run(capsys, "clean", str(path)) == "Q: Why?\nA: Because.\n"
    path.write_text("", encoding="utf-8")
    assert run(capsys, "clean", str(path)) == ""


def test_clean_prints_markup_literally(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "markup.txt"
    path.write_text("Q: Is [bold red]this[/] markup?\nA: No, it is [link=x]text[/link].\n")
    assert run(capsys, "clean", str(path)) == path.read_text()


def outline_json(capsys: pytest.CaptureFixture[str], *names: str) -> Any:
    return json.loads(run(capsys, "outline", "--json", *names))


def test_outline_json_has_the_documented_shape(capsys: pytest.CaptureFixture[str]) -> None:
    data = outline_json(capsys, str(CLEAN_SEED))
    assert isinstance(data, dict)
    assert data["id"] == "004_2a78cebe821b9ac3"
    assert data["title"].startswith("Go all out to stabilize the industry")
    assert data["dateline"] == "Xinhua News Agency, Beijing, January 2."
    assert data["byline"] == "Xinhua News Agency reporter Zhang Xinxin"
    section = data["sections"][0]
    assert set(section) == {"heading", "start", "end", "measures", "questions"}
    question = section["questions"][0]
    assert {"text", "start", "end", "speaker", "answer", "measures"} <= set(question)
    assert set(question["answer"]) == {"start", "end", "speaker"}
    assert (question["speaker"], question["answer"]["speaker"]) == ("Q", "Answer")
    assert data["speakers"] == ["Q", "Answer", "Question"]
    assert data["askers"] == ["Q", "Question"]
    turn = data["turns"][0]
    assert set(turn) == {"speaker", "start", "end", "label"}
    assert turn["speaker"] == "Q"
    assert set(question["measures"][0]) == {"ordinal", "text", "start", "end"}
    assert [m["ordinal"] for m in question["measures"]] == [1, 2, 3, 4]


@pytest.mark.parametrize("seed", [CLEAN_SEED, NOISY_SEED], ids=["004", "000"])
def test_outline_offsets_index_the_clean_output(
    capsys: pytest.CaptureFixture[str], seed: Path
) -> None:
    clean = run(capsys, "clean", str(seed))
    data = outline_json(capsys, str(seed))
    assert data["sections"], "no sections found"
    for section in data["sections"]:
        if section["heading"] is not None:
            heading = clean[section["start"] : section["start"] + len(section["heading"])]
            assert heading == section["heading"]
        for question in section["questions"]:
            asked = " ".join(clean[question["start"] : question["end"]].split())
            assert asked == question["text"]
            answer = clean[question["answer"]["start"] : question["answer"]["end"]]
            assert answer and answer == answer.strip()
            for measure in question["measures"]:
                item = " ".join(clean[measure["start"] : measure["end"]].split())
                assert item.startswith(measure["text"])


def test_outline_of_two_files_is_a_list(capsys: pytest.CaptureFixture[str]) -> None:
    data = outline_json(capsys, "000", "004")
    assert isinstance(data, list)
    assert [entry["id"] for entry in data] == ["000_c9713b0c270de763", "004_2a78cebe821b9ac3"]


def test_readable_outline(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "outline", str(CLEAN_SEED))
    interview = load_interview(CLEAN_SEED)
    lines = out.splitlines()
    assert lines[0].startswith("Go all out to stabilize the industry")
    for section in interview.outline.sections:
        assert f"  {section.heading}" in lines
    assert any(line.startswith("    Q1. What was the status") for line in lines)
    assert (
        "        1. The first is to increase the supply and implementation of policies to "
        "stabilize growth." in lines
    )
    assert any(line.startswith("    Q4. ") for line in lines)


def test_readable_outline_of_a_text_without_questions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Just some notes\n\nNothing was asked.\n", encoding="utf-8")
    out = run(capsys, "outline", str(path))
    assert out == "Just some notes  [notes]\n  (no questions found)\n"


@pytest.mark.parametrize("command", ["clean", "outline"])
def test_help(capsys: pytest.CaptureFixture[str], command: str) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([command, "--help"])
    assert exit_.value.code == 0
    assert "FILE" in capsys.readouterr().out


def test_unknown_bundled_id_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outline", "--json", "no-such-interview"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "gloss: no-such-interview: no such file or bundled interview; check the path\n"
    )


def test_real_process_clean_and_outline_agree() -> None:
    clean = gloss("clean", "000")
    outline = gloss("outline", "--json", "000")
    assert clean.returncode == 0, clean.stderr
    assert outline.returncode == 0, outline.stderr
    text = load_interview(NOISY_SEED).text
    assert clean.stdout == (text if text.endswith("\n") else text + "\n")
    data = json.loads(outline.stdout)
    for question in (q for s in data["sections"] for q in s["questions"]):
        asked = " ".join(clean.stdout[question["start"] : question["end"]].split())
        assert asked == question["text"]


def test_real_process_does_not_import_textual() -> None:
    code = (
        "import sys\n"
        "from tui.cli import main\n"
        "main(['outline', '004'])\n"
        "main(['clean', '004'])\n"
        "assert 'textual' not in sys.modules, 'textual was imported'\n"
        "assert 'rich' not in sys.modules, 'rich was imported'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr


def test_non_utf8_locale_gets_no_traceback() -> None:
    """With an ASCII-only stdout, text degrades to one '?' per character; JSON loses nothing."""
    env = {**os.environ, "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
    env.pop("PYTHONIOENCODING", None)
    runs = {
        command: subprocess.run(
            [sys.executable, "-m", "tui", *command.split()],
            capture_output=True,
            env=env,
            timeout=60,
            cwd=ROOT,
        )
        for command in ("clean 004", "outline 004", "outline --json 004")
    }
    for command, result in runs.items():
        assert result.returncode == 0, (command, result.stderr.decode(errors="replace"))
        assert b"Traceback" not in result.stderr
    text = load_interview(CLEAN_SEED).text
    clean = runs["clean 004"].stdout.decode("ascii")
    assert len(clean) == len(text if text.endswith("\n") else text + "\n")
    assert "advantages??Interview" in clean
    data = json.loads(runs["outline --json 004"].stdout.decode("ascii"))
    assert "advantages——Interview" in data["title"]


def test_stdin_as_dash() -> None:
    data = CLEAN_SEED.read_bytes()
    clean = subprocess.run(
        [sys.executable, "-m", "tui", "clean", "-"],
        input=data,
        capture_output=True,
        timeout=60,
        cwd=ROOT,
    )
    outline = subprocess.run(
        [sys.executable, "-m", "tui", "outline", "--json", "-"],
        input=data,
        capture_output=True,
        timeout=60,
        cwd=ROOT,
    )
    assert clean.returncode == 0 and outline.returncode == 0, clean.stderr + outline.stderr
    text = load_interview(CLEAN_SEED).text
    assert clean.stdout.decode("utf-8") == (text if text.endswith("\n") else text + "\n")
    document = json.loads(outline.stdout)
    assert document["id"] == "stdin"
    assert document["title"] == load_interview(CLEAN_SEED).outline.title


def test_outline_text_lists_the_speakers_and_who_asks(capsys: pytest.CaptureFixture[str]) -> None:
    printed = run(capsys, "outline", str(CLEAN_SEED))
    assert "  speakers: Q, Answer, Question\n  asking: Q, Question\n" in printed
