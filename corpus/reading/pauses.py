"""A pause between the cues of a transcript that names nobody: weak evidence of a new turn.

Where subtitles or a recogniser's segments carry no speakers, the silence between two
cues was once taken for a change of speaker on its own (a blank line, which the outline
reads as a turn's start). But speakers pause inside their own turns, to find a word or
between two halves of one question ("Can you do the widgets?" / pause / "Like if it's
read-only, can I slide the widgets ...?"), and a Whisper transcript of a podcast split
and invented questions there. So a pause opens a turn only where the words on either
side bear it out:

- the talk before it has finished its sentence (a pause inside a sentence is the
  speaker searching for words), and
- the talk after it opens as a reply: a reaction, a back-channel, an agreement
  ("Yeah, Calvin, I definitely think ..."), or, after a question, words that neither
  ask again nor carry the question on (the answer, not the asker going on).

In text without punctuation none of this can be read, and a pause stays a paragraph
break: there the outline already needs a question read from word order after it
(:mod:`corpus.outline.unpunctuated`).
"""

from __future__ import annotations

from corpus.outline.said import has_question_mark
from corpus.outline.turn_cues import agrees, backchannel, carries_on, confirms, reacts

#: The end of a sentence, closing quotes and brackets aside.
_SENTENCE_ENDS = frozenset(".?!…")
_CLOSERS = "\"'”’)] "


def pause_opens_turn(before: str, after: str) -> bool:
    """Whether a pause between the words ``before`` it and ``after`` it (each a cue's
    text) is borne out as a change of speaker by the words themselves."""
    said = before.rstrip(_CLOSERS)
    if not said or said[-1] not in _SENTENCE_ENDS:
        return False  # the sentence runs on over the pause
    if reacts(after) or backchannel(after) or agrees(after) or confirms(after):
        return True  # a reply opens: "Yeah, ...", "Exactly.", "Mm-hmm."
    return said[-1] == "?" and not has_question_mark(after) and not carries_on(after)
