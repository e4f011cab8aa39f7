"""``gloss serve``: the reader for web browsers, one reader process per browser tab.

Everything the reader would refuse (settings, files, the database) is refused here first,
as one line on stderr, so a bad option never starts a server that fails on every
connection. The reader each tab gets is ``gloss FILE... --db PATH --author NAME`` with the
database and author resolved here: every tab reads the same database as the same coder.
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import shlex
import socket
import sys
from typing import Any

from tui.commands.common import AUTHOR_HELP, add_db_option, add_interviewer_option

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
EXIT_USER_ERROR = 1


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "serve",
        help="serve the reader to web browsers (http://127.0.0.1:8000 by default)",
        description=(
            "Serve the reader to web browsers: each browser tab that opens the address gets "
            "its own reader on FILE... (default: the bundled two), over the same database "
            "and as the same coder (--author). There is no login: anyone who can reach the "
            "address reads and annotates, so the default host is this machine only."
        ),
    )
    parser.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="interview text files or bundled interview ids (default: the bundled two)",
    )
    parser.add_argument(
        "--host",
        default=DEFAULT_HOST,
        help=f"address to listen on (default: {DEFAULT_HOST}, this machine only; "
        "0.0.0.0 listens on every network, without any authentication)",
    )
    parser.add_argument(
        "--port", type=_port, default=DEFAULT_PORT, help=f"port (default: {DEFAULT_PORT})"
    )
    parser.add_argument("--author", metavar="NAME", help=AUTHOR_HELP)
    add_interviewer_option(parser)
    add_db_option(parser)
    parser.set_defaults(handler=run_serve)


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (1-65535)")
    return port


def reader_command(
    files: list[str], *, db_path: str | None, author: str, interviewers: list[str] | None = None
) -> str:
    """The shell command that opens the reader as ``gloss serve`` was asked to; with no
    ``db_path`` the reader takes ``$GLOSS_DB``."""
    asking = [word for name in interviewers or () for word in ("--interviewer", name)]
    database = ["--db", db_path] if db_path is not None else []
    argv = [sys.executable, "-m", "tui", *database, "--author", author, *asking]
    return shlex.join([*argv, "--", *files])


def run_serve(args: argparse.Namespace) -> int:
    from store import open_store
    from store.backend import is_server
    from tui.launch import prepare_reader

    start = prepare_reader(args)
    with open_store(start.db_path) as store:  # a damaged database: refused now, once
        shown = store.path  # a server's address without its password
    addresses = _addresses(args.host, args.port)
    if addresses is None:
        return EXIT_USER_ERROR
    if not all(ipaddress.ip_address(address).is_loopback for address in addresses):
        print(
            f"gloss serve: warning: listening on {args.host}, which other machines can reach; "
            "there is no authentication: anyone who reaches it reads and annotates "
            f"{shown} as {start.author}",
            file=sys.stderr,
        )
    db_path: str | None = str(start.db_path)
    if is_server(start.db_path):
        # A server's address may hold its password: each tab's reader inherits it in
        # $GLOSS_DB rather than on a command line that `ps` shows to every user.
        os.environ["GLOSS_DB"] = str(start.db_path)
        db_path = None
    command = reader_command(
        list(args.files),
        db_path=db_path,
        author=start.author,
        interviewers=args.interviewer,
    )
    from tui.web.server import serve

    try:
        serve(command, host=args.host, port=args.port)
    except OSError as error:
        reason = os.strerror(error.errno) if error.errno else str(error)
        print(
            f"gloss: cannot listen on {args.host}:{args.port}: {reason.lower()}; "
            "choose another --port or --host",
            file=sys.stderr,
        )
        return EXIT_USER_ERROR
    return 0


def _addresses(host: str, port: int) -> set[str] | None:
    """The IP addresses ``host`` names, or None (and one line on stderr) if it names none."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        print(f"gloss: --host {host}: not an address of this machine ({reason})", file=sys.stderr)
        return None
    return {str(info[4][0]).split("%")[0] for info in found}
