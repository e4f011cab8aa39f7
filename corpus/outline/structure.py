"""Clean text to an :class:`Outline`: title, dateline, byline, intro, sections, Q&A, measures.

Interview transcripts follow a loose house style rather than a format, so the outline is
found from the shape of paragraphs (one per line, unless the file is hard-wrapped: see
:mod:`corpus.outline.paragraphs`) and their order:

- front matter (dateline, title, byline): :mod:`corpus.outline.frontmatter`;
- *speakers*: who speaks in each paragraph, who asks and which of the askers' turns are
  questions: :mod:`corpus.outline.speakers` (over ``turns``, ``askers``, ``questions``);
- a *question* opens with an asker's turn that puts something to the interviewee; where
  the document labels the answers it runs to the next label, else lines after it still
  belong to it when an answer label follows within a few short lines;
- an *answer* opens with a non-asker's label (``A:``, ``MS. PSAKI:``, or a name such as
  ``Minister Li:`` right after a question), else at the next paragraph, and runs to the
  next question or heading;
- *headings*, the lines that title a section: :mod:`corpus.outline.headings`;
- *measures*, the numbered items of an answer: :mod:`corpus.outline.measures`.

Every offset indexes the clean text and excludes labels: ``text[start:end]`` of a
question, answer or measure is exactly its own text (a question over two paragraphs each
under its asker's label spans both; its ``text`` leaves the second label out). A
section's region runs from its heading (or, for questions before any heading, from the
first question's label) to the end of its last answer.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, replace

from corpus.model import Measure, Outline, Question, Section, Span, Turn
from corpus.outline.frontmatter import FrontMatter, find_front_matter
from corpus.outline.headings import find_headings, heading_span, opens_turn
from corpus.outline.labels import Label, inline_answer
from corpus.outline.marked import asked_marks
from corpus.outline.measures import find_measures
from corpus.outline.metadata import Metadata
from corpus.outline.notes import notes_start
from corpus.outline.speakers import Line, read_lines, spoken_turns
from corpus.outline.unlabelled import read_unlabelled

#: How many short lines may continue a question before its answer label.
MAX_QUESTION_CONTINUATIONS = 3
MAX_CONTINUATION_WORDS = 60

_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class _Turn:
    """A question found in the text, before it is grouped into a section."""

    question: Question
    label_start: int
    """Where the question's paragraph starts (its label included)."""
    answer_label: Span | None = None
    """Where the answer's label stands, if it has one."""


def build_outline(
    text: str,
    askers: Collection[str] | None = None,
    *,
    marked: Collection[tuple[int, int]] = (),
) -> Outline:
    """Find title, dateline, byline, intro, sections, questions and measures in clean text.

    ``askers`` names the speakers who ask (``--interviewer``); by default the document
    decides (:mod:`corpus.outline.askers`). ``marked`` holds the ``(offset, level)`` of
    the lines the file's format marked as headings (``Interview.headings``).
    """
    reading = read_lines(text, askers, asked_marks(text, marked))
    lines, wrapped = reading.lines, reading.wrapped
    if not lines:
        return Outline()
    first_turn = next(
        (i for i, line in enumerate(lines) if opens_turn(line) or line.spoken), len(lines)
    )
    metadata = reading.metadata
    headings = {i for i in find_headings(text, lines, marked) if not metadata.holds(lines[i].start)}
    front = find_front_matter(
        text,
        [(line.start, line.end) for line in lines[:first_turn]],
        title_may_lead=not (0 in headings and headings - {0}),
    )
    front = _past_metadata(front, lines, metadata)
    notes = notes_start(text, [(line.start, line.end) for line in lines])
    if notes is not None and not any(line.spoken for line in lines[:notes]):
        notes = None  # notes follow a transcript's turns; a numbered document is no notes
    body = lines[front.consumed : notes]
    if front.consumed or notes is not None:
        headings = {
            i for i in find_headings(text, body, marked) if not metadata.holds(body[i].start)
        }
    # A metadata block restated at a later session ends the turn before it.
    held = {i for i, line in enumerate(body) if metadata.holds(line.start)}
    turns = _turns(text, body, headings | held, wrapped, reading.labelled_answers)
    if not turns and not any(line.spoken for line in body):
        # No speaker labels at all: the turns are read from the text's shape.
        found, headings = read_unlabelled(text, body, headings, wrapped=wrapped, marks=marked)
        turns = [_Turn(item.question, item.line_start) for item in found]
    first_block = min(
        [*(body[i].start for i in headings), *(turn.label_start for turn in turns)],
        default=None,
    )
    intro_lines = [ln for ln in body if first_block is None or ln.end <= first_block]
    intro = Span(intro_lines[0].start, intro_lines[-1].end) if intro_lines else None
    spoken = spoken_turns(body, headings | held, _answer_turns(turns))
    speakers = tuple(dict.fromkeys(turn.speaker for turn in spoken))
    return Outline(
        title=front.title,
        title_span=front.title_span,
        dateline=front.dateline,
        byline=front.byline,
        intro=intro,
        sections=_sections(text, body, headings, turns, wrapped),
        speakers=speakers,
        askers=tuple(speaker for speaker in speakers if speaker in reading.askers),
        turns=spoken,
        intro_measures=find_measures(text, intro.start, intro.end, wrapped=wrapped)
        if intro
        else (),
    )


def _past_metadata(front: FrontMatter, lines: list[Line], metadata: Metadata) -> FrontMatter:
    """Front matter that runs on over a metadata block right after it (or at the top)."""
    if not metadata.end:
        return front
    before = sum(1 for line in lines if line.end <= metadata.start)
    through = sum(1 for line in lines if line.end <= metadata.end)
    if before > front.consumed:
        return front
    return replace(front, consumed=max(front.consumed, through))


def _answer_turns(turns: list[_Turn]) -> list[Turn]:
    """Answers whose label was believed only where an answer was due (``Minister Li:``)."""
    return [
        Turn(
            turn.question.answerer,
            turn.answer_label,
            turn.question.answer.start,
            turn.question.answer.end,
        )
        for turn in turns
        if turn.answer_label is not None
    ]


def _words(text: str, line: Line) -> int:
    return len(text[line.start : line.end].split())


# -------------------------------------------------------------------------- turns


@dataclass(frozen=True, slots=True)
class _Body:
    """What finding the turns needs: the text, its lines, which are headings, and how
    often each one-word name label occurs."""

    text: str
    lines: list[Line]
    headings: set[int]
    name_counts: Counter[str]
    wrapped: bool
    """The text is hard-wrapped (see :mod:`corpus.outline.paragraphs`)."""
    labelled_answers: bool
    """The document labels the answers' speakers: a question runs to the next label."""

    def ends_turn(self, index: int) -> bool:
        """Line ``index`` is past the end, a heading or a new question."""
        return (
            index >= len(self.lines)
            or index in self.headings
            or self.lines[index].asker is not None
        )

    def answering_name(self, line: Line) -> Label | None:
        """A name label (``Minister Li:``) on a line where an answer is due.

        One capitalised word (``Li:``) must label another line too: a lone
        ``Specifically:`` opening an answer is prose, not a speaker.
        """
        label = line.name
        if line.spoken is not None:
            return None  # a speaker the document knows: its role is already decided
        if label is None or " " in label.name or not label.name.isascii():
            return label
        return label if self.name_counts[label.name] > 1 else None


def _turns(
    text: str, lines: list[Line], headings: set[int], wrapped: bool, labelled_answers: bool
) -> list[_Turn]:
    """Every question with its answer span and measures, in text order."""
    names = Counter(line.name.name for line in lines if line.name)
    body = _Body(text, lines, headings, names, wrapped, labelled_answers)
    turns = []
    index = 0
    while index < len(lines):
        asker = lines[index].asker
        if asker is None:
            index += 1
            continue
        turn, index = _turn(body, index, asker)
        turns.append(turn)
    return turns


def _turn(body: _Body, index: int, asker: Label) -> tuple[_Turn, int]:
    """The question opened by ``asker`` on line ``index``; returns it and the next line."""
    text, lines = body.text, body.lines
    first = lines[index]
    question_start = _skip_spaces(text, asker.text_start, first.end)
    question_end = first.end
    answer_start: int | None = None
    answerer = ""
    answer_label: Span | None = None
    following = index + 1
    if question_start > first.end:
        # The label's words begin past its own line (a label set over lines, "00:12:03"
        # over "Jane Doe:"): the lines inside the label are the label's, not the question.
        while following < len(lines) and lines[following].end <= question_start:
            following += 1
        question_start = first.end
    if question_start == first.end and not body.ends_turn(following):
        # "Reporter:" alone on its line: the question is the next line.
        question_start, question_end = lines[following].start, lines[following].end
        following += 1

    inline = inline_answer(text, question_start, question_end)
    answer_line_end = question_end  # where an answer on a label's own line ends
    if inline is not None:
        question_end = _rstrip(text, question_start, inline.start)
        answer_start, answerer = inline.text_start, inline.name
    else:
        label, at = _answer_ahead(body, following)
        if label is not None:
            question_end = lines[at - 1].end
            answer_start, answerer = label.text_start, label.name
            answer_label = Span(label.start, label.text_start)
            answer_line_end = lines[at].end
            following = at + 1
            if answer_start >= lines[at].end:  # the label stands alone on its line
                answer_start = None

    end_index = following
    while not body.ends_turn(end_index):
        end_index += 1
    while following < end_index and _bare_answer_label(lines[following]):
        following += 1  # "Answer:" twice over: the answer starts after the last one
    if answer_start is None and following < end_index:
        label = lines[following].answerer
        answer_start = lines[following].start if label is None else label.text_start
    if answer_start is None:
        answer_start = answer_line_end = question_end
    # The answer runs to the last line of the turn, or is only what follows its label.
    answer_end = lines[end_index - 1].end if end_index > following else answer_line_end
    answer = Span(answer_start, max(answer_start, answer_end))
    question = Question(
        text=_own_words(text, lines, index, question_start, question_end),
        start=question_start,
        end=question_end,
        answer=answer,
        measures=find_measures(text, answer.start, answer.end, wrapped=body.wrapped),
        asker=asker.name,
        answerer=answerer,
    )
    return _Turn(question, first.start, answer_label if answerer else None), end_index


def _bare_answer_label(line: Line) -> bool:
    return line.answerer is not None and line.answerer.text_start >= line.end


def _answer_ahead(body: _Body, index: int) -> tuple[Label | None, int]:
    """The answer label closing a question whose continuation may start on line ``index``.

    Up to :data:`MAX_QUESTION_CONTINUATIONS` short lines may still belong to the question;
    any number where the document labels its answers (the asker's turn runs to one).
    """
    reach = len(body.lines) if body.labelled_answers else index + 1 + MAX_QUESTION_CONTINUATIONS
    for at in range(index, min(len(body.lines), reach)):
        if body.ends_turn(at):
            break
        line = body.lines[at]
        label = line.answerer or body.answering_name(line)
        if label is not None:
            return label, at
        if not body.labelled_answers and _words(body.text, line) > MAX_CONTINUATION_WORDS:
            break
    return None, index


# ------------------------------------------------------------------------ sections


def _sections(
    text: str, lines: list[Line], headings: set[int], turns: list[_Turn], wrapped: bool
) -> tuple[Section, ...]:
    """Group the questions under the heading before them (None before the first one)."""
    spans = sorted((heading_span(text, lines[i]) for i in headings), key=lambda s: s.start)
    starts = [(span.start, span.end, _collapse(text, span)) for span in spans]
    sections: list[Section] = []
    pending: list[_Turn] = []
    heading: str | None = None
    section_start: int | None = None
    heading_end = 0
    cursor = 0
    for turn in [*turns, None]:
        boundary = turn.label_start if turn is not None else len(text) + 1
        while cursor < len(starts) and starts[cursor][0] < boundary:
            if pending or heading is not None:
                opening = _opening(text, heading, heading_end, pending, starts[cursor][0], wrapped)
                sections.append(_section(heading, section_start, pending, opening))
            section_start, heading_end, heading = starts[cursor]
            pending = []
            cursor += 1
        if turn is not None:
            if section_start is None:
                section_start = turn.label_start
            pending.append(turn)
    if pending or heading is not None:
        opening = _opening(text, heading, heading_end, pending, len(text), wrapped)
        sections.append(_section(heading, section_start, pending, opening))
    return tuple(sections)


def _opening(
    text: str,
    heading: str | None,
    heading_end: int,
    turns: list[_Turn],
    until: int,
    wrapped: bool,
) -> tuple[Measure, ...]:
    """The measures of a section's opening: from its heading to its first question (or
    the next heading), as a witness's statement under its title lists them."""
    end = turns[0].label_start if turns else until
    if heading is None or end <= heading_end:
        return ()
    return find_measures(text, heading_end, end, wrapped=wrapped)


def _section(
    heading: str | None, start: int | None, turns: list[_Turn], measures: tuple[Measure, ...]
) -> Section:
    questions = tuple(turn.question for turn in turns)
    begin = start if start is not None else questions[0].start
    # A heading with no question after it (an article's title) still covers itself.
    end = max(
        [
            begin + len(heading or ""),
            *(max(q.end, q.answer.end) for q in questions),
            *(m.end for m in measures),
        ]
    )
    return Section(heading=heading, start=begin, end=end, questions=questions, measures=measures)


# -------------------------------------------------------------------------- helpers


def _collapse(text: str, span: Span) -> str:
    return _SPACES.sub(" ", text[span.start : span.end]).strip()


def _own_words(text: str, lines: list[Line], index: int, start: int, end: int) -> str:
    """The words from ``start`` (on line ``index``) to ``end`` without the labels of the
    lines they run over (a question in two paragraphs, each under its asker's label),
    whitespace collapsed."""
    pieces = []
    for at in range(index, len(lines)):
        line = lines[at]
        if line.start >= end:
            break
        begin = max(start, line.start if line.spoken is None else line.spoken.text_start)
        if begin < min(end, line.end):
            pieces.append(text[begin : min(end, line.end)])
    return _SPACES.sub(" ", " ".join(pieces)).strip()


def _skip_spaces(text: str, start: int, end: int) -> int:
    while start < end and text[start] in " \t":
        start += 1
    return start


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
