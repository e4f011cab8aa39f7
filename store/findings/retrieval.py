"""Every passage of a code across the interviews: what a researcher reads to write it up.

A code is a tag path, so retrieving ``policy`` brings the passages coded ``policy`` and
those coded ``policy/tax`` or anything else below it, from every interview in the
database, with the interview, the question each passage answers, its coder and note.
Orphaned passages (their text changed and they could not be found again) are included
with their quote and status: the coding stands, only its place is unknown.
"""

from __future__ import annotations

from dataclasses import dataclass

from store.backend import Store
from store.findings.codes import check_code
from store.findings.texts import InterviewTexts, Place
from store.model import Annotation, Status
from store.tagpaths import is_within


@dataclass(frozen=True, slots=True)
class RetrievedPassage:
    """One coded passage, with where it sits and who coded it.

    It holds the annotation and its place; the rest are views of those two, so that a
    retrieval of tens of thousands of passages stays quick.
    """

    annotation: Annotation
    place: Place
    matched: tuple[str, ...]
    """The passage's tags at or below the code asked for."""

    @property
    def annotation_id(self) -> str:
        return self.annotation.id

    @property
    def interview(self) -> str:
        """The interview's id."""
        return self.annotation.interview

    @property
    def title(self) -> str:
        """The interview's title (its id when its text cannot be read)."""
        return self.place.title

    @property
    def start(self) -> int:
        """Offset in the interview's clean text (as last anchored)."""
        return self.annotation.start

    @property
    def end(self) -> int:
        return self.annotation.end

    @property
    def quote(self) -> str:
        return self.annotation.exact

    @property
    def question(self) -> str | None:
        """The question the passage is under; None if its text cannot be read or it is
        outside any question."""
        return self.place.question

    @property
    def question_index(self) -> int | None:
        return self.place.question_index

    @property
    def section(self) -> str | None:
        return self.place.section

    @property
    def coder(self) -> str:
        return self.annotation.author

    @property
    def note(self) -> str:
        return self.annotation.note

    @property
    def tags(self) -> tuple[str, ...]:
        """All the passage's tags, not only those retrieved."""
        return self.annotation.tags

    @property
    def status(self) -> Status:
        return self.annotation.status

    @property
    def located(self) -> bool:
        """True when the interview's text was read and is the one the passage was
        anchored on (then a None ``question`` means it is outside any question)."""
        return self.place.located


def retrieve(
    store: Store,
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
    matched: dict[tuple[str, ...], tuple[str, ...]] = {}
    passages = []
    for a in found:
        mine = matched.get(a.tags)
        if mine is None:
            mine = matched[a.tags] = tuple(t for t in a.tags if is_within(t, code))
        passages.append(RetrievedPassage(a, texts.place(a), mine))
    return passages


def passage_of(annotation: Annotation, code: str | None, texts: InterviewTexts) -> RetrievedPassage:
    """``annotation`` as a retrieved passage; ``matched`` holds its tags within ``code``
    (all its tags when ``code`` is None)."""
    tags = annotation.tags
    matched = tags if code is None else tuple(t for t in tags if is_within(t, code))
    return RetrievedPassage(annotation, texts.place(annotation), matched)
