"""Which reader turns a file into text, by its suffix: plain text, Markdown, subtitles or Word.

Subtitle files (WebVTT, SRT), speech-to-text segments (Whisper's .tsv, .json), Word files
(.docx) and Markdown (.md) are not text gloss can clean as they are: their readers extract
the words, with speaker labels written as ``Name:`` at the start of a paragraph, and this
*extracted* text is what gloss cleans, outlines and shows as the raw text (``r``). Subtitle
cue and segment times are kept beside it (``Document.times``), never in it; so are the time
stamps transcription tools write into text and Word exports (``corpus.reading.stamps``). The
readers' libraries are imported only when such a file is opened: a launch on text files
does not pay for them. An old binary Word ``.doc`` is refused with what to do (save it
as .docx).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from corpus.reading.decode import read_bytes, read_text

#: Suffixes read by a reader of their own (lower case); everything else is read as text.
SUBTITLE_SUFFIXES = (".vtt", ".srt")
#: Speech-to-text segments (Whisper's ``.tsv`` and ``.json``): read like subtitles.
SEGMENT_SUFFIXES = (".tsv", ".json")
WORD_SUFFIXES = (".docx",)
#: Old binary Word files: refused with what to do, unless one is really a .docx or text.
OLD_WORD_SUFFIXES = (".doc",)
MARKDOWN_SUFFIXES = (".md", ".markdown")
SUPPORTED_SUFFIXES = (
    ".txt",
    *MARKDOWN_SUFFIXES,
    *SUBTITLE_SUFFIXES,
    *SEGMENT_SUFFIXES,
    *WORD_SUFFIXES,
)


@dataclass(frozen=True, slots=True)
class Document:
    """The text of one interview file, and when each subtitle cue starts in it.

    ``times`` holds ``(offset, seconds)`` pairs in offset order: the cue whose text starts
    at ``text[offset]`` starts ``seconds`` into the recording (for a Word file, the times
    of a table's time column). Empty for text files. The markup that made a heading is
    gone from the text, so the lines it marked are kept beside it (``headings``).
    """

    text: str
    times: tuple[tuple[int, float], ...] = ()
    headings: tuple[tuple[int, int], ...] = ()
    """``(offset, level)`` of each line the format marks as a heading (Markdown's ``#``
    or underline, Word's heading styles): where the heading's words start in ``text``,
    and its level (1 for ``#``, ``===`` and ``Heading 1``). Empty for text files."""


def read_document(path: Path) -> Document:
    """Read ``path`` with the reader its suffix calls for; CorpusError on bad input."""
    suffix = path.suffix.lower()
    if suffix in SUBTITLE_SUFFIXES:
        from corpus.reading.subtitles import read_subtitles

        return read_subtitles(read_bytes(path), str(path), suffix)
    if suffix in SEGMENT_SUFFIXES:
        from corpus.reading.segments import read_segments

        return read_segments(read_bytes(path), str(path), suffix)
    if suffix in WORD_SUFFIXES:
        from corpus.reading.stamps import lift_stamps
        from corpus.reading.word import read_word

        document = read_word(read_bytes(path), str(path))
        return document if document.times else lift_stamps(document)
    if suffix in OLD_WORD_SUFFIXES:
        return _old_word(read_bytes(path), str(path))
    if suffix in MARKDOWN_SUFFIXES:
        from corpus.reading.markdown import read_markdown
        from corpus.reading.stamps import lift_stamps

        return lift_stamps(read_markdown(read_text(path)))
    from corpus.reading.stamps import lift_stamps

    return lift_stamps(Document(read_text(path)))


def _old_word(data: bytes, name: str) -> Document:
    """A ``.doc`` file: refused if it is binary Word (CorpusError saying to save it as
    .docx), read as Word if it is a renamed .docx, else as text."""
    import zipfile
    from io import BytesIO

    from corpus.reading.decode import decode_bytes
    from corpus.reading.stamps import lift_stamps
    from corpus.reading.word import read_word, refuse_ole

    refuse_ole(data, name)
    if zipfile.is_zipfile(BytesIO(data)):
        document = read_word(data, name)
        return document if document.times else lift_stamps(document)
    return lift_stamps(Document(decode_bytes(data, name)))
