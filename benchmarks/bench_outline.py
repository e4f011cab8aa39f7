"""How well the outline reads real transcripts: per-file F1 of headings, questions, measures.

Each transcript in ``tests/transcripts/`` has a gold outline made by hand (the folder's
README gives the labelling rules), and so do the two bundled interviews, which must stay
at F1 1.00. The current parser's outline of each file is scored against its gold with
``corpus.outline.scoring``. Subtitle files are read as the loader reads them (cues to
labelled turns); a file of a format the loader has no reader for gets one "unsupported
format" row instead of scores, so the table shows what is missing. These rows are
scores, not timings: one run, median = p95 = the F1.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from benchmarks.core import Row
from corpus import load_interview
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
    """One row per file and kind, then each kind's F1 pooled over the real transcripts."""
    del quick  # scoring is fast; quick and full runs are the same
    results = score_all()
    rows = [row for result in results for row in _file_rows(result)]
    real = [r.score for r in results if r.score is not None and not r.bundled]
    for kind in KINDS:
        total = pooled([getattr(score, kind) for score in real])
        figure = f"outline: {kind} F1 pooled over {len(real)} readable transcripts"
        rows.append(_row(figure, total.f1))
    return rows
