"""The store on a PostgreSQL server (psycopg 3): same model and rules as the TinyDB file.

``connection`` (connecting, one-line failures without the password), ``schema`` (tables
made on first use, the version and migrations), ``database`` (load, commit under the
lock, catch up), ``live`` (LISTEN for other processes' changes), ``store`` (the class).
"""

from store.postgres.connection import Offline
from store.postgres.store import PostgresStore

__all__ = ["Offline", "PostgresStore"]
