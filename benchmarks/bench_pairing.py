"""How long pairing the questions of two interviews takes (``s`` and the outline's ``↔``).

The reader pairs the questions of the two shown interviews when it opens them, before the
first paint, so the pairing must stay well under the launch budget: the two bundled
interviews, and two long transcripts of 200 questions each (made by
``tests.synthetic_transcripts``; press conferences rarely hold more).
"""

from __future__ import annotations

from benchmarks.core import Row, row, time_calls
from corpus import build_outline, bundled_paths, load_interview
from corpus.similarity import counterparts

#: Questions per synthetic transcript in the long row.
LONG_QUESTIONS = 200


def run(quick: bool) -> list[Row]:
    from tests.synthetic_transcripts import long_transcript

    runs = 1 if quick else 7
    left, right = (load_interview(path).outline.questions for path in bundled_paths())
    bundled = ([q.text for q in left], [q.text for q in right])
    size = 20 if quick else LONG_QUESTIONS
    long_left = [q.text for q in build_outline(long_transcript(size)).questions]
    long_right = [q.text for q in build_outline(long_transcript(2 * size)).questions][size:]
    return [
        row(
            "pairing: questions of the two bundled interviews",
            time_calls(lambda: counterparts(*bundled), runs),
            unit="ms",
            scale=1000,
            target="<= 20 ms",
            limit=20,
        ),
        row(
            f"pairing: two {size}-question transcripts",
            time_calls(lambda: counterparts(long_left, long_right), runs),
            unit="ms",
            scale=1000,
            target="<= 500 ms",
            limit=500,
        ),
    ]
