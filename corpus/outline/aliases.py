"""One speaker under several labels: ``Governor Kathy Hale``, then ``Governor Hale``, then
``Gov. Hale``.

Transcribers shorten a speaker's label after the first turn, drop a first name or
abbreviate a title. Counted apart, none of the forms might recur, and the answerer of a
press conference would look like three speakers, one of them asking. A label is read as a
shorter form of another when its words match the other's in order, each the same word or
a cut-short one (``Gov.`` of ``Governor``), ending in the same surname; it is taken for
that speaker only when there is one such fuller label (``Smith`` beside ``Tom Smith`` and
``Ann Smith`` stays itself), and when neither speaks right after the other ("Smith"
interviewing "Anna Smith" are two people).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import pairwise


def renamings(labels: Sequence[tuple[str, str, bool]]) -> dict[tuple[str, str], str]:
    """For a document's labels in order, ``(style, name, may be renamed)``: each renamed
    ``(style, name)`` and the fuller name of its style it stands for. Two labels one of
    which speaks right after the other are two people ("Smith" interviewing "Anna Smith"),
    whatever their names."""
    adjacent = {frozenset((a[1], b[1])) for a, b in pairwise(labels)}
    names: dict[str, list[str]] = {}
    for style, name, eligible in labels:
        if eligible:
            names.setdefault(style, []).append(name)
    return {
        (style, short): full
        for style, group in names.items()
        for short, full in aliases(group).items()
        if frozenset((short, full)) not in adjacent
    }


def aliases(names: Iterable[str]) -> dict[str, str]:
    """Each shorter form among ``names`` mapped to the one fuller label it stands for."""
    distinct = sorted(set(names), key=lambda name: (-len(name.split()), name))
    by_surname: dict[str, list[str]] = {}
    for name in distinct:
        by_surname.setdefault(_plain(name.split()[-1]), []).append(name)
    found: dict[str, str] = {}
    for group in by_surname.values():
        if len(group) < 2:
            continue
        for name in group:
            fuller = [other for other in group if other != name and _shorter_form(name, other)]
            # The fullest labels it could stand for: none of them a shorter form of another.
            widest = [
                one
                for one in fuller
                if not any(two != one and _shorter_form(one, two) for two in fuller)
            ]
            if len(widest) == 1:
                found[name] = widest[0]
    return found


def _shorter_form(short: str, full: str) -> bool:
    """``short``'s words are ``full``'s, in order, some left out or cut short (``Gov.``,
    ``J.``), the surname the same; ``Mr.`` is no short ``Mrs.``."""
    words = short.split()
    fuller = [_plain(word) for word in full.split()]
    if len(words) > len(fuller) or _plain(words[-1]) != fuller[-1]:
        return False
    if [_plain(word) for word in words] == fuller:
        return False
    at = 0
    for word in words:
        while at < len(fuller) and not _stands_for(word, fuller[at]):
            at += 1
        if at == len(fuller):
            return False
        at += 1
    return True


def _stands_for(word: str, full: str) -> bool:
    """``word`` is ``full``, or an initial or an abbreviation of it ("Gov." of "Governor")."""
    plain = _plain(word)
    if plain == full:
        return True
    cut = word.endswith(".") or len(plain) == 1
    return cut and full.startswith(plain) and len(full) - len(plain) >= 2


def _plain(word: str) -> str:
    return word.casefold().rstrip(".")
