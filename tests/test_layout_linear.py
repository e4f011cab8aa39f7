"""The reader's layout stays linear in the text, and lays out exactly as it always did.

The paragraph classification and the word wrap were rewritten to stop comparing every
paragraph with every question (a transcript of 20,000 questions took over a minute to
show). The straightforward versions they replaced are kept here as the reference.
"""

from __future__ import annotations

import random
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from rich.cells import cell_len

from corpus import Interview, interview_from_text, load_interview, question_index
from tests.conftest import BUNDLED
from tests.synthetic_transcripts import long_transcript
from tui.layout import _paragraphs, blocks, lay_out_interview, wrap
from tui.text import neutralise

DATA = Path(__file__).parent / "data"
_WORD = re.compile(r"\S+\s*")


def reference_blocks(interview: Interview) -> list[tuple[int, int, str, str]]:
    """Each paragraph's kind and label, found by asking every question (the old way)."""
    text, outline = interview.text, interview.outline
    headings = {s.heading.strip() for s in outline.sections if s.heading}
    heading_starts = {s.start for s in outline.sections if s.heading}
    bylines = {line.strip() for line in (outline.dateline, outline.byline) if line}
    questions = outline.questions
    measures = [m for q in questions for m in q.measures]
    result = []
    for start, end in _paragraphs(text):
        paragraph, kind, label = text[start:end], "body", ""
        title = outline.title_span
        if title and title.start < end and start < title.end:
            kind = "title"
        elif paragraph in bylines:
            kind = "byline"
        elif paragraph in headings or start in heading_starts:
            kind = "heading"
        elif any(q.start < end and start < q.end for q in questions):
            kind = "question"
            label = "Q" if any(start <= q.start < end for q in questions) else ""
        elif measure := next((m for m in measures if start <= m.start < end), None):
            kind = "measure"
            label = f"{measure.ordinal}." if measure.ordinal < 10 else str(measure.ordinal)[-2:]
        elif any(q.answer.start < end and start < q.answer.end for q in questions):
            kind = "answer"
        result.append((start, end, kind, label))
    return result


def reference_wrap(text: str, start: int, end: int, width: int) -> Iterator[tuple[int, int]]:
    """Word wrap a word at a time (the old way)."""
    width = max(1, width)
    line_start, used = start, 0
    for match in _WORD.finditer(text, start, end):
        word = match.group().rstrip()
        word_end, spaces = match.start() + len(word), len(match.group()) - len(word)
        cells = cell_len(word)
        if used and used + cells > width:
            yield line_start, match.start()
            line_start, used = match.start(), 0
        while cells > width:
            cut, taken = line_start, 0
            while cut < end and taken + cell_len(text[cut]) <= width:
                taken += cell_len(text[cut])
                cut += 1
            cut = max(cut, line_start + 1)
            yield line_start, cut
            line_start = cut
            word = text[cut:word_end]
            cells = cell_len(word)
        used += cells + spaces
    if line_start < end or not used:
        yield line_start, end


def interviews() -> list[Interview]:
    paths = sorted(BUNDLED.glob("*.txt")) + sorted(DATA.glob("*.txt"))
    found = [load_interview(path) for path in paths]
    found.append(interview_from_text("long", long_transcript(300)))
    return found


def test_paragraphs_are_classified_as_before() -> None:
    for interview in interviews():
        got = [(b.start, b.end, b.kind, b.label) for b in blocks(interview)]
        assert got == reference_blocks(interview), interview.path
        assert {kind for _, _, kind, _ in got} >= {"question", "answer"}


@pytest.mark.parametrize("width", [12, 40, 80, 157])
def test_lines_wrap_as_before(width: int) -> None:
    for interview in interviews():
        for raw in (False, True):
            layout = lay_out_interview(interview, width, raw=raw)
            source = interview.clean.raw if raw else interview.text
            shown = neutralise(source, keep_offsets=True)  # what the layout wraps
            wrapped = [line for line in layout.lines if not line.blank]
            expected = [
                span
                for start, end in _paragraphs(source)
                for span in reference_wrap(shown, start, end, max(8, width - 4))
            ]
            assert [(line.start, line.end) for line in wrapped] == expected


def test_wrap_agrees_with_the_reference_on_random_text() -> None:
    rng = random.Random(7)
    pieces = ["a", "bb", "ccc", "word", "x" * 30, " ", "  ", "\t", "é", "中文", ".", ","]
    for _ in range(3000):
        body = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25))).strip()
        before = rng.choice(["", "zz\n", " "])
        text = before + body + rng.choice(["", "\nmore"])
        start, end, width = len(before), len(before) + len(body), rng.randint(1, 25)
        assert list(wrap(text, start, end, width)) == list(
            reference_wrap(text, start, end, width)
        ), (text, width)


def test_question_index_is_the_last_question_starting_before() -> None:
    interview = interview_from_text("long", long_transcript(50))
    questions = interview.outline.questions
    assert len(questions) == 50
    for offset in range(0, len(interview.text), 97):
        expected = max((n for n, q in enumerate(questions) if q.start <= offset), default=-1)
        assert question_index(interview.outline, offset) == expected


NEVER_HANGS = """
import sys
from corpus import interview_from_text
from tests.synthetic_transcripts import long_transcript
from tui.layout import lay_out_interview

interview = interview_from_text("huge", long_transcript(int(sys.argv[1])))
layout = lay_out_interview(interview, 100)
print(len(interview.outline.questions), len(layout.lines))
"""


@pytest.mark.slow
def test_a_transcript_of_200000_questions_lays_out() -> None:
    """A guard against quadratic work: the old layout never finished this."""
    done = subprocess.run(
        [sys.executable, "-c", NEVER_HANGS, "200000"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        cwd=Path(__file__).parent.parent,
    )
    questions, lines = map(int, done.stdout.split())
    assert questions == 200_000
    assert lines >= 2 * questions
