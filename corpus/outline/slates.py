"""An oral history's slate: the interviewer's words for the record at a session's start.

"This is an interview with Jane Doe on May 12, 1998, in Dickinson, Texas. Interview by
John Roe ...", "Today is August 3rd, 2015. This oral history session is being conducted
with Dr. Doe ...": the session's first turn says who is interviewed, by whom, where and
when. It introduces the session to whoever listens later; the interviewee is not asked
anything, and the reply goes on with the talk (or opens mid-answer where the transcript
was cut). The document shows it: the turn opens a session, speaks of the one who replies
in the third person, by the name their label gives, and names the asker or the year; what
it may put to the interviewee is a check ("if you're ready, Jane?", "okay?") the reply
does not take up. A slate that goes on to ask ("... how did you first begin?", "Tell us
about ...") is a question.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from corpus.outline.said import Said, makes_request, puts_question, sentences

_TOKEN = re.compile(r"[\w'’-]+")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
#: Words that open a question asking for more than yes or no.
_INTERROGATIVES = frozenset(
    ["what", "which", "who", "whom", "whose", "when", "where", "why", "how"]
)
#: A word shorter than this says nothing a reply could take up ("the", "you're" aside).
_CONTENT_LETTERS = 4
#: How much of the reply is read for what it takes up.
_REPLY_SENTENCES = 2


def slates(turns: Sequence[Said], askers: Collection[str], openings: Collection[int]) -> set[int]:
    """Which turns of ``turns`` that open a session (``openings``) are slates."""
    return {
        index
        for index in openings
        if index + 1 < len(turns)
        and turns[index].speaker in askers
        and _slate(turns, index, askers)
    }


def _slate(turns: Sequence[Said], index: int, askers: Collection[str]) -> bool:
    turn, reply = turns[index], turns[index + 1]
    if not reply.speaker or reply.speaker in askers:
        return False
    words = _TOKEN.findall(turn.text)
    if not (
        _named(reply.speaker, words) and (_named(turn.speaker, words) or _YEAR.search(turn.text))
    ):
        return False
    asking = [part for part in sentences(turn.text) if puts_question(part)]
    return not any(_asks_for_more(part) for part in asking) and not _taken_up(asking, reply.text)


def _named(label: str, words: list[str]) -> bool:
    """A word of the speaker's label stands capitalised in ``words`` ("Johnson" for
    ``Johnson``, "Shepard" for ``SHEPARD``); a one-letter label (``Q``) names no one."""
    names = {word.casefold() for word in _TOKEN.findall(label) if len(word) > 1}
    return any(word[0].isupper() and word.casefold() in names for word in words)


def _asks_for_more(sentence: str) -> bool:
    """A request ("Tell us about ...") or a question with an interrogative word."""
    return makes_request(sentence) or any(
        word.casefold() in _INTERROGATIVES for word in _TOKEN.findall(sentence)
    )


def _taken_up(asking: list[str], reply: str) -> bool:
    """The reply's first sentences repeat a word of what the turn asks."""
    asked = {_content(word) for part in asking for word in _TOKEN.findall(part)} - {""}
    said = " ".join(sentences(reply[:600])[:_REPLY_SENTENCES])
    return bool(asked & {_content(word) for word in _TOKEN.findall(said)})


def _content(word: str) -> str:
    return (
        word.casefold()
        if len(word) >= _CONTENT_LETTERS and "'" not in word and "’" not in word
        else ""
    )
