"""Speaker labels at the start of a paragraph: who asks (``Q:``) and who answers (``A:``).

Transcripts mark turns with a label and a colon, but so do section headings
(``Stabilizing industrial growth: We have the confidence ...``). Interviewer labels and
the fixed answer labels (``A``, ``Answer``) are recognised from closed lists; a free
name label (``Minister Li:``, ``Jin Zhuanglong:``) is only *shape*-checked here (short,
capitalised, name-like) and the outline builder accepts it only where an answer is due,
right after a question. The label is never part of the text it introduces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

#: Capitalised words that look like a name but start other kinds of line.
_NOT_NAMES_WORDS = """
    title headline note notes source sources editor photo caption subject date update
    updated tags keywords abstract summary background contact email tel fax web warning
    attention important appearances present
"""
NOT_NAMES = frozenset(_NOT_NAMES_WORDS.split())
_NAME_PARTICLES = frozenset({"of", "de", "van", "von", "der", "al", "bin", "da", "la"})

_COLON = r"[ \t]*[:：][ \t]*"
#: Interviewer labels: ``Q``/``Question`` (optionally numbered), ``Reporter``,
#: ``Xinhua News Agency reporter``, ``Reporter Zhang Xinxin``, ``Interviewer``, ``Host``
#: ...; or ``Q.``
_ASKER = re.compile(
    r"[ \t]*(?:(?P<label>"
    r"(?:Q|Question|Questions)(?:[ \t]*\d{1,3})?"
    r"|(?:[A-Z][\w.&'’-]*[ \t]+){0,4}"
    r"(?:[Rr]eporters?|[Ii]nterviewer|[Jj]ournalist|[Cc]orrespondent|Host|Moderator)"
    r"(?:[ \t]+[A-Z][\w'’.-]*){0,3}"
    r"|Xinhua|记者|问"
    r")" + _COLON + r"|(?P<dotted>Q)\.[ \t]+)"
)
#: Fixed answer labels; a name-like label may also answer (see :func:`name_label`).
_ANSWERER = re.compile(
    r"[ \t]*(?:(?P<label>(?:A|Answer|Answers)(?:[ \t]*\d{1,3})?|答)"
    + _COLON
    + r"|(?P<dotted>A)\.[ \t]+)"
)
_NAME = re.compile(
    r"[ \t]*(?P<label>[A-Z][\w'’.-]*(?:[ \t]+[\w'’.-]+){0,3}|[\u4e00-\u9fff·]{1,8})" + _COLON
)
#: An answer label inside a question's line: ``Q: Why? A: Because.``
_INLINE_ANSWER = re.compile(r"(?<=[?.!\"”])[ \t]+(?P<label>A|Answer|答)[ \t]*[:：][ \t]*")
_MAX_NAME_CHARS = 40
#: A title-cased label ending in a full stop at an indented paragraph's start, as hearing
#: prints write them ("    Mr. Smith. Thank you."): two to four capitalised words, the
#: last no initial, then a sentence that starts with a capital.
_INDENTED_DOT = re.compile(
    r"(?P<label>[A-Z][\w'’-]*\.?(?:[ ][A-Z][\w'’-]*\.?){0,2}?[ ][A-Z][\w'’-]*[^\W\d_])"
    r"\.[ \t]+(?=[\"“‘'(\[]?[A-Z0-9])"
)
#: No label is longer than this (``Xinhua News Agency reporter Zhang Xinxin:`` is 41).
_LABEL_REACH = 80


class Role(Enum):
    """Who a label speaks for."""

    ASKER = "asker"
    ANSWERER = "answerer"


@dataclass(frozen=True, slots=True)
class Label:
    """A speaker label found at ``start`` of a line; the spoken text begins at ``text_start``."""

    role: Role
    name: str
    start: int
    text_start: int


def may_open_with_label(text: str, start: int, end: int) -> bool:
    """A cheap test before the label patterns: a colon near the start, or ``Q.``/``A.``."""
    reach = min(end, start + _LABEL_REACH)
    return (
        text.find(":", start, reach) >= 0
        or text.find("：", start, reach) >= 0
        or text.startswith(("Q.", "A."), start)
    )


def asker_label(text: str, start: int, end: int) -> Label | None:
    """An interviewer label (``Q:``, ``Reporter:``, ``Q.``) opening ``text[start:end]``."""
    return _label(_ASKER, Role.ASKER, text, start, end)


def answer_label(text: str, start: int, end: int) -> Label | None:
    """A fixed answer label (``A:``, ``Answer:``) opening ``text[start:end]``."""
    return _label(_ANSWERER, Role.ANSWERER, text, start, end)


def name_label(text: str, start: int, end: int) -> Label | None:
    """A name-like label (``Minister Li:``, ``Jin Zhuanglong:``) opening ``text[start:end]``.

    Only the shape is checked: up to four words, each capitalised or a name particle
    (``of``, ``de``), and not a word like ``Title`` or ``Note``.
    """
    found = _label(_NAME, Role.ANSWERER, text, start, end)
    if found is None or len(found.name) > _MAX_NAME_CHARS:
        return None
    words = found.name.split()
    if words[0].lower() in NOT_NAMES:
        return None
    if not all(word[0].isupper() or word in _NAME_PARTICLES for word in words):
        return None
    if words[-1] in _NAME_PARTICLES:
        return None
    return found


def indented_dot_label(text: str, start: int, end: int) -> Label | None:
    """A label like ``Mr. Smith.`` or ``The Chairman.`` opening an indented paragraph.

    ``start`` is the paragraph's first letter; the line must be indented before it (the
    paragraph indent of hearing prints), so a wrapped line of prose ending a sentence
    ("... said\nMr. Smith. He ...") is no candidate. Only the shape is checked here: a
    document must bear the label out by its recurrence.
    """
    if start == 0 or text[start - 1] not in " \t":
        return None
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return None
    return _label(_INDENTED_DOT, Role.ANSWERER, text, start, end)


def inline_answer(text: str, start: int, end: int) -> Label | None:
    """An ``A:``/``Answer:`` label after a question on the same line."""
    if text.find(":", start, end) < 0 and text.find("：", start, end) < 0:
        return None
    match = _INLINE_ANSWER.search(text, start, end)
    if match is None:
        return None
    return Label(Role.ANSWERER, match.group("label"), match.start("label"), match.end())


def _label(pattern: re.Pattern[str], role: Role, text: str, start: int, end: int) -> Label | None:
    match = pattern.match(text, start, end)
    if match is None:
        return None
    group = "label" if match.groupdict().get("label") is not None else "dotted"
    return Label(role, match.group(group), match.start(group), match.end())
