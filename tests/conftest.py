"""Shared fixtures: the user's seed interviews and a private database per test."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "corpus" / "bundled"
NOISY_SEED = BUNDLED / "000_c9713b0c270de763.txt"
CLEAN_SEED = BUNDLED / "004_2a78cebe821b9ac3.txt"


@pytest.fixture(scope="session")
def _clean_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache of cleaned texts for the whole run: tests share it, the user's is untouched."""
    return tmp_path_factory.mktemp("clean-cache")


@pytest.fixture(autouse=True)
def _isolated_user(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, _clean_cache: Path) -> None:
    """No test may touch the real user's database or depend on the caller's environment."""
    monkeypatch.setenv("GLOSS_CACHE_DIR", str(_clean_cache))
    monkeypatch.setenv("GLOSS_DB", str(tmp_path / "user-data" / "annotations.json"))
    monkeypatch.setenv("GLOSS_AUTHOR", "tester")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.delenv("NO_COLOR", raising=False)
