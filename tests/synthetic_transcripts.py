"""Synthetic transcripts of any size, for the tests and benchmarks of layout and outline speed.

A long interview in the bundled "Q: ...?" / "A: ..." style: a title, then ``questions``
numbered turns with varied wording, so that no two questions are the same text.
Deterministic: the same count always gives the same text.
"""

from __future__ import annotations

_TOPICS = ("industry", "farmland", "exports", "the seed bank", "rural roads", "clean energy")
_VERBS = ("strengthen", "protect", "measure", "expand", "reform", "finance")


def long_transcript(questions: int) -> str:
    """A transcript with ``questions`` question-and-answer turns."""
    lines = ["Title: A very long interview with a patient minister", ""]
    for number in range(questions):
        topic = _TOPICS[number % len(_TOPICS)]
        verb = _VERBS[(number // len(_TOPICS)) % len(_VERBS)]
        lines.append(f"Q: How will you {verb} {topic} in year {number + 1}?")
        lines.append(
            f"A: In year {number + 1} we will {verb} {topic} step by step, "
            f"with {number % 97 + 3} pilot counties and a review every quarter."
        )
        lines.append("")
    return "\n".join(lines)
