"""``gloss agree``: how far coders agree, per tag, for a methods section or a team meeting.

Thin over :mod:`store.agreement`: reads the coders' annotations, finds the clean text of
each interview in scope (its length is the number of units), and prints the figures. The
text of a bundled interview is found by its id, that of the user's own file through the
path its annotations remember, or from the file named with ``--interview PATH``. Nothing
here imports Textual.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from corpus import CorpusError, Interview, load_interview
from store import Annotation, StoreError, open_store, resolve_db
from store.agreement import Scope, TagAgreement, compare, find_scope
from store.export import interview_loader
from store.tagpaths import normalise_tag
from tui.commands.common import add_db_option, counted, load_named_interview
from tui.commands.output import printable

DESCRIPTION = (
    "Per tag, each coder's coverage (share of characters coded with the tag), percent "
    "agreement and Cohen's kappa of two coders, or Krippendorff's alpha (nominal) of three "
    "or more (--coders a,b,c). Every character of the clean text of each interview in scope "
    "is a unit, coded or not by each coder, so uncoded text counts (as in NVivo); the "
    "interviews are pooled. A tag is its exact path: 'policy' does not include "
    "'policy/tax'. By default the interviews in scope are those every coder annotated; "
    "--interview names them instead. Where chance agreement is 1 (no coder used the tag "
    "anywhere in scope, or all coded everything) kappa and alpha are shown as 1. Orphaned "
    "annotations are left out."
)


def register(subparsers: Any) -> None:
    """Add ``agree``."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "agree",
        help="inter-coder agreement per tag (coverage, agreement, kappa or alpha)",
        description=DESCRIPTION,
        epilog="examples: gloss agree ann bob --tag policy; gloss agree --coders ann,bob,chen",
    )
    parser.add_argument("pair", nargs="*", metavar="CODER", help="the two coders to compare")
    parser.add_argument(
        "--coders", metavar="A,B,C", help="two or more coders, comma-separated (alpha for 3+)"
    )
    parser.add_argument(
        "--interview",
        action="append",
        default=[],
        metavar="I",
        help="only this interview (id, bundled id or file); repeat for more",
    )
    parser.add_argument("--tag", metavar="T", help="only this tag and the tags below it")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    add_db_option(parser)
    parser.set_defaults(handler=run_agree)


def run_agree(args: argparse.Namespace) -> int:
    coders = _coders(args)
    tag = normalise_tag(args.tag) if args.tag is not None else None
    with open_store(resolve_db(args.db), reading=True) as store:
        everyone = store.annotations()
        path = store.path
    present = sorted({a.author for a in everyone})
    unknown = [c for c in coders if c not in present]
    if unknown:
        listed = ", ".join(printable(c) for c in present) or "none yet"
        raise StoreError(
            f"{path}: no annotations by coder {printable(unknown[0])!r}; the coders are: {listed}"
        )
    mine = [a for a in everyone if a.author in coders]
    texts = _named_texts(args.interview, {a.interview for a in everyone})
    scope = find_scope(mine, coders, named=list(texts) if args.interview else ())
    if not scope.interviews:
        raise StoreError(
            f"{', '.join(map(printable, coders))}: no interview annotated by all of them; "
            "name one with --interview"
        )
    lengths = _lengths(scope.interviews, mine, texts)
    rows = compare(mine, lengths, coders, tag=tag)
    if args.json:
        json.dump([_public(row) for row in rows], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        _print_rows(rows, coders)
    _print_scope(scope, sum(lengths.values()), len(rows))
    return 0


def _coders(args: argparse.Namespace) -> list[str]:
    if args.coders is not None and args.pair:
        raise StoreError("agree: give two coders, or --coders, not both")
    if args.coders is not None:
        coders = [c.strip() for c in args.coders.split(",") if c.strip()]
    else:
        coders = list(args.pair)
        if len(coders) != 2:
            raise StoreError("agree: give two coders (gloss agree ann bob), or --coders a,b,c")
    if len(coders) < 2 or len(set(coders)) != len(coders):
        raise StoreError("agree: name two or more different coders")
    return coders


# -- texts ----------------------------------------------------------------------------


def _named_texts(names: Sequence[str], known: set[str]) -> dict[str, Interview | None]:
    """Interview ids for ``--interview`` names: an id in the database as it is, else a
    bundled id or a file, loaded now (so a moved file can be pointed at)."""
    texts: dict[str, Interview | None] = {}
    for name in names:
        if name in known:
            texts.setdefault(name, None)
            continue
        interview = load_named_interview(name)
        texts[interview.id] = interview
    return texts


def _lengths(
    interview_ids: Sequence[str],
    annotations: Sequence[Annotation],
    named: dict[str, Interview | None],
) -> dict[str, int]:
    """The length of each interview's clean text (each character is one unit)."""
    by_interview: dict[str, list[Annotation]] = {i: [] for i in interview_ids}
    for annotation in annotations:
        if annotation.interview in by_interview:
            by_interview[annotation.interview].append(annotation)
    bundled = interview_loader()
    return {
        i: len(_text(i, by_interview[i], named.get(i) or bundled(i)).text) for i in interview_ids
    }


def _text(
    interview_id: str, annotations: Sequence[Annotation], found: Interview | None
) -> Interview:
    """The clean text of ``interview_id``: ``found``, else from the file its
    ``annotations`` remember. StoreError naming it if it cannot be read, or if it is not
    the text they were made on (their offsets would count the wrong characters).
    """
    sources = sorted({a.source for a in annotations if a.source})
    problems = []
    for source in sources if found is None else ():
        try:
            candidate = load_interview(Path(source))
        except CorpusError as error:
            problems.append(str(error))
            continue
        except OSError as error:
            problems.append(f"{source}: {error.strerror}")
            continue
        if candidate.id == interview_id:
            found = candidate
            break
    if found is None:
        where = "; ".join(problems) if problems else "no file is recorded for it"
        raise StoreError(
            f"{printable(interview_id)}: its text cannot be read ({printable(where)}); "
            "name the file with --interview PATH"
        )
    stale = sum(1 for a in annotations if not a.orphaned and a.fingerprint != found.fingerprint)
    if stale:
        raise StoreError(
            f"{printable(interview_id)}: {counted(stale, 'annotation')} "
            f"{'was' if stale == 1 else 'were'} made on another version of its text; run "
            "'gloss reanchor' on the file first"
        )
    return found


# -- output ---------------------------------------------------------------------------


def _public(row: TagAgreement) -> dict[str, object]:
    return {
        "tag": row.tag,
        "coverage": dict(zip(row.coders, row.coverage, strict=True)),
        "agreement": row.agreement,
        "kappa": row.kappa,
        "alpha": row.alpha,
        "characters": row.characters,
    }


def _print_rows(rows: Sequence[TagAgreement], coders: Sequence[str]) -> None:
    pair = len(coders) == 2
    header = ["TAG", *(printable(c, 12) for c in coders), "AGREE", "KAPPA" if pair else "ALPHA"]
    lines = [
        [
            printable(row.tag),
            *(f"{share:.2%}" for share in row.coverage),
            f"{row.agreement:.2%}",
            f"{row.kappa if row.kappa is not None else row.alpha:.3f}",
        ]
        for row in rows
    ]
    widths = [max(len(line[i]) for line in [header, *lines]) for i in range(len(header))]
    for line in [header, *lines]:
        cells = [line[0].ljust(widths[0])]
        cells += [cell.rjust(widths[i]) for i, cell in enumerate(line) if i]
        print("  ".join(cells))


def _print_scope(scope: Scope, characters: int, tags: int) -> None:
    ids = ", ".join(printable(i) for i in scope.interviews)
    print(
        f"{tags} tag(s); pooled over {len(scope.interviews)} interview(s), "
        f"{characters:,} characters: {ids}",
        file=sys.stderr,
    )
    if scope.skipped:
        skipped = ", ".join(printable(i) for i in scope.skipped)
        print(
            f"left out {len(scope.skipped)} interview(s) not every coder annotated: {skipped} "
            "(name them with --interview to include them)",
            file=sys.stderr,
        )
    if scope.orphaned:
        print(
            f"left out {counted(scope.orphaned, 'orphaned annotation')}; "
            "'gloss list --status orphaned' shows them",
            file=sys.stderr,
        )
