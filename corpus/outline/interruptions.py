"""Short turns said inside the interviewee's answer: the interviewee's words said back (an
echo), a sentence cut off ("Because —"), a word put in while the interviewee is cut off,
and the interviewee's cut-off sentence finished by the asker.

Each is a turn of the asker's that interrupts or follows the answer rather than asking:
the document shows it by dashes, by the words the interviewee just said, and by who
speaks before and after.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from itertools import pairwise

from corpus.outline.said import Said, has_question_mark
from corpus.outline.turn_text import WORD

DASHES = ("—", "–", "--", "-")
#: A short turn: back-channel, an echo or a fragment is at most this many words.
SHORT = 8
#: An echo repeats what the interviewee said last: this many characters of each turn.
_ECHO_REACH = 400
_PRONOUNS = {"you": "i", "your": "my", "you're": "i'm", "yours": "mine", "you've": "i've"}
_FUNCTION_TEXT = (
    "a an the and or but so to of in on at for with that this it is are was were be do does "
    "did i you he she we they my your his her our their me him us them"
)
_FUNCTION_WORDS = frozenset(_FUNCTION_TEXT.split())


def interrupts(
    words: list[str], text: str, turns: Sequence[Said], index: int, askers: Collection[str]
) -> bool:
    """The short turn at ``index`` (``words`` of ``text``) is an echo, a fragment, an
    interjection or a completion of the interviewee's sentence."""
    return (
        _echo(words, turns, index, askers)
        or fragment(text)
        or _interjection(turns, index, askers)
        or _completion(text, turns, index, askers)
    )


def fragment(text: str) -> bool:
    """Cut off: "Because —", "He's —"."""
    return text.rstrip(" \"”'’").endswith(DASHES)


def _completion(text: str, turns: Sequence[Said], index: int, askers: Collection[str]) -> bool:
    """The asker finishes the interviewee's cut-off sentence ("Would they have --" -
    "Come out differently.")."""
    if index == 0 or has_question_mark(text):
        return False
    before = turns[index - 1]
    return before.speaker not in askers and fragment(before.text)


def _echo(words: list[str], turns: Sequence[Said], index: int, askers: Collection[str]) -> bool:
    """The interviewee's own words said back ("That's right." after "That's right.", "You
    love the president?" after "I love the president."): each pair of neighbouring words,
    "you" read as "I", occurs in the interviewee's last turns."""
    said = [
        turn.text
        for turn in turns[max(0, index - 3) : index]
        if turn.speaker not in askers or not turn.speaker
    ]
    if not said:
        return False
    mine = _without_repeats([_PRONOUNS.get(w.casefold(), w.casefold()) for w in words])
    said_last = "\n".join(text[-_ECHO_REACH:] for text in said).casefold()
    if not all(word in said_last for word in mine):
        return False  # a word not said at all (cheaper to tell than the pairs below)
    heard = [w.casefold() for text in said for w in WORD.findall(text[-_ECHO_REACH:])]
    if len(mine) == 1:
        return mine[0] in heard and mine[0] not in _FUNCTION_WORDS
    pairs = set(pairwise(heard))
    return all(pair in pairs for pair in pairwise(mine))


def _without_repeats(words: list[str]) -> list[str]:
    """ "that's that's right" as "that's right": a stammer is no new word."""
    return [w for i, w in enumerate(words) if i == 0 or words[i - 1] != w]


def _interjection(turns: Sequence[Said], index: int, askers: Collection[str]) -> bool:
    """A word put in while the interviewee is cut off mid-sentence and then carries on."""
    if index == 0 or index + 1 >= len(turns):
        return False
    before, after = turns[index - 1], turns[index + 1]
    if before.speaker in askers or after.speaker != before.speaker:
        return False
    carried_on = (
        after.text.lstrip()[:1] in ("—", "–", "-", "…") or after.text.lstrip()[:1].islower()
    )
    return fragment(before.text) and carried_on
