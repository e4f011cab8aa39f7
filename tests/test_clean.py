"""The noise cleaner: what a reader of the cleaned interviews would notice."""

from __future__ import annotations

import random
import re
import statistics
from itertools import pairwise
from pathlib import Path

import pytest

from corpus import CleanText, clean_text
from corpus.cleaning.edits import Mapped, delete_spans
from corpus.cleaning.quotes import noise_quotes
from tests.conftest import CLEAN_SEED, NOISY_SEED
from tests.synthetic_noise import character_error_rate, inject_noise, strip_to_reference

DATA = Path(__file__).parent / "data"
CLEAN_TEXTS = {
    "004": CLEAN_SEED,
    "composed-agriculture": DATA / "composed_interview.txt",
    "composed-trade": DATA / "composed_interview_2.txt",
    "composed-education": DATA / "composed_interview_3.txt",
}
"""The clean seed plus three interviews composed in the same register (the third was held
out of all tuning until the figures in the report were taken)."""


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def assert_offsets_exact(clean: CleanText) -> None:
    """Every clean character maps to the same raw character (or CR/LF to a line end)."""
    offsets = list(clean.raw_offsets)
    assert len(offsets) == len(clean.text) + 1
    assert offsets[-1] == len(clean.raw)
    assert all(a < b for a, b in pairwise(offsets)), "not increasing"
    for index, char in enumerate(clean.text):
        raw_char = clean.raw[offsets[index]]
        if char == "\n":
            assert raw_char in "\r\n"
        else:
            assert raw_char == char, (index, char, raw_char)


# --- do no harm ---------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(CLEAN_TEXTS))
def test_clean_text_is_left_exactly_as_it_was(name: str) -> None:
    raw = read(CLEAN_TEXTS[name])
    assert clean_text(raw).text == raw


def test_clean_seed_keeps_its_title_dashes_indents_and_blank_lines() -> None:
    text = clean_text(read(CLEAN_SEED)).text
    assert "new advantages——Interview with Minister" in text
    assert "\n\n  Xinhua News Agency reporter Zhang Xinxin\n\n" in text


# --- the real noisy seed ----------------------------------------------------------------

KNOWN_FIXES = [
    "my country's industry has generally continued to recover steadily",
    "the complex and ever-changing external environment",
    "the real economy provide strong support",
    "growth engine of the national economy, and economic performance in the fourth quarter",
    "crucial to achieving the goals and tasks for the whole year. How to consolidate",
    "How to cultivate lasting competitiveness?",
    "accepted an interview with a reporter from Xinhua News Agency.",
    "has reached 478,000, an increase of 26,000 from the end of 2022.",
    "increased by 4% year-on-year, and in September it increased by 4.5% year-on-year.",
    "accounted for 15.3% and 32.9% of the added value",
    "leading industries in 45 countries' advanced manufacturing clusters exceeded 10 trillion",
    "From January to September, 178 national high-tech",
    'A series of "combination punches" to stabilize growth',
    "provide strong support for the overall improvement of economic operations.",
    "10 industries implement industry-specific policies",
    "we will promote the implementation of various policies",
    'support the major industrial provinces to "take the lead". Each region will give',
    "take multiple measures to expand demand and accelerate the implementation",
    "new consumption growth Points: Accelerate the cultivation",
    "exceeded 1.15 trillion yuan, with small and medium-sized enterprises",
    "fee deferrals nationwide",
    'and 12,000 "little giant" enterprises',
    "increased by 9.4% year-on-year",
    "forging new ones, improve the level of advanced manufacturing",
    'to "go global", make greater efforts to guide foreign investment',
    'with high-level opening up to the outside world."\nHelping small',
]


@pytest.fixture(scope="module")
def cleaned_seed() -> str:
    return clean_text(read(NOISY_SEED)).text


@pytest.mark.parametrize("phrase", KNOWN_FIXES)
def test_noisy_seed_reads_as_written(cleaned_seed: str, phrase: str) -> None:
    assert phrase in cleaned_seed


def test_noisy_seed_has_no_symbols_or_stray_signs_left(cleaned_seed: str) -> None:
    assert not re.search(r"[^\x00-\x7f]", cleaned_seed)
    assert not re.search(r"[<>]|\$(?!\d)|[A-Za-z]\"[A-Za-z]", cleaned_seed)


def test_noisy_seed_has_no_doubled_spaces_left_by_noise(cleaned_seed: str) -> None:
    assert not re.search(r"\S  +\S", cleaned_seed)


def test_noisy_seed_loses_its_web_page_chrome(cleaned_seed: str) -> None:
    assert cleaned_seed.startswith("Since the beginning of this year, in response")
    assert "Clear records" not in cleaned_seed and "history record" not in cleaned_seed


def test_noisy_seed_offsets_are_exact() -> None:
    assert_offsets_exact(clean_text(read(NOISY_SEED)))


# --- synthetic noise --------------------------------------------------------------------

SEEDS = range(6)
MEAN_CER_LIMIT = 0.001
"""Measured mean 0.00009-0.00013 over 4 texts x 50 seeds (two seed ranges); the target
for held-out documents is < 0.001."""
WORST_CER_LIMIT = 0.002
"""Measured worst single document 0.0013 over the same 400 runs."""


def test_synthetic_noise_is_deterministic_and_as_heavy_as_the_seed() -> None:
    text = read(CLEAN_SEED)
    assert inject_noise(text, seed=3) == inject_noise(text, seed=3)
    assert inject_noise(text, seed=3) != inject_noise(text, seed=4)
    rates = [character_error_rate(inject_noise(text, seed=s), text) for s in SEEDS]
    assert 0.06 < statistics.mean(rates) < 0.11
    noisy_lines = inject_noise(text, seed=1).split("\n")
    clean_lines = text.split("\n")
    assert len(noisy_lines) == len(clean_lines), "line breaks are never touched"
    assert [line[:1] for line in noisy_lines] == [line[:1] for line in clean_lines]


def symbol_share(text: str) -> float:
    return sum(1 for char in text if ord(char) > 127 and char != "—") / len(text)


def test_synthetic_noise_is_as_dense_as_the_seed_s() -> None:
    """The generator must resemble the real noise, or the CER figures mean little."""
    real = symbol_share(read(NOISY_SEED))
    text = read(CLEAN_SEED)
    synthetic = statistics.mean(symbol_share(inject_noise(text, seed=s)) for s in SEEDS)
    assert abs(synthetic - real) / real < 0.15, (synthetic, real)


@pytest.mark.parametrize("name", sorted(CLEAN_TEXTS))
def test_synthetic_noise_is_cleaned_to_the_original(name: str) -> None:
    text = read(CLEAN_TEXTS[name])
    rates = []
    for seed in SEEDS:
        noisy = inject_noise(text, seed=seed)
        clean = clean_text(noisy)
        rates.append(character_error_rate(clean.text, text))
        assert_offsets_exact(clean)
    assert statistics.mean(rates) < MEAN_CER_LIMIT, rates
    assert max(rates) < WORST_CER_LIMIT, rates


def test_names_the_word_list_does_not_know_survive_noise() -> None:
    text = read(CLEAN_SEED)
    survived = sum(
        "Jin Zhuanglong" in strip_to_reference(clean_text(inject_noise(text, seed=s)).text)
        for s in range(10)
    )
    assert survived >= 8


def test_character_error_rate_ignores_whitespace_runs_only() -> None:
    assert character_error_rate("a  b\n c", "a b c") == 0.0
    assert character_error_rate("abcd", "abce") == 0.25


# --- quotes ------------------------------------------------------------------------------


def quotes_kept(text: str, near_noise: set[int] | None = None) -> str:
    drops = noise_quotes(text, near_noise or set())
    return "".join(char for index, char in enumerate(text) if index not in drops)


def test_paired_quotes_stay_even_next_to_noise() -> None:
    text = 'to "take the lead" and the "14th Five-Year Plan" for'
    near = {text.index('"take'), text.index('" for')}
    assert quotes_kept(text, near) == text


def test_an_unpaired_quote_next_to_noise_goes() -> None:
    text = 'crucial to achieving "the goals and "take the lead" now'
    assert quotes_kept(text, {text.index('"the')}) == (
        'crucial to achieving the goals and "take the lead" now'
    )


def test_quotes_inside_words_go_and_an_unpaired_closing_quote_at_the_end_stays() -> None:
    text = 'manuf"acturing up to the outside world."\nnext "line" here'
    assert quotes_kept(text) == 'manufacturing up to the outside world."\nnext "line" here'


def test_an_empty_pair_of_quotes_stays() -> None:
    assert quotes_kept('jointly build a "" cooperation platform') == (
        'jointly build a "" cooperation platform'
    )


# --- offset-preserving deletion ---------------------------------------------------------


def test_delete_spans_keeps_offsets_and_reports_scars() -> None:
    source = Mapped.identity("ab♦♣cd★e")
    result, scars = delete_spans(source, [(2, 4), (6, 7)])
    assert result.text == "abcde"
    assert list(result.offsets) == [0, 1, 4, 5, 7, 8]
    assert scars == [(2, 2), (4, 1)]


def test_delete_spans_refuses_unsorted_spans() -> None:
    with pytest.raises(ValueError):
        delete_spans(Mapped.identity("abcdef"), [(3, 4), (1, 2)])


# --- line ends, escapes, control characters ------------------------------------------------


def test_crlf_lf_and_lone_cr_files_clean_to_the_same_text() -> None:
    lf = read(CLEAN_SEED)
    crlf = lf.replace("\n", "\r\n")
    cr = lf.replace("\n", "\r")
    assert clean_text(crlf).text == lf
    assert clean_text(cr).text == lf
    assert_offsets_exact(clean_text(crlf))
    assert_offsets_exact(clean_text(cr))


def test_noisy_crlf_file_cleans_like_its_lf_twin() -> None:
    raw = read(NOISY_SEED)
    assert clean_text(raw.replace("\n", "\r\n")).text == clean_text(raw).text


@pytest.mark.parametrize(
    "dirty",
    [
        "Answer: \x1b[31mred\x1b[0m text",
        "Answer: \x1b]0;window title\x07red text",
        "Answer: \x1b]8;;http://x\x1b\\red\x1b]8;;\x1b\\ text",
        "Answer: \x07red\x00 text\x7f",
        "Answer: \x9b2Jred \x85text",
        "Answer: red\u200b \u202etext\u2066",
        "Answer: \x1b[2J\x1b[Hred text",
        "Answer: red text\x1b",
    ],
)
def test_escapes_and_control_characters_are_removed(dirty: str) -> None:
    clean = clean_text(dirty)
    assert clean.text == "Answer: red text"
    assert_offsets_exact(clean)


def test_tabs_and_line_breaks_are_kept() -> None:
    assert clean_text("Q:\tWhy?\n\nA:\tBecause.").text == "Q:\tWhy?\n\nA:\tBecause."


# --- web-page chrome ------------------------------------------------------------------------


def test_chrome_lines_are_dropped_whole() -> None:
    raw = "Clear records\n  HISTORY RECORD \ncancel\nQ: Why cancel the plan?\nA: Cancel\n"
    clean = clean_text(raw)
    assert clean.text == "Q: Why cancel the plan?\nA: Cancel\n"
    assert_offsets_exact(clean)


def test_chrome_lines_with_noise_in_them_are_dropped_too() -> None:
    raw = "Clear rec♦★ords\nhistory↑ record\nQ: Why?\n"
    assert clean_text(raw).text == "Q: Why?\n"


def test_chrome_words_inside_a_line_stay() -> None:
    raw = "We will not cancel the history record of Clear records."
    assert clean_text(raw).text == raw


# --- edges ----------------------------------------------------------------------------------


def test_hostile_input_is_cleaned_with_an_exact_map() -> None:
    """Text that is mostly noise (symbols, signs, quotes, no spaces) still comes out clean."""
    chance = random.Random(7)
    raw = "".join(chance.choice("ab ♦★$&<>'\"\n\r\x1b") for _ in range(20_000))
    raw += "x" * 5_000 + "♦" * 5_000  # one endless token, one endless scar
    clean = clean_text(raw)
    assert not re.search("[♦★\x1b\r]", clean.text)
    assert_offsets_exact(clean)


def test_empty_text() -> None:
    clean = clean_text("")
    assert clean.text == ""
    assert list(clean.raw_offsets) == [0]


def test_text_without_symbol_noise_keeps_its_odd_spacing_and_signs() -> None:
    """ASCII noise only comes inside symbol runs; a file without symbols is not guessed at."""
    raw = "we will pr $omote the  plan & so on"
    assert clean_text(raw).text == raw


def test_raw_span_of_a_cleaned_word_covers_its_noise() -> None:
    raw = "the indus<σtry has"
    clean = clean_text(raw)
    assert clean.text == "the industry has"
    start = clean.text.index("industry")
    assert clean.raw_span(start, start + len("industry")) == (4, 4 + len("indus<σtry"))


@pytest.mark.parametrize(
    ("noisy", "expected"),
    [
        ("indus<σtry", "industry"),
        ("exceeded 1.φ→✘15 trillion", "exceeded 1.15 trillion"),
        ("lasting♦α competitivenes s?", "lasting competitiveness?"),
        ("to expand demε' and accelerate", "to expand demand accelerate"),
        ("we✔ will pr $omote the", "we will promote the"),
        ("it ha✔★s reached", "it has reached"),
        ('andλ"Ω economic', "and economic"),
        ("theβ¥' industrial", "the industrial"),
        ('to "take the lead".', 'to "take the lead".'),
        ("my country's and enterprises' rights", "my country's and enterprises' rights"),
        ("R&D spending of $450 billion, 4.5% more", "R&D spending of $450 billion, 4.5% more"),
        ("Minister Jin Zhuanglong♦ said", "Minister Jin Zhuanglong said"),
        ("the Xi'an♦ office", "the Xi'an office"),
        ("Q: &It has♦ been", "Q: It has been"),
        ("Research & Development♦ is", "Research & Development is"),
        ("Q&A♦ session with AT&T", "Q&A session with AT&T"),
        ("reporters Wang₩® Yuxiao and", "reporters Wang Yuxiao and"),
        ("a total of 24,0 00 new♦ firms", "a total of 24,000 new firms"),
        ("with schools , and♦ open", "with schools, and open"),
        ("The goal i •£∞s' ✔ simple", "The goal is simple"),
        ("worked→≈  with various", "worked with various"),
        ("and€ε< e÷ xpand their", "and expand their"),
        ('to give full$¶"€ p lay to', "to give full play to"),
        ("and support>> ∏≈regi&≠¥ons to give", "and support regions to give"),
        ('build a "" cooperπαation platform', 'build a "" cooperation platform'),
    ],
)
def test_typical_noise_and_real_signs(noisy: str, expected: str) -> None:
    assert clean_text(noisy).text == expected
