"""Where a passage sits in its interview: the interview's title and the question it is under.

Annotations keep offsets and a quote, not the outline: the question a passage answers is
derived from the interview's text, read once per interview (a bundled interview by its
id, the user's own through the file its annotations remember). When that text cannot be
read, or is no longer the text the passage was anchored on (its fingerprint changed: the
offsets may point elsewhere), the place is unknown and the caller shows None rather than
a wrong question.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from corpus import CorpusError, Interview, load_interview
from store.locate import locate
from store.model import Annotation

Loader = Callable[[str], Interview | None]


@dataclass(frozen=True, slots=True)
class Place:
    """The interview's title and the question (and section) a passage starts in."""

    title: str
    """The interview's title, or its id when its text cannot be read."""
    question_index: int | None
    """Index into the interview's ``outline.questions``; None when unknown or outside one."""
    question: str | None
    """The question's text; None when unknown or outside a question."""
    section: str | None = None
    located: bool = False
    """True when the interview's text was read and is the one the passage was anchored
    on: a None question then means the passage is outside any question."""


class InterviewTexts:
    """Interviews found for annotations, each read at most once (a cache; not thread-safe).

    ``known`` are interviews already loaded (the reader's); ``load`` finds others by
    id (default: the bundled interviews, :func:`store.export.interview_loader`).
    """

    def __init__(self, known: Iterable[Interview] = (), load: Loader | None = None) -> None:
        if load is None:
            from store.export import interview_loader

            load = interview_loader()
        self._load = load
        self._by_id: dict[str, Interview | None] = {i.id: i for i in known}
        self._by_source: dict[str, Interview | None] = {}
        self._places: dict[tuple[str, str, int, str], Place] = {}

    def add(self, interview: Interview) -> None:
        """Use ``interview`` for its id from now on (a text the caller loaded itself)."""
        self._by_id[interview.id] = interview
        self._places = {k: v for k, v in self._places.items() if k[0] != interview.id}

    def interview_of(self, annotation: Annotation) -> Interview | None:
        """The interview ``annotation`` was made in, if its text can be read."""
        interview_id = annotation.interview
        if interview_id not in self._by_id:
            self._by_id[interview_id] = self._load(interview_id)
        found = self._by_id[interview_id]
        if found is not None or not annotation.source:
            return found
        source = annotation.source
        if source not in self._by_source:
            try:
                from_file: Interview | None = load_interview(Path(source))
            except (CorpusError, OSError):
                from_file = None
            if from_file is not None and from_file.id != interview_id:
                from_file = None
            self._by_source[source] = from_file
        return self._by_source[source]

    def place(self, annotation: Annotation) -> Place:
        """Title, question and section of ``annotation``'s passage (None where unknown)."""
        key = (annotation.interview, annotation.fingerprint, annotation.start, annotation.status)
        found = self._places.get(key)
        if found is None:
            found = self._places[key] = self._find_place(annotation)
        return found

    def _find_place(self, annotation: Annotation) -> Place:
        interview = self.interview_of(annotation)
        if interview is None:
            return Place(annotation.interview, None, None)
        if annotation.orphaned or interview.fingerprint != annotation.fingerprint:
            return Place(interview.title, None, None)
        headings = locate(interview.outline, annotation.start)
        index = _question_index(interview, annotation.start) if headings.question else None
        return Place(
            interview.title, index, headings.question or None, headings.section or None, True
        )


def _question_index(interview: Interview, offset: int) -> int | None:
    from corpus import question_index

    found = question_index(interview.outline, offset, strict=True)
    return found if found >= 0 else None
