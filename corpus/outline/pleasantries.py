"""Thanks and greetings: "Thank you, Mr. President.", "How are you?", "Thanks for having me."

A turn of pleasantries alone is no question, and a reply that opens with thanks shows the
turn before it was an introduction or thanks, not something put to the interviewee. The
words are the small closed set every conversation uses to greet and thank.
"""

from __future__ import annotations

import re

from corpus.outline.backchannel import backchannel
from corpus.outline.said import sentences
from corpus.outline.turn_text import STAGE_NOTE, WORD, TurnText

#: An address before the words: "Mr. President, ...", "Alan, ...", "Well, ...".
_VOCATIVE = r"(?:(?:(?i:well|oh|and|so|okay|ok|yes|yeah|hey|hi|great)|[A-Z][\w.'’-]*)[ ,]+){0,3}"
_PLEASANTRY = re.compile(
    rf"{_VOCATIVE}(?i:thanks?\b|thank you|many thanks|much appreciated|"
    r"(?:we|i)(?: really| certainly| truly| do)? appreciate|appreciate it|"
    r"good (?:morning|afternoon|evening|night|day)|hi\b|hello|hey\b|welcome|"
    r"(?:it's |it is |it was |it's been |so |very )?"
    r"(?:great|good|nice|lovely) (?:to|seeing|having)|"
    r"(?:my |a |it's been a |it was a )?pleasure|how are you|how's it going|happy \w+day|"
    r"(?:(?:i'm|i am|we're|we are|so|really|very) )*"
    r"(?:happy|glad|excited|thrilled|delighted|honou?red) to be (?:here|on|back|with)|"
    r"(?:it's |it is )?(?:an|a real) honou?r|"
    r"enjoy\b|congratulations|cheers|bye|goodbye|take care)"
)
_GRATITUDE = re.compile(
    r"(?i)\b(?:thank|thanks|appreciate|grateful|pleasure|congratulat\w*|hats off)\b"
)
#: Thanks and greetings alone never run longer than this (characters).
PLEASANTRIES_CHARS = 600
#: A sentence of thanks or congratulations is at most this many words.
_LONG_THANKS = 25


def pleasantries_only(said: TurnText) -> bool:
    """Thanks and greetings, nothing else but back-channel ("Thank you, Mr. President.",
    "How are you?", "Thank you very much. Great.")."""
    if len(said.text) > PLEASANTRIES_CHARS:
        return False
    pleasant = False
    for part in said.spoken:
        if pleasantry(part):
            pleasant = True
        elif not backchannel(WORD.findall(part)):
            return False
    return pleasant


def pleasantry(sentence: str) -> bool:
    """Thanks or a greeting (``Thank you, Mr. President.``), or a short sentence of thanks
    (words counted last: most sentences thank nobody)."""
    return _PLEASANTRY.match(sentence.strip(" \"“”'‘’—–-")) is not None or (
        _GRATITUDE.search(sentence) is not None
        and "?" not in sentence
        and len(WORD.findall(sentence)) <= _LONG_THANKS
    )


def opens_with_pleasantry(reply: TurnText) -> bool:
    """A reply whose first sentence thanks or greets ("Hi. Thanks for having me.")."""
    if len(reply.text) <= PLEASANTRIES_CHARS:
        parts = reply.spoken
    else:
        parts = sentences(STAGE_NOTE.sub(" ", reply.text[:PLEASANTRIES_CHARS]))
    return bool(parts) and pleasantry(parts[0])
