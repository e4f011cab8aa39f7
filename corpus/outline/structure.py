"""Clean text to an :class:`Outline`: title, dateline, byline, intro, sections, Q&A, measures.

Interview transcripts follow a loose house style rather than a format, so the outline is
found from the shape of paragraphs (one per line, unless the file is hard-wrapped: see
:mod:`corpus.outline.paragraphs`) and their order:

- front matter (dateline, title, byline): :mod:`corpus.outline.frontmatter`;
- *speakers*: who speaks in each paragraph, who asks and which of the askers' turns are
  questions: :mod:`corpus.outline.speakers` (over ``turns``, ``askers``, ``questions``);
- *questions* and their *answers*, where each starts and ends:
  :mod:`corpus.outline.question_spans` (or, with no speaker labels at all, read from the
  text's shape: :mod:`corpus.outline.unlabelled`);
- *sections*, the questions under the heading before them: :mod:`corpus.outline.sections`;
- *headings*, the lines that title a section: :mod:`corpus.outline.headings`;
- *measures*, the numbered items of an answer: :mod:`corpus.outline.measures`.

Every offset indexes the clean text and excludes labels: ``text[start:end]`` of a
question, answer or measure is exactly its own text (a question over two paragraphs each
under its asker's label spans both; its ``text`` leaves the second label out). A
section's region runs from its heading (or, for questions before any heading, from the
first question's label) to the end of its last answer.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from corpus.model import Outline, Question, Span, Turn
from corpus.outline.frontmatter import FrontMatter, find_front_matter
from corpus.outline.headings import find_headings, opens_turn
from corpus.outline.marked import asked_marks
from corpus.outline.measures import find_measures
from corpus.outline.metadata import Metadata
from corpus.outline.notes import notes_start
from corpus.outline.question_spans import PlacedQuestion, find_questions
from corpus.outline.sections import group_sections
from corpus.outline.speakers import Line, read_lines, spoken_turns
from corpus.outline.stage_notes import without_notes
from corpus.outline.unlabelled import read_unlabelled


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
    titles = frozenset(offset for offset, _ in marked)
    reading = read_lines(text, askers, asked_marks(text, marked), titles)
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
    turns = find_questions(text, body, headings | held, wrapped, reading.labelled_answers)
    asking = reading.askers
    read: list[Turn] = []
    if not turns and not any(line.spoken for line in body):
        # No speaker labels at all: the turns are read from the text's shape.
        found, headings = read_unlabelled(text, body, headings, wrapped=wrapped, marks=marked)
        turns = [
            PlacedQuestion(without_notes(text, item.question), item.line_start) for item in found
        ]
        # An asker read from the shape (the floor of a Q&A session) speaks its questions.
        read = [_asked(turn.question) for turn in turns if turn.question.asker]
        asking = asking | {turn.speaker for turn in read}
    first_block = min(
        [*(body[i].start for i in headings), *(turn.label_start for turn in turns)],
        default=None,
    )
    intro_lines = [ln for ln in body if first_block is None or ln.end <= first_block]
    intro = Span(intro_lines[0].start, intro_lines[-1].end) if intro_lines else None
    spoken = spoken_turns(body, headings | held, _answer_turns(turns) + read)
    speakers = tuple(dict.fromkeys(turn.speaker for turn in spoken))
    return Outline(
        title=front.title,
        title_span=front.title_span,
        dateline=front.dateline,
        byline=front.byline,
        intro=intro,
        sections=group_sections(text, body, headings, turns, wrapped),
        speakers=speakers,
        askers=tuple(speaker for speaker in speakers if speaker in asking),
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


def _answer_turns(turns: list[PlacedQuestion]) -> list[Turn]:
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


def _asked(question: Question) -> Turn:
    """The turn of a question whose asker was read from the text, not from a label."""
    return Turn(question.asker, Span(question.start, question.start), question.start, question.end)
