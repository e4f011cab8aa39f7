"""Subtitles without names that mark each change of speaker with a leading dash: each dash
opens a new turn, so the questions and their replies are read, the dash left out."""

from __future__ import annotations

from pathlib import Path

from corpus import load_interview

TRANSCRIPTS = Path(__file__).parent / "transcripts"


def _time(seconds: int) -> str:
    return f"00:{seconds // 60:02d}:{seconds % 60:02d},000"


def _srt(cues: list[str]) -> str:
    """Numbered SRT cues, three seconds each, one after another without a pause."""
    return "\n".join(
        f"{n + 1}\n{_time(3 * n)} --> {_time(3 * n + 3)}\n{cue}\n" for n, cue in enumerate(cues)
    )


DASHED = [
    "- Welcome to the show, it's good to have you here.",
    "- Thanks, it's lovely to be here.",
    "- Okay. How did your survey start,",
    "and what did you measure first?",
    "- We measured the ice front every spring,",
    "from the same rock, with the same camera.",
    "That gave us thirty years of photographs.",
    "Some springs the rock was under snow,",
    "so we dug it out before we could start.",
    "The camera was my father's, an old one,",
    "and we kept it in a box in the hut.",
    "- Yeah.",
    "- And then the satellite images came along.",
    "- Okay. And were the photographs",
    "good enough for your first paper?",
    "- They were, once we had the satellite images to check them against.\n- Great.",
    "- Nobody believed the numbers at first,",
    "so we measured again the next year,",
    "and the year after that, from the same rock.",
    "The numbers held, and the paper went out.",
    "Two years later the office sent its own team,",
    "and they found the same retreat we had.",
]


def _questions(tmp_path: Path, cues: list[str]) -> list[str]:
    path = tmp_path / "survey.srt"
    path.write_text(_srt(cues), encoding="utf-8")
    return [question.text for question in load_interview(path).outline.questions]


def test_each_dash_opens_a_turn_and_the_questions_are_read(tmp_path: Path) -> None:
    questions = _questions(tmp_path, DASHED)
    assert questions == [
        "Okay. How did your survey start, and what did you measure first?",
        "Okay. And were the photographs good enough for your first paper?",
    ]


def test_two_speakers_in_one_cue_are_two_turns(tmp_path: Path) -> None:
    path = tmp_path / "survey.srt"
    path.write_text(_srt(DASHED), encoding="utf-8")
    text = load_interview(path).text
    assert "check them against.\n\nGreat.\n\nNobody believed the numbers" in text
    assert "\n- " not in text and not text.startswith("-")


def test_a_stray_dash_is_not_a_change_of_speaker(tmp_path: Path) -> None:
    cues = [line.lstrip("- ") for line in DASHED]
    cues[3] = "- from the same rock, with the same camera."
    path = tmp_path / "survey.srt"
    path.write_text(_srt(cues), encoding="utf-8")
    text = load_interview(path).text
    assert "- from the same rock" in text
    assert "\n\n" not in text.strip()


def test_real_captions_with_dashed_turns() -> None:
    wave = load_interview(TRANSCRIPTS / "vtt_talkpython_386_h2o_wave_2022.vtt")
    wave_questions = [question.text for question in wave.outline.questions]
    assert any(
        t.startswith("Okay, so if I have like a team of data scientists") for t in wave_questions
    )
    assert not any(t.startswith("-") for t in wave_questions)
    playwright = load_interview(TRANSCRIPTS / "vtt_talkpython_368_playwright_2022.vtt")
    assert [q.text.split(".")[0] for q in playwright.outline.questions] == [
        "And then you already mentioned the Playwright API is TypeScript, JavaScript, Python, ",
        "Yeah, very cool",
    ]
