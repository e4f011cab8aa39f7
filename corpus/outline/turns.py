"""Speaker labels read from the document itself: its labelling convention and its speakers.

Transcripts mark turns in many ways: ``Q:``/``A:``, ``Jane Doe:``, ``MS. PSAKI:``, ``COLBY
SMITH.``, a hearing print's indented ``Mr. Smith.``, ``Q`` and spaces, Markdown ``**Jane
Doe:**``, a handle ``jdoe:``, a name alone on its line above the turn (a heading line, a
reporter's outlet after it: :mod:`corpus.outline.name_lines`), with a timestamp before or
after the name or alone on the line above it. A label-shaped start of a line is believed
when the document bears its convention out: the same name labels two lines or more, or its
style (bold, capitals and a full stop, a name alone on its line) already labels two
recurring speakers, so a press conference's reporters, who each speak once, are speakers
too. A joint label (``SK/EH:``) is believed when each of its names labels turns of its
own. Fixed role labels (``Q:``, ``Answer:``, ``Reporter:``) need no such support. A long
first label ("President of the X Broadcasting Company Jane Doe:") is the speaker its last
words name when a shorter label for them recurs, and a label shortened after the first
turn ("Gov. Hale") the fuller one's (:mod:`corpus.outline.aliases`). Labels inside a line
(a transcript flattened from a PDF) are found for capitalised names that label two turns
or more.

Only where speakers are is decided here; who asks is :mod:`corpus.outline.askers`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace

from corpus.outline.aliases import renamings
from corpus.outline.between import ESTABLISHED as _ESTABLISHED
from corpus.outline.between import between_turns
from corpus.outline.labels import (
    NOT_NAMES,
    Role,
    answer_label,
    asker_label,
    indented_dot_label,
)
from corpus.outline.name_lines import LEAD, MAX_NAME_WORDS, NAME, name_like, name_line
from corpus.outline.restated import restated_starts
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
#: "Mr.", "Mrs.", "Dr.": a short capitalised word cut off by a full stop.
_ABBREVIATED_TITLE = re.compile(r"[A-Z][a-z]{0,3}\.")

#: No label (with its timestamps and markup) reaches further into its line than this.
_LABEL_REACH = 160


@dataclass(frozen=True, slots=True)
class SpeakerLabel:
    """A speaker's label at ``start``; the spoken text begins at ``text_start``."""

    speaker: str
    """Who speaks: the label as written, markup and colon dropped (a long label resolved
    to the short name the document uses for the same speaker)."""
    start: int
    text_start: int
    role: Role | None = None
    """ASKER or ANSWERER for the fixed role labels (``Q:``, ``Answer:``); else None."""


@dataclass(frozen=True, slots=True)
class _Candidate:
    style: str
    name: str
    start: int
    text_start: int
    role: Role | None = None
    inline: bool = False


def find_labels(text: str) -> dict[int, SpeakerLabel]:
    """Every speaker label of ``text`` the document bears out, by where it starts."""
    candidates = list(_candidates(text))
    dropped = restated_starts(text, [(c.start, c.name) for c in candidates if not c.inline])
    candidates = _one_name_a_speaker([c for c in candidates if c.start not in dropped])
    if not candidates:
        return {}
    counts = Counter((c.style, c.name) for c in candidates)
    counts.update(_long_label_tails(candidates))
    established = Counter(style for (style, _), count in counts.items() if count >= 2)
    # The first words of recurring labels ("Mr.", "Senator"): a style's title words.
    leads = {(style, name.split()[0]) for (style, name), count in counts.items() if count >= 2}
    between = between_turns(text, candidates, counts, established)
    for style in {c.style for c in between}:
        established[style] = max(established[style], _ESTABLISHED)
    accepted: dict[int, SpeakerLabel] = {}
    known = {
        c.name.casefold(): c.name
        for c in candidates
        if (c.role is not None or counts[(c.style, c.name)] >= 2)
        and len(c.name.split()) <= MAX_NAME_WORDS
        and c.style != "inline name"
    }
    for candidate in candidates:
        speaker = (
            candidate.name
            if candidate in between
            else _believed(candidate, counts, established, known, leads)
        )
        if speaker is not None:
            accepted[candidate.start] = SpeakerLabel(
                speaker, candidate.start, candidate.text_start, candidate.role
            )
    return accepted


def _one_name_a_speaker(candidates: list[_Candidate]) -> list[_Candidate]:
    """Labels that shorten another label of their style renamed to it (aliases)."""
    may = [
        c.role is None and not c.inline and len(c.name.split()) <= MAX_NAME_WORDS
        for c in candidates
    ]
    renamed = renamings([(c.style, c.name, ok) for c, ok in zip(candidates, may, strict=True)])
    return [
        replace(c, name=renamed[(c.style, c.name)]) if (c.style, c.name) in renamed else c
        for c in candidates
    ]


def _long_label_tails(candidates: list[_Candidate]) -> list[tuple[str, str]]:
    """A long label ("President of the X Company Jane Doe") counts as one more use of the
    short label its last words are ("Jane Doe"), so the two together make it recur."""
    short = {
        (c.style, c.name.casefold()): c.name
        for c in candidates
        if len(c.name.split()) <= MAX_NAME_WORDS
    }
    tails = []
    for c in candidates:
        words = c.name.split()
        if len(words) <= MAX_NAME_WORDS:
            continue
        for size in (3, 2, 1):
            name = short.get((c.style, " ".join(words[-size:]).casefold()))
            if name is not None:
                tails.append((c.style, name))
                break
    return tails


def inline_starts(labels: dict[int, SpeakerLabel], text: str) -> list[int]:
    """Labels that start inside a line (after other words), where a paragraph must split."""
    return sorted(start for start in labels if _after_words(text, start))


def _after_words(text: str, start: int) -> bool:
    """Words stand before ``start`` on its line: read back over the spaces before it only
    (a transcript on one line would be read back to its start for each label)."""
    at = start - 1
    while at >= 0 and text[at] != "\n" and text[at].isspace():
        at -= 1
    return at >= 0 and text[at] != "\n"


def _believed(
    candidate: _Candidate,
    counts: Counter[tuple[str, str]],
    established: Counter[str],
    known: dict[str, str],
    leads: set[tuple[str, str]],
) -> str | None:
    """The speaker ``candidate`` names, if the document bears its label out."""
    name, style = candidate.name, candidate.style
    if candidate.role is not None:
        return name
    if style in ("inline", "inline name"):
        return known.get(name.casefold())
    if style == "joint":  # "SK/EH:": each part must already label turns of its own
        parts = [part.strip().casefold() for part in name.split("/")]
        return name if all(part in known for part in parts) else None
    if style == "colon" and known.get(name.casefold()) == name:
        # Said once at a line's start, but the name labels turns elsewhere (a transcript
        # flattened onto one line: its first label opens the line, the rest are inline).
        return name
    words = name.split()
    if len(words) > MAX_NAME_WORDS:
        return _short(name, known) if style in ("colon", "bold") else None
    recurs = counts[(style, name)] >= 2
    # Capitals at a line's start are rarely prose: one recurring name settles their style.
    settled = established[style] >= (1 if name.isupper() and style != "alone" else _ESTABLISHED)
    if style == "handle":
        return name if recurs and settled and name not in NOT_NAMES else None
    if style == "caps handle":
        return name if recurs and name not in NOT_NAMES else None
    if style == "alone":
        return name if settled and (recurs or name.isupper()) else None
    if style == "indent dot":
        # Prose may open a paragraph with "New York." once: a one-off label needs the
        # title word of the style's recurring labels ("Mr. Paul." beside "Mr. Smith.") or
        # an abbreviated title ("Mrs. Lee.").
        titled = (style, words[0]) in leads or _ABBREVIATED_TITLE.fullmatch(words[0])
        return name if recurs or (settled and titled) else None
    if recurs:
        return name
    if not settled:
        return None
    if style == "colon":
        return name if name.isupper() or len(words) >= 2 else None
    return name  # bold, a capitals-and-full-stop name, a letter


def _short(name: str, known: dict[str, str]) -> str | None:
    """A long label's speaker: the recurring name its last words are."""
    words = name.split()
    for size in (3, 2, 1):
        tail = " ".join(words[-size:]).casefold()
        if len(words) > size and tail in known:
            return known[tail]
    return None


# ------------------------------------------------------------------- candidates


def _candidates(text: str) -> list[_Candidate]:
    """Label-shaped starts of lines (and all-caps labels inside long lines), in order."""
    lines = [match.span(1) for match in _LINE.finditer(text)]
    found: list[_Candidate] = []
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


def _line_candidate(text: str, start: int, end: int) -> _Candidate | None:
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
        return _Candidate(
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
                return _Candidate(
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
        return _Candidate("dot", name, _label_start(text, match), _after(text, match.end(), end))
    match = _HANDLE.match(text, start, end)
    if match is not None:
        # Captions in capitals leave lower case to their labels ("man: HI. I WANNA ...").
        said = text[match.end() : min(end, match.end() + 40)]
        style = "handle" if any(c.islower() for c in said) else "caps handle"
        return _Candidate(style, match.group("name"), match.start("name"), match.end())
    return _indented(text, start, end)


def _indented(text: str, start: int, end: int) -> _Candidate | None:
    """A title-cased label and a full stop opening an indented paragraph: "Mr. Smith."."""
    if not text[start].isupper() or not any(c.islower() for c in text[start:end]):
        return None  # a line all in capitals is a title ("STATEMENT OF DR. JANE ROE, ...")
    label = indented_dot_label(text, start, end)
    if label is None or not name_like(label.name):
        return None
    return _Candidate("indent dot", label.name, label.start, _after(text, label.text_start, end))


def _alone(text: str, start: int, end: int) -> _Candidate | None:
    """A name alone on its line (its turn in the next paragraph), with an outlet or a
    time perhaps; one ending in a colon is of the colon labels' style."""
    found = name_line(text, start, end)
    if found is None or (not found.colon and _runs_on(text, end)):
        return None
    return _Candidate("colon" if found.colon else "alone", found.name, start, end)


def _runs_on(text: str, end: int) -> bool:
    """The words after the line ending at ``end`` open in lower case: the line is a
    sentence broken across lines ("Depending" / "on the data."), as a recogniser's cues
    break it, not a speaker's name over their turn."""
    after = _NEXT_WORD.search(text, end)
    return after is not None and after.group().islower()


def _inline(text: str, start: int, end: int) -> Iterator[_Candidate]:
    """Labels inside a line: capitals anywhere ("... 1998 NEAL: This is ..."), or a name
    after a sentence's end ("Yes. Sauer: Or ..."), believed only for known speakers."""
    found: dict[int, _Candidate] = {}
    for match in _INLINE_NAME.finditer(text, start, end):
        name = " ".join(match.group("name").split())
        at = match.start("name")
        found[at] = _Candidate("inline name", name, at, _after(text, match.end(), end), inline=True)
    for match in _INLINE.finditer(text, start, end):
        name = " ".join(match.group("name").split())
        if _caps_name(name) and name.split()[0].lower() not in NOT_NAMES:
            at = match.start("name")
            found[at] = _Candidate("inline", name, at, _after(text, match.end(), end), inline=True)
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
