"""The people a metadata value names: ``Kwan, David`` is one, ``Kwan, Lee and Park`` three.

Archives write a name surname first (``Interviewer: Kwan, David``), and a list of names
with commas too (``Interviewers: Ann Lee, Bo Park and Cy Ode``), so a comma alone does
not say which. The document does: the name in its natural order elsewhere in it (``This
is David Kwan ...``), the body's labels (``DK:`` is David Kwan's initials; ``KWAN:`` and
``LEE:`` are two people), a serial list's closing ``and``; failing those, the shape of a
catalogue entry (one surname, a comma, a given name or two).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

#: What always separates two people in a value (a comma may not).
_PEOPLE_JOINERS = re.compile(r"\s*(?:;|&|/|\band\b)\s*", re.IGNORECASE)
#: A part after a comma that ends a name rather than starting another (``Smith, John, Jr.``).
_SUFFIX = re.compile(r"(?i)(?:jr|sr|[ivx]+|ph\.?\s?d|m\.?d|esq)\.?")
#: Most words of a given name (``Mary Ann``, ``John F.``) in ``Surname, Given``.
_MAX_GIVEN_WORDS = 3


def people(value: str, speakers: Collection[str], elsewhere: str, others: str = "") -> list[str]:
    """The names ``value`` gives, each in natural order (``David Kwan`` for ``Kwan,
    David``); ``speakers`` are the body's labels, ``elsewhere`` the text outside the
    metadata block, ``others`` the block's other values (who is interviewed)."""
    groups = [group for group in _PEOPLE_JOINERS.split(value) if group.strip()]
    serial = len(groups) > 1 and any("," not in group for group in groups)  # A, B and C
    names: list[str] = []
    for group in groups:
        parts = [part.strip() for part in group.split(",") if part.strip()]
        parts = [part for part in parts if not _SUFFIX.fullmatch(part)] or parts
        if len(parts) == 2 and not serial:
            surname, given = parts
            if _surname_first(surname, given, speakers, elsewhere, others):
                names.append(f"{given} {surname}")
                continue
        names += parts
    return names


def named_speakers(speakers: Collection[str], name: str) -> set[str]:
    """The labels that name the person ``name``: their last words or whole name
    (``KWAN``, ``David Kwan``), or their initials (``DK``)."""
    words = words_of(name)
    if not words:
        return set()
    initials = "".join(word[0] for word in words)
    found = set()
    for speaker in speakers:
        label = words_of(speaker)
        if label and (label == words[-len(label) :] or (len(label) == 1 and label[0] == initials)):
            found.add(speaker)
    return found


def words_of(name: str) -> list[str]:
    """A name's words, case and punctuation aside."""
    return re.sub(r"[^\w\s-]", " ", name.casefold()).split()


def _surname_first(
    surname: str, given: str, speakers: Collection[str], elsewhere: str, others: str
) -> bool:
    """``surname, given`` is one person written surname first, as the document reads."""
    natural = words_of(f"{given} {surname}")
    if natural and _mentioned(natural, elsewhere):
        return True
    # A part that labels someone the block names otherwise (the interviewee) is no asker.
    elsewhere_named = set().union(*(named_speakers(speakers, other) for other in _names_in(others)))
    first = named_speakers(speakers, surname) - elsewhere_named
    second = named_speakers(speakers, given) - elsewhere_named
    if first and second and first != second:
        return False  # two labels, one for each part: two people
    if named_speakers(speakers, " ".join(natural)) - elsewhere_named - first:
        return True  # the whole name's initials label a speaker (DK)
    return len(surname.split()) == 1 and len(given.split()) <= _MAX_GIVEN_WORDS


def _mentioned(words: Sequence[str], text: str) -> bool:
    pattern = r"\b" + r"[\s.,]+".join(map(re.escape, words)) + r"\b"
    return re.search(pattern, text, re.IGNORECASE) is not None


def _names_in(others: str) -> list[str]:
    return [part for part in re.split(r"\s*(?:[,;&/\n]|\band\b)\s*", others) if part]
