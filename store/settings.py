"""Where the database lives and who is annotating: flag, then environment, then default.

An explicit ``--db``/``--author`` beats ``$GLOSS_DB``/``$GLOSS_AUTHOR`` (the universal
convention), which beats the platform's user data directory and the login name. Resolved
when called, never at import time, so tests and scripts can change the environment.
"""

from __future__ import annotations

import getpass
import os
from pathlib import Path

DB_ENV = "GLOSS_DB"
AUTHOR_ENV = "GLOSS_AUTHOR"
DB_FILENAME = "annotations.json"


def default_db_path() -> Path:
    """The per-user database: ``<user data dir>/gloss/annotations.json``."""
    from platformdirs import user_data_path  # a few ms of imports, only when no --db is given

    return user_data_path("gloss", appauthor=False) / DB_FILENAME


def resolve_db_path(cli_db: str | None) -> Path:
    """``--db``, else ``$GLOSS_DB``, else the user data directory; ``~`` is expanded."""
    chosen = cli_db or os.environ.get(DB_ENV) or None
    return Path(chosen).expanduser() if chosen else default_db_path()


def resolve_db(cli_db: str | None) -> Path | str:
    """As :func:`resolve_db_path`, but a PostgreSQL URI (``postgresql://``) stays as given."""
    chosen = cli_db or os.environ.get(DB_ENV) or None
    if chosen and chosen.lower().startswith(("postgresql://", "postgres://")):
        return chosen
    return resolve_db_path(chosen)


def resolve_author(cli_author: str | None) -> str:
    """``--author``, else ``$GLOSS_AUTHOR``, else the login name, else ``unknown``."""
    for candidate in (cli_author, os.environ.get(AUTHOR_ENV)):
        if candidate and candidate.strip():
            return " ".join(candidate.split())
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry and no LOGNAME/USER: a bare container
        return "unknown"
