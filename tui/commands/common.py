"""Options and helpers shared by the reader and several subcommands, each declared once.

``--db`` means the same everywhere and is declared only here; ``--author`` is who writes
(the reader, ``annotate``) or, on a command that lists or exports, whose annotations to
show. A subcommand's ``--db`` never overrides one given before the command name
(``gloss --db team.json list``): it is added with no default of its own.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from corpus import CorpusError, Interview, load_interview, resolve_interview
from tui.wording import counted as counted  # re-exported: the commands import it from here

if TYPE_CHECKING:  # the store is imported by the commands that use it, not at start-up
    from store import Store

Handler = Callable[[argparse.Namespace], int]
"""What a subcommand's parser stores as ``handler``: it runs the command, returns the exit code."""

DB_HELP = (
    "annotation database (default: $GLOSS_DB, else <user data dir>/gloss/annotations.json); "
    "an explicit --db wins over $GLOSS_DB"
)
AUTHOR_HELP = "who is annotating (default: $GLOSS_AUTHOR, else the login name)"
AUTHOR_FILTER_HELP = "only this author's annotations"


def add_db_option(parser: argparse.ArgumentParser, *, default: object = argparse.SUPPRESS) -> None:
    """``--db PATH`` under its own "database" heading.

    By default the option sets nothing when absent, so that a ``--db`` given earlier (before
    the command name, or before a nested action such as ``tags rename``) is kept; the
    outermost parser passes ``default=None`` so that ``args.db`` always exists.
    """
    database = parser.add_argument_group("database")
    database.add_argument("--db", metavar="PATH", default=default, help=DB_HELP)


def add_store_options(parser: argparse.ArgumentParser) -> None:
    """``--db`` and ``--author`` of the reader, resolved later by ``store.settings``."""
    add_db_option(parser, default=None)
    parser.add_argument("--author", metavar="NAME", help=AUTHOR_HELP)


def add_interviewer_option(parser: argparse.ArgumentParser) -> None:
    """``--interviewer NAME`` (repeatable) of the reader: who asks, instead of the text's
    choice or the one last made with ``I`` in the reader."""
    parser.add_argument(
        "--interviewer",
        action="append",
        metavar="NAME",
        help=(
            "the speaker who asks, as labelled in the text (a last name will do; repeat "
            "for several; with several files each name applies to the files where it "
            "names a speaker); default: the choice made with I in the reader, else the text's"
        ),
    )


def load_named_interview(name: str) -> Interview:
    """The interview a command line names: a file path or a bundled interview id."""
    return load_interview(resolve_interview(name))


def load_named_interviews(names: Sequence[str]) -> list[Interview]:
    """The interviews named, refused (as the reader refuses them) if two share an id:
    an interview's id is its file name, so two ``talk.txt`` in different folders would
    mix their annotations."""
    interviews = [load_named_interview(name) for name in names]
    seen: dict[str, Path] = {}
    for interview in interviews:
        other = seen.setdefault(interview.id, interview.path)
        if other.resolve() != interview.path.resolve():
            raise CorpusError(
                f"{interview.path}: same interview id {interview.id!r} as {other}; "
                "rename one of the files"
            )
    return interviews


def check_own_file(store: Store, interview: Interview) -> None:
    """Refuse ``interview`` if its id is used in ``store`` by annotations of another file
    that is still there (a file of the same name in another folder): annotating or
    re-anchoring it would mix the two, orphaning one's annotations on the other's text."""
    from store import StoreError
    from store.store import source_of

    here = source_of(interview)
    for annotation in store.annotations(interview=interview.id):
        other = annotation.source
        if other and here and other != here and Path(other).is_file():
            raise StoreError(
                f"{interview.path}: interview id {interview.id!r} is already used in "
                f"{store.path} by the annotations of {other}; rename one of the files"
            )


def interview_id_in(store: Store, name: str | None) -> str | None:
    """The interview id ``--interview NAME`` means in ``store``, as other commands read
    names: an id as it is, a file (its id is its name), or the start of an id (``000``).

    StoreError if it names no interview with annotations in ``store``, or several.
    """
    from store import StoreError

    if name is None:
        return None
    known = sorted({a.interview for a in store.annotations()})
    if name in known:
        return name
    path = Path(name)
    candidates = [path.stem] if path.is_file() else [i for i in known if i.startswith(name)]
    found = [i for i in candidates if i in known]
    if len(found) > 1:
        raise StoreError(
            f"--interview {name}: matches several interviews in {store.path} "
            f"({_some(found)}); give more of the id"
        )
    if not found:
        raise StoreError(
            f"--interview {name}: no annotations of that interview in {store.path} "
            f"(interviews in it: {_some(known) or 'none yet'})"
        )
    return found[0]


def _some(ids: Sequence[str], limit: int = 8) -> str:
    shown = ", ".join(ids[:limit])
    return shown + (f" and {len(ids) - limit} more" if len(ids) > limit else "")
