"""PostgresStore: the store on a PostgreSQL server, for a team across hosts.

The rules are :class:`store.rules.Rules`, the same as the TinyDB file's; the machinery
is :class:`store.postgres.database.ServerDatabase`. Opened by
:func:`store.backend.open_store` when ``--db`` is a ``postgresql://`` URI.
"""

from __future__ import annotations

from store.postgres.database import ServerDatabase
from store.rules import Rules


class PostgresStore(ServerDatabase, Rules[str]):
    """Annotations and the codebook of one database on a server; use :meth:`open`."""
