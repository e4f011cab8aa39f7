"""Label-shaped starts of lines: every place a speaker's label may be, before belief.

A transcript's labels take many shapes (``Q:``, ``Jane Doe:``, ``MS. PSAKI:``, ``COLBY
SMITH.``, a hearing print's indented ``Mr. Smith.``, ``Q`` and spaces, Markdown ``**Jane
Doe:**``, a handle ``jdoe:``, a name alone on its line, labels inside a flattened line).
Finding the shapes is kept apart from deciding which the document bears out
(:mod:`corpus.outline.turns`): here each line is read for the shape of its start (the
lines beside it only where a name or a time stands alone) and each candidate keeps its
style, so the rules of belief there can count a style's uses across the document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from corpus.outline.between import ESTABLISHED as _ESTABLISHED
from corpus.outline.labels import (
    NOT_NAMES,
    Role,
    answer_label,
    asker_label,
    indented_dot_label,
)
from corpus.outline.name_lines import LEAD, NAME, name_like, name_line
from corpus.times import BRACKETED, TIME, TIME_ONLY, TS

#: The first letter of the words after a line (quotes and brackets before it skipped).
_NEXT_WORD = re.compile(r"[^\W\d_]")
_TRAIL = re.compile(rf"[^\S\n]*(?:{TS}[^\S\n]*)?")


_BOLD = re.compile(
    rf"[^\S\n]*{LEAD}\*\*(?P<name>[^*\n:]{{1,80}}?)[^\S\n]*(?::[^\S\n]*\*\*|\*\*[^\S\n]*:)"
)
_COLON = re.compile(
    rf"[^\S\n]*{LEAD}(?P<name>{NAME})(?:[^\S\n]*(?:{BRACKETED}|\({TIME}\)))?[^\S\n]*[:：](?=\s|$)"
)
#: Titles before a surname in capitals, as hearing records write them: "Mr. JONES.".
_TITLES = (
    "Mr.",
    "Ms.",
    "Mrs.",
    "Dr.",
    "Chairman",
    "Chairwoman",
    "Senator",
    "Secretary",
    "General",
    "Admiral",
    "Judge",
    "Governor",
    "Representative",
)
_DOT = re.compile(
    r"[^\S\n]*(?P<name>(?:(?:Mr|Ms|Mrs|Dr)\.[^\S\n]+|(?:Chairman|Chairwoman|Senator|Secretary|"
    r"General|Admiral|Judge|Governor|Representative)[^\S\n]+)?"
    r"(?P<caps>[A-Z][A-Z'’-]+\.?(?:[^\S\n]+[A-Z][A-Z'’.-]*){0,5}?))\.[^\S\n]+(?=\S)"
)
#: Two or more speakers answering together: "SK/EH:" (each part a known speaker's label).
_JOINT = re.compile(
    rf"[^\S\n]*{LEAD}(?P<name>{NAME}(?:[^\S\n]*/[^\S\n]*{NAME}){{1,3}})[^\S\n]*[:：](?=\s|$)"
)
_LETTER = re.compile(r"[^\S\n]*(?P<name>[QA])(?:[^\S\n]{2,}|\t)(?=\S)")
_HANDLE = re.compile(r"[^\S\n]*(?P<name>[a-z][a-z0-9_.-]{1,30})[^\S\n]*:[^\S\n]+(?=\S)")
_INLINE = re.compile(
    r"(?<=\s)(?P<name>[A-Z][A-Z.'’-]*[A-Z](?:[^\S\n]+[A-Z][A-Z.'’-]*){0,3})[^\S\n]*:[^\S\n]+(?=\S)"
)
#: A known speaker's name after the end of a sentence, inside a line: "Yes. Sauer: Or ...".
_INLINE_NAME = re.compile(
    r"[.!?…][\"”’)]*[^\S\n]+(?P<name>[A-Z][\w'’-]*(?:[^\S\n]+[A-Z][\w'’-]*){0,2})[^\S\n]*:"
    r"(?:[^\S\n]+(?=\S)|(?=\.\.\.|…))"  # "DiBona:...version": a trailing-off resumed
)
#: The colon that ends a label: a space or the line's end after it.
_COLON_BEFORE_WORDS = re.compile(r"[:：](?=\s|$)")
#: The colon of a label inside a line, words after it (not a time's: "00:01:02").
_SPOKEN_COLON = re.compile(r":(?:[^\S\n]|\.\.\.|…)")
_LINE = re.compile(r"(?m)^[^\S\n]*(\S(?:[^\n]*\S)?)")

#: No label (with its timestamps and markup) reaches further into its line than this.
_LABEL_REACH = 160


@dataclass(frozen=True, slots=True)
class LabelCandidate:
    """A label-shaped start in one style ("colon", "bold", "alone", "inline", ...)."""

    style: str
    name: str
    start: int
    text_start: int
    role: Role | None = None
    inline: bool = False


def label_candidates(text: str) -> list[LabelCandidate]:
    """Label-shaped starts of lines (and all-caps labels inside long lines), in order."""
    lines = [match.span(1) for match in _LINE.finditer(text)]
    found: list[LabelCandidate] = []
    timed: dict[int, int] = {}
    for index, (start, end) in enumerate(lines):
        candidate = _line_candidate(text, start, end)
        if candidate is None and index + 1 < len(lines):
            candidate = _alone(text, start, end)
        if candidate is not None:
            above = lines[index - 1] if index else (0, 0)
            if candidate.text_start >= end and TIME_ONLY.fullmatch(text, *above):
                timed[len(found)] = above[0]
            found.append(candidate)
        inside = candidate.text_start if candidate is not None else start + 1
        if text.find(":", inside, end) > 0 and _SPOKEN_COLON.search(text, inside, end):
            found.extend(_inline(text, inside, end))
    # A time alone on the line above labels alone on theirs is theirs ("00:12:03" over
    # "Jane Doe") where the document does so twice or more; once, it is a stage note.
    if len(timed) >= _ESTABLISHED:
        for at, start in timed.items():
            found[at] = replace(found[at], start=start)
    return found


def _line_candidate(text: str, start: int, end: int) -> LabelCandidate | None:
    reach = min(end, start + _LABEL_REACH)
    if (
        text.find(":", start, reach) < 0
        and text.find("：", start, reach) < 0
        and text[start] not in "QA*"
        and not text[start : start + 2].isupper()
        and not text.startswith(_TITLES, start)
    ):
        # no label of any style can open this line (most lines of prose) but a hearing
        # print's "    Mr. Smith." or "    The Chairman."
        return _indented(text, start, end)
    role = asker_label(text, start, end) or answer_label(text, start, end)
    if role is not None:
        return LabelCandidate(
            "role", role.name, role.start, _after(text, role.text_start, end), role.role
        )
    # "Name:" and "SK/EH:" end in a colon before a space: without one, neither is tried
    # (a caption line's "00:01:02 Well, ..." has colons inside its time only).
    colon_ends = _COLON_BEFORE_WORDS.search(text, start, end) is not None
    for style, pattern in (
        ("bold", _BOLD),
        ("letter", _LETTER),
        *((("colon", _COLON), ("joint", _JOINT)) if colon_ends else ()),
    ):
        match = pattern.match(text, start, end)
        if match is not None:
            name = " ".join(match.group("name").split())
            if style in ("letter", "joint") or name_like(name):
                return LabelCandidate(
                    style, name, _label_start(text, match), _after(text, match.end(), end)
                )
    match = _DOT.match(text, start, end)
    # Words in lower case follow a speaker's label; a heading in capitals has none.
    if (
        match is not None
        and _caps_name(match.group("caps"))
        and any(ch.islower() for ch in text[match.end() : end])
    ):
        name = " ".join(match.group("name").split())
        return LabelCandidate(
            "dot", name, _label_start(text, match), _after(text, match.end(), end)
        )
    match = _HANDLE.match(text, start, end)
    if match is not None:
        # Captions in capitals leave lower case to their labels ("man: HI. I WANNA ...").
        said = text[match.end() : min(end, match.end() + 40)]
        style = "handle" if any(c.islower() for c in said) else "caps handle"
        return LabelCandidate(style, match.group("name"), match.start("name"), match.end())
    return _indented(text, start, end)


def _indented(text: str, start: int, end: int) -> LabelCandidate | None:
    """A title-cased label and a full stop opening an indented paragraph: "Mr. Smith."."""
    if not text[start].isupper() or not any(c.islower() for c in text[start:end]):
        return None  # a line all in capitals is a title ("STATEMENT OF DR. JANE ROE, ...")
    label = indented_dot_label(text, start, end)
    if label is None or not name_like(label.name):
        return None
    return LabelCandidate(
        "indent dot", label.name, label.start, _after(text, label.text_start, end)
    )


def _alone(text: str, start: int, end: int) -> LabelCandidate | None:
    """A name alone on its line (its turn in the next paragraph), with an outlet or a
    time perhaps; one ending in a colon is of the colon labels' style."""
    found = name_line(text, start, end)
    if found is None or (not found.colon and _runs_on(text, end)):
        return None
    return LabelCandidate("colon" if found.colon else "alone", found.name, start, end)


def _runs_on(text: str, end: int) -> bool:
    """The words after the line ending at ``end`` open in lower case: the line is a
    sentence broken across lines ("Depending" / "on the data."), as a recogniser's cues
    break it, not a speaker's name over their turn."""
    after = _NEXT_WORD.search(text, end)
    return after is not None and after.group().islower()


def _inline(text: str, start: int, end: int) -> Iterator[LabelCandidate]:
    """Labels inside a line: capitals anywhere ("... 1998 NEAL: This is ..."), or a name
    after a sentence's end ("Yes. Sauer: Or ..."), believed only for known speakers."""
    found: dict[int, LabelCandidate] = {}
    for match in _INLINE_NAME.finditer(text, start, end):
        name = " ".join(match.group("name").split())
        at = match.start("name")
        found[at] = LabelCandidate(
            "inline name", name, at, _after(text, match.end(), end), inline=True
        )
    for match in _INLINE.finditer(text, start, end):
        name = " ".join(match.group("name").split())
        if _caps_name(name) and name.split()[0].lower() not in NOT_NAMES:
            at = match.start("name")
            found[at] = LabelCandidate(
                "inline", name, at, _after(text, match.end(), end), inline=True
            )
    yield from (found[at] for at in sorted(found))


def _label_start(text: str, match: re.Match[str]) -> int:
    """Where a label starts: its leading timestamp or markup, spaces skipped."""
    start = match.start()
    while text[start].isspace():
        start += 1
    return start


def _after(text: str, position: int, end: int) -> int:
    """Where the spoken text starts: spaces and a timestamp after the label skipped."""
    match = _TRAIL.match(text, position, end)
    return match.end() if match else position


def _caps_name(name: str) -> bool:
    letters = [ch for ch in name if ch.isalpha()]
    return len(letters) >= 2 and name.isupper() and name.split()[0].lower() not in NOT_NAMES
