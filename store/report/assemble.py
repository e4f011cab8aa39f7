"""A report of a database, assembled from the store and the findings it shares with
``gloss retrieve``, ``stats``, ``cooccur`` and ``agree``, so every figure agrees with them.

The slow part on a large database is finding each passage's question, which reads every
interview's text once (:class:`store.findings.InterviewTexts`); ``progress`` is told how
far that has come. ``tag`` keeps a code and the codes below it: passages carrying other
codes too are kept, with only those codes counted.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime

from corpus import escape_unsafe
from store.agreement import compare, find_scope
from store.backend import Store
from store.colours import tag_hex
from store.errors import StoreError
from store.findings import (
    InterviewTexts,
    RetrievedPassage,
    check_code,
    code_tree,
    cooccur,
    count_codes,
    passage_of,
)
from store.findings.counts import CountTable
from store.model import Annotation, TagInfo
from store.report.model import (
    Agreement,
    Code,
    CodePassages,
    InterviewInfo,
    Matrix,
    Report,
)
from store.tagpaths import is_within

Progress = Callable[[int, int], None]
"""``progress(done, total)``: passages placed in their interviews so far, of all."""
PROGRESS_EVERY = 500


def assemble(
    store: Store,
    *,
    tag: str | None = None,
    author: str | None = None,
    texts: InterviewTexts | None = None,
    progress: Progress | None = None,
) -> Report:
    """The report of ``store``'s annotations (``author``'s only, if given; of ``tag``
    and the codes below it, if given). StoreError for an unknown code or coder."""
    root = check_code(store, tag) if tag is not None else None
    everyone = store.annotations()
    authors = sorted({a.author for a in everyone})
    if author is not None and author not in authors:
        listed = escape_unsafe(", ".join(authors)) or "none yet"
        raise StoreError(f"{store.path}: no annotations by {author!r}; the coders are: {listed}")
    chosen = [a for a in everyone if author is None or a.author == author]
    if root is not None:
        chosen = _within(chosen, root)
    texts = texts if texts is not None else InterviewTexts()
    placed = _place(chosen, texts, progress)
    codebook = {info.path: info for info in store.tags()}
    paths = code_tree(
        [p for p in codebook if root is None or is_within(p, root)]
        + [t for a in chosen for t in a.tags]
    )
    counts = count_codes(chosen, by="interview")
    by_coder = count_codes(chosen, by="author")
    codes = tuple(_codes(paths, chosen, counts, by_coder, codebook))
    titles: dict[str, str] = {}
    for p in placed:  # an interview's title where its text was found, else its id
        if titles.get(p.interview, p.interview) == p.interview:
            titles[p.interview] = p.title
    interviews = tuple(InterviewInfo(i, titles[i]) for i in sorted(titles))
    agreement, missing = _agreement(everyone if author is None else chosen, root, texts)
    return Report(
        database=str(store.path),
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M"),
        scope=_scope_words(author, root),
        annotations=len(chosen),
        coders=tuple(authors if author is None else [author]),
        interviews=interviews,
        codes=codes,
        by_interview=_count_matrix(counts),
        cooccurrence=_cooccurrence(chosen),
        orphaned=sum(1 for a in chosen if a.orphaned),
        passages=tuple(_sections(codes, placed)),
        agreement=agreement,
        agreement_missing=missing,
    )


def _within(annotations: Sequence[Annotation], root: str) -> list[Annotation]:
    """The annotations carrying a code at or below ``root``, with only those codes."""
    kept = []
    for a in annotations:
        tags = tuple(t for t in a.tags if is_within(t, root))
        if tags:
            kept.append(a if tags == a.tags else replace(a, tags=tags))
    return kept


def _place(
    annotations: Sequence[Annotation], texts: InterviewTexts, progress: Progress | None
) -> list[RetrievedPassage]:
    """Each annotation as a passage with its interview's title and its question."""
    placed = []
    total = len(annotations)
    for done, a in enumerate(annotations, start=1):
        placed.append(passage_of(a, None, texts))
        if progress is not None and (done % PROGRESS_EVERY == 0 or done == total):
            progress(done, total)
    return placed


def _codes(
    paths: Sequence[str],
    annotations: Sequence[Annotation],
    counts: CountTable,
    by_coder: CountTable,
    codebook: dict[str, TagInfo],
) -> list[Code]:
    own: dict[str, int] = defaultdict(int)
    for a in annotations:
        for t in a.tags:
            own[t] += 1
    rows = {row.code: row for row in counts.rows}
    coder_rows = {row.code: row for row in by_coder.rows}
    found = []
    for path in paths:
        info = codebook.get(path)
        row, coders = rows.get(path), coder_rows.get(path)
        found.append(
            Code(
                path=path,
                description=(info.description if info else None) or "",
                colour=tag_hex(path, info.colour if info else None),
                passages=own.get(path, 0),
                with_subcodes=row.total.passages if row else 0,
                characters=row.total.characters if row else 0,
                interviews=sum(1 for cell in row.cells if cell.passages) if row else 0,
                coders=tuple(
                    name
                    for name, cell in zip(by_coder.columns, coders.cells, strict=True)
                    if cell.passages
                )
                if coders
                else (),
            )
        )
    return found


def _count_matrix(counts: CountTable) -> Matrix:
    return Matrix(
        rows=tuple(row.code for row in counts.rows),
        columns=counts.columns,
        cells=tuple(tuple(cell.passages for cell in row.cells) for row in counts.rows),
    )


def _cooccurrence(annotations: Sequence[Annotation]) -> Matrix:
    """Codes that meet another, each against each (0 on the diagonal)."""
    found = cooccur(annotations, scope="overlap")
    counts: dict[tuple[str, str], int] = {}
    for a, b, count in found.pairs():
        counts[(a, b)] = counts[(b, a)] = count
    meeting = {code for pair in counts for code in pair}
    codes = tuple(code for code in found.codes if code in meeting)
    return Matrix(codes, codes, tuple(tuple(counts.get((a, b), 0) for b in codes) for a in codes))


def _sections(codes: Sequence[Code], placed: Sequence[RetrievedPassage]) -> list[CodePassages]:
    """Per code with passages of its own, those passages (in text order, as placed)."""
    by_code: dict[str, list[RetrievedPassage]] = defaultdict(list)
    for passage in placed:
        for t in passage.tags:
            by_code[t].append(passage)
    return [CodePassages(code, tuple(by_code[code.path])) for code in codes if by_code[code.path]]


def _agreement(
    annotations: Sequence[Annotation], root: str | None, texts: InterviewTexts
) -> tuple[Agreement | None, str]:
    """``gloss agree --coders <everyone>`` over every interview all coders annotated
    whose text can be read as they coded it; (None, why) when there is none."""
    coders = sorted({a.author for a in annotations})
    if len(coders) < 2:
        return None, ""
    scope = find_scope(annotations, coders)
    first: dict[str, Annotation] = {}
    stale: set[str] = set()
    for a in annotations:
        if a.interview in scope.interviews and not a.orphaned:
            first.setdefault(a.interview, a)
            if a.fingerprint != first[a.interview].fingerprint:
                stale.add(a.interview)
    lengths: dict[str, int] = {}
    unread, changed = [], sorted(stale)
    for interview_id in scope.interviews:
        if interview_id in stale:
            continue
        interview = texts.interview_of(first[interview_id])
        if interview is None:
            unread.append(interview_id)
        elif interview.fingerprint != first[interview_id].fingerprint:
            changed.append(interview_id)
        else:
            lengths[interview_id] = len(interview.text)
    left_out = _left_out(scope.skipped, unread, sorted(changed), scope.orphaned)
    if not lengths:
        why = "No agreement: no interview was coded by every coder" + (
            f" ({' '.join(left_out)})" if left_out else "."
        )
        return None, why
    rows = compare(annotations, lengths, coders, tag=root)
    return Agreement(
        coders=tuple(coders),
        rows=tuple(rows),
        interviews=tuple(sorted(lengths)),
        characters=sum(lengths.values()),
        left_out=tuple(left_out),
    ), ""


def _left_out(skipped: Sequence[str], unread: Sequence[str], changed: Sequence[str],
              orphaned: int) -> list[str]:  # fmt: skip
    lines = []
    if skipped:
        lines.append(f"Left out, not coded by every coder: {_listed(skipped)}.")
    if unread:
        lines.append(f"Left out, text not found: {_listed(unread)}.")
    if changed:
        lines.append(
            f"Left out, text changed since it was coded (run 'gloss reanchor'): {_listed(changed)}."
        )
    if orphaned:
        lines.append(f"Left out: {orphaned} orphaned passage{'' if orphaned == 1 else 's'}.")
    return lines


def _listed(ids: Sequence[str], limit: int = 10) -> str:
    shown = ", ".join(ids[:limit])
    return shown + (f" and {len(ids) - limit} more" if len(ids) > limit else "")


def _scope_words(author: str | None, root: str | None) -> str:
    whose = f"Annotations by {author}" if author is not None else "All annotations"
    return whose + (f" coded {root} or a code below it" if root is not None else "")
