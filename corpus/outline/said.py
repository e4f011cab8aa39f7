"""What a turn says, as the who-asks and which-are-questions rules read it.

Both rules look at the same things: who speaks, their words, the sentences of a turn and
whether a sentence puts something to the other side (a question mark, or a request such
as "Tell us about ..." or "I wonder if you can explain ..."). Kept here so that the two
rules read a turn the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.outline.labels import Role

QUESTION_MARKS = ("?", "？")
#: How much of a long turn's start and end is read for requests.
_EDGE = 400
_SENTENCE_END = re.compile(r"(?<=[.!?。？！])[\"”’)]*\s+")
#: Words after whose full stop a sentence goes on ("Mr. President").
_ABBREVIATIONS = frozenset(
    [
        "mr.",
        "mrs.",
        "ms.",
        "dr.",
        "st.",
        "jr.",
        "sr.",
        "prof.",
        "gen.",
        "sen.",
        "rep.",
        "gov.",
        "lt.",
        "col.",
        "no.",
        "vs.",
        "etc.",
        "inc.",
        "co.",
    ]
)
#: A request: its words, each opening with a plain letter ...
_REQUEST_WORDS = (
    "tell",
    "talk",
    "describe",
    "explain",
    "walk",
    "share",
    "remind",
    "please (?:could|can|would) you",
    "could you",
    "can you",
    "would you",
    "let'?s (?:talk|go back|turn|start|move|begin)",
    "i(?:'d| would) (?:like|love) (?:to (?:ask|know|hear)|you to)",
    "i (?:want|wanted) to (?:ask|know|hear)",
    "i wonder",
)
#: ... found as whole words; the lookahead (the words' first letters) lets the scan pass
#: over a word that opens with any other letter at once.
_REQUEST_LETTERS = "".join(sorted({words[0] for words in _REQUEST_WORDS}))
_REQUEST = re.compile(rf"(?i)\b(?=[{_REQUEST_LETTERS}])(?:{'|'.join(_REQUEST_WORDS)})\b")
#: ... where a request starts: a sentence's or clause's start, or after "and", "please" ...
_REQUEST_LEAD = re.compile(
    r"(?i)(?:^|[.!?][\"”’)]*\s+|[,;:]\s+|"
    r"\b(?:and|so|now|but|then|please|could you|can you|would you|will you|maybe)\s+)\Z"
)


@dataclass(frozen=True, slots=True)
class Said:
    """One turn: who speaks (empty for unlabelled talk), what they say, the label's role."""

    speaker: str
    text: str
    role: Role | None = None


def sentences(text: str) -> list[str]:
    """The sentences of ``text``, not cut after ``Mr.`` or an initial."""
    pieces: list[str] = []
    for piece in _SENTENCE_END.split(text.strip()):
        if pieces and _abbreviated(pieces[-1]):
            pieces[-1] = f"{pieces[-1]} {piece}"
        elif piece:
            pieces.append(piece)
    return [piece for piece in pieces if any(map(str.isalnum, piece))]


def count_sentences(text: str) -> int:
    """About how many sentences ``text`` holds (abbreviations aside), cheaply."""
    return len(_SENTENCE_END.findall(text)) + 1 if text.strip() else 0


def count_asking(text: str) -> int:
    """About how many sentences of ``text`` put a question: its question marks and requests."""
    marks = sum(text.count(mark) for mark in QUESTION_MARKS)
    if len(text) <= 2 * _EDGE:
        return marks + _requests(text)
    # A request opens or closes a turn ("Tell us about ..."); the middle of a long answer
    # is not read for them (it would cost most of the time on a long transcript).
    return marks + _requests(text[:_EDGE]) + _requests(text[-_EDGE:])


def _abbreviated(piece: str) -> bool:
    words = piece[-8:].split()
    last = words[-1] if words else ""
    return last.casefold() in _ABBREVIATIONS or (len(last) == 2 and last[0].isupper())


def has_question_mark(text: str) -> bool:
    return any(mark in text for mark in QUESTION_MARKS)


def puts_question(sentence: str) -> bool:
    """A sentence that asks: a question mark, or a request to tell, explain, describe."""
    return has_question_mark(sentence) or _requests(sentence) > 0


def makes_request(sentence: str) -> bool:
    """A sentence that asks without a question mark's help: "Tell us ...", "Could you ..."."""
    return _requests(sentence) > 0


def _requests(text: str) -> int:
    """How many requests ``text`` makes ("Tell us ...", "Could you ...", "I wonder ...")."""
    return sum(
        1
        for match in _REQUEST.finditer(text)
        if _REQUEST_LEAD.search(text, max(0, match.start() - 24), match.start())
    )
