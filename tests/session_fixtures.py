"""The reading session's test setup, shared by the tests that drive it directly (no screen):
the two seed interviews, a private database file, and ana's session over both.

Import the fixtures a test module uses by name; ``run`` and ``sentence`` are plain helpers.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from corpus import Interview, Span, load_interview
from store import AnnotationStore
from tests.conftest import CLEAN_SEED, NOISY_SEED
from tui.session import Edit, Session, Update


@pytest.fixture(scope="module")
def interviews() -> list[Interview]:
    return [load_interview(NOISY_SEED), load_interview(CLEAN_SEED)]


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "notes.json"


@pytest.fixture
def store(path: Path) -> Iterator[AnnotationStore]:
    opened = AnnotationStore.open(path)
    yield opened
    opened.close()


@pytest.fixture
def session(interviews: list[Interview], store: AnnotationStore) -> Session:
    made = Session(interviews, store, author="ana")
    made.load()
    return made


def run(session: Session, asked: Edit | Update | None) -> Update:
    """Save what the session asked for, as the screen's worker does."""
    assert isinstance(asked, Edit), asked
    return session.save(asked)


def sentence(interview: Interview, number: int) -> Span:
    return interview.sentences[number]
