"""How well the outline reads real transcripts: per-file F1 of headings, questions, measures.

Each transcript in ``tests/transcripts/`` has a gold outline made by hand (the folder's
README gives the labelling rules), and so do the two bundled interviews, which must stay
at F1 1.00. The current parser's outline of each file is scored against its gold with
``corpus.outline.scoring``. Subtitle files are read as the loader reads them (cues to
labelled turns); a file of a format the loader has no reader for gets one "unsupported
format" row instead of scores, so the table shows what is missing. These rows are
scores, not timings: one run, median = p95 = the F1.

Speed: a 1 MB transcript is read (cleaned, outlined, cut into sentences, as ``gloss
outline`` does on a cache miss) in <= 1 s. The worst case is many short labelled turns:
``tests.synthetic_transcripts.short_turns`` (about 16k turns of two speakers) and
``press_conference`` (90 reporters who introduce themselves, one answerer); and
``caption_lines``, a podcast's timestamped caption lines without speaker labels, whose
turns are read from the words (:mod:`corpus.outline.unlabelled`); and ``flattened_turns``,
the short turns on one line as a PDF's text gives them, labels inside it. Some files go through
their format's reader first, as the loader reads them: ``markdown_export`` (bold labels
with escaped timestamps, ``## Part`` headings, statements the guest confirms, lists in the
answers), ``srt_cues`` (an SRT file whose cues name the speaker where a turn starts) and
``timed_headers`` (a text export's ``Name (00:01:02) - ...`` headers over hard-wrapped
words, answers cut in timed blocks, the times lifted into the time map).
The target is checked on CPU time: the machine is shared, and the wall-clock median grows with
other jobs' load.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from benchmarks.core import Row, cpu_calls, row, time_calls
from corpus import interview_from_text, load_interview
from corpus.outline.output import outline_dict
from corpus.outline.scoring import Gold, OutlineScore, Score, gold_from_dict, score_outline
from corpus.reading.formats import SUPPORTED_SUFFIXES

ROOT = Path(__file__).resolve().parent.parent
TRANSCRIPTS = ROOT / "tests" / "transcripts"
BUNDLED_GOLD = TRANSCRIPTS / "bundled"
BUNDLED = ROOT / "corpus" / "bundled"
#: Suffixes the loader reads as an interview today; others are reported as unsupported.
READABLE = SUPPORTED_SUFFIXES
KINDS = ("headings", "questions", "measures")


@dataclass(frozen=True)
class FileScore:
    """One transcript's scores, or None when its format cannot be read yet."""

    name: str
    suffix: str
    bundled: bool
    score: OutlineScore | None


def read_gold(path: Path) -> Gold:
    return gold_from_dict(json.loads(path.read_text(encoding="utf-8")))


def gold_paths() -> list[Path]:
    """The gold files: the real transcripts first, then the bundled interviews."""
    return sorted(TRANSCRIPTS.glob("*.gold.json")) + sorted(BUNDLED_GOLD.glob("*.gold.json"))


def transcript_of(gold_path: Path, gold: Gold) -> Path:
    folder = BUNDLED if gold_path.parent == BUNDLED_GOLD else TRANSCRIPTS
    return folder / gold.file


def score_file(path: Path, gold: Gold) -> OutlineScore | None:
    """The outline of ``path`` scored against ``gold``; None for a format not read yet."""
    if path.suffix not in READABLE:
        return None
    interview = load_interview(path)
    return score_outline(gold, outline_dict(interview))


def score_all() -> list[FileScore]:
    scores = []
    for gold_path in gold_paths():
        gold = read_gold(gold_path)
        path = transcript_of(gold_path, gold)
        bundled = gold_path.parent == BUNDLED_GOLD
        scores.append(FileScore(path.stem, path.suffix, bundled, score_file(path, gold)))
    return scores


def _row(figure: str, value: float, *, target: str = "", met: bool | None = None) -> Row:
    return Row(figure, value, value, 0.0, "F1", 1, target, met)


def _file_rows(result: FileScore) -> list[Row]:
    if result.score is None:
        return [_row(f"outline {result.name}: unsupported format ({result.suffix})", 0.0)]
    rows = []
    for kind in KINDS:
        f1 = getattr(result.score, kind).f1
        if result.bundled:
            rows.append(_row(f"outline {result.name}: {kind} F1", f1, target="= 1.00", met=f1 == 1))
        else:
            rows.append(_row(f"outline {result.name}: {kind} F1", f1))
    return rows


def pooled(scores: list[Score]) -> Score:
    """One score from the summed counts of several files (a micro average)."""
    return Score(
        gold=sum(s.gold for s in scores),
        found=sum(s.found for s in scores),
        matched=sum(s.matched for s in scores),
    )


def run(quick: bool) -> list[Row]:
    """One row per file and kind, each kind's F1 pooled over the real transcripts, then
    the time to read 1 MB transcripts of each shape."""
    return score_rows() + speed_rows(100_000 if quick else 1_000_000, 1 if quick else 5)


def speed_rows(size: int, runs: int) -> list[Row]:
    """Wall-clock and CPU seconds to read ``size`` characters of each shape of transcript:
    text as it is, then files read by their format's reader (Markdown, SRT, Whisper's
    .tsv)."""
    from tests.synthetic_transcripts import (
        caption_lines,
        flattened_turns,
        markdown_export,
        press_conference,
        short_turns,
        srt_cues,
        timed_headers,
        whisper_tsv,
    )

    label = f"{size / 1_000_000:g} MB" if size >= 1_000_000 else f"{size // 1000} KB"
    full = size >= 1_000_000
    rows: list[Row] = []
    for name, make in (
        ("short labelled turns of two speakers", short_turns),
        ("turns of a press conference (90 reporters)", press_conference),
        ("questions in caption lines without speakers", caption_lines),
        ("labelled turns flattened to one line", flattened_turns),
    ):
        text = make(size)
        figure = f"outline: read {label} transcript of {_read(text)} {name}"
        rows += _timed_rows(figure, partial(_read, text), runs, full)
    with tempfile.TemporaryDirectory(prefix="gloss-bench-") as folder:
        for name, make, suffix in (
            ("turns of a Markdown export (bold labels, escaped times)", markdown_export, ".md"),
            ("turns in SRT cues (names where a turn starts)", srt_cues, ".srt"),
            ("questions in unpunctuated speech-to-text segments", whisper_tsv, ".tsv"),
            ("turns under name-and-time headers, answers in timed blocks", timed_headers, ".txt"),
        ):
            path = Path(folder) / f"transcript{suffix}"
            path.write_text(make(size), encoding="utf-8")
            figure = f"outline: read {label} {suffix} file of {_load(path)} {name}"
            rows += _timed_rows(figure, partial(_load, path), runs, full)
    return rows


def _timed_rows(figure: str, call: Callable[[], object], runs: int, full: bool) -> list[Row]:
    """The wall-clock row of ``call``, and its CPU-time row, which holds the target."""
    wall = time_calls(call, runs)
    cpu = cpu_calls(call, runs)
    return [
        row(figure, wall, unit="s"),
        row(
            f"{figure}, CPU time",
            cpu,
            unit="s",
            target="<= 1 s" if full else "",
            limit=1.0 if full else None,
        ),
    ]


@contextmanager
def _cache_off() -> Iterator[None]:
    """Every read a cache miss, as the first ``gloss outline`` of a file is."""
    previous = os.environ.get("GLOSS_CACHE_DIR")
    os.environ["GLOSS_CACHE_DIR"] = "off"
    try:
        yield
    finally:
        if previous is None:
            del os.environ["GLOSS_CACHE_DIR"]
        else:
            os.environ["GLOSS_CACHE_DIR"] = previous


def _read(text: str) -> int:
    """Read ``text`` as ``gloss outline`` does on a cache miss; how many turns it holds
    (questions, for a transcript without speakers)."""
    with _cache_off():
        outline = interview_from_text("bench", text).outline
    return len(outline.turns) or len(outline.questions)


def _load(path: Path) -> int:
    """Load the file at ``path`` as ``gloss outline`` does on a cache miss (its format's
    reader first); how many turns it holds."""
    with _cache_off():
        outline = load_interview(path).outline
    return len(outline.turns) or len(outline.questions)


def score_rows() -> list[Row]:
    """One row per file and kind, then each kind's F1 pooled over the real transcripts."""
    results = score_all()
    rows = [r for result in results for r in _file_rows(result)]
    real = [r.score for r in results if r.score is not None and not r.bundled]
    for kind in KINDS:
        total = pooled([getattr(score, kind) for score in real])
        figure = f"outline: {kind} F1 pooled over {len(real)} readable transcripts"
        rows.append(_row(figure, total.f1))
    return rows
