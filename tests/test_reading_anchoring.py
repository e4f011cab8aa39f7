"""Annotations on real files of every format: offsets index the clean text, the passage is
still anchored when the file is opened again, and follows it when the file changes."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from corpus import Interview, load_interview
from store import AnnotationStore
from tests.conftest import ROOT
from tests.test_reading_word import typed_into_word

TRANSCRIPTS = ROOT / "tests" / "transcripts"


def _prepend(text: str) -> Callable[[Path], None]:
    def edit(path: Path) -> None:
        path.write_text(text + path.read_text(encoding="utf-8"), encoding="utf-8")

    return edit


def _vtt_cue_first(path: Path) -> None:
    added = "WEBVTT\n\n00:00:00.100 --> 00:00:00.500\n<v Host> Welcome to the film.\n\n"
    path.write_text(path.read_text(encoding="utf-8").replace("WEBVTT\n\n", added, 1), "utf-8")


def _word_paragraph_first(path: Path) -> None:
    document = docx.Document(str(path))
    document.paragraphs[0].insert_paragraph_before("A note typed in later, at the top.")
    document.save(str(path))


def _copy(name: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        return Path(shutil.copy(TRANSCRIPTS / name, folder / name))

    return make


def _word_file(folder: Path) -> Path:
    path = folder / "kernighan.docx"
    typed_into_word(TRANSCRIPTS / "oral_history_unix_kernighan_1989.txt", path)
    return path


CASES = {
    "text": (_copy("wh_press_briefing_2022-02-08.txt"), _prepend("Added at the top.\n\n")),
    "markdown": (_copy("changelog_sustain_2018.md"), _prepend("# Show notes\n\n")),
    "srt": (
        _copy("srt_hammant_developer_profile.srt"),
        _prepend("0\n00:00:00,100 --> 00:00:00,500\nHost: Welcome.\n\n"),
    ),
    "webvtt": (_copy("vtt_itaccess_campus_leaders.vtt"), _vtt_cue_first),
    "docx": (_word_file, _word_paragraph_first),
}


def _middle_passage(interview: Interview) -> tuple[int, int]:
    """About forty characters from the middle of the text, cut at spaces."""
    text = interview.text
    start = text.index(" ", len(text) // 2) + 1
    end = text.index(" ", start + 40)
    return start, end


@pytest.mark.parametrize("kind", list(CASES))
def test_an_annotation_stays_anchored_on_reopening_and_follows_an_edit(
    tmp_path: Path, kind: str
) -> None:
    make, edit = CASES[kind]
    path = make(tmp_path)
    interview = load_interview(path)
    start, end = _middle_passage(interview)
    quote = interview.text[start:end]
    store = AnnotationStore.open(tmp_path / "notes.json")
    made = store.add(interview, start, end, tags=["t"], author="Ann").annotation
    assert made is not None and made.exact == quote
    store.close()

    again = AnnotationStore.open(tmp_path / "notes.json")
    reopened = load_interview(path)
    assert reopened.text == interview.text
    assert again.anchor(reopened) == []
    kept = again.get(made.id)
    assert kept is not None and kept.status == "anchored"
    assert reopened.text[kept.start : kept.end] == quote

    edit(path)
    edited = load_interview(path)
    assert edited.text != interview.text and edited.text.index(quote) > start
    assert again.anchor(edited) == []  # nothing lost
    moved = again.get(made.id)
    assert moved is not None and moved.status == "reanchored"
    assert edited.text[moved.start : moved.end] == quote
    again.close()
