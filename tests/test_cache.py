"""The cache of cleaned texts: a hit is exactly the cleaner's result, anything odd misses."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import corpus
from corpus import CleanText, clean_text, load_interview, read_text
from corpus.reading.cache import cache_dir, cached_clean
from tests.conftest import NOISY_SEED


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("GLOSS_CACHE_DIR", str(folder))
    return folder


def counting_cleaner() -> tuple[list[str], Callable[[str], CleanText]]:
    calls: list[str] = []

    def clean(raw: str) -> CleanText:
        calls.append(raw)
        return clean_text(raw)

    return calls, clean


def test_a_hit_equals_a_fresh_clean_and_skips_the_cleaner(cache: Path) -> None:
    raw = read_text(NOISY_SEED)
    calls, clean = counting_cleaner()
    first = cached_clean(raw, clean)
    second = cached_clean(raw, clean)
    assert len(calls) == 1
    assert second.text == first.text == clean_text(raw).text
    assert list(second.raw_offsets) == list(first.raw_offsets)
    assert len(list(cache.iterdir())) == 1


def test_another_text_misses(cache: Path) -> None:
    calls, clean = counting_cleaner()
    cached_clean("Q: one?\nA: yes.\n", clean)
    cached_clean("Q: two?\nA: no.\n", clean)
    assert len(calls) == 2


def test_a_damaged_entry_is_cleaned_again_and_replaced(cache: Path) -> None:
    raw = "Q: why?\nA: because.\n"
    calls, clean = counting_cleaner()
    cached_clean(raw, clean)
    (entry,) = cache.iterdir()
    entry.write_bytes(b"\x00garbage")
    again = cached_clean(raw, clean)
    assert again.text == raw
    assert len(calls) == 2
    assert cached_clean(raw, clean).text == raw
    assert len(calls) == 2


def test_an_unwritable_cache_directory_only_costs_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache directory should be")
    monkeypatch.setenv("GLOSS_CACHE_DIR", str(blocker / "cache"))
    assert load_interview(NOISY_SEED).text == clean_text(read_text(NOISY_SEED)).text


def test_off_turns_the_cache_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GLOSS_CACHE_DIR", "off")
    assert cache_dir() is None
    calls, clean = counting_cleaner()
    cached_clean("A: x", clean)
    cached_clean("A: x", clean)
    assert len(calls) == 2


def test_the_word_list_version_in_the_key_is_the_installed_one() -> None:
    from importlib import metadata

    from corpus.reading.cache import _installed_version

    assert _installed_version("wordfreq") == metadata.version("wordfreq")
    assert _installed_version("no_such_package_here") == "-"


def _version_of_copy(source: Path) -> str:
    """``cleaner_version()`` as computed by the corpus package copied at ``source``."""
    code = "from corpus.reading.cache import cleaner_version; print(cleaner_version())"
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
        cwd=source,
        env={**os.environ, "PYTHONPATH": str(source)},
    )
    return done.stdout.strip()


@pytest.mark.parametrize("room_module", ["cleaning/noise.py", "outline/structure.py"])
def test_a_change_to_the_cleaner_or_the_parsers_misses_the_cache(
    tmp_path: Path, room_module: str
) -> None:
    copy = tmp_path / "src"
    shutil.copytree(
        Path(corpus.__file__).parent, copy / "corpus", ignore=shutil.ignore_patterns("bundled")
    )
    before = _version_of_copy(copy)
    with (copy / "corpus" / room_module).open("a") as module:
        module.write("\n# a change\n")
    assert _version_of_copy(copy) != before
