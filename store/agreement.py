"""Inter-coder agreement per tag, counted per character of the whole clean text.

This is how NVivo counts it, and what a team reports: every character of each interview in
scope is one unit, coded or not coded with a tag by each coder, so uncoded text counts as
agreement too. The interviews are pooled (their characters summed) before any statistic
is taken. A tag is its exact path: ``policy`` and ``policy/tax`` are compared separately,
and a passage tagged ``policy/tax`` is not coded ``policy``.

For each tag and each interview, each coder's codings are merged into disjoint intervals
and one sweep over their boundaries counts the characters coded by exactly k coders; the
cost grows with the number of annotations, never with the length of the text.

Cohen's kappa (two coders): ``(po - pe) / (1 - pe)`` with
``pe = pA*pB + (1-pA)*(1-pB)``, the chance that both code a character plus the chance
that neither does (QualCoder multiplies these two terms; that is wrong). Krippendorff's
alpha (nominal, any number of coders) comes from the coincidence matrix of the units;
it equals ``krippendorff.alpha(..., level_of_measurement="nominal")`` on the per-character
data (checked by the tests) without building one unit per character.

When every character is coded alike by everyone (all coders coded none of the text with
the tag, or all of it), chance agreement is 1 and both statistics are 0/0: they are
reported as 1.0, since the coders agree on every character.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from store.model import Annotation
from store.tagpaths import is_within

Interval = tuple[int, int]
"""``[start, end)`` in an interview's clean text."""


@dataclass(frozen=True, slots=True)
class TagAgreement:
    """How far the coders agree on one tag, pooled over the interviews in scope."""

    tag: str
    coders: tuple[str, ...]
    coverage: tuple[float, ...]
    """Per coder (in ``coders`` order), the share of characters they coded with the tag."""
    agreement: float
    """Share of characters on which all coders agree (all coded them, or none did)."""
    kappa: float | None
    """Cohen's kappa for two coders; None for three or more."""
    alpha: float
    """Krippendorff's alpha, nominal, with each character a unit."""
    characters: int
    """Characters pooled: the summed lengths of the interviews' clean texts."""


@dataclass(frozen=True, slots=True)
class Scope:
    """Which interviews an agreement is computed over, and what was left out."""

    interviews: tuple[str, ...]
    """Interview ids pooled, sorted."""
    skipped: tuple[str, ...]
    """Interviews some but not all of the coders annotated (left out unless named)."""
    orphaned: int
    """The coders' annotations left out because their passage was lost (orphaned)."""


def find_scope(
    annotations: Iterable[Annotation], coders: Sequence[str], named: Sequence[str] = ()
) -> Scope:
    """The interviews to pool: those ``named``, else every interview all coders annotated.

    An interview only one coder has annotated so far is more likely unfinished work than
    a text the other coder read and found nothing in, so by default it is left out (and
    listed in ``skipped``); naming it includes it.
    """
    wanted = set(coders)
    coded_by: dict[str, set[str]] = defaultdict(set)
    orphaned = 0
    for annotation in annotations:
        if annotation.author not in wanted:
            continue
        if annotation.orphaned:
            orphaned += 1 if not named or annotation.interview in named else 0
            continue
        coded_by[annotation.interview].add(annotation.author)
    if named:
        return Scope(tuple(sorted(set(named))), (), orphaned)
    pooled = sorted(i for i, who in coded_by.items() if who == wanted)
    skipped = sorted(i for i, who in coded_by.items() if who != wanted)
    return Scope(tuple(pooled), tuple(skipped), orphaned)


def compare(
    annotations: Iterable[Annotation],
    lengths: Mapping[str, int],
    coders: Sequence[str],
    tag: str | None = None,
) -> list[TagAgreement]:
    """Agreement per tag among ``coders`` over the interviews in ``lengths``, by tag path.

    ``lengths`` maps each interview id in scope to the length of its clean text; other
    interviews, other authors and orphaned annotations are ignored. ``tag`` keeps only
    that tag and the tags below it. Every tag any of the coders used is listed, even if
    only one did. Empty list when nothing is in scope.
    """
    if len(coders) < 2 or len(set(coders)) != len(coders):
        raise ValueError(f"agreement needs two or more different coders, got {list(coders)}")
    total = sum(lengths.values())
    if total <= 0:
        return []
    position = {coder: index for index, coder in enumerate(coders)}
    # spans[tag][interview][coder index]
    spans: dict[str, dict[str, list[list[Interval]]]] = defaultdict(dict)
    for annotation in annotations:
        who = position.get(annotation.author)
        length = lengths.get(annotation.interview)
        if who is None or length is None or annotation.orphaned:
            continue
        start, end = max(0, annotation.start), min(length, annotation.end)
        for path in annotation.tags:
            if tag is not None and not is_within(path, tag):
                continue
            per_coder = spans[path].get(annotation.interview)
            if per_coder is None:
                per_coder = spans[path][annotation.interview] = [[] for _ in coders]
            if start < end:
                per_coder[who].append((start, end))
    return [_statistics(path, tuple(coders), spans[path].values(), total) for path in sorted(spans)]


def merged(spans: Iterable[Interval]) -> list[Interval]:
    """The union of ``spans`` as sorted, disjoint, non-touching intervals; empty ones dropped."""
    out: list[Interval] = []
    for start, end in sorted(spans):
        if start >= end:
            continue
        if out and start <= out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def coded_by_count(per_coder: Sequence[Sequence[Interval]]) -> list[int]:
    """``counts[k]``: characters inside exactly k of the coders' interval lists, k >= 1.

    Each coder's list must be :func:`merged`. ``counts[0]`` is left 0: the characters
    nobody coded are the text's length minus the rest, which only the caller knows.
    """
    events = sorted(
        (at, step)
        for spans in per_coder
        for start, end in spans
        for at, step in ((start, 1), (end, -1))
    )
    counts = [0] * (len(per_coder) + 1)
    depth, last = 0, 0
    for at, step in events:
        if depth:
            counts[depth] += at - last
        depth, last = depth + step, at
    return counts


def _statistics(
    tag: str, coders: tuple[str, ...], interviews: Iterable[list[list[Interval]]], total: int
) -> TagAgreement:
    coders_count = len(coders)
    coded = [0] * coders_count
    counts = [0] * (coders_count + 1)
    for raw in interviews:
        per_coder = [merged(spans) for spans in raw]
        for index, spans in enumerate(per_coder):
            coded[index] += sum(end - start for start, end in spans)
        for k, chars in enumerate(coded_by_count(per_coder)):
            counts[k] += chars
    counts[0] = total - sum(counts[1:])
    agreed = counts[0] + counts[coders_count]
    return TagAgreement(
        tag=tag,
        coders=coders,
        coverage=tuple(chars / total for chars in coded),
        agreement=agreed / total,
        kappa=cohen_kappa(coded[0], coded[1], agreed, total) if coders_count == 2 else None,
        alpha=nominal_alpha(counts),
        characters=total,
    )


def cohen_kappa(coded_a: int, coded_b: int, agreed: int, total: int) -> float:
    """Cohen's kappa of two binary codings of ``total`` units from their counts.

    ``coded_a``/``coded_b``: units each coder coded; ``agreed``: units both coded or both
    left. Worked in integers (scaled by ``total**2``) so that only the last step rounds.
    1.0 when chance agreement is 1 (both coded nothing, or both everything).
    """
    observed = agreed * total
    chance = coded_a * coded_b + (total - coded_a) * (total - coded_b)
    if chance == total * total:
        return 1.0
    return (observed - chance) / (total * total - chance)


def nominal_alpha(counts: Sequence[int]) -> float:
    """Krippendorff's alpha (nominal) of binary codings from ``counts[k]``, the units that
    exactly k of ``len(counts) - 1`` coders coded (each coder codes every unit).

    ``alpha = 1 - (n - 1) * o01 / (n0 * n1)``: ``o01`` is the coincidence count of a 0
    with a 1 (a unit with k ones among m values adds ``k * (m - k) / (m - 1)``), ``n0`` and
    ``n1`` the pairable values of each kind, ``n`` all of them. 1.0 with no variation.
    """
    m = len(counts) - 1
    ones = sum(k * units for k, units in enumerate(counts))
    zeros = sum((m - k) * units for k, units in enumerate(counts))
    if ones == 0 or zeros == 0:
        return 1.0
    # o01 * (m - 1), kept in integers until the division.
    mixed = sum(k * (m - k) * units for k, units in enumerate(counts))
    return 1.0 - (ones + zeros - 1) * mixed / ((m - 1) * zeros * ones)
