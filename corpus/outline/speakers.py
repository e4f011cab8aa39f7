"""The paragraphs of a transcript with who speaks in each, who asks, and which turns ask.

This is where the three readings meet before the outline is built: the document's
speaker labels (:mod:`corpus.outline.turns`), who asks (:mod:`corpus.outline.askers`) and
which of the askers' turns are questions (:mod:`corpus.outline.questions`). Each
paragraph that opens a turn carries its speaker's label in one of three roles: a question
(``asker``), an answer or other talk of a non-asker (``answerer``), or an asker's turn
that puts no question (``name``: thanks, back-channel, the floor given). A paragraph with
a name-shaped label the document does not bear out keeps it as ``name`` only, believed
later where an answer is due (``Minister Li:`` after a question).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection
from dataclasses import dataclass, replace
from itertools import pairwise

from corpus.model import Span, Turn
from corpus.outline.askers import find_askers
from corpus.outline.bare_questions import bare_questions
from corpus.outline.frontmatter import headline_like
from corpus.outline.labels import Label, Role, may_open_with_label, name_label
from corpus.outline.metadata import Metadata, find_metadata, interviewers_among
from corpus.outline.paragraphs import paragraph_layout
from corpus.outline.questions import question_turns
from corpus.outline.said import Said, has_question_mark, sentences
from corpus.outline.sessions import restated_blocks
from corpus.outline.turns import SpeakerLabel, find_labels, inline_starts

#: How much of a paragraph's end is read for its last sentence.
_LAST_SENTENCE = 600
#: Labels that many people share: two such turns in a row are two people's.
_MANY = re.compile(
    r"(?i)(?:q|questions?|questioner|reporters?|journalists?|correspondents?|"
    r"audience(?: member)?|unidentified.*|voice|male|female|man|woman|speaker)$"
)


@dataclass(frozen=True, slots=True)
class Line:
    """A non-blank line (a paragraph), whitespace trimmed, with the label opening it."""

    start: int
    end: int
    asker: Label | None = None
    """The label of a question opening the line, if any."""
    answerer: Label | None = None
    """The label of a speaker who does not ask (an answer) opening the line, if any."""
    name: Label | None = None
    """An asker's label on a turn that is no question, or a name-shaped label the
    document does not bear out (only believed where an answer is due)."""
    spoken: SpeakerLabel | None = None
    """The speaker label the document bears out, whatever its role."""


@dataclass(frozen=True, slots=True)
class Reading:
    """A transcript's lines with roles, whether it is hard-wrapped, and who asks."""

    lines: list[Line]
    wrapped: bool
    askers: frozenset[str]
    labelled_answers: bool
    """Some turns of speakers who do not ask are labelled (so a question runs to one)."""
    metadata: Metadata
    """An archive's metadata block at the top (its lines are no turns)."""


def read_lines(
    text: str,
    named_askers: Collection[str] | None = None,
    asked: Collection[int] = (),
    marked: Collection[int] = (),
) -> Reading:
    """The paragraphs of ``text`` with their speakers' labels in their roles; ``asked``
    holds where the marks that put a question (``### How did you start?``) start,
    ``marked`` where every line the file's format marks as a heading starts."""
    metadata = find_metadata(text)
    labels = _past_titles(text, find_labels(text), marked)
    if metadata.end:
        labels = {at: label for at, label in labels.items() if not metadata.holds(at)}
    paragraphs, wrapped = paragraph_layout(text, labels)
    if labels:
        paragraphs = _split_at(text, paragraphs, inline_starts(labels, text))
        paragraphs = _through_labels(paragraphs, labels)
        sessions = restated_blocks(text, paragraphs, labels)
        if sessions:  # a later session's heading block is no one's talk
            metadata = replace(metadata, restated=metadata.restated + sessions)
    lines = [
        Line(start, end)  # a metadata field is no one's label
        if metadata.holds(start)
        else _line(text, start, end, labels.get(start))
        for start, end in paragraphs
    ]
    bare = bare_questions(text, lines, asked)
    held = [i for i, line in enumerate(lines) if metadata.holds(line.start)]
    said, owners = _said(text, lines, bare.union(held))
    if named_askers is None and metadata.end:
        named_askers = interviewers_among({turn.speaker for turn in said}, metadata, text) or None
    # Questions without labels before labelled answers: every labelled speaker answers.
    askers = find_askers(said, named_askers) if named_askers or not bare else frozenset()
    asking = {owners[i] for i in question_turns(said, askers, _openings(owners, held))}
    lines = [_with_role(index, line, askers, asking) for index, line in enumerate(lines)]
    for index in bare:
        line = lines[index]
        lines[index] = Line(
            line.start, line.end, asker=Label(Role.ASKER, "", line.start, line.start)
        )
    labelled_answers = any(line.answerer is not None and line.spoken for line in lines)
    return Reading(lines, wrapped, askers, labelled_answers, metadata)


def _past_titles(
    text: str, labels: dict[int, SpeakerLabel], marked: Collection[int]
) -> dict[int, SpeakerLabel]:
    """The labels less those that open a line the format marks as a heading with words
    after them on that line (``### Block 1: General Information``): a section's title,
    not a turn. A heading that is a name alone (``### Jane Doe``) still labels the turn
    below it."""
    kept = {}
    for at, label in labels.items():
        end = text.find("\n", at)
        if at in marked and text[label.text_start : len(text) if end < 0 else end].strip():
            continue
        kept[at] = label
    return kept


def spoken_turns(lines: list[Line], headings: set[int], extra: list[Turn]) -> tuple[Turn, ...]:
    """Every labelled turn: from its label to the next label, question, heading or the end.

    ``extra`` are answers whose label was believed only where an answer was due.
    """
    turns: list[Turn] = []
    open_turn: tuple[SpeakerLabel, int, int] | None = None
    for index, line in enumerate([*lines, None]):
        # A question without a label (a bare one) ends the turn before it too.
        ends = line is None or line.spoken is not None or line.asker is not None
        ends = ends or index in headings
        if ends and open_turn is not None:
            label, first, last = open_turn
            end = max(label.text_start, lines[last].end)
            # A label alone on its line: the turn's words start on the next one.
            alone = last > first and label.text_start >= lines[first].end
            start = lines[first + 1].start if alone else label.text_start
            turns.append(Turn(label.speaker, Span(label.start, label.text_start), start, end))
            open_turn = None
        if line is not None and line.spoken is not None:
            open_turn = (line.spoken, index, index)
        elif line is not None and open_turn is not None:
            open_turn = (open_turn[0], open_turn[1], index)
    taken = {turn.label.start for turn in turns}
    turns += [turn for turn in extra if turn.label.start not in taken]
    return tuple(sorted(turns, key=lambda turn: turn.label.start))


def _openings(owners: list[int], held: list[int]) -> set[int]:
    """The turns that open a session: the first, and the first after each restated
    heading or metadata block (``held`` lines, in order; ``owners``: each turn's line)."""
    openings = {0} if owners else set()
    for turn, (before, line) in enumerate(pairwise(owners), start=1):
        at = bisect_right(held, before)
        if at < len(held) and held[at] < line:
            openings.add(turn)
    return openings


def _split_at(
    text: str, paragraphs: list[tuple[int, int]], starts: list[int]
) -> list[tuple[int, int]]:
    """Paragraphs cut where a label starts inside them (a transcript on one line)."""
    if not starts:
        return paragraphs
    result: list[tuple[int, int]] = []
    cuts = iter(starts)
    cut = next(cuts, None)
    for start, end in paragraphs:
        while cut is not None and cut <= start:
            cut = next(cuts, None)
        while cut is not None and cut < end:
            piece_end = cut
            while piece_end > start and text[piece_end - 1].isspace():
                piece_end -= 1
            if piece_end > start:
                result.append((start, piece_end))
            start = cut
            cut = next(cuts, None)
        result.append((start, end))
    return result


def _through_labels(
    paragraphs: list[tuple[int, int]], labels: dict[int, SpeakerLabel]
) -> list[tuple[int, int]]:
    """Paragraphs that stand inside a label joined to the paragraph it opens: a label
    set over lines ("00:12:03" over "Jane Doe:") is one line, its words after it."""
    result: list[tuple[int, int]] = []
    reach = -1  # where the last label's words begin
    for start, end in paragraphs:
        if result and start < reach:
            result[-1] = (result[-1][0], max(result[-1][1], end))
            continue
        label = labels.get(start)
        reach = label.text_start if label is not None else -1
        result.append((start, end))
    return result


def _line(text: str, start: int, end: int, spoken: SpeakerLabel | None) -> Line:
    if spoken is not None:
        return Line(start, end, spoken=spoken)
    if may_open_with_label(text, start, end):
        return Line(start, end, name=name_label(text, start, end))
    return Line(start, end)


def _said(text: str, lines: list[Line], ends: set[int]) -> tuple[list[Said], list[int]]:
    """The turns as the who-asks rules read them, and the line each one opens on.

    In a transcript with one labelled speaker (``Q:`` only), a turn's first paragraph is
    the asker's and the paragraphs after it are the unlabelled answer. Elsewhere the same
    label twice in a row is one turn: one question, one answer.
    """
    speakers = {line.spoken.speaker for line in lines if line.spoken}
    said: list[Said] = []
    owners: list[int] = []
    index = 0
    while index < len(lines):
        label = lines[index].spoken
        if label is None:
            index += 1
            continue
        last = index
        while (
            last + 1 < len(lines)
            and last + 1 not in ends  # a question without a label, a session's heading
            and _same_turn(text, lines, last, label, speakers)
        ):
            last += 1
        # A label alone on its line ("Reporter:") says its words on the next one.
        head = index if label.text_start < lines[index].end else index + 1
        if len(speakers) == 1 and last > head:
            said.append(Said(label.speaker, text[label.text_start : lines[head].end], label.role))
            said.append(Said("", text[lines[head + 1].start : lines[last].end]))
            owners += [index, head + 1]
        else:
            said.append(Said(label.speaker, text[label.text_start : lines[last].end], label.role))
            owners.append(index)
        index = last + 1
    return said, owners


def _same_turn(
    text: str, lines: list[Line], last: int, label: SpeakerLabel, speakers: set[str]
) -> bool:
    """Line ``last + 1`` carries on ``label``'s turn: it has no label, or, where several
    speak, the same person's label again after a paragraph that asks (a question split in
    labelled paragraphs), unless a title line stands between (a new part of the hearing)
    or the label is a role many people share (``Q``, ``Journalist``: the next reporter)."""
    spoken = lines[last + 1].spoken
    if spoken is None:
        return True
    if len(speakers) < 2 or spoken.speaker != label.speaker or _MANY.match(label.speaker):
        return False
    before = lines[last]
    start = before.spoken.text_start if before.spoken else before.start
    if headline_like(text[start : before.end]):
        return False
    # Only a turn that ends asking needs its second paragraph: alone it would be a question
    # with no answer; a remark before a question ("Yeah. ...") is dropped as talk between
    # askers, and so is a sponsor read or an introduction whose question is rhetorical
    # ("Tired of juggling invoices? Brightline keeps ...").
    parts = sentences(text[label.text_start : before.end][-_LAST_SENTENCE:])
    return bool(parts) and has_question_mark(parts[-1])


def _with_role(index: int, line: Line, askers: frozenset[str], asking: set[int]) -> Line:
    spoken = line.spoken
    if spoken is None:
        return line
    start, end = line.start, line.end
    if index in asking:
        return Line(start, end, asker=_label(spoken, Role.ASKER), spoken=spoken)
    if spoken.speaker in askers:
        return Line(start, end, name=_label(spoken, Role.ASKER), spoken=spoken)
    return Line(start, end, answerer=_label(spoken, Role.ANSWERER), spoken=spoken)


def _label(spoken: SpeakerLabel, role: Role) -> Label:
    return Label(role, spoken.speaker, spoken.start, spoken.text_start)
