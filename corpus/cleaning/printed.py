"""Printed transcripts (court arguments, depositions, inquiries) read as prose.

A court reporter's transcript numbers every line of a page in a left margin (``1`` to
``25``, again from ``1`` on the next page) and puts a running header and footer on every
page ("Official - Subject to Final Review", the reporter's firm, the page number); a PDF's
text keeps all of it, often double-spaced, with the layout's alignment spaces. Read as it
is, every sentence is cut by numbers and footers. Here the document's own structure
decides: a run of lines numbered one by one (blank lines between them only), restarting
on each page, marks a printed transcript; what stands between two runs is page furniture
and goes, as do the margins; a line indented deeper than the text's own margin starts a
paragraph (a turn, a title, a stage note, a ``Q.``/``A.``), any other line runs on into
the one before it (one space, or nothing after a word broken by a hyphen); two title lines
in capitals, both indented, are one title set over two lines.

Like every cleaning step this only deletes characters or swaps one for one of the same
length (a line break that runs on becomes a space; a soft hyphen, which such PDFs print
for every hyphen and dash, becomes ``-``), so the map back to the raw text stays exact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from corpus.cleaning.edits import Mapped, delete_spans

#: A margin number, then the line's text (group ``rest``) or nothing.
_NUMBERED = re.compile(r"[ \t\f]*(?P<number>\d{1,2})(?:[ \t]+(?P<rest>\S.*?))?[ \t]*")
#: A line that opens with what may be a margin number (a cheap first look).
_MARGIN_LINE = re.compile(r"(?m)^[ \t\f]*\d{1,2}(?:[ \t]|$)")
_BLANK = re.compile(r"[ \t\f]*")
#: Runs this long or longer are a page's margin; shorter ones may be lists or tables.
MIN_RUN = 5
#: A printed transcript has at least this many lines in margin runs ...
MIN_NUMBERED_LINES = 20
#: ... and they are at least this share of its lines with text.
MIN_NUMBERED_SHARE = 0.6
#: A line indented this many columns past the text's margin starts a paragraph.
PARAGRAPH_INDENT = 5
#: A line in capitals indented this many columns past the margin is a centred title.
TITLE_INDENT = 2
#: A ``Q.``/``A.`` or a ``NAME:`` label opens a paragraph wherever it is indented.
_OPENS_TURN = re.compile(r"(?:[QA][.:]\s|[A-Z][A-Z.'’ -]{1,40}:(?:\s|$)|\()")
_INNER_SPACES = re.compile(r"[ \t]{2,}")
_SOFT_HYPHEN = "\u00ad"


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int
    number: int | None
    """The margin number, or None for a line without one."""
    text_start: int
    """Where the line's text starts (after its margin); ``end`` when it has none."""


def unprint(source: Mapped) -> Mapped:
    """``source`` with a printed transcript's margins, page furniture and layout taken
    out; unchanged when it is not one."""
    if len(_MARGIN_LINE.findall(source.text)) < MIN_NUMBERED_LINES:
        return source  # most texts: not worth reading line by line
    lines = _lines(source.text)
    in_runs = _runs(lines)
    with_text = sum(1 for line in lines if line.text_start < line.end)
    numbered = sum(1 for i in in_runs if lines[i].text_start < lines[i].end)
    if len(in_runs) < MIN_NUMBERED_LINES or numbered < MIN_NUMBERED_SHARE * with_text:
        return source
    text = source.text.replace(_SOFT_HYPHEN, "-")
    kept = _kept_lines(lines, in_runs, text)
    chars = list(text)
    spans: list[tuple[int, int]] = []
    margin = _text_margin(lines, in_runs)
    if kept:
        spans.append((0, lines[kept[0]].text_start))
    for before, after in pairwise(kept):
        _join(text, chars, spans, lines[before], lines[after], margin, {before, after} <= in_runs)
    if kept:
        last = lines[kept[-1]]
        tail = _content_end(text, last)
        ending = text.find("\n", tail)
        spans.append((tail, len(text) if ending < 0 else ending))
        if ending >= 0:
            spans.append((ending + 1, len(text)))
    for index in kept:
        line = lines[index]
        for match in _INNER_SPACES.finditer(text, line.text_start, _content_end(text, line)):
            spans.append((match.start() + 1, match.end()))
    swapped = Mapped("".join(chars), source.offsets)
    return delete_spans(swapped, _merged(spans))[0]


def _lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        numbered = _NUMBERED.fullmatch(text, start, end)
        if numbered:
            rest = numbered.start("rest")
            lines.append(_Line(start, end, int(numbered["number"]), end if rest < 0 else rest))
        elif _BLANK.fullmatch(text, start, end):
            lines.append(_Line(start, end, None, end))
        else:
            first = start + len(text[start:end]) - len(text[start:end].lstrip(" \t\f"))
            lines.append(_Line(start, end, None, first))
        start = end + 1
    return lines


def _runs(lines: list[_Line]) -> set[int]:
    """The lines in margin runs: numbered one after another, only blank lines between."""
    runs: set[int] = set()
    run: list[int] = []
    for index, line in enumerate(lines):
        if line.number is None:
            if line.text_start < line.end:  # a line with text ends the run
                _close(run, runs, lines)
                run = []
            continue
        if run and line.number == lines[run[-1]].number + 1:  # type: ignore[operator]
            run.append(index)
        else:
            _close(run, runs, lines)
            run = [index]
    _close(run, runs, lines)
    return runs


def _close(run: list[int], runs: set[int], lines: list[_Line]) -> None:
    if len(run) >= MIN_RUN:
        runs.update(run)


def _kept_lines(lines: list[_Line], in_runs: set[int], text: str) -> list[int]:
    """Indices of the lines whose text stays: the runs' lines with text, and lines outside
    the runs that are not page furniture (between two runs, or recurring as furniture
    does, or a page number alone)."""
    first = min(in_runs)
    last = max(in_runs)
    furniture = {
        _furniture_key(text, line)
        for index, line in enumerate(lines[first:last], first)
        if index not in in_runs and line.text_start < line.end
    }
    kept: list[int] = []
    for index, line in enumerate(lines):
        if line.text_start >= line.end:
            continue
        outside = not first < index < last and not _is_furniture(text, line, furniture)
        if index in in_runs or outside:
            kept.append(index)
    return kept


def _furniture_key(text: str, line: _Line) -> str:
    return " ".join(re.sub(r"\d+", "", text[line.text_start : line.end]).split())


def _is_furniture(text: str, line: _Line, furniture: set[str]) -> bool:
    key = _furniture_key(text, line)
    return not key or key in furniture


def _text_margin(lines: list[_Line], in_runs: set[int]) -> int:
    """The column most run lines' text starts at: the text's own left margin."""
    counts: dict[int, int] = {}
    for index in in_runs:
        line = lines[index]
        if line.text_start < line.end:
            column = line.text_start - line.start
            counts[column] = counts.get(column, 0) + 1
    return max(counts, key=lambda column: (counts[column], -column))


def _content_end(text: str, line: _Line) -> int:
    return line.start + len(text[line.start : line.end].rstrip(" \t\f"))


def _join(
    text: str,
    chars: list[str],
    spans: list[tuple[int, int]],
    before: _Line,
    after: _Line,
    margin: int,
    printed: bool,
) -> None:
    """Reduce what lies between two kept lines' texts to one space (``after`` runs on),
    nothing (a word broken by a hyphen) or one or two line breaks (a new paragraph)."""
    end = _content_end(text, before)
    start = after.text_start
    if printed and _runs_on(text, before, after, margin):
        if (
            text[end - 1] == "-"
            and end - 2 >= before.text_start
            and text[end - 2].isalpha()
            and text[start].islower()
        ):
            spans.append((end - 1, start))
            return
        newline = text.find("\n", end, start)
        chars[newline] = " "
        spans.extend(((end, newline), (newline + 1, start)))
        return
    breaks = [i for i in range(end, start) if text[i] == "\n"][:2]
    spans.append((end, breaks[0]))
    if len(breaks) == 2:
        spans.extend(((breaks[0] + 1, breaks[1]), (breaks[1] + 1, start)))
    else:
        spans.append((breaks[0] + 1, start))


def _runs_on(text: str, before: _Line, after: _Line, margin: int) -> bool:
    """Whether the line ``after`` continues the paragraph of ``before``."""
    before_apart = _apart(text, before, margin)
    after_apart = _apart(text, after, margin)
    words = text[after.text_start : after.end]
    if before_apart and after_apart:
        return _title(text, before) and _title(text, after) and not _OPENS_TURN.match(words)
    if after_apart or _OPENS_TURN.match(words):
        return False
    return not (before_apart and _title(text, before))


def _apart(text: str, line: _Line, margin: int) -> bool:
    """A line set apart from the text's margin: indented as a paragraph, or a title in
    capitals indented at all (centred)."""
    indent = line.text_start - line.start - margin
    return indent >= PARAGRAPH_INDENT or (indent >= TITLE_INDENT and _title(text, line))


def _title(text: str, line: _Line) -> bool:
    """A line in capitals: part of a title, not of prose."""
    words = text[line.text_start : line.end]
    return any(c.isupper() for c in words) and not any(c.islower() for c in words)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(span for span in spans if span[0] < span[1]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
