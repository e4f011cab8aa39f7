"""Annotations out to CSV, JSON or JSON Lines, for spreadsheets, scripts and archives.

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
from collections.abc import Callable, Iterable, Mapping
from typing import Literal, TextIO

from corpus import CorpusError, Interview, load_interview, resolve_interview
from store.codec import to_public
from store.locate import Place, locate
from store.model import Annotation
from store.store import AnnotationStore

Format = Literal["csv", "json", "jsonl"]
FORMATS: tuple[Format, ...] = ("csv", "json", "jsonl")
Loader = Callable[[str], Interview | None]
Progress = Callable[[int, int], None]

CSV_COLUMNS = (
    "id", "interview", "title", "section", "question", "measure", "start", "end", "quote",
    "tags", "note", "author", "created", "updated", "status",
)  # fmt: skip
TAG_JOINER = "; "
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PROGRESS_EVERY = 1000


def neutralise_cell(value: str) -> str:
    """Prefix a cell a spreadsheet would evaluate with ``'`` so it stays text."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def interview_loader() -> Loader:
    """A caching loader: bundled ids and file paths via corpus; None if not found."""
    cache: dict[str, Interview | None] = {}

    def load(interview_id: str) -> Interview | None:
        if interview_id not in cache:
            try:
                cache[interview_id] = load_interview(resolve_interview(interview_id))
            except CorpusError:
                cache[interview_id] = None
        return cache[interview_id]

    return load


def export_annotations(
    source: AnnotationStore | Iterable[Annotation],
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
    a UTF-8 byte order mark, which Excel needs to read UTF-8. ``progress(done, total)``
    is called every thousand rows and at the end.
    """
    annotations = source.annotations() if isinstance(source, AnnotationStore) else list(source)
    load: Loader = interviews.get if isinstance(interviews, Mapping) else interviews
    total = len(annotations)
    if excel:
        out.write("\ufeff")
    writer = csv.writer(out) if fmt == "csv" else None
    if writer is not None:
        writer.writerow(CSV_COLUMNS)
    elif fmt == "json":
        out.write("[")
    elif fmt != "jsonl":
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    places: dict[tuple[str, int], tuple[str, Place]] = {}
    for done, annotation in enumerate(annotations, start=1):
        title, place = _place(annotation, load, places)
        if writer is not None:
            row = _csv_row(annotation, title, place)
            writer.writerow([neutralise_cell(c) if neutralise and isinstance(c, str) else c
                             for c in row])  # fmt: skip
        else:
            record = to_public(annotation) | {
                "title": title,
                "section": place.section,
                "question": place.question,
                "measure": place.measure,
            }
            line = json.dumps(record, ensure_ascii=False)
            if fmt == "json":
                out.write(("\n  " if done == 1 else ",\n  ") + line)
            else:
                out.write(line + "\n")
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done, total)
    if fmt == "json":
        out.write("\n]\n" if total else "]\n")
    if progress is not None:
        progress(total, total)
    return total


def _place(
    annotation: Annotation, load: Loader, cache: dict[tuple[str, int], tuple[str, Place]]
) -> tuple[str, Place]:
    key = (annotation.interview, annotation.start)
    if key not in cache:
        interview = load(annotation.interview)
        if interview is None or annotation.orphaned:
            cache[key] = (interview.title if interview else "", Place())
        else:
            cache[key] = (interview.title, locate(interview.outline, annotation.start))
    return cache[key]


def _csv_row(annotation: Annotation, title: str, place: Place) -> list[str | int]:
    return [
        annotation.id,
        annotation.interview,
        title,
        place.section,
        place.question,
        place.measure,
        annotation.start,
        annotation.end,
        annotation.exact,
        TAG_JOINER.join(annotation.tags),
        annotation.note,
        annotation.author,
        annotation.created,
        annotation.updated,
        annotation.status,
    ]
