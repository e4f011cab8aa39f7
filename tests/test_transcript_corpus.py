"""The real-transcript corpus (tests/transcripts/): every file has its source, licence and a
gold outline that reads and that the text bears out; the bundled interviews score F1 1.00."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from benchmarks.bench_outline import (
    BUNDLED_GOLD,
    READABLE,
    TRANSCRIPTS,
    read_gold,
    score_file,
    transcript_of,
)
from corpus import load_interview
from corpus.outline.floor_questions import FLOOR
from corpus.outline.scoring import normalise

SUBTITLES = (".srt", ".vtt")
SOURCE_KEYS = ("file", "title", "date", "source_url", "licence", "excerpt", "obtained_from")


def _transcripts() -> list[Path]:
    return sorted(
        path
        for path in TRANSCRIPTS.iterdir()
        if path.is_file() and path.name != "README.md" and not path.name.endswith(".json")
    )


def _note(path: Path, kind: str) -> Path:
    return path.with_name(f"{path.stem}.{kind}.json")


def _text_words(path: Path) -> str:
    """The normalised words of a transcript; a subtitle file without numbers, timings and
    voice tags (``<v Speaker 1>``, which a turn's words run across), a Word file,
    speech-to-text segments and a printed transcript (numbered lines, page footers) as
    gloss reads them."""
    if path.suffix in (".docx", ".tsv", ".json"):
        # A binary file, or speech-to-text segments with their times: the words as gloss
        # reads them.
        return normalise(load_interview(path).text)
    text = path.read_text(encoding="utf-8")
    if len(re.findall(r"(?m)^[ \t\f]*\d{1,2}[ \t]", text)) >= 20:
        # A printed transcript: margin numbers and page footers cut its sentences.
        return normalise(load_interview(path).text)
    if path.suffix in SUBTITLES:
        kept = [
            line
            for line in text.splitlines()
            if "-->" not in line and not re.fullmatch(r"\s*\d+\s*", line)
        ]
        text = re.sub(r"</?v\b[^>]*>", "", "\n".join(kept))
    return normalise(text)


def test_the_corpus_is_large_and_varied() -> None:
    transcripts = _transcripts()
    assert len(transcripts) >= 15
    assert sum(path.suffix in SUBTITLES for path in transcripts) >= 2
    assert {path.suffix for path in transcripts} >= {".txt", ".md", ".srt", ".vtt", ".docx"}


@pytest.mark.parametrize("path", _transcripts(), ids=lambda p: p.name)
def test_each_transcript_has_its_source_and_licence(path: Path) -> None:
    source = json.loads(_note(path, "source").read_text(encoding="utf-8"))
    missing = [key for key in SOURCE_KEYS if key not in source]
    assert not missing, f"{path.name}: source note lacks {missing}"
    assert source["file"] == path.name
    assert source["source_url"].startswith("https://")
    assert len(source["licence"]) > 10 and len(source["excerpt"]) > 10


@pytest.mark.parametrize("path", _transcripts(), ids=lambda p: p.name)
def test_each_gold_reads_and_the_text_bears_it_out(path: Path) -> None:
    gold = read_gold(_note(path, "gold"))
    assert gold.file == path.name
    words = _text_words(path)
    for item in (*gold.headings, *gold.questions, *gold.measures):
        assert normalise(item) in words, f"{path.name}: gold item not in the text: {item!r}"
    # A subtitle file names its speakers in voice tags: they are looked for there too.
    named = words if path.suffix == ".docx" else normalise(path.read_text(encoding="utf-8"))
    # The floor of a Q&A session that names no one is gloss's name, not the text's.
    for speaker in (speaker for speaker in gold.speakers if speaker != FLOOR):
        assert normalise(speaker) in named, f"{path.name}: speaker not in the text: {speaker!r}"


def test_every_gold_file_belongs_to_a_transcript() -> None:
    names = {path.name for path in _transcripts()}
    for gold_path in TRANSCRIPTS.glob("*.gold.json"):
        assert read_gold(gold_path).file in names, gold_path.name


def test_the_readme_table_lists_every_transcript() -> None:
    """The README's table is the corpus's list (no count to keep up): one row per file."""
    readme = (TRANSCRIPTS / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([^`]+)` \|", readme, re.MULTILINE)
    files = [path.name for path in _transcripts()]
    missing = sorted(set(files) - set(rows))
    assert not missing, f"add a row to tests/transcripts/README.md's table for {missing}"
    assert sorted(rows) == sorted(files), "a row of the README's table names no transcript"


BUNDLED_GOLDS = sorted(BUNDLED_GOLD.glob("*.gold.json"))


@pytest.mark.parametrize("gold_path", BUNDLED_GOLDS, ids=lambda p: p.name)
def test_the_bundled_interviews_score_f1_one(gold_path: Path) -> None:
    gold = read_gold(gold_path)
    score = score_file(transcript_of(gold_path, gold), gold)
    assert score is not None
    assert gold.questions and gold.headings and gold.measures  # a gold worth passing
    for kind in (score.headings, score.questions, score.measures):
        assert kind.f1 == 1.0, (gold_path.name, kind)


def test_subtitle_files_are_scored_and_unknown_formats_reported_not_scored() -> None:
    subtitles = [path for path in _transcripts() if path.suffix in SUBTITLES]
    assert subtitles and all(path.suffix in READABLE for path in subtitles)
    for subtitle in subtitles:
        assert score_file(subtitle, read_gold(_note(subtitle, "gold"))) is not None
    gold = read_gold(_note(subtitles[0], "gold"))
    assert score_file(subtitles[0].with_suffix(".pdf"), gold) is None
