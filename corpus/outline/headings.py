"""Section headings: which paragraphs of a transcript title the section after them.

Headings are judged by reading the document, from their shape and where they stand:

- *marked* headings are believed on their own: Markdown (``## Early years``), a line
  underlined with ``===``/``---``, and numbered or lettered section titles
  (``1. Ms Jane Runeckles``, ``II. Background``, ``B. Methods``) that stand alone, not
  among the items of a list;
- a *title* line (short, Title Case, no end punctuation: ``Questions From Counsel to the
  Inquiry``, ``Ph.D. Students``) heads a section when a speaker's turn or a byline
  (``By Jane Doe``) follows it;
- a title set letter by letter, as printed court transcripts have them
  (``P R O C E E D I N G S``), heads what follows when a turn follows it (stage notes such
  as ``(10:04 a.m.)`` between them aside); over anything else (``C O N T E N T S`` over
  its list) it heads nothing;
- any other short standalone line is a heading only right before a question, never right
  after one (its answer is due there), never when it reads like talk (``Yeah``, ``Not
  really``, ``I think so``) and never when the document has it alone among its turns
  (a short answer line ending without a full stop); a heading ending with a period
  (``Stabilizing industrial growth: We have ... economy.``) is only believed in a
  document that also has plain headings, and a line cut off mid-sentence
  (``The principal --``) is talk, never a heading.

The lines come from :mod:`corpus.outline.structure`; this module only needs their span
and the labels that open them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence
from typing import Protocol

from corpus.model import Span
from corpus.outline.frontmatter import MAX_HEADING_CHARS, MAX_HEADING_WORDS, headline_like
from corpus.outline.labels import Label
from corpus.outline.marked import believed_mark, marked_lines
from corpus.outline.paragraphs import TITLE_FUNCTION_WORDS

_SENTENCE_BREAK = re.compile(r"[.?!][\"”’')]*\s+[\"“‘(]?[A-Z]")
_TOPIC_COLON = re.compile(r"[^:：.?!]{2,80}[:：][ \t]")
#: ``# Title`` .. ``###### Title`` (a closing run of ``#`` is dropped from the text).
_ATX = re.compile(r"(?P<marks>#{1,6})[ \t]+(?P<text>[^#\n]*[^#\s])[ \t#]*$")
#: A line of ``=`` or ``-`` under a heading (Markdown's setext headings).
_UNDERLINE = re.compile(r"[ \t]*(?:={3,}|-{3,})[ \t]*$")
#: ``1.``, ``2.3``, ``IV.``, ``B.``, ``(c)`` before a section title.
_SECTION_NUMBER = re.compile(
    r"(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVXLC]{1,6}\.|[A-Z]\.|\(?[a-zA-Z0-9]{1,3}\))[ \t]+(?=\S)"
)
_BYLINE = re.compile(r"By[ \t]+[A-Z]")
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
#: A day or year next to a month name: ``3 August 2015``, ``March 27, 2024``.
_DATE = re.compile(
    rf"\b\d{{1,4}}(?:st|nd|rd|th)?[ \t]+(?:{_MONTHS})\b|\b(?:{_MONTHS})[ \t]+\d{{1,4}}\b"
)
#: Words that Title Case leaves in lower case.
_MINOR_WORDS = """
    a an the of to in on at by for from with and or nor but as via vs per into onto over
    upon about than de la le du von van der
"""
_MINOR = frozenset(_MINOR_WORDS.split())
#: Words that open talk rather than a title: answers, back-channel, pronouns.
_TALK_WORDS = """
    yes yeah yep no nope not well oh okay ok right sure so and but because i i'm we it
    it's that that's this there they he she you maybe exactly absolutely certainly mm
    mm-hmm uh um hmm thanks thank
"""
_TALK = frozenset(_TALK_WORDS.split())
_WORD = re.compile(r"[\w'’.-]+")
#: ``Subjects: ...``, ``Date: ...``, ``Location: ...``: a key of one or two words and its
#: value, as transcripts head themselves (only before the first turn).
_METADATA = re.compile(r"[A-Z][A-Za-z]+(?P<second>[ \t][A-Za-z]+)?[ \t]*:[ \t]+\S")
_MAX_CAPITALS_WORDS = 20
_MAX_CAPITALS = 160
#: A title in capitals runs over at most this many lines, above a paragraph this long.
_MAX_TITLE_LINES = 3
_MIN_PROSE_WORDS = 12
_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}")
#: Speech cut off mid-sentence (``The principal --``): talk, never a title.
_CUT_OFF = re.compile(r"(?:--|[—–])[\"”’']?$")
#: A title set letter by letter, as printed transcripts have them: ``P R O C E E D I N G S``.
_LETTER_SPACED = re.compile(r"[A-Z](?: [A-Z]){3,}")
#: A stage note alone on its line: ``(10:04 a.m.)``, ``(Laughter.)``, ``[Recess.]``.
_STAGE_NOTE = re.compile(r"[(\[][^()\[\]\n]{1,120}[)\]]")


class LabelledLine(Protocol):
    """A paragraph with the labels that open it (what the heading rules look at)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def asker(self) -> Label | None: ...
    @property
    def answerer(self) -> Label | None: ...
    @property
    def name(self) -> Label | None: ...


def find_headings(
    text: str, lines: Sequence[LabelledLine], marks: Collection[tuple[int, int]] = ()
) -> set[int]:
    """Indexes of the lines that head a section (see the module's rules); ``marks`` are
    the ``(offset, level)`` of lines the file's format marked (:mod:`.marked`)."""
    levels = marked_lines(lines, marks)
    speakers = Counter(line.name.name for line in lines if line.name)
    # A labelled line that puts no question (a court calling the case) begins the turns too.
    first_turn = next(
        (i for i, line in enumerate(lines) if opens_turn(line) or line.name is not None),
        len(lines),
    )
    recurring = Counter(
        text[line.start : line.end] for line in lines if line.end - line.start <= _MAX_CAPITALS
    )
    header = lines[:first_turn]
    marked: set[int] = set()
    plain: set[int] = set()
    colon_sentences: set[int] = set()
    for index, line in enumerate(lines):
        if line.end - line.start > MAX_HEADING_CHARS:
            continue  # prose: every kind of heading is short
        value = text[line.start : line.end]
        if (
            opens_turn(line)
            or (line.name is not None and speakers[line.name.name] > 1)
            or _UNDERLINE.match(value)
        ):
            continue
        if index in levels:
            if believed_mark(text, lines, index, levels, recurring):
                marked.add(index)
            continue
        if _ATX.match(value):  # Markdown read as plain text: its marks are in the text
            if believed_mark(text, lines, index, {index: 0}, recurring):
                marked.add(index)
            continue
        if index < first_turn and _metadata(text, header, index):
            continue  # "Subjects: Kosovar Refugees, ALP Factions, GST" in a header block
        if _defines(text, lines, index):
            continue  # a definition list's term: "KWOK" over ": KWOK is a component ..."
        if (
            _marked(text, lines, index)
            or (_LETTER_SPACED.fullmatch(value) and _precedes_turn(text, lines, index))
            or _titles_what_follows(text, lines, index)
            or _titles_a_list(text, lines, index)
            or (
                recurring[value] == 1
                and _capitals_title(value)
                and (
                    (index > first_turn and _precedes_turn(text, lines, index))
                    or _over_prose(text, lines, index)
                )
            )
        ):
            marked.add(index)
        elif not _precedes_question(lines, index) or (
            index > 0 and lines[index - 1].asker is not None
        ):
            continue
        elif (
            headline_like(value)
            and not _reads_like_talk(value)
            and not _dateline_like(value)
            and not _CUT_OFF.search(value)
        ):
            plain.add(index)
        elif _colon_sentence_heading(value):
            colon_sentences.add(index)
    if len(plain | colon_sentences) == 1 and not marked and _amid_turns(lines, min(plain or {0})):
        plain = set()  # one short line between two turns: the end of an answer
    return marked | (plain | colon_sentences if plain else set())


def heading_span(text: str, line: LabelledLine) -> Span:
    """The heading's own text on its line: Markdown's ``#`` marks left out."""
    atx = _ATX.match(text, line.start, line.end)
    if atx is not None:
        return Span(atx.start("text"), atx.end("text"))
    return Span(line.start, line.end)


def opens_turn(line: LabelledLine) -> bool:
    """The line opens a question or an answer (a heading never does)."""
    return line.asker is not None or line.answerer is not None


def _marked(text: str, lines: Sequence[LabelledLine], index: int) -> bool:
    """Markdown headings, underlined lines and numbered section titles standing alone."""
    line = lines[index]
    value = text[line.start : line.end]
    following = lines[index + 1] if index + 1 < len(lines) else None
    number = _SECTION_NUMBER.match(value)
    title = value[number.end() :] if number is not None else value
    if following is not None and _UNDERLINE.match(text, following.start, following.end):
        return _title_shaped(title, allow_period=True)
    if number is None or not _title_shaped(title, allow_period=False):
        return False
    neighbours = [lines[i] for i in (index - 1, index + 1) if 0 <= i < len(lines)]
    return not any(_SECTION_NUMBER.match(text, n.start, n.end) for n in neighbours)


def _titles_what_follows(text: str, lines: Sequence[LabelledLine], index: int) -> bool:
    """A Title Case line right before a speaker's turn or a byline."""
    line = lines[index]
    if index + 1 >= len(lines) or line.end - line.start > MAX_HEADING_CHARS:
        return False
    following = lines[index + 1]
    if not (
        opens_turn(following)
        or following.name is not None
        or _BYLINE.match(text, following.start, following.end) is not None
    ):
        return False
    value = text[line.start : line.end]
    if _hearing_title(value):  # not over a header's "Subjects: ..." line
        return _METADATA.match(text, following.start, following.end) is None
    if not _title_shaped(value, allow_period=False):
        return False
    return sum(any(c.islower() for c in w) for w in _content_words(value)) >= 2


def _hearing_title(value: str) -> bool:
    """A section title in capitals, as hearing prints set them (``STATEMENT OF JANE ROE,
    SECRETARY OF THE TREASURY``): no lower case, four words or more, a function word
    among them (a speaker's name in capitals has none), no sentence inside."""
    if any(c.islower() for c in value) or not headline_like(value.rstrip(",")):
        return False
    words = [w.lower() for w in _WORD.findall(value)]
    return len(words) >= 4 and any(w in TITLE_FUNCTION_WORDS for w in words)


def _defines(text: str, lines: Sequence[LabelledLine], index: int) -> bool:
    """The next line opens with ``: ``, a definition of the term on this one."""
    if index + 1 >= len(lines):
        return False
    following = lines[index + 1]
    return text.startswith((": ", ":\t"), following.start)


def _metadata(text: str, header: Sequence[LabelledLine], index: int) -> bool:
    """A ``Key: value`` line of a transcript's header: a one-word key (``Subjects:``,
    ``Date:``), or a two-word one among other such lines (``Media Contact:``)."""
    match = _METADATA.match(text, header[index].start, header[index].end)
    if match is None:
        return False
    if match["second"] is None:
        return True
    return sum(_METADATA.match(text, line.start, line.end) is not None for line in header) > 1


def _precedes_turn(text: str, lines: Sequence[LabelledLine], index: int) -> bool:
    """A speaker's turn (or a byline) comes right after the line, or after a stage note
    (``(10:04 a.m.)``, ``(Witness sworn.)``)."""
    after = index + 1
    while after < len(lines) and _STAGE_NOTE.fullmatch(text, lines[after].start, lines[after].end):
        after += 1
    if after >= len(lines):
        return False
    following = lines[after]
    return (
        opens_turn(following)
        or following.name is not None
        or _BYLINE.match(text, following.start, following.end) is not None
    )


def _capitals_title(value: str) -> bool:
    """A section title in capitals (``THE ECONOMY``, ``STATEMENT OF JANE DOE, DIRECTOR,``):
    short, every letter upper case, words rather than codes, no time of day, no end
    punctuation but a comma (the title goes on over the next line)."""
    if len(value) > _MAX_CAPITALS or any(map(str.islower, value)):
        return False
    words = _WORD.findall(value)
    return (
        0 < len(words) <= _MAX_CAPITALS_WORDS
        and value[-1] not in ".?!;:。？！；："
        and (value[0].isalnum() or value[0] in "\"“‘'(")
        and sum(len(w) >= 3 and w.isalpha() for w in words) >= 1
        and _CLOCK.search(value) is None
        and not _reads_like_talk(value)
    )


def _over_prose(text: str, lines: Sequence[LabelledLine], index: int) -> bool:
    """The first of at most three lines in capitals (``STATEMENT OF JANE DOE, DIRECTOR,`` /
    ``OFFICE OF ...``) right above prose (a long paragraph, or sentences): a section title
    set in capitals, as hearing prints have them (not a header block of short lines)."""
    if index > 0 and _capitals_title(text[lines[index - 1].start : lines[index - 1].end]):
        return False  # the title's second line
    after = index + 1
    while after < min(len(lines), index + _MAX_TITLE_LINES) and _capitals_title(
        text[lines[after].start : lines[after].end]
    ):
        after += 1
    if after >= len(lines):
        return False
    following = text[lines[after].start : lines[after].end]
    if _METADATA.match(following):
        return False  # a header block: "Subjects: Telstra; uranium; ..."
    words = sum(any(c.isalpha() for c in word) for word in following.split())  # not rules
    return words >= _MIN_PROSE_WORDS or (words >= 4 and following.endswith((".", "?", "!")))


def _titles_a_list(text: str, lines: Sequence[LabelledLine], index: int) -> bool:
    """A short title over a bulleted block (``Media inquiries`` over ``• Office: ...``):
    the next lines open with one same short mark that is not a word."""
    if index + 2 >= len(lines):
        return False
    mark = _bullet(text, lines[index + 1])
    if mark is None or mark != _bullet(text, lines[index + 2]):
        return False
    value = text[lines[index].start : lines[index].end]
    return headline_like(value) and not _reads_like_talk(value) and len(value.split()) <= 8


def _bullet(text: str, line: LabelledLine) -> str | None:
    """The line's opening mark (``•``, ``-``, ``*``, a mis-decoded ``â¢``), if it has one."""
    head = text[line.start : min(line.end, line.start + 4)]
    space = head.find(" ")
    mark = head[:space]
    if space < 1 or mark.isalnum() or mark[-1] in ".)":
        return None
    return mark


def _title_shaped(value: str, *, allow_period: bool) -> bool:
    """Headline-like (short, one sentence, no end punctuation) and Title Case: most
    content words capitalised."""
    if allow_period:
        value = value.rstrip(".")
    if len(value) > MAX_HEADING_CHARS or not headline_like(value) or _dateline_like(value):
        return False
    words = _content_words(value)
    if not words or not (words[0][0].isupper() or words[0][0].isdigit()):
        return False
    capitalised = sum(word[0].isupper() or word[0].isdigit() for word in words)
    worded = sum(len(word) > 1 and any(c.islower() for c in word) for word in words)
    return capitalised >= 0.75 * len(words) and worded >= 1 and not _reads_like_talk(value)


def _dateline_like(value: str) -> bool:
    """A date, a time or a place and date (``Houston, TX – 3 August 2015``, ``1:44 P.M.
    EST``): the circumstances of a transcript, not a section's title."""
    words = value.split()
    if not any(sum(c.islower() for c in word) >= 2 for word in words):
        return True  # "1:44 P.M. EST", "12/03/2024"
    return len(words) <= 8 and bool(_DATE.search(value))


def _content_words(value: str) -> list[str]:
    return [w for w in _WORD.findall(value) if w.lower() not in _MINOR and w[0].isalnum()]


def _reads_like_talk(value: str) -> bool:
    """Opens like speech (``Yeah``, ``Not really``, ``I think so``), not like a title."""
    first = _WORD.match(value.lstrip("\"“‘'(*_ "))
    return first is not None and first.group().lower().rstrip(".") in _TALK


def _amid_turns(lines: Sequence[LabelledLine], index: int) -> bool:
    """Some turn comes before the line (it is not at the top of the document)."""
    return any(opens_turn(line) for line in lines[:index])


def _colon_sentence_heading(value: str) -> bool:
    """``Topic: one short sentence.``, as headings are written in some interviews."""
    return (
        len(value) <= MAX_HEADING_CHARS
        and len(value.split()) <= MAX_HEADING_WORDS
        and value.endswith((".", "。"))
        and _TOPIC_COLON.match(value) is not None
        and not _SENTENCE_BREAK.search(value)
        and value[0].isupper()
    )


def _precedes_question(lines: Sequence[LabelledLine], index: int) -> bool:
    return index + 1 < len(lines) and lines[index + 1].asker is not None
