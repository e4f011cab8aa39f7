"""The gloss command line.

``gloss [FILE...]`` opens the reader; ``gloss COMMAND ...`` runs a headless subcommand
(``clean``, ``outline``, ``annotate``, ...) for scripts. Each group of subcommands lives in
its own module under ``tui.commands`` and registers itself here. Every failure a user can
cause ends as one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib import import_module
from pathlib import Path
from typing import Any

from corpus import CorpusError
from tui.commands.common import (
    Handler,
    add_db_option,
    add_interviewer_option,
    add_store_options,
)

#: Each command and the module that defines it (``register(subparsers)`` adds the parsers
#: of its group, which set ``handler``). The reader's start reads only the names: the
#: modules, and the export, findings and REFI code they import, load when a command runs.
COMMANDS = {
    "clean": "tui.commands.corpus_commands",
    "outline": "tui.commands.corpus_commands",
    "annotate": "tui.commands.annotation_commands",
    "list": "tui.commands.annotation_commands",
    "tags": "tui.commands.tag_commands",
    "export": "tui.commands.exchange_commands",
    "import": "tui.commands.exchange_commands",
    "reanchor": "tui.commands.maintenance_commands",
    "compact": "tui.commands.maintenance_commands",
    "compare": "tui.commands.compare_command",
    "agree": "tui.commands.agreement_commands",
    "retrieve": "tui.commands.findings_commands",
    "stats": "tui.commands.findings_commands",
    "cooccur": "tui.commands.findings_commands",
    "report": "tui.commands.report_command",
    "serve": "tui.commands.serve_command",
    "copy": "tui.commands.copy_command",
}

EXIT_USER_ERROR = 1
EXIT_INTERRUPTED = 130


def gloss_version() -> str:
    # importlib.metadata costs several milliseconds to import: only paid when asked.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("gloss")
    except PackageNotFoundError:  # running from a source tree that was never installed
        from tui import __version__

        return __version__


class _VersionAction(argparse.Action):
    """``--version``: like argparse's own, but the version is looked up only when asked."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: Any) -> None:
        super().__init__(
            option_strings,
            dest=argparse.SUPPRESS,
            default=argparse.SUPPRESS,
            nargs=0,
            help="show program's version number and exit",
        )

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        print(f"gloss {gloss_version()}")  # to stdout, as argparse's own version action
        parser.exit()


def add_version(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--version", action=_VersionAction)


def build_command_parser() -> tuple[argparse.ArgumentParser, list[str]]:
    """The parser for ``gloss COMMAND ...`` and the names of the commands."""
    parser = argparse.ArgumentParser(prog="gloss", description="gloss headless commands.")
    add_version(parser)
    add_db_option(parser, default=None)  # before the command too: gloss --db team.json list
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module_name in dict.fromkeys(COMMANDS.values()):
        import_module(module_name).register(subparsers)
    return parser, list(subparsers.choices)


def build_reader_parser(commands: Sequence[str]) -> argparse.ArgumentParser:
    """The parser for ``gloss [FILE...]``, whose help also lists the subcommands."""
    parser = argparse.ArgumentParser(
        prog="gloss",
        usage=(
            "gloss [FILE ...] [--db PATH] [--author NAME] [--interviewer NAME]\n"
            "       gloss COMMAND [ARGS ...]"
        ),
        description=(
            "A terminal reader and annotator for interview transcripts. With no FILE, "
            "opens the two bundled interviews side by side."
        ),
        epilog=(
            "commands: " + ", ".join(commands) + ".\nRun 'gloss COMMAND --help' for one of them."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_version(parser)
    parser.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="interview text files or bundled interview ids (default: the bundled two)",
    )
    add_store_options(parser)
    add_interviewer_option(parser)
    return parser


def _first_word(argv: Sequence[str]) -> str | None:
    """The first argument that is not ``--db PATH`` (it may come before the command)."""
    words = iter(argv)
    for word in words:
        if word == "--db":
            next(words, None)
        elif not word.startswith("--db="):
            return word
    return None


def _run(argv: list[str]) -> int:
    if _first_word(argv) in COMMANDS:
        command_parser, _ = build_command_parser()
        args = command_parser.parse_args(argv)
        handler: Handler = args.handler
        return handler(args)
    args = build_reader_parser(list(COMMANDS)).parse_args(argv)
    misplaced = next((name for name in args.files if name in COMMANDS), None)
    if misplaced is not None and not Path(misplaced).exists():
        raise CorpusError(
            f"{misplaced!r} is a command: only --db may come before it; write "
            f"'gloss {misplaced} [OPTIONS]'"
        )
    from tui.launch import run_reader

    return run_reader(args)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``gloss`` console script."""
    from store.errors import StoreError
    from tui.config import ConfigError

    try:
        return _run(list(sys.argv[1:] if argv is None else argv))
    except (CorpusError, StoreError, ConfigError) as error:
        from corpus import escape_unsafe

        # The message may quote a file's name or words: its controls print as escapes.
        print(f"gloss: {escape_unsafe(str(error))}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("gloss: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader of our output went away (``gloss clean X | head``): not an error.
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
