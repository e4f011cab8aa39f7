"""The cached outline and sentences: a hit equals a fresh parse, anything odd parses again,
and a launch that finds its texts cached loads neither the cleaner nor the parsers."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from corpus import build_outline, load_interview, split_sentences
from corpus.reading.cache import cached_parse
from corpus.reading.parsed import Parsed, as_tuples, from_tuples
from tests.conftest import CLEAN_SEED, NOISY_SEED


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("GLOSS_CACHE_DIR", str(folder))
    return folder


def counting_parser() -> tuple[list[str], Callable[[str], Parsed]]:
    calls: list[str] = []

    def parse(text: str) -> Parsed:
        calls.append(text)
        return build_outline(text), split_sentences(text)

    return calls, parse


@pytest.mark.parametrize("seed", [NOISY_SEED, CLEAN_SEED], ids=["noisy", "clean"])
def test_a_cached_interview_equals_a_fresh_parse(cache: Path, seed: Path) -> None:
    first = load_interview(seed)  # fills the cache
    again = load_interview(seed)  # from it
    assert again.outline == first.outline == build_outline(first.text)
    assert again.sentences == first.sentences == split_sentences(first.text)
    assert again.outline.questions  # a real outline, not an empty one that happens to match
    assert any(q.measures for q in again.outline.questions)


def test_a_hit_skips_the_parser_and_another_text_misses(cache: Path) -> None:
    calls, parse = counting_parser()
    cached_parse("Q: one?\nA: yes.\n", parse)
    cached_parse("Q: one?\nA: yes.\n", parse)
    cached_parse("Q: two?\nA: no.\n", parse)
    assert len(calls) == 2


def test_a_damaged_entry_is_parsed_again_and_replaced(cache: Path) -> None:
    text = "Q: why?\nA: because.\n"
    calls, parse = counting_parser()
    expected = cached_parse(text, parse)
    (entry,) = (p for p in cache.iterdir() if p.name.endswith(".parse.marshal"))
    for damage in (b"\x00garbage", entry.read_bytes()[:-7]):
        entry.write_bytes(damage)
        assert cached_parse(text, parse) == expected
    assert len(calls) == 3
    assert cached_parse(text, parse) == expected
    assert len(calls) == 3


def test_a_damaged_shape_is_refused_not_half_read() -> None:
    interview = load_interview(CLEAN_SEED)
    header, flat = as_tuples((interview.outline, interview.sentences))
    with pytest.raises(ValueError):
        from_tuples((header, flat[:-1]))
    with pytest.raises((TypeError, ValueError)):
        from_tuples((header[:-1], flat))


def test_a_warm_launch_loads_neither_cleaner_nor_parsers(cache: Path) -> None:
    load_interview(NOISY_SEED)
    code = (
        "import sys\n"
        "from corpus import bundled_paths, load_interview\n"
        "for path in bundled_paths():\n"
        "    load_interview(path)\n"
        "rooms = ('corpus.cleaning', 'corpus.outline')\n"
        "print(','.join(sorted(m for m in sys.modules if m.startswith(rooms))))\n"
    )
    load_interview(CLEAN_SEED)
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == ""
