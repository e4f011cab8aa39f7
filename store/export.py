"""Annotations out to CSV, JSON, JSON Lines, W3C JSON-LD or REFI-QDA, for spreadsheets,
scripts, archives, web annotation tools (:mod:`store.w3c`) and other QDA software
(:mod:`store.refi`; a zip, so :func:`export_project` rather than a text stream).

One function serves the command line and the reader's export dialog. CSV is written for
spreadsheets: every field round-trips through Python's csv module, tags are joined with
``"; "``, and cells a spreadsheet would run as a formula are neutralised by default
(CSV injection: a note starting with ``=`` must not become a formula on someone's
machine). The interview's title, section, question and measure are derived from its
outline; an interview that cannot be found leaves those cells empty.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Literal, TextIO

from corpus import CorpusError, Interview, bundled_paths, load_interview
from store.codec import to_public
from store.locate import Headings, locate
from store.model import Annotation, TagInfo
from store.refi import Project, write_project
from store.rules import Rules
from store.w3c import write_collection

Format = Literal["csv", "json", "jsonl", "w3c", "qdpx"]
FORMATS: tuple[Format, ...] = ("csv", "json", "jsonl", "w3c", "qdpx")
"""Every export format, in the order the command line and the export dialog offer them."""
BINARY: frozenset[Format] = frozenset({"qdpx"})
"""Formats written as bytes (:func:`export_project`), not to a text stream."""
EXTENSIONS: dict[Format, str] = {
    "csv": "csv", "json": "json", "jsonl": "jsonl", "w3c": "jsonld", "qdpx": "qdpx",
}  # fmt: skip
LABELS: dict[Format, str] = {
    "csv": "CSV", "json": "JSON", "jsonl": "JSONL", "w3c": "W3C JSON-LD", "qdpx": "REFI-QDA",
}  # fmt: skip
Loader = Callable[[str], Interview | None]
Progress = Callable[[int, int], None]

CSV_COLUMNS = (
    "id", "interview", "title", "section", "question", "measure", "start", "end", "quote",
    "tags", "note", "author", "created", "updated", "status",
)  # fmt: skip
TAG_JOINER = "; "
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FORMULA_CHARS = frozenset(FORMULA_STARTS)
PROGRESS_EVERY = 1000


def neutralise_cell(value: str) -> str:
    """Prefix a cell a spreadsheet would evaluate with ``'`` so it stays text."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def interview_loader() -> Loader:
    """A caching loader of bundled interviews by exact id; None for any other id.

    Interviews from the user's own files are found through the path each annotation
    remembers (``Annotation.source``), never by guessing from a partial id.
    """
    bundled = {path.stem: path for path in bundled_paths()}
    cache: dict[str, Interview | None] = {}

    def load(interview_id: str) -> Interview | None:
        if interview_id not in cache:
            path = bundled.get(interview_id)
            try:
                cache[interview_id] = load_interview(path) if path else None
            except (CorpusError, OSError):
                cache[interview_id] = None
        return cache[interview_id]

    return load


def export_annotations(
    source: Rules[Any] | Iterable[Annotation],
    interviews: Mapping[str, Interview] | Loader,
    fmt: Format,
    out: TextIO,
    *,
    neutralise: bool = True,
    excel: bool = False,
    progress: Progress | None = None,
) -> int:
    """Write annotations to ``out`` in ``fmt``; returns the number written.

    ``out`` for CSV should be opened with ``newline=""``. ``excel`` starts the file with
    a UTF-8 byte order mark, which Excel needs to read UTF-8 (CSV, JSON, JSONL; never
    W3C JSON-LD, which web tools read). ``progress(done, total)`` is called every
    thousand rows and at the end. W3C needs no interview: its targets are the quotes
    and offsets each annotation holds.
    """
    annotations = source.annotations() if isinstance(source, Rules) else list(source)
    if fmt not in FORMATS or fmt in BINARY:
        raise ValueError(f"unknown text export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt == "w3c":
        written = write_collection(annotations, out, progress)
        if progress is not None:
            progress(written, written)
        return written
    load: Loader = interviews.get if isinstance(interviews, Mapping) else interviews
    find = _finder(load)
    headings_cache: dict[tuple[str, int], tuple[str, Headings]] = {}
    total = len(annotations)
    if excel:
        out.write("\ufeff")
    if fmt == "csv":
        writer = csv.writer(out)
        writer.writerow(CSV_COLUMNS)
    elif fmt == "json":
        out.write("[")
    for first in range(0, total, PROGRESS_EVERY):
        chunk = annotations[first : first + PROGRESS_EVERY]
        located = [(a, *_headings(a, find, headings_cache)) for a in chunk]
        if fmt == "csv":
            writer.writerows(
                [_csv_row(a, title, headings, neutralise) for a, title, headings in located]
            )
        else:
            lines = [_line_safe(json.dumps(_record(a, title, headings), ensure_ascii=False))
                     for a, title, headings in located]  # fmt: skip
            if fmt == "jsonl":
                out.write("\n".join(lines) + "\n")
            else:
                out.write(("\n  " if first == 0 else ",\n  ") + ",\n  ".join(lines))
        if progress is not None and first + len(chunk) < total:
            progress(first + len(chunk), total)
    if fmt == "json":
        out.write("\n]\n" if total else "]\n")
    if progress is not None:
        progress(total, total)
    return total


def export_project(
    annotations: Sequence[Annotation],
    codebook: Iterable[TagInfo],
    interviews: Mapping[str, Interview] | Loader,
    *,
    name: str,
) -> Project:
    """The REFI-QDA project (``.qdpx`` bytes) of ``annotations`` and ``codebook``, checked
    against the standard's schema; an interview is found as for the other formats (by id
    through ``interviews``, else from the file its annotations were made in)."""
    load: Loader = interviews.get if isinstance(interviews, Mapping) else interviews
    return write_project(annotations, codebook, _finder(load), name=name)


def _line_safe(line: str) -> str:
    """``line`` with U+0085, U+2028 and U+2029 written as JSON escapes.

    ``json.dumps`` writes them as they are, and many line readers (Python's
    ``str.splitlines``, JavaScript before ES2019) break lines there: escaped, a JSON Lines
    record stays one line for every reader and still decodes to the same text.
    """
    if "\u2028" in line or "\u2029" in line or "\x85" in line:
        return (
            line.replace("\u2028", "\\u2028")
            .replace("\u2029", "\\u2029")
            .replace("\x85", "\\u0085")
        )
    return line


def _record(annotation: Annotation, title: str, headings: Headings) -> dict[str, object]:
    return to_public(annotation) | {
        "title": title,
        "section": headings.section,
        "question": headings.question,
        "measure": headings.measure,
    }


def _headings(
    annotation: Annotation,
    find: Callable[[Annotation], Interview | None],
    cache: dict[tuple[str, int], tuple[str, Headings]],
) -> tuple[str, Headings]:
    key = (annotation.interview, annotation.start)
    if key not in cache:
        interview = find(annotation)
        if interview is None or annotation.orphaned:
            cache[key] = (interview.title if interview else "", Headings())
        else:
            cache[key] = (interview.title, locate(interview.outline, annotation.start))
    return cache[key]


def _finder(load: Loader) -> Callable[[Annotation], Interview | None]:
    """``load`` by interview id, else from the file the annotation was made in (if the
    file is still there and still that interview); files are read once per export."""
    from store.findings.texts import InterviewTexts  # the one finder of an annotation's text

    return InterviewTexts(load=load).interview_of


def _csv_row(
    annotation: Annotation, title: str, headings: Headings, guard: bool
) -> list[str | int]:
    """One CSV row; with ``guard``, text cells that would run as formulas are neutralised.

    Ids, offsets, timestamps and statuses are gloss's own and cannot start with a formula
    character, so only the text cells are checked (this is the export's hot loop).
    """
    text = [
        annotation.interview,
        title,
        headings.section,
        headings.question,
        headings.measure,
        annotation.exact,
        TAG_JOINER.join(annotation.tags),
        annotation.note,
        annotation.author,
    ]
    if guard:
        text = ["'" + cell if cell[:1] in FORMULA_CHARS else cell for cell in text]
    interview, title, section, question, measure, quote, tags, note, author = text
    return [
        annotation.id, interview, title, section, question, measure, annotation.start,
        annotation.end, quote, tags, note, author, annotation.created, annotation.updated,
        annotation.status,
    ]  # fmt: skip
