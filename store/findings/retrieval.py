"""Every passage of a code across the interviews: what a researcher reads to write it up.

A code is a tag path, so retrieving ``policy`` brings the passages coded ``policy`` and
those coded ``policy/tax`` or anything else below it, from every interview in the
database, with the interview, the question each passage answers, its coder and note.
Orphaned passages (their text changed and they could not be found again) are included
with their quote and status: the coding stands, only its place is unknown.
"""

from __future__ import annotations

from dataclasses import dataclass

from store.findings.codes import check_code
from store.findings.texts import InterviewTexts
from store.model import Annotation, Status
from store.store import AnnotationStore
from store.tagpaths import is_within


@dataclass(frozen=True, slots=True)
class RetrievedPassage:
    """One coded passage, with where it sits and who coded it."""

    annotation_id: str
    interview: str
    """The interview's id."""
    title: str
    """The interview's title (its id when its text cannot be read)."""
    start: int
    end: int
    """Offsets in the interview's clean text (as last anchored)."""
    quote: str
    question: str | None
    """The question the passage is under; None if its text cannot be read or it is
    outside any question."""
    question_index: int | None
    section: str | None
    coder: str
    note: str
    tags: tuple[str, ...]
    """All the passage's tags, not only those retrieved."""
    matched: tuple[str, ...]
    """The passage's tags at or below the code asked for."""
    status: Status
    located: bool = False
    """True when the interview's text was read and is the one the passage was anchored
    on (then a None ``question`` means the passage is outside any question)."""


def retrieve(
    store: AnnotationStore,
    tag: str,
    *,
    author: str | None = None,
    texts: InterviewTexts | None = None,
) -> list[RetrievedPassage]:
    """Every passage coded ``tag`` or a code below it, in every interview, in text order
    (interview, start, end); with ``author``, only that coder's.

    :class:`~store.findings.codes.UnknownCode` (a StoreError naming close codes) if the
    database knows no such code. ``texts`` finds the interviews' questions (pass one to
    share its cache across calls); by default bundled interviews and the files the
    annotations remember are read.
    """
    code = check_code(store, tag)
    found = store.annotations(tag=code, author=author)
    texts = texts if texts is not None else InterviewTexts()
    return [passage_of(a, code, texts) for a in found]


def passage_of(annotation: Annotation, code: str | None, texts: InterviewTexts) -> RetrievedPassage:
    """``annotation`` as a retrieved passage; ``matched`` holds its tags within ``code``
    (all its tags when ``code`` is None)."""
    place = texts.place(annotation)
    matched = (
        annotation.tags if code is None else tuple(t for t in annotation.tags if is_within(t, code))
    )
    return RetrievedPassage(
        annotation_id=annotation.id,
        interview=annotation.interview,
        title=place.title,
        start=annotation.start,
        end=annotation.end,
        quote=annotation.exact,
        question=place.question,
        question_index=place.question_index,
        section=place.section,
        coder=annotation.author,
        note=annotation.note,
        tags=annotation.tags,
        matched=matched,
        status=annotation.status,
        located=place.located,
    )
