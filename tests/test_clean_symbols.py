"""Real symbols survive cleaning; injected symbol noise still goes (``cleaning.injected``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus import clean_text, load_interview
from tests.conftest import CLEAN_SEED, NOISY_SEED, run_gloss
from tests.synthetic_noise import inject_noise

SYMBOLS_KEPT = ["£900,000", "€5", "¥", "≤ 3", "α-helix", "→"]
TRANSCRIPT = """Q: What did the cuts amount to?

A: The budget was cut by about £900,000. Tickets cost €5 in Berlin and 700 ¥ in Tokyo.

Q: And the trial?

A: Patients with a score ≤ 3 were excluded. The α-helix binds first, then folding → release.
"""


@pytest.fixture
def transcript(tmp_path: Path) -> Path:
    path = tmp_path / "budget.txt"
    path.write_text(TRANSCRIPT, encoding="utf-8")
    return path


def test_gloss_clean_keeps_the_symbols_of_a_clean_transcript(transcript: Path) -> None:
    result = run_gloss("clean", str(transcript))
    assert result.returncode == 0, result.stderr
    assert result.stdout == TRANSCRIPT
    for symbol in SYMBOLS_KEPT:
        assert symbol in result.stdout


def test_the_reader_shows_the_symbols_of_a_clean_transcript(transcript: Path) -> None:
    text = load_interview(transcript).clean.text
    assert text == TRANSCRIPT


def test_a_real_hearing_keeps_its_pounds() -> None:
    hearing = Path(__file__).parent / "transcripts" / "hearing_uk_covid_inquiry_2024-03-07.txt"
    text = load_interview(hearing).clean.text
    assert "cut in real terms by about £900,000." in text
    assert "the correct figure is in fact £900 million." in text


def test_one_odd_symbol_among_real_ones_does_not_cost_the_file_its_symbols() -> None:
    raw = TRANSCRIPT + "\nQ: And the brand?\n\nA: We call it Gloss♦ now, €5 a month.\n"
    assert clean_text(raw).text == raw


def test_a_few_noise_runs_inside_words_are_still_cut() -> None:
    raw = "We will pro♦★mote the pl→an for manu≈facturing, and the budget of 45 billion."
    assert clean_text(raw).text == (
        "We will promote the plan for manufacturing, and the budget of 45 billion."
    )


def test_real_symbols_in_a_noisy_document_go_with_the_noise() -> None:
    """Document-level: once a file carries the noise, no symbol in it can be trusted."""
    for seed in range(4):
        noisy = inject_noise(TRANSCRIPT + CLEAN_SEED.read_text(encoding="utf-8"), seed=seed)
        assert "£" not in clean_text(noisy).text


def test_the_noisy_seed_loses_its_symbols_and_the_clean_seed_keeps_its_text() -> None:
    noisy = NOISY_SEED.read_text(encoding="utf-8")
    assert not any(ord(char) > 0x2000 and char != "—" for char in clean_text(noisy).text)
    clean = CLEAN_SEED.read_text(encoding="utf-8")
    assert clean_text(clean).text == clean
