"""What a listener says while the other talks: back-channel ("Yeah.", "Mm-hmm.") and short
reactions to what was just said ("Wow, that's incredible.").

Such turns put nothing to the interviewee, whatever their punctuation. They are told by a
small closed set of words every interview uses, not by a transcript's names or phrases.
"""

from __future__ import annotations

from corpus.outline.said import has_question_mark
from corpus.outline.turn_text import WORD, TurnText

_BACKCHANNEL_TEXT = """yeah yes yep yup no nope mm mhm mm-hmm mmhmm mhmm uh-huh uh huh hmm um
    uh ah oh okay ok right sure wow great good cool exactly absolutely true indeed really
    interesting got it i see that's it's correct fine alright all laughs laughter laughing
    crosstalk inaudible well so amazing fantastic nice perfect totally definitely awesome
    incredible wonderful fascinating crazy wild neat lovely beautiful brilliant impressive
    gosh geez wow very"""
_BACKCHANNEL_WORDS = frozenset(_BACKCHANNEL_TEXT.split())
#: Words that open a remark on what was just said ("That's amazing.", "What a story.").
_POINTING_BACK = frozenset(
    ["that's", "that’s", "that is", "that was", "that sounds", "this is", "what a", "how"]
)
_SECOND_PERSON = frozenset(["you", "your", "you're", "you’re", "yours", "you've", "you’ve"])


def backchannel(words: list[str]) -> bool:
    """A few back-channel words and nothing else ("Yeah, yeah.", "Mm-hmm. Right.")."""
    return 0 < len(words) <= 4 and all(w.casefold() in _BACKCHANNEL_WORDS for w in words)


def reaction(said: TurnText) -> bool:
    """Short exclamations and back-channel only ("Wow. That's amazing.", "Right, right.
    Incredible.")."""
    if has_question_mark(said.text):
        return False
    parts = said.spoken
    return bool(parts) and all(backchannel(WORD.findall(part)) or _remark(part) for part in parts)


def _remark(sentence: str) -> bool:
    """A remark on what was just said, not about the interviewee ("Wow, that's incredible
    growth.", "Oh, what a story."): after back-channel words it opens with a word that points
    back (``that``, ``this``) and speaks to no one ("you")."""
    words = [w.casefold() for w in WORD.findall(sentence)]
    while words and words[0] in _BACKCHANNEL_WORDS and words[0] not in _POINTING_BACK:
        words = words[1:]
    return (
        bool(words)
        and (words[0] in _POINTING_BACK or " ".join(words[:2]) in _POINTING_BACK)
        and not _SECOND_PERSON.intersection(words)
    )
