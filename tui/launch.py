"""Starting the reader: everything that can fail on bad input fails here, before the screen.

The settings file is read, files are resolved and read, the database is opened (and
checked) and the author is worked out first; a bad settings file, interview file or
database raises ConfigError, CorpusError or StoreError, which ``tui.cli`` prints as one
line on stderr with exit status 1. Only then does Textual
take over the terminal.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from corpus import CorpusError, Interview, bundled_paths, load_interview, resolve_interview

if TYPE_CHECKING:
    from tui.config import Settings


def load_interviews(names: Sequence[str]) -> list[Interview]:
    """The interviews named on the command line (the bundled ones when none is named)."""
    paths = [resolve_interview(name) for name in names] if names else bundled_paths()
    if not paths:
        raise CorpusError("no interview to open; give an interview file")
    interviews = [load_interview(path) for path in paths]
    seen: dict[str, str] = {}
    for interview in interviews:
        if interview.id in seen:
            raise CorpusError(
                f"{interview.path}: same interview id {interview.id!r} as {seen[interview.id]}; "
                "rename one of the files"
            )
        seen[interview.id] = str(interview.path)
    return interviews


@dataclass(frozen=True)
class ReaderStart:
    """What the reader opens with, every part of it checked."""

    settings: Settings
    interviews: list[Interview]
    db_path: Path | str
    """A TinyDB file, or a PostgreSQL URI (``postgresql://``)."""
    author: str


def prepare_reader(args: argparse.Namespace) -> ReaderStart:
    """Read the settings and ``args.files``, resolve ``args.db`` and ``args.author``;
    ConfigError, CorpusError or StoreError on bad input (the database is checked when
    it is opened)."""
    from store import resolve_author, resolve_db
    from tui.config import check_clashes, load_settings
    from tui.keys import binding_groups, binding_ids

    settings = load_settings(binding_ids)
    if settings.keymap:
        check_clashes(settings, binding_groups())
    from tui.interviewers import with_interviewers

    interviews = with_interviewers(load_interviews(args.files), getattr(args, "interviewer", None))
    return ReaderStart(settings, interviews, resolve_db(args.db), resolve_author(args.author))


def run_reader(args: argparse.Namespace) -> int:
    """Open the reader on ``args.files`` with ``args.db`` and ``args.author``."""
    from store import open_store
    from tui.app import make_app

    start = prepare_reader(args)
    store = open_store(start.db_path)
    try:
        app = make_app(
            start.interviews,
            store,
            author=start.author,
            db_path=start.db_path if isinstance(start.db_path, Path) else None,
            keymap=start.settings.keymap,
            others=start.settings.others,
        )
        app.run()
    finally:
        store.close()
    return app.return_code or 0
