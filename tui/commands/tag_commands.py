"""``gloss tags``: the shared codebook, listed, or one tag renamed, merged, deleted or
described. A tag is a path: what is done to it is done to the tags below it, in every
annotation of every author. Nothing here imports Textual.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import asdict, replace
from typing import Any

from store import Store, TagInfo
from tui.commands.common import add_db_option, counted
from tui.commands.output import print_table, printable
from tui.commands.store_access import open_store, store_command


def register(subparsers: Any) -> None:
    """Add ``tags`` and its actions."""
    parser = store_command(
        subparsers,
        "tags",
        run_tags,
        help="list, describe, rename, merge or delete tags",
        description=(
            "With no action, list the tags with their use counts (with --author, that "
            "author's uses). Tags are paths ('policy/tax-relief'): renaming, merging or "
            "deleting a tag does the same to the tags below it, in every annotation of "
            "every author, as the codebook is shared."
        ),
    )
    parser.add_argument("--json", action="store_true", help="machine-readable listing")
    parser.add_argument("--author", metavar="A", help="count only this author's uses")
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    rename = actions.add_parser("rename", help="rename a tag everywhere (refused if NEW exists)")
    rename.add_argument("old", metavar="OLD")
    rename.add_argument("new", metavar="NEW")
    merge = actions.add_parser("merge", help="move every use of tag A onto tag B")
    merge.add_argument("source", metavar="A")
    merge.add_argument("target", metavar="B")
    delete = actions.add_parser("delete", help="delete a tag (refused while in use)")
    delete.add_argument("tag", metavar="T")
    delete.add_argument("--force", action="store_true", help="remove it from annotations too")
    describe = actions.add_parser("describe", help="set a tag's description and/or colour")
    describe.add_argument("tag", metavar="T")
    describe.add_argument("--description", metavar="TEXT", help="'' clears it")
    describe.add_argument("--colour", "--color", metavar="COLOUR", help="#rrggbb or a name")
    for action in (rename, merge, delete, describe):
        add_db_option(action)


def run_tags(args: argparse.Namespace) -> int:
    # Describing a tag may start a codebook in a new database; the rest need one.
    with open_store(args, reading=args.action != "describe") as store:
        if args.action == "rename":
            changed = store.rename_tag(args.old, args.new)
            _done("renamed", args.old, "to", args.new, changed)
        elif args.action == "merge":
            changed = store.merge_tags(args.source, args.target)
            _done("merged", args.source, "into", args.target, changed)
        elif args.action == "delete":
            changed = store.delete_tag(args.tag, force=args.force)
            print(f"deleted {printable(args.tag)!r} from {counted(changed, 'annotation')}")
        elif args.action == "describe":
            info = store.set_tag(args.tag, description=args.description, colour=args.colour)
            described = f"{printable(info.description or '')} {info.colour or ''}".strip()
            print(f"{printable(info.path)}: {described}")
        else:
            tags = _tags_of(store, args.author)
            if args.json:
                json.dump([asdict(t) for t in tags], sys.stdout, ensure_ascii=False, indent=2)
                sys.stdout.write("\n")
            else:
                rows = [[t.path, str(t.count), t.colour or "", t.description or ""] for t in tags]
                print_table(["TAG", "USES", "COLOUR", "DESCRIPTION"], rows, flexible=(3,))
    return 0


def _tags_of(store: Store, author: str | None) -> list[TagInfo]:
    """The codebook; with ``author``, each count is of that author's annotations only."""
    tags = store.tags()
    if author is None:
        return tags
    uses = Counter(tag for a in store.annotations(author=author) for tag in a.tags)
    return [replace(info, count=uses[info.path]) for info in tags]


def _done(verb: str, old: str, joiner: str, new: str, changed: int) -> None:
    print(
        f"{verb} {printable(old)!r} {joiner} {printable(new)!r} in {counted(changed, 'annotation')}"
    )
