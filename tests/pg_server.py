"""A throwaway PostgreSQL server for the tests and CI: initdb, pg_ctl, a unix socket only.

PostgreSQL refuses to run as root, so as root the server runs as the ``postgres`` system
user (else ``nobody``) through ``runuser``; as anyone else it runs as them. It listens on
no TCP port, only on a socket in its own temporary directory, and trusts local
connections as the user ``gloss`` (nothing else can reach that socket); only the user
``gloss_password`` must give a password.

    eval "$(python tests/pg_server.py start /tmp/gloss-pg)"   # exports GLOSS_TEST_PG
    python tests/pg_server.py stop /tmp/gloss-pg
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import sys
from pathlib import Path

BIN = Path(os.environ.get("GLOSS_PG_BIN", "/usr/lib/postgresql/15/bin"))
USER = "gloss"
"""The database superuser the tests connect as."""
PASSWORD_USER = "gloss_password"
"""A user that must give a password (if the tests make it): to test a wrong one."""


def available() -> bool:
    """True if the PostgreSQL binaries are installed here."""
    return (BIN / "initdb").is_file() and (BIN / "pg_ctl").is_file()


def _runner() -> list[str]:
    """How to run a server command: as ourselves, or (as root) as a system user."""
    if os.geteuid() != 0:
        return []
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return ["runuser", "-u", name, "--"]
    raise RuntimeError("running as root and neither 'postgres' nor 'nobody' exists")


def _owner() -> tuple[int, int] | None:
    runner = _runner()
    if not runner:
        return None
    entry = pwd.getpwnam(runner[2])
    return entry.pw_uid, entry.pw_gid


def uri(directory: Path, database: str = "postgres") -> str:
    """The libpq URI of ``database`` on the server in ``directory`` (its socket)."""
    return f"postgresql://{USER}@/{database}?host={directory}"


def start(directory: Path, *, durable: bool = False) -> str:
    """Create and start a server in ``directory`` (made empty); returns its URI.

    Tests run without fsync (nothing there must outlive a crash); ``durable`` keeps the
    server's defaults (fsync'ed commits), for the benchmarks."""
    directory.mkdir(parents=True, exist_ok=True)
    data = directory / "data"
    owner = _owner()
    if owner is not None:
        os.chown(directory, *owner)
    run = _runner()
    quiet = {"check": True, "stdout": subprocess.DEVNULL, "stderr": subprocess.PIPE}
    subprocess.run(
        [*run, str(BIN / "initdb"), "-D", str(data), "-U", USER, "--auth=trust",
         "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"],
        **quiet,  # type: ignore[arg-type]
    )  # fmt: skip
    hba = data / "pg_hba.conf"
    hba.write_text(f"local all {PASSWORD_USER} scram-sha-256\nlocal all all trust\n")
    if owner is not None:
        os.chown(hba, *owner)
    _start(directory, durable=durable)
    return uri(directory)


def _start(directory: Path, *, durable: bool = False) -> None:
    """pg_ctl start on the data in ``directory``, listening on its socket only."""
    options = f"-c listen_addresses='' -c unix_socket_directories='{directory}'"
    options += " -c max_connections=200"
    if not durable:
        options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    subprocess.run(
        [*_runner(), str(BIN / "pg_ctl"), "-D", str(directory / "data"), "-o", options,
         "-l", str(directory / "log"), "-w", "-t", "60", "start"],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip


def stop(directory: Path) -> None:
    """Stop the server in ``directory`` (immediately) and remove the directory."""
    data = directory / "data"
    if (data / "postmaster.pid").exists():
        subprocess.run(
            [*_runner(), str(BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
            check=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    shutil.rmtree(directory, ignore_errors=True)


def restart(directory: Path) -> None:
    """Start again a server of ``directory`` that was stopped (keeping its data)."""
    _start(directory)


def halt(directory: Path) -> None:
    """Stop the server of ``directory`` but keep its data (see :func:`restart`)."""
    subprocess.run(
        [*_runner(), str(BIN / "pg_ctl"), "-D", str(directory / "data"), "-m", "fast", "-w",
         "stop"],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("start", "stop"):
        print("usage: pg_server.py start|stop DIRECTORY", file=sys.stderr)
        return 2
    directory = Path(argv[1]).resolve()
    if argv[0] == "start":
        print(f"export GLOSS_TEST_PG='{start(directory)}'")
    else:
        stop(directory)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
