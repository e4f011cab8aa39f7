"""``gloss clean`` and ``gloss outline``: the corpus pipeline for scripts, without the UI.

Both are a stable interface: offsets in ``gloss outline --json`` index the exact output of
``gloss clean``. ``gloss clean`` writes the clean text unchanged and adds one final newline
only when the text lacks one, so every offset below ``len(text)`` is still valid in the
output. In a non-UTF-8 locale a character stdout cannot encode is written as one ``?``,
keeping offsets aligned, and ``--json`` uses ``\\u`` escapes, losing nothing. Interview
text is written as plain characters (never as Rich markup); the cleaner has already
removed terminal escapes. Nothing here imports Textual.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from corpus import (
    CorpusError,
    Interview,
    escape_unsafe,
    interview_from_text,
    with_askers_where_named,
)
from corpus.reading.decode import MAX_BYTES, decode_bytes
from tui.commands.common import load_named_interview


def register(subparsers: Any) -> None:
    """Add ``clean`` and ``outline``."""
    clean: argparse.ArgumentParser = subparsers.add_parser(
        "clean",
        help="print the clean text of an interview",
        description=(
            "Print the clean text of an interview: noise, chrome lines and control "
            "characters removed. The outline's offsets index this output. One newline "
            "is added at the end only if the text lacks one."
        ),
        epilog="example: gloss clean 000 > 000.clean.txt",
    )
    clean.add_argument(
        "file", metavar="FILE", help="interview text file, bundled interview id, or - for stdin"
    )
    clean.set_defaults(handler=run_clean)

    outline: argparse.ArgumentParser = subparsers.add_parser(
        "outline",
        help="print the outline (sections, questions, measures) of interviews",
        description=(
            "Print the outline of each interview: title, its speakers and who asks, "
            "section headings, numbered questions and the measures of each answer. With "
            "--json, one object per file (a list for several files) whose offsets index "
            "'gloss clean FILE'; each question and answer names its speaker."
        ),
        epilog=(
            "examples: gloss outline 000 004; gloss outline --json 004 > 004.outline.json; "
            "gloss outline --interviewer 'Jane Doe' talk.md"
        ),
    )
    outline.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="interview text files, bundled interview ids, or - for stdin",
    )
    outline.add_argument("--json", action="store_true", help="machine-readable output")
    outline.add_argument(
        "--interviewer",
        action="append",
        metavar="NAME",
        help=(
            "the speaker who asks, as labelled in the text (repeat for several; a last "
            "name will do: --interviewer Psaki); with several files each name applies "
            "to the files where it names a speaker; by default the text decides"
        ),
    )
    outline.set_defaults(handler=run_outline)


def _load_or_stdin(name: str) -> Interview:
    """A file path, a bundled id, or ``-`` for standard input."""
    if name != "-":
        return load_named_interview(name)
    data = sys.stdin.buffer.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise CorpusError(
            f"<stdin>: more than {MAX_BYTES // 1024 // 1024} MB, too big for an interview"
        )
    return interview_from_text("stdin", decode_bytes(data, "<stdin>"))


def run_clean(args: argparse.Namespace) -> int:
    """``gloss clean FILE`` (an empty interview prints nothing)."""
    text = _load_or_stdin(args.file).text
    _write(text if text.endswith("\n") or not text else text + "\n")
    return 0


def run_outline(args: argparse.Namespace) -> int:
    """``gloss outline FILE... [--json]``."""
    from corpus.outline.output import outline_dict, outline_text

    interviews = [_load_or_stdin(name) for name in args.files]
    if args.interviewer:
        interviews = with_askers_where_named(interviews, args.interviewer)
    if args.json:
        data = [outline_dict(interview) for interview in interviews]
        document = data[0] if len(data) == 1 else data
        # Outside UTF-8, JSON escapes (\u2014) keep every character without the locale's help.
        _write(json.dumps(document, ensure_ascii=not _utf_stdout(), indent=2))
        _write("\n")
    else:
        # An id is a file's name, which may hold controls; the text itself is clean already.
        _write(escape_unsafe("\n".join(outline_text(interview) for interview in interviews)))
    return 0


def _utf_stdout() -> bool:
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("_", "-")
    return encoding.startswith("utf")


def _write(text: str) -> None:
    """Write plain text. A stdout that cannot encode a character (a non-UTF-8 locale) gets
    one ``?`` for it, so offsets still line up character for character."""
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None and not _utf_stdout():
        reconfigure(errors="replace")
    sys.stdout.write(text)
