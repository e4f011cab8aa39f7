"""A list's markers and how they chain into runs (1, 2, 3 ...); where sentences start.

Every finder of :mod:`corpus.outline.measures` gives :class:`Marker` objects; a list is
a run of markers numbered 1, 2, 3 ... in text order (:func:`runs`).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from corpus.outline.measures.vocabulary import ARTICLES, CONJUNCTIONS, HEDGES, LAST, NEXT, OTHER
from corpus.outline.sentences import sentence_start, sentence_starts

#: A sentence (or list item) may start after these, and at a line start.
_OPENERS = ".?!;:。；：！？"
_CLOSERS = "\"”'’)"
#: Spaces within a line (transcripts copied from the web keep no-break spaces).
BLANKS = " \t\xa0\u2009\u202f"
_SPACES_AND_COMMA = BLANKS + "\n,"


@dataclass(frozen=True, slots=True)
class Marker:
    ordinal: int
    start: int
    """Where the item's text starts: the marker's sentence, or after a numeral."""
    marker_start: int
    """Where the marker starts (the previous item ends before it)."""
    own: int | None = None
    """For a marker of words: where its own words start (with a conjunction or article
    before them), which starts the item when the previous item holds the same sentence
    (``one is that ...; the other is ...``)."""
    kind: str = ""
    """The marker's shape (``named`` for ``The second issue is``, ``bare`` for ``The
    second is``, ``adverb`` for ``Secondly,``, ``closing`` for ``..., number one.``): lists
    nest when their shapes differ."""
    hedged: bool = False
    """Softened (``kind of the first step``, ``I think the next part is``): a list it
    opens needs a second ordinal after it, and a ``next`` or ``other`` so softened goes on
    a list of two items or more only."""


class Sentences:
    """Where the sentences of an answer start, found once when a finder first asks."""

    def __init__(self, region: str, wrapped: bool) -> None:
        self._region = region
        self._wrapped = wrapped
        self._starts: list[int] | None = None

    @property
    def starts(self) -> list[int]:
        if self._starts is None:
            self._starts = sentence_starts(
                self._region, 0, len(self._region), wrapped=self._wrapped
            )
        return self._starts

    def start_of(self, offset: int) -> int:
        """Where the sentence holding ``offset`` starts."""
        if self._starts is None:  # most answers need only a few: read back from each
            return sentence_start(self._region, 0, offset, wrapped=self._wrapped)
        index = bisect_right(self.starts, offset) - 1
        return self.starts[index] if index >= 0 else 0

    def before(self, offset: int, count: int) -> list[int]:
        """The starts of up to ``count`` sentences before the one holding ``offset``,
        nearest last."""
        starts: list[int] = []
        start = self.start_of(offset)
        while start > 0 and len(starts) < count:
            start = self.start_of(start - 1)
            starts.insert(0, start)
        return starts

    def end_of(self, offset: int) -> int:
        """Where the sentence after the one holding ``offset`` starts (or the region ends)."""
        index = bisect_right(self.starts, offset)
        return self.starts[index] if index < len(self.starts) else len(self._region)

    def marker(self, ordinal: int, lead: int) -> Marker:
        """A marker of words starting at ``lead``: its item is the sentence holding it."""
        sentence = self.start_of(lead)
        return Marker(ordinal, sentence, sentence, lead)


#: How far apart (in characters) two markers of one list may stand: a list's items are
#: close together, a stray ordinal minutes later starts nothing.
MAX_GAP = 3000


def runs(
    markers: list[Marker], breaks: tuple[int, ...] = (), paragraphs: tuple[int, ...] = ()
) -> list[list[Marker]]:
    """Runs of markers numbered 1, 2, 3 ... in text order; ``Finally`` may close a run
    of two or more, ``the other`` a run of one, ``another`` add to any run.

    Lists nest: a ``1`` of another shape inside an item opens a list within it, and a
    marker of another shape than the inner list's that goes on a list around it (``The
    first question is ... The first is ... The second is ... The second issue is``)
    closes the inner one. A marker goes on the innermost list it fits. A ``1`` of the
    same shape as a lone ``1`` before it starts over (``First of all`` said twice), and
    two first markers in one sentence (``One, first of all, ...``) are one, as are a first
    item and a ``..., number one.`` recapping in the paragraph of the last item (one of
    ``paragraphs`` starts each paragraph after the first). A ``1`` that started over
    after a lone ``1``, followed by a ``3``, was the second item counted loosely (``The
    first thing is ... kind of the first fallback ... the third thing``, each naming its
    item): the three are one list. A hedged first opens a list only when a second ordinal
    follows it, and a hedged ``the next``, ``the other`` or ``the last`` goes on a list of
    two items or more. No list runs over one of ``breaks`` (where another speaker's turn
    starts)."""
    found: list[list[Marker]] = []
    open_runs: list[list[Marker]] = []
    recounted: dict[int, Marker] = {}  # a lone first started over, by the run after it
    for marker in sorted(markers, key=lambda m: (m.marker_start, m.own or 0)):
        if open_runs and any(
            open_runs[-1][-1].marker_start < at <= marker.marker_start for at in breaks
        ):
            open_runs = []
        open_runs = [
            run for run in open_runs if marker.marker_start - run[-1].marker_start <= MAX_GAP
        ]
        if marker.ordinal == 1:
            if (
                marker.kind == "closing"
                and open_runs
                and not any(open_runs[-1][-1].start < at <= marker.start for at in paragraphs)
            ):
                continue  # "The first is ... So, that's sensible, number one.": a recap
            restarted: Marker | None = None
            if open_runs and len(open_runs[-1]) == 1:
                if open_runs[-1][0].start == marker.start:
                    continue
                if open_runs[-1][0].kind == marker.kind:
                    restarted = open_runs.pop()[0]
            open_runs.append([marker])
            found.append(open_runs[-1])
            if restarted is not None:
                recounted[id(open_runs[-1])] = restarted
            continue
        for depth in range(len(open_runs) - 1, -1, -1):
            run = open_runs[depth]
            innermost = depth == len(open_runs) - 1
            lone = recounted.get(id(run)) if innermost and len(run) == 1 else None
            if lone is not None and marker.ordinal == 3 and _named(lone, run[0], marker):
                # "The first thing is ... kind of the first fallback ... the third thing":
                # the second first was the second item, counted loosely.
                run.insert(0, lone)
                run.append(marker)
                break
            if not innermost and open_runs[-1][-1].kind == marker.kind:
                break  # "Number two" again inside a list of "Number"s: no way out
            if marker.hedged and marker.ordinal < 1 and len(run) < 2:
                break  # "I think the next big leap is" after a stray first: no list
            if marker.ordinal == len(run) + 1 or (innermost and marker.ordinal == NEXT):
                run.append(marker)
                del open_runs[depth + 1 :]
                break
            if innermost and (
                (marker.ordinal == LAST and len(run) >= 2)
                or (marker.ordinal == OTHER and len(run) == 1)
            ):
                run.append(marker)
                del open_runs[depth:]
                break
    return [run for run in found if not _loosely_opened(run)]


def _named(*markers: Marker) -> bool:
    """Each marker names its item (``The first thing is``, ``kind of the first fallback
    would be``): a loose count is believed of such sentences, not of spoken numbers or of
    ``First of all`` said again."""
    return all(marker.kind == "named" for marker in markers)


def _loosely_opened(run: list[Marker]) -> bool:
    """A run a hedged first opens that no second ordinal goes on (``kind of the first step
    ... Another book is ...``): prose that says "first", not a list."""
    return run[0].hedged and len(run) > 1 and run[1].ordinal not in (1, 2)


def lead(lowered: str, position: int, hedges: bool = False) -> tuple[int, str | None, bool]:
    """Where the marker's sentence starts: before an article, with ``hedges`` a hedge
    before that (``kind of the second``, ``I think the first``), and up to two
    conjunctions right before ``position`` (``And then third``), if any; the article
    (``the``, ``a`` ...) found, if any; and whether a hedge was found."""
    start, article, hedged = position, None, False
    for allowed in (ARTICLES, HEDGES, CONJUNCTIONS, CONJUNCTIONS):
        before = start
        while before > 0 and lowered[before - 1] in _SPACES_AND_COMMA:
            before -= 1
        if before == start:
            continue
        if allowed is HEDGES:
            if hedges and article is not None:
                start = _before_hedge(lowered, before, start)
                hedged = start < before
            continue
        word_start = before
        while word_start > 0 and lowered[word_start - 1].isalpha():
            word_start -= 1
        word = lowered[word_start:before]
        if word not in allowed:
            continue
        if allowed is ARTICLES:
            if "," in lowered[before:start]:
                continue
            article = word
        start = word_start
    return start, article, hedged


def _before_hedge(lowered: str, end: int, start: int) -> int:
    """Where a hedge ending at ``end`` starts (words apart by single spaces), else ``start``."""
    for hedge in HEDGES:
        begin = end - len(hedge)
        if lowered.startswith(hedge, begin) and (begin == 0 or not lowered[begin - 1].isalpha()):
            return begin
    return start


def opens_sentence(region: str, offset: int) -> bool:
    """Whether ``offset`` starts a line, or follows a terminator (or ``;``/``:``) and a space.

    A line that starts in lower case after a line ending in a word goes on the sentence
    before (a caption or a hard-wrapped line: "when I\nfirst, you know, came here")."""
    before = offset
    while before > 0 and region[before - 1] in BLANKS:
        before -= 1
    if before == 0:
        return True
    if region[before - 1] == "\n":
        previous = region[:before].rstrip()
        return not (region[offset : offset + 1].islower() and previous[-1:].isalnum())
    spaced = before < offset
    if region[before - 1] in _CLOSERS and before > 1:
        before -= 1
    mark = region[before - 1]
    return mark in _OPENERS and (spaced or mark in "。；：！？")


def ends_sentence_before(region: str, offset: int) -> bool:
    """A terminator and spaces right before ``offset`` (a marker that is its own sentence)."""
    before = offset
    while before > 0 and region[before - 1] in BLANKS:
        before -= 1
    return before < offset and before > 0 and region[before - 1] in ".?!"
