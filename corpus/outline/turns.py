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

Only where speakers are is decided here; who asks is :mod:`corpus.outline.askers`. The
label-shaped starts weighed here are found by :mod:`corpus.outline.label_candidates`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from corpus.outline.aliases import renamings
from corpus.outline.between import ESTABLISHED as _ESTABLISHED
from corpus.outline.between import between_turns
from corpus.outline.label_candidates import LabelCandidate, label_candidates
from corpus.outline.labels import NOT_NAMES, Role
from corpus.outline.name_lines import MAX_NAME_WORDS
from corpus.outline.restated import restated_starts

#: "Mr.", "Mrs.", "Dr.": a short capitalised word cut off by a full stop.
_ABBREVIATED_TITLE = re.compile(r"[A-Z][a-z]{0,3}\.")


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


def find_labels(text: str) -> dict[int, SpeakerLabel]:
    """Every speaker label of ``text`` the document bears out, by where it starts."""
    candidates = label_candidates(text)
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


def _one_name_a_speaker(candidates: list[LabelCandidate]) -> list[LabelCandidate]:
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


def _long_label_tails(candidates: list[LabelCandidate]) -> list[tuple[str, str]]:
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
    candidate: LabelCandidate,
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
