"""A REFI-QDA project landed in gloss: its texts as interview files a reader can open,
its codings as annotations on them, its codebook as codebook entries.

Each text source is written as a UTF-8 ``.txt`` file into a directory of the user's
choice (``gloss import --sources DIR``; by default ``<db name>-sources`` beside the
database), named after the source, so its id is the source's name. A file already there
with the same text is used as it is; one with another text is never overwritten: the
new file's name gets the source's GUID (``Talk-1a2b3c4d.txt``), as it does when the
name is another text's in the database or a bundled interview's. gloss then reads the
file as it reads any interview, cleaning it; a passage's code-point positions in the
source's text are carried over to the clean text through the cleaner's map, so the
annotation quotes what the other tool coded.

Nothing is written until the whole project has been read and checked: a file that
cannot be read leaves no text file behind and nothing in the database.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from corpus import CorpusError, Interview, interview_from_text
from store.anchoring import annotation_at
from store.changes import stamp
from store.model import Annotation, TagInfo
from store.refi.ids import annotation_id
from store.refi.reading import ReadError, ReadProject, Source

_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f/\\:*?\"<>|]+")
_DOCUMENT_SUFFIX = re.compile(r"\.(txt|docx?|rtf|odt|pdf|md|html?)$", re.IGNORECASE)
MAX_STEM = 100

KnownText = Callable[[str], frozenset[str]]
"""The fingerprints of the texts the database (or gloss itself) knows by an interview
id; empty if it knows none."""


@dataclass(frozen=True, slots=True)
class Landing:
    """What an import will do, decided before anything is written."""

    files: tuple[tuple[Path, str, bool], ...]
    """Each source's file, its text, and whether it must be written (False: there already)."""
    annotations: tuple[Annotation, ...]
    codebook: tuple[TagInfo, ...]
    skipped: int
    """Passages that lie wholly in text the cleaner removes (noise), so cannot be shown."""
    left_out: tuple[str, ...]
    """What of the project gloss cannot hold (``2 picture sources``)."""


def land(project: ReadProject, directory: Path, known: KnownText, now: str) -> Landing:
    """Plan the files, annotations and codebook entries of ``project``; ReadError if a
    source cannot be given a file (a different text under each name it could take)."""
    files: list[tuple[Path, str, bool]] = []
    annotations: list[Annotation] = []
    skipped = 0
    stems = [_stem(source) for source in project.sources]
    taken: set[str] = set()
    for source, stem in zip(project.sources, stems, strict=True):
        try:
            read = interview_from_text(stem, source.text)
        except CorpusError as error:
            raise ReadError(f"source {source.name!r}: {error}") from None
        twin = stems.count(stem) > 1
        path, exists = _file_for(source, stem, read.fingerprint, directory, known, taken, twin)
        taken.add(path.stem)
        interview = replace(read, id=path.stem, path=path)
        files.append((path, source.text, not exists))
        for passage in source.passages:
            start, end = _clean_span(interview, passage.start, passage.end)
            if end <= start:
                skipped += 1
                continue
            created = _stamp(passage.created, now)
            annotation = annotation_at(
                interview,
                start,
                end,
                annotation_id=annotation_id(
                    passage.selection, passage.author, shared=passage.shared
                ),
                tags=passage.tags,
                note=passage.note,
                author=passage.author,
                stamp=created,
                source=str(path.resolve()),
            )
            modified = _stamp(passage.modified, created)
            if modified != created:
                annotation = replace(annotation, updated=max(modified, created))
            annotations.append(annotation)
    codebook = tuple(TagInfo(c.path, c.description, c.colour, 0) for c in project.codes)
    return Landing(tuple(files), tuple(annotations), codebook, skipped, project.left_out)


def write_files(landing: Landing) -> None:
    """Write the texts that are not there yet (UTF-8, no BOM), creating the directory."""
    for path, text, new in landing.files:
        if new:
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "x", encoding="utf-8", newline="") as handle:
                handle.write(text)


def _stem(source: Source) -> str:
    """A file name for the source: its name without a document suffix, made safe."""
    name = _DOCUMENT_SUFFIX.sub("", source.name.strip())
    stem = " ".join(_UNSAFE_NAME.sub("_", name).split()).strip(". ")[:MAX_STEM]
    return stem or source.guid.strip("{}")


def _file_for(
    source: Source,
    stem: str,
    fingerprint: str,
    directory: Path,
    known: KnownText,
    taken: set[str],
    twin: bool,
) -> tuple[Path, bool]:
    """The file the source's text goes to, and whether that file holds it already."""
    tag = hashlib.sha256(source.guid.strip("{}").lower().encode()).hexdigest()[:8]
    candidates = [f"{stem}-{tag}"] if twin else [stem, f"{stem}-{tag}"]
    for candidate in candidates:
        path = directory / f"{candidate}.txt"
        if candidate in taken:
            continue
        held = known(candidate)
        if held and fingerprint not in held:
            continue  # the database (or gloss) knows another text by this id
        try:
            there = path.read_bytes()
        except FileNotFoundError:
            return path, False
        except OSError as error:
            reason = error.strerror or error
            raise ReadError(f"{path}: cannot be read ({reason}); choose --sources") from None
        if there == source.text.encode("utf-8"):
            return path, True
    raise ReadError(
        f"source {source.name!r}: {directory} holds other texts under the names it could "
        f"take ({', '.join(c + '.txt' for c in candidates)}); choose another --sources DIR"
    )


def _clean_span(interview: Interview, start: int, end: int) -> tuple[int, int]:
    """The clean-text span that the raw span ``start..end`` became."""
    offsets, length = interview.clean.raw_offsets, len(interview.text)
    return bisect_left(offsets, start, 0, length), bisect_left(offsets, end, 0, length)


def _stamp(moment: datetime | None, default: str) -> str:
    return stamp(moment) if moment is not None else default


def known_texts(fingerprints: Mapping[str, set[str]]) -> KnownText:
    """A :data:`KnownText` over the fingerprints held per interview id."""

    def known(interview_id: str) -> frozenset[str]:
        return frozenset(fingerprints.get(interview_id, ()))

    return known
