"""What the rules need of a backend: a current view, a lock, a way to commit.

:class:`Machinery` only declares it; the TinyDB file (:class:`store.database.Database`)
and the PostgreSQL server (:class:`store.postgres.database.ServerDatabase`) provide it,
and :class:`store.rules.Rules` decides on top of either.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

from store.journal import Op
from store.view import View

Where = TypeVar("Where", Path, str)
"""How a backend names where its data is: a file's path, or a server's address."""


class Machinery(Generic[Where]):
    """The backend's part, declared for the rules built on it."""

    path: Where
    """Where the data is, for messages: a file, or a server's address (no password)."""
    _view: View
    _mutex: threading.RLock

    def _commit(self, change: Callable[[], list[Op]]) -> int:
        """Run ``change`` under the backend's lock on an up-to-date view, persist its
        operations, apply them; returns how many annotations they touched."""
        raise NotImplementedError

    def refresh(self) -> bool:
        """Catch up with other processes; True if they changed anything since last look."""
        raise NotImplementedError

    def poll(self) -> bool:
        """:meth:`refresh` as cheaply as the backend can, for a watch that asks often."""
        raise NotImplementedError
