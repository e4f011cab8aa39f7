"""Who asks in each interview, as the user set it: remembered per interview id.

The outline decides who asks from the text; a user who knows better names the
interviewer (``gloss --interviewer NAME``, or ``I`` in the reader). The choice made in
the reader is kept in a small JSON file in the user state directory (``interviewers.json``
under ``platformdirs.user_state_dir("gloss")``), so the interview opens the same way next
time. The file is only a preference: one that cannot be read counts as empty.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Collection, Sequence
from dataclasses import replace
from pathlib import Path

import corpus
from corpus import CorpusError, Interview

# The outline builders are reached as ``corpus.with_askers``: ``corpus`` loads them on first
# use, so the reader's launch does not pay for them when no one chose who asks.

#: Role labels that name no one (``Q:``, ``Question:``): not worth repeating in the outline.
ROLE_LABELS = frozenset(
    {"q", "question", "questions", "a", "answer", "answers", "interviewer", "reporter"}
)


def state_path() -> Path:
    """``interviewers.json`` in the user state directory (resolved when asked)."""
    from platformdirs import user_state_dir

    return Path(user_state_dir("gloss")) / "interviewers.json"


def _load(path: Path) -> dict[str, list[str]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {
        key: [name for name in names if isinstance(name, str)]
        for key, names in data.items()
        if isinstance(key, str) and isinstance(names, list)
    }


def remembered(interview_id: str, path: Path | None = None) -> tuple[str, ...]:
    """The interviewers the user set for this interview (empty: the text decides)."""
    return tuple(_load(path or state_path()).get(interview_id, ()))


def remember(interview_id: str, names: Sequence[str], path: Path | None = None) -> None:
    """Keep ``names`` as the interviewers of ``interview_id`` (none: forget the choice).
    Written whole (temporary file renamed over it); OSError if it cannot be."""
    path = path or state_path()
    data = _load(path)
    if names:
        data[interview_id] = list(names)
    else:
        data.pop(interview_id, None)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".interviewers-", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False, indent=1)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def with_interviewers(
    interviews: Sequence[Interview], names: Collection[str] | None
) -> list[Interview]:
    """``interviews`` with who asks set: ``names`` (``--interviewer``) where they name a
    speaker, else what the user chose in the reader before, else as the text decides.

    A name applies to each interview where it names a speaker (``--interviewer A
    --interviewer B a.txt b.txt`` with A in a.txt only and B in b.txt only).
    CorpusError if a name names no speaker of any of them, AmbiguousName if it may be
    any of several speakers of one of them.
    """
    named = corpus.askers_named(interviews, names) if names else [() for _ in interviews]
    return [
        corpus.with_askers(interview, chosen)
        if chosen
        else _quietly_with(interview, remembered(interview.id))
        for interview, chosen in zip(interviews, named, strict=True)
    ]


def as_the_text_says(interview: Interview) -> Interview:
    """``interview`` outlined with the askers its text decides (no one's choice)."""
    return replace(
        interview, outline=corpus.build_outline(interview.text, marked=interview.headings)
    )


def _quietly_with(interview: Interview, names: Collection[str]) -> Interview:
    """A remembered choice that no longer names a speaker (the file changed) is dropped."""
    if not names:
        return interview
    try:
        return corpus.with_askers(interview, names)
    except CorpusError:
        return interview


def speaker_at(interview: Interview, offset: int) -> tuple[str, bool] | None:
    """The speaker of the turn at ``offset`` and whether they ask; None outside turns."""
    turn = interview.outline.turn_at(offset)
    if turn is None or not turn.speaker:
        return None
    return turn.speaker, turn.speaker in interview.outline.askers
